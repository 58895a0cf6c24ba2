/**
 * Which of the functions mappings point to still exist: the data behind "orphaned" in
 * `mapping-health.ts`. Lambda keeps a mapping when its function is deleted, and a mapping bound to
 * an alias or version keeps it when only that alias or version is deleted; `FunctionArn` does not
 * say so, and the mapping only reports `PROBLEM: Function not found` once it tries to invoke.
 *
 * How it asks Lambda, per region of the ARNs:
 * 1. `ListFunctions`, every page (50 per call, Lambda's cap): the names of the region's functions.
 *    One query per region, whatever mappings are shown: a new set of ARNs in the same region never
 *    lists again (until the 5-minute stale time passes).
 * 2. For each function referenced with a qualifier other than `$LATEST` that exists:
 *    `ListVersionsByFunction` and `ListAliases`, every page. One query per function name, so
 *    adding a mapping asks only about its function. `$LATEST` and unqualified ARNs need no lookup
 *    (they exist when the function does).
 * Every request of a region goes through one limiter of {@link INVENTORY_CONCURRENCY} requests in
 * flight (the queries of a region share it), so hundreds of qualified functions do not fire
 * hundreds of parallel calls into Lambda's control-plane throttling (the SDK still retries a
 * TooManyRequestsException with back-off).
 */
import type {
  ListAliasesCommandOutput,
  ListFunctionsCommandOutput,
  ListVersionsByFunctionCommandOutput,
} from '@aws-sdk/client-lambda';
import { queryOptions, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { isResourceNotFound } from '../../api/errors.ts';
import { listAliases, listFunctions, listVersionsByFunction } from '../../api/functions.ts';
import { getLambdaClient } from '../../api/lambda-client.ts';
import { parseFunctionArn } from './function-arn.ts';
import { FUNCTIONS_PAGE_SIZE } from './function-queries.ts';
import type { FunctionReferenceStatus } from './mapping-health.ts';

/** Lambda requests in flight at once per region for the inventory. */
export const INVENTORY_CONCURRENCY = 4;

/**
 * Pages one listing may take before it gives up (50 per page: 50,000 functions, versions or
 * aliases), so a service that kept returning a `NextMarker` cannot loop forever.
 */
export const INVENTORY_MAX_PAGES = 1000;

/** How long inventory answers are fresh: functions, versions and aliases change rarely. */
const INVENTORY_STALE_MS = 5 * 60_000;

/** Runs async tasks with at most a fixed number running at once, first come first served. */
export interface Limiter {
  /**
   * Runs `task` when a slot is free.
   * @param task the work; its promise's outcome is passed through.
   * @param signal aborting it while the task still waits removes it from the queue and rejects
   *   with the signal's reason (a task already running is not interrupted here).
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * A FIFO limiter of `max` tasks at once (a few lines instead of a `p-limit` dependency).
 * @param max tasks that may run at the same time (at least 1).
 */
export function createLimiter(max: number): Limiter {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    while (active < max && queue.length > 0) queue.shift()?.();
  };
  return {
    run<T>(task: () => Promise<T>, signal?: AbortSignal) {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const onAbort = () => {
          const index = queue.indexOf(start);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason);
        };
        const start = () => {
          signal?.removeEventListener('abort', onAbort);
          active += 1;
          task()
            .then(resolve, reject)
            .finally(() => {
              active -= 1;
              next();
            });
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(start);
        next();
      });
    },
  };
}

const regionLimiters = new Map<string, Limiter>();

/** The inventory's limiter of a region (one per region, shared by all its queries). */
function limiterOf(region: string): Limiter {
  let limiter = regionLimiters.get(region);
  if (!limiter) {
    limiter = createLimiter(INVENTORY_CONCURRENCY);
    regionLimiters.set(region, limiter);
  }
  return limiter;
}

/**
 * Every page of a `Marker`/`NextMarker` listing, in order.
 * @param fetchPage fetches the page at `marker` (undefined: the first page).
 * @throws the first page's error; an Error when Lambda repeats a `NextMarker` or after
 *   {@link INVENTORY_MAX_PAGES} pages.
 */
async function allPages<T extends { NextMarker?: string | undefined }>(
  fetchPage: (marker: string | undefined) => Promise<T>,
): Promise<T[]> {
  const pages: T[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  for (let count = 0; count < INVENTORY_MAX_PAGES; count += 1) {
    const page = await fetchPage(marker);
    pages.push(page);
    const next = page.NextMarker || undefined;
    if (!next) return pages;
    if (seen.has(next))
      throw new Error(`Lambda returned NextMarker ${next} twice; stopped listing.`);
    seen.add(next);
    marker = next;
  }
  throw new Error(`Stopped listing after ${INVENTORY_MAX_PAGES} pages.`);
}

/** What ListVersionsByFunction and ListAliases say about one function. */
export interface FunctionQualifiers {
  /** False when Lambda answered ResourceNotFoundException (deleted since ListFunctions). */
  exists: boolean;
  /** Its versions (`$LATEST`, `1`, …) and alias names, sorted. */
  qualifiers: string[];
}

/**
 * The names of every function of a region (`ListFunctions`, all pages of 50).
 * @throws the SDK's exception (e.g. AccessDeniedException) or {@link allPages}' errors.
 */
async function listFunctionNames(region: string, signal: AbortSignal): Promise<string[]> {
  const limiter = limiterOf(region);
  const client = getLambdaClient(region);
  const pages = await allPages<ListFunctionsCommandOutput>((marker) =>
    limiter.run(
      () =>
        listFunctions(
          { MaxItems: FUNCTIONS_PAGE_SIZE, ...(marker ? { Marker: marker } : {}) },
          { abortSignal: signal, client },
        ),
      signal,
    ),
  );
  const names = new Set<string>();
  for (const page of pages) {
    for (const fn of page.Functions ?? []) if (fn.FunctionName) names.add(fn.FunctionName);
  }
  return [...names].sort();
}

/**
 * A function's versions and aliases (`ListVersionsByFunction` and `ListAliases`, all pages, the
 * two listings side by side).
 * @returns `{ exists: false }` when Lambda no longer knows the function (404).
 * @throws any other SDK exception or {@link allPages}' errors.
 */
async function listFunctionQualifiers(
  region: string,
  functionName: string,
  signal: AbortSignal,
): Promise<FunctionQualifiers> {
  const limiter = limiterOf(region);
  const client = getLambdaClient(region);
  try {
    const [versionPages, aliasPages] = await Promise.all([
      allPages<ListVersionsByFunctionCommandOutput>((marker) =>
        limiter.run(
          () =>
            listVersionsByFunction(
              {
                FunctionName: functionName,
                MaxItems: FUNCTIONS_PAGE_SIZE,
                ...(marker ? { Marker: marker } : {}),
              },
              { abortSignal: signal, client },
            ),
          signal,
        ),
      ),
      allPages<ListAliasesCommandOutput>((marker) =>
        limiter.run(
          () =>
            listAliases(
              {
                FunctionName: functionName,
                MaxItems: FUNCTIONS_PAGE_SIZE,
                ...(marker ? { Marker: marker } : {}),
              },
              { abortSignal: signal, client },
            ),
          signal,
        ),
      ),
    ]);
    const qualifiers = new Set<string>();
    for (const page of versionPages) {
      for (const version of page.Versions ?? [])
        if (version.Version) qualifiers.add(version.Version);
    }
    for (const page of aliasPages) {
      for (const alias of page.Aliases ?? []) if (alias.Name) qualifiers.add(alias.Name);
    }
    return { exists: true, qualifiers: [...qualifiers].sort() };
  } catch (error) {
    if (isResourceNotFound(error)) return { exists: false, qualifiers: [] };
    throw error;
  }
}

/**
 * Query keys and options of the function inventory. Keys: `['functions', <region>, 'inventory']`,
 * then `'names'`, or `'qualifiers'` + a function name. They sit under `functionQueries`' root
 * (`['functions', <region>]`), so invalidating that root refreshes the inventory too; no key equals
 * or prefixes `functionQueries.list()` (`['functions', <region>, 'list']`). Each query function
 * calls the client of the region in its key.
 */
export const functionInventoryQueries = {
  /** Key prefix of everything the inventory knows about a region. */
  all: (region: string) => ['functions', region, 'inventory'] as const,
  /** The sorted names of every function of `region` (`ListFunctions`, all pages). */
  names: (region: string) =>
    queryOptions({
      queryKey: [...functionInventoryQueries.all(region), 'names'] as const,
      queryFn: ({ queryKey, signal }) => listFunctionNames(queryKey[1], signal),
      staleTime: INVENTORY_STALE_MS,
    }),
  /**
   * The versions and aliases of one function (`ListVersionsByFunction` + `ListAliases`, all
   * pages); `exists: false` when Lambda answers 404.
   * @param region the function's region.
   * @param functionName the function's name (no qualifier).
   */
  qualifiers: (region: string, functionName: string) =>
    queryOptions({
      queryKey: [...functionInventoryQueries.all(region), 'qualifiers', functionName] as const,
      queryFn: ({ queryKey, signal }) => listFunctionQualifiers(queryKey[1], queryKey[4], signal),
      staleTime: INVENTORY_STALE_MS,
    }),
};

/** What the hook asks about: regions, and per region the names referenced with a qualifier. */
interface InventoryRequest {
  /** Sorted regions of the ARNs. */
  regions: string[];
  /** `[region, sorted names referenced with a version or alias]`, in `regions` order. */
  qualified: Array<[string, string[]]>;
}

/** Whether a qualifier needs ListVersionsByFunction/ListAliases (`$LATEST` always exists). */
const needsLookup = (qualifier: string | undefined): qualifier is string =>
  qualifier !== undefined && qualifier !== '$LATEST';

/**
 * The request of a set of ARNs as a string, so equal sets (in any order, with duplicates, in a new
 * array) give the same string. O(n) over the ARNs plus sorting the regions and qualified names.
 */
function requestKeyOf(functionArns: readonly string[]): string {
  const byRegion = new Map<string, Set<string>>();
  for (const arn of functionArns) {
    const { region, name, qualifier } = parseFunctionArn(arn);
    if (!region) continue;
    let names = byRegion.get(region);
    if (!names) {
      names = new Set();
      byRegion.set(region, names);
    }
    if (needsLookup(qualifier)) names.add(name);
  }
  const regions = [...byRegion.keys()].sort();
  const request: InventoryRequest = {
    regions,
    qualified: regions.map((region) => [region, [...(byRegion.get(region) ?? [])].sort()]),
  };
  return JSON.stringify(request);
}

type QueryStatus = 'pending' | 'success' | 'error';

/** The combined answers of a list of queries: data (or undefined) and status per query. */
interface Combined<T> {
  data: Array<T | undefined>;
  statuses: QueryStatus[];
  error: unknown;
}

const toNameSet = (names: string[]): ReadonlySet<string> => new Set(names);

interface QualifierSet {
  exists: boolean;
  qualifiers: ReadonlySet<string>;
}

const toQualifierSet = (answer: FunctionQualifiers): QualifierSet => ({
  exists: answer.exists,
  qualifiers: new Set(answer.qualifiers),
});

/** `useQueries` combine (module-level, so TanStack's memoisation of the combined value holds). */
function combine<T>(results: Array<UseQueryResult<T>>): Combined<T> {
  return {
    data: results.map((r) => r.data),
    statuses: results.map((r) => r.status),
    error: results.find((r) => r.status === 'error')?.error,
  };
}
const combineNames = combine<ReadonlySet<string>>;
const combineQualifiers = combine<QualifierSet>;

/** What {@link useFunctionInventory} returns. */
export interface FunctionInventory {
  /** `error` if any lookup failed, else `pending` while any runs (or when disabled), else `success`. */
  status: 'pending' | 'success' | 'error';
  /** The first failed lookup's error. */
  error?: unknown;
  /**
   * What Lambda says about one `FunctionArn` (O(1); any ARN, not only those passed in, though only
   * those are looked up). `'unknown' until the lookups that decide it have answered`: its region's
   * `ListFunctions`, and for a version or alias the function's `ListVersionsByFunction` +
   * `ListAliases`. A failed lookup leaves it `unknown`.
   */
  statusOf: (functionArn: string) => FunctionReferenceStatus;
}

/**
 * Whether the functions (and versions and aliases) that `functionArns` name exist, for orphan
 * detection (see the module comment for the calls). Stable for large inputs: the queries are keyed
 * by region and function name, so passing the same set of ARNs again, in a new array or another
 * order, starts no request, and `statusOf` keeps its identity while nothing was learnt.
 * @param functionArns mappings' `FunctionArn`s (full ARNs; entries without a region are ignored).
 * @param options.enabled false: ask nothing (status stays `pending`, everything `unknown`).
 */
export function useFunctionInventory(
  functionArns: readonly string[],
  options?: { enabled?: boolean },
): FunctionInventory {
  const enabled = options?.enabled ?? true;
  const requestKey = useMemo(() => requestKeyOf(functionArns), [functionArns]);
  const request = useMemo(() => JSON.parse(requestKey) as InventoryRequest, [requestKey]);

  const {
    data: nameSets,
    statuses: nameStatuses,
    error: namesError,
  } = useQueries({
    queries: request.regions.map((region) => ({
      ...functionInventoryQueries.names(region),
      select: toNameSet,
      enabled,
    })),
    combine: combineNames,
  });

  // Look up qualifiers only for functions that exist (a missing function is orphaned anyway).
  const targets = useMemo(() => {
    const list: Array<{ region: string; name: string }> = [];
    request.qualified.forEach(([region, names], index) => {
      const existing = nameSets[index];
      if (!existing) return;
      for (const name of names) if (existing.has(name)) list.push({ region, name });
    });
    return list;
  }, [request, nameSets]);

  const {
    data: qualifierSets,
    statuses: qualifierStatuses,
    error: qualifiersError,
  } = useQueries({
    queries: targets.map(({ region, name }) => ({
      ...functionInventoryQueries.qualifiers(region, name),
      select: toQualifierSet,
      enabled,
    })),
    combine: combineQualifiers,
  });

  return useMemo((): FunctionInventory => {
    const regionIndex = new Map(request.regions.map((region, index) => [region, index]));
    const targetIndex = new Map(
      targets.map(({ region, name }, index) => [`${region}\n${name}`, index]),
    );
    const parsed = new Map<string, ReturnType<typeof parseFunctionArn>>();
    const statusOf = (functionArn: string): FunctionReferenceStatus => {
      let ref = parsed.get(functionArn);
      if (!ref) {
        ref = parseFunctionArn(functionArn);
        parsed.set(functionArn, ref);
      }
      const index = ref.region === undefined ? undefined : regionIndex.get(ref.region);
      const names = index === undefined ? undefined : nameSets[index];
      if (!names) return 'unknown';
      if (!names.has(ref.name)) return 'function-missing';
      if (!needsLookup(ref.qualifier)) return 'exists';
      const target = targetIndex.get(`${ref.region ?? ''}\n${ref.name}`);
      const answer = target === undefined ? undefined : qualifierSets[target];
      if (!answer) return 'unknown';
      if (!answer.exists) return 'function-missing';
      return answer.qualifiers.has(ref.qualifier) ? 'exists' : 'qualifier-missing';
    };
    const error = namesError ?? qualifiersError;
    const statuses = [...nameStatuses, ...qualifierStatuses];
    const status: QueryStatus =
      error !== undefined
        ? 'error'
        : !enabled || statuses.includes('pending')
          ? 'pending'
          : 'success';
    return { status, ...(error !== undefined ? { error } : {}), statusOf };
  }, [
    request,
    targets,
    nameSets,
    nameStatuses,
    namesError,
    qualifierSets,
    qualifierStatuses,
    qualifiersError,
    enabled,
  ]);
}
