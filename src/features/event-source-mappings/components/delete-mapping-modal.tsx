import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, useState } from 'react';
import { toAwsError } from '../../../api/errors.ts';
import { notificationStore } from '../../../lib/notifications.ts';
import { describeEventSource } from '../event-source.ts';
import { SOURCE_LIMITS, sourceTypeOfMapping } from '../form/source-limits.ts';
import { apiErrorToForm } from '../form/api-error-to-form.ts';
import { isTransitionalState } from '../mapping-state.ts';
import { useDeleteMapping } from '../mutations.ts';
import { followUntilSettled } from '../follow-until-settled.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useWriteAccess } from '../../../lib/write-access.ts';

/** The word to type before a mapping of a stream source can be deleted. */
export const DELETE_CONFIRMATION_WORD = 'confirm';

/**
 * Whether deleting the mapping loses a read position: stream-like sources (Kinesis, DynamoDB
 * Streams, MSK, self-managed Kafka, DocumentDB change streams) keep a checkpoint per mapping; a
 * new mapping starts again from its StartingPosition. Queues (SQS, MQ) keep their messages.
 * @param mapping the mapping.
 */
export function losesStreamPosition(mapping: EventSourceMappingConfiguration): boolean {
  const type = sourceTypeOfMapping(mapping);
  return type !== undefined && SOURCE_LIMITS[type].StartingPosition !== null;
}

/** Props of {@link DeleteMappingModal}. */
export interface DeleteMappingModalProps {
  /** The mapping to delete (as last read). */
  mapping: EventSourceMappingConfiguration;
  visible: boolean;
  /** While the DeleteEventSourceMapping call is in flight. */
  deleting: boolean;
  /** The last failed attempt's error, shown in the modal. */
  error?: unknown;
  onDismiss: () => void;
  onConfirm: () => void;
}

/**
 * The confirmation before `DeleteEventSourceMapping`: names the mapping (UUID, function, source)
 * and says what is lost. For stream sources, which lose their position, the user must type
 * {@link DELETE_CONFIRMATION_WORD}; the dialog opens with the focus in that input.
 */
export function DeleteMappingModal({
  mapping,
  visible,
  deleting,
  error,
  onDismiss,
  onConfirm,
}: DeleteMappingModalProps) {
  const [typed, setTyped] = useState('');
  const stream = losesStreamPosition(mapping);
  const confirmed = !stream || typed.trim().toLowerCase() === DELETE_CONFIRMATION_WORD;
  const source = describeEventSource(mapping);
  const failure = error === undefined ? undefined : apiErrorToForm(error);
  // The dialog opens on what the user has to do first: the typed confirmation. Cloudscape's modal
  // focuses its first focusable element (the close button) once its content has mounted, so the
  // input is focused just after that (the content may mount a frame later; 20 tries at most).
  const confirmRef = useRef<InputProps.Ref>(null);
  useEffect(() => {
    if (!visible || !stream) return undefined;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const focus = () => {
      if (confirmRef.current) confirmRef.current.focus();
      else if ((tries += 1) < 20) timer = setTimeout(focus, 16);
    };
    timer = setTimeout(focus, 0);
    return () => clearTimeout(timer);
  }, [visible, stream]);
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header={`Delete mapping ${mapping.UUID ?? ''}?`}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss} disabled={deleting}>
              Cancel
            </Button>
            <Button
              variant="primary"
              onClick={onConfirm}
              loading={deleting}
              disabled={!confirmed}
              disabledReason={
                confirmed ? undefined : `Type “${DELETE_CONFIRMATION_WORD}” to delete the mapping.`
              }
            >
              Delete
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed && !deleting) onConfirm();
        }}
      >
        <SpaceBetween size="m">
          <Box variant="p">
            Lambda stops reading the source and removes mapping <b>{mapping.UUID}</b>. The function
            and the source are not changed. This cannot be undone.
          </Box>
          <KeyValuePairs
            columns={2}
            items={[
              { label: 'Function', value: mapping.FunctionArn ?? '-' },
              { label: 'Event source', value: `${source.type}: ${source.resourceName}` },
            ]}
          />
          {stream ? (
            <Alert type="warning" header="The read position is lost">
              Lambda keeps this mapping’s position in the {source.type} source. A new mapping starts
              again from its StartingPosition, so records are processed again or skipped.
            </Alert>
          ) : null}
          {stream ? (
            <FormField label={`To confirm, type “${DELETE_CONFIRMATION_WORD}”`}>
              <Input
                value={typed}
                onChange={({ detail }) => setTyped(detail.value)}
                placeholder={DELETE_CONFIRMATION_WORD}
                ariaRequired
                autoComplete={false}
                ref={confirmRef}
              />
            </FormField>
          ) : null}
          {failure ? (
            <Alert type="error" header="Lambda did not delete the mapping">
              <SpaceBetween size="xxs">
                <span>{failure.message}</span>
                <Box variant="small" color="text-body-secondary">
                  {toAwsError(error).name}: {toAwsError(error).message}
                </Box>
              </SpaceBetween>
            </Alert>
          ) : null}
        </SpaceBetween>
      </form>
    </Modal>
  );
}

/**
 * "Delete" for one mapping: opens {@link DeleteMappingModal} and calls `DeleteEventSourceMapping`
 * (`useDeleteMapping`). Disabled, with the reason, while the mapping is transitional (Lambda would
 * answer ResourceInUseException), and for a read-only guest (`useWriteAccess`). Progress (then
 * "Mapping <UUID> deleted" once Lambda no longer knows it) and the outcome are notified under `delete-<UUID>`;
 * the mapping then shows as Deleting and is followed until Lambda no longer knows it.
 * @param props.mapping the mapping as last read; absent disables the button ("Select a mapping").
 */
export function DeleteMappingButton({
  mapping,
}: {
  mapping: EventSourceMappingConfiguration | undefined;
}) {
  const mutation = useDeleteMapping();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const uuid = mapping?.UUID;
  const state = mapping?.State;
  const transitional = isTransitionalState(state);
  const access = useWriteAccess();

  const run = () => {
    if (!uuid) return;
    const id = `delete-${uuid}`;
    mutation.mutate(
      { UUID: uuid },
      {
        onSuccess: (result) => {
          setOpen(false);
          const header = `Delete requested for mapping ${uuid}`;
          notificationStore.show({
            id,
            type: 'in-progress',
            header,
            content: `State is now ${result.State ?? 'unknown'}; the console follows it until Lambda has removed it.`,
          });
          followUntilSettled(queryClient, uuid, (outcome) => {
            const current = notificationStore.getSnapshot().find((n) => n.id === id);
            if (current?.header !== header) return;
            notificationStore.show(
              outcome.kind === 'deleted'
                ? { id, type: 'success', header: `Mapping ${uuid} deleted` }
                : {
                    id,
                    type: 'warning',
                    header,
                    content: `Lambda did not remove the mapping: State is now ${outcome.mapping.State ?? 'unknown'}.`,
                  },
            );
          });
        },
      },
    );
  };

  return (
    <>
      <Button
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
        disabled={!access.allowed || !uuid || transitional}
        disabledReason={
          !access.allowed
            ? access.reason
            : !uuid
              ? 'Select a mapping first.'
              : transitional
                ? `The mapping is ${state}. Wait until it is Enabled or Disabled.`
                : undefined
        }
      >
        Delete
      </Button>
      {mapping && open ? (
        <DeleteMappingModal
          mapping={mapping}
          visible={open}
          deleting={mutation.isPending}
          error={mutation.error ?? undefined}
          onDismiss={() => setOpen(false)}
          onConfirm={run}
        />
      ) : null}
    </>
  );
}
