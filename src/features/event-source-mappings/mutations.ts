import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateEventSourceMapping } from '../../api/event-source-mappings.ts';
import { mappingQueries } from './queries.ts';

/** Variables of {@link useSetMappingEnabled}: which mapping, and the wanted `Enabled` value. */
export interface SetMappingEnabledVariables {
  UUID: string;
  /** true resumes polling the source (→ Enabling → Enabled), false pauses it (→ Disabling → Disabled). */
  Enabled: boolean;
}

/**
 * Enables or disables a mapping with `UpdateEventSourceMapping { UUID, Enabled }`.
 * On success it writes the response (State `Enabling`/`Disabling`) into the detail cache, which
 * starts the detail query's polling, and returns the invalidation of every mappings list.
 * Errors (e.g. `ResourceInUseException` while transitional) are left to the caller to show.
 */
export function useSetMappingEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ UUID, Enabled }: SetMappingEnabledVariables) =>
      updateEventSourceMapping({ UUID, Enabled }),
    onSuccess: (mapping, { UUID }) => {
      queryClient.setQueryData(mappingQueries.detail(UUID).queryKey, mapping);
      return queryClient.invalidateQueries({ queryKey: mappingQueries.lists() });
    },
  });
}
