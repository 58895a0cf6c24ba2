import {
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  type ListAliasesCommandInput,
  type ListAliasesCommandOutput,
  type ListFunctionsCommandInput,
  type ListFunctionsCommandOutput,
  type ListVersionsByFunctionCommandInput,
  type ListVersionsByFunctionCommandOutput,
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

/**
 * Lambda `ListVersionsByFunction`: one page of a function's versions, `$LATEST` included, each with
 * its version-specific configuration (`Version` is `$LATEST`, `1`, `2`, …). `FunctionName` is a
 * name, ARN or partial ARN without qualifier. Pass the previous page's `NextMarker` as `Marker`;
 * Lambda returns at most 50 versions per call whatever `MaxItems` (1–10,000) says (API reference,
 * ListVersionsByFunction).
 * @throws `ResourceNotFoundException` (404) when the function does not exist; otherwise the SDK's
 *   exception (e.g. `InvalidParameterValueException`, `TooManyRequestsException`).
 */
export function listVersionsByFunction(
  input: ListVersionsByFunctionCommandInput,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<ListVersionsByFunctionCommandOutput> {
  return client.send(new ListVersionsByFunctionCommand(input), { abortSignal });
}

/**
 * Lambda `ListAliases`: one page of a function's aliases (`Name`, `AliasArn`, the
 * `FunctionVersion` each points to), optionally only those pointing to `FunctionVersion`. Pass the
 * previous page's `NextMarker` as `Marker`; `NextMarker` is "present if there are more aliases"
 * (API reference, ListAliases; `MaxItems` 1–10,000).
 * @throws `ResourceNotFoundException` (404) when the function does not exist; otherwise the SDK's
 *   exception (e.g. `TooManyRequestsException`).
 */
export function listAliases(
  input: ListAliasesCommandInput,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<ListAliasesCommandOutput> {
  return client.send(new ListAliasesCommand(input), { abortSignal });
}
