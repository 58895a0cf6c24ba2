import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import Button from '@cloudscape-design/components/button';
import { ACCESS_DENIED_HINT, isAccessDenied, toAwsError } from '../../../api/errors.ts';
import { useWriteAccess } from '../../../lib/write-access.ts';
import { notificationStore } from '../../../lib/notifications.ts';
import { isTransitionalState } from '../mapping-state.ts';
import { useSetMappingEnabled } from '../mutations.ts';
import { followUntilSettled } from '../follow-until-settled.ts';
import { useQueryClient } from '@tanstack/react-query';

/** States in which the button offers "Disable" (the mapping is, or is becoming, enabled). */
const ENABLED_SIDE = new Set(['Enabled', 'Enabling', 'Creating']);

/**
 * Enable or Disable, depending on the mapping's State, via `UpdateEventSourceMapping { Enabled }`.
 * Disabled, with the reason, while the State is transitional (Lambda would answer
 * ResourceInUseException, reference §5), and for a read-only guest (`useWriteAccess`). An
 * AccessDeniedException says to sign in and offers no Retry. Progress (in progress until the
 * mapping settles, then the State it reached) and failure (with Retry) are notified under the
 * id `set-enabled-<UUID>`.
 * @param props.mapping the mapping as last read.
 */
export function SetEnabledButton({ mapping }: { mapping: EventSourceMappingConfiguration }) {
  const mutation = useSetMappingEnabled();
  const queryClient = useQueryClient();
  const { UUID, State } = mapping;
  const enable = !ENABLED_SIDE.has(State ?? '');
  const transitional = isTransitionalState(State);
  const access = useWriteAccess();

  const run = () => {
    if (!UUID) return;
    const id = `set-enabled-${UUID}`;
    const verb = enable ? 'Enabling' : 'Disabling';
    notificationStore.show({ id, type: 'in-progress', header: `${verb} mapping ${UUID}` });
    mutation.mutate(
      { UUID, Enabled: enable },
      {
        onSuccess: (result) => {
          const header = `${enable ? 'Enable' : 'Disable'} requested for mapping ${UUID}`;
          if (!isTransitionalState(result.State)) {
            notificationStore.show({
              id,
              type: 'success',
              header,
              content: `State is now ${result.State ?? 'unknown'}.`,
            });
            return;
          }
          notificationStore.show({
            id,
            type: 'in-progress',
            header,
            content: `State is now ${result.State ?? 'unknown'}; this page follows it until it settles.`,
          });
          // Replace the flash with the outcome, unless another message took its place meanwhile.
          followUntilSettled(queryClient, UUID, (outcome) => {
            const current = notificationStore.getSnapshot().find((n) => n.id === id);
            if (current?.type !== 'in-progress' || current.header !== header) return;
            notificationStore.show({
              id,
              type: outcome.kind === 'deleted' ? 'warning' : 'success',
              header,
              content:
                outcome.kind === 'deleted'
                  ? 'The mapping has since been deleted.'
                  : `State is now ${outcome.mapping.State ?? 'unknown'}.`,
            });
          });
        },
        onError: (error) => {
          const { name, message } = toAwsError(error);
          const denied = isAccessDenied(error);
          notificationStore.show({
            id,
            type: 'error',
            header: `Could not ${enable ? 'enable' : 'disable'} mapping ${UUID}: ${name}`,
            content: denied ? `${ACCESS_DENIED_HINT} ${message}` : message,
            // Retrying with the same role cannot succeed.
            ...(denied ? {} : { action: { text: 'Retry', onClick: run } }),
          });
        },
      },
    );
  };

  return (
    <Button
      onClick={run}
      loading={mutation.isPending}
      disabled={!access.allowed || transitional || !UUID}
      disabledReason={
        !access.allowed
          ? access.reason
          : transitional
            ? `The mapping is ${State}. Wait until it is Enabled or Disabled.`
            : undefined
      }
    >
      {enable ? 'Enable' : 'Disable'}
    </Button>
  );
}
