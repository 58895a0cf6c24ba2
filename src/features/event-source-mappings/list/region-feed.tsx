import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import {
  hashKey,
  InfiniteQueryObserver,
  useInfiniteQuery,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { subscribeLambdaRetries } from '../../../api/lambda-client.ts';
import { mappingQueries, type MappingListFilters } from '../queries.ts';

/**
 * How often a region's progress reaches the list while "Load all" runs, in milliseconds. Each
 * report re-derives every loaded row (health, counts, suggestions, filter and sort: 100–200 ms at
 * 10,000 on a 2-core machine), time the next page's request waits for; once a second keeps that
 * under a tenth of the load.
 */
export const FEED_REPORT_INTERVAL_MS = 1000;

const NO_ITEMS: readonly EventSourceMappingConfiguration[] = [];
const flattened = new WeakMap<readonly object[], readonly EventSourceMappingConfiguration[]>();

/**
 * Every mapping of the loaded pages, in order: one array per pages array of the query cache, so a
 * feed mounted again (Back from a detail page) reports the same array and the view finds its rows
 * already built.
 */
function itemsOf(
  pages: readonly { EventSourceMappings?: EventSourceMappingConfiguration[] }[],
): readonly EventSourceMappingConfiguration[] {
  let items = flattened.get(pages);
  if (!items) {
    items = pages.flatMap((page) => page.EventSourceMappings ?? []);
    flattened.set(pages, items);
  }
  return items;
}

/**
 * A region's list query as its feed observes it: `mappingQueries.list` (an infinite query over
 * `NextMarker`, 100 per page), fresh for 5 minutes and not refetched on window focus (re-reading
 * 100 pages whenever the window regains focus would be a storm; the view has Refresh, and rows
 * being acted on are followed one by one).
 * @param filters the server-side filters (`FunctionName`, `EventSourceArn`).
 * @param region the region to list.
 */
function regionFeedQuery(filters: MappingListFilters, region: string) {
  return {
    ...mappingQueries.list(filters, region),
    refetchOnWindowFocus: false,
    staleTime: 5 * 60_000,
  } as const;
}

/**
 * Starts the first page of a region's list before its feed is rendered (start-up calls it as soon
 * as credentials are there, so the request does not wait for the first render of the page, about
 * 400 ms at start-up on a 2-core machine); the feed that mounts later finds the page in the cache
 * or in flight and does not request it again. With `loadAll`, "Load all" starts as soon as that
 * page is in (when it has a `NextMarker`), before the feed is there to run it: the page's first
 * render took 300 ms more on a 2-core machine, pages the list was not asking for. The feed takes
 * the loop over when it mounts ({@link takeOverEarlyLoad}), from the page in flight. A failure is
 * left in the cache for the feed to show (and retry on mount); the returned promise never rejects.
 * @param queryClient the app's query client.
 * @param filters the server-side filters of the list to be shown.
 * @param region the region it lists.
 * @param options.loadAll go on through every page (the list loads all of them by itself).
 * @returns a promise settled once the first page is in the cache (or failed there).
 */
export function prefetchRegionFeed(
  queryClient: QueryClient,
  filters: MappingListFilters,
  region: string,
  options: { loadAll?: boolean } = {},
): Promise<void> {
  const query = regionFeedQuery(filters, region);
  const first = queryClient.prefetchInfiniteQuery(query);
  if (options.loadAll) void first.then(() => loadAllEarly(queryClient, query));
  return first;
}

/** "Load all" loops started before their feed mounted, by query hash: how to stop, and since when. */
const earlyLoads = new Map<string, { stop: () => void; startedAt: number }>();

/** Follows `NextMarker` from the cached pages of `query`, until the end, an error or a feed. */
function loadAllEarly(queryClient: QueryClient, query: ReturnType<typeof regionFeedQuery>): void {
  const key = hashKey(query.queryKey);
  const pages = queryClient.getQueryData(query.queryKey)?.pages;
  if (earlyLoads.has(key) || !pages?.at(-1)?.NextMarker) return;
  const observer = new InfiniteQueryObserver(queryClient, query);
  let stopped = false;
  const handle = { stop: () => (stopped = true), startedAt: Date.now() };
  earlyLoads.set(key, handle);
  void (async () => {
    try {
      for (let n = 0; n < 100_000 && !stopped; n += 1) {
        const result = await observer.fetchNextPage({ cancelRefetch: false });
        if (result.isFetchNextPageError || !result.hasNextPage) break;
      }
    } finally {
      if (earlyLoads.get(key) === handle) earlyLoads.delete(key);
    }
  })();
}

/**
 * Stops the early "Load all" of a region's list, if one runs (its page in flight still lands in
 * the cache, and the feed's own loop goes on from it).
 * @returns when that loop started (epoch ms), for the feed's elapsed time; undefined if none ran.
 */
function takeOverEarlyLoad(filters: MappingListFilters, region: string): number | undefined {
  const key = hashKey(regionFeedQuery(filters, region).queryKey);
  const early = earlyLoads.get(key);
  if (!early) return undefined;
  early.stop();
  earlyLoads.delete(key);
  return early.startedAt;
}

/** One region's list as the mappings view sees it. */
export interface RegionFeedState {
  region: string;
  /**
   * `pending` until the first page arrived; `error` when it failed; `success` once there are rows
   * to show (a later page that fails leaves it `success`, with that page's `error`).
   */
  status: 'pending' | 'error' | 'success';
  /** The error of the first page, or of the page "Load all" stopped at. */
  error: unknown;
  /** Every loaded mapping, in Lambda's order. */
  items: readonly EventSourceMappingConfiguration[];
  /** Pages loaded so far. */
  pages: number;
  /** Whether Lambda returned a `NextMarker` on the last page. */
  hasNextPage: boolean;
  /**
   * "Load all" is following `NextMarker`, or starts in this very render (`autoLoadAll`, the first
   * page in and more in Lambda): false only when the loaded pages are all the feed will load.
   */
  loadingAll: boolean;
  /** A page is being fetched (first page, Load all, or a refresh). */
  fetching: boolean;
  /** Epoch ms when the current "Load all" started, and when it reached the last page. */
  startedAt?: number;
  finishedAt?: number;
  /** When the list was last read (epoch ms). */
  dataUpdatedAt: number;
  /** When this state was reported (epoch ms): "Load all" shows the time since `startedAt`. */
  reportedAt: number;
  /**
   * Requests of this region that Lambda throttled (or left unanswered) and that are being retried
   * (the SDK's back-off, then TanStack Query's) since the current "Load all" started: progress,
   * not an error.
   */
  retries: number;
}

/** What the view can ask of a region's feed. */
export interface RegionFeedActions {
  /** Follows `NextMarker` to the end, in the background. */
  loadAll: () => void;
  /** Stops "Load all" after the page in flight. */
  stop: () => void;
  /** Retries the failed page (or the first page). */
  retry: () => void;
  /** Reads the whole list again, from the first page. */
  refresh: () => void;
}

/** Props of {@link RegionFeed}. */
export interface RegionFeedProps {
  region: string;
  filters: MappingListFilters;
  /** Start "Load all" as soon as the first page arrived. */
  autoLoadAll: boolean;
  /** Called with the feed's state (at most every {@link FEED_REPORT_INTERVAL_MS} while loading). */
  onChange: (state: RegionFeedState, actions: RegionFeedActions) => void;
}

/**
 * One region's `ListEventSourceMappings` infinite query (over `NextMarker`, 100 per page) and its
 * "Load all" loop, reported to the view. Renders nothing: the view combines the regions.
 *
 * "Load all" requests each page as soon as the previous one arrived, independent of rendering;
 * the view hears about progress at most every {@link FEED_REPORT_INTERVAL_MS}, so re-deriving
 * 10,000 rows does not sit between two requests. Throttled pages are retried by the SDK's retry
 * strategy (`LAMBDA_MAX_ATTEMPTS`, back-off) and then by the query's own `retry`
 * (`shouldRetryQuery`: still throttled or unanswered, after a back-off, waiting while offline),
 * each time from the same `Marker`, so nothing is read twice or skipped; those retries are
 * counted in `retries`. An error that outlives them stops the loop and is shown with Retry,
 * which goes on from the last loaded page.
 */
export function RegionFeed({ region, filters, autoLoadAll, onChange }: RegionFeedProps) {
  const query = useInfiniteQuery(regionFeedQuery(filters, region));
  const { data, error, status, hasNextPage, isFetching, fetchNextPage, refetch, dataUpdatedAt } =
    query;
  const [run, setRun] = useState<{ running: boolean; startedAt?: number; finishedAt?: number }>({
    running: false,
  });
  const stopped = useRef(false);
  const running = useRef(false);
  // The SDK's retries of this region's requests, and TanStack Query's retries of its pages.
  const [sdkRetries, setSdkRetries] = useState({ since: 0, count: 0 });
  const { running: loadingAll, startedAt } = run;
  useEffect(() => {
    if (!loadingAll || startedAt === undefined) return undefined;
    return subscribeLambdaRetries((retry) => {
      if (retry.region !== region) return;
      setSdkRetries((prev) => ({
        since: startedAt,
        count: prev.since === startedAt ? prev.count + 1 : 1,
      }));
    });
  }, [loadingAll, startedAt, region]);
  const retries =
    (loadingAll && sdkRetries.since === startedAt ? sdkRetries.count : 0) +
    (isFetching ? query.failureCount : 0);
  // The first page is in and says there is more, and "Load all" has not run on this mount yet:
  // with autoLoadAll it starts in this render's effect, so the feed is loading all already and
  // says so. Otherwise the view heard of a finished list of one page between the first page and
  // the loop's start (and began the orphan check on it: its ListFunctions walk was cancelled when
  // the loop started and made again, whole, once the list was complete).
  const autoStarting =
    autoLoadAll &&
    status === 'success' &&
    hasNextPage &&
    !run.running &&
    run.startedAt === undefined;

  const loadAll = useCallback(() => {
    if (running.current) return;
    running.current = true;
    stopped.current = false;
    const startedAt = takeOverEarlyLoad(filters, region) ?? Date.now();
    setRun({ running: true, startedAt });
    void (async () => {
      try {
        for (let pages = 0; pages < 100_000 && !stopped.current; pages += 1) {
          const result = await fetchNextPage({ cancelRefetch: false });
          if (result.isFetchNextPageError) break;
          if (!result.hasNextPage) {
            setRun({ running: false, startedAt, finishedAt: Date.now() });
            return;
          }
        }
        setRun({ running: false, startedAt });
      } finally {
        running.current = false;
      }
    })();
  }, [fetchNextPage, filters, region]);

  // The stopped loop may still be awaiting its page: start again once it has finished.
  const restartWhenIdle = useCallback(() => {
    const attempt = (tries: number) => {
      if (!running.current) loadAll();
      else if (tries < 100) setTimeout(() => attempt(tries + 1), 50);
    };
    attempt(0);
  }, [loadAll]);

  const stop = useCallback(() => {
    stopped.current = true;
  }, []);
  // Stops the loop when the feed unmounts. Mounting again re-arms it: StrictMode (development)
  // unmounts and mounts every component once more on its first mount, so a "Load all" started on
  // mount (the first page prefetched at start-up) stopped after one page.
  useEffect(() => {
    stopped.current = false;
    return () => {
      stopped.current = true;
    };
  }, []);

  // Start once, when the first page is in and says there is more.
  useEffect(() => {
    if (autoStarting) loadAll();
  }, [autoStarting, loadAll]);

  const items = useMemo(() => (data ? itemsOf(data.pages) : NO_ITEMS), [data]);
  const state: Omit<RegionFeedState, 'reportedAt'> = useMemo(
    () => ({
      region,
      status: data ? 'success' : status,
      error,
      items,
      pages: data?.pages.length ?? 0,
      hasNextPage,
      loadingAll: run.running || autoStarting,
      fetching: isFetching,
      ...(run.startedAt !== undefined ? { startedAt: run.startedAt } : {}),
      ...(run.finishedAt !== undefined ? { finishedAt: run.finishedAt } : {}),
      dataUpdatedAt,
      retries,
    }),
    [
      region,
      status,
      error,
      items,
      data,
      hasNextPage,
      run,
      autoStarting,
      isFetching,
      dataUpdatedAt,
      retries,
    ],
  );
  const actions: RegionFeedActions = useMemo(
    () => ({
      loadAll,
      stop,
      retry: () => {
        if (data) loadAll();
        else void refetch();
      },
      refresh: () => {
        // Reads the loaded pages again, then goes on to the end if it was loading all (or should).
        const resume = run.running || autoLoadAll;
        stopped.current = true;
        // startedAt stays: a Load all has run on this mount, so none starts by itself (autoStarting)
        // while the pages are read again; the refetch resumes it below.
        setRun((previous) => ({
          running: false,
          ...(previous.startedAt !== undefined ? { startedAt: previous.startedAt } : {}),
        }));
        void refetch().then((result) => {
          if (resume && result.data?.pages.at(-1)?.NextMarker) restartWhenIdle();
        });
      },
    }),
    [loadAll, stop, refetch, data, run.running, autoLoadAll, restartWhenIdle],
  );

  // Report: at once when not loading all (errors, a stop, the end) or when the status changed (the
  // first page's rows), else throttled.
  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  });
  const lastReport = useRef(0);
  const lastStatus = useRef<RegionFeedState['status'] | undefined>(undefined);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const send = () => {
      pending.current = undefined;
      lastReport.current = Date.now();
      lastStatus.current = state.status;
      report.current({ ...state, reportedAt: lastReport.current }, actions);
    };
    if (pending.current !== undefined) clearTimeout(pending.current);
    const since = Date.now() - lastReport.current;
    // While loading all, a report waits at least for a task of its own: the view renders it in
    // the same call stack as this effect (half a second for the first page's rows), and "Load
    // all"'s next request, started by the effect above, is sent in microtasks after that stack.
    if (!state.loadingAll) send();
    else
      pending.current = setTimeout(
        send,
        state.status !== lastStatus.current ? 0 : Math.max(0, FEED_REPORT_INTERVAL_MS - since),
      );
  }, [state, actions]);
  useEffect(
    () => () => {
      if (pending.current !== undefined) clearTimeout(pending.current);
    },
    [],
  );
  return null;
}
