import type { ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { listFunctions } from '../../api/functions.ts';
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
 * Query keys and options for the region's Lambda functions (the mapping form's function picker).
 * Keys: `['functions', <region>]`, then `'list'`; the region is the active one
 * (`getLambdaRegion()`), and the query function calls the client of the region in its key.
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
      staleTime: 5 * 60_000,
    }),
};
