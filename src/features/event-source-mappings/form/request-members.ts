/**
 * THE field registry: every request member of CreateEventSourceMapping and
 * UpdateEventSourceMapping (`@aws-sdk/client-lambda` 3.1164.0) once, with its AWS CLI option, the
 * section it lives in (form and detail page), whether UpdateEventSourceMapping can change it, and
 * the AWS document it is described in. The CLI command, the updatable-field list, server-error
 * attribution and the detail page's groups are derived from {@link REQUEST_MEMBERS}.
 *
 * Members whose values are plain scalars or enum lists nested in a structure — provisioned mode,
 * metrics, logging, the filter KMS key, Kafka's ConsumptionMode — are {@link MEMBER_LEAVES}: each
 * leaf carries its per-source limits and help, and everything else about it is derived: the zod
 * schema piece, the form's default and its value from an existing mapping, the Create and Update
 * request, the diff, the CLI, the widget and the detail row. Adding such a member is one entry
 * here (plus a kind of widget, if it is a new kind of input). Members with structure of their own
 * (FilterCriteria, SourceAccessConfigurations, DestinationConfig…) keep a bespoke schema and widget,
 * but their facts still live here.
 *
 * Only types are imported from `source-limits.ts`, so that module can derive from this one.
 */
import type {
  CreateEventSourceMappingCommandInput,
  UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import type { DocRef, IntegerLimit, SourceType } from './source-limits';

/** A request member: a key of the Create or the Update request. */
export type RequestMemberName =
  keyof CreateEventSourceMappingCommandInput | keyof UpdateEventSourceMappingCommandInput;

/** Where a member is edited in the form and shown on the detail page, in page order. */
export type MemberSection =
  | 'identity'
  | 'source'
  | 'function'
  | 'batching'
  | 'provisioned'
  | 'errorHandling'
  | 'filtering'
  | 'monitoring'
  | 'state'
  | 'tags';

/** Titles and descriptions of the sections (form containers and detail-page groups). */
export const MEMBER_SECTIONS: Readonly<
  Record<MemberSection, { title: string; description?: string }>
> = {
  identity: { title: 'Identity' },
  source: { title: 'Source', description: 'What the mapping reads.' },
  function: { title: 'Function', description: 'The function Lambda invokes with each batch.' },
  batching: { title: 'Batching', description: 'How records are grouped into invocations.' },
  provisioned: {
    title: 'Provisioned mode',
    description:
      'Dedicated event pollers with a minimum and a maximum (ProvisionedPollerConfig); without them Lambda scales pollers on demand. Pollers are billed while provisioned.',
  },
  errorHandling: { title: 'Error handling', description: 'What happens when the function fails.' },
  filtering: { title: 'Filtering', description: 'Which records reach the function.' },
  monitoring: {
    title: 'Monitoring',
    description: 'Metrics and system logs the mapping produces (MetricsConfig, LoggingConfig).',
  },
  state: { title: 'State' },
  tags: { title: 'Tags' },
};

/** One request member. */
export interface RequestMember {
  /** AWS's member name. */
  name: RequestMemberName;
  /**
   * The AWS CLI option (`aws lambda create-event-source-mapping help`, botocore's `xform_name` of
   * the member; booleans also take `--no-…`).
   */
  cli: `--${string}`;
  /** Where the form edits it and the detail page shows it. */
  section: MemberSection;
  /** Whether CreateEventSourceMapping takes it. */
  create: boolean;
  /**
   * Whether the form lets UpdateEventSourceMapping change it. `AmazonManagedKafka…`/`SelfManaged…
   * EventSourceConfig` are in the Update shape only for the schema registry; their ConsumerGroupId
   * and ConsumptionMode "cannot be updated" (model doc), so the form treats them as create-only.
   */
  updatable: boolean;
  /** Where AWS describes it. */
  doc: DocRef;
  /**
   * Its property of `AWS::Lambda::EventSourceMapping` (CloudFormation User Guide; SAM passes the
   * same names through), `null` when it has none (UUID is read-only). Names differ from the API
   * only in case (`KmsKeyArn`); nested shapes that differ (Tags as a Key/Value list,
   * `Endpoints.KafkaBootstrapServers`) are converted by the CloudFormation export.
   */
  cloudFormation: string | null;
  /**
   * Its argument or block of the Terraform AWS provider's `aws_lambda_event_source_mapping`
   * (provider documentation), `null` when it has none. Blocks repeat where the API has a list
   * (`source_access_configuration`).
   */
  terraform: string | null;
}

const createApi: DocRef = {
  title: 'Lambda API Reference: CreateEventSourceMapping',
  url: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html',
};
const provisionedDoc: DocRef = {
  title: 'Lambda Developer Guide: provisioned mode',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html#invocation-eventsourcemapping-provisioned-mode',
};
const metricsDoc: DocRef = {
  title: 'Lambda Developer Guide: event source mapping metrics',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html#event-source-mapping-metrics',
};
const loggingDoc: DocRef = {
  title: 'Lambda Developer Guide: event source mapping logging',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/esm-logging.html',
};
const filterEncryptionDoc: DocRef = {
  title: 'Lambda Developer Guide: encrypting filter criteria',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html#filter-criteria-encryption',
};
const tagsDoc: DocRef = {
  title: 'Lambda Developer Guide: tags on event source mappings',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/tags-esm.html',
};
const kafkaConsumptionDoc: DocRef = {
  title: 'Lambda API Reference: SelfManagedKafkaEventSourceConfig (ConsumptionMode)',
  url: 'https://docs.aws.amazon.com/lambda/latest/api/API_SelfManagedKafkaEventSourceConfig.html',
};

const member = (m: Omit<RequestMember, 'doc'> & { doc?: DocRef }): RequestMember => ({
  ...m,
  doc: m.doc ?? createApi,
});

/**
 * Every member of the Create and Update requests, in the order of the AWS CLI synopsis of
 * `create-event-source-mapping` (awscli 1.45.11 / botocore 1.43.11, with the 2026 members where
 * the newest CLI puts them), so the console's CLI command reads like AWS's. Each also names its
 * CloudFormation property (`AWS::Lambda::EventSourceMapping`; the CDK's `CfnEventSourceMapping`
 * prop is its camelCase) and its Terraform argument (`aws_lambda_event_source_mapping`), which the
 * "as code" exports read.
 */
export const REQUEST_MEMBERS: readonly RequestMember[] = [
  member({
    name: 'UUID',
    cli: '--uuid',
    section: 'identity',
    updatable: false,
    create: false,
    cloudFormation: null,
    terraform: null,
  }),
  member({
    name: 'EventSourceArn',
    cli: '--event-source-arn',
    section: 'source',
    updatable: false,
    create: true,
    cloudFormation: 'EventSourceArn',
    terraform: 'event_source_arn',
  }),
  member({
    name: 'FunctionName',
    cli: '--function-name',
    section: 'function',
    updatable: true,
    create: true,
    cloudFormation: 'FunctionName',
    terraform: 'function_name',
  }),
  member({
    name: 'Enabled',
    cli: '--enabled',
    section: 'state',
    updatable: true,
    create: true,
    cloudFormation: 'Enabled',
    terraform: 'enabled',
  }),
  member({
    name: 'BatchSize',
    cli: '--batch-size',
    section: 'batching',
    updatable: true,
    create: true,
    cloudFormation: 'BatchSize',
    terraform: 'batch_size',
  }),
  member({
    name: 'FilterCriteria',
    cli: '--filter-criteria',
    section: 'filtering',
    updatable: true,
    create: true,
    cloudFormation: 'FilterCriteria',
    terraform: 'filter_criteria',
  }),
  member({
    name: 'MaximumBatchingWindowInSeconds',
    cli: '--maximum-batching-window-in-seconds',
    section: 'batching',
    updatable: true,
    create: true,
    cloudFormation: 'MaximumBatchingWindowInSeconds',
    terraform: 'maximum_batching_window_in_seconds',
  }),
  member({
    name: 'ParallelizationFactor',
    cli: '--parallelization-factor',
    section: 'batching',
    updatable: true,
    create: true,
    cloudFormation: 'ParallelizationFactor',
    terraform: 'parallelization_factor',
  }),
  member({
    name: 'StartingPosition',
    cli: '--starting-position',
    section: 'source',
    updatable: false,
    create: true,
    cloudFormation: 'StartingPosition',
    terraform: 'starting_position',
  }),
  member({
    name: 'StartingPositionTimestamp',
    cli: '--starting-position-timestamp',
    section: 'source',
    updatable: false,
    create: true,
    cloudFormation: 'StartingPositionTimestamp',
    terraform: 'starting_position_timestamp',
  }),
  member({
    name: 'DestinationConfig',
    cli: '--destination-config',
    section: 'errorHandling',
    updatable: true,
    create: true,
    cloudFormation: 'DestinationConfig',
    terraform: 'destination_config',
  }),
  member({
    name: 'MaximumRecordAgeInSeconds',
    cli: '--maximum-record-age-in-seconds',
    section: 'errorHandling',
    updatable: true,
    create: true,
    cloudFormation: 'MaximumRecordAgeInSeconds',
    terraform: 'maximum_record_age_in_seconds',
  }),
  member({
    name: 'BisectBatchOnFunctionError',
    cli: '--bisect-batch-on-function-error',
    section: 'errorHandling',
    updatable: true,
    create: true,
    cloudFormation: 'BisectBatchOnFunctionError',
    terraform: 'bisect_batch_on_function_error',
  }),
  member({
    name: 'MaximumRetryAttempts',
    cli: '--maximum-retry-attempts',
    section: 'errorHandling',
    updatable: true,
    create: true,
    cloudFormation: 'MaximumRetryAttempts',
    terraform: 'maximum_retry_attempts',
  }),
  member({
    name: 'Tags',
    cli: '--tags',
    section: 'tags',
    updatable: false,
    create: true,
    cloudFormation: 'Tags',
    terraform: 'tags',
    doc: tagsDoc,
  }),
  member({
    name: 'TumblingWindowInSeconds',
    cli: '--tumbling-window-in-seconds',
    section: 'batching',
    updatable: true,
    create: true,
    cloudFormation: 'TumblingWindowInSeconds',
    terraform: 'tumbling_window_in_seconds',
  }),
  member({
    name: 'Topics',
    cli: '--topics',
    section: 'source',
    updatable: false,
    create: true,
    cloudFormation: 'Topics',
    terraform: 'topics',
  }),
  member({
    name: 'Queues',
    cli: '--queues',
    section: 'source',
    updatable: false,
    create: true,
    cloudFormation: 'Queues',
    terraform: 'queues',
  }),
  member({
    name: 'SourceAccessConfigurations',
    cli: '--source-access-configurations',
    section: 'source',
    updatable: true,
    create: true,
    cloudFormation: 'SourceAccessConfigurations',
    terraform: 'source_access_configuration',
  }),
  member({
    name: 'SelfManagedEventSource',
    cli: '--self-managed-event-source',
    section: 'source',
    updatable: false,
    create: true,
    cloudFormation: 'SelfManagedEventSource',
    terraform: 'self_managed_event_source',
  }),
  member({
    name: 'FunctionResponseTypes',
    cli: '--function-response-types',
    section: 'errorHandling',
    updatable: true,
    create: true,
    cloudFormation: 'FunctionResponseTypes',
    terraform: 'function_response_types',
  }),
  member({
    name: 'AmazonManagedKafkaEventSourceConfig',
    cli: '--amazon-managed-kafka-event-source-config',
    section: 'source',
    updatable: false,
    create: true,
    cloudFormation: 'AmazonManagedKafkaEventSourceConfig',
    terraform: 'amazon_managed_kafka_event_source_config',
  }),
  member({
    name: 'SelfManagedKafkaEventSourceConfig',
    cli: '--self-managed-kafka-event-source-config',
    section: 'source',
    updatable: false,
    create: true,
    cloudFormation: 'SelfManagedKafkaEventSourceConfig',
    terraform: 'self_managed_kafka_event_source_config',
  }),
  member({
    name: 'ScalingConfig',
    cli: '--scaling-config',
    section: 'batching',
    updatable: true,
    create: true,
    cloudFormation: 'ScalingConfig',
    terraform: 'scaling_config',
  }),
  member({
    name: 'DocumentDBEventSourceConfig',
    cli: '--document-db-event-source-config',
    section: 'source',
    updatable: true,
    create: true,
    cloudFormation: 'DocumentDBEventSourceConfig',
    terraform: 'document_db_event_source_config',
  }),
  member({
    name: 'KMSKeyArn',
    cli: '--kms-key-arn',
    section: 'filtering',
    updatable: true,
    create: true,
    cloudFormation: 'KmsKeyArn',
    terraform: 'kms_key_arn',
    doc: filterEncryptionDoc,
  }),
  member({
    name: 'MetricsConfig',
    cli: '--metrics-config',
    section: 'monitoring',
    updatable: true,
    create: true,
    cloudFormation: 'MetricsConfig',
    terraform: 'metrics_config',
    doc: metricsDoc,
  }),
  member({
    name: 'LoggingConfig',
    cli: '--logging-config',
    section: 'monitoring',
    updatable: true,
    create: true,
    cloudFormation: 'LoggingConfig',
    // hashicorp/aws 6.31.0 has no logging_config on aws_lambda_event_source_mapping (schema and
    // CHANGELOG); the Terraform export keeps it as a "not expressible" comment.
    terraform: null,
    doc: loggingDoc,
  }),
  member({
    name: 'ProvisionedPollerConfig',
    cli: '--provisioned-poller-config',
    section: 'provisioned',
    updatable: true,
    create: true,
    cloudFormation: 'ProvisionedPollerConfig',
    terraform: 'provisioned_poller_config',
    doc: provisionedDoc,
  }),
];

/** {@link REQUEST_MEMBERS} by name. */
export const REQUEST_MEMBER_BY_NAME: ReadonlyMap<RequestMemberName, RequestMember> = new Map(
  REQUEST_MEMBERS.map((m) => [m.name, m]),
);

// ---------------------------------------------------------------------------------------------
// Leaves: scalar members inside a structure, fully derived
// ---------------------------------------------------------------------------------------------

const SQS: readonly SourceType[] = ['sqs', 'sqs-fifo'];
const KAFKA: readonly SourceType[] = ['msk', 'self-managed-kafka'];
const ALL: readonly SourceType[] = [
  'kinesis',
  'dynamodb',
  'sqs',
  'sqs-fifo',
  'msk',
  'self-managed-kafka',
  'mq-activemq',
  'mq-rabbitmq',
  'documentdb',
];

const perSource = <T>(types: readonly SourceType[], value: T): Partial<Record<SourceType, T>> =>
  Object.fromEntries(types.map((t) => [t, value])) as Partial<Record<SourceType, T>>;

const pollers = (min: number, max: number, def: number, note: string): IntegerLimit => ({
  min,
  max,
  unit: 'pollers',
  default: def,
  defaultLabel: String(def),
  source: { ...provisionedDoc, section: note },
});

/** What every leaf has. */
interface LeafBase {
  /** Dotted AWS path, which is also the form path (`ProvisionedPollerConfig.MinimumPollers`). */
  path: string;
  /** The section its widget sits in. */
  section: MemberSection;
  /** One sentence of help (unit, range and default are added for integers). */
  help: string;
  /** Whether UpdateEventSourceMapping can change it (false: read-only when editing). */
  updatable: boolean;
  /** Kafka only: the setting needs provisioned mode (AWS kafka-retry-configurations, esm-logging). */
  kafkaNeedsProvisionedMode?: boolean;
  /** Where AWS describes it. */
  doc: DocRef;
}

/** A whole number with per-source limits (a source without an entry does not take it). */
export interface IntegerLeaf extends LeafBase {
  kind: 'integer';
  limits: Partial<Record<SourceType, IntegerLimit>>;
}

/** Free text with the model's pattern and length. */
export interface TextLeaf extends LeafBase {
  kind: 'text';
  sources: readonly SourceType[];
  /** Anchored pattern of the model (an empty value is "not set" and is never checked). */
  pattern: RegExp;
  /** What the pattern allows, in words, for the message. */
  patternText: string;
  maxLength: number;
  example: string;
}

/** One value of an enum, or not set (AWS's default). */
export interface EnumLeaf extends LeafBase {
  kind: 'enum';
  /** The values each source accepts, in the order offered. */
  options: Partial<Record<SourceType, readonly string[]>>;
  /** What AWS does when it is not set. */
  defaultLabel: string;
}

/** Any subset of an enum (a list member). */
export interface EnumListLeaf extends LeafBase {
  kind: 'enumList';
  options: Partial<Record<SourceType, readonly string[]>>;
}

/** One registry leaf. */
export type MemberLeaf = IntegerLeaf | TextLeaf | EnumLeaf | EnumListLeaf;

/**
 * The leaves, each citing its AWS source. Limits follow the newest model (botocore 2026-08-07 with
 * client-lambda 3.1164.0); where AWS's pages disagree the help says which was followed.
 */
export const MEMBER_LEAVES = [
  {
    kind: 'integer',
    path: 'ProvisionedPollerConfig.MinimumPollers',
    section: 'provisioned',
    help: 'Pollers Lambda keeps even when idle.',
    updatable: true,
    doc: provisionedDoc,
    limits: {
      ...perSource(SQS, pollers(2, 200, 2, 'SQS: minimum 2 (model doc)')),
      ...perSource(KAFKA, pollers(1, 200, 1, 'Kafka (model doc)')),
    },
  },
  {
    kind: 'integer',
    path: 'ProvisionedPollerConfig.MaximumPollers',
    section: 'provisioned',
    help: 'Pollers Lambda may scale up to.',
    updatable: true,
    doc: provisionedDoc,
    limits: {
      // The 2026-08 model raised the maximum to 10,000 and its SQS doc says 2–10,000; some
      // service pages still say 2,000. The model is followed.
      ...perSource(SQS, pollers(2, 10000, 200, 'SQS: 2–10,000 (model 2026-08)')),
      // Kafka stays 1–2,000 (model doc; aggregated per poller group too).
      ...perSource(KAFKA, pollers(1, 2000, 200, 'Kafka: 1–2,000 (model doc)')),
    },
  },
  {
    kind: 'text',
    path: 'ProvisionedPollerConfig.PollerGroupName',
    section: 'provisioned',
    help: 'Kafka only: share Event Poller Units with other mappings of this group in the same VPC (up to 100 mappings and 2,000 maximum pollers per group).',
    updatable: true,
    doc: provisionedDoc,
    sources: KAFKA,
    pattern: /^[a-zA-Z0-9_-]*$/,
    patternText: 'letters, digits, - and _',
    maxLength: 128,
    example: 'orders-pollers',
  },
  {
    kind: 'enumList',
    path: 'MetricsConfig.Metrics',
    section: 'monitoring',
    help: 'Metrics the mapping publishes to CloudWatch: EventCount for every source; ErrorCount and KafkaMetrics for Kafka.',
    updatable: true,
    doc: metricsDoc,
    options: {
      ...perSource(ALL, ['EventCount']),
      ...perSource(KAFKA, ['EventCount', 'ErrorCount', 'KafkaMetrics']),
    },
  },
  {
    kind: 'enum',
    path: 'LoggingConfig.SystemLogLevel',
    section: 'monitoring',
    help: 'System logs the event pollers send to CloudWatch Logs, DEBUG being the most detailed. Kafka in provisioned mode only.',
    updatable: true,
    kafkaNeedsProvisionedMode: true,
    doc: loggingDoc,
    options: perSource(KAFKA, ['DEBUG', 'INFO', 'WARN']),
    defaultLabel: 'no system logs',
  },
  {
    kind: 'text',
    path: 'KMSKeyArn',
    section: 'filtering',
    help: 'Customer managed KMS key Lambda encrypts the filter criteria with (by default they are not encrypted with your key).',
    updatable: true,
    doc: filterEncryptionDoc,
    sources: ALL,
    pattern: /^arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*$/,
    patternText: 'an ARN (arn:aws:kms:<region>:<account-id>:key/<id>)',
    maxLength: 10000,
    example: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  },
  {
    kind: 'enum',
    path: 'SelfManagedKafkaEventSourceConfig.ConsumptionMode',
    section: 'source',
    help: 'Stream: a consumer group, order kept per partition. Queue: a Kafka share group (Kafka 4.2+), records of one partition processed concurrently, no StartingPosition or batching window. Cannot be changed after creation.',
    updatable: false,
    doc: kafkaConsumptionDoc,
    options: { 'self-managed-kafka': ['Stream', 'Queue'] },
    defaultLabel: 'Stream',
  },
] as const satisfies readonly MemberLeaf[];

/** A leaf's path (`ProvisionedPollerConfig.MinimumPollers`). */
export type LeafPath = (typeof MEMBER_LEAVES)[number]['path'];

/** Request members made only of leaves (their whole value is derived). */
export type LeafMemberName = Extract<
  RequestMemberName,
  'ProvisionedPollerConfig' | 'MetricsConfig' | 'LoggingConfig' | 'KMSKeyArn'
>;

/** The request members that are wholly leaves; the others' leaves sit next to bespoke fields. */
export const LEAF_MEMBER_NAMES: readonly LeafMemberName[] = [
  'ProvisionedPollerConfig',
  'MetricsConfig',
  'LoggingConfig',
  'KMSKeyArn',
];

/**
 * What UpdateEventSourceMapping is sent to remove a member made of leaves: `{}` turns provisioned
 * mode off and clears logging (as `ScalingConfig: {}` clears maximum concurrency, AWS's documented
 * way for that member; assumed for these), `Metrics: []` turns metrics off, `''` removes the KMS key
 * (the model's pattern accepts the empty string).
 */
export const LEAF_MEMBER_CLEAR_VALUES: Readonly<Record<LeafMemberName, unknown>> = {
  ProvisionedPollerConfig: {},
  MetricsConfig: { Metrics: [] },
  LoggingConfig: {},
  KMSKeyArn: '',
};

type Nest<P extends string, V> = P extends `${infer Head}.${infer Rest}`
  ? { [K in Head]: Nest<Rest, V> }
  : { [K in P]: V };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type LeafFormValue<L> = L extends { kind: 'enumList' } ? string[] : string;

/**
 * What the form holds for the leaves, nested as their paths say: `''` (not set) or the text of a
 * number, text or enum value; a string array for enum lists. E.g.
 * `{ ProvisionedPollerConfig: { MinimumPollers: string; … }; MetricsConfig: { Metrics: string[] } }`.
 */
export type LeafFormValues = UnionToIntersection<
  (typeof MEMBER_LEAVES)[number] extends infer L
    ? L extends { path: infer P extends string }
      ? Nest<P, LeafFormValue<L>>
      : never
    : never
>;

/**
 * Whether a leaf applies to a source type (has limits, options or is listed for it).
 * @param leaf a registry leaf.
 * @param type the source type.
 */
export function leafApplies(leaf: MemberLeaf, type: SourceType): boolean {
  switch (leaf.kind) {
    case 'integer':
      return leaf.limits[type] !== undefined;
    case 'text':
      return leaf.sources.includes(type);
    case 'enum':
    case 'enumList':
      return leaf.options[type] !== undefined;
  }
}

/** The request member a leaf belongs to (`ProvisionedPollerConfig.MinimumPollers` → its parent). */
export function leafMember(leaf: MemberLeaf): RequestMemberName {
  return leaf.path.split('.')[0] as RequestMemberName;
}

/** The leaves of one request member, in registry order. */
export function leavesOf(name: RequestMemberName): readonly MemberLeaf[] {
  return MEMBER_LEAVES.filter((leaf) => leafMember(leaf) === name);
}

/**
 * Reads a dotted path of an object (`getPath(x, 'A.B')` is `x?.A?.B`).
 * @param value any value.
 * @param path dotted member names.
 */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Writes a dotted path, creating the objects on the way (mutates `target`).
 * @param target the object to write into.
 * @param path dotted member names.
 * @param value the value to write.
 */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    if (next === null || typeof next !== 'object') current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1] ?? ''] = value;
}

// ---------------------------------------------------------------------------------------------
// SAM event types (the SAM export)
// ---------------------------------------------------------------------------------------------

/** The `AWS::Serverless::Function` event types that create an event source mapping. */
export type SamEventTypeName =
  'SQS' | 'Kinesis' | 'DynamoDB' | 'MSK' | 'MQ' | 'SelfManagedKafka' | 'DocumentDB';

/** One SAM event type: the sources it serves and the properties it takes. */
export interface SamEventType {
  /** The event's `Type`. */
  type: SamEventTypeName;
  /** The source types it serves. */
  sourceTypes: readonly SourceType[];
  /**
   * Every property of the event that carries a mapping member, in the order the export writes
   * them, with the `AWS::Lambda::EventSourceMapping` property path SAM writes it to (CloudFormation
   * names, dotted). Most pass straight through; the source's property (`Queue`, `Stream`, `Broker`,
   * `Cluster` → `EventSourceArn`; `KafkaBootstrapServers` → `SelfManagedEventSource.Endpoints.
   * KafkaBootstrapServers`) and the flattened ones (`ConsumerGroupId`, `SchemaRegistryConfig`,
   * `DatabaseName`…) do not. A mapping with any other member (`Tags`: no event type has them) is
   * not expressible as this event. SAM-only properties (`DynamicPolicyName`,
   * `SecretsManagerKmsKeyId`) are not listed: they carry no mapping member.
   */
  properties: Readonly<Record<string, string>>;
  /** The event's required properties (SAM refuses the event without them). */
  required: readonly string[];
  /** The SourceAccessConfigurations `Type`s SAM's translator accepts for it (absent: any). */
  sourceAccessTypes?: readonly string[];
  /** The SourceAccessConfigurations `Type` SAM's translator requires (it builds a policy on it). */
  sourceAccessRequired?: string;
  /** At most this many `Topics` (SAM's translator). */
  maxTopics?: number;
  /** The SAM Developer Guide page of the event type. */
  doc: DocRef;
}

const samDoc = (page: string, title: string): DocRef => ({
  title: `AWS SAM Developer Guide: ${title}`,
  url: `https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/${page}.html`,
});
const pass = (...names: string[]): Record<string, string> =>
  Object.fromEntries(names.map((n) => [n, n]));

/**
 * The SAM event types, one per kind of source. A property is listed when both the event type's
 * page of the SAM Developer Guide and SAM's published JSON schema (aws/serverless-application-model
 * v1.110.0, `schema_source/sam.schema.json`, `<Type>EventProperties`, additionalProperties false)
 * list it, so the template also passes `sam validate --lint`; where they differ the property is
 * left out (the mapping then becomes a plain resource): SQS `ProvisionedPollerConfig` and
 * SelfManagedKafka `DestinationConfig` are on the pages only. SelfManagedKafka has no
 * `MaximumBatchingWindowInSeconds` in either, and no event type has `Tags` or Kafka's
 * `ConsumptionMode`. Required properties, SourceAccessConfigurations types and the single topic
 * follow SAM's translator (`samtranslator/model/eventsources/pull.py`).
 */
export const SAM_EVENT_TYPES: readonly SamEventType[] = [
  {
    type: 'SQS',
    sourceTypes: ['sqs', 'sqs-fifo'],
    properties: {
      Queue: 'EventSourceArn',
      ...pass(
        'BatchSize',
        'Enabled',
        'FilterCriteria',
        'FunctionResponseTypes',
        'KmsKeyArn',
        'MaximumBatchingWindowInSeconds',
        'MetricsConfig',
        'ScalingConfig',
      ),
    },
    required: ['Queue'],
    doc: samDoc('sam-property-function-sqs', 'SQS'),
  },
  ...(['Kinesis', 'DynamoDB'] as const).map((type): SamEventType => ({
    type,
    sourceTypes: [type === 'Kinesis' ? 'kinesis' : 'dynamodb'],
    properties: {
      Stream: 'EventSourceArn',
      ...pass(
        'StartingPosition',
        'StartingPositionTimestamp',
        'BatchSize',
        'BisectBatchOnFunctionError',
        'DestinationConfig',
        'Enabled',
        'FilterCriteria',
        'FunctionResponseTypes',
        'KmsKeyArn',
        'MaximumBatchingWindowInSeconds',
        'MaximumRecordAgeInSeconds',
        'MaximumRetryAttempts',
        'MetricsConfig',
        'ParallelizationFactor',
        'TumblingWindowInSeconds',
      ),
    },
    required: ['Stream', 'StartingPosition'],
    doc: samDoc(`sam-property-function-${type.toLowerCase()}`, type),
  })),
  {
    type: 'MSK',
    sourceTypes: ['msk'],
    properties: {
      Stream: 'EventSourceArn',
      ...pass('Topics', 'StartingPosition', 'StartingPositionTimestamp'),
      ConsumerGroupId: 'AmazonManagedKafkaEventSourceConfig.ConsumerGroupId',
      SchemaRegistryConfig: 'AmazonManagedKafkaEventSourceConfig.SchemaRegistryConfig',
      ...pass(
        'SourceAccessConfigurations',
        'BatchSize',
        'BisectBatchOnFunctionError',
        'DestinationConfig',
        'Enabled',
        'FilterCriteria',
        'FunctionResponseTypes',
        'KmsKeyArn',
        'LoggingConfig',
        'MaximumBatchingWindowInSeconds',
        'MaximumRecordAgeInSeconds',
        'MaximumRetryAttempts',
        'MetricsConfig',
        'ProvisionedPollerConfig',
      ),
    },
    required: ['Stream', 'Topics', 'StartingPosition'],
    doc: samDoc('sam-property-function-msk', 'MSK'),
  },
  {
    type: 'MQ',
    sourceTypes: ['mq-activemq', 'mq-rabbitmq'],
    properties: {
      Broker: 'EventSourceArn',
      ...pass(
        'Queues',
        'SourceAccessConfigurations',
        'BatchSize',
        'Enabled',
        'FilterCriteria',
        'KmsKeyArn',
        'MaximumBatchingWindowInSeconds',
      ),
    },
    required: ['Broker', 'Queues', 'SourceAccessConfigurations'],
    sourceAccessTypes: ['BASIC_AUTH', 'VIRTUAL_HOST'],
    sourceAccessRequired: 'BASIC_AUTH',
    doc: samDoc('sam-property-function-mq', 'MQ'),
  },
  {
    type: 'SelfManagedKafka',
    sourceTypes: ['self-managed-kafka'],
    properties: {
      KafkaBootstrapServers: 'SelfManagedEventSource.Endpoints.KafkaBootstrapServers',
      ...pass('Topics', 'StartingPosition', 'StartingPositionTimestamp'),
      ConsumerGroupId: 'SelfManagedKafkaEventSourceConfig.ConsumerGroupId',
      SchemaRegistryConfig: 'SelfManagedKafkaEventSourceConfig.SchemaRegistryConfig',
      ...pass(
        'SourceAccessConfigurations',
        'BatchSize',
        'BisectBatchOnFunctionError',
        'Enabled',
        'FilterCriteria',
        'FunctionResponseTypes',
        'KmsKeyArn',
        'LoggingConfig',
        'MaximumRecordAgeInSeconds',
        'MaximumRetryAttempts',
        'MetricsConfig',
        'ProvisionedPollerConfig',
      ),
    },
    required: ['KafkaBootstrapServers', 'Topics', 'SourceAccessConfigurations'],
    sourceAccessTypes: [
      'VPC_SUBNET',
      'VPC_SECURITY_GROUP',
      'SASL_SCRAM_256_AUTH',
      'SASL_SCRAM_512_AUTH',
      'BASIC_AUTH',
      'CLIENT_CERTIFICATE_TLS_AUTH',
      'SERVER_ROOT_CA_CERTIFICATE',
    ],
    maxTopics: 1,
    doc: samDoc('sam-property-function-selfmanagedkafka', 'SelfManagedKafka'),
  },
  {
    type: 'DocumentDB',
    sourceTypes: ['documentdb'],
    properties: {
      Cluster: 'EventSourceArn',
      DatabaseName: 'DocumentDBEventSourceConfig.DatabaseName',
      CollectionName: 'DocumentDBEventSourceConfig.CollectionName',
      FullDocument: 'DocumentDBEventSourceConfig.FullDocument',
      ...pass(
        'SourceAccessConfigurations',
        'StartingPosition',
        'StartingPositionTimestamp',
        'BatchSize',
        'Enabled',
        'FilterCriteria',
        'KmsKeyArn',
        'MaximumBatchingWindowInSeconds',
      ),
    },
    required: ['Cluster', 'DatabaseName', 'SourceAccessConfigurations'],
    sourceAccessTypes: ['BASIC_AUTH'],
    sourceAccessRequired: 'BASIC_AUTH',
    doc: samDoc('sam-property-function-documentdb', 'DocumentDB'),
  },
];
