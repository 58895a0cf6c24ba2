import {
  InvalidParameterValueException,
  ResourceConflictException,
  ResourceInUseException,
} from '@aws-sdk/client-lambda';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLambda, fakeFunction, fakeMapping } from '../../../testing/fake-lambda.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { SEED_MQ_REQUEST } from '../form/test-fixtures.ts';

// Whole-app renders of Cloudscape forms are slow in happy-dom on a shared 2-core machine.
configure({ asyncUtilTimeout: 5000 });

const metadata = (httpStatusCode: number) => ({ httpStatusCode, attempts: 1, totalRetryDelay: 0 });

const field = (label: string) => screen.getByLabelText(label, { selector: 'input, textarea' });
const type = (label: string, value: string) =>
  fireEvent.change(field(label), { target: { value } });
const tile = (name: RegExp) => fireEvent.click(screen.getByRole('radio', { name }));
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
/** The accessible description of a field: its error, description and constraint texts. */
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

async function review() {
  click('Review request');
  await screen.findByRole('heading', { name: 'Step 2 of 2: Review' });
}

function requestJson(): unknown {
  return JSON.parse(screen.getByRole('region', { name: 'Request JSON' }).textContent ?? '');
}

describe('create mapping form', { timeout: 30_000 }, () => {
  it('asks for the source type first, then shows only the fields that apply to it', async () => {
    renderApp('/mappings/new', new FakeLambda([]));
    await screen.findByRole('heading', { name: 'Create mapping', level: 1 });
    expect(screen.queryByLabelText('BatchSize')).toBeNull();

    tile(/^Amazon SQS \(FIFO queue\)/);
    await screen.findByLabelText('BatchSize');
    expect(describedBy(field('BatchSize'))).toContain('1–10 records. AWS default: 10.');
    expect(field('BatchSize').getAttribute('placeholder')).toBe('AWS default: 10');
    expect(screen.queryByLabelText('MaximumBatchingWindowInSeconds')).toBeNull();
    expect(screen.queryByText('StartingPosition')).toBeNull();
    expect(screen.getByLabelText('ScalingConfig.MaximumConcurrency')).toBeTruthy();

    tile(/^Amazon Kinesis/);
    await screen.findByText('StartingPosition');
    expect(screen.getByLabelText('ParallelizationFactor')).toBeTruthy();
    expect(screen.getByLabelText('MaximumBatchingWindowInSeconds')).toBeTruthy();
    expect(screen.queryByLabelText('ScalingConfig.MaximumConcurrency')).toBeNull();
    expect(screen.queryByLabelText('Queues')).toBeNull();
  });

  it('detects the source type from a pasted ARN (MQ: ActiveMQ unless RabbitMQ is chosen)', async () => {
    renderApp('/mappings/new', new FakeLambda([]));
    await screen.findByRole('heading', { name: 'Create mapping', level: 1 });
    type('EventSourceArn', 'arn:aws:sqs:us-east-1:123456789012:orders.fifo');
    await waitFor(() =>
      expect(
        (screen.getByRole('radio', { name: /^Amazon SQS \(FIFO queue\)/ }) as HTMLInputElement)
          .checked,
      ).toBe(true),
    );
    expect(screen.getByText('Detected from the ARN: SQS FIFO queue.')).toBeTruthy();

    type('EventSourceArn', SEED_MQ_REQUEST.EventSourceArn ?? '');
    await waitFor(() =>
      expect(
        (screen.getByRole('radio', { name: /^Amazon MQ \(ActiveMQ\)/ }) as HTMLInputElement)
          .checked,
      ).toBe(true),
    );
    expect(screen.getByLabelText('Queues')).toBeTruthy();
    // MQ requires exactly one BASIC_AUTH entry: the row is there, with its example as placeholder.
    expect(field('URI of entry 1').getAttribute('placeholder')).toMatch(/^arn:aws:secretsmanager:/);

    // An ARN that cannot be used says why at once, without changing the chosen type.
    type('EventSourceArn', 'arn:aws:dynamodb:us-east-1:123456789012:table/orders');
    expect(await screen.findByText(/Use the DynamoDB table’s stream ARN/)).toBeTruthy();
    type('EventSourceArn', 'arn:aws:sns:us-east-1:123456789012:alerts');
    expect(await screen.findByText(/cannot read from “sns”/)).toBeTruthy();
    expect(
      (screen.getByRole('radio', { name: /^Amazon MQ \(ActiveMQ\)/ }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('refuses invalid values next to their fields and sends nothing', async () => {
    const lambda = new FakeLambda([]);
    renderApp('/mappings/new', lambda);
    await screen.findByRole('heading', { name: 'Create mapping', level: 1 });
    tile(/^Amazon SQS \(standard queue\)/);
    await screen.findByLabelText('BatchSize');
    type('EventSourceArn', 'arn:aws:sqs:us-east-1:123456789012:orders');
    type('BatchSize', '50');
    click('Review request');
    await waitFor(() =>
      expect(describedBy(field('FunctionName'))).toContain('Enter the function name or ARN'),
    );
    expect(document.activeElement).toBe(field('FunctionName'));
    // Cross-field rules are checked once every field is valid on its own.
    type('FunctionName', 'fn-1');
    click('Review request');
    await waitFor(() =>
      expect(describedBy(field('MaximumBatchingWindowInSeconds'))).toContain(
        'SQS BatchSize above 10 needs MaximumBatchingWindowInSeconds of at least 1 second',
      ),
    );
    expect(document.activeElement).toBe(field('MaximumBatchingWindowInSeconds'));
    expect(screen.queryByRole('heading', { name: 'Step 2 of 2: Review' })).toBeNull();
    expect(lambda.inputsOf('CreateEventSourceMappingCommand')).toEqual([]);
    expect((field('BatchSize') as HTMLInputElement).value).toBe('50');
  });

  it('reviews and sends the seed MQ request exactly, then opens the new mapping', async () => {
    const lambda = new FakeLambda([]);
    const { router } = renderApp('/mappings/new', lambda);
    await screen.findByRole('heading', { name: 'Create mapping', level: 1 });
    type('EventSourceArn', SEED_MQ_REQUEST.EventSourceArn ?? '');
    await screen.findByLabelText('Queues');
    type('Queues', 'ExampleQueue');
    type('URI of entry 1', SEED_MQ_REQUEST.SourceAccessConfigurations?.[0]?.URI ?? '');
    type('FunctionName', 'MyFunction');
    type('BatchSize', '100');
    await review();
    expect(requestJson()).toEqual(SEED_MQ_REQUEST);
    expect(screen.getByRole('region', { name: 'AWS CLI command' }).textContent).toContain(
      '--queues \'["ExampleQueue"]\'',
    );
    click('Create mapping');
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/mappings\/1000/));
    expect(lambda.inputsOf('CreateEventSourceMappingCommand')).toEqual([SEED_MQ_REQUEST]);
    expect(await screen.findByText(/Mapping 10000000-.* created/)).toBeTruthy();
  });

  it('puts a refusal Lambda attributes next to its field, back on step 1, keeping the input', async () => {
    const lambda = new FakeLambda([]);
    renderApp('/mappings/new', lambda);
    await screen.findByRole('heading', { name: 'Create mapping', level: 1 });
    type('EventSourceArn', 'arn:aws:sqs:us-east-1:123456789012:orders');
    await screen.findByLabelText('BatchSize');
    type('FunctionName', 'missing-fn');
    type('BatchSize', '7');
    await review();
    lambda.failNext(
      new InvalidParameterValueException({
        message: 'Function does not exist',
        $metadata: metadata(400),
      }),
    );
    click('Create mapping');
    await screen.findByText('Lambda refused the request');
    await waitFor(() =>
      expect(describedBy(field('FunctionName'))).toContain('No function with this name'),
    );
    expect((field('FunctionName') as HTMLInputElement).value).toBe('missing-fn');
    expect((field('BatchSize') as HTMLInputElement).value).toBe('7');
    expect(
      screen.getByText('InvalidParameterValueException: Function does not exist'),
    ).toBeTruthy();
  });

  it('offers the existing mapping when Lambda answers ResourceConflictException', async () => {
    const existing = '6f1c1d8e-4a1b-4c2d-9e3f-0a1b2c3d4e5f';
    const lambda = new FakeLambda([]);
    const { router } = renderApp('/mappings/new', lambda);
    await screen.findByRole('heading', { name: 'Create mapping', level: 1 });
    type('EventSourceArn', 'arn:aws:sqs:us-east-1:123456789012:orders');
    await screen.findByLabelText('BatchSize');
    type('FunctionName', 'fn-1');
    await review();
    lambda.failNext(
      new ResourceConflictException({
        message: `An event source mapping with SQS arn (" arn:aws:sqs:us-east-1:123456789012:orders ") and function (" fn-1 ") already exists. Please update or delete the existing mapping with UUID ${existing}`,
        $metadata: metadata(409),
      }),
    );
    click('Create mapping');
    await screen.findByText('A mapping for this source and function already exists');
    fireEvent.click(screen.getByRole('link', { name: `Open mapping ${existing}` }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${existing}`));
  });

  it('suggests the functions of every ListFunctions page as the user types', async () => {
    const lambda = new FakeLambda([]);
    lambda.functions = Array.from({ length: 60 }, (_, i) => fakeFunction(i));
    renderApp('/mappings/new', lambda);
    await screen.findByRole('heading', { name: 'Create mapping', level: 1 });
    tile(/^Amazon SQS \(standard queue\)/);
    const input = await screen.findByLabelText('FunctionName');
    input.focus();
    fireEvent.change(input, { target: { value: 'fn-5' } });
    // fn-55 is on the second page (50 per page): typing loads further pages.
    const names = () =>
      screen.getAllByRole('option').map((option) => /^fn-\d+/.exec(option.textContent ?? '')?.[0]);
    await waitFor(() =>
      expect(names().filter(Boolean)).toEqual([
        'fn-5',
        ...Array.from({ length: 10 }, (_, i) => `fn-5${i}`),
      ]),
    );
    // Free text stays allowed (e.g. a qualified name or an ARN).
    expect(screen.getAllByRole('option')[0]?.textContent).toBe('Use: "fn-5"');
    expect(lambda.inputsOf('ListFunctionsCommand')).toEqual([
      { MaxItems: 50 },
      { MaxItems: 50, Marker: '50' },
    ]);
  });
});

describe('edit mapping form', { timeout: 30_000 }, () => {
  const UUID = '00000000-0000-4000-8000-000000000003';
  const kinesis = () =>
    fakeMapping(3, {
      EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      ParallelizationFactor: 1,
      MaximumRecordAgeInSeconds: -1,
      MaximumRetryAttempts: -1,
      TumblingWindowInSeconds: 0,
      BisectBatchOnFunctionError: false,
      FunctionResponseTypes: [],
      DestinationConfig: { OnFailure: {} },
      FilterCriteria: { Filters: [{ Pattern: '{"data": {"type": ["click"]}}' }] },
    });

  it('shows create-only fields read-only with the reason, and sends only what changed', async () => {
    const lambda = new FakeLambda([kinesis()]);
    const { router } = renderApp(`/mappings/${UUID}/edit`, lambda);
    await screen.findByRole('heading', { name: 'Step 1 of 2: Configure' });
    const arn = field('EventSourceArn') as HTMLInputElement;
    expect(arn.readOnly).toBe(true);
    expect(describedBy(arn)).toContain('AWS cannot change EventSourceArn of an existing mapping');
    expect((field('StartingPosition') as HTMLInputElement).readOnly).toBe(true);

    type('BatchSize', '250');
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    click('Review changes');
    const changes = await screen.findByRole('table', { name: 'Changes' });
    const rows = within(changes)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['100', '250'],
      ['{"data": {"type": ["click"]}}', 'no filters'],
    ]);
    expect(requestJson()).toEqual({ UUID, BatchSize: 250, FilterCriteria: {} });
    click('Apply changes');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${UUID}`));
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand')).toEqual([
      { UUID, BatchSize: 250, FilterCriteria: {} },
    ]);
  });

  it('says there is nothing to apply when nothing changed', async () => {
    const lambda = new FakeLambda([kinesis()]);
    renderApp(`/mappings/${UUID}/edit`, lambda);
    await screen.findByRole('heading', { name: 'Step 1 of 2: Configure' });
    click('Review changes');
    await screen.findByText('No changes');
    const apply = screen.getByRole('button', { name: 'Apply changes' });
    expect(apply.getAttribute('aria-disabled')).toBe('true');
  });

  it('on ResourceInUseException waits for the mapping to settle, then applies again', async () => {
    const mapping = kinesis();
    const lambda = new FakeLambda([mapping]);
    const { router } = renderApp(`/mappings/${UUID}/edit`, lambda);
    await screen.findByRole('heading', { name: 'Step 1 of 2: Configure' });
    type('BatchSize', '300');
    click('Review changes');
    await screen.findByRole('table', { name: 'Changes' });
    // Someone else started a change meanwhile: Lambda refuses, the page re-reads the mapping.
    mapping.State = 'Updating';
    lambda.failNext(
      new ResourceInUseException({
        message: 'Cannot update the event source mapping because it is in use.',
        $metadata: metadata(400),
      }),
    );
    click('Apply changes');
    await screen.findByText('The mapping is busy');
    fireEvent.click(await screen.findByRole('button', { name: 'Retry when settled' }));
    await screen.findByText(/Waiting for the mapping to settle \(State: Updating\)/);
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand')).toHaveLength(1);
    mapping.State = 'Enabled';
    await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${UUID}`), {
      timeout: 6000,
    });
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand')).toEqual([
      { UUID, BatchSize: 300 },
      { UUID, BatchSize: 300 },
    ]);
  });
});
