import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { WriteAccess } from '../../../../lib/write-access.ts';
import ButtonDropdown, {
  type ButtonDropdownProps,
} from '@cloudscape-design/components/button-dropdown';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BULK_MAX_MAPPINGS, targetStateOf, type BulkAction } from '../bulk-operation.ts';
import {
  bulkOperationsStore,
  isAnyOperationRunning,
  useBulkOperations,
  type BulkOperationsStore,
} from '../bulk-operations-store.ts';
import { lazyExport, useLazyExport } from '../../../../lib/lazy-export.ts';

/** The confirmation modals, downloaded with the first action chosen (not on the list's first load). */
const CONFIRM_MODALS = lazyExport(() =>
  import('./bulk-confirm-modals.tsx').then((module) => ({ default: module })),
);

/** Props of {@link BulkActions}. */
export interface BulkActionsProps {
  /** The selected mappings, as the list last read them. */
  selected: readonly EventSourceMappingConfiguration[];
  /** From `useWriteAccess()`: a read-only guest gets the actions disabled with the reason. */
  writeAccess: WriteAccess;
  /** Called once an operation has started (e.g. to clear the selection). */
  onStarted?: () => void;
  /** Defaults to the app's store (tests pass their own). */
  store?: BulkOperationsStore;
}

/** Why an action cannot run on the selection, or undefined when it can. */
function actionDisabledReason(
  action: BulkAction,
  selected: readonly EventSourceMappingConfiguration[],
): string | undefined {
  const target = targetStateOf(action);
  if (target && selected.every((m) => m.State === target)) {
    return selected.length === 1
      ? `The selected mapping is already ${target}.`
      : `All selected mappings are already ${target}.`;
  }
  return undefined;
}

/**
 * "Actions" for the list's selection (the Cloudscape table-header pattern: one dropdown next to
 * the single-mapping buttons): Enable, Disable and Delete over every selected mapping, run by the
 * bulk-operation store and shown by `BulkOperationPanel`. Enable/Disable ask for confirmation
 * naming how many mappings change; Delete offers a JSON download of exactly those mappings and
 * needs `delete <count>` typed. Disabled, with the reason, when nothing is selected, writes are not
 * allowed, more than 10,000 mappings are selected, or another bulk operation is still running.
 */
export function BulkActions({
  selected,
  writeAccess,
  onStarted,
  store = bulkOperationsStore,
}: BulkActionsProps) {
  const queryClient = useQueryClient();
  const running = isAnyOperationRunning(useBulkOperations(store));
  const [confirming, setConfirming] = useState<{
    action: BulkAction;
    mappings: readonly EventSourceMappingConfiguration[];
  }>();

  const disabledReason = !writeAccess.allowed
    ? writeAccess.reason
    : selected.length === 0
      ? 'Select one or more mappings first.'
      : selected.length > BULK_MAX_MAPPINGS
        ? `Select at most ${BULK_MAX_MAPPINGS.toLocaleString('en-US')} mappings.`
        : running
          ? 'Wait until the current bulk operation finishes, or cancel it.'
          : undefined;

  const item = (id: BulkAction, text: string): ButtonDropdownProps.Item => {
    const reason = actionDisabledReason(id, selected);
    return { id, text, ...(reason ? { disabled: true, disabledReason: reason } : {}) };
  };

  const start = (action: BulkAction, mappings: readonly EventSourceMappingConfiguration[]) => {
    setConfirming(undefined);
    store.start({ action, mappings, queryClient });
    onStarted?.();
  };

  const modals = useLazyExport(CONFIRM_MODALS, confirming !== undefined, confirming);
  const { ConfirmBulkDeleteModal, ConfirmSetEnabledModal } = modals ?? {};
  return (
    <>
      <ButtonDropdown
        items={[item('enable', 'Enable'), item('disable', 'Disable'), item('delete', 'Delete')]}
        disabled={disabledReason !== undefined}
        {...(disabledReason ? { disabledReason } : {})}
        onItemClick={({ detail }) => {
          const action = detail.id as BulkAction;
          // The selection as it is now; the modal keeps it even if the list changes meanwhile.
          setConfirming({ action, mappings: [...selected] });
        }}
      >
        Actions
      </ButtonDropdown>
      {!ConfirmBulkDeleteModal || !ConfirmSetEnabledModal ? null : confirming?.action ===
        'delete' ? (
        <ConfirmBulkDeleteModal
          mappings={confirming.mappings}
          onDismiss={() => setConfirming(undefined)}
          onConfirm={() => start('delete', confirming.mappings)}
        />
      ) : confirming ? (
        <ConfirmSetEnabledModal
          action={confirming.action === 'enable' ? 'enable' : 'disable'}
          mappings={confirming.mappings}
          onDismiss={() => setConfirming(undefined)}
          onConfirm={() => start(confirming.action, confirming.mappings)}
        />
      ) : null}
    </>
  );
}
