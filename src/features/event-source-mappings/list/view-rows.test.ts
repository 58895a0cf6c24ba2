import { describe, expect, it } from 'vitest';
import type { MappingRow } from './mapping-rows.ts';
import { holdSortedOrder } from './view-rows.ts';

/** Rows by key: only `key` matters to the held order (rows are compared by identity). */
const row = (key: string) => ({ key }) as MappingRow;
const keys = (rows: readonly MappingRow[]) => rows.map((r) => r.key);

describe('holdSortedOrder', () => {
  it('keeps shown rows in place once loaded; new matches go after, gone ones leave', () => {
    const view = 'us-east-1|{}|Health:false';
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(row) as [
      MappingRow,
      MappingRow,
      MappingRow,
      MappingRow,
    ];
    // While loading: the sort's order, each time.
    expect(holdSortedOrder([a, b], view, false)).toEqual({ rows: [a, b], held: false });
    // The load's last render (its last page, c, arrives with hold on): still the sort's order.
    expect(keys(holdSortedOrder([c, a, b], view, true).rows)).toEqual(['c', 'a', 'b']);
    // The orphan check moves b first in the sort: rows stay as shown.
    const moved = holdSortedOrder([b, c, a], view, true);
    expect(keys(moved.rows)).toEqual(['c', 'a', 'b']);
    expect(moved.held).toBe(true);
    // d newly matches, a no longer does.
    expect(keys(holdSortedOrder([d, b, c], view, true).rows)).toEqual(['c', 'b', 'd']);
    // The same order as the sort's: nothing held.
    expect(holdSortedOrder([c, a, b], view, true)).toEqual({ rows: [c, a, b], held: false });
  });

  it('takes the sort’s order for a new view ("Sort again" is one) or while loading', () => {
    const [a, b] = ['a', 'b'].map(row) as [MappingRow, MappingRow];
    // Sorted with everything loaded: that order is the one held.
    expect(holdSortedOrder([a, b], 'v|0', true).held).toBe(false);
    expect(holdSortedOrder([b, a], 'v|0', true)).toEqual({ rows: [a, b], held: true });
    expect(holdSortedOrder([a, b], 'v|1', true)).toEqual({ rows: [a, b], held: false });
    expect(holdSortedOrder([b, a], 'v|1', false)).toEqual({ rows: [b, a], held: false });
  });
});
