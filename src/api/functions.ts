import {
  ListFunctionsCommand,
  type ListFunctionsCommandInput,
  type ListFunctionsCommandOutput,
} from '@aws-sdk/client-lambda';
import type { CallOptions } from './event-source-mappings.ts';
import { getLambdaClient } from './lambda-client.ts';

/**
 * Lambda `ListFunctions`: one page of the region's functions (their `$LATEST` configuration unless
 * `FunctionVersion: 'ALL'`). Pass the previous page's `NextMarker` as `Marker`; the last page has
 * no `NextMarker`. Lambda returns at most 50 functions per call whatever `MaxItems` says
 * (reference §1.4, §6).
 * @throws the SDK's exception (e.g. `InvalidParameterValueException`, `AccessDeniedException`).
 */
export function listFunctions(
  input: ListFunctionsCommandInput,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<ListFunctionsCommandOutput> {
  return client.send(new ListFunctionsCommand(input), { abortSignal });
}
