import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import { ConfirmFooter } from '../../../../components/confirm-footer.tsx';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import Pagination from '@cloudscape-design/components/pagination';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { useEffect, useRef, useState } from 'react';
import { parseFunctionArn } from '../../function-arn.ts';
import {
  describeProgress,
  mappingCount,
  undoPlanOf,
  type BulkItem,
  type BulkOperationSnapshot,
  type BulkOutcome,
} from '../bulk-operation.ts';
import {
  bulkOperationsStore,
  latestOperation,
  useBulkOperations,
  type BulkOperationsStore,
} from '../bulk-operations-store.ts';
import type { WriteAccess } from '../../../../lib/write-access.ts';
import { ConfirmSetEnabledModal } from './bulk-confirm-modals.tsx';

/** Rows per page of the outcome table (an operation can hold 10,000 mappings). */
export const OUTCOME_PAGE_SIZE = 50;

/** Props of {@link BulkOperationPanel}. */
export interface BulkOperationPanelProps {
  /** Show the newest operation touching this region (default: the newest of any region). */
  region?: string;
  /** From `useWriteAccess()`; Retry failed and Undo are disabled with the reason when not allowed. */
  writeAccess?: WriteAccess;
  /** Defaults to the app's store (tests pass their own). */
  store?: BulkOperationsStore;
}

type OutcomeFilter = 'all' | 'failed' | 'skipped' | 'active' | 'done';

function filterOf(outcome: BulkOutcome): Exclude<OutcomeFilter, 'all'> {
  switch (outcome.kind) {
    case 'pending':
    case 'calling':
    case 'transitioning':
      return 'active';
    default:
      return outcome.kind;
  }
}

/** What the outcome column says, with its status-indicator type. */
function describeOutcome(outcome: BulkOutcome): { type: StatusIndicatorProps.Type; text: string } {
  switch (outcome.kind) {
    case 'pending':
      return { type: 'pending', text: 'Pending' };
    case 'calling':
      return {
        type: 'in-progress',
        text:
          outcome.throttled > 0
            ? `Calling Lambda (throttled ${outcome.throttled}×, retrying)`
            : 'Calling Lambda',
      };
    case 'transitioning':
      return {
        type: 'in-progress',
        text: outcome.beforeCall
          ? `Waiting: ${outcome.State ?? 'in use'}, changed once it settles`
          : (outcome.State ?? 'In use'),
      };
    case 'done':
      return { type: 'success', text: outcome.State };
    case 'failed':
      return { type: 'error', text: `Failed: ${outcome.reason}` };
    case 'skipped':
      return { type: 'stopped', text: `Skipped: ${outcome.reason}` };
  }
}

const columns: TableProps.ColumnDefinition<BulkItem>[] = [
  { id: 'UUID', header: 'UUID', cell: (item) => item.UUID, isRowHeader: true, width: 250 },
  {
    id: 'Function',
    header: 'Function',
    cell: (item) => {
      if (!item.FunctionArn) return '-';
      const { name, qualifier } = parseFunctionArn(item.FunctionArn);
      return <span title={item.FunctionArn}>{qualifier ? `${name}:${qualifier}` : name}</span>;
    },
  },
  {
    id: 'outcome',
    header: 'Outcome',
    cell: (item) => {
      const { type, text } = describeOutcome(item.outcome);
      return <StatusIndicator type={type}>{text}</StatusIndicator>;
    },
  },
  {
    id: 'error',
    header: 'AWS error',
    cell: (item) =>
      item.outcome.kind === 'failed' && item.outcome.error
        ? `${item.outcome.error.name}: ${item.outcome.error.message}`
        : '-',
  },
];

/** The per-mapping outcomes, filtered by outcome and paged ({@link OUTCOME_PAGE_SIZE} per page). */
function OutcomeTable({ operation }: { operation: BulkOperationSnapshot }) {
  const [filter, setFilter] = useState<OutcomeFilter>('all');
  const { counts } = operation;
  const { items, collectionProps, paginationProps, actions } = useCollection(operation.items, {
    filtering: {
      filteringFunction: (item, text) =>
        text === 'all' || text === '' || filterOf(item.outcome) === text,
    },
    pagination: { pageSize: OUTCOME_PAGE_SIZE },
  });
  const options: { id: OutcomeFilter; text: string }[] = [
    { id: 'all', text: `All (${operation.total})` },
    { id: 'failed', text: `Failed (${counts.failed})` },
    { id: 'skipped', text: `Skipped (${counts.skipped})` },
    {
      id: 'active',
      text: `In progress (${counts.pending + counts.calling + counts.transitioning})`,
    },
    { id: 'done', text: `Succeeded (${counts.done})` },
  ];
  return (
    <Table
      {...collectionProps}
      variant="embedded"
      columnDefinitions={columns}
      items={items}
      trackBy="UUID"
      ariaLabels={{ tableLabel: 'Mappings of the bulk operation' }}
      empty={<Box textAlign="center">No mappings with this outcome.</Box>}
      filter={
        <SegmentedControl
          label="Show"
          selectedId={filter}
          options={options}
          onChange={({ detail }) => {
            const id = detail.selectedId as OutcomeFilter;
            setFilter(id);
            actions.setFiltering(id);
          }}
        />
      }
      pagination={<Pagination {...paginationProps} />}
    />
  );
}

/**
 * The current (or last) bulk operation, for above the mappings table: a progress bar ("Disabling
 * 50 mappings: 32 of 50 done", in a `role="status"` live region), counts per outcome, Cancel while
 * it runs, and when it has finished Retry failed (only the failures), Undo (enable/disable: back
 * to the States from before) and Dismiss. An expandable, paged table lists every mapping's
 * outcome with AWS's error. Renders nothing when there is no operation.
 */
export function BulkOperationPanel({
  region,
  writeAccess = { allowed: true },
  store = bulkOperationsStore,
}: BulkOperationPanelProps) {
  const operation = latestOperation(useBulkOperations(store), region);
  const [confirm, setConfirm] = useState<'undo' | 'retry-delete'>();
  const [expanded, setExpanded] = useState(false);
  // A new operation is brought into view: started from far down the list, its progress and Undo
  // were above the top of the window, with nothing on screen to say it had started.
  const panel = useRef<HTMLDivElement>(null);
  const operationId = operation?.id;
  useEffect(() => {
    if (operationId !== undefined) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [operationId]);
  if (!operation) return null;

  const text = describeProgress(operation);
  const finished = operation.status === 'finished';
  const plan = undoPlanOf(operation);
  const { counts } = operation;
  const value = operation.total === 0 ? 100 : (operation.finished / operation.total) * 100;
  const writeReason = writeAccess.allowed ? undefined : writeAccess.reason;
  const paused =
    operation.pausedUntil !== undefined
      ? ` Lambda is throttling: waiting, then ${operation.concurrency} at a time.`
      : '';

  const retry = () => {
    setConfirm(undefined);
    store.retryFailed(operation.id);
  };

  const actions = finished ? (
    <SpaceBetween direction="horizontal" size="xs">
      {counts.failed > 0 ? (
        <Button
          onClick={() => (operation.action === 'delete' ? setConfirm('retry-delete') : retry())}
          disabled={writeReason !== undefined}
          {...(writeReason ? { disabledReason: writeReason } : {})}
        >
          Retry failed
        </Button>
      ) : null}
      {plan ? (
        <Button
          onClick={() => setConfirm('undo')}
          disabled={writeReason !== undefined}
          {...(writeReason ? { disabledReason: writeReason } : {})}
        >
          Undo
        </Button>
      ) : null}
      <Button onClick={() => store.dismiss(operation.id)}>Dismiss</Button>
    </SpaceBetween>
  ) : (
    <Button
      onClick={() => store.cancel(operation.id)}
      loading={operation.status === 'cancelling'}
      loadingText="Cancelling"
    >
      Cancel
    </Button>
  );

  return (
    <div ref={panel}>
      <Container
        header={
          <Header
            variant="h2"
            actions={actions}
            description="Each mapping is followed until Lambda reports its end state."
          >
            {text.title}
          </Header>
        }
      >
        <SpaceBetween size="m">
          <ProgressBar
            value={value}
            label="Progress"
            description={<span role="status">{text.progress}</span>}
            {...(finished
              ? {
                  status: counts.failed > 0 ? 'error' : 'success',
                  resultText: text.counts,
                }
              : { additionalInfo: `${text.counts}.${paused}` })}
          />
          <ExpandableSection
            headerText={`Mappings (${operation.total.toLocaleString('en-US')})`}
            expanded={expanded}
            onChange={({ detail }) => setExpanded(detail.expanded)}
          >
            {expanded ? <OutcomeTable operation={operation} /> : null}
          </ExpandableSection>
        </SpaceBetween>
        {confirm === 'undo' && plan ? (
          <ConfirmSetEnabledModal
            action={plan.action}
            mappings={plan.mappings}
            undo
            onDismiss={() => setConfirm(undefined)}
            onConfirm={() => {
              setConfirm(undefined);
              store.undo(operation.id);
            }}
          />
        ) : null}
        {confirm === 'retry-delete' ? (
          <Modal
            visible
            onDismiss={() => setConfirm(undefined)}
            header={`Retry deleting ${mappingCount(counts.failed)}?`}
            footer={
              <ConfirmFooter
                confirmText="Delete"
                onDismiss={() => setConfirm(undefined)}
                onConfirm={retry}
              />
            }
          >
            Lambda removes the mappings whose delete failed. This cannot be undone.
          </Modal>
        ) : null}
      </Container>
    </div>
  );
}
