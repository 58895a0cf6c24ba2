import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { isResourceNotFound } from '../../../api/errors.ts';
import { FOLLOW_POLLING } from '../follow-until-settled.ts';
import { mappingQueries, patchMappingsInLists } from '../queries.ts';
import type { MappingRow } from './mapping-rows.ts';

/** At most this many rows are followed at once (one detail query each, polling every second). */
export const MAX_FOLLOWED_ROWS = 20;

/** What the followed rows' detail queries read (a stable `combine`: computed when they change). */
function readFollowed(
  all: readonly {
    data: EventSourceMappingConfiguration | undefined;
    error: unknown;
    isError: boolean;
  }[],
): { data: EventSourceMappingConfiguration | undefined; gone: boolean }[] {
  return all.map((r) => ({ data: r.data, gone: isResourceNotFound(r.error) && r.isError }));
}

/**
 * Follows the transitional rows the user is looking at (the current page; stuck ones are not
 * polled) through their detail queries, which poll `GetEventSourceMapping` while the State is
 * transitional (backing off when throttled, paused while the tab is hidden: `FOLLOW_POLLING`), and
 * writes what they read into the region's cached lists: the row shows each
 * transition to its end, and a deleted mapping's row goes once Lambda answers
 * ResourceNotFoundException, without reading the whole list again.
 * @param rows the rows on screen.
 */
export function useFollowTransitions(rows: readonly MappingRow[]): void {
  const queryClient = useQueryClient();
  const followed = useMemo(
    () => rows.filter((r) => r.Health === 'transitional' && r.UUID).slice(0, MAX_FOLLOWED_ROWS),
    [rows],
  );
  // The same array while the followed rows are: useQueries then leaves its observers alone when
  // the list re-renders for something else (a selection).
  const queries = useMemo(
    () =>
      followed.map((r) => ({
        ...mappingQueries.detail(r.UUID, r.Region),
        ...FOLLOW_POLLING,
      })),
    [followed],
  );
  const results = useQueries({
    queries,
    combine: readFollowed,
  });
  useEffect(() => {
    const byRegion = new Map<string, Map<string, EventSourceMappingConfiguration | null>>();
    followed.forEach((row, i) => {
      const result = results[i];
      if (!result) return;
      const update = result.gone ? null : result.data;
      if (update === undefined || update === row.mapping) return;
      if (
        update &&
        update.LastModified === row.mapping.LastModified &&
        update.State === row.State
      ) {
        return;
      }
      let updates = byRegion.get(row.Region);
      if (!updates) byRegion.set(row.Region, (updates = new Map()));
      updates.set(row.UUID, update);
    });
    for (const [region, updates] of byRegion) patchMappingsInLists(queryClient, region, updates);
  }, [followed, results, queryClient]);
}
