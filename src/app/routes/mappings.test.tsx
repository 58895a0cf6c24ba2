import { ServiceException } from '@aws-sdk/client-lambda';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IGNORED_LINK_PARTS_HEADER } from '../../features/event-source-mappings/list/ignored-link-parts-alert.tsx';
import { FakeLambda, fakeFunction, fakeMapping } from '../../testing/fake-lambda.ts';
import { renderApp } from '../../testing/render-app.tsx';

// Whole-app renders of Cloudscape tables are slow in happy-dom on a shared 2-core machine.
configure({ asyncUtilTimeout: 8000 });

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

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

/** The UUIDs of the rows on screen, in order. */
function shownUuids() {
  const table = screen.getByRole('table', { name: /Event source mappings/ });
  return within(table)
    .queryAllByRole('link')
    .map((link) => link.textContent);
}

/** The accessible description of an element (a disabled button's reason). */
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('mappings list', { timeout: 30_000 }, () => {
  it('loads every page in the background (100 per page) and shows one page of 50 rows', async () => {
    const lambda = new FakeLambda(Array.from({ length: 230 }, (_, n) => fakeMapping(n)));
    renderApp('/', lambda);
    await screen.findByText(/All 230 mappings loaded/);
    expect(screen.getByText('(230)')).toBeTruthy();
    expect(lambda.inputsOf('ListEventSourceMappingsCommand')).toEqual([
      { MaxItems: 100 },
      { MaxItems: 100, Marker: '100' },
      { MaxItems: 100, Marker: '200' },
    ]);
    // However many are loaded, the table holds one page of rows.
    await waitFor(() => expect(dataRows()).toHaveLength(50));
    expect(shownUuids()[0]).toBe(uuid(0));
    expect(screen.getByRole('button', { name: /Page 5/ })).toBeTruthy();
  });

  it('renders function, qualifier, source, State, health and StateTransitionReason', async () => {
    const lambda = new FakeLambda([
      fakeMapping(1, {
        FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders:live',
        EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:payments.fifo',
        State: 'Enabled',
        StateTransitionReason: 'USER_INITIATED',
        LastProcessingResult: 'PROBLEM: Function call failed',
      }),
    ]);
    renderApp('/', lambda);
    await screen.findByText(/All 1 mapping loaded/);
    const [row, ...others] = dataRows();
    expect(others).toHaveLength(0);
    const cells = within(row!);
    expect(cells.getByText('orders')).toBeTruthy();
    expect(cells.getByText(':live')).toBeTruthy();
    expect(cells.getByText('payments.fifo')).toBeTruthy();
    expect(cells.getByText('SQS FIFO')).toBeTruthy();
    expect(cells.getByText('Enabled')).toBeTruthy();
    expect(cells.getByText('USER_INITIATED')).toBeTruthy();
    expect(cells.getByText('PROBLEM: Function call failed')).toBeTruthy();
    expect(cells.getByText(/^Problem/)).toBeTruthy();
    expect(cells.getByRole('link', { name: uuid(1) }).getAttribute('href')).toBe(
      `/mappings/${uuid(1)}`,
    );
  });

  it('opens the view in the URL: filter tokens, sort and page over every loaded row', async () => {
    const lambda = new FakeLambda(
      Array.from({ length: 130 }, (_, n) =>
        fakeMapping(n, n % 2 === 0 ? { State: 'Disabled' } : {}),
      ),
    );
    renderApp('/?filter=State%3DDisabled&sort=-UUID&page=2&pageSize=25', lambda);
    await screen.findByText(/All 130 mappings loaded/);
    // 65 Disabled mappings, newest UUID first, page 2 of 25 each: the 26th to 50th.
    await waitFor(() => expect(shownUuids()[0]).toBe(uuid(128 - 2 * 25)));
    expect(dataRows()).toHaveLength(25);
    expect(shownUuids().at(-1)).toBe(uuid(128 - 2 * 49));
    expect(screen.getAllByText('65 matches of 130 loaded').length).toBeGreaterThan(0);
    // A link the list wrote itself: nothing to say about it.
    expect(screen.queryByText(IGNORED_LINK_PARTS_HEADER)).toBeNull();
  });

  it('says which parts of a link it could not read, and its button removes them from the URL', async () => {
    const lambda = new FakeLambda(
      Array.from({ length: 6 }, (_, n) =>
        fakeMapping(n, {
          FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
          ...(n % 2 === 0 ? { State: 'Disabled' } : {}),
        }),
      ),
    );
    const { router } = renderApp(
      '/?filter=Bogus%3Dx&filter=BatchSize%3Eabc&filter=State%3DDisabled&sort=-Nope&page=abc&pageSize=33&FunctionName=orders',
      lambda,
    );
    await screen.findByText(/All 6 mappings loaded/);
    expect(screen.getByText(IGNORED_LINK_PARTS_HEADER)).toBeTruthy();
    const parts = within(screen.getByRole('list', { name: 'Parts left out' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(parts).toEqual([
      'filter=Bogus=x: unknown property Bogus',
      'filter=BatchSize>abc: BatchSize is a number; abc is not',
      'sort=-Nope: sort column Nope does not exist',
      'page=abc: page abc is not a whole number of 1 or more',
      'pageSize=33: page size 33 is not one of 25, 50, 100 or 200',
    ]);
    // What it could read is applied: the Disabled ones.
    await waitFor(() => expect(shownUuids()).toEqual([uuid(0), uuid(2), uuid(4)]));
    fireEvent.click(screen.getByRole('button', { name: 'Remove them from the link' }));
    await waitFor(() => expect(screen.queryByText(IGNORED_LINK_PARTS_HEADER)).toBeNull());
    expect([...new URLSearchParams(router.state.location.search)]).toEqual([
      ['FunctionName', 'orders'],
      ['filter', 'State=Disabled'],
    ]);
    // Replaced: Back does not return to the link with them.
    expect(router.state.historyAction).toBe('REPLACE');
    expect(shownUuids()).toEqual([uuid(0), uuid(2), uuid(4)]);
    // Another link with an unreadable part says so again.
    await act(() => router.navigate('/?FunctionName=orders&regions=some'));
    expect(await screen.findByText(IGNORED_LINK_PARTS_HEADER)).toBeTruthy();
    expect(screen.getByText(/regions takes only all/)).toBeTruthy();
  });

  it('says when the link’s region is not configured, and shows the default one', async () => {
    const { router } = renderApp(
      '/?region=xx-nowhere-1&sort=UUID',
      new FakeLambda([fakeMapping(1)]),
    );
    await screen.findByText(/All 1 mapping loaded/);
    expect(
      await screen.findByText('Region xx-nowhere-1 is not configured; showing us-east-1'),
    ).toBeTruthy();
    expect(screen.getByText(/which config.json does not list \(it lists us-east-1\)/)).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('region')).toBe('us-east-1');
    expect(screen.queryByText(IGNORED_LINK_PARTS_HEADER)).toBeNull();
    // The app's notifications outlive a test: dismissed here, as a user would.
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText(/xx-nowhere-1 is not configured/)).toBeNull());
  });

  it('counts mappings per health class; a count filters to its class and goes into the URL', async () => {
    const lambda = new FakeLambda([
      fakeMapping(1),
      fakeMapping(2, { State: 'Disabled', StateTransitionReason: 'USER_INITIATED' }),
      fakeMapping(3, {
        State: 'Disabled',
        StateTransitionReason: 'EVENT_SOURCE_AUTHN_ERROR',
        EventSourceArn: 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-1',
      }),
      fakeMapping(4, { LastProcessingResult: 'PROBLEM: Function call failed' }),
    ]);
    lambda.functions = [1, 2, 3, 4].map((n) => fakeFunction(n));
    const { router } = renderApp('/', lambda);
    await screen.findByText(/All 4 mappings loaded/);
    const health = screen.getByRole('group', { name: 'Filter by health' });
    const lambdaDisabled = within(health).getByRole('button', { name: /^Disabled by Lambda: 1 / });
    expect(within(health).getByRole('button', { name: /^Problem: 1 / })).toBeTruthy();
    expect(within(health).getByRole('button', { name: /^Disabled by user: 1 / })).toBeTruthy();
    fireEvent.click(lambdaDisabled);
    await waitFor(() => expect(shownUuids()).toEqual([uuid(3)]));
    expect(new URLSearchParams(router.state.location.search).getAll('filter')).toEqual([
      'Health=disabled-by-lambda',
    ]);
    // Pressed again, it clears.
    fireEvent.click(
      within(health).getByRole('button', { name: 'Disabled by Lambda: 1 mapping', pressed: true }),
    );
    await waitFor(() => expect(dataRows()).toHaveLength(4));
  });

  it('counts the mappings the filter matches, its Health token aside', async () => {
    const orders = (n: number) => `arn:aws:sqs:us-east-1:123456789012:orders-${n}`;
    const lambda = new FakeLambda([
      fakeMapping(1, {
        EventSourceArn: orders(1),
        LastProcessingResult: 'PROBLEM: Function call failed',
      }),
      fakeMapping(2, { LastProcessingResult: 'PROBLEM: Function call failed' }),
      fakeMapping(3),
      fakeMapping(4, {
        EventSourceArn: orders(4),
        State: 'Disabled',
        StateTransitionReason: 'USER_INITIATED',
      }),
    ]);
    lambda.functions = [1, 2, 3, 4].map((n) => fakeFunction(n));
    // The source's name starts with orders: mappings 1 and 4.
    const { router } = renderApp('/?filter=SourceName%5Eorders', lambda);
    await screen.findByText(/All 4 mappings loaded/);
    const health = screen.getByRole('group', { name: 'Filter by health' });
    const names = () =>
      within(health)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label'));
    await waitFor(() =>
      expect(names()).toEqual(['Problem: 1 mapping', 'Disabled by user: 1 mapping']),
    );
    expect(health.getAttribute('aria-description')).toBe(
      'Counts of the mappings matching the filter',
    );
    // Pressing a count keeps the others' numbers (the Health token is not counted over).
    fireEvent.click(within(health).getByRole('button', { name: 'Problem: 1 mapping' }));
    await waitFor(() => expect(shownUuids()).toEqual([uuid(1)]));
    expect(new URLSearchParams(router.state.location.search).getAll('filter')).toContain(
      'Health=problem',
    );
    expect(names()).toEqual(['Problem: 1 mapping', 'Disabled by user: 1 mapping']);
  });

  it('offers the property token a free-text filter shaped like one means (Function = fn-1)', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    lambda.functions = [1, 2].map((n) => fakeFunction(n));
    const { router } = renderApp(`/?filter=${encodeURIComponent(':Function = fn-1')}`, lambda);
    await screen.findByText(/All 2 mappings loaded/);
    expect(
      screen.getByText('“Function = fn-1” is searched as free text, in every column.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Filter by FunctionName = fn-1 instead' }));
    await waitFor(() => expect(shownUuids()).toEqual([uuid(1)]));
    expect(new URLSearchParams(router.state.location.search).getAll('filter')).toEqual([
      'FunctionName=fn-1',
    ]);
    expect(screen.queryByText(/is searched as free text/)).toBeNull();
  });

  it('keeps loaded rows when a later page fails, and Retry carries on to the end', async () => {
    const lambda = new FakeLambda(Array.from({ length: 150 }, (_, n) => fakeMapping(n)));
    lambda.failNext(serviceError());
    // The first call fails: nothing to show yet.
    renderApp('/', lambda);
    expect(await screen.findByText('ServiceException')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText(/All 150 mappings loaded/);
    expect(screen.queryByText('ServiceException')).toBeNull();
  });

  it('stops at a page that fails, with the rows so far, and Retry loads the rest', async () => {
    const lambda = new FakeLambda(Array.from({ length: 150 }, (_, n) => fakeMapping(n)));
    const original = lambda.send;
    let calls = 0;
    lambda.send = (async (command: unknown) => {
      calls += 1;
      if (calls === 2) throw serviceError();
      return original(command as never);
    }) as typeof lambda.send;
    renderApp('/', lambda);
    await screen.findByText(/Could not load more mappings \(100 loaded\)/);
    expect(dataRows()).toHaveLength(50);
    // What acts on "all" says it is all of what is loaded, not of what Lambda has.
    expect(
      screen.getByRole('button', { name: 'Select all 100 matching of 100 loaded so far' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('CSV (100 mappings loaded so far)')).toBeTruthy();
    expect(
      screen.getByText('This view (filtered and sorted; not all mappings are loaded)'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText(/All 150 mappings loaded/);
    expect(screen.getByRole('button', { name: 'Select all 150 matching' })).toBeTruthy();
  });

  it('sends the Lambda-side filters to Lambda and offers to clear them when nothing matches', async () => {
    const lambda = new FakeLambda([fakeMapping(0)]);
    const { router } = renderApp('/?FunctionName=missing', lambda);
    await screen.findByText('No matches');
    // The status line does not say the region is empty: only the filtered list is.
    expect(screen.getByText('No mapping matches the Lambda-side filters')).toBeTruthy();
    expect(screen.queryByText('No mappings in this region')).toBeNull();
    expect(lambda.inputsOf('ListEventSourceMappingsCommand')[0]).toEqual({
      FunctionName: 'missing',
      MaxItems: 100,
    });
    const table = screen.getByRole('table', { name: /Event source mappings/ });
    fireEvent.click(
      within(table).getAllByRole('button', { name: 'Clear Lambda-side filters' })[0]!,
    );
    await screen.findByText(uuid(0));
    expect(router.state.location.search).toBe('');
  });

  it('selects a mapping: Edit links to its form; Actions work on the selection', async () => {
    const { router } = renderApp('/', new FakeLambda([fakeMapping(1), fakeMapping(2)]));
    await screen.findByText(/All 2 mappings loaded/);
    const edit = screen.getByRole('button', { name: 'Edit' });
    expect(describedBy(edit)).toContain('Select one mapping to edit.');
    // The selection's line is there before any selection: selecting adds no line above the rows.
    const selectionLine = screen.getByText('0 selected');
    fireEvent.click(screen.getByRole('checkbox', { name: `Select mapping ${uuid(2)}` }));
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(
        `/mappings/${uuid(2)}/edit`,
      ),
    );
    expect(screen.getByText('1 selected')).toBe(selectionLine);
    expect(
      screen.getByRole('button', { name: 'Actions' }).getAttribute('aria-disabled'),
    ).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Create mapping' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/mappings/new'));
  });

  it('stays as it was behind a mapping’s page: Back shows the same rows, page, selection and focus, without asking Lambda again', async () => {
    const lambda = new FakeLambda(Array.from({ length: 120 }, (_, n) => fakeMapping(n)));
    const { router } = renderApp('/?page=2', lambda);
    // Longer waits than the file's: a whole-app render, a navigation and Back in happy-dom are
    // slow on a busy 2-core machine (this test failed by the 8 s wait under load).
    await screen.findByText(/All 120 mappings loaded/, undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('checkbox', { name: `Select mapping ${uuid(51)}` }));
    await screen.findByText('1 selected');
    const listCalls = lambda.inputsOf('ListEventSourceMappingsCommand').length;
    const link = screen.getByRole('link', { name: uuid(52) });
    link.focus();
    fireEvent.click(link);
    await screen.findByRole('heading', { name: `Mapping ${uuid(52)}` }, { timeout: 20_000 });
    // Hidden meanwhile: its table is not on the mapping's page, nor are its keyboard shortcuts.
    expect(screen.queryByRole('table', { name: /Event source mappings/ })).toBeNull();
    fireEvent.keyDown(document.body, { key: '?' });
    // Not shown (the dialogs' code is preloaded 3 s after the list: from then on the shortcuts
    // modal is mounted, hidden, in a portal outside the hidden list; a busy run gets there first).
    const shown = createWrapper(document.body)
      .findAllModals()
      .filter((m) => m.isVisible());
    expect(shown).toHaveLength(0);
    await act(() => router.navigate(-1));
    await waitFor(() => expect(shownUuids()[0]).toBe(uuid(50)), { timeout: 20_000 });
    expect(screen.getByRole('checkbox', { name: `Select mapping ${uuid(51)}` })).toHaveProperty(
      'checked',
      true,
    );
    expect(screen.getByText('1 selected')).toBeTruthy();
    // The focus is back on the link that was followed.
    expect(document.activeElement).toBe(screen.getByRole('link', { name: uuid(52) }));
    expect(lambda.inputsOf('ListEventSourceMappingsCommand')).toHaveLength(listCalls);
    expect(screen.queryByRole('heading', { name: `Mapping ${uuid(52)}` })).toBeNull();
  }, 60_000);

  it('the breadcrumb leads back to the list as it was left: its view and its selection', async () => {
    const lambda = new FakeLambda(Array.from({ length: 120 }, (_, n) => fakeMapping(n)));
    renderApp('/?page=2', lambda);
    await screen.findByText(/All 120 mappings loaded/, undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByRole('checkbox', { name: `Select mapping ${uuid(51)}` }));
    await screen.findByText('1 selected');
    fireEvent.click(screen.getByRole('link', { name: uuid(52) }));
    await screen.findByRole('heading', { name: `Mapping ${uuid(52)}` }, { timeout: 20_000 });
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    const crumb = within(crumbs).getByRole('link', { name: 'Event source mappings' });
    expect(crumb.getAttribute('href')).toBe('/?page=2');
    fireEvent.click(crumb);
    await waitFor(() => expect(shownUuids()[0]).toBe(uuid(50)), { timeout: 20_000 });
    expect(screen.getByText('1 selected')).toBeTruthy();
  }, 60_000);

  it('a page past the end shows the last page, and the pagination says it is the last', async () => {
    const lambda = new FakeLambda(Array.from({ length: 120 }, (_, n) => fakeMapping(n)));
    renderApp('/?page=999', lambda);
    await screen.findByText(/All 120 mappings loaded/, undefined, { timeout: 20_000 });
    await waitFor(() => expect(shownUuids()[0]).toBe(uuid(100)));
    expect(shownUuids()).toHaveLength(20);
    expect(
      screen.getByRole('button', { name: 'Page 3 of all pages' }).getAttribute('aria-current'),
    ).toBe('true');
  });

  it('as a read-only guest, every write action says "Sign in to make changes."', async () => {
    renderApp('/', new FakeLambda([fakeMapping(1)]), { guestAccess: 'read-only' });
    await screen.findByText(/All 1 mapping loaded/);
    for (const name of ['Edit', 'Create mapping']) {
      const button = screen.getByRole('button', { name });
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect(describedBy(button)).toContain('Sign in to make changes.');
    }
  });

  it('says so when the region has no mappings', async () => {
    renderApp('/', new FakeLambda([]));
    expect(await screen.findByText('No mappings')).toBeTruthy();
    expect(screen.getByText('No mappings in this region')).toBeTruthy();
    expect(screen.queryByText(/All 0 mappings/)).toBeNull();
  });

  it('shows no count and no health counts while the first page is loading or failed', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    lambda.latencyMs = 300;
    lambda.failNext(serviceError());
    renderApp('/', lambda);
    await screen.findByRole('table', { name: /Event source mappings/ });
    expect(screen.queryByText(/^\(0\+?\)$/)).toBeNull();
    expect(screen.queryByRole('group', { name: 'Filter by health' })).toBeNull();

    expect(await screen.findByText('ServiceException')).toBeTruthy();
    expect(screen.getByText('Could not load mappings')).toBeTruthy();
    expect(screen.queryByText(/^\(0\+?\)$/)).toBeNull();
    expect(screen.queryByRole('group', { name: 'Filter by health' })).toBeNull();
    expect(screen.queryByText(/Healthy 0/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText(/All 2 mappings loaded/);
    expect(screen.getByText('(2)')).toBeTruthy();
    const health = screen.getByRole('group', { name: 'Filter by health' });
    expect(within(health).getByRole('button', { name: /^Healthy: 2 mappings/ })).toBeTruthy();
  });

  it('labels the empty state’s button like the filter’s own: Clear filters', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    const { router } = renderApp('/?filter=FunctionName%5Enope', lambda);
    await screen.findByText('No matches');
    const table = screen.getByRole('table', { name: /Event source mappings/ });
    expect(within(table).queryByRole('button', { name: 'Clear filter' })).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(router.state.location.search).not.toContain('filter=');
  });
});
