import type { ListEventSourceMappingsCommandOutput } from '@aws-sdk/client-lambda';
import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import {
  infiniteQueryOptions,
  queryOptions,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import {
  getEventSourceMapping,
  listEventSourceMappings,
  listMappingTags,
} from '../../api/event-source-mappings.ts';
import { isResourceNotFound } from '../../api/errors.ts';
import { getLambdaClient, getLambdaRegion } from '../../api/lambda-client.ts';
import { isTransitionalState } from './mapping-state.ts';

/** Items asked for per `ListEventSourceMappings` call (Lambda caps a page at 100, reference §6). */
export const MAPPINGS_PAGE_SIZE = 100;

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
 * region defaults to the active one (`getLambdaRegion()`, the header's region selector); views
 * over several regions pass it. Each region has its own cache entries, and every query function
 * calls the client of the region in its key.
 */
export const mappingQueries = {
  /** Root key of everything about mappings in a region (default: the active one). */
  all: (region: string = getLambdaRegion()) => ['event-source-mappings', region] as const,
  /** Key prefix of every mappings list of a region, whatever the filters. */
  lists: (region?: string) => [...mappingQueries.all(region), 'list'] as const,
  /**
   * The mappings list as an infinite query over `NextMarker`: page 1 is fetched without `Marker`
   * (`initialPageParam` undefined), each further page with the previous page's `NextMarker`,
   * {@link MAPPINGS_PAGE_SIZE} per page.
   * @param filters server-side filters (normalised here).
   * @param region the region to list (default: the active one).
   */
  list: (filters: MappingListFilters, region?: string) => {
    const normalized = normalizeFilters(filters);
    return infiniteQueryOptions({
      queryKey: [...mappingQueries.lists(region), normalized] as const,
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
  /** Key prefix of every single-mapping query of a region. */
  details: (region?: string) => [...mappingQueries.all(region), 'detail'] as const,
  /**
   * One mapping by UUID. Re-read every {@link TRANSITIONAL_POLL_INTERVAL_MS} while its State is
   * transitional; polling stops once it is stable, or when the mapping is gone (404).
   * @param uuid the mapping's UUID.
   * @param region the mapping's region (default: the active one).
   */
  detail: (uuid: string, region?: string) =>
    queryOptions({
      queryKey: [...mappingQueries.details(region), uuid] as const,
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
  /**
   * A mapping's tags (ListTags on its EventSourceMappingArn), key → value. Re-read after the form
   * changes them; not polled.
   * @param arn the mapping's `EventSourceMappingArn`.
   * @param region the mapping's region (default: the active one).
   */
  tags: (arn: string, region?: string) =>
    queryOptions({
      queryKey: [...mappingQueries.all(region), 'tags', arn] as const,
      queryFn: ({ queryKey, signal }) =>
        listMappingTags(arn, { abortSignal: signal, client: getLambdaClient(queryKey[1]) }),
    }),
};

type MappingsPages = InfiniteData<ListEventSourceMappingsCommandOutput, string | undefined>;

/**
 * Writes newer data for some mappings into every cached list of a region, in place of their rows
 * (or removing the rows of mappings that are gone), without refetching any page: the list shows
 * a bulk action's transitions as they are read. Pages that hold none of the UUIDs keep their
 * identity, so memoised views of them are not recomputed.
 * @param queryClient the app's query client.
 * @param region the mappings' region.
 * @param updates UUID → the mapping as last read, or `null` when Lambda no longer knows it
 *   (ResourceNotFoundException after a delete).
 */
export function patchMappingsInLists(
  queryClient: QueryClient,
  region: string,
  updates: ReadonlyMap<string, EventSourceMappingConfiguration | null>,
): void {
  if (updates.size === 0) return;
  queryClient.setQueriesData<MappingsPages>({ queryKey: mappingQueries.lists(region) }, (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => {
      const items = page.EventSourceMappings;
      if (!items?.some((m) => m.UUID !== undefined && updates.has(m.UUID))) return page;
      changed = true;
      const next: EventSourceMappingConfiguration[] = [];
      for (const m of items) {
        const update = m.UUID === undefined ? undefined : updates.get(m.UUID);
        if (update === null) continue;
        next.push(update ?? m);
      }
      return { ...page, EventSourceMappings: next };
    });
    return changed ? { ...data, pages } : data;
  });
}
