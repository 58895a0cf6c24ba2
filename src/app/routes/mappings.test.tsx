import { ServiceException } from '@aws-sdk/client-lambda';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLambda, fakeMapping } from '../../testing/fake-lambda.ts';
import { renderApp } from '../../testing/render-app.tsx';

// Whole-app renders of Cloudscape tables are slow in happy-dom on a shared 2-core machine.
configure({ asyncUtilTimeout: 5000 });

const serviceError = () =>
  new ServiceException({
    message: 'Injected fault',
    $metadata: { httpStatusCode: 500, attempts: 3, totalRetryDelay: 0 },
  });

/** Data rows of the mappings table (the first row is the header). */
function dataRows() {
  const table = screen.getByRole('table', { name: /Event source mappings/ });
  return within(table).getAllByRole('row').slice(1);
}

describe('mappings list', { timeout: 20_000 }, () => {
  it('shows the first page, then follows NextMarker to the end with "Load all"', async () => {
    const lambda = new FakeLambda(Array.from({ length: 120 }, (_, n) => fakeMapping(n)));
    renderApp('/', lambda);

    await screen.findByText('00000000-0000-4000-8000-000000000049');
    expect(dataRows()).toHaveLength(50);
    expect(screen.getByText('(50+)')).toBeTruthy();
    expect(screen.queryByText('00000000-0000-4000-8000-000000000050')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Load all' }));
    await screen.findByText('All 120 mappings loaded');
    // The table renders deferred (useDeferredValue), so it may trail the counter briefly.
    await waitFor(() => expect(dataRows()).toHaveLength(120));
    expect(screen.getByText('(120)')).toBeTruthy();
    expect(lambda.inputsOf('ListEventSourceMappingsCommand')).toEqual([
      { MaxItems: 50 },
      { MaxItems: 50, Marker: '50' },
      { MaxItems: 50, Marker: '100' },
    ]);
  });

  it('loads one more page with "Load more"', async () => {
    const lambda = new FakeLambda(Array.from({ length: 60 }, (_, n) => fakeMapping(n)));
    renderApp('/', lambda);
    fireEvent.click(await screen.findByRole('button', { name: 'Load more mappings' }));
    await screen.findByText('00000000-0000-4000-8000-000000000059');
    await waitFor(() => expect(dataRows()).toHaveLength(60));
    expect(screen.queryByRole('button', { name: 'Load more mappings' })).toBeNull();
  });

  it('renders function, qualifier, source type, State and a PROBLEM result', async () => {
    const lambda = new FakeLambda([
      fakeMapping(1, {
        FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders:live',
        EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:payments.fifo',
        State: 'Disabling',
        LastProcessingResult: 'PROBLEM: Function call failed',
      }),
    ]);
    renderApp('/', lambda);
    await screen.findByText('00000000-0000-4000-8000-000000000001');
    const [row, ...others] = dataRows();
    expect(others).toHaveLength(0);
    const cells = within(row!);
    expect(cells.getByText('orders')).toBeTruthy();
    expect(cells.getByText('Qualifier: live')).toBeTruthy();
    expect(cells.getByText('payments.fifo')).toBeTruthy();
    expect(cells.getByText('SQS FIFO')).toBeTruthy();
    expect(cells.getByText('Disabling')).toBeTruthy();
    expect(cells.getByText('PROBLEM: Function call failed')).toBeTruthy();
    expect(
      cells
        .getByRole('link', { name: '00000000-0000-4000-8000-000000000001' })
        .getAttribute('href'),
    ).toBe('/mappings/00000000-0000-4000-8000-000000000001');
  });

  it('shows the exception and recovers with Retry', async () => {
    const lambda = new FakeLambda([fakeMapping(0)]);
    lambda.failNext(serviceError());
    renderApp('/', lambda);
    expect(await screen.findByText('ServiceException')).toBeTruthy();
    expect(screen.getByText(/Injected fault/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText('00000000-0000-4000-8000-000000000000');
    expect(screen.queryByText('ServiceException')).toBeNull();
  });

  it('keeps loaded rows when a later page fails, and retries that page', async () => {
    const lambda = new FakeLambda(Array.from({ length: 60 }, (_, n) => fakeMapping(n)));
    renderApp('/', lambda);
    await screen.findByText('00000000-0000-4000-8000-000000000049');
    lambda.failNext(serviceError());
    fireEvent.click(screen.getByRole('button', { name: 'Load more mappings' }));
    await screen.findByText('Could not load more mappings');
    expect(dataRows()).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText('00000000-0000-4000-8000-000000000059');
    expect(lambda.inputsOf('ListEventSourceMappingsCommand').at(-1)).toEqual({
      MaxItems: 50,
      Marker: '50',
    });
  });

  it('sends the URL filters to Lambda and offers to clear them when nothing matches', async () => {
    const lambda = new FakeLambda([fakeMapping(0)]);
    const { router } = renderApp('/?FunctionName=missing', lambda);
    await screen.findByText('No matches');
    expect(lambda.inputsOf('ListEventSourceMappingsCommand')[0]).toEqual({
      FunctionName: 'missing',
      MaxItems: 50,
    });
    const table = screen.getByRole('table', { name: /Event source mappings/ });
    fireEvent.click(within(table).getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('00000000-0000-4000-8000-000000000000');
    expect(router.state.location.search).toBe('');
  });

  it('applies filters typed by the user and puts them in the URL', async () => {
    const lambda = new FakeLambda([fakeMapping(0), fakeMapping(1)]);
    const { router } = renderApp('/', lambda);
    await screen.findByText('00000000-0000-4000-8000-000000000001');
    const input = screen.getByRole('searchbox', { name: 'Event source ARN' });
    fireEvent.change(input, {
      target: { value: 'arn:aws:sqs:us-east-1:123456789012:queue-1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(screen.queryByText('00000000-0000-4000-8000-000000000000')).toBeNull(),
    );
    await screen.findByText('00000000-0000-4000-8000-000000000001');
    expect(dataRows()).toHaveLength(1);
    expect(router.state.location.search).toBe(
      '?EventSourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A123456789012%3Aqueue-1',
    );
    expect(screen.getByText('00000000-0000-4000-8000-000000000001')).toBeTruthy();
  });

  it('refuses an Event source ARN filter that is not an ARN, next to the field, without asking Lambda', async () => {
    const lambda = new FakeLambda([fakeMapping(0)]);
    const { router } = renderApp('/', lambda);
    await screen.findByText('00000000-0000-4000-8000-000000000000');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Event source ARN' }), {
      target: { value: 'queue-1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText(/^Enter a full ARN/)).toBeTruthy();
    expect(router.state.location.search).toBe('');
    expect(lambda.inputsOf('ListEventSourceMappingsCommand')).toHaveLength(1);
  });

  it('filters the loaded rows by State and problems, from and into the URL', async () => {
    const lambda = new FakeLambda([
      fakeMapping(1),
      fakeMapping(2, { State: 'Disabled', LastProcessingResult: 'PROBLEM: Function call failed' }),
      fakeMapping(3, { State: 'Disabled', LastProcessingResult: 'OK' }),
    ]);
    const { router } = renderApp('/?state=Disabled&problems=1', lambda);
    await screen.findByText('00000000-0000-4000-8000-000000000002');
    expect(dataRows()).toHaveLength(1);
    expect(screen.getByText('1 of 3 loaded mappings')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Problems only/ }));
    await screen.findByText('00000000-0000-4000-8000-000000000003');
    expect(dataRows()).toHaveLength(2);
    expect(router.state.location.search).toBe('?state=Disabled');
    expect(screen.getByText('2 of 3 loaded mappings')).toBeTruthy();
    // Lambda was asked once: the filter works on the rows already loaded.
    expect(lambda.inputsOf('ListEventSourceMappingsCommand')).toHaveLength(1);
  });

  it('says so when the region has no mappings', async () => {
    renderApp('/', new FakeLambda([]));
    expect(await screen.findByText('No mappings')).toBeTruthy();
  });
});
