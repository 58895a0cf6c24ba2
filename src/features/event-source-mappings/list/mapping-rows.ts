import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import { describeEventSource, type EventSourceType } from '../event-source.ts';
import { parseFunctionArn } from '../function-arn.ts';
import { isTransitionalState } from '../mapping-state.ts';
import {
  classifyMappingHealth,
  HEALTH_CLASSES,
  HEALTH_LABELS,
  healthRank,
  type FunctionReferenceStatus,
  type HealthClass,
  type MappingHealth,
} from '../mapping-health.ts';

/**
 * One row of the mappings list: the mapping as Lambda returned it plus the flat values the table
 * filters, sorts and exports on, named after the API members they come from. Built once per
 * mapping object (see {@link toMappingRows}); 10,000 rows are filtered and sorted on these fields.
 */
export interface MappingRow {
  /** `<region>/<UUID>`: unique across the regions of an all-regions view. */
  key: string;
  mapping: EventSourceMappingConfiguration;
  UUID: string;
  /** The region the mapping was listed in. */
  Region: string;
  /** Function name from `FunctionArn`. */
  FunctionName: string;
  /** Alias or version from `FunctionArn`; `''` when unqualified. */
  Qualifier: string;
  /** Kind of source (Kinesis, SQS, Amazon MSK…), from `EventSourceArn` or `SelfManagedEventSource`. */
  SourceType: EventSourceType;
  /** Stream, table, queue, cluster or broker name (first bootstrap server for self-managed Kafka). */
  SourceName: string;
  EventSourceArn: string;
  State: string;
  StateTransitionReason: string;
  LastProcessingResult: string;
  /** `BatchSize`, or undefined when Lambda returned none. */
  BatchSize: number | undefined;
  /** `LastModified` in epoch milliseconds (0 when absent). */
  LastModified: number;
  health: MappingHealth;
  /** The health class (filter token `Health`). */
  Health: HealthClass;
  /** 0 = worst: the "worst first" sort. */
  HealthRank: number;
}

/** What classifying a row needs besides the mapping: the time and the function's existence. */
export interface RowContext {
  /** Epoch milliseconds (stuck = transitional for too long, from `LastModified`). */
  now: number;
  /** Whether the mapping's function (and qualifier) exists, from the function inventory. */
  functionStatus: (functionArn: string) => FunctionReferenceStatus;
}

function toTime(value: Date | number | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : value.getTime();
}

/** The parts of a row that depend only on the mapping object (cached per object). */
type StaticRow = Omit<MappingRow, 'health' | 'Health' | 'HealthRank'>;

const staticRows = new WeakMap<EventSourceMappingConfiguration, StaticRow>();

function staticRow(mapping: EventSourceMappingConfiguration, region: string): StaticRow {
  const cached = staticRows.get(mapping);
  if (cached && cached.Region === region) return cached;
  const fn = parseFunctionArn(mapping.FunctionArn ?? '');
  const source = describeEventSource(mapping);
  const UUID = mapping.UUID ?? '';
  const row: StaticRow = {
    key: `${region}/${UUID}`,
    mapping,
    UUID,
    Region: region,
    FunctionName: mapping.FunctionArn ? fn.name : '',
    Qualifier: fn.qualifier ?? '',
    SourceType: source.type,
    SourceName: source.resourceName,
    EventSourceArn: mapping.EventSourceArn ?? '',
    State: mapping.State ?? '',
    StateTransitionReason: mapping.StateTransitionReason ?? '',
    LastProcessingResult: mapping.LastProcessingResult ?? '',
    BatchSize: mapping.BatchSize,
    LastModified: toTime(mapping.LastModified),
  };
  staticRows.set(mapping, row);
  return row;
}

/** A row as last built, with what its health was classified from. */
interface CachedRow {
  row: MappingRow;
  now: number;
  functionStatus: FunctionReferenceStatus;
}

const builtRows = new WeakMap<EventSourceMappingConfiguration, CachedRow>();
const builtLists = new WeakMap<
  readonly EventSourceMappingConfiguration[],
  { region: string; rows: MappingRow[] }
>();

/**
 * Builds the rows of one region's mappings. The flat fields are computed once per mapping object;
 * the health again only when what it depends on changed: the function's status, or the time for a
 * transitional mapping (stuck is measured from `LastModified` to `now`; no other rule reads the
 * time). When every row is the one the same `mappings` array gave last time, that same array is
 * returned, so the filter, sort, counts and suggestions derived from it are not recomputed (after
 * Back from a detail page, say, or a report with nothing new).
 * @param mappings the mappings as listed (in Lambda's order).
 * @param region the region they were listed in.
 * @param context current time and function existence.
 */
export function toMappingRows(
  mappings: readonly EventSourceMappingConfiguration[],
  region: string,
  context: RowContext,
): MappingRow[] {
  const previous = builtLists.get(mappings);
  const previousRows = previous?.region === region ? previous.rows : undefined;
  let same = previousRows?.length === mappings.length;
  const rows = mappings.map((mapping, i) => {
    const functionStatus = mapping.FunctionArn
      ? context.functionStatus(mapping.FunctionArn)
      : 'unknown';
    const cached = builtRows.get(mapping);
    if (
      cached &&
      cached.row.Region === region &&
      cached.functionStatus === functionStatus &&
      (cached.now === context.now || !isTransitionalState(mapping.State))
    ) {
      if (previousRows?.[i] !== cached.row) same = false;
      return cached.row;
    }
    same = false;
    const health = classifyMappingHealth(mapping, { now: context.now, functionStatus });
    const row: MappingRow = {
      ...staticRow(mapping, region),
      health,
      Health: health.class,
      HealthRank: healthRank(health.class),
    };
    builtRows.set(mapping, { row, now: context.now, functionStatus });
    return row;
  });
  if (same && previousRows) return previousRows;
  builtLists.set(mappings, { region, rows });
  return rows;
}

const TEXT_OPERATORS = [':', '!:', '=', '!=', '^', '!^'] as const;
const EQUALITY_OPERATORS = ['=', '!='] as const;
const NUMBER_OPERATORS = ['=', '!=', '<', '<=', '>', '>='] as const;

/**
 * The property filter's properties: free text searches all of them; tokens name one. Keys are the
 * {@link MappingRow} fields (AWS member names where there is one).
 */
export const MAPPING_FILTERING_PROPERTIES: readonly PropertyFilterProps.FilteringProperty[] = [
  {
    key: 'FunctionName',
    propertyLabel: 'FunctionName',
    groupValuesLabel: 'FunctionName values',
    operators: TEXT_OPERATORS,
    defaultOperator: ':',
  },
  {
    key: 'Qualifier',
    propertyLabel: 'Qualifier (alias or version)',
    groupValuesLabel: 'Qualifiers',
    operators: TEXT_OPERATORS,
  },
  {
    key: 'SourceType',
    propertyLabel: 'Source type',
    groupValuesLabel: 'Source types',
    operators: EQUALITY_OPERATORS,
  },
  {
    key: 'SourceName',
    propertyLabel: 'Source resource name',
    groupValuesLabel: 'Source resource names',
    operators: TEXT_OPERATORS,
    defaultOperator: ':',
  },
  {
    key: 'State',
    propertyLabel: 'State',
    groupValuesLabel: 'States',
    operators: EQUALITY_OPERATORS,
  },
  {
    key: 'Health',
    propertyLabel: 'Health',
    groupValuesLabel: 'Health classes',
    operators: EQUALITY_OPERATORS,
  },
  {
    key: 'StateTransitionReason',
    propertyLabel: 'StateTransitionReason',
    groupValuesLabel: 'StateTransitionReason values',
    operators: TEXT_OPERATORS,
  },
  {
    key: 'LastProcessingResult',
    propertyLabel: 'LastProcessingResult',
    groupValuesLabel: 'LastProcessingResult values',
    operators: TEXT_OPERATORS,
    defaultOperator: ':',
  },
  {
    key: 'BatchSize',
    propertyLabel: 'BatchSize',
    groupValuesLabel: 'BatchSize values',
    operators: NUMBER_OPERATORS,
  },
  {
    key: 'Region',
    propertyLabel: 'Region',
    groupValuesLabel: 'Regions',
    operators: EQUALITY_OPERATORS,
  },
  {
    key: 'UUID',
    propertyLabel: 'UUID',
    groupValuesLabel: 'UUIDs',
    operators: [':', '=', '^'],
    defaultOperator: ':',
  },
  {
    key: 'EventSourceArn',
    propertyLabel: 'EventSourceArn',
    groupValuesLabel: 'EventSourceArn values',
    operators: TEXT_OPERATORS,
    defaultOperator: ':',
  },
];

/** The property keys of {@link MAPPING_FILTERING_PROPERTIES}. */
export const MAPPING_PROPERTY_KEYS: ReadonlySet<string> = new Set(
  MAPPING_FILTERING_PROPERTIES.map((p) => p.key),
);

const filteringOptionsOf = new WeakMap<
  readonly MappingRow[],
  readonly PropertyFilterProps.FilteringOption[]
>();

/** Properties whose values are suggested as the user types (few distinct values each). */
const SUGGESTED: readonly (keyof MappingRow)[] = [
  'FunctionName',
  'Qualifier',
  'SourceType',
  'State',
  'StateTransitionReason',
  'Region',
  'BatchSize',
];

/** At most this many suggestions per property (the dropdown stays fast at 10,000 rows). */
const MAX_OPTIONS_PER_PROPERTY = 500;

/**
 * Value suggestions for the property filter: every health class (with its label), and the
 * distinct values of the loaded rows for the properties with few values (function names,
 * qualifiers, source types, States, StateTransitionReason, regions, BatchSize), at most
 * {@link MAX_OPTIONS_PER_PROPERTY} each, sorted. Built once per rows array.
 * @param rows the loaded rows.
 */
export function mappingFilteringOptions(
  rows: readonly MappingRow[],
): readonly PropertyFilterProps.FilteringOption[] {
  const cached = filteringOptionsOf.get(rows);
  if (cached) return cached;
  const options: PropertyFilterProps.FilteringOption[] = HEALTH_CLASSES.map((c) => ({
    propertyKey: 'Health',
    value: c,
    label: HEALTH_LABELS[c],
  }));
  for (const key of SUGGESTED) {
    const values = new Set<string>();
    for (const row of rows) {
      const value = row[key];
      if (value === undefined || value === '') continue;
      values.add(String(value));
      if (values.size >= MAX_OPTIONS_PER_PROPERTY) break;
    }
    const sorted = [...values].sort(
      key === 'BatchSize' ? (a, b) => Number(a) - Number(b) : collator.compare,
    );
    for (const value of sorted) options.push({ propertyKey: key, value });
  }
  filteringOptionsOf.set(rows, options);
  return options;
}

/** Locale-aware, number-aware comparison ("fn-2" before "fn-10"); reused, so sorting 10,000 is fast. */
export const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
