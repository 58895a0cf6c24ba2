import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { hashKey, type QueryClient } from '@tanstack/react-query';
import { isResourceNotFound } from '../../api/errors.ts';
import { isTransitionalState } from './mapping-state.ts';
import { mappingQueries } from './queries.ts';

/** How a followed mapping ended up: a stable State, or gone (ResourceNotFoundException). */
export type SettledOutcome =
  { kind: 'settled'; mapping: EventSourceMappingConfiguration } | { kind: 'deleted' };

/**
 * Watches a mapping's detail query (`mappingQueries.detail(UUID)`, which polls while the State
 * is transitional) and calls `onSettled` once, when the cached mapping reaches a stable State
 * (Enabled, Disabled…) or the query fails with ResourceNotFoundException (deleted). Used to turn
 * an "in progress" flash into the outcome. It only observes: whoever shows the mapping (detail
 * page, list row) does the polling.
 * @param queryClient the app's query client.
 * @param UUID the mapping's UUID.
 * @param onSettled called at most once.
 * @returns a function that stops watching (also stopped after `onSettled`).
 */
export function followUntilSettled(
  queryClient: QueryClient,
  UUID: string,
  onSettled: (outcome: SettledOutcome) => void,
): () => void {
  const hash = hashKey(mappingQueries.detail(UUID).queryKey);
  let done = false;
  const check = (): SettledOutcome | undefined => {
    const query = queryClient.getQueryCache().get(hash);
    if (!query) return undefined;
    const { data, error, errorUpdatedAt, dataUpdatedAt } = query.state;
    if (error && isResourceNotFound(error) && errorUpdatedAt >= dataUpdatedAt) {
      return { kind: 'deleted' };
    }
    const mapping = data as EventSourceMappingConfiguration | undefined;
    if (mapping?.State && !isTransitionalState(mapping.State)) return { kind: 'settled', mapping };
    return undefined;
  };
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (done || event.query.queryHash !== hash || event.type !== 'updated') return;
    const outcome = check();
    if (!outcome) return;
    done = true;
    unsubscribe();
    onSettled(outcome);
  });
  return () => {
    done = true;
    unsubscribe();
  };
}
