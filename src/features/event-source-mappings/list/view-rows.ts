import { processItems } from '@cloudscape-design/collection-hooks/operations';
import { HEALTH_CLASSES, type HealthClass } from '../mapping-health.ts';
import type { MappingsFilterQuery } from './list-view-state.ts';
import { sortMappingRows, type MappingColumn } from './mapping-columns.tsx';
import { MAPPING_FILTERING_PROPERTIES, type MappingRow } from './mapping-rows.ts';

// What the list derives from its rows, cached per rows array (a WeakMap, so nothing outlives the
// rows): the list remounts on Back from a detail page, and when the rows are the same array
// (toMappingRows returns the same one while nothing changed) it finds its counts, filter result
// and sort again instead of recomputing them over 10,000 rows.

const combined: { parts: readonly (readonly MappingRow[])[]; rows: readonly MappingRow[] }[] = [];

/**
 * The rows of several regions, in region order: the one region's own array when there is one, and
 * for several the same concatenation as long as every region's array is the same.
 * @param parts each shown region's rows.
 */
export function combineRegionRows(
  parts: readonly (readonly MappingRow[])[],
): readonly MappingRow[] {
  if (parts.length === 1) return parts[0] ?? [];
  const hit = combined.find(
    (c) => c.parts.length === parts.length && c.parts.every((p, i) => p === parts[i]),
  );
  if (hit) return hit.rows;
  const rows = parts.flat();
  // One entry per region scope is enough (the view shows one at a time).
  if (combined.length >= 2) combined.shift();
  combined.push({ parts, rows });
  return rows;
}

const counted = new WeakMap<readonly MappingRow[], Readonly<Record<HealthClass, number>>>();

/**
 * How many rows fall in each health class.
 * @param rows the loaded rows.
 */
export function countHealth(rows: readonly MappingRow[]): Readonly<Record<HealthClass, number>> {
  const cached = counted.get(rows);
  if (cached) return cached;
  const counts = Object.fromEntries(HEALTH_CLASSES.map((c) => [c, 0])) as Record<
    HealthClass,
    number
  >;
  for (const row of rows) counts[row.Health] += 1;
  counted.set(rows, counts);
  return counts;
}

/** Filter results kept per rows array: the view's query and the health counts' (no Health token). */
const FILTERED_KEPT = 2;

const filtered = new WeakMap<readonly MappingRow[], Map<string, readonly MappingRow[]>>();

/**
 * The rows that match a property filter query, in their order, as collection-hooks'
 * `processItems` filters them (free text over every filtering property, tokens on one); `rows`
 * itself when the query has no token. The last two results per rows array are kept (the view's,
 * and the health counts' from {@link withoutHealthTokens}).
 * @param rows the loaded rows.
 * @param query the property filter's query.
 */
export function filterMappingRows(
  rows: readonly MappingRow[],
  query: MappingsFilterQuery,
): readonly MappingRow[] {
  if (query.tokens.length === 0) return rows;
  const key = JSON.stringify(query);
  let kept = filtered.get(rows);
  if (!kept) filtered.set(rows, (kept = new Map()));
  const cached = kept.get(key);
  if (cached) {
    // Most recent last.
    kept.delete(key);
    kept.set(key, cached);
    return cached;
  }
  const result = processItems(
    rows,
    { propertyFilteringQuery: query },
    { propertyFiltering: { filteringProperties: MAPPING_FILTERING_PROPERTIES } },
  ).items;
  kept.set(key, result);
  while (kept.size > FILTERED_KEPT) kept.delete(kept.keys().next().value ?? '');
  return result;
}

/**
 * The query the health counts are taken over: `query` without its `Health` tokens (the same object
 * when it has none), so that with `Function contains prod` the counts are of the prod mappings,
 * and pressing one count still shows the others' numbers.
 * @param query the property filter's query.
 */
export function withoutHealthTokens(query: MappingsFilterQuery): MappingsFilterQuery {
  if (!query.tokens.some((t) => t.propertyKey === 'Health')) return query;
  return { ...query, tokens: query.tokens.filter((t) => t.propertyKey !== 'Health') };
}

const sorted = new WeakMap<readonly MappingRow[], Map<string, readonly MappingRow[]>>();

/**
 * The rows sorted by a column ({@link sortMappingRows}); `rows` itself without a column. Each
 * order asked for is kept per rows array (at most two per column).
 * @param rows the rows to sort (e.g. the filtered ones).
 * @param column the column sorted by, if any.
 * @param descending largest first.
 * @param universe the rows `rows` were taken from (for the sort's rank cache).
 */
export function sortViewRows(
  rows: readonly MappingRow[],
  column: Pick<MappingColumn, 'id' | 'sortKey'> | undefined,
  descending: boolean,
  universe: readonly MappingRow[],
): readonly MappingRow[] {
  if (!column) return rows;
  const key = `${column.id}:${descending ? 'desc' : 'asc'}`;
  let byKey = sorted.get(rows);
  if (!byKey) sorted.set(rows, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const result = sortMappingRows(rows, column, descending, universe);
  byKey.set(key, result);
  return result;
}

/** The order a sorted view was shown in, while it is held ({@link holdSortedOrder}). */
let heldOrder: { view: string; keys: readonly string[]; holding: boolean } | undefined;

/** The result of {@link holdSortedOrder}. */
export interface HeldRows {
  /** The rows in the order to show. */
  rows: readonly MappingRow[];
  /** Whether that order is not the sort's own (some rows changed since it was taken). */
  held: boolean;
}

const sortedOrder = (rows: readonly MappingRow[]): HeldRows => ({ rows, held: false });

/**
 * Rows that stay where they are while the user looks at them: once a sorted view is on screen
 * and every row is loaded, a change of the rows' values (the orphan check's answers, a mapping
 * followed through Disabling, a refresh) does not re-order it. Rows already shown keep their
 * relative order; rows that newly match go after them, in the sort's order; rows that no longer
 * match leave. A new view (`view`: another filter, sort or scope, or "Sort again") or a load in
 * progress (rows still arriving take their sorted places) takes the sort's order again; so do
 * the first rows held after a load (its last page among them). One held order at a time (the
 * list shows one view), kept across a remount (Back).
 * @param sorted the view's rows in the sort's order.
 * @param view what identifies the view: its filter, sort and regions (a string compared as is).
 * @param hold false while rows are loading or with no sort: `sorted` is taken as it is.
 */
export function holdSortedOrder(
  sorted: readonly MappingRow[],
  view: string,
  hold: boolean,
): HeldRows {
  // The first rows with hold on (the load's last page among them) are taken in the sort's order:
  // only what changes after that is held.
  if (!hold || heldOrder?.view !== view || !heldOrder.holding) {
    heldOrder = { view, keys: sorted.map((r) => r.key), holding: hold };
    return sortedOrder(sorted);
  }
  const position = new Map<string, number>();
  heldOrder.keys.forEach((key, i) => position.set(key, i));
  const kept: MappingRow[] = [];
  const added: MappingRow[] = [];
  for (const row of sorted) (position.has(row.key) ? kept : added).push(row);
  kept.sort((a, b) => (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0));
  const rows = added.length === 0 ? kept : [...kept, ...added];
  if (rows.every((row, i) => row === sorted[i])) return sortedOrder(sorted);
  return { rows, held: true };
}
