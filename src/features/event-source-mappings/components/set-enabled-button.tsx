import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ConfirmFooter } from '../../../components/confirm-footer.tsx';
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
 * Disable asks first (a dialog saying what stops); Enable does not. Disabled, with the reason,
 * while the State is transitional (Lambda would answer ResourceInUseException, reference §5), and
 * for a read-only guest (`useWriteAccess`). An AccessDeniedException says to sign in and offers no
 * Retry. Progress (in progress until the mapping settles, then the State it reached, with Undo:
 * the opposite request) and failure (with Retry) are notified under the id `set-enabled-<UUID>`.
 * @param props.mapping the mapping as last read.
 */
export function SetEnabledButton({ mapping }: { mapping: EventSourceMappingConfiguration }) {
  const mutation = useSetMappingEnabled();
  const queryClient = useQueryClient();
  const { UUID, State } = mapping;
  const enable = !ENABLED_SIDE.has(State ?? '');
  const transitional = isTransitionalState(State);
  const access = useWriteAccess();
  const [confirming, setConfirming] = useState(false);

  const run = (enable: boolean) => {
    if (!UUID) return;
    const undo = { text: 'Undo', onClick: () => run(!enable) };
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
              action: undo,
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
              ...(outcome.kind === 'deleted' ? {} : { action: undo }),
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
            ...(denied ? {} : { action: { text: 'Retry', onClick: () => run(enable) } }),
          });
        },
      },
    );
  };

  return (
    <>
      <Button
        onClick={() => (enable ? run(true) : setConfirming(true))}
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
      {confirming ? (
        <Modal
          visible
          onDismiss={() => setConfirming(false)}
          header="Disable this mapping?"
          footer={
            <ConfirmFooter
              confirmText="Disable"
              onDismiss={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                run(false);
              }}
            />
          }
        >
          <SpaceBetween size="s">
            <Box>
              Mapping <Box variant="code">{UUID}</Box>: Lambda stops polling its event source and
              invoking the function. Records and messages stay in the source, as long as it keeps
              them, and are processed once the mapping is enabled again.
            </Box>
            <Box variant="small">The notification that follows offers Undo.</Box>
          </SpaceBetween>
        </Modal>
      ) : null}
    </>
  );
}
