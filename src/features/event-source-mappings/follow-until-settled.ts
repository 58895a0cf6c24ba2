import type {
  EventSourceMappingConfiguration,
  GetEventSourceMappingCommandOutput,
} from '@aws-sdk/client-lambda';
import { hashKey, type QueryClient, type QueryState } from '@tanstack/react-query';
import { isResourceNotFound } from '../../api/errors.ts';
import { isStuckMapping } from './mapping-health.ts';
import { isTransitionalState } from './mapping-state.ts';
import { mappingQueries, TRANSITIONAL_POLL_INTERVAL_MS } from './queries.ts';

/** The longest gap between two polls of a transitional mapping while Lambda throttles, in ms. */
export const MAX_POLL_INTERVAL_MS = 30_000;

/**
 * The gap between two polls of a stuck mapping (transitional for more than `STUCK_AFTER_MS`), in
 * ms: one stuck for days is not going to settle in the next second, and each poll draws on the
 * account's control-plane request rate the console's other work shares.
 */
export const STUCK_POLL_INTERVAL_MS = 60_000;

/**
 * `refetchInterval` of a followed mapping's detail query (the detail page, the list's
 * transitional rows): every {@link TRANSITIONAL_POLL_INTERVAL_MS} while the State is
 * transitional, doubled for each retry the last read needed (the SDK's `$metadata.attempts` − 1,
 * or TanStack Query's failure count while it retries a throttled read) up to
 * {@link MAX_POLL_INTERVAL_MS}, so a throttled account is asked less often; also, backing off,
 * after a first read that failed (no data yet); every {@link STUCK_POLL_INTERVAL_MS} for a stuck
 * mapping; `false` once the State is stable or the mapping is gone (404). With `refetchIntervalInBackground: false`
 * (TanStack's default, set explicitly by {@link FOLLOW_POLLING}) nothing is polled while the tab
 * is hidden; the query is read again when it is shown.
 * @param query the detail query (its state).
 */
export function followPollInterval(query: {
  state: Pick<
    QueryState<GetEventSourceMappingCommandOutput>,
    'data' | 'error' | 'fetchFailureCount'
  >;
}): number | false {
  const { data, error, fetchFailureCount } = query.state;
  if (isResourceNotFound(error)) return false;
  // A first read that failed past its retries (no data yet, e.g. throttled 8 times) is tried
  // again, backing off: else a followed list row would never be read again.
  if (data === undefined ? !error : !isTransitionalState(data.State)) return false;
  if (data && isStuckMapping(data, Date.now())) return STUCK_POLL_INTERVAL_MS;
  const retries = Math.max((data?.$metadata?.attempts ?? 1) - 1, fetchFailureCount, 0);
  return Math.min(TRANSITIONAL_POLL_INTERVAL_MS * 2 ** Math.min(retries, 10), MAX_POLL_INTERVAL_MS);
}

/** Options that make a detail query follow its mapping with {@link followPollInterval}. */
export const FOLLOW_POLLING = {
  refetchInterval: followPollInterval,
  refetchIntervalInBackground: false,
} as const;

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
