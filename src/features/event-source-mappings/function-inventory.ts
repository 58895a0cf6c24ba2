/**
 * Which of the functions mappings point to still exist: the data behind "orphaned" in
 * `mapping-health.ts`. Lambda keeps a mapping when its function is deleted, and a mapping bound to
 * an alias or version keeps it when only that alias or version is deleted; `FunctionArn` does not
 * say so, and the mapping only reports `PROBLEM: Function not found` once it tries to invoke.
 *
 * One query per region of the ARNs ({@link functionInventoryQueries}), whose query function asks:
 * 1. `ListFunctions`, every page (50 per call, Lambda's cap): the names of the region's functions,
 *    in a query of its own that the region's inventory queries share (`fetchQuery`, no observer).
 *    An inventory query that loses its observer mid-walk is cancelled (the list asks about nothing
 *    while a region loads again, e.g. after Retry); the walk goes on without it and the next query
 *    takes its answer, instead of walking every page again.
 * 2. For each function that exists and is referenced with a version (`:7`), `ListVersionsByFunction`;
 *    for each referenced with an alias (`:live`), `ListAliases`; every page, and only the listing
 *    the reference needs ({@link qualifierKindOf}: 27 % fewer requests than both listings for every
 *    qualified function on the bench's 10,000-mapping seed, 839 instead of 1,150). `$LATEST` and
 *    unqualified ARNs need no lookup (they exist when the function does); a 404 here means the
 *    function was deleted since.
 * and answers with one compact {@link RegionInventory}: first, once `ListFunctions` is walked, a
 * `partial` one (`setQueryData`: deleted functions are decided at once, while the lookups, paced,
 * may take minutes), then the whole. One query (one observer) rather than
 * one per function: with hundreds of qualified functions, hundreds of observers cost seconds of
 * main thread to create and combine, and every answer made the list re-derive all its rows.
 *
 * The key holds the region's function names referenced with a version and with an alias, so a new
 * set of ARNs makes a new query; it copies what a fresh query of the same region already knows (the
 * function names, each function's versions or aliases) and asks Lambda only the rest, so opening a mapping after the list, or adding a
 * mapping, asks about at most its function. While the new query runs, the region's cached answer
 * that decides the most of its names stands in (`status` stays `pending`), so statuses do not
 * flicker back to `unknown`.
 *
 * Every request of a region goes through one limiter of {@link INVENTORY_CONCURRENCY} requests in
 * flight (shared by the region's queries), each started in a slot of the region's pacer
 * (`lambdaRequestPacer`, 10 requests a second shared with bulk actions), so hundreds of qualified
 * functions neither fire hundreds of parallel calls nor run into Lambda's control-plane quota of
 * 15 requests a second (the SDK still retries a TooManyRequestsException with back-off): 839
 * requests for the bench's 10,000 mappings take about 84 s. The first failed request (other than a per-function
 * 404) fails the region's query and cancels its remaining requests.
 */
import type {
  ListAliasesCommandOutput,
  ListFunctionsCommandOutput,
  ListVersionsByFunctionCommandOutput,
} from '@aws-sdk/client-lambda';
import {
  hashKey,
  queryOptions,
  useQueries,
  useQueryClient,
  type QueryClient,
  type QueryFunctionContext,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { isResourceNotFound } from '../../api/errors.ts';
import { listAliases, listFunctions, listVersionsByFunction } from '../../api/functions.ts';
import { getLambdaClient } from '../../api/lambda-client.ts';
import { lambdaRequestPacer } from '../../api/request-pacing.ts';
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

/**
 * The inventory's limiter of a region (one per region, shared by all its queries): at most
 * {@link INVENTORY_CONCURRENCY} requests in flight, each started in a slot of the region's
 * `lambdaRequestPacer` (10 requests a second, shared with bulk actions, under Lambda's 15).
 */
function limiterOf(region: string): Limiter {
  let limiter = regionLimiters.get(region);
  if (!limiter) {
    const inner = createLimiter(INVENTORY_CONCURRENCY);
    limiter = {
      run: (task, signal) =>
        inner.run(async () => {
          await lambdaRequestPacer(region).wait(signal);
          return task();
        }, signal),
    };
    regionLimiters.set(region, limiter);
  }
  return limiter;
}

/** How far the inventory of the regions a {@link useFunctionInventory} asks about has got. */
export interface InventoryProgress {
  /** Functions `ListFunctions` has returned so far in walks still running (0 when none runs). */
  functionsListed: number;
  /** Version and alias listings (one per function and kind) finished in queries still running. */
  lookupsDone: number;
  /** Version and alias listings those queries need (0 while they list functions, or copy all). */
  lookups: number;
}

/** Gap between two progress notifications, ms: a progress line need not repaint more often. */
const PROGRESS_NOTIFY_MS = 500;

/**
 * Progress of running work: `ListFunctions` walks by region, lookups by inventory query hash.
 * Entries go when their work ends; listeners hear at most once per {@link PROGRESS_NOTIFY_MS}.
 */
const progress = {
  functionsListed: new Map<string, number>(),
  lookups: new Map<string, { done: number; total: number }>(),
  version: 0,
  listeners: new Set<() => void>(),
  timer: undefined as ReturnType<typeof setTimeout> | undefined,
  changed() {
    this.version += 1;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const listener of [...this.listeners]) listener();
    }, PROGRESS_NOTIFY_MS);
  },
};

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

/**
 * Which listing decides whether a qualifier exists: `version` for a version number
 * (`ListVersionsByFunction`), `alias` for anything else (`ListAliases`). Lambda's API reference
 * gives a version the pattern `[0-9]+` (CreateAlias `FunctionVersion`: `(\$LATEST|[0-9]+)`) and an
 * alias name `(?!^[0-9]+$)([a-zA-Z0-9-_]+)`: an alias is never all digits, so the two cannot be
 * confused. `$LATEST` needs neither ({@link needsLookup}).
 * @param qualifier the ARN's segment after the function name.
 */
export function qualifierKindOf(qualifier: string): 'version' | 'alias' {
  return /^[0-9]+$/.test(qualifier) ? 'version' : 'alias';
}

/** The qualifier listings of a {@link RegionInventory}, by {@link qualifierKindOf}. */
export type QualifierListings = Readonly<
  Record<'version' | 'alias', ReadonlyMap<string, ReadonlySet<string>>>
>;

/**
 * What the inventory knows about one region: the answer of its query.
 */
export interface RegionInventory {
  /** Names of every function of the region (`ListFunctions`). */
  names: ReadonlySet<string>;
  /**
   * For each function listed and referenced with a version: its versions (`$LATEST`, `1`, …,
   * `ListVersionsByFunction`) under `version`; for each referenced with an alias: its alias names
   * (`ListAliases`) under `alias`. A function with both kinds of reference is in both.
   */
  qualifiers: QualifierListings;
  /** Functions looked up that Lambda answered 404 for (deleted since `ListFunctions`). */
  missingFunctions: ReadonlySet<string>;
  /**
   * Whether part of it was copied from another query of the region rather than asked of Lambda.
   * Copies are never copied again, so no answer outlives its stale time by more than one more.
   */
  copied: boolean;
  /**
   * True for the answer a query publishes once `ListFunctions` is walked, while its version and
   * alias lookups still run (at 10 requests a second they can take minutes): it decides every
   * deleted function and unqualified ARN at once, and only the copied qualifier listings. Never
   * copied by another query; the query's final answer replaces it.
   */
  partial: boolean;
}

/** Whether a query's data is a {@link RegionInventory} (the cache is untyped). */
function isRegionInventory(data: unknown): data is RegionInventory {
  return typeof data === 'object' && data !== null && 'names' in data && data.names instanceof Set;
}

/**
 * The names of every function of a region (`ListFunctions`, all pages of 50).
 * @throws the SDK's exception (e.g. AccessDeniedException) or {@link allPages}' errors.
 */
async function listFunctionNames(region: string, signal: AbortSignal): Promise<Set<string>> {
  const limiter = limiterOf(region);
  const client = getLambdaClient(region);
  let listed = 0;
  try {
    const pages = await allPages<ListFunctionsCommandOutput>(async (marker) => {
      const page = await limiter.run(
        () =>
          listFunctions(
            { MaxItems: FUNCTIONS_PAGE_SIZE, ...(marker ? { Marker: marker } : {}) },
            { abortSignal: signal, client },
          ),
        signal,
      );
      listed += page.Functions?.length ?? 0;
      progress.functionsListed.set(region, listed);
      progress.changed();
      return page;
    });
    const names = new Set<string>();
    for (const page of pages) {
      for (const fn of page.Functions ?? []) if (fn.FunctionName) names.add(fn.FunctionName);
    }
    return names;
  } finally {
    if (progress.functionsListed.delete(region)) progress.changed();
  }
}

/**
 * A function's versions (`ListVersionsByFunction`, `kind` `version`) or alias names (`ListAliases`,
 * `kind` `alias`), all pages.
 * @returns undefined when Lambda no longer knows the function (404).
 * @throws any other SDK exception or {@link allPages}' errors.
 */
async function listQualifiers(
  region: string,
  functionName: string,
  kind: 'version' | 'alias',
  signal: AbortSignal,
): Promise<Set<string> | undefined> {
  const limiter = limiterOf(region);
  const client = getLambdaClient(region);
  const input = (marker: string | undefined) => ({
    FunctionName: functionName,
    MaxItems: FUNCTIONS_PAGE_SIZE,
    ...(marker ? { Marker: marker } : {}),
  });
  const qualifiers = new Set<string>();
  try {
    if (kind === 'version') {
      const pages = await allPages<ListVersionsByFunctionCommandOutput>((marker) =>
        limiter.run(
          () => listVersionsByFunction(input(marker), { abortSignal: signal, client }),
          signal,
        ),
      );
      for (const page of pages) {
        for (const version of page.Versions ?? [])
          if (version.Version) qualifiers.add(version.Version);
      }
    } else {
      const pages = await allPages<ListAliasesCommandOutput>((marker) =>
        limiter.run(() => listAliases(input(marker), { abortSignal: signal, client }), signal),
      );
      for (const page of pages) {
        for (const alias of page.Aliases ?? []) if (alias.Name) qualifiers.add(alias.Name);
      }
    }
    return qualifiers;
  } catch (error) {
    if (isResourceNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * What one region's query asks about: the sorted, distinct names (no qualifier) of the functions
 * referenced with a version (`version`) and with an alias (`alias`).
 */
export interface QualifiedNames {
  version: readonly string[];
  alias: readonly string[];
}

const QUALIFIER_KINDS = ['version', 'alias'] as const;

/**
 * The cached answer for `region` (other than the query `ownHash`) that decides the most of
 * `qualified` (a name counts once per kind: an answer that listed a function's aliases does not
 * decide its versions), the most recent of those that decide as many.
 * @param reusable true: only a fresh (within the stale time), not invalidated, first-hand answer,
 *   which a query may copy instead of asking Lambda; false: any, to show while a query runs.
 */
function bestInventory(
  client: QueryClient,
  region: string,
  qualified: QualifiedNames,
  ownHash: string | undefined,
  reusable: boolean,
): RegionInventory | undefined {
  let best: { data: RegionInventory; decided: number; at: number } | undefined;
  for (const query of client
    .getQueryCache()
    .findAll({ queryKey: functionInventoryQueries.all(region) })) {
    const { data, dataUpdatedAt, isInvalidated } = query.state;
    if (!isRegionInventory(data) || query.queryHash === ownHash) continue;
    if (
      reusable &&
      (data.copied || data.partial || isInvalidated || query.isStaleByTime(INVENTORY_STALE_MS))
    )
      continue;
    let decided = 0;
    for (const kind of QUALIFIER_KINDS) {
      const listed = data.qualifiers[kind];
      for (const name of qualified[kind]) {
        if (!data.names.has(name) || listed.has(name) || data.missingFunctions.has(name))
          decided += 1;
      }
    }
    if (!best || decided > best.decided || (decided === best.decided && dataUpdatedAt > best.at))
      best = { data, decided, at: dataUpdatedAt };
  }
  return best?.data;
}

/**
 * The names of a region's functions ({@link listFunctionNames}) as a query of their own, fresh for
 * the inventory's stale time. Only fetched (`fetchQuery`), never observed: cancelling an inventory
 * query does not cancel its walk. Key: `['functions', <region>, 'inventory', 'names']`.
 */
function functionNamesQuery(region: string) {
  return queryOptions({
    queryKey: [...functionInventoryQueries.all(region), 'names'] as const,
    queryFn: ({ signal }: QueryFunctionContext) => listFunctionNames(region, signal),
    staleTime: INVENTORY_STALE_MS,
  });
}

/** The query key of a region's inventory (see {@link functionInventoryQueries}). */
type InventoryKey = readonly ['functions', string, 'inventory', QualifiedNames];

/**
 * The query function of a region's inventory: copies what a fresh query of the region knows and
 * asks Lambda the rest (module comment). The first failure cancels the requests still waiting or
 * running, so a denied `ListAliases` costs one call, not one per function.
 * @throws the first failed request's error (not a per-function 404, which means missing).
 */
async function fetchRegionInventory({
  queryKey,
  signal,
  client,
}: QueryFunctionContext<InventoryKey>): Promise<RegionInventory> {
  const [, region, , qualified] = queryKey;
  const startedAt = Date.now();
  const ownHash = hashKey(queryKey);
  const reuse = bestInventory(client, region, qualified, ownHash, true);
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    const namesQuery = functionNamesQuery(region);
    const names = reuse?.names ?? (await client.fetchQuery(namesQuery));
    // Names read before this query started were copied (module comment: copies are not copied).
    const namesCopied =
      reuse === undefined &&
      (client.getQueryState(namesQuery.queryKey)?.dataUpdatedAt ?? startedAt) < startedAt;
    const qualifiers = { version: new Map<string, ReadonlySet<string>>(), alias: new Map() };
    const missingFunctions = new Set<string>();
    const lookups: Array<Promise<void>> = [];
    for (const kind of QUALIFIER_KINDS) {
      const listed = qualifiers[kind];
      for (const name of qualified[kind]) {
        if (!names.has(name)) continue;
        const known = reuse?.qualifiers[kind].get(name);
        if (known) listed.set(name, known);
        else if (reuse?.missingFunctions.has(name)) missingFunctions.add(name);
        else {
          lookups.push(
            listQualifiers(region, name, kind, controller.signal).then((answer) => {
              if (answer) listed.set(name, answer);
              else missingFunctions.add(name);
            }),
          );
        }
      }
    }
    const copied = reuse !== undefined || namesCopied;
    const shown = client.getQueryData(queryKey);
    // What is known already goes on screen now (module comment), unless a whole answer is there
    // (a refetch: it stays until the new whole one); copies, as lookups fill the maps.
    if (lookups.length > 0 && (!isRegionInventory(shown) || shown.partial)) {
      client.setQueryData<RegionInventory>(queryKey, {
        names,
        qualifiers: { version: new Map(qualifiers.version), alias: new Map(qualifiers.alias) },
        missingFunctions: new Set(missingFunctions),
        copied,
        partial: true,
      });
    }
    if (lookups.length > 0) {
      const counted = { done: 0, total: lookups.length };
      progress.lookups.set(ownHash, counted);
      progress.changed();
      for (const lookup of lookups) {
        void lookup.then(
          () => {
            counted.done += 1;
            progress.changed();
          },
          () => undefined,
        );
      }
    }
    await Promise.all(lookups);
    return { names, qualifiers, missingFunctions, copied, partial: false };
  } catch (error) {
    controller.abort(error);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (progress.lookups.delete(ownHash)) progress.changed();
  }
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
};

const sameListing = (
  a: ReadonlyMap<string, ReadonlySet<string>>,
  b: ReadonlyMap<string, ReadonlySet<string>>,
) =>
  a.size === b.size &&
  [...a].every(([name, set]) => {
    const other = b.get(name);
    return other !== undefined && sameSet(set, other);
  });

/**
 * `structuralSharing` of the inventory: a refetch that learnt nothing new keeps the old object, so
 * `statusOf` (and the rows derived from it) keep their identity.
 */
function keepEqualInventory(oldData: unknown, newData: unknown): unknown {
  if (!isRegionInventory(oldData) || !isRegionInventory(newData)) return newData;
  const same =
    oldData.copied === newData.copied &&
    oldData.partial === newData.partial &&
    sameSet(oldData.names, newData.names) &&
    sameSet(oldData.missingFunctions, newData.missingFunctions) &&
    QUALIFIER_KINDS.every((kind) =>
      sameListing(oldData.qualifiers[kind], newData.qualifiers[kind]),
    );
  return same ? oldData : newData;
}

/**
 * Query keys and options of the function inventory. Keys: `['functions', <region>, 'inventory',
 * { version, alias }]` ({@link QualifiedNames}: the sorted names of the region's functions
 * referenced with a version, and with an alias), and `['functions', <region>, 'inventory', 'names']`, the `ListFunctions` walk
 * they share (fetched, never observed). They sit under `functionQueries`' root
 * (`['functions', <region>]`), so invalidating that root refreshes the inventory too; no key equals
 * or prefixes `functionQueries.list()` (`['functions', <region>, 'list']`). The query function
 * calls the client of the region in its key. Fresh for 5 minutes; no refetch on window focus.
 */
export const functionInventoryQueries = {
  /** Key prefix of everything the inventory knows about a region. */
  all: (region: string) => ['functions', region, 'inventory'] as const,
  /**
   * What Lambda says about the functions of `region`, the versions of `qualified.version` and the
   * aliases of `qualified.alias` ({@link RegionInventory}).
   * @param region the functions' region.
   * @param qualified sorted, distinct names (no qualifier) of functions referenced with a version,
   *   and with an alias (`$LATEST` is neither).
   */
  region: (region: string, qualified: QualifiedNames) =>
    queryOptions({
      queryKey: [
        ...functionInventoryQueries.all(region),
        { version: qualified.version, alias: qualified.alias },
      ] as InventoryKey,
      queryFn: fetchRegionInventory,
      staleTime: INVENTORY_STALE_MS,
      refetchOnWindowFocus: false,
      structuralSharing: keepEqualInventory,
    }),
};

/** The parts of a full function ARN the inventory needs. */
interface FunctionArnParts {
  region: string;
  name: string;
  /** The segment after the name (version, alias or `$LATEST`), if any. */
  qualifier: string | undefined;
}

/**
 * Region, name and qualifier of a full function ARN
 * (`arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`, as
 * `parseFunctionArn` reads it), with a few `indexOf`s rather than a `split`: it runs for every ARN
 * of a 10,000-mapping list.
 * @returns undefined for anything else (a name, a partial ARN, an empty region or name).
 */
function splitFunctionArn(arn: string): FunctionArnParts | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const partitionEnd = arn.indexOf(':', 4);
  const serviceEnd = partitionEnd < 0 ? -1 : arn.indexOf(':', partitionEnd + 1);
  const regionEnd = serviceEnd < 0 ? -1 : arn.indexOf(':', serviceEnd + 1);
  if (regionEnd <= serviceEnd + 1) return undefined;
  const accountEnd = arn.indexOf(':', regionEnd + 1);
  if (accountEnd < 0 || !arn.startsWith('function:', accountEnd + 1)) return undefined;
  const nameStart = accountEnd + 'function:'.length + 1;
  const nameEnd = arn.indexOf(':', nameStart);
  const name = arn.slice(nameStart, nameEnd < 0 ? undefined : nameEnd);
  if (!name) return undefined;
  let qualifier: string | undefined;
  if (nameEnd >= 0) {
    const qualifierEnd = arn.indexOf(':', nameEnd + 1);
    qualifier = arn.slice(nameEnd + 1, qualifierEnd < 0 ? undefined : qualifierEnd) || undefined;
  }
  return { region: arn.slice(serviceEnd + 1, regionEnd), name, qualifier };
}

/** Whether a qualifier needs ListVersionsByFunction/ListAliases (`$LATEST` always exists). */
const needsLookup = (qualifier: string | undefined): qualifier is string =>
  qualifier !== undefined && qualifier !== '$LATEST';

/** One region to ask about, with its sorted function names referenced with a version or alias. */
interface RegionRequest {
  region: string;
  qualified: QualifiedNames;
}

/**
 * What a set of ARNs asks, as a string, so equal sets (any order, duplicates, a new array) give
 * the same string: a line per region (sorted), holding the region, the sorted names referenced
 * with a version and the sorted names referenced with an alias, tab-separated, each list
 * space-separated (neither regions nor function names hold spaces, tabs or line breaks). One pass
 * over the ARNs; only the distinct qualified names are sorted and joined.
 */
function requestSignatureOf(functionArns: readonly string[]): string {
  const byRegion = new Map<string, { version: Set<string>; alias: Set<string> }>();
  for (const arn of functionArns) {
    const parts = splitFunctionArn(arn);
    if (!parts) continue;
    let names = byRegion.get(parts.region);
    if (!names) {
      names = { version: new Set(), alias: new Set() };
      byRegion.set(parts.region, names);
    }
    if (needsLookup(parts.qualifier)) names[qualifierKindOf(parts.qualifier)].add(parts.name);
  }
  return [...byRegion]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([region, names]) =>
      [region, [...names.version].sort().join(' '), [...names.alias].sort().join(' ')].join('\t'),
    )
    .join('\n');
}

/** The regions of a {@link requestSignatureOf} string. */
function requestOf(signature: string): RegionRequest[] {
  if (!signature) return [];
  const names = (list: string | undefined) => (list ? list.split(' ') : []);
  return signature.split('\n').map((line) => {
    const [region = '', version, alias] = line.split('\t');
    return { region, qualified: { version: names(version), alias: names(alias) } };
  });
}

/** `useQueries` combine (module-level, so TanStack's memoisation of the combined value holds). */
function combineInventory(results: Array<UseQueryResult<RegionInventory>>) {
  return {
    data: results.map((r) => r.data),
    settled: results.every(
      (r) => r.status !== 'pending' && !r.isPlaceholderData && r.data?.partial !== true,
    ),
    error: results.find((r) => r.status === 'error')?.error,
  };
}

/**
 * The `statusOf` of a set of region answers (rules in {@link FunctionInventory.statusOf}), which
 * remembers each ARN's status: the list asks about every row whenever it derives its rows.
 * @param request the regions asked about.
 * @param answers each region's answer (or placeholder), in `request` order; undefined: none yet.
 */
function createStatusOf(
  request: readonly RegionRequest[],
  answers: ReadonlyArray<RegionInventory | undefined>,
): (functionArn: string) => FunctionReferenceStatus {
  const byRegion = new Map<string, RegionInventory>();
  request.forEach(({ region }, index) => {
    const answer = answers[index];
    if (answer) byRegion.set(region, answer);
  });
  const decide = (functionArn: string): FunctionReferenceStatus => {
    const parts = splitFunctionArn(functionArn);
    const answer = parts && byRegion.get(parts.region);
    if (!parts || !answer) return 'unknown';
    if (!answer.names.has(parts.name) || answer.missingFunctions.has(parts.name))
      return 'function-missing';
    if (!needsLookup(parts.qualifier)) return 'exists';
    const qualifiers = answer.qualifiers[qualifierKindOf(parts.qualifier)].get(parts.name);
    if (!qualifiers) return 'unknown';
    return qualifiers.has(parts.qualifier) ? 'exists' : 'qualifier-missing';
  };
  const decided = new Map<string, FunctionReferenceStatus>();
  return (functionArn) => {
    let status = decided.get(functionArn);
    if (status === undefined) {
      status = decide(functionArn);
      decided.set(functionArn, status);
    }
    return status;
  };
}

/** What {@link useFunctionInventory} returns. */
export interface FunctionInventory {
  /**
   * `error` if any region's lookup failed, else `pending` while any runs (or when disabled), else
   * `success`.
   */
  status: 'pending' | 'success' | 'error';
  /** The first failed region's error. */
  error?: unknown;
  /**
   * What Lambda says about one `FunctionArn` (O(1); any full ARN, not only those passed in, though
   * only those are looked up). `unknown` until its region's answer has decided it (a version needs
   * its function's `ListVersionsByFunction` in that answer, an alias its `ListAliases`); a failed
   * region leaves its ARNs `unknown`. The same function until a region's answer changes.
   */
  statusOf: (functionArn: string) => FunctionReferenceStatus;
  /**
   * Subscribes to progress changes of the regions asked about (at most one call per 500 ms);
   * returns the unsubscribe function. For `useSyncExternalStore` with {@link getProgress}.
   */
  subscribeProgress: (listener: () => void) => () => void;
  /** The progress of the regions asked about, the same object until it changes. */
  getProgress: () => InventoryProgress;
}

const NO_PROGRESS: InventoryProgress = { functionsListed: 0, lookupsDone: 0, lookups: 0 };

/**
 * `getProgress` of a request: sums the running work of its regions and queries, recomputed only
 * after the store changed and kept as the same object while the sums stay equal.
 */
function createProgressOf(request: readonly RegionRequest[]): () => InventoryProgress {
  const hashes = request.map(({ region, qualified }) =>
    hashKey(functionInventoryQueries.region(region, qualified).queryKey),
  );
  let seen = -1;
  let last = NO_PROGRESS;
  return () => {
    if (seen === progress.version) return last;
    seen = progress.version;
    let functionsListed = 0;
    let lookupsDone = 0;
    let lookups = 0;
    for (const { region } of request) functionsListed += progress.functionsListed.get(region) ?? 0;
    for (const hash of hashes) {
      const counted = progress.lookups.get(hash);
      if (counted) {
        lookupsDone += counted.done;
        lookups += counted.total;
      }
    }
    if (
      functionsListed !== last.functionsListed ||
      lookupsDone !== last.lookupsDone ||
      lookups !== last.lookups
    )
      last = lookups || functionsListed ? { functionsListed, lookupsDone, lookups } : NO_PROGRESS;
    return last;
  };
}

const subscribeProgress = (listener: () => void) => {
  progress.listeners.add(listener);
  return () => {
    progress.listeners.delete(listener);
  };
};

/**
 * Whether the functions (and versions and aliases) that `functionArns` name exist, for orphan
 * detection (see the module comment for the calls). Stable for large inputs: one query per region,
 * keyed by its function names referenced with a version and with an alias, so passing the same set of ARNs again (a new array,
 * another order, more unqualified ARNs) starts no request, and `statusOf` keeps its identity until
 * an answer changes.
 * @param functionArns mappings' `FunctionArn`s (full ARNs; entries without a region are ignored).
 * @param options.enabled false: ask nothing (status stays `pending`; ARNs stay `unknown` unless a
 *   cached answer already decides them).
 */
export function useFunctionInventory(
  functionArns: readonly string[],
  options?: { enabled?: boolean },
): FunctionInventory {
  const enabled = options?.enabled ?? true;
  const queryClient = useQueryClient();
  const signature = useMemo(() => requestSignatureOf(functionArns), [functionArns]);
  const request = useMemo(() => requestOf(signature), [signature]);

  const { data, settled, error } = useQueries({
    queries: request.map(({ region, qualified }) => ({
      ...functionInventoryQueries.region(region, qualified),
      enabled,
      // While a new set of names is asked about, the region's best answer decides what it can.
      placeholderData: () => bestInventory(queryClient, region, qualified, undefined, false),
    })),
    combine: combineInventory,
  });

  const statusOf = useMemo(() => createStatusOf(request, data), [request, data]);
  const getProgress = useMemo(() => createProgressOf(request), [request]);

  return useMemo((): FunctionInventory => {
    const status = error !== undefined ? 'error' : !enabled || !settled ? 'pending' : 'success';
    return {
      status,
      ...(error !== undefined ? { error } : {}),
      statusOf,
      subscribeProgress,
      getProgress,
    };
  }, [error, enabled, settled, statusOf, getProgress]);
}
