import { LambdaServiceException } from '@aws-sdk/client-lambda';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { setLambdaClient } from '../../../api/lambda-client.ts';
import { APPEARANCE_STORAGE_KEY, getAppearanceStore } from '../../../lib/appearance.ts';
import { createQueryClient } from '../../../lib/query-client.ts';
import { FakeLambda, fakeFunction, fakeMapping } from '../../../testing/fake-lambda.ts';
import { DEFAULT_LIST_VIEW, type MappingsListView as ListView } from './list-view-state.ts';
import { MappingsListView } from './mappings-list-view.tsx';
import { prefetchRegionFeed } from './region-feed.tsx';

// Cloudscape tables render slowly in happy-dom on a shared 2-core machine.
configure({ asyncUtilTimeout: 10_000 });

const ACCOUNT = '123456789012';
const functionArn = (region: string, name: string) =>
  `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;

/**
 * Renders the list alone (no app frame) over the regions given, with the Lambda client(s) already
 * installed by the test.
 */
function renderList(
  regions: readonly string[],
  view: Partial<ListView> = {},
  queryClient = createQueryClient(),
) {
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <MappingsListView
          regions={regions}
          configuredRegions={regions}
          filters={{}}
          onFiltersChange={() => undefined}
          view={{ ...DEFAULT_LIST_VIEW, ...view }}
          onViewChange={() => undefined}
          writeAccess={{ allowed: true }}
          onCreate={() => undefined}
          onEdit={() => undefined}
          createHref="/mappings/new"
          editHref={(row) => `/mappings/${row.UUID}/edit`}
        />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The Health counts' button of one class (e.g. `Orphaned: 1 mapping`). */
const healthCount = (label: string) =>
  within(screen.getByRole('group', { name: 'Filter by health' })).queryByRole('button', {
    name: new RegExp(`^${label}: `),
  });

describe('the orphan check of the list', { timeout: 60_000 }, () => {
  it('walks ListFunctions once, after the last page of mappings, and still finds the orphan', async () => {
    // 350 mappings over 4 pages of ListEventSourceMappings, pointing to 300 functions (6 pages of
    // ListFunctions); every 7th through the `live` alias, so the first page alone names fewer
    // qualified functions than the whole list. The last mapping's function is gone.
    const lambda = new FakeLambda(
      Array.from({ length: 350 }, (_, n) =>
        fakeMapping(n, {
          FunctionArn:
            n === 349
              ? functionArn('us-east-1', 'deleted-fn')
              : `${functionArn('us-east-1', `fn-${n % 300}`)}${n % 7 === 0 ? ':live' : ''}`,
        }),
      ),
    );
    lambda.functions = Array.from({ length: 300 }, (_, n) => fakeFunction(n));
    for (let n = 0; n < 300; n += 1) lambda.aliases[`fn-${n}`] = { live: '1' };
    lambda.versions = Object.fromEntries(lambda.functions.map((f) => [f.FunctionName, ['1']]));
    lambda.latencyMs = 50;
    setLambdaClient(lambda);
    renderList(['us-east-1']);

    // The first page is on screen at once, while the rest loads (not held back by the feed's
    // once-a-second progress reports).
    await screen.findByText(/Loading all mappings: 100 loaded, 1 page,/);
    expect(screen.queryByText(/Checking which functions/)).toBeNull();
    await screen.findByText(/All 350 mappings loaded/);
    // While it runs, the line says how far it has got: 50 aliases to list (about 0.65 s), and the
    // orphan by function counts already (ListFunctions alone decides it).
    await screen.findByText(
      /^Checking which functions, versions and aliases still exist: \d+ of 50 version and alias lookups done$/,
      undefined,
      { interval: 20 },
    );
    expect(healthCount('Orphaned')?.getAttribute('aria-label')).toBe(
      'Orphaned: 1 mapping so far, still checking',
    );
    await waitFor(() => expect(screen.queryByText(/Checking which functions/)).toBeNull());
    expect(healthCount('Orphaned')?.getAttribute('aria-label')).toMatch(/^Orphaned: 1 mapping$/);

    const pages = lambda.inputsOf('ListFunctionsCommand');
    expect(pages).toEqual([
      { MaxItems: 50 },
      ...[50, 100, 150, 200, 250].map((marker) => ({ MaxItems: 50, Marker: String(marker) })),
    ]);
    // Each function referenced with an alias has its aliases listed once too, and nothing lists
    // versions no mapping names: 50 functions (mappings 0, 7, …, 343 name fn-0, fn-7, …, fn-294
    // and then fn-1, fn-8, …, fn-43).
    const qualified = new Set(
      lambda.mappings
        .map((m) => m.FunctionArn ?? '')
        .filter((arn) => arn.endsWith(':live'))
        .map((arn) => arn.split(':')[6]),
    );
    expect(qualified.size).toBe(50);
    const aliasCalls = lambda.inputsOf('ListAliasesCommand').map((i) => i.FunctionName);
    expect(aliasCalls).toHaveLength(qualified.size);
    expect(new Set(aliasCalls)).toEqual(qualified);
    expect(lambda.inputsOf('ListVersionsByFunctionCommand')).toEqual([]);
  });
});

describe('Load all', { timeout: 60_000 }, () => {
  it('goes on to the end under StrictMode when the first page was prefetched before the list mounted', async () => {
    const lambda = new FakeLambda(Array.from({ length: 230 }, (_, n) => fakeMapping(n)));
    setLambdaClient(lambda);
    const queryClient = createQueryClient();
    // As at start-up: the first page is in the cache before the list's first render.
    await prefetchRegionFeed(queryClient, {}, 'us-east-1');
    render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter>
            <MappingsListView
              regions={['us-east-1']}
              configuredRegions={['us-east-1']}
              filters={{}}
              onFiltersChange={() => undefined}
              view={DEFAULT_LIST_VIEW}
              onViewChange={() => undefined}
              writeAccess={{ allowed: true }}
              onCreate={() => undefined}
              onEdit={() => undefined}
              createHref="/mappings/new"
              editHref={(row) => `/mappings/${row.UUID}/edit`}
            />
          </MemoryRouter>
        </QueryClientProvider>
      </StrictMode>,
    );
    await screen.findByText(/All 230 mappings loaded/);
    expect(screen.getByText('(230)')).toBeTruthy();
    // Every page; the second one may be asked twice: StrictMode's trial unmount leaves the query
    // without an observer, which cancels the page in flight.
    const requests = lambda.inputsOf('ListEventSourceMappingsCommand');
    expect(new Set(requests.map((input) => input.Marker))).toEqual(
      new Set([undefined, '100', '200']),
    );
    expect(requests.length).toBeLessThanOrEqual(4);
  });
});

/** AWS's answer to a caller without lambda:ListEventSourceMappings in a region. */
const accessDenied = () =>
  new LambdaServiceException({
    name: 'AccessDeniedException',
    $fault: 'client',
    message:
      'User: arn:aws:sts::123456789012:assumed-role/guest is not authorized to perform: lambda:ListEventSourceMappings',
    $metadata: { httpStatusCode: 403, attempts: 1, totalRetryDelay: 0 },
  });

/** `count` mappings of `region`, numbered from `first` (their functions in that region). */
const regionMappings = (region: string, first: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    fakeMapping(first + i, { FunctionArn: functionArn(region, `fn-${first + i}`) }),
  );

describe('the title counter with all regions', { timeout: 60_000 }, () => {
  it('reads as a lower bound and names the region whose list failed, until Retry loads it', async () => {
    const us = new FakeLambda(regionMappings('us-east-1', 0, 150));
    const eu = new FakeLambda(regionMappings('eu-west-1', 1000, 20));
    eu.failNext(accessDenied());
    setLambdaClient((region) => (region === 'eu-west-1' ? eu : us));
    renderList(['us-east-1', 'eu-west-1'], { regions: 'all' });

    const failed = await screen.findByText(
      /eu-west-1: could not be listed, not counted \(see above\)/,
    );
    await screen.findByText(/us-east-1: All 150 mappings loaded/);
    expect(screen.getByText('(150+)')).toBeTruthy();
    expect(screen.queryByText('(150)')).toBeNull();
    // The failed region comes first under the title, before the regions that loaded.
    const loaded = screen.getByText(/us-east-1: All 150 mappings loaded/);
    expect(failed.compareDocumentPosition(loaded) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText('Could not load mappings in eu-west-1')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText(/eu-west-1: All 20 mappings loaded/);
    await waitFor(() => expect(screen.getByText('(170)')).toBeTruthy());
    expect(screen.queryByText(/not counted/)).toBeNull();
  });

  it('says how far a region got when a later page failed', async () => {
    const us = new FakeLambda(regionMappings('us-east-1', 0, 20));
    const eu = new FakeLambda(regionMappings('eu-west-1', 1000, 150));
    const send = eu.send;
    let calls = 0;
    eu.send = (async (command: unknown) => {
      calls += 1;
      if (calls === 2) throw accessDenied();
      return send(command as never);
    }) as typeof eu.send;
    setLambdaClient((region) => (region === 'eu-west-1' ? eu : us));
    renderList(['us-east-1', 'eu-west-1'], { regions: 'all' });

    await screen.findByText(/eu-west-1: failed after 100, the rest not counted \(see above\)/);
    await screen.findByText(/us-east-1: All 20 mappings loaded/);
    expect(screen.getByText('(120+)')).toBeTruthy();
    expect(
      screen.getByText(/Could not load more mappings in eu-west-1 \(100 loaded\)/),
    ).toBeTruthy();
  });

  it('says a region has no mappings instead of "All 0 mappings loaded"', async () => {
    const us = new FakeLambda(regionMappings('us-east-1', 0, 20));
    const eu = new FakeLambda([]);
    setLambdaClient((region) => (region === 'eu-west-1' ? eu : us));
    renderList(['us-east-1', 'eu-west-1'], { regions: 'all' });

    await screen.findByText('eu-west-1: no mappings');
    await screen.findByText(/us-east-1: All 20 mappings loaded/);
    expect(screen.queryByText(/All 0 mappings/)).toBeNull();
    expect(screen.getByText('(20)')).toBeTruthy();
  });

  it('shows no count and no health counts while every region failed, until Retry loads one', async () => {
    const us = new FakeLambda(regionMappings('us-east-1', 0, 20));
    const eu = new FakeLambda(regionMappings('eu-west-1', 1000, 5));
    us.failNext(accessDenied());
    eu.failNext(accessDenied());
    setLambdaClient((region) => (region === 'eu-west-1' ? eu : us));
    renderList(['us-east-1', 'eu-west-1'], { regions: 'all' });

    await screen.findByText('Could not load mappings in us-east-1');
    await screen.findByText('Could not load mappings in eu-west-1');
    expect(screen.queryByText(/^\(0\+?\)$/)).toBeNull();
    expect(screen.queryByRole('group', { name: 'Filter by health' })).toBeNull();

    fireEvent.click(screen.getAllByRole('button', { name: 'Retry' })[0]!);
    await screen.findByText(/us-east-1: All 20 mappings loaded/);
    await waitFor(() => expect(screen.getByText('(20+)')).toBeTruthy());
    // us-east-1's functions are not in its FakeLambda: its 20 mappings count as orphaned.
    await waitFor(() => expect(healthCount('Orphaned')?.textContent).toContain('Orphaned 20'));
  });
});

describe('the table preferences', { timeout: 60_000 }, () => {
  afterEach(() => {
    getAppearanceStore().set({ density: 'comfortable' });
    window.localStorage.clear();
  });

  it('Compact mode is the console’s density: one setting, shown the same in both places', async () => {
    setLambdaClient(() => new FakeLambda([fakeMapping(0)]));
    renderList(['us-east-1']);
    await screen.findByText(/All 1 mapping loaded/);

    fireEvent.click(screen.getByRole('button', { name: 'Table preferences' }));
    const dialog = await screen.findByRole('dialog', { name: 'Table preferences' });
    const compact = within(dialog).getByRole('checkbox', { name: /Compact mode/ });
    expect((compact as HTMLInputElement).checked).toBe(false);
    fireEvent.click(compact);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    await waitFor(() => expect(document.body.classList.contains('awsui-compact-mode')).toBe(true));
    expect(getAppearanceStore().getSnapshot().preference.density).toBe('compact');
    expect(JSON.parse(window.localStorage.getItem(APPEARANCE_STORAGE_KEY) ?? '{}')).toMatchObject({
      density: 'compact',
    });

    // Chosen elsewhere (the header's menu): the table's preferences show it.
    act(() => getAppearanceStore().set({ density: 'comfortable' }));
    expect(document.body.classList.contains('awsui-compact-mode')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Table preferences' }));
    const again = await screen.findByRole('dialog', { name: 'Table preferences' });
    expect(
      (within(again).getByRole('checkbox', { name: /Compact mode/ }) as HTMLInputElement).checked,
    ).toBe(false);
  });
});

describe('a sorted view', { timeout: 60_000 }, () => {
  /**
   * Mappings 0–2 sorted worst first; fn-2 is gone, so the orphan check (which runs once every
   * mapping is loaded) finds mapping 2. Returns the rows' order as the last digit of each UUID.
   */
  function renderWorstFirst() {
    const lambda = new FakeLambda([0, 1, 2].map((n) => fakeMapping(n)));
    lambda.functions = [fakeFunction(0), fakeFunction(1)];
    lambda.latencyMs = 50;
    setLambdaClient(lambda);
    renderList(['us-east-1'], { sort: { column: 'Health', descending: false } });
    return () =>
      within(screen.getByRole('table'))
        .getAllByRole('link')
        .map((link) => (link.textContent ?? '').slice(-1));
  }

  it('keeps its rows in place when the orphan check moves one, until Sort again', async () => {
    const order = renderWorstFirst();

    await screen.findByText(/All 3 mappings loaded/);
    expect(order()).toEqual(['0', '1', '2']);
    // The user is at the rows: one is selected.
    fireEvent.click(screen.getByRole('checkbox', { name: /Select mapping .*0001$/ }));
    await waitFor(() => expect(healthCount('Orphaned')?.textContent).toContain('Orphaned 1'));
    await waitFor(() => expect(screen.queryByText(/Checking which functions/)).toBeNull());
    // Worst first would put mapping 2 on top; it stays where the user saw it, and the list says so.
    expect(order()).toEqual(['0', '1', '2']);
    expect(within(screen.getByRole('table')).getAllByText('Orphaned')).toHaveLength(1);
    screen.getByText('Rows keep their places: some changed since sorted by Health');

    fireEvent.click(screen.getByRole('button', { name: 'Sort again' }));
    await waitFor(() => expect(order()).toEqual(['2', '0', '1']));
    expect(screen.queryByText(/Rows keep their places/)).toBeNull();
    // The button left with the notice; the focus is on the new first row, not the page.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('data-mapping-link')).not.toBeNull(),
    );
    expect((document.activeElement?.textContent ?? '').slice(-1)).toBe('2');
  });

  it('follows its sort when nobody is at the rows: worst first shows the orphan on top', async () => {
    const order = renderWorstFirst();
    await screen.findByText(/All 3 mappings loaded/);
    await waitFor(() => expect(order()).toEqual(['2', '0', '1']));
    expect(screen.queryByText(/Rows keep their places/)).toBeNull();
  });
});

describe('the health counts with a filter matching any token', { timeout: 60_000 }, () => {
  it('are shown but do not filter (a Health token would widen the view)', async () => {
    setLambdaClient(() => new FakeLambda([0, 1, 2].map((n) => fakeMapping(n))));
    renderList(['us-east-1'], {
      query: {
        operation: 'or',
        tokens: [
          { propertyKey: 'FunctionName', operator: '=', value: 'fn-0' },
          { propertyKey: 'FunctionName', operator: '=', value: 'fn-1' },
        ],
      },
    });
    await screen.findByText(/All 3 mappings loaded/);
    const counts = await screen.findByRole('group', { name: 'Filter by health' });
    const button = within(counts).getAllByRole('button')[0]!;
    expect(button.getAttribute('aria-disabled')).toBe('true');
  });
});
