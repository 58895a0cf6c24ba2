import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { listEventSourceMappings } from '../../api/event-source-mappings.ts';
import { listFunctions } from '../../api/functions.ts';
import {
  getLambdaClient,
  getLambdaRegion,
  subscribeLambdaRegion,
} from '../../api/lambda-client.ts';

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

/**
 * Milliseconds the page must have been loaded with none of its queries fetching before the
 * account is looked up: long enough for a page's first requests to start (they start when it
 * mounts), short enough that a page with no data of its own (the create form, a page that does
 * not exist) names the account at once to the eye.
 */
export const ACCOUNT_LOOKUP_QUIET_MS = 300;

/** {@link useAccountId}'s cache snapshot while the account is not found yet. */
const PAGE_FETCHING = 'page-fetching';
const PAGE_IDLE = 'page-idle';

/**
 * The account the console's credentials act in, for the header. Taken from data already in the
 * cache (any cached `FunctionArn`, or an earlier lookup in any region), so normally no request is
 * made; only when the page has been loaded for {@link ACCOUNT_LOOKUP_QUIET_MS} without any of its
 * queries fetching and without naming a function (an empty region, an error, a page with no data
 * such as the create form or a page that does not exist) is the account looked up with
 * {@link accountQuery}, once per region (its result is kept for the session). Waiting for the page
 * keeps the lookup from racing the page's first requests.
 * @param options.pageLoaded whether the page's code is loaded and shown (the frame passes false
 *   while the router loads it, when the page's queries have not started yet); default true.
 * @returns the account id, `pending` while it is being found, `unknown` when the lookup failed or
 *   the region has neither a function nor a mapping.
 */
export function useAccountId({ pageLoaded = true }: { pageLoaded?: boolean } = {}): AccountIdState {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const region = useSyncExternalStore(subscribeLambdaRegion, getLambdaRegion);
  // Found once, the account stays (credentials act in one account): the cache notifies on every
  // query change (each poll, each of the function inventory's ~1,000 reads), and scanning it each
  // time cost ~10 ms of every interaction on a loaded list of 10,000.
  const found = useRef<string | undefined>(undefined);
  const snapshot = useSyncExternalStore(subscribe, () => {
    if (found.current !== undefined) return found.current;
    let fetching = false;
    for (const query of cache.getAll()) {
      const { data, fetchStatus } = query.state;
      const account =
        query.queryKey[0] === ACCOUNT_QUERY_ROOT
          ? typeof data === 'string'
            ? data
            : undefined
          : accountFromQueryData(data);
      if (account) {
        found.current = account;
        return account;
      }
      if (query.queryKey[0] !== ACCOUNT_QUERY_ROOT && fetchStatus === 'fetching') fetching = true;
    }
    return fetching ? PAGE_FETCHING : PAGE_IDLE;
  });
  const cached = snapshot === PAGE_FETCHING || snapshot === PAGE_IDLE ? undefined : snapshot;
  // The region in which the page has been quiet long enough; kept once set, so that the lookup is
  // not switched off by the page's later requests (a poll, Load all).
  const [quietRegion, setQuietRegion] = useState<string | undefined>(undefined);
  const quiet = pageLoaded && snapshot === PAGE_IDLE;
  useEffect(() => {
    if (!quiet || quietRegion === region) return undefined;
    const timer = setTimeout(() => setQuietRegion(region), ACCOUNT_LOOKUP_QUIET_MS);
    return () => clearTimeout(timer);
  }, [quiet, quietRegion, region]);
  const lookup = useQuery({
    ...accountQuery(region),
    enabled: cached === undefined && quietRegion === region,
  });
  const accountId = cached ?? lookup.data ?? undefined;
  if (accountId) return { accountId, status: 'known' };
  return { status: lookup.isError || lookup.data === null ? 'unknown' : 'pending' };
}
