import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import Button from '@cloudscape-design/components/button';
import { toAwsError } from '../../../api/errors.ts';
import { notificationStore } from '../../../lib/notifications.ts';
import { isTransitionalState } from '../mapping-state.ts';
import { useSetMappingEnabled } from '../mutations.ts';

/** States in which the button offers "Disable" (the mapping is, or is becoming, enabled). */
const ENABLED_SIDE = new Set(['Enabled', 'Enabling', 'Creating']);

/**
 * Enable or Disable, depending on the mapping's State, via `UpdateEventSourceMapping { Enabled }`.
 * Disabled, with the reason, while the State is transitional (Lambda would answer
 * ResourceInUseException, reference §5). Progress and failure (with Retry) are notified under the
 * id `set-enabled-<UUID>`.
 * @param props.mapping the mapping as last read.
 */
export function SetEnabledButton({ mapping }: { mapping: EventSourceMappingConfiguration }) {
  const mutation = useSetMappingEnabled();
  const { UUID, State } = mapping;
  const enable = !ENABLED_SIDE.has(State ?? '');
  const transitional = isTransitionalState(State);

  const run = () => {
    if (!UUID) return;
    const id = `set-enabled-${UUID}`;
    const verb = enable ? 'Enabling' : 'Disabling';
    notificationStore.show({ id, type: 'in-progress', header: `${verb} mapping ${UUID}` });
    mutation.mutate(
      { UUID, Enabled: enable },
      {
        onSuccess: (result) =>
          notificationStore.show({
            id,
            type: 'success',
            header: `${enable ? 'Enable' : 'Disable'} requested for mapping ${UUID}`,
            content: `State is now ${result.State ?? 'unknown'}; this page follows it until it settles.`,
          }),
        onError: (error) => {
          const { name, message } = toAwsError(error);
          notificationStore.show({
            id,
            type: 'error',
            header: `Could not ${enable ? 'enable' : 'disable'} mapping ${UUID}: ${name}`,
            content: message,
            action: { text: 'Retry', onClick: run },
          });
        },
      },
    );
  };

  return (
    <Button
      onClick={run}
      loading={mutation.isPending}
      disabled={transitional || !UUID}
      disabledReason={
        transitional ? `The mapping is ${State}. Wait until it is Enabled or Disabled.` : undefined
      }
    >
      {enable ? 'Enable' : 'Disable'}
    </Button>
  );
}
