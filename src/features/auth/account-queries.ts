import { queryOptions, useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { listEventSourceMappings } from '../../api/event-source-mappings.ts';
import { listFunctions } from '../../api/functions.ts';
import { getLambdaClient, getLambdaRegion } from '../../api/lambda-client.ts';

/** `arn:<partition>:lambda:<region>:<account>:…` → the 12-digit account id. */
const LAMBDA_ARN_ACCOUNT = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:(\d{12}):/;

/**
 * The account id in a Lambda ARN (a FunctionArn or EventSourceMappingArn).
 * @param arn e.g. `arn:aws:lambda:us-east-1:123456789012:function:orders-ingest-prod:live`.
 * @returns `123456789012`, or `undefined` when `arn` is not a Lambda ARN.
 */
export function accountOfLambdaArn(arn: unknown): string | undefined {
  return typeof arn === 'string' ? LAMBDA_ARN_ACCOUNT.exec(arn)?.[1] : undefined;
}

/**
 * The account of the first `FunctionArn` found in Lambda response data (a mapping, a page of
 * mappings or functions, or infinite-query data made of such pages), searched a few levels deep.
 * Lambda only returns the caller's own account's mappings and functions, so it is the account the
 * credentials act in.
 * @param data cached query data.
 * @returns the 12-digit account id, or `undefined` when the data names no function.
 */
export function accountFromQueryData(data: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof data !== 'object' || data === null) return undefined;
  const items = Array.isArray(data) ? data : [data];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const own = accountOfLambdaArn((item as { FunctionArn?: unknown }).FunctionArn);
    if (own) return own;
  }
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    for (const value of Object.values(item)) {
      if (typeof value !== 'object') continue;
      const found = accountFromQueryData(value, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Asks Lambda for the account: one function (`ListFunctions`, `MaxItems: 1`) and, when the region
 * has none, one mapping (`ListEventSourceMappings`, `MaxItems: 1`) — both allowed to guests and
 * signed-in users alike (no STS call, which neither the CSP nor the roles allow).
 * @param region the region to ask.
 * @param signal cancels the requests.
 * @returns the 12-digit account id, or `null` when the region has neither.
 * @throws the SDK error of either call.
 */
export async function findAccountId(region: string, signal?: AbortSignal): Promise<string | null> {
  const client = getLambdaClient(region);
  const functions = await listFunctions({ MaxItems: 1 }, { abortSignal: signal, client });
  const fromFunction = accountOfLambdaArn(functions.Functions?.[0]?.FunctionArn);
  if (fromFunction) return fromFunction;
  const mappings = await listEventSourceMappings({ MaxItems: 1 }, { abortSignal: signal, client });
  return accountOfLambdaArn(mappings.EventSourceMappings?.[0]?.FunctionArn) ?? null;
}

/** Root of the account query's key. */
export const ACCOUNT_QUERY_ROOT = 'account';

/**
 * Query options for looking the account up with {@link findAccountId} in the active region. Key
 * `['account', <region>]`; never stale (an identity's account does not change while the page is
 * open).
 * @param region defaults to the active region.
 */
export function accountQuery(region: string = getLambdaRegion()) {
  return queryOptions({
    queryKey: [ACCOUNT_QUERY_ROOT, region] as const,
    queryFn: ({ queryKey, signal }) => findAccountId(queryKey[1], signal),
    staleTime: Infinity,
  });
}

/** What {@link useAccountId} knows. */
export interface AccountIdState {
  /** The 12-digit account id, once known. */
  accountId?: string;
  /** `pending` until known, `unknown` when the lookup failed or found nothing. */
  status: 'known' | 'pending' | 'unknown';
}

const isPageQuery = (query: { queryKey: readonly unknown[] }) =>
  query.queryKey[0] !== ACCOUNT_QUERY_ROOT;

/**
 * The account the console's credentials act in, for the header. Taken from data the page already
 * loaded (any cached `FunctionArn`), so normally no request is made; only when the page's own
 * queries have settled without naming a function (an empty region, an error) is the account
 * looked up with {@link accountQuery}. Waiting for the page keeps the lookup from racing the
 * page's first requests.
 * @returns the account id and whether it is still being found.
 */
export function useAccountId(): AccountIdState {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  // Found once, the account stays (credentials act in one account): the cache notifies on every
  // query change (each poll, each of the function inventory's ~1,000 reads), and scanning it each
  // time cost ~10 ms of every interaction on a loaded list of 10,000.
  const found = useRef<string | undefined>(undefined);
  const cached = useSyncExternalStore(subscribe, () => {
    if (found.current !== undefined) return found.current;
    for (const query of cache.findAll({ predicate: isPageQuery })) {
      const account = accountFromQueryData(query.state.data);
      if (account) {
        found.current = account;
        return account;
      }
    }
    return undefined;
  });
  const pageSettled = useSyncExternalStore(subscribe, () =>
    cache.findAll({ predicate: isPageQuery }).some((query) => query.state.status !== 'pending'),
  );
  const pageFetches = useIsFetching({ predicate: isPageQuery });
  const lookup = useQuery({
    ...accountQuery(),
    enabled: cached === undefined && pageSettled && pageFetches === 0,
  });
  const accountId = cached ?? lookup.data ?? undefined;
  if (accountId) return { accountId, status: 'known' };
  return { status: lookup.isError || lookup.data === null ? 'unknown' : 'pending' };
}
