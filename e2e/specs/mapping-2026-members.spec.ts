import {
  CreateEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
  type EventSourceMappingMetric,
} from '@aws-sdk/client-lambda';
import type { Emulator } from '../emulator.ts';
import type { MappingFormPage } from '../pages/mapping-form-page.ts';
import type { MappingPage } from '../pages/mapping-page.ts';
import { expect, test } from '../fixtures.ts';

// Issue 9: provisioned mode (ProvisionedPollerConfig), MetricsConfig, LoggingConfig and Kafka's
// error handling, in the create and edit forms and on the detail page.

// Guests are read-only in the real stack; these tests write, so the guest may here.
test.beforeEach(async ({ emulator }) => {
  await emulator.updateSettings({ guestAccess: 'read-write' });
});

const ACCOUNT = '123456789012';
const arn = (service: string, resource: string) =>
  `arn:aws:${service}:us-east-1:${ACCOUNT}:${resource}`;
const SECRET = arn('secretsmanager', 'secret:e2e/members-AbCdEf');
/** A function of the default seed. */
const FUNCTION = 'inventory-sync-staging';
/**
 * The default seed's self-managed Kafka mapping with SASL/OAUTHBEARER (`SEED_OAUTH_KAFKA_MAPPING_UUID`
 * of emulator/src/seed.ts; the specs treat the emulator as a black box and name it here).
 */
const SEED_OAUTH_KAFKA_MAPPING_UUID = '6e997677-6161-4606-b9c0-7e9335472fd3';

const PROVISIONED = 'Provisioned mode';
const MONITORING = 'Monitoring';
const ERROR_HANDLING = 'Error handling';
const MIN = 'ProvisionedPollerConfig.MinimumPollers';
const MAX = 'ProvisionedPollerConfig.MaximumPollers';
const METRICS = 'MetricsConfig.Metrics';
const LOG_LEVEL = 'LoggingConfig.SystemLogLevel';
const ON_DEMAND = 'On-demand: Lambda scales the pollers (no ProvisionedPollerConfig).';
const TAGS = { team: 'orders' };
const NO_METRICS = 'No event source mapping metrics or system logs are turned on.';

/** One source type and the 2026 members it takes. */
interface MembersCase {
  title: string;
  /** Fills the source and function part of the create form with valid values. */
  fill: (form: MappingFormPage) => Promise<void>;
  /** The same mapping as a CreateEventSourceMapping request, without the 2026 members. */
  request: CreateEventSourceMappingCommandInput;
  /** Provisioned mode: pollers to create with, and the MaximumPollers the edit sets. */
  pollers?: { min: number; max: number; newMax: number };
  /** Metrics to tick, in this order. */
  metrics: EventSourceMappingMetric[];
  /** Kafka: error handling (needs provisioned mode) and system logs too. */
  kafka: boolean;
}

const cases: MembersCase[] = [
  {
    title: 'Amazon SQS standard queue',
    fill: async (form) => {
      await form.field('EventSourceArn').fill(arn('sqs', 'e2e-members'));
      await expect(form.page.getByRole('radio', { name: /^Amazon SQS \(standard/ })).toBeChecked();
    },
    request: { FunctionName: FUNCTION, EventSourceArn: arn('sqs', 'e2e-members') },
    pollers: { min: 2, max: 20, newMax: 30 },
    metrics: ['EventCount'],
    kafka: false,
  },
  {
    title: 'Amazon SQS FIFO queue',
    fill: async (form) => {
      await form.field('EventSourceArn').fill(arn('sqs', 'e2e-members.fifo'));
      await expect(form.page.getByRole('radio', { name: /^Amazon SQS \(FIFO/ })).toBeChecked();
    },
    request: { FunctionName: FUNCTION, EventSourceArn: arn('sqs', 'e2e-members.fifo') },
    pollers: { min: 3, max: 12, newMax: 40 },
    metrics: ['EventCount'],
    kafka: false,
  },
  {
    title: 'Amazon MSK',
    fill: async (form) => {
      await form.chooseSourceType('Amazon MSK');
      await form
        .field('EventSourceArn')
        .fill(arn('kafka', 'cluster/e2e-members/abcd1234-ab12-cd34-ef56-abcdef123456-2'));
      await form.startingPosition('TRIM_HORIZON').check();
      await form.field('Topics').fill('orders');
    },
    request: {
      FunctionName: FUNCTION,
      EventSourceArn: arn('kafka', 'cluster/e2e-members/abcd1234-ab12-cd34-ef56-abcdef123456-2'),
      StartingPosition: 'TRIM_HORIZON',
      Topics: ['orders'],
    },
    pollers: { min: 1, max: 10, newMax: 15 },
    metrics: ['EventCount', 'ErrorCount', 'KafkaMetrics'],
    kafka: true,
  },
  {
    title: 'self-managed Apache Kafka',
    fill: async (form) => {
      await form.chooseSourceType('Self-managed Apache Kafka');
      await form.field('Bootstrap servers').fill('b-1.e2e.example.com:9092');
      await form.field('Topics').fill('orders');
      await form.addSourceAccessButton.click();
      await form.chooseSourceAccessType(0, 'SASL_SCRAM_512_AUTH');
      await form.sourceAccessUri(0).fill(SECRET);
    },
    request: {
      FunctionName: FUNCTION,
      SelfManagedEventSource: {
        Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.e2e.example.com:9092'] },
      },
      Topics: ['orders'],
      StartingPosition: 'TRIM_HORIZON',
      SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: SECRET }],
    },
    pollers: { min: 2, max: 8, newMax: 16 },
    metrics: ['ErrorCount', 'KafkaMetrics'],
    kafka: true,
  },
  {
    title: 'Amazon Kinesis (metrics only: no provisioned mode)',
    fill: async (form) => {
      await form.chooseSourceType('Amazon Kinesis');
      await form.field('EventSourceArn').fill(arn('kinesis', 'stream/e2e-members'));
      await form.startingPosition('LATEST').check();
    },
    request: {
      FunctionName: FUNCTION,
      EventSourceArn: arn('kinesis', 'stream/e2e-members'),
      StartingPosition: 'LATEST',
    },
    metrics: ['EventCount'],
    kafka: false,
  },
];

async function get(emulator: Emulator, UUID: string) {
  return emulator.lambda.send(new GetEventSourceMappingCommand({ UUID }));
}

/** Creates a mapping through the SDK (someone else's tool) and waits until it is Enabled. */
async function createThroughSdk(
  emulator: Emulator,
  input: CreateEventSourceMappingCommandInput,
): Promise<string> {
  const created = await emulator.lambda.send(new CreateEventSourceMappingCommand(input));
  const uuid = created.UUID ?? '';
  await expect
    .poll(async () => (await get(emulator, uuid)).State, { timeout: 10_000 })
    .toBe('Enabled');
  return uuid;
}

/** The 2026 members of a case, as a request would carry them. */
function membersOf(c: MembersCase): Partial<CreateEventSourceMappingCommandInput> {
  return {
    ...(c.pollers
      ? {
          ProvisionedPollerConfig: { MinimumPollers: c.pollers.min, MaximumPollers: c.pollers.max },
        }
      : {}),
    MetricsConfig: { Metrics: c.metrics },
    ...(c.kafka
      ? {
          MaximumRetryAttempts: 3,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          LoggingConfig: { SystemLogLevel: 'INFO' },
        }
      : {}),
  };
}

/** Opens the mapping's page and waits until it is Enabled again after a change. */
async function expectSettled(mappingPage: MappingPage, uuid: string) {
  await expect(mappingPage.page).toHaveURL(`/mappings/${uuid}`);
  await expect(mappingPage.transitionStates.last()).toHaveText('Enabled');
}

test.describe('create with provisioned mode and metrics', () => {
  for (const c of cases) {
    test(`${c.title}: the review shows them, the detail page too`, async ({
      mappingForm: form,
      mappingPage,
      page,
    }) => {
      await form.gotoNew();
      await c.fill(form);
      await form.fillFunctionName(FUNCTION);
      if (c.pollers) {
        await form.field(MIN).fill(String(c.pollers.min));
        await form.field(MAX).fill(String(c.pollers.max));
      } else {
        await expect(page.getByRole('heading', { name: PROVISIONED, level: 2 })).toHaveCount(0);
        await expect(form.field(MIN)).toHaveCount(0);
      }
      for (const metric of c.metrics) await form.checkbox(metric).check();
      await form.addTag('team', TAGS.team);
      if (!c.kafka) await expect(form.checkbox('KafkaMetrics')).toHaveCount(0);
      if (c.kafka) {
        await form.field('MaximumRetryAttempts').fill('3');
        await form.checkbox('ReportBatchItemFailures').check();
        await form.chooseOption(LOG_LEVEL, 'INFO');
      } else {
        await expect(form.select(LOG_LEVEL)).toHaveCount(0);
      }

      await form.review();
      expect(await form.requestBody()).toMatchObject({ ...membersOf(c), Tags: TAGS });
      await expect(form.cliCommand).toContainText(`--tags '{"team":"${TAGS.team}"}'`);
      if (c.pollers) await expect(form.cliCommand).toContainText('--provisioned-poller-config');
      await expect(form.cliCommand).toContainText('--metrics-config');
      await form.createButton.click();

      await expect(page).toHaveURL(/\/mappings\/[0-9a-f-]{36}$/);
      await expect(mappingPage.transitionStates.last()).toHaveText('Enabled');
      if (c.pollers) {
        await expect(mappingPage.value(PROVISIONED, MIN)).toHaveText(String(c.pollers.min));
        await expect(mappingPage.value(PROVISIONED, MAX)).toHaveText(String(c.pollers.max));
      } else {
        await expect(page.getByRole('heading', { name: PROVISIONED, level: 2 })).toHaveCount(0);
      }
      await expect(mappingPage.value(MONITORING, METRICS)).toHaveText(c.metrics.join(', '));
      await expect(mappingPage.value('Tags', 'team')).toHaveText(TAGS.team);
      if (c.kafka) {
        await expect(mappingPage.value(MONITORING, LOG_LEVEL)).toHaveText('INFO');
        await expect(mappingPage.value(ERROR_HANDLING, 'MaximumRetryAttempts')).toHaveText('3');
        await expect(mappingPage.value(ERROR_HANDLING, 'FunctionResponseTypes')).toHaveText(
          'ReportBatchItemFailures',
        );
      }
    });
  }
});

test.describe('edit provisioned mode and metrics, then turn them off', () => {
  for (const c of cases) {
    test(`${c.title}: old → new before Apply, then on-demand and no metrics`, async ({
      mappingForm: form,
      mappingPage,
      emulator,
      page,
    }) => {
      const uuid = await createThroughSdk(emulator, {
        ...c.request,
        ...membersOf(c),
        Tags: TAGS,
      });
      let team = TAGS.team;

      // 1. A new maximum and a new tag value: the diff names the old and the new values.
      if (c.pollers) {
        await form.gotoEdit(uuid);
        await expect(form.field(MAX)).toHaveValue(String(c.pollers.max));
        await form.field(MAX).fill(String(c.pollers.newMax));
        await expect(form.tagValue(0)).toHaveValue(TAGS.team);
        await form.tagValue(0).fill('payments');
        await form.reviewChangesButton.click();
        await expect(form.changes.getByRole('row')).toHaveCount(3);
        await expect(form.change('Tags.team')).toContainText(`${TAGS.team}payments`);
        await expect(form.cliCommand).toContainText(`--tags '{"team":"payments"}'`);
        await expect(form.change('ProvisionedPollerConfig')).toContainText(
          `MinimumPollers ${c.pollers.min}\nMaximumPollers ${c.pollers.max}`,
        );
        await expect(form.change('ProvisionedPollerConfig')).toContainText(
          `MaximumPollers ${c.pollers.newMax}`,
        );
        await form.applyButton.click();
        await expectSettled(mappingPage, uuid);
        await expect(mappingPage.value(PROVISIONED, MAX)).toHaveText(String(c.pollers.newMax));
        await expect(mappingPage.value(PROVISIONED, MIN)).toHaveText(String(c.pollers.min));
        await expect(mappingPage.value('Tags', 'team')).toHaveText('payments');
        team = 'payments';
      }

      // 2. Everything off: no pollers, no metrics (and, for Kafka, what needs provisioned mode).
      await form.gotoEdit(uuid);
      await expect(form.checkbox(c.metrics[0] ?? '')).toBeChecked();
      if (c.pollers) {
        await form.field(MIN).fill('');
        await form.field(MAX).fill('');
      }
      for (const metric of c.metrics) await form.checkbox(metric).uncheck();
      await expect(form.tagKey(0)).toHaveValue('team');
      await form.removeTag(0);
      if (c.kafka) {
        // The form keeps a request Lambda would refuse from being sent, and says why.
        await form.reviewChangesButton.click();
        await expect(form.field('MaximumRetryAttempts')).toHaveAccessibleDescription(
          /MaximumRetryAttempts needs provisioned mode on Kafka/,
        );
        await form.field('MaximumRetryAttempts').fill('');
        await form.checkbox('ReportBatchItemFailures').uncheck();
        await form.chooseOption(LOG_LEVEL, 'Not set');
      }
      await form.reviewChangesButton.click();
      await expect(form.change('MetricsConfig')).toContainText(`Metrics ${c.metrics.join(', ')}`);
      await expect(form.change('MetricsConfig').getByRole('cell').last()).toHaveText('none');
      if (c.pollers) {
        await expect(form.change('ProvisionedPollerConfig').getByRole('cell').last()).toHaveText(
          'none',
        );
      }
      if (c.kafka) {
        await expect(form.change('LoggingConfig').getByRole('cell').last()).toHaveText('none');
      }
      await expect(form.change('Tags.team')).toContainText(`${team}removed`);
      await expect(form.cliCommand).toContainText('aws lambda untag-resource');
      await expect(form.cliCommand).toContainText('--tag-keys team');
      await expect(form.requestJson).toContainText('"MetricsConfig"');
      await form.applyButton.click();
      await expectSettled(mappingPage, uuid);
      if (c.pollers) {
        await expect(page.getByText(ON_DEMAND)).toBeVisible();
        await expect(mappingPage.pairs(PROVISIONED)).toHaveCount(0);
      }
      // No metric is listed: the group's sentence, or an empty Metrics list as Lambda returned it.
      await expect(
        mappingPage.value(MONITORING, METRICS).or(page.getByText(NO_METRICS)),
      ).toHaveText(
        /^(\[\] \(none\)|No event source mapping metrics or system logs are turned on\.)$/,
      );
      await expect(mappingPage.value(MONITORING, LOG_LEVEL)).toHaveCount(0);
      await expect(page.getByText('No tags.')).toBeVisible();
      if (c.kafka) {
        await expect(mappingPage.value(ERROR_HANDLING, 'MaximumRetryAttempts')).toHaveText(
          '-1 (retry until the record expires)',
        );
      }
    });
  }
});

test('the seed OAUTHBEARER self-managed Kafka mapping: BatchSize changed and saved, the OAuth rows unchanged', async ({
  mappingForm: form,
  mappingPage,
  emulator,
  page,
}) => {
  const uuid = SEED_OAUTH_KAFKA_MAPPING_UUID;
  const before = await get(emulator, uuid);
  const access = before.SourceAccessConfigurations ?? [];
  expect(access.map((c) => c.Type)).toContain('OAUTHBEARER_AUTH');
  const accessLines = access.map((c) => `${c.Type ?? ''}: ${c.URI ?? ''}`);

  await mappingPage.goto(uuid);
  await expect(mappingPage.value('Source', 'SourceAccessConfigurations')).toHaveText(
    accessLines.join(''),
  );
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit mapping ${uuid}` })).toBeVisible();
  for (const [index, c] of access.entries()) {
    await expect(form.sourceAccessUri(index)).toHaveValue(c.URI ?? '');
  }
  await form.field('BatchSize').fill('250');
  await form.reviewChangesButton.click();
  await expect(form.changes.getByRole('row')).toHaveCount(2);
  await expect(form.change('BatchSize')).toContainText(`${before.BatchSize ?? ''}250`);
  expect(await form.requestBody()).toEqual({ UUID: uuid, BatchSize: 250 });
  await form.applyButton.click();

  await expectSettled(mappingPage, uuid);
  await expect(mappingPage.value('Batching', 'BatchSize')).toHaveText('250');
  await expect(mappingPage.value('Source', 'SourceAccessConfigurations')).toHaveText(
    accessLines.join(''),
  );
  await expect(mappingPage.value('Tags', 'auth')).toHaveText('oauth');
  expect((await get(emulator, uuid)).SourceAccessConfigurations).toEqual(access);
});

test.describe('rules a user sees before anything is sent', () => {
  test('SQS: MaximumConcurrency and provisioned pollers together are refused next to MaximumConcurrency', async ({
    mappingForm: form,
  }) => {
    await form.gotoNew();
    await form.field('EventSourceArn').fill(arn('sqs', 'e2e-rules'));
    await form.fillFunctionName(FUNCTION);
    await form.field('ScalingConfig.MaximumConcurrency').fill('5');
    await form.field(MIN).fill('2');
    await form.reviewButton.click();
    const concurrency = form.field('ScalingConfig.MaximumConcurrency');
    await expect(concurrency).toHaveAccessibleDescription(
      /Clear ScalingConfig\.MaximumConcurrency, or the provisioned pollers: SQS takes one or the other, not both/,
    );
    await expect(concurrency).toBeFocused();
    // Either one alone is fine.
    await form.field(MIN).fill('');
    await expect(concurrency).not.toHaveAccessibleDescription(/one or the other/);
    await form.review();
    await expect(form.requestJson).toContainText('"ScalingConfig"');
    await expect(form.requestJson).not.toContainText('ProvisionedPollerConfig');
  });

  test('MSK: MaximumRetryAttempts without provisioned mode is refused with "needs provisioned mode"', async ({
    mappingForm: form,
  }) => {
    await form.gotoNew();
    await cases[2]?.fill(form);
    await form.fillFunctionName(FUNCTION);
    await form.field('MaximumRetryAttempts').fill('3');
    await form.reviewButton.click();
    const retries = form.field('MaximumRetryAttempts');
    await expect(retries).toHaveAccessibleDescription(
      /MaximumRetryAttempts needs provisioned mode on Kafka: set MinimumPollers or MaximumPollers under Provisioned mode, or clear this/,
    );
    await expect(retries).toBeFocused();
    // With provisioned pollers the same value is accepted.
    await form.field(MIN).fill('1');
    await expect(retries).not.toHaveAccessibleDescription(/needs provisioned mode/);
    await form.review();
    expect(await form.requestBody()).toMatchObject({
      MaximumRetryAttempts: 3,
      ProvisionedPollerConfig: { MinimumPollers: 1 },
    });
  });
});
