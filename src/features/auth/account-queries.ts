import { queryOptions } from '@tanstack/react-query';
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
export function accountOfLambdaArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : LAMBDA_ARN_ACCOUNT.exec(arn)?.[1];
}

/**
 * Finds the account the console's credentials act in, from what those credentials can read:
 * Lambda lists only the caller's own account's mappings and functions, so the account in their
 * ARNs is the caller's. Reads one mapping (`ListEventSourceMappings`, `MaxItems: 1`) and, when the
 * region has none, one function (`ListFunctions`, `MaxItems: 1`): both allowed to guests and
 * signed-in users alike (no STS call, which the CSP and the roles do not allow).
 * @param region the region to ask.
 * @param signal cancels the requests.
 * @returns the 12-digit account id, or `null` when the region has neither mappings nor functions.
 * @throws the SDK error of either call.
 */
export async function findAccountId(region: string, signal?: AbortSignal): Promise<string | null> {
  const client = getLambdaClient(region);
  const mappings = await listEventSourceMappings({ MaxItems: 1 }, { abortSignal: signal, client });
  const fromMapping = accountOfLambdaArn(mappings.EventSourceMappings?.[0]?.FunctionArn);
  if (fromMapping) return fromMapping;
  const functions = await listFunctions({ MaxItems: 1 }, { abortSignal: signal, client });
  return accountOfLambdaArn(functions.Functions?.[0]?.FunctionArn) ?? null;
}

/**
 * Query options for the account id shown in the header. Key `['account', <region>]`; never
 * stale (an identity's account does not change while the page is open).
 * @param region defaults to the active region.
 */
export function accountQuery(region: string = getLambdaRegion()) {
  return queryOptions({
    queryKey: ['account', region] as const,
    queryFn: ({ queryKey, signal }) => findAccountId(queryKey[1], signal),
    staleTime: Infinity,
  });
}
