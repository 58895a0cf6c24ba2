/**
 * Mappers between the mapping form and Lambda's API:
 * - {@link toCreateMappingInput}: parsed form values → `CreateEventSourceMappingCommandInput`;
 * - {@link toUpdateMappingInput}: existing mapping + parsed form values → an
 *   `UpdateEventSourceMappingCommandInput` carrying only changed, updatable fields;
 * - {@link toFormValues} / {@link requestToFormValues}: a mapping or create request → form values;
 * - {@link diffMapping}: the old → new rows shown before Apply;
 * - {@link toCliCommand}: the equivalent `aws lambda create-/update-event-source-mapping` command.
 *
 * Omission policy on create: a field is sent only when the user gave it a value. An empty numeric
 * field means "AWS default" and is omitted, which AWS treats exactly like its default (including
 * the 500 ms batching window of Kafka, MQ and DocumentDB, which no number can express). Booleans
 * cannot be empty, so `Enabled` is sent only when false (AWS default true) and
 * `BisectBatchOnFunctionError` only when true (AWS default false): omission is identical there too.
 * A value typed equal to the default is sent as typed, so a request round-trips exactly.
 */
import type {
  CreateEventSourceMappingCommandInput,
  EventSourceMappingConfiguration,
  SourceAccessConfiguration,
  UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';

import { parseFunctionName } from '../function-arn';
import {
  defaultFormValues,
  type MappingFormOutput,
  type MappingFormValues,
} from './mapping-form-schema';
import {
  LEAF_MEMBER_CLEAR_VALUES,
  LEAF_MEMBER_NAMES,
  MEMBER_LEAVES,
  REQUEST_MEMBERS,
  getPath,
  leafApplies,
  leavesOf,
  setPath,
  type LeafMemberName,
  type MemberLeaf,
} from './request-members';
import {
  SOURCE_ACCESS_TYPES,
  SOURCE_LIMITS,
  fieldApplies,
  sourceTypeOfMapping,
  type IntegerLimit,
  type MappingField,
  type SourceType,
} from './source-limits';

const numberText = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** A SourceAccessConfiguration for a request: `URI` left out when there is none (IAM types). */
const accessEntry = (c: {
  Type: NonNullable<SourceAccessConfiguration['Type']>;
  URI?: string | undefined;
}): SourceAccessConfiguration =>
  c.URI === undefined ? { Type: c.Type } : { Type: c.Type, URI: c.URI };

// ---------------------------------------------------------------------------------------------
// Form values → create request
// ---------------------------------------------------------------------------------------------

/**
 * The integer members of the request that only some source types take (their `SOURCE_LIMITS`
 * entry is `null` for the others; AWS Lambda API reference, CreateEventSourceMapping): every
 * integer member with per-source limits and defaults except `BatchSize`, which every source takes.
 */
export const OPTIONAL_INTEGER_MEMBERS = [
  'MaximumBatchingWindowInSeconds',
  'ParallelizationFactor',
  'MaximumRecordAgeInSeconds',
  'MaximumRetryAttempts',
  'TumblingWindowInSeconds',
] as const;

/**
 * Builds the CreateEventSourceMapping request from parsed form values. Only fields that apply to
 * the source type (per `SOURCE_LIMITS`) and that the user set are included; see the module doc for
 * the omission policy.
 * @param values output of `mappingFormSchema` (already validated).
 * @returns the SDK input, ready for `new CreateEventSourceMappingCommand(input)`.
 */
export function toCreateMappingInput(
  values: MappingFormOutput,
): CreateEventSourceMappingCommandInput {
  const type = values.sourceType;
  const applies = (f: MappingField): boolean => fieldApplies(type, f);
  const out: CreateEventSourceMappingCommandInput = { FunctionName: values.FunctionName };
  if (applies('EventSourceArn') && values.EventSourceArn)
    out.EventSourceArn = values.EventSourceArn;
  if (!values.Enabled) out.Enabled = false;
  if (values.BatchSize !== undefined) out.BatchSize = values.BatchSize;
  if (values.FilterCriteria.Filters.length > 0) {
    out.FilterCriteria = {
      Filters: values.FilterCriteria.Filters.map((f) => ({ Pattern: f.Pattern })),
    };
  }
  for (const f of OPTIONAL_INTEGER_MEMBERS) {
    const value = values[f];
    if (applies(f) && value !== undefined) out[f] = value;
  }
  if (applies('StartingPosition') && values.StartingPosition) {
    out.StartingPosition = values.StartingPosition;
  }
  if (applies('StartingPositionTimestamp') && values.StartingPositionTimestamp) {
    out.StartingPositionTimestamp = values.StartingPositionTimestamp;
  }
  const destination = values.DestinationConfig?.OnFailure.Destination;
  if (applies('DestinationConfig') && destination) {
    out.DestinationConfig = { OnFailure: { Destination: destination } };
  }
  if (applies('BisectBatchOnFunctionError') && values.BisectBatchOnFunctionError) {
    out.BisectBatchOnFunctionError = true;
  }
  if (applies('Topics') && values.Topics) out.Topics = [...values.Topics];
  if (applies('Queues') && values.Queues) out.Queues = [...values.Queues];
  if (applies('SourceAccessConfigurations') && values.SourceAccessConfigurations?.length) {
    out.SourceAccessConfigurations = values.SourceAccessConfigurations.map(accessEntry);
  }
  if (applies('SelfManagedEventSource') && values.SelfManagedEventSource) {
    out.SelfManagedEventSource = {
      Endpoints: {
        KAFKA_BOOTSTRAP_SERVERS: [
          ...values.SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS,
        ],
      },
    };
  }
  if (applies('FunctionResponseTypes') && values.FunctionResponseTypes?.length) {
    out.FunctionResponseTypes = [...values.FunctionResponseTypes];
  }
  const msk = values.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId;
  if (applies('AmazonManagedKafkaEventSourceConfig') && msk) {
    out.AmazonManagedKafkaEventSourceConfig = { ConsumerGroupId: msk };
  }
  const smk = values.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId;
  if (applies('SelfManagedKafkaEventSourceConfig') && smk) {
    out.SelfManagedKafkaEventSourceConfig = { ConsumerGroupId: smk };
  }
  const concurrency = values.ScalingConfig?.MaximumConcurrency;
  if (applies('ScalingConfig') && concurrency !== undefined) {
    out.ScalingConfig = { MaximumConcurrency: concurrency };
  }
  if (applies('DocumentDBEventSourceConfig') && values.DocumentDBEventSourceConfig) {
    out.DocumentDBEventSourceConfig = documentDbRequest(values.DocumentDBEventSourceConfig);
  }
  if (values.Tags) out.Tags = { ...values.Tags };
  // Registry leaves: each one set is sent at its path (creating its structure).
  for (const leaf of MEMBER_LEAVES) {
    const value = getPath(values, leaf.path);
    if (leafApplies(leaf, type) && value !== undefined) {
      setPath(out as unknown as Record<string, unknown>, leaf.path, value);
    }
  }
  return out;
}

function documentDbRequest(config: NonNullable<MappingFormOutput['DocumentDBEventSourceConfig']>) {
  return {
    DatabaseName: config.DatabaseName,
    ...(config.CollectionName !== undefined ? { CollectionName: config.CollectionName } : {}),
    ...(config.FullDocument !== undefined ? { FullDocument: config.FullDocument } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Mapping / request → form values
// ---------------------------------------------------------------------------------------------

/** The request/response members {@link toFormValues} reads (shared by create input and config). */
type MappingShape = Omit<CreateEventSourceMappingCommandInput, 'FunctionName'> & {
  FunctionName?: string | undefined;
};

function shapeToFormValues(shape: MappingShape, type: SourceType): MappingFormValues {
  const v = defaultFormValues(type);
  v.FunctionName = shape.FunctionName ?? '';
  v.EventSourceArn = shape.EventSourceArn ?? '';
  v.Enabled = shape.Enabled ?? true;
  v.BatchSize = numberText(shape.BatchSize);
  v.MaximumBatchingWindowInSeconds = numberText(shape.MaximumBatchingWindowInSeconds);
  v.ParallelizationFactor = numberText(shape.ParallelizationFactor);
  v.StartingPosition = shape.StartingPosition ?? '';
  v.StartingPositionTimestamp = shape.StartingPositionTimestamp
    ? shape.StartingPositionTimestamp.toISOString()
    : '';
  v.MaximumRecordAgeInSeconds = numberText(shape.MaximumRecordAgeInSeconds);
  v.MaximumRetryAttempts = numberText(shape.MaximumRetryAttempts);
  v.BisectBatchOnFunctionError = shape.BisectBatchOnFunctionError ?? false;
  v.DestinationConfig = {
    OnFailure: { Destination: shape.DestinationConfig?.OnFailure?.Destination ?? '' },
  };
  v.TumblingWindowInSeconds = numberText(shape.TumblingWindowInSeconds);
  v.FunctionResponseTypes = [...(shape.FunctionResponseTypes ?? [])];
  v.FilterCriteria = {
    Filters: (shape.FilterCriteria?.Filters ?? []).map((f) => ({ Pattern: f.Pattern ?? '' })),
  };
  if (shape.Topics?.length) v.Topics = [...shape.Topics];
  if (shape.Queues?.length) v.Queues = [...shape.Queues];
  if (shape.SourceAccessConfigurations) {
    v.SourceAccessConfigurations = shape.SourceAccessConfigurations.map((c) => ({
      Type: c.Type ?? '',
      URI: c.URI ?? '',
    }));
  }
  v.SelfManagedEventSource = {
    Endpoints: {
      KAFKA_BOOTSTRAP_SERVERS: (
        shape.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? []
      ).join(','),
    },
  };
  v.ScalingConfig = { MaximumConcurrency: numberText(shape.ScalingConfig?.MaximumConcurrency) };
  v.AmazonManagedKafkaEventSourceConfig = {
    ...v.AmazonManagedKafkaEventSourceConfig,
    ConsumerGroupId: shape.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId ?? '',
  };
  v.SelfManagedKafkaEventSourceConfig = {
    ...v.SelfManagedKafkaEventSourceConfig,
    ConsumerGroupId: shape.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId ?? '',
  };
  v.DocumentDBEventSourceConfig = {
    DatabaseName: shape.DocumentDBEventSourceConfig?.DatabaseName ?? '',
    CollectionName: shape.DocumentDBEventSourceConfig?.CollectionName ?? '',
    FullDocument: shape.DocumentDBEventSourceConfig?.FullDocument ?? '',
  };
  v.Tags = Object.entries(shape.Tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  for (const leaf of MEMBER_LEAVES) {
    setPath(
      v as unknown as Record<string, unknown>,
      leaf.path,
      leafFormValue(leaf, getPath(shape, leaf.path)),
    );
  }
  return v;
}

/** A leaf's value as the form holds it: the text of a number or string, a copy of a list. */
function leafFormValue(leaf: MemberLeaf, value: unknown): string | string[] {
  if (leaf.kind === 'enumList') {
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  }
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

/**
 * Whether a mapping `State` means the mapping is (or is becoming) enabled: Enabled, Enabling and
 * Creating count as enabled (a mapping created disabled starts in `Disabled`, reference §5);
 * Disabled and Disabling as disabled. Other states (Updating, Deleting, absent) count as enabled.
 * @param state the mapping's `State`.
 */
export function isEnabledState(state: string | undefined): boolean {
  return state !== 'Disabled' && state !== 'Disabling';
}

/**
 * Form values for editing an existing mapping: every field the response has, `FunctionName` from
 * `FunctionArn` (the response has no FunctionName), `Enabled` from `State`, and the tags
 * (GetEventSourceMapping has none: they come from ListTags).
 * @param existing a Get/List/Create/Update response.
 * @param type the source type; by default derived from the mapping (`sourceTypeOfMapping`).
 * @param tags the mapping's tags (ListTags), when read.
 * @returns the values; throws `Error` when the source type cannot be recognised.
 */
export function toFormValues(
  existing: EventSourceMappingConfiguration,
  type?: SourceType,
  tags?: Record<string, string>,
): MappingFormValues {
  const sourceType = type ?? sourceTypeOfMapping(existing);
  if (!sourceType) {
    throw new Error(`Unrecognised event source for mapping ${existing.UUID ?? '(no UUID)'}.`);
  }
  const { FunctionArn, State, ...rest } = existing;
  return shapeToFormValues(
    { ...rest, FunctionName: FunctionArn, Enabled: isEnabledState(State), Tags: tags },
    sourceType,
  );
}

/**
 * Form values from a create request (e.g. to clone a mapping or load a saved request).
 * @param input a CreateEventSourceMapping request.
 * @param type the source type; by default derived from the request (Amazon MQ without a
 *   VIRTUAL_HOST entry is taken as ActiveMQ).
 * @returns the values; throws `Error` when the source type cannot be recognised.
 */
export function requestToFormValues(
  input: CreateEventSourceMappingCommandInput,
  type?: SourceType,
): MappingFormValues {
  const sourceType = type ?? sourceTypeOfMapping(input);
  if (!sourceType) throw new Error('Unrecognised event source in the request.');
  return shapeToFormValues(input, sourceType);
}

// ---------------------------------------------------------------------------------------------
// Existing mapping + form values → update request
// ---------------------------------------------------------------------------------------------

/**
 * Whether a FunctionName as entered names the same function and qualifier as a FunctionArn, both
 * read with `parseFunctionName` (a bare name or partial ARN is compared on the parts it has:
 * account, region and partition only when it names them).
 */
export function sameFunction(functionName: string, functionArn: string | undefined): boolean {
  if (functionArn === undefined) return false;
  if (functionName === functionArn) return true;
  const arn = parseFunctionName(functionArn);
  const entered = parseFunctionName(functionName);
  if (!arn?.region || !entered) return false;
  return (
    entered.name === arn.name &&
    entered.qualifier === arn.qualifier &&
    (entered.account === undefined || entered.account === arn.account) &&
    (entered.region === undefined || entered.region === arn.region) &&
    (entered.partition === undefined || entered.partition === arn.partition)
  );
}

const effective = (value: number | undefined, limit: IntegerLimit | null): number | undefined =>
  value ?? limit?.default;

const filterPatterns = (
  f: { Filters?: { Pattern?: string | undefined }[] | undefined } | undefined,
) => (f?.Filters ?? []).map((x) => x.Pattern ?? '');

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const accessKey = (c: { Type?: string | undefined; URI?: string | undefined }) =>
  `${c.Type ?? ''}\u0000${c.URI ?? ''}`;

/**
 * Builds the UpdateEventSourceMapping request: `UUID` plus only the fields that are updatable for
 * the source type (`UPDATABLE_FIELDS` ∩ applicable) and differ from the existing mapping. Create-only
 * fields (EventSourceArn, StartingPosition(+Timestamp), Topics, Queues, bootstrap servers, consumer
 * group id, VIRTUAL_HOST) are never sent.
 *
 * An empty numeric field means the AWS default: if the mapping currently has another value the
 * default is sent (BatchSize 10/100, window 0, ParallelizationFactor 1, −1, −1, tumbling 0).
 * Clearing rules:
 * - FilterCriteria with no filters → `{}` ("To remove filter criteria … run update-event-source-mapping
 *   with an empty FilterCriteria object", AWS_DOCS.filtering);
 * - ScalingConfig without MaximumConcurrency → `{}` ("To remove the configuration, pass an empty
 *   value", AWS_DOCS.scalingConfigCfn);
 * - on-failure destination removed → `{ OnFailure: { Destination: "" } }` (the model's
 *   `DestinationArn` pattern accepts the empty string; `{ OnFailure: {} }` is refused with "The
 *   Destination field is required for an OnFailure configuration");
 * - FunctionResponseTypes unticked → `[]`.
 * SourceAccessConfigurations, when changed, are sent without VIRTUAL_HOST entries (AWS refuses them on
 * update, AWS_DOCS.sourceAccess).
 * @param existing the mapping as last read (Get), with its UUID.
 * @param values parsed form values (`createMappingFormSchema({ existing })` output).
 * @returns the SDK input; only `{ UUID }` when nothing changed. Throws `Error` when `existing` has no
 *   UUID or the source type does not match the mapping's.
 */
export function toUpdateMappingInput(
  existing: EventSourceMappingConfiguration,
  values: MappingFormOutput,
): UpdateEventSourceMappingCommandInput {
  if (!existing.UUID) throw new Error('The existing mapping has no UUID.');
  const type = values.sourceType;
  const actual = sourceTypeOfMapping(existing);
  const sameFamily = actual === type || (actual?.startsWith('mq-') && type.startsWith('mq-'));
  if (!sameFamily) {
    throw new Error(
      `The form is for ${type} but mapping ${existing.UUID} is ${actual ?? 'unrecognised'}.`,
    );
  }
  const l = SOURCE_LIMITS[type];
  const applies = (f: MappingField): boolean => fieldApplies(type, f);
  const out: UpdateEventSourceMappingCommandInput = { UUID: existing.UUID };

  if (!sameFunction(values.FunctionName, existing.FunctionArn))
    out.FunctionName = values.FunctionName;
  if (values.Enabled !== isEnabledState(existing.State)) out.Enabled = values.Enabled;

  const batch = effective(values.BatchSize, l.BatchSize);
  if (batch !== effective(existing.BatchSize, l.BatchSize)) out.BatchSize = batch;

  const oldFilters = filterPatterns(existing.FilterCriteria);
  const newFilters = filterPatterns(values.FilterCriteria);
  if (!sameList(oldFilters, newFilters)) {
    out.FilterCriteria = newFilters.length
      ? { Filters: newFilters.map((Pattern) => ({ Pattern })) }
      : {};
  }

  const window = l.MaximumBatchingWindowInSeconds;
  if (window) {
    const next = effective(values.MaximumBatchingWindowInSeconds, window);
    if (next !== undefined && next !== effective(existing.MaximumBatchingWindowInSeconds, window)) {
      out.MaximumBatchingWindowInSeconds = next;
    }
  }

  if (applies('DestinationConfig')) {
    const next = values.DestinationConfig?.OnFailure.Destination ?? '';
    if (next !== (existing.DestinationConfig?.OnFailure?.Destination ?? '')) {
      out.DestinationConfig = { OnFailure: { Destination: next } };
    }
  }

  const integer = (
    f:
      | 'MaximumRecordAgeInSeconds'
      | 'MaximumRetryAttempts'
      | 'ParallelizationFactor'
      | 'TumblingWindowInSeconds',
  ): void => {
    const limit = l[f];
    if (!limit) return;
    const next = effective(values[f], limit);
    if (next !== undefined && next !== effective(existing[f], limit)) out[f] = next;
  };
  integer('MaximumRecordAgeInSeconds');
  if (applies('BisectBatchOnFunctionError')) {
    const next = values.BisectBatchOnFunctionError ?? false;
    if (next !== (existing.BisectBatchOnFunctionError ?? false))
      out.BisectBatchOnFunctionError = next;
  }
  integer('MaximumRetryAttempts');
  integer('ParallelizationFactor');

  if (applies('SourceAccessConfigurations')) {
    const updatable = (c: { Type?: string | undefined }) =>
      c.Type === undefined ||
      SOURCE_ACCESS_TYPES[c.Type as keyof typeof SOURCE_ACCESS_TYPES]?.updatable !== false;
    const oldEntries = (existing.SourceAccessConfigurations ?? []).filter(updatable);
    const newEntries = (values.SourceAccessConfigurations ?? []).filter(updatable);
    if (!sameList(oldEntries.map(accessKey).sort(), newEntries.map(accessKey).sort())) {
      out.SourceAccessConfigurations = newEntries.map(accessEntry);
    }
  }

  integer('TumblingWindowInSeconds');

  if (applies('FunctionResponseTypes')) {
    const next = values.FunctionResponseTypes ?? [];
    if (!sameList([...(existing.FunctionResponseTypes ?? [])].sort(), [...next].sort())) {
      out.FunctionResponseTypes = [...next];
    }
  }

  if (applies('ScalingConfig')) {
    const next = values.ScalingConfig?.MaximumConcurrency;
    if (next !== existing.ScalingConfig?.MaximumConcurrency) {
      out.ScalingConfig = next === undefined ? {} : { MaximumConcurrency: next };
    }
  }

  for (const name of LEAF_MEMBER_NAMES) {
    const change = leafMemberChange(name, type, existing, values);
    if (change !== undefined) (out as unknown as Record<string, unknown>)[name] = change;
  }

  if (applies('DocumentDBEventSourceConfig') && values.DocumentDBEventSourceConfig) {
    const next = values.DocumentDBEventSourceConfig;
    const old = existing.DocumentDBEventSourceConfig;
    const changed =
      next.DatabaseName !== old?.DatabaseName ||
      (next.CollectionName ?? '') !== (old?.CollectionName ?? '') ||
      (next.FullDocument ?? 'Default') !== (old?.FullDocument ?? 'Default');
    if (changed) out.DocumentDBEventSourceConfig = documentDbRequest(next);
  }
  return out;
}

/**
 * The value to send for a member made of registry leaves, or `undefined` when it is unchanged (or
 * not updatable for the source). Integer leaves are compared with AWS's default filled in while the
 * structure is present, so clearing MaximumPollers of a mapping at 200 is no change. A structure the
 * user emptied is sent as its clearing value ({@link LEAF_MEMBER_CLEAR_VALUES}).
 */
function leafMemberChange(
  name: LeafMemberName,
  type: SourceType,
  existing: EventSourceMappingConfiguration,
  values: MappingFormOutput,
): unknown {
  const leaves = leavesOf(name).filter((leaf) => leaf.updatable && leafApplies(leaf, type));
  if (leaves.length === 0) return undefined;
  const read = (from: unknown): Record<string, unknown> | undefined => {
    const picked: Record<string, unknown> = {};
    for (const leaf of leaves) {
      const value = getPath(from, leaf.path);
      const empty =
        value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
      if (!empty) picked[leaf.path] = Array.isArray(value) ? [...value].sort() : value;
    }
    if (Object.keys(picked).length === 0) return undefined;
    for (const leaf of leaves) {
      const fallback = leaf.kind === 'integer' ? leaf.limits[type]?.default : undefined;
      if (picked[leaf.path] === undefined && fallback !== undefined) picked[leaf.path] = fallback;
    }
    return picked;
  };
  const before = read(existing);
  const after = read(values);
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const next = getPath(values, name);
  return next === undefined ? LEAF_MEMBER_CLEAR_VALUES[name] : next;
}

// ---------------------------------------------------------------------------------------------
// Diff
// ---------------------------------------------------------------------------------------------

/** One row of the old → new view shown before Apply. */
export interface MappingDiffRow {
  /** AWS field name (a key of the update request), or `Tags.<key>` for a tag. */
  field: Exclude<keyof UpdateEventSourceMappingCommandInput, 'UUID'> | `Tags.${string}`;
  /** The current value, as text. */
  old: string;
  /** The value the update sets, as text. */
  new: string;
}

const NOT_SET = 'not set';

function display(field: MappingDiffRow['field'], value: unknown): string {
  switch (field) {
    case 'FilterCriteria': {
      const patterns = filterPatterns(value as { Filters?: { Pattern?: string }[] } | undefined);
      return patterns.length ? patterns.join('\n') : 'no filters';
    }
    case 'ScalingConfig': {
      const c = (value as { MaximumConcurrency?: number } | undefined)?.MaximumConcurrency;
      return c === undefined ? 'no maximum concurrency' : `MaximumConcurrency ${c}`;
    }
    case 'DestinationConfig': {
      const d = (value as { OnFailure?: { Destination?: string } } | undefined)?.OnFailure
        ?.Destination;
      return d ? `OnFailure ${d}` : 'no on-failure destination';
    }
    case 'SourceAccessConfigurations': {
      const list = (value as { Type?: string; URI?: string }[] | undefined) ?? [];
      return list.length ? list.map((c) => `${c.Type ?? ''} ${c.URI ?? ''}`).join('\n') : 'none';
    }
    case 'FunctionResponseTypes': {
      const list = (value as string[] | undefined) ?? [];
      return list.length ? list.join(', ') : 'none';
    }
    case 'BisectBatchOnFunctionError':
      return value === undefined ? 'false (default)' : String(value);
    case 'ProvisionedPollerConfig':
    case 'MetricsConfig':
    case 'LoggingConfig': {
      const entries = Object.entries((value as Record<string, unknown> | undefined) ?? {}).filter(
        ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
      );
      return entries.length
        ? entries.map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('\n')
        : 'none';
    }
    case 'KMSKeyArn':
      return value ? String(value) : 'none (not encrypted with your key)';
    default:
      if (value === undefined || value === null) return NOT_SET;
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/**
 * Rows for the old → new view: one per field in `update` (except UUID), in request order. The old
 * side is read from `existing` (FunctionArn for FunctionName, State for Enabled) and, where AWS left
 * a field out, shows AWS's default for the source type (e.g. `500 ms (default)`).
 * @param existing the mapping as last read.
 * @param update output of {@link toUpdateMappingInput}.
 * @returns the rows; empty when the update changes nothing.
 */
export function diffMapping(
  existing: EventSourceMappingConfiguration,
  update: UpdateEventSourceMappingCommandInput,
): MappingDiffRow[] {
  const type = sourceTypeOfMapping(existing);
  const limits = type ? SOURCE_LIMITS[type] : undefined;
  const rows: MappingDiffRow[] = [];
  for (const key of Object.keys(update) as (keyof UpdateEventSourceMappingCommandInput)[]) {
    if (key === 'UUID' || update[key] === undefined) continue;
    const field = key;
    let old: string;
    if (field === 'FunctionName') old = existing.FunctionArn ?? NOT_SET;
    else if (field === 'Enabled') old = String(isEnabledState(existing.State));
    else {
      const current = (existing as Record<string, unknown>)[field];
      const limit = limits?.[field as keyof typeof limits];
      const isLimit = typeof limit === 'object' && limit !== null && 'defaultLabel' in limit;
      old =
        current === undefined && isLimit
          ? `${(limit as IntegerLimit).defaultLabel} (default)`
          : display(field, current);
    }
    rows.push({ field, old, new: display(field, update[field]) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Tags: TagResource / UntagResource (UpdateEventSourceMapping takes no tags)
// ---------------------------------------------------------------------------------------------

/** What changing a mapping's tags takes: keys to add or change, and keys to remove. */
export interface TagChanges {
  /** TagResource's `Tags`: new keys and keys with a new value. */
  TagResource?: Record<string, string>;
  /** UntagResource's `TagKeys`. */
  UntagResource?: string[];
}

/**
 * The tag calls that turn `before` into `after`.
 * @param before the mapping's tags as read (ListTags).
 * @param after the tags the form holds (parsed; `undefined` = none).
 * @returns only the members that have something to do; `{}` when nothing changed.
 */
export function tagChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>> | undefined,
): TagChanges {
  const next = after ?? {};
  const changed = Object.entries(next).filter(([key, value]) => before[key] !== value);
  const removed = Object.keys(before).filter((key) => !(key in next));
  return {
    ...(changed.length ? { TagResource: Object.fromEntries(changed) } : {}),
    ...(removed.length ? { UntagResource: removed } : {}),
  };
}

/**
 * Rows for the old → new view, one per tag added, changed or removed (`Tags.<key>`).
 * @param before the mapping's tags as read.
 * @param changes output of {@link tagChanges}.
 */
export function diffTags(
  before: Readonly<Record<string, string>>,
  changes: TagChanges,
): MappingDiffRow[] {
  const rows: MappingDiffRow[] = Object.entries(changes.TagResource ?? {}).map(([key, value]) => ({
    field: `Tags.${key}`,
    old: key in before ? before[key] || '(empty)' : NOT_SET,
    new: value || '(empty)',
  }));
  for (const key of changes.UntagResource ?? []) {
    rows.push({ field: `Tags.${key}`, old: before[key] || '(empty)', new: 'removed' });
  }
  return rows;
}

/**
 * The AWS CLI commands of {@link TagChanges} (`aws lambda untag-resource`, `aws lambda
 * tag-resource`), in the order the console sends them.
 * @param arn the mapping's EventSourceMappingArn.
 * @param changes what to change.
 * @param options region and endpoint, as for {@link toCliCommand}.
 */
export function tagCliCommands(
  arn: string,
  changes: TagChanges,
  options: CliCommandOptions = {},
): string[] {
  const tail = [
    ...(options.region ? [`--region ${shellQuote(options.region)}`] : []),
    ...(options.endpointUrl ? [`--endpoint-url ${shellQuote(options.endpointUrl)}`] : []),
  ];
  const join = (parts: string[]) => [...parts, ...tail].join(options.multiline ? ' \\\n    ' : ' ');
  const commands: string[] = [];
  if (changes.UntagResource?.length) {
    commands.push(
      join([
        'aws lambda untag-resource',
        `--resource ${shellQuote(arn)}`,
        `--tag-keys ${changes.UntagResource.map((key) => shellQuote(key)).join(' ')}`,
      ]),
    );
  }
  if (changes.TagResource && Object.keys(changes.TagResource).length) {
    commands.push(
      join([
        'aws lambda tag-resource',
        `--resource ${shellQuote(arn)}`,
        `--tags ${shellQuote(JSON.stringify(changes.TagResource), true)}`,
      ]),
    );
  }
  return commands;
}

// ---------------------------------------------------------------------------------------------
// AWS CLI command
// ---------------------------------------------------------------------------------------------

/** AWS CLI option of each request member, in the CLI synopsis order ({@link REQUEST_MEMBERS}). */
const CLI_OPTIONS: readonly (readonly [string, string])[] = REQUEST_MEMBERS.map((m) => [
  m.name,
  m.cli,
]);

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes a word for a POSIX shell: left bare when it only has safe characters, otherwise wrapped in
 * single quotes with each `'` written as `'\''`.
 * @param word the argument.
 * @param always quote even when the word is safe (used for JSON).
 */
export function shellQuote(word: string, always = false): string {
  if (!always && SHELL_SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Options for {@link toCliCommand}. */
export interface CliCommandOptions {
  /** Adds `--region <region>`. */
  region?: string;
  /** Adds `--endpoint-url <url>` (e.g. the local emulator). */
  endpointUrl?: string;
  /** One option per line, joined with ` \` + newline + 4 spaces (default: one line). */
  multiline?: boolean;
}

/**
 * Renders the AWS CLI command equivalent to a request: `aws lambda update-event-source-mapping`
 * when the input has a `UUID`, else `aws lambda create-event-source-mapping`. Scalars are bare when
 * shell-safe, else single-quoted; lists and structures are compact JSON in single quotes;
 * StartingPositionTimestamp is ISO 8601 (UTC); booleans are `--x` / `--no-x`. Undefined members are
 * skipped.
 * @param input a create or update request.
 * @param options region, endpoint and layout.
 * @returns the command line; throws `Error` for a member the CLI has no option for.
 */
export function toCliCommand(
  input: CreateEventSourceMappingCommandInput | UpdateEventSourceMappingCommandInput,
  options: CliCommandOptions = {},
): string {
  const isUpdate = 'UUID' in input && input.UUID !== undefined;
  const record = input as unknown as Record<string, unknown>;
  const known = new Set(CLI_OPTIONS.map(([member]) => member));
  const unknown = Object.keys(record).filter((k) => record[k] !== undefined && !known.has(k));
  if (unknown.length) throw new Error(`No AWS CLI option for ${unknown.join(', ')}.`);
  const parts = [`aws lambda ${isUpdate ? 'update' : 'create'}-event-source-mapping`];
  for (const [member, flag] of CLI_OPTIONS) {
    const value = record[member];
    if (value === undefined) continue;
    if (typeof value === 'boolean') {
      parts.push(value ? flag : flag.replace(/^--/, '--no-'));
    } else if (value instanceof Date) {
      parts.push(`${flag} ${value.toISOString()}`);
    } else if (typeof value === 'object' && value !== null) {
      parts.push(`${flag} ${shellQuote(JSON.stringify(value), true)}`);
    } else {
      parts.push(`${flag} ${shellQuote(String(value))}`);
    }
  }
  if (options.region) parts.push(`--region ${shellQuote(options.region)}`);
  if (options.endpointUrl) parts.push(`--endpoint-url ${shellQuote(options.endpointUrl)}`);
  return parts.join(options.multiline ? ' \\\n    ' : ' ');
}
