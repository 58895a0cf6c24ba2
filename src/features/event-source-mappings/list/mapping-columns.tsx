import Box from '@cloudscape-design/components/box';
import type { TableProps } from '@cloudscape-design/components/table';
import { RouterLink } from '../../../components/router-link.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { MappingHealthIndicator } from '../components/mapping-health-indicator.tsx';
import { MappingStateIndicator, ProcessingResultIndicator } from '../components/mapping-status.tsx';
import { HEALTH_LABELS, PROBLEM_CAUSE_LABELS } from '../mapping-health.ts';
import { collator, type MappingRow } from './mapping-rows.ts';

/** A column of the mappings table: Cloudscape's definition plus its plain text (CSV export). */
export interface MappingColumn extends TableProps.ColumnDefinition<MappingRow> {
  id: string;
  /** Header text (also the CSV header and the preferences' label). */
  label: string;
  /** The cell as plain text, e.g. for CSV. */
  text: (row: MappingRow) => string;
  /** Shown unless the user's preferences say otherwise. */
  visibleByDefault: boolean;
}

const byText =
  (field: (row: MappingRow) => string) =>
  (a: MappingRow, b: MappingRow): number =>
    collator.compare(field(a), field(b));

const byNumber =
  (field: (row: MappingRow) => number | undefined) =>
  (a: MappingRow, b: MappingRow): number =>
    (field(a) ?? -1) - (field(b) ?? -1);

/** The text of a cell that is one line, truncated with an ellipsis, whole in its tooltip. */
function Truncated({ text, secondary }: { text: string; secondary?: boolean }) {
  if (!text) return <>-</>;
  return (
    <span title={text}>
      <Box variant="span" color={secondary ? 'text-body-secondary' : 'inherit'}>
        {text}
      </Box>
    </span>
  );
}

/**
 * The mappings table's columns, in their default order. Widths are chosen so the default columns
 * fit a 1280 px window (about 1,230 px of table; the last column takes what is left) with one line per row: long values end in an
 * ellipsis and show whole in a tooltip (and wrap at spaces, ARN separators and hyphens when the
 * user turns on "Wrap lines").
 * @param options.regionLink adds `?region=<Region>` to detail links (all-regions view).
 */
export function mappingColumns(options: { regionLink: boolean }): MappingColumn[] {
  return [
    {
      id: 'UUID',
      label: 'UUID',
      header: 'UUID',
      text: (r) => r.UUID,
      cell: (r) =>
        r.UUID ? (
          <span title={r.UUID}>
            <RouterLink
              href={`/mappings/${encodeURIComponent(r.UUID)}${options.regionLink ? `?region=${encodeURIComponent(r.Region)}` : ''}`}
              ariaLabel={r.UUID}
              data-mapping-link={r.key}
            >
              {r.UUID}
            </RouterLink>
          </span>
        ) : (
          '-'
        ),
      isRowHeader: true,
      sortingComparator: byText((r) => r.UUID),
      width: 100,
      minWidth: 90,
      visibleByDefault: true,
    },
    {
      id: 'FunctionName',
      label: 'Function',
      header: 'Function',
      text: (r) => (r.Qualifier ? `${r.FunctionName}:${r.Qualifier}` : r.FunctionName),
      cell: (r) =>
        r.Qualifier ? (
          <span title={r.mapping.FunctionArn}>
            {r.FunctionName}
            <Box variant="span" color="text-body-secondary">
              :{r.Qualifier}
            </Box>
          </span>
        ) : (
          <span title={r.mapping.FunctionArn}>{r.FunctionName || '-'}</span>
        ),
      sortingComparator: byText((r) => `${r.FunctionName}:${r.Qualifier}`),
      width: 170,
      minWidth: 120,
      visibleByDefault: true,
    },
    {
      id: 'SourceName',
      label: 'Event source',
      header: 'Event source',
      text: (r) => r.SourceName,
      cell: (r) => (
        <span title={r.EventSourceArn || r.SourceName}>
          {r.SourceName}{' '}
          <Box variant="span" color="text-body-secondary" fontSize="body-s">
            {r.SourceType}
          </Box>
        </span>
      ),
      sortingComparator: byText((r) => r.SourceName),
      width: 166,
      minWidth: 120,
      visibleByDefault: true,
    },
    {
      id: 'SourceType',
      label: 'Source type',
      header: 'Source type',
      text: (r) => r.SourceType,
      cell: (r) => r.SourceType,
      sortingComparator: byText((r) => r.SourceType),
      width: 150,
      visibleByDefault: false,
    },
    {
      id: 'State',
      label: 'State',
      header: 'State',
      text: (r) => r.State,
      cell: (r) => <MappingStateIndicator state={r.State || undefined} />,
      sortingComparator: byText((r) => r.State),
      width: 124,
      visibleByDefault: true,
    },
    {
      id: 'Health',
      label: 'Health',
      header: 'Health',
      text: (r) =>
        r.health.cause
          ? `${HEALTH_LABELS[r.Health]} (${PROBLEM_CAUSE_LABELS[r.health.cause]})`
          : HEALTH_LABELS[r.Health],
      cell: (r) => <MappingHealthIndicator health={r.health} />,
      // Worst first when ascending: the order of HEALTH_CLASSES.
      sortingComparator: (a, b) => a.HealthRank - b.HealthRank,
      width: 182,
      visibleByDefault: true,
    },
    {
      id: 'BatchSize',
      label: 'BatchSize',
      header: 'BatchSize',
      text: (r) => (r.BatchSize === undefined ? '' : String(r.BatchSize)),
      cell: (r) => r.BatchSize ?? '-',
      sortingComparator: byNumber((r) => r.BatchSize),
      width: 118,
      visibleByDefault: true,
    },
    {
      id: 'LastProcessingResult',
      label: 'LastProcessingResult',
      header: 'LastProcessingResult',
      text: (r) => r.LastProcessingResult,
      cell: (r) => (
        <span title={r.LastProcessingResult || undefined}>
          <ProcessingResultIndicator result={r.LastProcessingResult || undefined} />
        </span>
      ),
      sortingComparator: byText((r) => r.LastProcessingResult),
      width: 188,
      minWidth: 120,
      visibleByDefault: true,
    },
    {
      id: 'StateTransitionReason',
      label: 'StateTransitionReason',
      header: 'StateTransitionReason',
      text: (r) => r.StateTransitionReason,
      cell: (r) => <Truncated text={r.StateTransitionReason} />,
      sortingComparator: byText((r) => r.StateTransitionReason),
      width: 140,
      minWidth: 110,
      visibleByDefault: true,
    },
    {
      id: 'LastModified',
      label: 'LastModified',
      header: 'LastModified',
      text: (r) => (r.LastModified ? new Date(r.LastModified).toISOString() : ''),
      cell: (r) => (r.LastModified ? formatDateTime(r.LastModified) : '-'),
      sortingComparator: byNumber((r) => r.LastModified),
      width: 200,
      visibleByDefault: false,
    },
    {
      id: 'Region',
      label: 'Region',
      header: 'Region',
      text: (r) => r.Region,
      cell: (r) => r.Region,
      sortingComparator: byText((r) => r.Region),
      width: 120,
      visibleByDefault: false,
    },
    {
      id: 'EventSourceArn',
      label: 'EventSourceArn',
      header: 'EventSourceArn',
      text: (r) => r.EventSourceArn,
      cell: (r) => <Truncated text={r.EventSourceArn} />,
      sortingComparator: byText((r) => r.EventSourceArn),
      width: 300,
      visibleByDefault: false,
    },
  ];
}

/** Ids of the columns the list can be sorted by (all of them), for reading a sort from a URL. */
export const SORTABLE_COLUMN_IDS: ReadonlySet<string> = new Set(
  mappingColumns({ regionLink: false }).map((c) => c.id),
);
