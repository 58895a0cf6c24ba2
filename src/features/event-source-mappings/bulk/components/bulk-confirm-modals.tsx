import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ConfirmFooter } from '../../../../components/confirm-footer.tsx';
import { losesStreamPosition } from '../../components/delete-mapping-modal.tsx';
import { describeEventSource } from '../../event-source.ts';
import { parseFunctionArn } from '../../function-arn.ts';
import { STUCK_AFTER_MS } from '../../mapping-health.ts';
import { isTransitionalState } from '../../mapping-state.ts';
import { isLeftAloneAsStuck, mappingCount, targetStateOf } from '../bulk-operation.ts';
import { downloadMappingsJson } from '../download.ts';

/**
 * The words to type before a bulk delete: `delete <count>` (e.g. `delete 50`). Deleting many
 * mappings always asks for it; a single queue mapping does not (`DeleteMappingModal`).
 * @param count how many mappings are deleted.
 */
export function bulkDeleteConfirmation(count: number): string {
  return `delete ${count}`;
}

/** Mappings a confirmation names one by one; the rest are counted. */
export const CONFIRM_PREVIEW_COUNT = 5;

/**
 * The first {@link CONFIRM_PREVIEW_COUNT} mappings an action is about to change, each as its
 * function (with qualifier), its source (type and name, `describeEventSource`) and State, then
 * "and N more": so that the dialog says which mappings, not only how many.
 * @param props.mappings the mappings, in the list's order.
 */
function MappingsPreview({ mappings }: { mappings: readonly EventSourceMappingConfiguration[] }) {
  if (mappings.length === 0) return null;
  const rest = mappings.length - CONFIRM_PREVIEW_COUNT;
  return (
    <Box variant="div">
      <ul aria-label="Mappings">
        {mappings.slice(0, CONFIRM_PREVIEW_COUNT).map((m, index) => {
          const fn = parseFunctionArn(m.FunctionArn ?? '');
          const source = describeEventSource(m);
          return (
            <li key={m.UUID ?? index}>
              <Box variant="span" fontWeight="bold">
                {fn.name}
                {fn.qualifier ? `:${fn.qualifier}` : ''}
              </Box>{' '}
              ← {source.type} {source.resourceName}{' '}
              <Box variant="span" color="text-body-secondary">
                ({m.State ?? 'unknown State'}, {m.UUID})
              </Box>
            </li>
          );
        })}
      </ul>
      {rest > 0 ? (
        <Box variant="p" color="text-body-secondary">
          and {rest.toLocaleString('en-US')} more.
        </Box>
      ) : null}
    </Box>
  );
}

/** Props of {@link ConfirmSetEnabledModal}. */
export interface ConfirmSetEnabledModalProps {
  action: 'enable' | 'disable';
  /** The mappings the action is for, as last read. */
  mappings: readonly EventSourceMappingConfiguration[];
  /** True when this restores the States from before the last operation (Undo). */
  undo?: boolean;
  /** Why the selection may not be all the user means (a warning at the top), if anything. */
  caveat?: string;
  onDismiss: () => void;
  onConfirm: () => void;
}

const STUCK_MINUTES = STUCK_AFTER_MS / 60_000;

/**
 * How many of the mappings a bulk operation leaves as they are because they are stuck
 * (`isLeftAloneAsStuck`); nothing when none is.
 */
function StuckNote({ stuck }: { stuck: number }) {
  if (stuck === 0) return null;
  return (
    <Box variant="p" color="text-body-secondary">
      {stuck === 1
        ? `1 mapping is stuck (changing State for more than ${STUCK_MINUTES} minutes) and is left as it is: Lambda refuses changes until it settles.`
        : `${stuck.toLocaleString('en-US')} mappings are stuck (changing State for more than ${STUCK_MINUTES} minutes) and are left as they are: Lambda refuses changes until they settle.`}
    </Box>
  );
}

/**
 * "Disable 50 mappings?" before a bulk enable/disable: says what changes (disabled mappings stop
 * polling their sources until enabled), which mappings (the first few by name, `MappingsPreview`),
 * how many are left alone because they already are in that State, and that transitional ones are
 * waited for first.
 */
export function ConfirmSetEnabledModal({
  action,
  mappings,
  undo = false,
  caveat,
  onDismiss,
  onConfirm,
}: ConfirmSetEnabledModalProps) {
  const target = targetStateOf(action);
  const already = mappings.filter((m) => m.State === target).length;
  const [now] = useState(Date.now);
  const stuck = mappings.filter((m) => isLeftAloneAsStuck(m, now)).length;
  const transitional = mappings.filter((m) => isTransitionalState(m.State)).length - stuck;
  // Stuck ones are transitional, so never already in the target State: left out of both counts.
  const changing = mappings.length - already - stuck;
  const verb = action === 'enable' ? 'Enable' : 'Disable';
  const one = changing === 1;
  const effect =
    action === 'disable'
      ? one
        ? 'It stops polling its source until enabled.'
        : 'They stop polling their sources until enabled.'
      : one
        ? 'It resumes polling its source.'
        : 'They resume polling their sources.';
  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={
        undo ? `Undo: ${action} ${mappingCount(changing)}?` : `${verb} ${mappingCount(changing)}?`
      }
      footer={
        <ConfirmFooter
          confirmText={undo ? `Undo: ${action}` : verb}
          onDismiss={onDismiss}
          onConfirm={onConfirm}
        />
      }
    >
      <SpaceBetween size="s">
        {caveat ? <Alert type="warning">{caveat}</Alert> : null}
        {undo ? (
          <Box variant="p">
            Each mapping the last operation changed goes back to the State it had before: {target}.
          </Box>
        ) : null}
        <Box variant="p">{effect}</Box>
        <MappingsPreview
          mappings={mappings.filter((m) => m.State !== target && !isLeftAloneAsStuck(m, now))}
        />
        {already > 0 ? (
          <Box variant="p" color="text-body-secondary">
            {already === 1
              ? `1 selected mapping is already ${target} and is left as it is.`
              : `${already.toLocaleString('en-US')} selected mappings are already ${target} and are left as they are.`}
          </Box>
        ) : null}
        <StuckNote stuck={stuck} />
        {transitional > 0 ? (
          <Box variant="p" color="text-body-secondary">
            {transitional === 1
              ? '1 mapping is changing State now; the console waits until it is Enabled or Disabled, then decides.'
              : `${transitional.toLocaleString('en-US')} mappings are changing State now; the console waits until each is Enabled or Disabled, then decides.`}
          </Box>
        ) : null}
      </SpaceBetween>
    </Modal>
  );
}

/** Props of {@link ConfirmBulkDeleteModal}. */
export interface ConfirmBulkDeleteModalProps {
  /** The mappings to delete, as last read (exactly what the JSON download holds). */
  mappings: readonly EventSourceMappingConfiguration[];
  /** Why the selection may not be all the user means (a warning at the top), if anything. */
  caveat?: string;
  onDismiss: () => void;
  onConfirm: () => void;
}

/**
 * "Delete 50 mappings?" before a bulk `DeleteEventSourceMapping`: first offers a JSON download of
 * exactly the mappings about to be deleted (`downloadMappingsJson`), names the first few
 * (`MappingsPreview`), says what is lost (stream sources lose their read position), and enables
 * Delete only once
 * {@link bulkDeleteConfirmation} is typed.
 */
export function ConfirmBulkDeleteModal({
  mappings,
  caveat,
  onDismiss,
  onConfirm,
}: ConfirmBulkDeleteModalProps) {
  const [typed, setTyped] = useState('');
  const [downloaded, setDownloaded] = useState<string>();
  const count = mappings.length;
  const expected = bulkDeleteConfirmation(count);
  const confirmed = typed.trim().toLowerCase() === expected;
  const streams = mappings.filter(losesStreamPosition).length;
  const [now] = useState(Date.now);
  const stuck = mappings.filter((m) => isLeftAloneAsStuck(m, now)).length;
  const transitional = mappings.filter((m) => isTransitionalState(m.State)).length - stuck;
  const disabledReason = confirmed ? undefined : `Type “${expected}” to delete the mappings.`;
  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={`Delete ${mappingCount(count)}?`}
      footer={
        <ConfirmFooter
          confirmText="Delete"
          onDismiss={onDismiss}
          onConfirm={onConfirm}
          {...(disabledReason ? { disabledReason } : {})}
        />
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed) onConfirm();
        }}
      >
        <SpaceBetween size="m">
          {caveat ? <Alert type="warning">{caveat}</Alert> : null}
          <Alert
            type="info"
            header="Keep a copy first"
            action={
              <Button
                iconName="download"
                onClick={() => setDownloaded(downloadMappingsJson(mappings))}
              >
                Download JSON
              </Button>
            }
          >
            {count === 1
              ? downloaded
                ? `Downloaded ${downloaded}: the mapping as Lambda returned it.`
                : 'Download this mapping as JSON (every member Lambda returned, in the AWS CLI’s format), to recreate it later if needed.'
              : downloaded
                ? `Downloaded ${downloaded}: the ${mappingCount(count)} as Lambda returned them.`
                : `Download the ${mappingCount(count)} as JSON (every member Lambda returned, in the AWS CLI’s format), to recreate them later if needed.`}
          </Alert>
          <Box variant="p">
            {count === 1
              ? 'Lambda stops reading the source and removes this mapping. The function and the source are not changed.'
              : `Lambda stops reading the sources and removes these ${mappingCount(count)}. The functions and the sources are not changed.`}{' '}
            This cannot be undone.
          </Box>
          {streams > 0 ? (
            <Alert type="warning" header="Read positions are lost">
              {streams === count
                ? count === 1
                  ? 'This mapping reads'
                  : 'All of them read'
                : `${streams.toLocaleString('en-US')} of them read`}{' '}
              a stream. Lambda keeps each stream mapping’s position in its source. A new mapping
              starts again from its StartingPosition, so records are processed again or skipped.
            </Alert>
          ) : null}
          <FormField label={`To confirm, type “${expected}”`}>
            <Input
              value={typed}
              onChange={({ detail }) => setTyped(detail.value)}
              placeholder={expected}
              ariaRequired
              autoComplete={false}
            />
          </FormField>
          <MappingsPreview mappings={mappings} />
          <StuckNote stuck={stuck} />
          {transitional > 0 ? (
            <Box variant="p" color="text-body-secondary">
              {transitional.toLocaleString('en-US')} of them are changing State now; the console
              waits until each is Enabled or Disabled before deleting it.
            </Box>
          ) : null}
        </SpaceBetween>
      </form>
    </Modal>
  );
}
