import {
  GetEventSourceMappingCommand,
  ListAliasesCommand,
  type EventSourceMappingConfiguration,
} from '@aws-sdk/client-lambda';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';

// Issue 10: mappings as code (View as code, Export as code) and Clone.

// Guests are read-only in the real stack; the clone test writes, so the guest may here.
test.beforeEach(async ({ emulator }) => {
  await emulator.updateSettings({ guestAccess: 'read-write' });
});

type Mapping = EventSourceMappingConfiguration & { UUID: string };

/** The code panel (a modal dialog) and its parts. */
function codePanel(page: Page) {
  const dialog = page.getByRole('dialog');
  return {
    dialog,
    tab: (label: string) => dialog.getByRole('tab', { name: label, exact: true }),
    code: (label: string) => dialog.getByLabel(`${label} code`, { exact: true }),
    toggle: (label: string) => dialog.getByRole('checkbox', { name: label }),
  };
}

test('View as code: the seed’s Amazon MQ mapping as Terraform and as the AWS CLI', async ({
  page,
  emulator,
  mappingPage,
}) => {
  const all = (await emulator.allMappings()) as Mapping[];
  const mq = all.find(
    (m) =>
      m.EventSourceArn?.includes(':mq:') &&
      (m.Queues?.length ?? 0) > 0 &&
      m.SourceAccessConfigurations?.some((c) => c.Type === 'BASIC_AUTH'),
  );
  if (!mq) throw new Error('The default seed has no Amazon MQ mapping with Queues and BASIC_AUTH.');
  const secret = mq.SourceAccessConfigurations?.find((c) => c.Type === 'BASIC_AUTH')?.URI ?? '';
  const queue = mq.Queues?.[0] ?? '';
  const functionName = (mq.FunctionArn ?? '').split(':function:')[1] ?? '';

  await mappingPage.goto(mq.UUID);
  await page.getByRole('button', { name: 'View as code' }).click();
  const panel = codePanel(page);
  await expect(
    panel.dialog.getByRole('heading', { name: `Mapping ${mq.UUID} as code` }),
  ).toBeVisible();

  // AWS CLI (the first tab).
  const cli = panel.code('AWS CLI');
  await expect(cli).toContainText('aws lambda create-event-source-mapping');
  await expect(cli).toContainText(`--event-source-arn ${mq.EventSourceArn}`);
  await expect(cli).toContainText(`--function-name ${functionName}`);
  await expect(cli).toContainText(`--queues '["${queue}"]'`);
  await expect(cli).toContainText(`"Type":"BASIC_AUTH","URI":"${secret}"`);
  await expect(cli).toContainText('--region us-east-1');
  await expect(cli).not.toContainText('--uuid');

  // Terraform, with its import block.
  await panel.tab('Terraform').click();
  const tf = panel.code('Terraform');
  await expect(tf).toContainText('resource "aws_lambda_event_source_mapping"');
  await expect(tf).toContainText(`event_source_arn`);
  await expect(tf).toContainText(`"${mq.EventSourceArn}"`);
  await expect(tf).toContainText(`"${queue}"`);
  await expect(tf).toContainText('source_access_configuration {');
  await expect(tf).toContainText('"BASIC_AUTH"');
  await expect(tf).toContainText(`"${secret}"`);
  // The provider (v6) imports a resource of a given region with `<id>@<region>`.
  await expect(tf).toContainText(`id = "${mq.UUID}@us-east-1"`);
  await expect(tf).toContainText('import {');

  // The function as a variable.
  await panel.toggle('Function as a parameter').click();
  await expect(tf).toContainText('variable "');
  await expect(tf).toContainText(/function_name\s+= var\./);

  // Download names the file.
  const download = page.waitForEvent('download');
  await panel.dialog.getByRole('button', { name: /^Download / }).click();
  expect((await download).suggestedFilename()).toMatch(/\.tf$/);
});

test('Export as code: three selected mappings as one CloudFormation template', async ({
  page,
  mappingsPage,
}) => {
  await mappingsPage.goto();
  await mappingsPage.expectLoaded();
  const rows = mappingsPage.table.getByRole('row');
  const uuids: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const row = rows.nth(i);
    await row.getByRole('checkbox').check();
    const link = row.getByRole('link').first();
    const href = (await link.getAttribute('href')) ?? '';
    uuids.push(decodeURIComponent(href.split('/mappings/')[1]?.split('?')[0] ?? ''));
  }
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'As code (3 selected)…' }).click();
  const panel = codePanel(page);
  await expect(panel.dialog.getByRole('heading', { name: '3 mappings as code' })).toBeVisible();
  await panel.tab('CloudFormation').click();
  const cfn = panel.code('CloudFormation');
  await expect(cfn).toContainText('AWSTemplateFormatVersion');
  const text = (await cfn.textContent()) ?? '';
  expect(text.match(/Type: AWS::Lambda::EventSourceMapping/g)).toHaveLength(3);
  for (const uuid of uuids) expect(text).toContain(uuid);
  expect(text).not.toContain('LastModified');
  expect(text).not.toContain('StateTransitionReason');
});

test('Clone a Kinesis mapping to another alias of its function, and see it created', async ({
  page,
  emulator,
  mappingPage,
  mappingForm,
}) => {
  const all = (await emulator.allMappings()) as Mapping[];
  let chosen: { mapping: Mapping; name: string; alias: string } | undefined;
  for (const m of all.filter(
    (x) => x.EventSourceArn?.includes(':kinesis:') && x.State === 'Enabled',
  )) {
    const [name = '', qualifier] = (m.FunctionArn ?? '').split(':function:')[1]?.split(':') ?? [];
    const aliases = await emulator.lambda.send(new ListAliasesCommand({ FunctionName: name }));
    const other = aliases.Aliases?.find((a) => a.Name && a.Name !== qualifier);
    if (other?.Name) {
      chosen = { mapping: m, name, alias: other.Name };
      break;
    }
  }
  if (!chosen) throw new Error('No Kinesis mapping in the seed whose function has another alias.');
  const { mapping, name, alias } = chosen;

  await mappingPage.goto(mapping.UUID);
  await page.getByRole('link', { name: 'Clone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clone mapping' })).toBeVisible();
  await expect(mappingForm.field('EventSourceArn')).toHaveValue(mapping.EventSourceArn ?? '');
  await expect(mappingForm.field('BatchSize')).toHaveValue(
    mapping.BatchSize === 100 ? '' : String(mapping.BatchSize),
  );
  await mappingForm.functionName.fill(`${name}:${alias}`);
  await mappingForm.reviewButton.click();
  await expect(mappingForm.requestJson).toContainText(`"FunctionName": "${name}:${alias}"`);
  await mappingForm.createButton.click();

  await expect(page.getByRole('heading', { level: 1, name: /^Mapping / })).toBeVisible();
  const heading =
    (await page.getByRole('heading', { level: 1, name: /^Mapping / }).textContent()) ?? '';
  const uuid = heading.replace(/^Mapping /, '').trim();
  expect(uuid).not.toBe(mapping.UUID);
  const created = await emulator.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
  expect(created.FunctionArn).toMatch(new RegExp(`:function:${name}:${alias}$`));
  expect(created.EventSourceArn).toBe(mapping.EventSourceArn);
  expect(created.BatchSize).toBe(mapping.BatchSize);
  expect(created.StartingPosition).toBe(mapping.StartingPosition);
  expect(created.MaximumRetryAttempts).toBe(mapping.MaximumRetryAttempts);
  expect(created.ParallelizationFactor).toBe(mapping.ParallelizationFactor);
  expect(created.FunctionResponseTypes ?? []).toEqual(mapping.FunctionResponseTypes ?? []);
});

test('Clone to another region keeps what was typed across the region switch', async ({
  page,
  emulator,
  mappingPage,
  mappingForm,
}) => {
  const all = (await emulator.allMappings()) as Mapping[];
  const sqs = all.find((m) => m.EventSourceArn?.includes(':sqs:') && m.State === 'Enabled');
  if (!sqs) throw new Error('The default seed has no enabled SQS mapping.');
  await mappingPage.goto(sqs.UUID);
  await page.getByRole('link', { name: 'Clone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clone mapping' })).toBeVisible();
  await mappingForm.field('BatchSize').fill('7');
  await mappingForm.functionName.fill('typed-before-the-switch');

  await page.getByRole('button', { name: /Create in region/ }).click();
  await page.getByRole('option', { name: 'eu-west-1' }).click();
  await expect(page).toHaveURL(/region=eu-west-1/);
  await expect(page.getByRole('button', { name: 'Region: eu-west-1' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Clone mapping' })).toBeVisible();
  await expect(page.getByText(`this clone is created in eu-west-1`)).toBeVisible();
  await expect(mappingForm.field('BatchSize')).toHaveValue('7');
  await expect(mappingForm.functionName).toHaveValue('typed-before-the-switch');
  await expect(mappingForm.field('EventSourceArn')).toHaveValue(sqs.EventSourceArn ?? '');
  // The source ARN still names the original's region: the page says so before Create.
  await expect(page.getByText('Still in us-east-1')).toBeVisible();
  // A switch chosen here is not announced as a restored draft.
  await expect(page.getByText(/is restored/)).toHaveCount(0);
  await expect(page.getByText(/EventSourceArn.* names? us-east-1/)).toBeVisible();

  // Reloading the tab keeps the draft too; Cancel forgets it and returns to the original.
  await page.reload();
  await expect(mappingForm.field('BatchSize')).toHaveValue('7');
  await expect(
    page.getByText(/Your draft of this clone, kept in this tab, is restored/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Mapping ${sqs.UUID}` })).toBeVisible();
  await expect(page).toHaveURL(/region=us-east-1/);
});
