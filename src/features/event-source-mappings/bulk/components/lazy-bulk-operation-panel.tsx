import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { LazyLoadErrorAlert } from '../../../../components/lazy-load-error.tsx';
import { lazyExport, preloadLazyExport, useLazyExportState } from '../../../../lib/lazy-export.ts';
import {
  bulkOperationsStore,
  latestOperation,
  useBulkOperations,
} from '../bulk-operations-store.ts';
import { describeProgress } from '../bulk-operation.ts';
import type { BulkOperationPanelProps } from './bulk-operation-panel.tsx';

const BULK_OPERATION_PANEL = lazyExport(
  () => import('./bulk-operation-panel.tsx'),
  (module) => module.BulkOperationPanel,
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
 * renders nothing. Rendered by a state update once loaded. Until then the operation's progress
 * sentence is shown ("Disabling 2 mappings: 0 of 2 done"): it runs whether or not the panel's
 * code has arrived; a failed download adds an alert with Retry, and Cancel while it runs.
 */
export function LazyBulkOperationPanel(props: BulkOperationPanelProps) {
  const store = props.store ?? bulkOperationsStore;
  const operation = latestOperation(useBulkOperations(store), props.region);
  const panel = useLazyExportState(BULK_OPERATION_PANEL, operation !== undefined);
  if (!operation) return null;
  const Panel = panel.value;
  // The component is the module's export, the same on every render (loaded once).
  if (Panel) return <Panel {...props} />;
  const { progress } = describeProgress(operation);
  const running = operation.status === 'running';
  return (
    <SpaceBetween size="xs">
      <Box>
        <StatusIndicator type={running ? 'loading' : 'info'}>
          <span role="status">{progress}</span>
        </StatusIndicator>{' '}
        {panel.failed && running ? (
          <Button variant="inline-link" onClick={() => store.cancel(operation.id)}>
            Cancel
          </Button>
        ) : null}
      </Box>
      {panel.failed ? (
        <LazyLoadErrorAlert
          header="Could not download the bulk operation’s progress table"
          error={panel.error}
          onRetry={panel.retry}
        />
      ) : null}
    </SpaceBetween>
  );
}
