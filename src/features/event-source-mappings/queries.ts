import type { ListEventSourceMappingsCommandOutput } from '@aws-sdk/client-lambda';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { getEventSourceMapping, listEventSourceMappings } from '../../api/event-source-mappings.ts';
import { isResourceNotFound } from '../../api/errors.ts';
import { getLambdaClient, getLambdaRegion } from '../../api/lambda-client.ts';
import { isTransitionalState } from './mapping-state.ts';

/** Items asked for per `ListEventSourceMappings` call (Lambda caps a page at 100, reference §6). */
export const MAPPINGS_PAGE_SIZE = 50;

/** How often an open mapping is re-read while its State is transitional, in milliseconds. */
export const TRANSITIONAL_POLL_INTERVAL_MS = 1000;

/**
 * Server-side filters of the mappings list, named as in `ListEventSourceMappings`.
 * `FunctionName` accepts a name, partial ARN or ARN (optionally qualified); `EventSourceArn` is an
 * exact ARN. Empty strings mean "no filter".
 */
export interface MappingListFilters {
  FunctionName?: string;
  EventSourceArn?: string;
}

/**
 * Drops empty and whitespace-only filters so equal filters give equal query keys.
 * @param filters raw filter values (e.g. from the URL).
 * @returns trimmed filters with only the non-empty members.
 */
export function normalizeFilters(filters: MappingListFilters): MappingListFilters {
  const FunctionName = filters.FunctionName?.trim();
  const EventSourceArn = filters.EventSourceArn?.trim();
  return {
    ...(FunctionName ? { FunctionName } : {}),
    ...(EventSourceArn ? { EventSourceArn } : {}),
  };
}

/**
 * The page parameter for the page after `lastPage`: its `NextMarker`, passed back unchanged as
 * `Marker`. No marker (or an empty one) means the list is complete (reference §6).
 * @param lastPage the most recently fetched `ListEventSourceMappings` page.
 * @returns the marker, or `undefined` when there are no more pages.
 */
export function getNextMappingsPageParam(
  lastPage: Pick<ListEventSourceMappingsCommandOutput, 'NextMarker'>,
): string | undefined {
  return lastPage.NextMarker || undefined;
}

/**
 * Query keys and options for mappings. Keys: `['event-source-mappings', <region>]`, then `'list'`
 * + one filters object (an infinite query, used by no plain query) or `'detail'` + UUID. The
 * region is the active one (`getLambdaRegion()`, the header's region selector), so each region
 * has its own cache entries, and every query function calls the client of the region in its key.
 */
export const mappingQueries = {
  /** Root key of everything about mappings in the active region. */
  all: () => ['event-source-mappings', getLambdaRegion()] as const,
  /** Key prefix of every mappings list, whatever the filters. */
  lists: () => [...mappingQueries.all(), 'list'] as const,
  /**
   * The mappings list as an infinite query over `NextMarker`: page 1 is fetched without `Marker`
   * (`initialPageParam` undefined), each further page with the previous page's `NextMarker`.
   * @param filters server-side filters (normalised here).
   */
  list: (filters: MappingListFilters) => {
    const normalized = normalizeFilters(filters);
    return infiniteQueryOptions({
      queryKey: [...mappingQueries.lists(), normalized] as const,
      queryFn: ({ queryKey, pageParam, signal }) =>
        listEventSourceMappings(
          {
            ...normalized,
            MaxItems: MAPPINGS_PAGE_SIZE,
            ...(pageParam ? { Marker: pageParam } : {}),
          },
          { abortSignal: signal, client: getLambdaClient(queryKey[1]) },
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: getNextMappingsPageParam,
    });
  },
  /** Key prefix of every single-mapping query. */
  details: () => [...mappingQueries.all(), 'detail'] as const,
  /**
   * One mapping by UUID. Re-read every {@link TRANSITIONAL_POLL_INTERVAL_MS} while its State is
   * transitional; polling stops once it is stable, or when the mapping is gone (404).
   * @param uuid the mapping's UUID.
   */
  detail: (uuid: string) =>
    queryOptions({
      queryKey: [...mappingQueries.details(), uuid] as const,
      queryFn: ({ queryKey, signal }) =>
        getEventSourceMapping(
          { UUID: uuid },
          { abortSignal: signal, client: getLambdaClient(queryKey[1]) },
        ),
      refetchInterval: (query) =>
        !isResourceNotFound(query.state.error) && isTransitionalState(query.state.data?.State)
          ? TRANSITIONAL_POLL_INTERVAL_MS
          : false,
    }),
};
