import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_VIEW,
  parseFilterToken,
  parseListView,
  readListView,
  withListView,
  type MappingsListView,
} from './list-view-state.ts';
import { MAPPINGS_VIEW_RULES } from './mappings-view-rules.ts';

const options = {
  propertyKeys: new Set(['FunctionName', 'State', 'BatchSize', 'Health', 'StateTransitionReason']),
  columns: new Set(['FunctionName', 'LastModified', 'Health']),
};

const roundTrip = (view: MappingsListView, base = '') =>
  parseListView(withListView(new URLSearchParams(base), view), options);

describe('list view ↔ URL', () => {
  it('a plain list has a plain URL, and an empty URL is the default view', () => {
    expect(withListView(new URLSearchParams(), DEFAULT_LIST_VIEW).toString()).toBe('');
    expect(parseListView(new URLSearchParams(), options)).toEqual(DEFAULT_LIST_VIEW);
  });

  it('writes tokens, sort, page, page size and the region scope readably, and reads them back', () => {
    const view: MappingsListView = {
      query: {
        operation: 'and',
        tokens: [
          { propertyKey: 'State', operator: '=', value: 'Disabled' },
          { propertyKey: 'FunctionName', operator: '^', value: 'orders-' },
          { propertyKey: 'BatchSize', operator: '>=', value: '100' },
          { propertyKey: 'StateTransitionReason', operator: '!=', value: 'USER_INITIATED' },
          { operator: ':', value: 'a=b & c, d' },
        ],
      },
      sort: { column: 'LastModified', descending: true },
      page: 3,
      pageSize: 100,
      regions: 'all',
    };
    const params = withListView(new URLSearchParams(), view);
    expect(params.getAll('filter')).toEqual([
      'State=Disabled',
      'FunctionName^orders-',
      'BatchSize>=100',
      'StateTransitionReason!=USER_INITIATED',
      ':a=b & c, d',
    ]);
    expect(params.get('sort')).toBe('-LastModified');
    expect(params.get('page')).toBe('3');
    expect(params.get('pageSize')).toBe('100');
    expect(params.get('regions')).toBe('all');
    // Through a real URL string, as a copied link travels.
    const copied = new URL(`https://console.example/?${params.toString()}`);
    expect(parseListView(copied.searchParams, options)).toEqual(view);
  });

  it('keeps the params it does not own (region, server-side filters) and replaces its own', () => {
    const base = 'region=eu-west-1&FunctionName=orders&filter=State%3DEnabled&page=9';
    const params = withListView(new URLSearchParams(base), {
      ...DEFAULT_LIST_VIEW,
      query: {
        operation: 'or',
        tokens: [{ propertyKey: 'Health', operator: '=', value: 'stuck' }],
      },
    });
    expect(params.get('region')).toBe('eu-west-1');
    expect(params.get('FunctionName')).toBe('orders');
    expect(params.getAll('filter')).toEqual(['Health=stuck']);
    expect(params.has('page')).toBe(false);
    // "or" only matters with two tokens or more.
    expect(params.has('match')).toBe(false);
    expect(
      roundTrip({
        ...DEFAULT_LIST_VIEW,
        query: {
          operation: 'or',
          tokens: [
            { propertyKey: 'State', operator: '=', value: 'Enabled' },
            { propertyKey: 'State', operator: '=', value: 'Disabled' },
          ],
        },
      }).query.operation,
    ).toBe('or');
  });

  it('falls back to defaults for unknown properties, columns, pages and page sizes', () => {
    const view = parseListView(
      new URLSearchParams(
        'filter=Secret=1&filter=State~x&filter=State=Enabled&sort=-Nope&page=0&pageSize=7&regions=some',
      ),
      options,
    );
    expect(view).toEqual({
      ...DEFAULT_LIST_VIEW,
      query: {
        operation: 'and',
        tokens: [{ propertyKey: 'State', operator: '=', value: 'Enabled' }],
      },
    });
    expect(parseListView(new URLSearchParams('page=2.5'), options).page).toBe(1);
  });

  it('reads the older ?state= and ?problems=1 links as tokens, and drops them on write', () => {
    const view = parseListView(new URLSearchParams('state=Disabled&problems=1'), options);
    expect(view.query.tokens).toEqual([
      { propertyKey: 'State', operator: '=', value: 'Disabled' },
      { propertyKey: 'Health', operator: '=', value: 'problem' },
    ]);
    const params = withListView(new URLSearchParams('state=Disabled&problems=1'), view);
    expect(params.has('state')).toBe(false);
    expect(params.has('problems')).toBe(false);
    expect(params.getAll('filter')).toEqual(['State=Disabled', 'Health=problem']);
  });

  it('parses operators longest first and free text only with contains / does not contain', () => {
    const keys = options.propertyKeys;
    expect(parseFilterToken('BatchSize<=10', keys)).toEqual({
      propertyKey: 'BatchSize',
      operator: '<=',
      value: '10',
    });
    expect(parseFilterToken('State!=Enabled', keys)?.operator).toBe('!=');
    expect(parseFilterToken('FunctionName!^tmp-', keys)?.operator).toBe('!^');
    expect(parseFilterToken('!:timeout', keys)).toEqual({ operator: '!:', value: 'timeout' });
    expect(parseFilterToken('=x', keys)).toBeUndefined();
    expect(parseFilterToken('State', keys)).toBeUndefined();
  });
});

describe('what a link’s view could not read', () => {
  const read = (search: string) => readListView(new URLSearchParams(search), MAPPINGS_VIEW_RULES);

  it.each([
    ['filter=Bogus%3Dx', 'filter', 'Bogus=x', 'unknown property Bogus'],
    ['filter=Secret~1', 'filter', 'Secret~1', 'unknown property Secret'],
    ['filter=BatchSize%3Eabc', 'filter', 'BatchSize>abc', 'BatchSize is a number; abc is not'],
    [
      'filter=BatchSize%3E%3D',
      'filter',
      'BatchSize>=',
      'BatchSize is a number; the value is empty',
    ],
    [
      'filter=State%3EDisabled',
      'filter',
      'State>Disabled',
      'State does not take > (it takes = or !=)',
    ],
    ['filter=UUID!%3Dx', 'filter', 'UUID!=x', 'UUID does not take != (it takes :, = or ^)'],
    ['filter=State~x', 'filter', 'State~x', 'no operator after State (it takes = or !=)'],
    [
      'filter=%3Dtimeout',
      'filter',
      '=timeout',
      'free text takes : (contains) or !: (does not contain), not =',
    ],
    ['filter=~x', 'filter', '~x', 'not a filter: no property and no operator'],
    ['sort=-Nope', 'sort', '-Nope', 'sort column Nope does not exist'],
    ['sort=', 'sort', '', 'no sort column given'],
    ['page=abc', 'page', 'abc', 'page abc is not a whole number of 1 or more'],
    ['page=0', 'page', '0', 'page 0 is not a whole number of 1 or more'],
    ['page=2.5', 'page', '2.5', 'page 2.5 is not a whole number of 1 or more'],
    ['pageSize=33', 'pageSize', '33', 'page size 33 is not one of 25, 50, 100 or 200'],
    ['pageSize=', 'pageSize', '', 'page size (empty) is not one of 25, 50, 100 or 200'],
    ['regions=some', 'regions', 'some', 'regions takes only all (every configured region)'],
    ['match=all', 'match', 'all', 'match takes only any (rows matching any filter)'],
    ['state=Paused', 'state', 'Paused', 'State Paused is not Enabled or Disabled'],
    ['problems=0', 'problems', '0', 'problems takes only 1 (Health = problem)'],
  ])('%s is left out: %s %s, “%s”', (search, param, value, reason) => {
    expect(read(search)).toEqual({ view: DEFAULT_LIST_VIEW, ignored: [{ param, value, reason }] });
  });

  it('uses the first of a repeated param and names the others', () => {
    const { view, ignored } = read('page=2&sort=UUID&page=3&sort=-Health&page=2');
    expect(view).toEqual({
      ...DEFAULT_LIST_VIEW,
      page: 2,
      sort: { column: 'UUID', descending: false },
    });
    expect(ignored).toEqual([
      {
        param: 'sort',
        value: '-Health',
        reason: 'sort is given more than once; the first (UUID) is used',
      },
      { param: 'page', value: '3', reason: 'page is given more than once; the first (2) is used' },
      { param: 'page', value: '2', reason: 'page is given more than once; the first (2) is used' },
    ]);
  });

  it('lists every unreadable part of a link and keeps the parts it could read', () => {
    const { view, ignored } = read(
      'filter=Bogus%3Dx&filter=BatchSize%3Eabc&filter=State%3DDisabled&sort=-Nope&page=abc&pageSize=33&region=eu-west-1',
    );
    expect(view).toEqual({
      ...DEFAULT_LIST_VIEW,
      query: {
        operation: 'and',
        tokens: [{ propertyKey: 'State', operator: '=', value: 'Disabled' }],
      },
    });
    expect(ignored.map((part) => `${part.param}=${part.value}: ${part.reason}`)).toEqual([
      'filter=Bogus=x: unknown property Bogus',
      'filter=BatchSize>abc: BatchSize is a number; abc is not',
      'sort=-Nope: sort column Nope does not exist',
      'page=abc: page abc is not a whole number of 1 or more',
      'pageSize=33: page size 33 is not one of 25, 50, 100 or 200',
    ]);
  });

  it.each([
    [''],
    ['region=eu-west-1&FunctionName=orders&EventSourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A1%3Aq'],
    [
      'filter=State%3DDisabled&filter=BatchSize%3E%3D100&filter=%3Atimeout&filter=UUID%5E0000&match=any&sort=-LastModified&page=2&pageSize=100&regions=all',
    ],
    // A mapping with no BatchSize: collection-hooks compares a missing value as ''.
    ['filter=BatchSize%3D&filter=BatchSize!%3D'],
    ['filter=BatchSize%3C%3D10.5&filter=StateTransitionReason!%3DUser%20action'],
    ['state=Disabled&problems=1'],
  ])('a clean link (%s) leaves out nothing', (search) => {
    expect(read(search).ignored).toEqual([]);
  });

  it('the view written back has nothing left out and is the view that was shown', () => {
    const part = fc.oneof(
      fc.constantFrom(
        'filter=State%3DDisabled',
        'filter=Bogus%3Dx',
        'filter=BatchSize%3Eabc',
        'filter=BatchSize%3E10',
        'filter=%3Dx',
        'sort=-Nope',
        'sort=UUID',
        'page=abc',
        'page=3',
        'pageSize=33',
        'pageSize=50',
        'regions=all',
        'regions=x',
        'match=any',
        'match=x',
        'state=Enabled',
        'state=x',
        'problems=1',
        'problems=x',
        'region=eu-west-1',
      ),
      fc
        .tuple(fc.constantFrom('filter', 'sort', 'page', 'pageSize'), fc.string({ maxLength: 8 }))
        .map(([name, value]) => new URLSearchParams([[name, value]]).toString()),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const params = new URLSearchParams(parts.join('&'));
        const first = readListView(params, MAPPINGS_VIEW_RULES);
        const cleaned = withListView(params, first.view);
        const second = readListView(cleaned, MAPPINGS_VIEW_RULES);
        expect(second.ignored).toEqual([]);
        // "or" is written only with two tokens or more (with fewer it filters as "and").
        const { tokens, operation } = first.view.query;
        expect(second.view).toEqual({
          ...first.view,
          query: { tokens, operation: tokens.length > 1 ? operation : 'and' },
        });
        expect(cleaned.getAll('region')).toEqual(params.getAll('region'));
      }),
      { numRuns: 300 },
    );
  });

  it('parseListView gives the same view as readListView', () => {
    const params = new URLSearchParams('filter=Bogus%3Dx&filter=State%3DEnabled&sort=-UUID&page=4');
    expect(parseListView(params, MAPPINGS_VIEW_RULES)).toEqual(
      readListView(params, MAPPINGS_VIEW_RULES).view,
    );
  });
});
