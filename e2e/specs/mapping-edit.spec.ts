import {
  GetEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
} from '@aws-sdk/client-lambda';
import type { Emulator } from '../emulator.ts';
import { expect, test } from '../fixtures.ts';

// Guests are read-only in the real stack; these tests write, so the guest may here.
test.beforeEach(async ({ emulator }) => {
  await emulator.updateSettings({ guestAccess: 'read-write' });
});

type Mapping = EventSourceMappingConfiguration & { UUID: string };

/** The first Enabled mapping among the first 50 (the list's first page) whose source matches. */
async function seedMapping(
  emulator: Emulator,
  match: (m: EventSourceMappingConfiguration) => boolean,
): Promise<Mapping> {
  const mapping = (await emulator.firstMappings())
    .slice(0, 50)
    .find((m) => m.State === 'Enabled' && m.UUID && match(m));
  if (!mapping?.UUID) throw new Error('The seed has no such Enabled mapping on its first page');
  return mapping as Mapping;
}

const isSqsStandard = (m: EventSourceMappingConfiguration) =>
  !!m.EventSourceArn?.includes(':sqs:') && !m.EventSourceArn.endsWith('.fifo');
const isKinesis = (m: EventSourceMappingConfiguration) => !!m.EventSourceArn?.includes(':kinesis:');

async function get(emulator: Emulator, UUID: string) {
  return emulator.lambda.send(new GetEventSourceMappingCommand({ UUID }));
}

test('edit: only changed fields are sent, with a diff first; clearing filters and scaling sends {}', async ({
  mappingForm: form,
  mappingPage,
  emulator,
  page,
}) => {
  const mapping = await seedMapping(emulator, (m) => isSqsStandard(m) && !m.FilterCriteria);
  await mappingPage.goto(mapping.UUID);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Edit mapping ${mapping.UUID}` }),
  ).toBeVisible();
  // The source is fixed at creation: read-only, with the reason.
  await expect(form.field('EventSourceArn')).toHaveValue(mapping.EventSourceArn ?? '');
  await expect(form.field('EventSourceArn')).toHaveAttribute('readonly', '');
  await expect(form.field('EventSourceArn')).toHaveAccessibleDescription(
    /AWS cannot change EventSourceArn of an existing mapping/,
  );

  await form.field('BatchSize').fill('37');
  await form.field('MaximumBatchingWindowInSeconds').fill('5');
  await form.field('ScalingConfig.MaximumConcurrency').fill('7');
  await form.addFilter('{"body": {"status": ["active"]}}');
  await form.reviewChangesButton.click();
  await expect(form.changes.getByRole('row', { name: /BatchSize/ })).toContainText(
    `${mapping.BatchSize ?? ''}37`,
  );
  await expect(form.changes.getByRole('row', { name: /FilterCriteria/ })).toContainText(
    'no filters{"body": {"status": ["active"]}}',
  );
  await expect(form.requestJson).toContainText(`"UUID": "${mapping.UUID}"`);
  await expect(form.requestJson).not.toContainText('EventSourceArn');
  await expect(form.cliCommand).toContainText('aws lambda update-event-source-mapping');
  await form.applyButton.click();

  await expect(page).toHaveURL(`/mappings/${mapping.UUID}`);
  await expect(mappingPage.transitionStates).toContainText(['Updating']);
  await expect(mappingPage.transitionStates.last()).toHaveText('Enabled');
  let now = await get(emulator, mapping.UUID);
  expect(now).toMatchObject({
    BatchSize: 37,
    MaximumBatchingWindowInSeconds: 5,
    ScalingConfig: { MaximumConcurrency: 7 },
    FilterCriteria: { Filters: [{ Pattern: '{"body": {"status": ["active"]}}' }] },
  });

  // Clearing: no filters and no maximum concurrency (AWS expects the empty objects).
  await form.gotoEdit(mapping.UUID);
  await page.getByRole('button', { name: 'Remove' }).click();
  await form.field('ScalingConfig.MaximumConcurrency').fill('');
  await form.reviewChangesButton.click();
  await expect(form.changes.getByRole('row')).toHaveCount(3);
  await expect(form.requestJson).toContainText('"FilterCriteria": {}');
  await expect(form.requestJson).toContainText('"ScalingConfig": {}');
  await form.applyButton.click();
  await expect(page).toHaveURL(`/mappings/${mapping.UUID}`);
  await expect(mappingPage.transitionStates.last()).toHaveText('Enabled');
  now = await get(emulator, mapping.UUID);
  expect(now.FilterCriteria).toBeUndefined();
  expect(now.ScalingConfig).toBeUndefined();
  expect(now.BatchSize).toBe(37);
});

test('edit: a change Lambda refuses because the mapping is busy is applied once it settles', async ({
  mappingForm: form,
  mappingPage,
  emulator,
  page,
}) => {
  await emulator.updateSettings({ transitionMs: 3000 });
  const mapping = await seedMapping(emulator, isKinesis);
  await form.gotoEdit(mapping.UUID);
  await expect(form.field('StartingPosition')).toHaveAttribute('readonly', '');
  await form.field('BatchSize').fill('321');
  await form.reviewChangesButton.click();
  await expect(form.applyButton).toBeEnabled();
  // Someone else disables it meanwhile: Lambda answers ResourceInUseException.
  await emulator.setEnabled(mapping.UUID, false);
  await form.applyButton.click();
  await expect(page.getByText('The mapping is busy', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Retry when settled' }).click();
  await expect(
    page.getByText(/Waiting for the mapping to settle \(State: Disabling\)/),
  ).toBeVisible();
  await expect(page).toHaveURL(`/mappings/${mapping.UUID}`, { timeout: 15_000 });
  await expect(mappingPage.transitionStates.last()).toHaveText('Disabled', { timeout: 15_000 });
  expect((await get(emulator, mapping.UUID)).BatchSize).toBe(321);
});

test('disable and enable from the list: the row follows each transition', async ({
  mappingsPage,
  emulator,
  page,
}) => {
  // Long enough transitions to see each intermediate state on a loaded machine.
  await emulator.updateSettings({ transitionMs: 3000 });
  const mapping = await seedMapping(emulator, isSqsStandard);
  await mappingsPage.goto(`?filter=UUID%3D${mapping.UUID}`);
  await mappingsPage.expectAllLoaded();
  const row = mappingsPage.row(mapping.UUID);
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Disable' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabling');
  await expect(row).toContainText('Disabled', { timeout: 15_000 });
  await expect(page.getByText('Disable finished: 1 of 1 done')).toBeVisible();
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Enable' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Enable' }).click();
  await expect(row).toContainText('Enabling');
  await expect(row).toContainText('Enabled', { timeout: 15_000 });
  expect((await get(emulator, mapping.UUID)).State).toBe('Enabled');
});

test('delete from the list: typed confirmation and a JSON copy first; the row shows Deleting, then goes', async ({
  mappingsPage,
  emulator,
  page,
}) => {
  await emulator.updateSettings({ transitionMs: 3000 });
  const mapping = await seedMapping(emulator, isSqsStandard);
  const before = await emulator.stats();
  await mappingsPage.goto(`?filter=UUID%3D${mapping.UUID}`);
  await mappingsPage.expectAllLoaded();
  const row = mappingsPage.row(mapping.UUID);
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Delete 1 mapping?');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download JSON' }).click();
  const saved = JSON.parse(
    await (await import('node:fs/promises')).readFile(await (await download).path(), 'utf8'),
  ) as { EventSourceMappings: { UUID: string }[] };
  expect(saved.EventSourceMappings.map((m) => m.UUID)).toEqual([mapping.UUID]);
  const confirm = dialog.getByRole('button', { name: 'Delete' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('delete 1');
  await confirm.click();
  await expect(row).toContainText('Deleting');
  await expect(mappingsPage.link(mapping.UUID)).toHaveCount(0, { timeout: 15_000 });
  expect((await emulator.stats()).mappings).toBe(before.mappings - 1);
});

test('delete from the page: a stream source needs the typed confirmation, then shows Deleting and deleted', async ({
  mappingPage,
  emulator,
  page,
}) => {
  const mapping = await seedMapping(emulator, isKinesis);
  await mappingPage.goto(mapping.UUID);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('The read position is lost');
  const confirm = dialog.getByRole('button', { name: 'Delete' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('confirm');
  await confirm.click();
  await expect(mappingPage.transitionStates).toContainText(['Enabled', 'Deleting']);
  await expect(page.getByText('This mapping has been deleted')).toBeVisible();
  await expect(mappingPage.transitionStates).toHaveText(['Enabled', 'Deleting', 'Deleted']);
});

test('the seed MQ request (Queues + BASIC_AUTH) round-trips exactly through create, get, list and update', async ({
  mappingForm: form,
  mappingPage,
  emulator,
  page,
}) => {
  // The 2020-11-05 seed's function and broker (us-west-2 ARNs; the emulator does not check them).
  await emulator.reset({
    seed: { region: 'us-east-1', functions: [{ FunctionName: 'MyFunction' }] },
  });
  await emulator.updateSettings({ guestAccess: 'read-write' });
  const brokerArn =
    'arn:aws:mq:us-west-2:111122223333:broker:ExampleMQBroker:b-24cacbb4-b295-49b7-8543-7ce7ce9dfb98';
  const access = [
    {
      Type: 'BASIC_AUTH',
      URI: 'arn:aws:secretsmanager:us-west-2:111122223333:secret:ExampleMQBrokerUserPassword-xPBMTt',
    },
  ];
  await form.gotoNew();
  await form.field('EventSourceArn').fill(brokerArn);
  await form.field('Queues').fill('ExampleQueue');
  await form.sourceAccessUri(0).fill(access[0]?.URI ?? '');
  await form.fillFunctionName('MyFunction');
  await form.field('BatchSize').fill('100');
  await form.review();
  expect(JSON.parse((await form.requestJson.textContent()) ?? '')).toEqual({
    FunctionName: 'MyFunction',
    EventSourceArn: brokerArn,
    BatchSize: 100,
    Queues: ['ExampleQueue'],
    SourceAccessConfigurations: access,
  });
  await form.createButton.click();
  await expect(page).toHaveURL(/\/mappings\/[0-9a-f-]{36}$/);
  const uuid = page.url().split('/').pop() ?? '';
  await expect(mappingPage.transitionStates.last()).toHaveText('Enabled');

  const check = async (batchSize: number) => {
    const got = await get(emulator, uuid);
    const listed = (await emulator.firstMappings()).find((m) => m.UUID === uuid);
    for (const m of [got, listed]) {
      expect(m?.Queues).toEqual(['ExampleQueue']);
      expect(m?.SourceAccessConfigurations).toEqual(access);
      expect(m?.EventSourceArn).toBe(brokerArn);
      expect(m?.BatchSize).toBe(batchSize);
    }
  };
  await check(100);

  await form.gotoEdit(uuid);
  await expect(form.field('Queues')).toHaveValue('ExampleQueue');
  await expect(form.field('Queues')).toHaveAttribute('readonly', '');
  await expect(form.sourceAccessUri(0)).toHaveValue(access[0]?.URI ?? '');
  await form.field('BatchSize').fill('50');
  await form.reviewChangesButton.click();
  await expect(form.changes.getByRole('row')).toHaveCount(2);
  expect(JSON.parse((await form.requestJson.textContent()) ?? '')).toEqual({
    UUID: uuid,
    BatchSize: 50,
  });
  await form.applyButton.click();
  await expect(page).toHaveURL(`/mappings/${uuid}`);
  await expect(mappingPage.transitionStates.last()).toHaveText('Enabled');
  await check(50);
});
