import type {
  AliasConfiguration,
  FunctionConfiguration,
  ListFunctionsCommandOutput,
} from '@aws-sdk/client-lambda';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { listAliases, listFunctions, listVersionsByFunction } from '../../api/functions.ts';
import { getLambdaClient, getLambdaRegion } from '../../api/lambda-client.ts';

/** Functions asked for per `ListFunctions` call (Lambda caps a page at 50, reference §1.4). */
export const FUNCTIONS_PAGE_SIZE = 50;

/**
 * The page parameter after `lastPage`: its `NextMarker`, passed back unchanged as `Marker`; none
 * (or an empty one) means every function has been listed.
 * @param lastPage the most recently fetched `ListFunctions` page.
 */
export function getNextFunctionsPageParam(
  lastPage: Pick<ListFunctionsCommandOutput, 'NextMarker'>,
): string | undefined {
  return lastPage.NextMarker || undefined;
}

/**
 * Pages one versions or aliases listing reads at most (50 per page: 10,000 entries), so a service
 * that kept returning a `NextMarker` cannot loop forever.
 */
export const QUALIFIER_LIST_MAX_PAGES = 200;

/** How long the function lists are fresh: names, versions and aliases change rarely. */
const FUNCTIONS_STALE_MS = 5 * 60_000;

/**
 * The items of every page of a `Marker`/`NextMarker` listing, in order.
 * @param fetchPage fetches the page at `marker` (undefined: the first page) and returns its items
 *   and `NextMarker`.
 * @param maxPages pages to read at most; the items of those pages are returned.
 * @throws the first failed page's error; an Error when Lambda repeats a `NextMarker`.
 */
export async function listAllPages<T>(
  fetchPage: (
    marker: string | undefined,
  ) => Promise<{ items: T[]; NextMarker?: string | undefined }>,
  maxPages = QUALIFIER_LIST_MAX_PAGES,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  for (let count = 0; count < maxPages; count += 1) {
    const page = await fetchPage(marker);
    items.push(...page.items);
    const next = page.NextMarker || undefined;
    if (!next) break;
    if (seen.has(next))
      throw new Error(`Lambda returned NextMarker ${next} twice; stopped listing.`);
    seen.add(next);
    marker = next;
  }
  return items;
}

/** Numeric order of published versions, newest (highest) first. */
const newestFirst = (a: FunctionConfiguration, b: FunctionConfiguration) =>
  Number(b.Version) - Number(a.Version);

/**
 * Query keys and options for the region's Lambda functions (the mapping form's function picker).
 * Keys: `['functions', <region>]`, then `'list'`, or `'versions'` / `'aliases'` and a function
 * name; the region is the active one (`getLambdaRegion()`), and each query function calls the
 * client of the region in its key.
 */
export const functionQueries = {
  /** Root key of everything about functions in the active region. */
  all: () => ['functions', getLambdaRegion()] as const,
  /**
   * Every function of the region as an infinite query over `NextMarker` (50 per page, `$LATEST`
   * only: versions and aliases are typed as a qualifier). Type-ahead filters the loaded pages on
   * the client, because `ListFunctions` has no name filter.
   */
  list: () =>
    infiniteQueryOptions({
      queryKey: [...functionQueries.all(), 'list'] as const,
      queryFn: ({ queryKey, pageParam, signal }) =>
        listFunctions(
          { MaxItems: FUNCTIONS_PAGE_SIZE, ...(pageParam ? { Marker: pageParam } : {}) },
          { abortSignal: signal, client: getLambdaClient(queryKey[1]) },
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: getNextFunctionsPageParam,
      // Function names change rarely; the picker need not refetch while the form is open.
      staleTime: FUNCTIONS_STALE_MS,
    }),
  /**
   * A function's published versions (`ListVersionsByFunction`, every page of 50 up to
   * {@link QUALIFIER_LIST_MAX_PAGES}), newest first, without `$LATEST` (the unqualified function
   * is `$LATEST`). Each entry is that version's configuration (`Version`, `FunctionArn` ending in
   * `:<version>`, `Description`, …).
   * @param functionName the function's name (as ListFunctions lists it) in the active region.
   * The query rejects with the SDK's exception, e.g. `ResourceNotFoundException` when the function
   * was deleted since it was listed.
   */
  versions: (functionName: string) =>
    queryOptions({
      queryKey: [...functionQueries.all(), 'versions', functionName] as const,
      queryFn: async ({ queryKey, signal }): Promise<FunctionConfiguration[]> => {
        const client = getLambdaClient(queryKey[1]);
        const versions = await listAllPages(async (marker) => {
          const page = await listVersionsByFunction(
            {
              FunctionName: functionName,
              MaxItems: FUNCTIONS_PAGE_SIZE,
              ...(marker ? { Marker: marker } : {}),
            },
            { abortSignal: signal, client },
          );
          return { items: page.Versions ?? [], NextMarker: page.NextMarker };
        });
        return versions.filter((v) => v.Version && v.Version !== '$LATEST').sort(newestFirst);
      },
      staleTime: FUNCTIONS_STALE_MS,
    }),
  /**
   * A function's aliases (`ListAliases`, every page of 50 up to {@link QUALIFIER_LIST_MAX_PAGES}),
   * by name: each with `Name`, `AliasArn`, the `FunctionVersion` it points to, `Description` and
   * any `RoutingConfig`.
   * @param functionName the function's name (as ListFunctions lists it) in the active region.
   * The query rejects with the SDK's exception, e.g. `ResourceNotFoundException`.
   */
  aliases: (functionName: string) =>
    queryOptions({
      queryKey: [...functionQueries.all(), 'aliases', functionName] as const,
      queryFn: async ({ queryKey, signal }): Promise<AliasConfiguration[]> => {
        const client = getLambdaClient(queryKey[1]);
        const aliases = await listAllPages(async (marker) => {
          const page = await listAliases(
            {
              FunctionName: functionName,
              MaxItems: FUNCTIONS_PAGE_SIZE,
              ...(marker ? { Marker: marker } : {}),
            },
            { abortSignal: signal, client },
          );
          return { items: page.Aliases ?? [], NextMarker: page.NextMarker };
        });
        return aliases
          .filter((a) => a.Name)
          .sort((a, b) => (a.Name ?? '').localeCompare(b.Name ?? ''));
      },
      staleTime: FUNCTIONS_STALE_MS,
    }),
};
