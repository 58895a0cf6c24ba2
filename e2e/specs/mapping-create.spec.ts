import { GetEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import type { MappingFormPage } from '../pages/mapping-form-page.ts';
import { expect, test } from '../fixtures.ts';

// Guests are read-only in the real stack; these tests write, so the guest may here.
test.beforeEach(async ({ emulator }) => {
  await emulator.updateSettings({ guestAccess: 'read-write' });
});

const ACCOUNT = '123456789012';
const arn = (service: string, resource: string) =>
  `arn:aws:${service}:us-east-1:${ACCOUNT}:${resource}`;
const SECRET = arn('secretsmanager', 'secret:e2e/create-AbCdEf');
/** A function of the default seed. */
const FUNCTION = 'inventory-sync-staging';
/** Passes the form's JSON check, but Lambda refuses the operator (there is no `starts-with`). */
const PATTERN_AWS_REFUSES = '{"eventName": [{"starts-with": "INSERT"}]}';
const PATTERN_OK = '{"eventName": [{"prefix": "INSERT"}]}';

/**
 * One source type: how to fill the form (valid values, except what the refusals need), one value
 * the form itself refuses (with its message and fix), and how Lambda refuses the otherwise valid
 * request: an unknown function, or a filter pattern it does not accept.
 */
interface CreateCase {
  title: string;
  fill: (form: MappingFormPage) => Promise<void>;
  formRefusal: {
    field: string;
    value: string;
    message: RegExp;
    fixed: string;
  };
  serverRefusal: 'function' | 'filter';
  /** A field whose value must survive both refusals, and that value. */
  kept: { field: string; value: string };
}

const cases: CreateCase[] = [
  {
    title: 'Amazon Kinesis (chosen as a tile)',
    fill: async (form) => {
      await form.chooseSourceType('Amazon Kinesis');
      await form.field('EventSourceArn').fill(arn('kinesis', 'stream/e2e-create'));
      await form.startingPosition('LATEST').check();
      await form.field('ParallelizationFactor').fill('2');
    },
    formRefusal: {
      field: 'BatchSize',
      value: '20000',
      message: /BatchSize for Amazon Kinesis must be 1–10,000 records; 20000 is too high/,
      fixed: '500',
    },
    serverRefusal: 'function',
    kept: { field: 'ParallelizationFactor', value: '2' },
  },
  {
    title: 'Amazon DynamoDB Streams (detected from the stream ARN)',
    fill: async (form) => {
      await form
        .field('EventSourceArn')
        .fill(arn('dynamodb', 'table/e2e-create/stream/2026-01-01T00:00:00.000'));
      await expect(
        form.page.getByRole('radio', { name: /^Amazon DynamoDB Streams/ }),
      ).toBeChecked();
      await form.startingPosition('TRIM_HORIZON').check();
    },
    formRefusal: {
      field: 'MaximumRecordAgeInSeconds',
      value: '30',
      message:
        /MaximumRecordAgeInSeconds for Amazon DynamoDB Streams must be -1 \(infinite\) or 60–604,800 seconds/,
      fixed: '3600',
    },
    serverRefusal: 'filter',
    kept: { field: 'MaximumRecordAgeInSeconds', value: '3600' },
  },
  {
    title: 'Amazon SQS standard queue (detected from the queue ARN)',
    fill: async (form) => {
      await form.field('EventSourceArn').fill(arn('sqs', 'e2e-create'));
      await expect(form.page.getByRole('radio', { name: /^Amazon SQS \(standard/ })).toBeChecked();
      await form.field('BatchSize').fill('50');
      await form.field('ScalingConfig.MaximumConcurrency').fill('5');
    },
    formRefusal: {
      field: 'MaximumBatchingWindowInSeconds',
      value: '',
      message: /SQS BatchSize above 10 needs MaximumBatchingWindowInSeconds of at least 1 second/,
      fixed: '2',
    },
    serverRefusal: 'function',
    kept: { field: 'ScalingConfig.MaximumConcurrency', value: '5' },
  },
  {
    title: 'Amazon SQS FIFO queue (detected from the .fifo name)',
    fill: async (form) => {
      await form.field('EventSourceArn').fill(arn('sqs', 'e2e-create.fifo'));
      await expect(form.page.getByRole('radio', { name: /^Amazon SQS \(FIFO/ })).toBeChecked();
      await expect(form.field('MaximumBatchingWindowInSeconds')).toHaveCount(0);
    },
    formRefusal: {
      field: 'BatchSize',
      value: '20',
      message: /BatchSize for Amazon SQS \(FIFO queue\) must be 1–10 records; 20 is too high/,
      fixed: '10',
    },
    serverRefusal: 'filter',
    kept: { field: 'BatchSize', value: '10' },
  },
  {
    title: 'Amazon MSK',
    fill: async (form) => {
      await form.chooseSourceType('Amazon MSK');
      await form
        .field('EventSourceArn')
        .fill(arn('kafka', 'cluster/e2e-create/abcd1234-ab12-cd34-ef56-abcdef123456-2'));
      await form.startingPosition('TRIM_HORIZON').check();
      await form.field('Consumer group ID').fill('e2e-create-group');
    },
    formRefusal: {
      field: 'Topics',
      value: '.orders',
      message: /Enter a topic name of 2–249 characters/,
      fixed: 'orders',
    },
    serverRefusal: 'function',
    kept: { field: 'Consumer group ID', value: 'e2e-create-group' },
  },
  {
    title: 'self-managed Apache Kafka (bootstrap servers, no ARN)',
    fill: async (form) => {
      await form.chooseSourceType('Self-managed Apache Kafka');
      await expect(form.field('EventSourceArn')).toHaveCount(0);
      await form.field('Topics').fill('orders');
      await form.addSourceAccessButton.click();
      await form.chooseSourceAccessType(0, 'SASL_SCRAM_512_AUTH');
      await form.sourceAccessUri(0).fill(SECRET);
    },
    formRefusal: {
      field: 'Bootstrap servers',
      value: 'kafka.e2e.example.com',
      message: /“kafka.e2e.example.com” is not host:port/,
      fixed: 'b-1.e2e.example.com:9092,b-2.e2e.example.com:9092',
    },
    serverRefusal: 'filter',
    kept: { field: 'Topics', value: 'orders' },
  },
  {
    title: 'Amazon MQ ActiveMQ (detected from the broker ARN)',
    fill: async (form) => {
      await form
        .field('EventSourceArn')
        .fill(arn('mq', 'broker:e2e-create:b-0123abcd-4567-89ab-cdef-0123456789ab'));
      await expect(form.page.getByRole('radio', { name: /^Amazon MQ \(ActiveMQ/ })).toBeChecked();
      await form.field('Queues').fill('orders.created');
    },
    formRefusal: {
      field: 'URI of entry 1',
      value: 'my-broker-password',
      message: /BASIC_AUTH needs a Secrets Manager secret ARN/,
      fixed: SECRET,
    },
    serverRefusal: 'function',
    kept: { field: 'Queues', value: 'orders.created' },
  },
  {
    title: 'Amazon MQ RabbitMQ (broker ARN, engine chosen, virtual host)',
    fill: async (form) => {
      await form
        .field('EventSourceArn')
        .fill(arn('mq', 'broker:e2e-create-rabbit:b-1123abcd-4567-89ab-cdef-0123456789ab'));
      await form.chooseSourceType('Amazon MQ (RabbitMQ)');
      await form.sourceAccessUri(0).fill(SECRET);
      await form.addSourceAccessButton.click();
      await form.chooseSourceAccessType(1, 'VIRTUAL_HOST');
      await form.sourceAccessUri(1).fill('/');
    },
    formRefusal: {
      field: 'Queues',
      value: '',
      message: /Enter the Amazon MQ queue to read \(exactly one\)/,
      fixed: 'orders-created',
    },
    serverRefusal: 'filter',
    kept: { field: 'URI of entry 2', value: '/' },
  },
  {
    title: 'Amazon DocumentDB (detected from the cluster ARN)',
    fill: async (form) => {
      await form.field('EventSourceArn').fill(arn('rds', 'cluster:e2e-create'));
      await expect(form.page.getByRole('radio', { name: /^Amazon DocumentDB/ })).toBeChecked();
      await form.startingPosition('LATEST').check();
      await form.field('CollectionName').fill('orders');
      await form.sourceAccessUri(0).fill(SECRET);
    },
    formRefusal: {
      field: 'DatabaseName',
      value: 'my shop',
      message: /Enter a database name of 1–63 characters without spaces/,
      fixed: 'shop',
    },
    serverRefusal: 'function',
    kept: { field: 'CollectionName', value: 'orders' },
  },
];

test.describe('create a mapping of every source type', () => {
  for (const c of cases) {
    test(`${c.title}: refused by the form, refused by Lambda, then created and Enabled`, async ({
      mappingForm: form,
      mappingPage,
      emulator,
      page,
    }) => {
      await form.gotoNew();
      await c.fill(form);
      await form.field(c.formRefusal.field).fill(c.formRefusal.value);
      await form.fillFunctionName(c.serverRefusal === 'function' ? 'no-such-function' : FUNCTION);
      if (c.serverRefusal === 'filter') await form.addFilter(PATTERN_AWS_REFUSES);

      // 1. The form refuses: the message is next to the field, which has the focus.
      await form.reviewButton.click();
      const refused = form.field(c.formRefusal.field);
      await expect(refused).toHaveAccessibleDescription(c.formRefusal.message);
      await expect(refused).toBeFocused();
      await refused.fill(c.formRefusal.fixed);
      await expect(refused).not.toHaveAccessibleDescription(c.formRefusal.message);

      // 2. Lambda refuses: back on step 1, the message next to the field, everything kept.
      await form.review();
      await expect(form.requestJson).toContainText('"FunctionName"');
      await expect(form.cliCommand).toContainText('aws lambda create-event-source-mapping');
      await form.createButton.click();
      await expect(page.getByText('Lambda refused the request')).toBeVisible();
      if (c.serverRefusal === 'function') {
        await expect(form.functionName).toHaveAccessibleDescription(
          /No function with this name .* exists in this account and Region/,
        );
        await expect(form.functionName).toBeFocused();
        await expect(form.functionName).toHaveValue('no-such-function');
        await form.fillFunctionName(FUNCTION);
      } else {
        await expect(page.getByText(/AWS refused a filter pattern/)).toBeVisible();
        await expect(form.filterPattern(0)).toHaveValue(PATTERN_AWS_REFUSES);
        await form.filterPattern(0).fill(PATTERN_OK);
      }
      await expect(form.field(c.formRefusal.field)).toHaveValue(c.formRefusal.fixed);
      await expect(form.field(c.kept.field)).toHaveValue(c.kept.value);
      const before = await emulator.stats();

      // 3. Created: the mapping's page follows it from Creating to Enabled.
      await form.review();
      await form.createButton.click();
      await expect(page).toHaveURL(/\/mappings\/[0-9a-f-]{36}$/);
      const uuid = page.url().split('/').pop() ?? '';
      await expect(mappingPage.heading(uuid)).toBeVisible();
      await expect(mappingPage.transitionStates.last()).toHaveText('Enabled');
      expect((await emulator.stats()).mappings).toBe(before.mappings + 1);
      const created = await emulator.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      expect(created.State).toBe('Enabled');
      expect(created.FunctionArn).toBe(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:${FUNCTION}`);
      if (c.serverRefusal === 'filter') {
        expect(created.FilterCriteria?.Filters).toEqual([{ Pattern: PATTERN_OK }]);
      }
    });
  }
});

test('StartingPositionTimestamp: picked as a date and time (UTC), sent to Lambda as a time', async ({
  mappingForm: form,
  emulator,
  page,
}) => {
  await form.gotoNew();
  await form
    .field('EventSourceArn')
    .fill(arn('kinesis', 'stream/e2e-ts/consumer/e2e-efo:1718000000'));
  await expect(
    page.getByText('Detected from the ARN: Kinesis enhanced fan-out consumer.'),
  ).toBeVisible();
  await form.startingPosition('AT_TIMESTAMP').check();
  // Typed as a person types it (one input, UTC; 030405 is read as 03:04:05).
  await page.getByLabel('StartingPositionTimestamp', { exact: true }).fill('2026/01/02 030405');
  await form.fillFunctionName(FUNCTION);
  await form.review();
  await expect(form.requestJson).toContainText(
    '"StartingPositionTimestamp": "2026-01-02T03:04:05.000Z"',
  );
  await expect(page.getByText(/the SDK sends it as epoch seconds \(1767323045\)/)).toBeVisible();
  await expect(form.cliCommand).toContainText(
    '--starting-position-timestamp 2026-01-02T03:04:05.000Z',
  );
  await form.createButton.click();
  await expect(page).toHaveURL(/\/mappings\/[0-9a-f-]{36}$/);
  const uuid = page.url().split('/').pop() ?? '';
  const created = await emulator.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
  expect(created.StartingPosition).toBe('AT_TIMESTAMP');
  expect(created.StartingPositionTimestamp?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
});

test('Enter in a field opens the review, as in any form', async ({ mappingForm: form, page }) => {
  await form.gotoNew();
  await form.field('EventSourceArn').fill(arn('sqs', 'e2e-enter'));
  await form.fillFunctionName(FUNCTION);
  await form.field('BatchSize').fill('5');
  await form.field('BatchSize').press('Enter');
  await expect(form.requestJson).toContainText('"BatchSize": 5');
  // With a mistake, Enter shows it next to its field instead.
  await page.getByRole('button', { name: 'Back to edit' }).click();
  await form.field('BatchSize').fill('20000');
  await form.field('BatchSize').press('Enter');
  await expect(page.getByText(/BatchSize for Amazon SQS \(standard queue\) must be/)).toBeVisible();
});

test('a mapping that already exists: the conflict links to it', async ({
  mappingForm: form,
  mappingPage,
  emulator,
  page,
}) => {
  const existing = (await emulator.firstMappings()).find(
    (m) => m.EventSourceArn?.includes(':sqs:') && !m.EventSourceArn.endsWith('.fifo'),
  );
  if (!existing?.UUID || !existing.EventSourceArn || !existing.FunctionArn) {
    throw new Error('The seed has no SQS mapping on its first page');
  }
  await form.gotoNew();
  await form.field('EventSourceArn').fill(existing.EventSourceArn);
  await form.fillFunctionName(existing.FunctionArn);
  await form.review();
  await form.createButton.click();
  await expect(
    page.getByText('A mapping for this source and function already exists'),
  ).toBeVisible();
  await expect(page.getByText(`(UUID ${existing.UUID})`)).toBeVisible();
  // Nothing typed is lost, and the request can be reviewed again.
  await expect(form.createButton).toBeVisible();
  await page.getByRole('link', { name: `Open mapping ${existing.UUID}` }).click();
  await expect(mappingPage.heading(existing.UUID)).toBeVisible();
});

test('TooManyRequestsException: the SDK retries it unseen; past its 5 attempts the form says so and keeps the input', async ({
  mappingForm: form,
  emulator,
  page,
}) => {
  const fill = async () => {
    await form.field('EventSourceArn').fill(arn('sqs', 'e2e-throttled'));
    await form.fillFunctionName(FUNCTION);
    await form.review();
  };
  const throttle = (count: number) =>
    emulator.injectFault({
      method: 'POST',
      pathPattern: 'event-source-mappings',
      status: 429,
      errorType: 'TooManyRequestsException',
      count,
    });

  // Five throttled answers: as many as a write's attempts (LAMBDA_WRITE_MAX_ATTEMPTS), so the
  // user sees it.
  await form.gotoNew();
  await fill();
  await throttle(5);
  await form.createButton.click();
  // Four back-offs of at least Retry-After (1 s) each, doubling up to 8 s.
  await expect(page.getByText('Too many requests')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Lambda is limiting the request rate/)).toBeVisible();
  await page.getByRole('button', { name: 'Back to edit' }).click();
  await expect(form.field('EventSourceArn')).toHaveValue(arn('sqs', 'e2e-throttled'));

  // Two throttled answers: the third attempt succeeds and the user never sees the throttling.
  await form.review();
  await throttle(2);
  await form.createButton.click();
  await expect(page).toHaveURL(/\/mappings\/[0-9a-f-]{36}$/);
});
