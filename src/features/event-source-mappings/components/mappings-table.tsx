import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import Box from '@cloudscape-design/components/box';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { describeEventSource } from '../event-source.ts';
import { parseFunctionArn } from '../function-arn.ts';
import { MappingStateIndicator, ProcessingResultIndicator } from './mapping-status.tsx';

function FunctionCell({ functionArn }: { functionArn: string | undefined }) {
  if (!functionArn) return <>-</>;
  const { name, qualifier } = parseFunctionArn(functionArn);
  return (
    <span title={functionArn}>
      <Box variant="span">{name}</Box>
      {qualifier ? (
        <Box variant="small" display="block" color="text-body-secondary">
          Qualifier: {qualifier}
        </Box>
      ) : null}
    </span>
  );
}

function EventSourceCell({ mapping }: { mapping: EventSourceMappingConfiguration }) {
  const { type, resourceName } = describeEventSource(mapping);
  return (
    <span title={mapping.EventSourceArn}>
      <Box variant="span">{resourceName}</Box>
      <Box variant="small" display="block" color="text-body-secondary">
        {type}
      </Box>
    </span>
  );
}

const columns: TableProps.ColumnDefinition<EventSourceMappingConfiguration>[] = [
  {
    id: 'UUID',
    header: 'UUID',
    cell: (m) =>
      m.UUID ? <RouterLink href={paths.mapping.getHref(m.UUID)}>{m.UUID}</RouterLink> : '-',
    isRowHeader: true,
    // The UUID wraps onto two lines; with the other widths the columns fit a 1440 px window
    // (content area ~1390 px) without a horizontal scrollbar.
    width: 250,
    minWidth: 200,
  },
  {
    id: 'Function',
    header: 'Function',
    cell: (m) => <FunctionCell functionArn={m.FunctionArn} />,
    width: 200,
    minWidth: 140,
  },
  {
    id: 'EventSource',
    header: 'Event source',
    cell: (m) => <EventSourceCell mapping={m} />,
    width: 225,
    minWidth: 160,
  },
  {
    id: 'State',
    header: 'State',
    cell: (m) => <MappingStateIndicator state={m.State} />,
    width: 125,
  },
  { id: 'BatchSize', header: 'BatchSize', cell: (m) => m.BatchSize ?? '-', width: 112 },
  {
    id: 'LastModified',
    header: 'LastModified',
    cell: (m) => formatDateTime(m.LastModified),
    width: 210,
  },
  {
    id: 'LastProcessingResult',
    header: 'LastProcessingResult',
    cell: (m) => <ProcessingResultIndicator result={m.LastProcessingResult} />,
    minWidth: 200,
  },
];

/** Props of {@link MappingsTable}. */
export interface MappingsTableProps {
  /** Rows loaded so far (all fetched pages, in order). */
  items: readonly EventSourceMappingConfiguration[];
  /** First page is loading: the table shows "Loading mappings". */
  loading: boolean;
  /** Table header (title, counter, actions, filters). */
  header: ReactNode;
  /** Shown when there are no rows and nothing is loading (empty or no-match state). */
  empty: ReactNode;
  /** Below the rows: "Load more", progress, page errors. */
  footer?: ReactNode;
  /** Filter controls, shown above the rows. */
  filter?: ReactNode;
  /** The selected mapping's UUID (single selection; the header's actions apply to it). */
  selectedUuid?: string;
  /** Called when the user selects a row; omitted = rows cannot be selected. */
  onSelect?: (uuid: string | undefined) => void;
}

/**
 * The mappings table: UUID (link to the detail page), Function (name and qualifier from
 * `FunctionArn`), Event source (resource name and type), State, BatchSize, LastModified and
 * LastProcessingResult. Presentational: paging, filtering and the actions on the selected row are
 * done by the caller.
 */
export function MappingsTable({
  items,
  loading,
  header,
  empty,
  footer,
  filter,
  selectedUuid,
  onSelect,
}: MappingsTableProps) {
  const selected = selectedUuid ? items.filter((m) => m.UUID === selectedUuid) : [];
  const selection: Partial<TableProps<EventSourceMappingConfiguration>> = onSelect
    ? {
        selectionType: 'single',
        selectedItems: selected,
        onSelectionChange: ({ detail }) => onSelect(detail.selectedItems[0]?.UUID),
        isItemDisabled: (m) => !m.UUID,
      }
    : {};
  return (
    <Table<EventSourceMappingConfiguration>
      {...selection}
      variant="full-page"
      stickyHeader
      columnDefinitions={columns}
      items={items as EventSourceMappingConfiguration[]}
      trackBy="UUID"
      loading={loading}
      loadingText="Loading mappings"
      empty={empty}
      header={header}
      filter={filter}
      footer={footer}
      wrapLines
      resizableColumns
      // When the table is wider than the window (narrow screens, widened columns), the selection
      // and UUID columns stay in view while scrolling sideways.
      stickyColumns={{ first: 1 }}
      ariaLabels={{
        tableLabel: 'Event source mappings',
        selectionGroupLabel: 'Mapping selection',
        itemSelectionLabel: (_selection, m) => `Select mapping ${m.UUID ?? ''}`,
      }}
    />
  );
}
