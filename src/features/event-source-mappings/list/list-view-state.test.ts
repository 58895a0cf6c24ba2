import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_VIEW,
  parseFilterToken,
  parseListView,
  withListView,
  type MappingsListView,
} from './list-view-state.ts';

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
