import { LazyLoadErrorAlert } from '../../../../components/lazy-load-error.tsx';
import { lazyExport, preloadLazyExport, useLazyExportState } from '../../../../lib/lazy-export.ts';
import {
  bulkOperationsStore,
  latestOperation,
  useBulkOperations,
} from '../bulk-operations-store.ts';
import type { BulkOperationPanelProps } from './bulk-operation-panel.tsx';

const BULK_OPERATION_PANEL = lazyExport(() =>
  import('./bulk-operation-panel.tsx').then((module) => ({ default: module.BulkOperationPanel })),
);

/**
 * Starts downloading {@link LazyBulkOperationPanel}'s code (with the confirmation dialogs it
 * imports), e.g. once mappings are selected: an operation can only start from those dialogs, so
 * the panel is there by the time the first one starts.
 */
export function preloadBulkOperationPanel(): void {
  preloadLazyExport(BULK_OPERATION_PANEL);
}

/**
 * {@link BulkOperationPanelProps | BulkOperationPanel}, downloaded when there is an operation to
 * show (or earlier with {@link preloadBulkOperationPanel}): the panel, its outcome table and the
 * confirmation dialogs stay out of the list's first load, where the store is empty and the panel
 * renders nothing. Rendered by a state update once loaded; a failed download shows an alert with
 * Retry where the panel would be.
 */
export function LazyBulkOperationPanel(props: BulkOperationPanelProps) {
  const operation = latestOperation(
    useBulkOperations(props.store ?? bulkOperationsStore),
    props.region,
  );
  const panel = useLazyExportState(BULK_OPERATION_PANEL, operation !== undefined);
  if (!operation) return null;
  const Panel = panel.value;
  // The component is the module's export, the same on every render (loaded once).
  if (Panel) return <Panel {...props} />;
  return panel.failed ? (
    <LazyLoadErrorAlert
      header="Could not download the bulk operation’s progress"
      error={panel.error}
      onRetry={panel.retry}
    />
  ) : null;
}
