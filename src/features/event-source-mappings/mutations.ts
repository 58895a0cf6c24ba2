import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateEventSourceMappingCommandInput,
  UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import {
  createEventSourceMapping,
  deleteEventSourceMapping,
  updateEventSourceMapping,
  tagMapping,
  untagMapping,
} from '../../api/event-source-mappings.ts';
import { getLambdaRegion } from '../../api/lambda-client.ts';
import { mappingQueries, patchMappingsInLists } from './queries.ts';

/** Variables of {@link useSetMappingEnabled}: which mapping, and the wanted `Enabled` value. */
export interface SetMappingEnabledVariables {
  UUID: string;
  /** true resumes polling the source (→ Enabling → Enabled), false pauses it (→ Disabling → Disabled). */
  Enabled: boolean;
}

/**
 * Enables or disables a mapping with `UpdateEventSourceMapping { UUID, Enabled }`.
 * On success it writes the response (State `Enabling`/`Disabling`) into the detail cache, which
 * starts the detail query's polling, and into the row of every cached list of the region (a list
 * of 10,000 mappings is not read again for one row; lists follow the row's transition).
 * Errors (e.g. `ResourceInUseException` while transitional) are left to the caller to show.
 */
export function useSetMappingEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ UUID, Enabled }: SetMappingEnabledVariables) =>
      updateEventSourceMapping({ UUID, Enabled }),
    onSuccess: (mapping, { UUID }) => {
      queryClient.setQueryData(mappingQueries.detail(UUID).queryKey, mapping);
      patchMappingsInLists(queryClient, getLambdaRegion(), new Map([[UUID, mapping]]));
    },
  });
}

/**
 * Creates a mapping with `CreateEventSourceMapping` (the input from `toCreateMappingInput`).
 * On success it writes the new mapping (State `Creating`, or `Disabled` when created disabled) into
 * its detail cache, so the detail page opens on it and polls until it settles, and returns the
 * invalidation of every mappings list. Errors are left to the caller (`apiErrorToForm`).
 */
export function useCreateMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEventSourceMappingCommandInput) => createEventSourceMapping(input),
    onSuccess: (mapping) => {
      if (mapping.UUID) {
        queryClient.setQueryData(mappingQueries.detail(mapping.UUID).queryKey, mapping);
      }
      return queryClient.invalidateQueries({ queryKey: mappingQueries.lists() });
    },
  });
}

/**
 * Changes a mapping with `UpdateEventSourceMapping` (the input from `toUpdateMappingInput`: UUID
 * plus only the changed fields). On success it writes the response (State `Updating`, `Enabling`
 * or `Disabling`, new values already in place) into the detail cache, which starts its polling,
 * and into the row of every cached list of the region. Errors (e.g. `ResourceInUseException`) are
 * left to the caller.
 */
export function useUpdateMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateEventSourceMappingCommandInput) => updateEventSourceMapping(input),
    onSuccess: (mapping, { UUID = mapping.UUID }) => {
      if (!UUID) return;
      queryClient.setQueryData(mappingQueries.detail(UUID).queryKey, mapping);
      patchMappingsInLists(queryClient, getLambdaRegion(), new Map([[UUID, mapping]]));
    },
  });
}

/** Variables of {@link useDeleteMapping}. */
export interface DeleteMappingVariables {
  UUID: string;
}

/**
 * Deletes a mapping with `DeleteEventSourceMapping`. On success it writes the response (State
 * `Deleting`) into the detail cache — the detail query then polls until Lambda answers
 * `ResourceNotFoundException`, which the detail page shows as deleted — and into the row of every
 * cached list of the region (lists follow the row until it is gone). Errors (e.g.
 * `ResourceInUseException` while transitional) are left to the caller.
 */
export function useDeleteMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ UUID }: DeleteMappingVariables) => deleteEventSourceMapping({ UUID }),
    onSuccess: (mapping, { UUID }) => {
      queryClient.setQueryData(mappingQueries.detail(UUID).queryKey, mapping);
      patchMappingsInLists(queryClient, getLambdaRegion(), new Map([[UUID, mapping]]));
    },
  });
}

/** Variables of {@link useUpdateMappingTags}: the mapping's ARN and the changes to make. */
export interface UpdateMappingTagsVariables {
  /** The mapping's `EventSourceMappingArn`. */
  arn: string;
  /** Tags to add or change (TagResource), when any. */
  TagResource?: Record<string, string>;
  /** Keys to remove (UntagResource), when any. */
  UntagResource?: readonly string[];
}

/**
 * Changes a mapping's tags: UntagResource for removed keys, then TagResource for added or changed
 * ones (the `tagChanges` of `form/to-request.ts`), then re-reads its tags. Each call is sent at
 * most once per attempt (the SDK retries throttling itself); errors are left to the caller.
 */
export function useUpdateMappingTags() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ arn, TagResource, UntagResource }: UpdateMappingTagsVariables) => {
      if (UntagResource?.length) await untagMapping(arn, UntagResource);
      if (TagResource && Object.keys(TagResource).length) await tagMapping(arn, TagResource);
    },
    onSettled: (_data, _error, { arn }) =>
      queryClient.invalidateQueries({ queryKey: mappingQueries.tags(arn).queryKey }),
  });
}
