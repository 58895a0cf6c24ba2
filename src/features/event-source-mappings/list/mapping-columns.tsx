import Box from '@cloudscape-design/components/box';
import { createContext, Fragment, memo, useContext } from 'react';
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
  /** What the column sorts on; `sortingComparator` compares the same keys. */
  sortKey: MappingSortKey;
}

/**
 * A column's sort key: a text compared with {@link collator} (number-aware, case-insensitive), or
 * a number compared numerically.
 */
export type MappingSortKey =
  | { kind: 'text'; of: (row: MappingRow) => string }
  | { kind: 'number'; of: (row: MappingRow) => number };

const byText = (of: (row: MappingRow) => string): MappingSortKey => ({ kind: 'text', of });

const byNumber = (field: (row: MappingRow) => number | undefined): MappingSortKey => ({
  kind: 'number',
  of: (row) => field(row) ?? -1,
});

/** Cloudscape's comparator for a sort key (the Table names the sorted column by it). */
function comparatorOf(key: MappingSortKey): (a: MappingRow, b: MappingRow) => number {
  if (key.kind === 'text') {
    const { of } = key;
    return (a, b) => collator.compare(of(a), of(b));
  }
  const { of } = key;
  return (a, b) => of(a) - of(b);
}

/**
 * Each distinct text of a column's sort key, ranked in {@link collator} order (texts the collator
 * calls equal share a rank), per array of rows: built once, then every sort of those rows (or of a
 * filtered part of them) compares integers instead of calling the collator 130,000 times.
 */
const textRanks = new WeakMap<readonly MappingRow[], Map<string, Map<string, number>>>();

function ranksOf(
  universe: readonly MappingRow[],
  columnId: string,
  of: (row: MappingRow) => string,
): Map<string, number> {
  let byColumn = textRanks.get(universe);
  if (!byColumn) textRanks.set(universe, (byColumn = new Map()));
  const cached = byColumn.get(columnId);
  if (cached) return cached;
  const distinct = [...new Set(universe.map(of))].sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  distinct.forEach((text, i) => {
    if (i > 0 && collator.compare(distinct[i - 1] ?? '', text) !== 0) rank += 1;
    ranks.set(text, rank);
  });
  byColumn.set(columnId, ranks);
  return ranks;
}

/**
 * Sorts rows by a column: the same order as `rows.slice().sort()` with the column's
 * `sortingComparator` (times -1 when descending; a stable sort, so ties keep their order either
 * way), which is what collection-hooks' `processItems` does, but each row's key is read once and
 * texts are compared by their rank among `universe`'s texts (cached per `universe` array).
 * @param rows the rows to sort (not changed).
 * @param column the column sorted by.
 * @param descending largest (or last in collator order) first.
 * @param universe the rows `rows` were taken from (e.g. every loaded row, before filtering); its
 *   identity keys the rank cache.
 * @returns a new array.
 */
export function sortMappingRows(
  rows: readonly MappingRow[],
  column: Pick<MappingColumn, 'id' | 'sortKey'>,
  descending: boolean,
  universe: readonly MappingRow[] = rows,
): MappingRow[] {
  const key = column.sortKey;
  let keys: number[];
  if (key.kind === 'number') {
    // Numbers ranked among these rows' own (equal numbers share a rank).
    const values = rows.map(key.of);
    const distinct = Float64Array.from(new Set(values)).sort();
    const ranks = new Map<number, number>();
    distinct.forEach((value, i) => ranks.set(value, i));
    keys = values.map((v) => ranks.get(v) ?? 0);
  } else {
    const texts = rows.map(key.of);
    let ranks = ranksOf(universe, column.id, key.of);
    // A row from outside the universe: rank these rows themselves (never stale).
    if (texts.some((t) => !ranks.has(t))) ranks = ranksOf(rows, column.id, key.of);
    keys = texts.map((t) => ranks.get(t) ?? 0);
  }
  // Each row as rank × n + position in one Float64Array (exact below 2^53), sorted natively: by
  // rank, ties in their original order, as the stable comparator sort orders them either way.
  const n = rows.length;
  const top = keys.reduce((max, k) => Math.max(max, k), 0);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const rank = keys[i] ?? 0;
    packed[i] = (descending ? top - rank : rank) * n + i;
  }
  packed.sort();
  const sorted = new Array<MappingRow>(n);
  for (let k = 0; k < n; k += 1) sorted[k] = rows[(packed[k] ?? 0) % n] as MappingRow;
  return sorted;
}

// The cells are memoised components with plain-value props: selecting a row, or rows re-derived
// with the same values (a progress report, the function inventory), re-renders the table's rows
// but not the Cloudscape links, boxes and status indicators inside their cells.

/** The text of a cell that is one line, truncated with an ellipsis, whole in its tooltip. */
const Truncated = memo(function Truncated({ text }: { text: string }) {
  if (!text) return <>-</>;
  return (
    <span title={text}>
      <Breakable text={text} />
    </span>
  );
});

/** The UUID cell: a link to the mapping's detail page. */
const UuidCell = memo(function UuidCell({
  uuid,
  href,
  rowKey,
}: {
  uuid: string;
  href: string;
  rowKey: string;
}) {
  return (
    <span title={uuid}>
      <RouterLink href={href} ariaLabel={uuid} data-mapping-link={rowKey}>
        {uuid}
      </RouterLink>
    </span>
  );
});

/** The function cell: name, then `:qualifier` in the secondary colour; the ARN in its tooltip. */
const FunctionCell = memo(function FunctionCell({
  name,
  qualifier,
  functionArn,
}: {
  name: string;
  qualifier: string;
  functionArn: string | undefined;
}) {
  return qualifier ? (
    <span title={functionArn}>
      <Breakable text={name} />
      <Box variant="span" color="text-body-secondary">
        :{qualifier}
      </Box>
    </span>
  ) : (
    <span title={functionArn}>{name ? <Breakable text={name} /> : '-'}</span>
  );
});

/** The event source cell: resource name, then its kind, smaller; the ARN in its tooltip. */
const SourceCell = memo(function SourceCell({
  name,
  type,
  title,
}: {
  name: string;
  type: string;
  title: string;
}) {
  return (
    <span title={title}>
      <Breakable text={name} />{' '}
      <Box variant="span" color="text-body-secondary" fontSize="body-s">
        {type}
      </Box>
    </span>
  );
});

/**
 * The table's "Wrap lines" preference, for the cells whose status indicators must be told it: a
 * StatusIndicator in a one-line cell is cut mid-word unless it truncates itself (`wrapText`
 * false), while plain text gets the cell's own ellipsis. Provide it around the table.
 */
export const CellWrapLinesContext = createContext(false);

/** Characters after which a wrapped cell may break a name: `.`, `:`, `/`, `_`, `=`, `,`. */
const NAME_SEPARATOR = /([.:/_=,])/;

/**
 * A name or ARN that, with "Wrap lines" on, may break after its separators (`<wbr>`), as at its
 * spaces and hyphens: a broker list such as `b-1.kafka.prod.corp.example.net:9094` has no other
 * break opportunity and was cut anywhere (`cor|p`). Copied text is unchanged. One-line cells
 * render the text alone.
 */
const Breakable = memo(function Breakable({ text }: { text: string }) {
  const wrap = useContext(CellWrapLinesContext);
  if (!wrap || !NAME_SEPARATOR.test(text)) return <>{text}</>;
  return (
    <>
      {text.split(NAME_SEPARATOR).map((part, i) =>
        i % 2 === 1 ? (
          <Fragment key={i}>
            {part}
            <wbr />
          </Fragment>
        ) : (
          part
        ),
      )}
    </>
  );
});

/** The State cell. */
const StateCell = memo(function StateCell({ state }: { state: string | undefined }) {
  return <MappingStateIndicator state={state} wrapText={useContext(CellWrapLinesContext)} />;
});

/** The health cell; the same while the class, cause and summary are. */
const HealthCell = memo(
  function HealthCell({ health }: { health: MappingRow['health'] }) {
    return <MappingHealthIndicator health={health} wrapText={useContext(CellWrapLinesContext)} />;
  },
  (a, b) =>
    a.health === b.health ||
    (a.health.class === b.health.class &&
      a.health.cause === b.health.cause &&
      a.health.summary === b.health.summary),
);

/** The LastProcessingResult cell, whole in its tooltip. */
const ProcessingResultCell = memo(function ProcessingResultCell({ result }: { result: string }) {
  return (
    <span title={result || undefined}>
      <ProcessingResultIndicator
        result={result || undefined}
        wrapText={useContext(CellWrapLinesContext)}
      />
    </span>
  );
});

/**
 * The mappings table's columns, in their default order. Widths are chosen so the default columns
 * fit a 1280 px window (about 1,230 px of table; the last column takes what is left) with one line per row: long values end in an
 * ellipsis and show whole in a tooltip (and wrap at spaces, ARN separators and hyphens when the
 * user turns on "Wrap lines").
 * In a wider table the Function and Event source columns, the names a user reads first, and
 * Health share the room past 1,230 px with the last column ({@link GROWN_WIDTHS}).
 * @param options.regionLink adds `?region=<Region>` to detail links (all-regions view).
 * @param options.tableWidth the table's width in px when the list opens (its widths are set
 *   once, at mount: Cloudscape keeps them, and the user's resizing, from then on).
 */
export function mappingColumns(options: {
  regionLink: boolean;
  tableWidth?: number;
}): MappingColumn[] {
  const columns: Omit<MappingColumn, 'sortingComparator'>[] = [
    {
      id: 'UUID',
      label: 'UUID',
      header: 'UUID',
      text: (r) => r.UUID,
      cell: (r) =>
        r.UUID ? (
          <UuidCell
            uuid={r.UUID}
            href={`/mappings/${encodeURIComponent(r.UUID)}${options.regionLink ? `?region=${encodeURIComponent(r.Region)}` : ''}`}
            rowKey={r.key}
          />
        ) : (
          '-'
        ),
      isRowHeader: true,
      sortKey: byText((r) => r.UUID),
      width: 100,
      minWidth: 90,
      visibleByDefault: true,
    },
    {
      id: 'FunctionName',
      label: 'Function',
      header: 'Function',
      text: (r) => (r.Qualifier ? `${r.FunctionName}:${r.Qualifier}` : r.FunctionName),
      cell: (r) => (
        <FunctionCell
          name={r.FunctionName}
          qualifier={r.Qualifier}
          functionArn={r.mapping.FunctionArn}
        />
      ),
      sortKey: byText((r) => `${r.FunctionName}:${r.Qualifier}`),
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
        <SourceCell
          name={r.SourceName}
          type={r.SourceType}
          title={r.EventSourceArn || r.SourceName}
        />
      ),
      sortKey: byText((r) => r.SourceName),
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
      sortKey: byText((r) => r.SourceType),
      width: 150,
      visibleByDefault: false,
    },
    {
      id: 'State',
      label: 'State',
      header: 'State',
      text: (r) => r.State,
      cell: (r) => <StateCell state={r.State || undefined} />,
      sortKey: byText((r) => r.State),
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
      cell: (r) => <HealthCell health={r.health} />,
      // Worst first when ascending: the order of HEALTH_CLASSES.
      sortKey: byNumber((r) => r.HealthRank),
      width: 182,
      visibleByDefault: true,
    },
    {
      id: 'BatchSize',
      label: 'BatchSize',
      header: 'BatchSize',
      text: (r) => (r.BatchSize === undefined ? '' : String(r.BatchSize)),
      cell: (r) => r.BatchSize ?? '-',
      sortKey: byNumber((r) => r.BatchSize),
      width: 118,
      visibleByDefault: true,
    },
    {
      id: 'LastProcessingResult',
      label: 'LastProcessingResult',
      header: 'LastProcessingResult',
      text: (r) => r.LastProcessingResult,
      cell: (r) => <ProcessingResultCell result={r.LastProcessingResult} />,
      sortKey: byText((r) => r.LastProcessingResult),
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
      sortKey: byText((r) => r.StateTransitionReason),
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
      sortKey: byNumber((r) => r.LastModified),
      width: 200,
      visibleByDefault: false,
    },
    {
      id: 'Region',
      label: 'Region',
      header: 'Region',
      text: (r) => r.Region,
      cell: (r) => r.Region,
      sortKey: byText((r) => r.Region),
      width: 120,
      visibleByDefault: false,
    },
    {
      id: 'EventSourceArn',
      label: 'EventSourceArn',
      header: 'EventSourceArn',
      text: (r) => r.EventSourceArn,
      cell: (r) => <Truncated text={r.EventSourceArn} />,
      sortKey: byText((r) => r.EventSourceArn),
      width: 300,
      visibleByDefault: false,
    },
  ];
  grow(columns, options.tableWidth);
  return columns.map((c) => ({ ...c, sortingComparator: comparatorOf(c.sortKey) }));
}

/** The width of the table's selection column (Cloudscape's, px). */
const SELECTION_COLUMN_WIDTH = 54;

/**
 * The widest the Function and Event source columns grow by themselves (px), and their share of
 * the room; the rest goes to the last column (StateTransitionReason by default).
 */
const GROWN_WIDTHS: Readonly<Record<string, { max: number; share: number }>> = {
  FunctionName: { max: 320, share: 0.3 },
  SourceName: { max: 300, share: 0.25 },
  // "Disabled by Lambda" with its icon needs a few pixels more than 1280 px leave.
  Health: { max: 200, share: 0.1 },
};

/** Widens the growing columns by their share of the room the default columns leave. */
function grow(columns: Omit<MappingColumn, 'sortingComparator'>[], tableWidth?: number): void {
  if (tableWidth === undefined) return;
  const used = columns.reduce(
    (sum, c) => sum + (c.visibleByDefault ? (c.width as number) : 0),
    SELECTION_COLUMN_WIDTH,
  );
  const room = Math.floor(tableWidth - used);
  if (room <= 0) return;
  for (const column of columns) {
    const growth = GROWN_WIDTHS[column.id];
    if (!growth || typeof column.width !== 'number') continue;
    column.width = Math.min(growth.max, column.width + Math.floor(room * growth.share));
  }
}

/** Ids of the columns the list can be sorted by (all of them), for reading a sort from a URL. */
export const SORTABLE_COLUMN_IDS: ReadonlySet<string> = new Set(
  mappingColumns({ regionLink: false }).map((c) => c.id),
);
