import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { WriteAccess } from '../../../../lib/write-access.ts';
import ButtonDropdown, {
  type ButtonDropdownProps,
} from '@cloudscape-design/components/button-dropdown';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { BULK_MAX_MAPPINGS, targetStateOf, type BulkAction } from '../bulk-operation.ts';
import {
  bulkOperationsStore,
  isAnyOperationRunning,
  useBulkOperations,
  type BulkOperationsStore,
} from '../bulk-operations-store.ts';
import { LazyLoadErrorModal, LazyLoadingModal } from '../../../../components/lazy-load-error.tsx';
import { lazyExport, preloadLazyExport, useLazyExportState } from '../../../../lib/lazy-export.ts';
import { preloadBulkOperationPanel } from './lazy-bulk-operation-panel.tsx';

/**
 * The confirmation modals, not part of the list's first load: downloaded once mappings are selected
 * (with the progress panel, which imports them), so the one chosen opens at once.
 */
/**
 * Milliseconds after mappings are first selected before the confirmation dialogs' and the
 * progress panel's code is fetched: after the selection's own frame, well before a user has opened
 * Actions and chosen one (a faster user sees the dialog's Loading state).
 */
export const BULK_PARTS_PRELOAD_DELAY_MS = 400;

const CONFIRM_MODALS = lazyExport(
  () => import('./bulk-confirm-modals.tsx'),
  (module) => module,
);

/** Props of {@link BulkActions}. */
export interface BulkActionsProps {
  /** The selected mappings, as the list last read them. */
  selected: readonly EventSourceMappingConfiguration[];
  /** From `useWriteAccess()`: a read-only guest gets the actions disabled with the reason. */
  writeAccess: WriteAccess;
  /** Called once an operation has started (e.g. to clear the selection). */
  onStarted?: () => void;
  /**
   * Why the selection may not be all the user means, shown as a warning in the confirmation
   * (e.g. "Not every mapping is loaded yet", "The orphan check is still running").
   */
  caveat?: string;
  /** Defaults to the app's store (tests pass their own). */
  store?: BulkOperationsStore;
}

/** Each action's menu item. */
const ACTION_TEXT: Record<BulkAction, string> = {
  enable: 'Enable',
  disable: 'Disable',
  delete: 'Delete',
};

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
  caveat,
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

  const hasSelection = selected.length > 0;
  useEffect(() => {
    if (!hasSelection) return undefined;
    // Not in the click that selected: evaluating the chunks there made that click's frame late.
    const timer = setTimeout(() => {
      preloadLazyExport(CONFIRM_MODALS);
      preloadBulkOperationPanel();
    }, BULK_PARTS_PRELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [hasSelection]);
  const modals = useLazyExportState(CONFIRM_MODALS, confirming !== undefined, confirming);
  const { ConfirmBulkDeleteModal, ConfirmSetEnabledModal } = modals.value ?? {};
  return (
    <>
      <ButtonDropdown
        items={[
          item('enable', ACTION_TEXT.enable),
          item('disable', ACTION_TEXT.disable),
          item('delete', ACTION_TEXT.delete),
        ]}
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
      {!ConfirmBulkDeleteModal || !ConfirmSetEnabledModal ? (
        confirming && modals.failed ? (
          <LazyLoadErrorModal
            header={ACTION_TEXT[confirming.action]}
            error={modals.error}
            onRetry={modals.retry}
            onDismiss={() => setConfirming(undefined)}
          />
        ) : confirming ? (
          <LazyLoadingModal
            header={ACTION_TEXT[confirming.action]}
            onDismiss={() => setConfirming(undefined)}
          />
        ) : null
      ) : confirming?.action === 'delete' ? (
        <ConfirmBulkDeleteModal
          mappings={confirming.mappings}
          {...(caveat ? { caveat } : {})}
          onDismiss={() => setConfirming(undefined)}
          onConfirm={() => start('delete', confirming.mappings)}
        />
      ) : confirming ? (
        <ConfirmSetEnabledModal
          action={confirming.action === 'enable' ? 'enable' : 'disable'}
          mappings={confirming.mappings}
          {...(caveat ? { caveat } : {})}
          onDismiss={() => setConfirming(undefined)}
          onConfirm={() => start(confirming.action, confirming.mappings)}
        />
      ) : null}
    </>
  );
}
