/**
 * A live mapping → the CreateEventSourceMapping request that recreates it as it is
 * ({@link toMappingCode}), which every "as code" export renders.
 *
 * Rules, each with its AWS source:
 * - Only members the field registry marks `create: true` (`REQUEST_MEMBERS`, the Create request of
 *   `@aws-sdk/client-lambda` 3.1164.0) are read, in registry order; so nothing read-only gets in
 *   (`UUID`, `State`, `LastModified`, `LastProcessingResult`, `StateTransitionReason`,
 *   `EventSourceMappingArn`, `FilterCriteriaError`, `FunctionArn`: output-only members of
 *   EventSourceMappingConfiguration, Lambda API Reference).
 * - `FunctionName` is the `FunctionArn`'s name with its qualifier (`orders-processor:live`): the
 *   response has no FunctionName, and FunctionArn "keeps the qualifier that was given" (reference
 *   §1.3), so the qualifier is what the mapping invokes. Account and region are left out: a mapping
 *   invokes a function of its own account and region.
 * - `Enabled` comes from `State` (`isEnabledState`; the response has no Enabled, reference §1.2).
 * - `Tags` come from ListTags (GetEventSourceMapping returns none, reference §1.2), absent when empty.
 * - Server defaults — the values Lambda fills in when a member is not sent (reference §1.3 "observed
 *   create responses"; per-source defaults in `SOURCE_LIMITS`, the Developer Guide's parameter
 *   pages) — are left out unless `includeDefaults`: an integer equal to its `SOURCE_LIMITS` default
 *   (BatchSize 100/10, MaximumBatchingWindowInSeconds 0 where that is the default,
 *   ParallelizationFactor 1, MaximumRecordAgeInSeconds −1, MaximumRetryAttempts −1,
 *   TumblingWindowInSeconds 0), `BisectBatchOnFunctionError: false` and `Enabled: true` (Create
 *   API defaults), an empty `FunctionResponseTypes`, DocumentDB's `FullDocument: Default` and
 *   Kafka's `ConsumptionMode: Stream` (model docs; the Terraform provider has no argument for it).
 * - `ProvisionedPollerConfig` is kept whole, exactly as the mapping has it: its minimum and maximum
 *   are one setting (`{ MinimumPollers: 1, MaximumPollers: 30 }` is not `{ MaximumPollers: 30 }`
 *   to a reader), and an emptied one (`{}`) would turn provisioned mode off.
 * - Never defaults, always kept as the mapping has them: the {@link FORCE_NEW_MEMBERS} (the
 *   source, `StartingPosition`, `StartingPositionTimestamp`, `Topics`, `Queues`, the Kafka
 *   configurations). Terraform adopts a mapping with the export's `import` block, then plans the
 *   difference between the code and what the provider reads back; for these the provider's
 *   schema says ForceNew, so a member the code leaves out and the provider reads back (a
 *   self-managed Kafka mapping's `StartingPosition: TRIM_HORIZON`, which Lambda fills in) is
 *   planned as "forces replacement": deleting the adopted mapping and creating a new one. (Their
 *   one leaf the provider has no argument for, Kafka's `ConsumptionMode: Stream`, stays a default.)
 * - Not defaults, always kept: Kafka's `ConsumerGroupId` even when Lambda generated it (the UUID,
 *   reference §1.3): it names the consumer group whose committed offsets the mapping reads from,
 *   which a new generated one would not; MaximumRetryAttempts in Kafka Queue mode (its default
 *   there is 0, not the table's −1); a window of 0 on Kafka, MQ and DocumentDB (their default is
 *   500 ms, which no integer expresses, CreateEventSourceMapping).
 * - SQS FIFO's `MaximumBatchingWindowInSeconds` is never emitted, even with `includeDefaults`:
 *   Lambda echoes `0` (reference §1.3, SQS), but FIFO queues take no batching window, and Create
 *   refuses one: "Batching window is not supported for FIFO queues" (reference §3.2;
 *   `SOURCE_LIMITS['sqs-fifo']` has no window).
 * - Empty shells are never emitted, even with `includeDefaults`: structures with nothing in them
 *   (`DestinationConfig: { OnFailure: {} }`, which Lambda echoes for streams and refuses on create:
 *   "The Destination field is required for an OnFailure configuration"; `FilterCriteria: {}` or
 *   `{ Filters: [] }`, `ScalingConfig: {}`, empty strings such as `KMSKeyArn: ''`) say nothing that
 *   leaving them out does not (Update's clearing values, `LEAF_MEMBER_CLEAR_VALUES`).
 */
import {
  FullDocument,
  KafkaEventSourceMappingConsumptionMode,
  type CreateEventSourceMappingCommandInput,
  type EventSourceMappingConfiguration,
} from '@aws-sdk/client-lambda';

import { parseFunctionArn } from '../function-arn';
import { REQUEST_MEMBERS, type RequestMemberName } from '../form/request-members';
import { SOURCE_LIMITS, sourceTypeOfMapping, type SourceType } from '../form/source-limits';
import { OPTIONAL_INTEGER_MEMBERS, isEnabledState } from '../form/to-request';
import type { MappingCode } from './mapping-code';

/** Options of {@link toMappingCode}. */
export interface RecreateOptions {
  /** The region the mapping lives in (`us-east-1`). */
  region: string;
  /** The mapping's tags (ListTags' `Tags`); absent or `{}` when it has none. */
  tags?: Readonly<Record<string, string>> | undefined;
  /** Keep the members equal to Lambda's server defaults (the export panel's switch). */
  includeDefaults: boolean;
}

/**
 * The request members whose `aws_lambda_event_source_mapping` argument hashicorp/aws marks
 * ForceNew (internal/service/lambda/event_source_mapping.go: `event_source_arn`,
 * `starting_position`, `starting_position_timestamp`, `topics`, `queues`,
 * `self_managed_event_source`, `amazon_managed_kafka_event_source_config` and
 * `self_managed_kafka_event_source_config`; `document_db_event_source_config` is not). A change to
 * any of them replaces the mapping, so {@link toMappingCode} never leaves them, or any part of
 * them the provider has an argument for, out as a server default: after a Terraform import,
 * leaving one out that the provider reads back would plan a replacement of the adopted mapping.
 */
export const FORCE_NEW_MEMBERS: ReadonlySet<RequestMemberName> = new Set<RequestMemberName>([
  'EventSourceArn',
  'StartingPosition',
  'StartingPositionTimestamp',
  'Topics',
  'Queues',
  'SelfManagedEventSource',
  'AmazonManagedKafkaEventSourceConfig',
  'SelfManagedKafkaEventSourceConfig',
]);

/** Integer members with a per-source default in `SOURCE_LIMITS`. */
const INTEGER_MEMBERS = ['BatchSize', ...OPTIONAL_INTEGER_MEMBERS] as const;
type IntegerMember = (typeof INTEGER_MEMBERS)[number];
const isIntegerMember = (name: string): name is IntegerMember =>
  (INTEGER_MEMBERS as readonly string[]).includes(name);

/**
 * A copy of `value` without its empty parts: `undefined`, `null`, `''`, structures whose members
 * are all empty, and empty lists inside structures; list items that become empty are dropped.
 * Dates are copied. `undefined` when nothing is left (a top-level empty list is kept as `[]`, the
 * caller decides: it is a default, not a shell).
 */
function withoutShells(value: unknown, top = true): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const items = value.map((v) => withoutShells(v, false)).filter((v) => v !== undefined);
    return items.length || top ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, withoutShells(v, false)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/**
 * Whether a source takes `MaximumBatchingWindowInSeconds` on Create: not SQS FIFO
 * (`SOURCE_LIMITS['sqs-fifo']` has none; Lambda refuses it, "Batching window is not supported for
 * FIFO queues", reference §3.2, yet echoes `MaximumBatchingWindowInSeconds: 0`, reference §1.3).
 */
const takesBatchingWindow = (type: SourceType): boolean =>
  SOURCE_LIMITS[type].MaximumBatchingWindowInSeconds !== null;

/** Whether Lambda's self-managed Kafka mapping reads in Queue mode (share group). */
const isQueueMode = (mapping: EventSourceMappingConfiguration): boolean =>
  mapping.SelfManagedKafkaEventSourceConfig?.ConsumptionMode ===
  KafkaEventSourceMappingConsumptionMode.Queue;

/** Whether a scalar member equals the value Lambda fills in when it is not sent. */
function isScalarDefault(
  name: RequestMemberName,
  value: unknown,
  type: SourceType,
  mapping: EventSourceMappingConfiguration,
): boolean {
  const limits = SOURCE_LIMITS[type];
  if (isIntegerMember(name)) {
    if (name === 'MaximumRetryAttempts' && isQueueMode(mapping)) return false;
    const limit = limits[name];
    return limit?.default !== undefined && value === limit.default;
  }
  switch (name) {
    case 'BisectBatchOnFunctionError':
      return value === false;
    case 'FunctionResponseTypes':
      return Array.isArray(value) && value.length === 0;
    default:
      return false;
  }
}

/**
 * A structure without its leaves at their documented default (without includeDefaults):
 * DocumentDB's `FullDocument: Default` and self-managed Kafka's `ConsumptionMode: Stream`. The
 * latter is inside a ForceNew member, but the Terraform provider has no argument for it (its
 * `self_managed_kafka_event_source_config` has `consumer_group_id` and `schema_registry_config`),
 * so leaving it out plans no replacement; and awscli v1 (botocore 1.43.11) refuses it. A
 * structure that would be left empty is kept as it is.
 */
function withoutDefaultLeaves(
  name: RequestMemberName,
  value: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  if (name === 'DocumentDBEventSourceConfig' && out.FullDocument === FullDocument.Default) {
    delete out.FullDocument;
  }
  if (
    name === 'SelfManagedKafkaEventSourceConfig' &&
    out.ConsumptionMode === KafkaEventSourceMappingConsumptionMode.Stream
  ) {
    delete out.ConsumptionMode;
  }
  return Object.keys(out).length ? out : value;
}

/**
 * The CreateEventSourceMapping request that recreates `mapping` as it is, plus where it lives. See
 * the module doc for every rule and its AWS source.
 * @param mapping a GetEventSourceMapping (or List/Create/Update) response.
 * @param options the region, the mapping's tags (ListTags), and whether to keep server defaults.
 * @returns the mapping's UUID, region, source type and request; the request carries only
 *   `REQUEST_MEMBERS` with `create: true`, in registry order.
 * @throws Error when the mapping has no UUID or no FunctionArn, or its source type cannot be
 *   recognised (`sourceTypeOfMapping`).
 */
export function toMappingCode(
  mapping: EventSourceMappingConfiguration,
  options: RecreateOptions,
): MappingCode {
  const { UUID, FunctionArn } = mapping;
  if (!UUID) throw new Error('The mapping has no UUID.');
  if (!FunctionArn) throw new Error(`Mapping ${UUID} has no FunctionArn.`);
  const sourceType = sourceTypeOfMapping(mapping);
  if (!sourceType) throw new Error(`Unrecognised event source for mapping ${UUID}.`);

  const fn = parseFunctionArn(FunctionArn);
  const response = mapping as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const { name, create } of REQUEST_MEMBERS) {
    if (!create) continue;
    let value: unknown;
    if (name === 'FunctionName') {
      value = fn.qualifier ? `${fn.name}:${fn.qualifier}` : fn.name;
    } else if (name === 'Enabled') {
      value = isEnabledState(mapping.State);
      if (value === true && !options.includeDefaults) continue;
    } else if (name === 'Tags') {
      if (options.tags && Object.keys(options.tags).length) value = { ...options.tags };
    } else {
      value = withoutShells(response[name]);
      if (value === undefined) continue;
      if (name === 'MaximumBatchingWindowInSeconds' && !takesBatchingWindow(sourceType)) continue;
      if (!options.includeDefaults) {
        if (!FORCE_NEW_MEMBERS.has(name) && isScalarDefault(name, value, sourceType, mapping)) {
          continue;
        }
        if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
          value = withoutDefaultLeaves(name, value as Record<string, unknown>);
        }
      }
    }
    if (value !== undefined) out[name] = value;
  }
  return {
    UUID,
    region: options.region,
    sourceType,
    request: out as unknown as CreateEventSourceMappingCommandInput,
  };
}
