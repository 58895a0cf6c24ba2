import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  ListTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
  type CreateEventSourceMappingCommandOutput,
  type DeleteEventSourceMappingCommandInput,
  type DeleteEventSourceMappingCommandOutput,
  type GetEventSourceMappingCommandInput,
  type GetEventSourceMappingCommandOutput,
  type ListEventSourceMappingsCommandInput,
  type ListEventSourceMappingsCommandOutput,
  type UpdateEventSourceMappingCommandInput,
  type UpdateEventSourceMappingCommandOutput,
} from '@aws-sdk/client-lambda';
import { getLambdaClient, type LambdaSender } from './lambda-client.ts';

/** Per-call options: an abort signal (TanStack Query passes one) and the client to use. */
export interface CallOptions {
  /** Cancels the HTTP request when aborted (e.g. the query was cancelled). */
  abortSignal?: AbortSignal;
  /** Defaults to the app's client ({@link getLambdaClient}); tests pass a fake. */
  client?: LambdaSender;
}

/**
 * Lambda `ListEventSourceMappings`: one page of mappings, optionally filtered by `FunctionName`
 * and/or `EventSourceArn`. Pass the previous page's `NextMarker` as `Marker`; the last page has no
 * `NextMarker`. Lambda returns at most 100 items per call whatever `MaxItems` says (reference §6).
 * @throws the SDK's exception (e.g. `InvalidParameterValueException`, `ServiceException`).
 */
export function listEventSourceMappings(
  input: ListEventSourceMappingsCommandInput,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<ListEventSourceMappingsCommandOutput> {
  return client.send(new ListEventSourceMappingsCommand(input), { abortSignal });
}

/**
 * Lambda `GetEventSourceMapping`: one mapping by `UUID`.
 * @throws `ResourceNotFoundException` (404) when the mapping does not exist or was deleted.
 */
export function getEventSourceMapping(
  input: GetEventSourceMappingCommandInput,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<GetEventSourceMappingCommandOutput> {
  return client.send(new GetEventSourceMappingCommand(input), { abortSignal });
}

/**
 * Lambda `UpdateEventSourceMapping`: changes only the members present (e.g. `{ UUID, Enabled }`
 * to enable or disable). The response already holds the new values and a transitional `State`
 * (`Enabling`, `Disabling` or `Updating`) (reference §2, §5).
 * @throws `ResourceInUseException` while the mapping is in a transitional state,
 *   `ResourceNotFoundException` when it does not exist.
 */
export function updateEventSourceMapping(
  input: UpdateEventSourceMappingCommandInput,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<UpdateEventSourceMappingCommandOutput> {
  return client.send(new UpdateEventSourceMappingCommand(input), { abortSignal });
}

/**
 * Lambda `CreateEventSourceMapping` (HTTP 202): the new mapping, in State `Creating` (or `Disabled`
 * when created with `Enabled: false`), with AWS's defaults filled in (reference §1.3, §5).
 * @throws `InvalidParameterValueException` / `ValidationException` for a refused value,
 *   `ResourceConflictException` when a mapping for this source and function already exists (its
 *   UUID is in the message), `AccessDeniedException` when the identity may not create mappings.
 */
export function createEventSourceMapping(
  input: CreateEventSourceMappingCommandInput,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<CreateEventSourceMappingCommandOutput> {
  return client.send(new CreateEventSourceMappingCommand(input), { abortSignal });
}

/**
 * Lambda `DeleteEventSourceMapping` (HTTP 202): the mapping's last configuration with State
 * `Deleting`; once Lambda has removed it, Get answers `ResourceNotFoundException` (reference §5).
 * @throws `ResourceInUseException` while the mapping is in a transitional state,
 *   `ResourceNotFoundException` when it does not exist (any more).
 */
export function deleteEventSourceMapping(
  input: DeleteEventSourceMappingCommandInput,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<DeleteEventSourceMappingCommandOutput> {
  return client.send(new DeleteEventSourceMappingCommand(input), { abortSignal });
}

/**
 * Lambda `ListTags` on a mapping's `EventSourceMappingArn`
 * (`arn:aws:lambda:<region>:<account>:event-source-mapping:<UUID>`): its tags as key → value
 * (`{}` when it has none). GetEventSourceMapping never returns tags.
 * @throws `ResourceNotFoundException` when the mapping does not exist, `AccessDeniedException`
 *   without `lambda:ListTags`.
 */
export async function listMappingTags(
  resource: string,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<Record<string, string>> {
  const output = await client.send(new ListTagsCommand({ Resource: resource }), { abortSignal });
  return output.Tags ?? {};
}

/**
 * Lambda `TagResource` (HTTP 204): adds tags to a mapping, or changes the value of keys it has.
 * @throws `InvalidParameterValueException` for a refused key or value, `ResourceNotFoundException`.
 */
export async function tagMapping(
  resource: string,
  tags: Record<string, string>,
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<void> {
  await client.send(new TagResourceCommand({ Resource: resource, Tags: tags }), { abortSignal });
}

/**
 * Lambda `UntagResource` (HTTP 204): removes tag keys from a mapping.
 * @throws `ResourceNotFoundException` when the mapping does not exist.
 */
export async function untagMapping(
  resource: string,
  tagKeys: readonly string[],
  { abortSignal, client = getLambdaClient() }: CallOptions = {},
): Promise<void> {
  await client.send(new UntagResourceCommand({ Resource: resource, TagKeys: [...tagKeys] }), {
    abortSignal,
  });
}
