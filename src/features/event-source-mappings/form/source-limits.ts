/**
 * THE table of per-source rules for the create/edit mapping form: which request fields apply to
 * each kind of event source, their AWS defaults and limits, the allowed StartingPositions and
 * SourceAccessConfiguration types, and which fields UpdateEventSourceMapping can change.
 *
 * Everything the form validates is derived from this file (see `mapping-form-schema.ts`); every
 * entry names the AWS document it came from. Primary sources:
 * - the Lambda service model (botocore 1.43.11 `lambda/2015-03-31/service-2.json`, the same model
 *   as `@aws-sdk/client-lambda` 3.1164.0) for types, ranges, patterns and the Update shape;
 * - the per-source parameter pages of the Lambda Developer Guide for defaults and applicability;
 * - `shared/reference/lambda-esm-api.md` §2–§5 for real AWS behaviour and messages.
 */
import type { EventSourcePosition, SourceAccessType } from '@aws-sdk/client-lambda';
import { EVENT_SOURCE_ARN_PATTERN } from '../event-source-arn.ts';
import {
  LEAF_MEMBER_NAMES,
  REQUEST_MEMBERS,
  leafApplies,
  leavesOf,
  type LeafMemberName,
} from './request-members.ts';

/** A cited AWS document (title plus URL, optionally the section the rule is in). */
export interface DocRef {
  /** Human-readable document title. */
  title: string;
  /** Public URL of the document. */
  url: string;
  /** Section or anchor the rule comes from, when narrower than the page. */
  section?: string;
}

/** AWS documents the rules below cite. */
export const AWS_DOCS = {
  createApi: {
    title: 'Lambda API Reference: CreateEventSourceMapping',
    url: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html',
  },
  updateApi: {
    title: 'Lambda API Reference: UpdateEventSourceMapping',
    url: 'https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html',
  },
  serviceModel: {
    title: 'Lambda service model (botocore 1.43.11 lambda/2015-03-31/service-2.json)',
    url: 'https://github.com/boto/botocore/blob/develop/botocore/data/lambda/2015-03-31/service-2.json',
  },
  kinesisParams: {
    title: 'Lambda parameters for Amazon Kinesis Data Streams event source mappings',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html',
  },
  dynamodbParams: {
    title: 'Lambda parameters for Amazon DynamoDB event source mappings',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html',
  },
  sqsParams: {
    title: 'Lambda parameters for Amazon SQS event source mappings',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html',
  },
  sqsMaxConcurrency: {
    title: 'Configuring maximum concurrency for Amazon SQS event sources',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html',
    section: 'events-sqs-max-concurrency',
  },
  mskParams: {
    title: 'Using Lambda with Amazon MSK',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html',
  },
  mskAuth: {
    title: 'Configuring cluster authentication methods in Lambda (Amazon MSK)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/msk-cluster-auth.html',
  },
  kafkaParams: {
    title: 'Using Lambda with self-managed Apache Kafka',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/with-kafka.html',
  },
  kafkaAuth: {
    title: 'Configuring self-managed Apache Kafka event sources for Lambda',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/with-kafka-configure.html',
  },
  kafkaRetry: {
    title: 'Configuring error handling controls for Kafka event sources',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/kafka-retry-configurations.html',
  },
  mqParams: {
    title: 'Using Lambda with Amazon MQ',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/with-mq.html',
    section: 'services-mq-params',
  },
  documentdb: {
    title: 'Using Lambda with Amazon DocumentDB',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/with-documentdb.html',
  },
  sourceAccess: {
    title: 'Lambda API Reference: SourceAccessConfiguration',
    url: 'https://docs.aws.amazon.com/lambda/latest/api/API_SourceAccessConfiguration.html',
  },
  samPullSources: {
    title:
      'AWS SAM source: samtranslator/model/eventsources/pull.py (MQ, SelfManagedKafka, DocumentDB)',
    url: 'https://github.com/aws/serverless-application-model/blob/develop/samtranslator/model/eventsources/pull.py',
  },
  filtering: {
    title: 'Control which events Lambda sends to your function (event filtering)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html',
  },
  onFailure: {
    title: 'Lambda API Reference: OnFailure',
    url: 'https://docs.aws.amazon.com/lambda/latest/api/API_OnFailure.html',
  },
  scalingConfigCfn: {
    title:
      'AWS::Lambda::EventSourceMapping ScalingConfig (“To remove the configuration, pass an empty value.”)',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-eventsourcemapping-scalingconfig.html',
  },
  reference: {
    title: 'Project reference: shared/reference/lambda-esm-api.md',
    url: '../shared/reference/lambda-esm-api.md',
  },
} as const satisfies Record<string, DocRef>;

/** The kinds of event source the form can create a mapping for. */
export const SOURCE_TYPES = [
  'kinesis',
  'dynamodb',
  'sqs',
  'sqs-fifo',
  'msk',
  'self-managed-kafka',
  'mq-activemq',
  'mq-rabbitmq',
  'documentdb',
] as const;

/** One kind of event source (the form's discriminator). */
export type SourceType = (typeof SOURCE_TYPES)[number];

/**
 * Request fields that depend on the source type. Names are AWS's request member names; the two
 * Kafka consumer-group configs appear under their AWS structure names.
 */
export type SourceField =
  | 'BatchSize'
  | 'MaximumBatchingWindowInSeconds'
  | 'ParallelizationFactor'
  | 'StartingPosition'
  | 'StartingPositionTimestamp'
  | 'MaximumRecordAgeInSeconds'
  | 'MaximumRetryAttempts'
  | 'BisectBatchOnFunctionError'
  | 'DestinationConfig'
  | 'TumblingWindowInSeconds'
  | 'FunctionResponseTypes'
  | 'FilterCriteria'
  | 'Topics'
  | 'Queues'
  | 'SourceAccessConfigurations'
  | 'SelfManagedEventSource'
  | 'ScalingConfig'
  | 'AmazonManagedKafkaEventSourceConfig'
  | 'SelfManagedKafkaEventSourceConfig'
  | 'DocumentDBEventSourceConfig';

/**
 * Every field the form edits: the source-dependent ones, those common to all sources, and the
 * request members made of registry leaves (`request-members.ts`).
 */
export type MappingField =
  SourceField | 'FunctionName' | 'EventSourceArn' | 'Enabled' | LeafMemberName;

/**
 * An integer limit. Values are whole numbers in `[min, max]`, or exactly `sentinel.value`.
 */
export interface IntegerLimit {
  /** Smallest accepted value (inclusive), not counting the sentinel. */
  min: number;
  /** Largest accepted value (inclusive). */
  max: number;
  /** One extra accepted value outside the range, e.g. −1 = infinite (retry until the record expires). */
  sentinel?: { value: number; meaning: string };
  /** Unit of the value, plural (e.g. `seconds`, `records`). */
  unit: string;
  /** AWS's value when the field is omitted; absent when AWS's default is not representable. */
  default?: number;
  /** How to show the AWS default to the user (e.g. `100`, `500 ms`, `-1 (infinite)`). */
  defaultLabel: string;
  /** Where the limit comes from. */
  source: DocRef;
}

/** StartingPosition rules for a stream-like source. */
export interface StartingPositionRule {
  /** Whether AWS (or this console, see `requiredReason`) requires a StartingPosition on create. */
  required: boolean;
  /** Positions AWS accepts for this source. AT_TIMESTAMP also needs StartingPositionTimestamp. */
  options: readonly EventSourcePosition[];
  /** AWS's position when omitted (only when not required). */
  default?: EventSourcePosition;
  /** Where the rule comes from. */
  source: DocRef;
}

/** Kinds of on-failure destination AWS accepts for a source. */
export type DestinationKind = 'sqs' | 'sns' | 's3' | 'kafka';

/** Rules for `SourceAccessConfigurations` of one source type. */
export interface SourceAccessRule {
  /** Types AWS accepts for this source, in the order the UI should offer them. */
  allowed: readonly SourceAccessType[];
  /** A type that must appear exactly once (MQ and DocumentDB: `BASIC_AUTH`). */
  exactlyOne?: SourceAccessType;
  /** At least one entry of any allowed type is required (self-managed Kafka). */
  atLeastOne?: boolean;
  /** At most one of these may appear (one authentication method). */
  atMostOneOf?: readonly SourceAccessType[];
  /** These types must be given together or not at all (VPC subnet + security group). */
  together?: readonly [SourceAccessType, SourceAccessType];
  /** Where the rules come from. */
  source: DocRef;
}

/** Per-source limits: the single source of truth for the form. */
export interface SourceLimits {
  /** The discriminator value. */
  type: SourceType;
  /** Display name of the source. */
  label: string;
  /** The ARN service (3rd ARN field) of `EventSourceArn`; `null` = no ARN (self-managed Kafka). */
  arnService: 'kinesis' | 'dynamodb' | 'sqs' | 'kafka' | 'mq' | 'rds' | null;
  /** Example ARN (or bootstrap server) for placeholders. */
  example: string;
  /** The AWS page listing which parameters apply to this source. */
  docs: DocRef;
  /** Records per batch. */
  BatchSize: IntegerLimit;
  /** Batching window, or `null` when AWS does not support one (SQS FIFO). */
  MaximumBatchingWindowInSeconds: IntegerLimit | null;
  /** SQS standard only: BatchSize above 10 needs a window of at least 1 second. */
  batchSizeOver10NeedsWindow: boolean;
  /** Batches per shard processed concurrently (Kinesis, DynamoDB). */
  ParallelizationFactor: IntegerLimit | null;
  /** StartingPosition rules, `null` when the field does not apply. */
  StartingPosition: StartingPositionRule | null;
  /** Maximum record age, `null` when it does not apply. */
  MaximumRecordAgeInSeconds: IntegerLimit | null;
  /** Maximum retry attempts, `null` when it does not apply. */
  MaximumRetryAttempts: IntegerLimit | null;
  /** Whether BisectBatchOnFunctionError applies (default false). */
  BisectBatchOnFunctionError: boolean;
  /** Accepted kinds of `DestinationConfig.OnFailure.Destination`, `null` when unsupported. */
  DestinationConfig: readonly DestinationKind[] | null;
  /** Tumbling window, `null` when it does not apply. */
  TumblingWindowInSeconds: IntegerLimit | null;
  /** Whether `FunctionResponseTypes: ["ReportBatchItemFailures"]` applies. */
  FunctionResponseTypes: boolean;
  /** `Topics` (exactly one Kafka topic) is required. */
  Topics: boolean;
  /** `Queues` (exactly one MQ queue) is required. */
  Queues: boolean;
  /** SourceAccessConfigurations rules, `null` when the field does not apply. */
  SourceAccessConfigurations: SourceAccessRule | null;
  /** `SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS` is required (self-managed Kafka). */
  SelfManagedEventSource: boolean;
  /** SQS maximum concurrency, `null` when it does not apply. */
  ScalingConfig: IntegerLimit | null;
  /** Where the consumer group id goes, `null` when the source has none. */
  consumerGroupConfig:
    'AmazonManagedKafkaEventSourceConfig' | 'SelfManagedKafkaEventSourceConfig' | null;
  /** `DocumentDBEventSourceConfig` (database, collection, full document) applies. */
  DocumentDBEventSourceConfig: boolean;
}

const model = AWS_DOCS.serviceModel;

const batchingWindowStreamsSqs: IntegerLimit = {
  min: 0,
  max: 300,
  unit: 'seconds',
  default: 0,
  defaultLabel: '0 seconds',
  source: AWS_DOCS.createApi,
};
// Kafka, MQ and DocumentDB default to 500 ms, which whole seconds cannot express; once set, AWS
// cannot go back to it ("To restore the default batching window, you must create a new event
// source mapping" — CreateEventSourceMapping, MaximumBatchingWindowInSeconds).
const batchingWindow500ms: IntegerLimit = {
  min: 0,
  max: 300,
  unit: 'seconds',
  defaultLabel: '500 ms',
  source: AWS_DOCS.createApi,
};
const batchSize = (def: number, max: number, source: DocRef): IntegerLimit => ({
  min: 1,
  max,
  unit: 'records',
  default: def,
  defaultLabel: String(def),
  source,
});
const parallelizationFactor: IntegerLimit = {
  min: 1,
  max: 10,
  unit: 'concurrent batches per shard',
  default: 1,
  defaultLabel: '1',
  source: model,
};
// Model range is −1..604800, but AWS answers 0..59 with "MaximumRecordAgeInSeconds must be either
// -1 (forever) or between 60 and 604800 (inclusive)" (reference §3.2; EventSourceMappingConfiguration
// doc: "The minimum valid value for maximum record age is 60s").
const maximumRecordAge: IntegerLimit = {
  min: 60,
  max: 604800,
  sentinel: { value: -1, meaning: 'infinite' },
  unit: 'seconds',
  default: -1,
  defaultLabel: '-1 (infinite)',
  source: AWS_DOCS.createApi,
};
const maximumRetryAttempts: IntegerLimit = {
  min: 0,
  max: 10000,
  sentinel: { value: -1, meaning: 'infinite' },
  unit: 'retries',
  default: -1,
  defaultLabel: '-1 (infinite)',
  source: model,
};
const tumblingWindow: IntegerLimit = {
  min: 0,
  max: 900,
  unit: 'seconds',
  default: 0,
  defaultLabel: '0 (no tumbling window)',
  source: model,
};
const maximumConcurrency: IntegerLimit = {
  min: 2,
  max: 1000,
  unit: 'concurrent function instances',
  defaultLabel: 'not set (no limit beyond the function’s concurrency)',
  source: AWS_DOCS.scalingConfigCfn,
};
const ALL_POSITIONS: readonly EventSourcePosition[] = ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'];

const none = {
  ParallelizationFactor: null,
  StartingPosition: null,
  MaximumRecordAgeInSeconds: null,
  MaximumRetryAttempts: null,
  BisectBatchOnFunctionError: false,
  DestinationConfig: null,
  TumblingWindowInSeconds: null,
  FunctionResponseTypes: false,
  Topics: false,
  Queues: false,
  SourceAccessConfigurations: null,
  SelfManagedEventSource: false,
  ScalingConfig: null,
  consumerGroupConfig: null,
  DocumentDBEventSourceConfig: false,
  batchSizeOver10NeedsWindow: false,
} as const;

const streamErrorHandling = {
  MaximumRecordAgeInSeconds: maximumRecordAge,
  MaximumRetryAttempts: maximumRetryAttempts,
  BisectBatchOnFunctionError: true,
  DestinationConfig: ['sqs', 'sns', 's3'] as const,
  TumblingWindowInSeconds: tumblingWindow,
  FunctionResponseTypes: true,
  ParallelizationFactor: parallelizationFactor,
};

/**
 * Kafka error-handling controls other than the on-failure destination (retries, record age, bisect,
 * partial batch response) are only available in provisioned mode (AWS_DOCS.kafkaRetry), which this
 * form does not configure, so they are not offered for MSK or self-managed Kafka.
 */
// Kafka error handling (retries, record age, bisect, ReportBatchItemFailures) is taken in
// provisioned mode only (AWS_DOCS.kafkaRetry; the schema's cross-field rules enforce the mode).
// MaximumRetryAttempts defaults to -1 in Stream mode and 0 in Queue mode (client-lambda 3.1164.0).
const kafkaCommon = {
  BatchSize: batchSize(100, 10000, AWS_DOCS.createApi),
  MaximumBatchingWindowInSeconds: batchingWindow500ms,
  DestinationConfig: ['sqs', 'sns', 's3', 'kafka'] as const,
  MaximumRetryAttempts: { ...maximumRetryAttempts, source: AWS_DOCS.kafkaRetry },
  MaximumRecordAgeInSeconds: { ...maximumRecordAge, source: AWS_DOCS.kafkaRetry },
  BisectBatchOnFunctionError: true,
  FunctionResponseTypes: true,
  Topics: true,
};

const mqCommon = {
  arnService: 'mq' as const,
  example:
    'arn:aws:mq:us-east-1:123456789012:broker:my-broker:b-0123abcd-4567-89ab-cdef-0123456789ab',
  docs: AWS_DOCS.mqParams,
  BatchSize: batchSize(100, 10000, AWS_DOCS.mqParams),
  MaximumBatchingWindowInSeconds: batchingWindow500ms,
  Queues: true,
};

/**
 * The per-source table. Each entry's `docs` is the AWS page listing the parameters that apply to
 * that source; each limit carries its own `source`.
 */
export const SOURCE_LIMITS: Readonly<Record<SourceType, SourceLimits>> = {
  kinesis: {
    ...none,
    ...streamErrorHandling,
    type: 'kinesis',
    label: 'Amazon Kinesis',
    arnService: 'kinesis',
    example: 'arn:aws:kinesis:us-east-1:123456789012:stream/my-stream',
    docs: AWS_DOCS.kinesisParams,
    BatchSize: batchSize(100, 10000, AWS_DOCS.kinesisParams),
    MaximumBatchingWindowInSeconds: batchingWindowStreamsSqs,
    StartingPosition: { required: true, options: ALL_POSITIONS, source: AWS_DOCS.kinesisParams },
  },
  dynamodb: {
    ...none,
    ...streamErrorHandling,
    type: 'dynamodb',
    label: 'Amazon DynamoDB Streams',
    arnService: 'dynamodb',
    example:
      'arn:aws:dynamodb:us-east-1:123456789012:table/my-table/stream/2024-06-10T19:26:16.525',
    docs: AWS_DOCS.dynamodbParams,
    // Max raised from 1,000 to 10,000 (~2022); CreateEventSourceMapping BatchSize doc.
    BatchSize: batchSize(100, 10000, AWS_DOCS.dynamodbParams),
    MaximumBatchingWindowInSeconds: batchingWindowStreamsSqs,
    // AT_TIMESTAMP → "Unsupported starting position for arn type" (reference §3.2).
    StartingPosition: {
      required: true,
      options: ['TRIM_HORIZON', 'LATEST'],
      source: AWS_DOCS.dynamodbParams,
    },
  },
  sqs: {
    ...none,
    type: 'sqs',
    label: 'Amazon SQS (standard queue)',
    arnService: 'sqs',
    example: 'arn:aws:sqs:us-east-1:123456789012:my-queue',
    docs: AWS_DOCS.sqsParams,
    BatchSize: batchSize(10, 10000, AWS_DOCS.sqsParams),
    MaximumBatchingWindowInSeconds: batchingWindowStreamsSqs,
    batchSizeOver10NeedsWindow: true,
    FunctionResponseTypes: true,
    ScalingConfig: maximumConcurrency,
  },
  'sqs-fifo': {
    ...none,
    type: 'sqs-fifo',
    label: 'Amazon SQS (FIFO queue)',
    arnService: 'sqs',
    example: 'arn:aws:sqs:us-east-1:123456789012:my-queue.fifo',
    docs: AWS_DOCS.sqsParams,
    // "For FIFO queues the max is 10"; a batching window is not supported for FIFO queues.
    BatchSize: batchSize(10, 10, AWS_DOCS.sqsParams),
    MaximumBatchingWindowInSeconds: null,
    FunctionResponseTypes: true,
    ScalingConfig: maximumConcurrency,
  },
  msk: {
    ...none,
    ...kafkaCommon,
    type: 'msk',
    label: 'Amazon MSK',
    arnService: 'kafka',
    example:
      'arn:aws:kafka:us-east-1:123456789012:cluster/my-cluster/abcd1234-ab12-cd34-ef56-abcdef123456-2',
    docs: AWS_DOCS.mskParams,
    StartingPosition: { required: true, options: ALL_POSITIONS, source: AWS_DOCS.createApi },
    // MSK: no SASL/PLAIN; IAM auth needs no entry (AWS_DOCS.mskAuth).
    SourceAccessConfigurations: {
      allowed: ['SASL_SCRAM_512_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH'],
      atMostOneOf: ['SASL_SCRAM_512_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH'],
      source: AWS_DOCS.mskAuth,
    },
    consumerGroupConfig: 'AmazonManagedKafkaEventSourceConfig',
  },
  'self-managed-kafka': {
    ...none,
    ...kafkaCommon,
    type: 'self-managed-kafka',
    label: 'Self-managed Apache Kafka',
    arnService: null,
    example: 'b-1.example.com:9092',
    docs: AWS_DOCS.kafkaParams,
    // Optional; AWS answers TRIM_HORIZON when omitted (reference §1.3 [AWS-rec]).
    StartingPosition: {
      required: false,
      options: ALL_POSITIONS,
      default: 'TRIM_HORIZON',
      source: AWS_DOCS.reference,
    },
    // No entries → 400 "Required 'sourceAccessConfigurations' parameter is missing." (reference
    // §3.4 [AWS-rec]); one authentication method; subnet + security group together (AWS SAM).
    SourceAccessConfigurations: {
      allowed: [
        'BASIC_AUTH',
        'SASL_SCRAM_256_AUTH',
        'SASL_SCRAM_512_AUTH',
        'CLIENT_CERTIFICATE_TLS_AUTH',
        'SERVER_ROOT_CA_CERTIFICATE',
        'VPC_SUBNET',
        'VPC_SECURITY_GROUP',
        'OAUTHBEARER_AUTH',
        'OAUTHBEARER_SCOPE',
        'OAUTHBEARER_AUDIENCE',
        'OAUTHBEARER_LOGICAL_CLUSTER',
        'OAUTHBEARER_IDENTITY_POOL',
        'IAM_AUTH',
        'IAM_OAUTHBEARER_AUTH',
      ],
      atLeastOne: true,
      atMostOneOf: [
        'BASIC_AUTH',
        'SASL_SCRAM_256_AUTH',
        'SASL_SCRAM_512_AUTH',
        'CLIENT_CERTIFICATE_TLS_AUTH',
        'OAUTHBEARER_AUTH',
        'IAM_AUTH',
        'IAM_OAUTHBEARER_AUTH',
      ],
      together: ['VPC_SUBNET', 'VPC_SECURITY_GROUP'],
      source: AWS_DOCS.samPullSources,
    },
    SelfManagedEventSource: true,
    consumerGroupConfig: 'SelfManagedKafkaEventSourceConfig',
  },
  'mq-activemq': {
    ...none,
    ...mqCommon,
    type: 'mq-activemq',
    label: 'Amazon MQ (ActiveMQ)',
    // The seed (2020-11-05): "The value of Type is always BASIC_AUTH"; exactly one (AWS SAM MQ).
    SourceAccessConfigurations: {
      allowed: ['BASIC_AUTH'],
      exactlyOne: 'BASIC_AUTH',
      source: AWS_DOCS.mqParams,
    },
  },
  'mq-rabbitmq': {
    ...none,
    ...mqCommon,
    type: 'mq-rabbitmq',
    label: 'Amazon MQ (RabbitMQ)',
    // VIRTUAL_HOST: "(RabbitMQ) The name of the virtual host … cannot be specified in an
    // UpdateEventSourceMapping API call" (AWS_DOCS.sourceAccess).
    SourceAccessConfigurations: {
      allowed: ['BASIC_AUTH', 'VIRTUAL_HOST'],
      exactlyOne: 'BASIC_AUTH',
      atMostOneOf: ['VIRTUAL_HOST'],
      source: AWS_DOCS.sourceAccess,
    },
  },
  documentdb: {
    ...none,
    type: 'documentdb',
    label: 'Amazon DocumentDB',
    arnService: 'rds',
    example: 'arn:aws:rds:us-east-1:123456789012:cluster:my-docdb-cluster',
    docs: AWS_DOCS.documentdb,
    BatchSize: batchSize(100, 10000, AWS_DOCS.createApi),
    MaximumBatchingWindowInSeconds: batchingWindow500ms,
    // Marked (?) in the reference; this console requires a choice (AWS's own example sets it).
    StartingPosition: { required: true, options: ALL_POSITIONS, source: AWS_DOCS.documentdb },
    SourceAccessConfigurations: {
      allowed: ['BASIC_AUTH'],
      exactlyOne: 'BASIC_AUTH',
      source: AWS_DOCS.samPullSources,
    },
    DocumentDBEventSourceConfig: true,
  },
};

/** How a SourceAccessConfiguration's `URI` is formed, per `Type`. */
export interface SourceAccessTypeInfo {
  /** Display name. */
  label: string;
  /**
   * What the URI holds: a Secrets Manager secret ARN, a RabbitMQ virtual host, `subnet:…`,
   * `security_group:…`, a plain value (an OAuth scope, audience or identifier; spaces allowed), or
   * nothing (`none`: IAM types, whose URI is omitted).
   */
  uriKind: 'secret-arn' | 'virtual-host' | 'subnet' | 'security-group' | 'value' | 'none';
  /** Example URI for placeholders (`''` for `none`). */
  example: string;
  /** Whether UpdateEventSourceMapping may carry this type (VIRTUAL_HOST may not). */
  updatable: boolean;
  /**
   * Types one of which must also be present (`OAUTHBEARER_SCOPE` needs `OAUTHBEARER_AUTH`), from
   * the model's `SourceAccessConfiguration.Type` doc (client-lambda 3.1164.0).
   */
  requiresOneOf?: readonly SourceAccessType[];
  /** Types that may not be present with this one (`IAM_OAUTHBEARER_AUTH` excludes the scope…). */
  excludes?: readonly SourceAccessType[];
}

const exampleSecret = (name: string) =>
  `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`;

/**
 * URI formats of every SourceAccessType of the newest model (AWS_DOCS.sourceAccess and the
 * `SourceAccessConfiguration.Type` doc of client-lambda 3.1164.0, which added the seven OAuth and
 * IAM types for self-managed Kafka). All URIs are limited to 1..200 characters of
 * `[ a-zA-Z0-9-/*:_+=.@-]` (service model `URI`, 2026-08: a space is allowed).
 */
export const SOURCE_ACCESS_TYPES: Readonly<Record<SourceAccessType, SourceAccessTypeInfo>> = {
  BASIC_AUTH: {
    label: 'Basic authentication (Secrets Manager secret)',
    uriKind: 'secret-arn',
    example: exampleSecret('MyBrokerSecret'),
    updatable: true,
  },
  VIRTUAL_HOST: {
    label: 'RabbitMQ virtual host',
    uriKind: 'virtual-host',
    example: '/',
    updatable: false,
  },
  VPC_SUBNET: {
    label: 'VPC subnet',
    uriKind: 'subnet',
    example: 'subnet:subnet-0123456789abcdef0',
    updatable: true,
  },
  VPC_SECURITY_GROUP: {
    label: 'VPC security group',
    uriKind: 'security-group',
    example: 'security_group:sg-0123456789abcdef0',
    updatable: true,
  },
  SASL_SCRAM_256_AUTH: {
    label: 'SASL/SCRAM-256 (Secrets Manager secret)',
    uriKind: 'secret-arn',
    example: exampleSecret('MyKafkaSecret'),
    updatable: true,
  },
  SASL_SCRAM_512_AUTH: {
    label: 'SASL/SCRAM-512 (Secrets Manager secret)',
    uriKind: 'secret-arn',
    example: exampleSecret('MyKafkaSecret'),
    updatable: true,
  },
  CLIENT_CERTIFICATE_TLS_AUTH: {
    label: 'Mutual TLS client certificate (Secrets Manager secret)',
    uriKind: 'secret-arn',
    example: exampleSecret('MyClientCert'),
    updatable: true,
  },
  SERVER_ROOT_CA_CERTIFICATE: {
    label: 'Server root CA certificate (Secrets Manager secret)',
    uriKind: 'secret-arn',
    example: exampleSecret('MyRootCa'),
    updatable: true,
  },
  OAUTHBEARER_AUTH: {
    label: 'SASL/OAUTHBEARER: OAuth 2.0 credentials (Secrets Manager secret)',
    uriKind: 'secret-arn',
    example: exampleSecret('MyOAuthClient'),
    updatable: true,
  },
  OAUTHBEARER_SCOPE: {
    label: 'OAuth 2.0 scope (the value, not a secret)',
    uriKind: 'value',
    example: 'kafka:read kafka:write',
    updatable: true,
    requiresOneOf: ['OAUTHBEARER_AUTH'],
  },
  OAUTHBEARER_AUDIENCE: {
    label: 'OAuth 2.0 audience (the value, not a secret)',
    uriKind: 'value',
    example: 'https://kafka.example.com',
    updatable: true,
    requiresOneOf: ['OAUTHBEARER_AUTH', 'IAM_OAUTHBEARER_AUTH'],
  },
  OAUTHBEARER_LOGICAL_CLUSTER: {
    label: 'Confluent Cloud logical cluster ID',
    uriKind: 'value',
    example: 'lkc-abc123',
    updatable: true,
    requiresOneOf: ['OAUTHBEARER_AUTH'],
  },
  OAUTHBEARER_IDENTITY_POOL: {
    label: 'Confluent Cloud identity pool ID',
    uriKind: 'value',
    example: 'pool-AbCd',
    updatable: true,
    requiresOneOf: ['OAUTHBEARER_AUTH'],
  },
  IAM_AUTH: {
    label: 'IAM (the execution role signs each connection; no URI)',
    uriKind: 'none',
    example: '',
    updatable: true,
  },
  IAM_OAUTHBEARER_AUTH: {
    label: 'IAM web identity token over SASL/OAUTHBEARER (no URI)',
    uriKind: 'none',
    example: '',
    updatable: true,
    requiresOneOf: ['OAUTHBEARER_AUDIENCE'],
    excludes: ['OAUTHBEARER_SCOPE', 'OAUTHBEARER_LOGICAL_CLUSTER', 'OAUTHBEARER_IDENTITY_POOL'],
  },
};

/**
 * Whether `type` is a SourceAccessType this console knows. A mapping made through a newer API may
 * carry others: the form keeps those entries as they are and never blocks saving on them.
 */
export function isKnownSourceAccessType(type: string): type is SourceAccessType {
  return Object.hasOwn(SOURCE_ACCESS_TYPES, type);
}

/** Limits shared by all sources (service model unless stated). */
export const COMMON_LIMITS = {
  /** FunctionName: 1..256 characters over the whole string (name, partial or full ARN). */
  functionNameMaxLength: 256,
  /** A bare function name is limited to 64 characters (CreateEventSourceMapping, FunctionName). */
  functionNameOnlyMaxLength: 64,
  /** Alias or version qualifier: 1..128 characters (reference §1.4). */
  qualifierMaxLength: 128,
  /** `Topics` item: 2..249 characters (the pattern needs two or more), pattern `[^.]([a-zA-Z0-9\-_.]+)`. */
  topicMaxLength: 249,
  /** `Queues` item: 1..1000 characters. */
  queueMaxLength: 1000,
  /** `SourceAccessConfigurations`: 0..23 entries (model 2026-08; 22 before); each `URI` 1..200 characters. */
  sourceAccessMaxItems: 23,
  sourceAccessUriMaxLength: 200,
  /** `SelfManagedEventSource` bootstrap servers: 1..10 `host:port`, each 1..300 characters. */
  bootstrapServersMaxItems: 10,
  bootstrapServerMaxLength: 300,
  /** `Filter.Pattern`: 0..4096 characters. */
  filterPatternMaxLength: 4096,
  /**
   * Filters per mapping: 5 is the default quota (AWS_DOCS.filtering), adjustable to 10 through
   * Service Quotas. The form allows up to {@link COMMON_LIMITS.maxRaisedFilters} and says that more
   * than 5 needs a raised quota: the console cannot read the account's quota, Lambda is the
   * authority.
   */
  defaultMaxFilters: 5,
  /** The most filters a raised quota allows (Service Quotas: 10). */
  maxRaisedFilters: 10,
  /** `DestinationConfig.OnFailure.Destination`: 0..350 characters. */
  destinationMaxLength: 350,
  /** Consumer group id (service model shape `URI`): 1..200 characters. */
  consumerGroupIdMaxLength: 200,
  /** DocumentDB DatabaseName 1..63; CollectionName 1..57 (service model). */
  databaseNameMaxLength: 63,
  collectionNameMaxLength: 57,
} as const;

/**
 * Fields `UpdateEventSourceMapping` can change, as the form treats them: the members the registry
 * marks `updatable` (`request-members.ts`, from the newest Update request shape). Everything else is
 * create-only: changing it means a new mapping. VIRTUAL_HOST entries cannot be sent on update
 * (see {@link SOURCE_ACCESS_TYPES}).
 */
export const UPDATABLE_FIELDS: ReadonlySet<MappingField> = new Set<MappingField>(
  REQUEST_MEMBERS.filter((m) => m.updatable).map((m) => m.name as MappingField),
);

/**
 * Whether `field` applies to `type` at all (is offered by the form and may be sent).
 * @param type the source type.
 * @param field a request field name.
 * @returns true when AWS accepts the field for this source (per {@link SOURCE_LIMITS}).
 */
export function fieldApplies(type: SourceType, field: MappingField): boolean {
  const limits = SOURCE_LIMITS[type];
  switch (field) {
    case 'FunctionName':
    case 'Enabled':
    case 'BatchSize':
    case 'FilterCriteria':
      return true;
    case 'EventSourceArn':
      return limits.arnService !== null;
    case 'StartingPositionTimestamp':
      return limits.StartingPosition?.options.includes('AT_TIMESTAMP') ?? false;
    case 'AmazonManagedKafkaEventSourceConfig':
    case 'SelfManagedKafkaEventSourceConfig':
      return limits.consumerGroupConfig === field;
    case 'DestinationConfig':
      return limits.DestinationConfig !== null;
    case 'ProvisionedPollerConfig':
    case 'MetricsConfig':
    case 'LoggingConfig':
    case 'KMSKeyArn':
      return leavesOf(field).some((leaf) => leafApplies(leaf, type));
    default: {
      const value = limits[field];
      return value !== null && value !== false;
    }
  }
}

/** Whether a field can be edited on an existing mapping, and if not, why. */
export type FieldEditability = { editable: true } | { editable: false; reason: string };

/**
 * Whether UpdateEventSourceMapping can change `field` for a mapping of `type`.
 * @param type the source type.
 * @param field a request field name.
 * @returns `{editable: true}` or `{editable: false, reason}` with a sentence for the read-only view.
 */
export function fieldEditability(type: SourceType, field: MappingField): FieldEditability {
  if (!fieldApplies(type, field)) {
    return { editable: false, reason: `${field} does not apply to ${SOURCE_LIMITS[type].label}.` };
  }
  if (UPDATABLE_FIELDS.has(field)) return { editable: true };
  const what =
    field === 'AmazonManagedKafkaEventSourceConfig' || field === 'SelfManagedKafkaEventSourceConfig'
      ? 'the consumer group ID'
      : field;
  return {
    editable: false,
    reason: `AWS cannot change ${what} of an existing mapping (UpdateEventSourceMapping does not accept it). To change it, create a new mapping and delete this one.`,
  };
}

/** Outcome of {@link detectSourceType}. */
export type DetectedSource =
  | { kind: 'detected'; type: SourceType; description: string }
  /** Amazon MQ: the engine (ActiveMQ or RabbitMQ) is not visible in the ARN; the user picks. */
  | {
      kind: 'needs-engine';
      candidates: readonly ['mq-activemq', 'mq-rabbitmq'];
      description: string;
    }
  | { kind: 'unsupported'; message: string }
  | { kind: 'invalid'; message: string };

// Defined in its own module so the mappings list can use it without this table.
export { EVENT_SOURCE_ARN_PATTERN };

/**
 * Detects the source type from a pasted `EventSourceArn` (reference §2.1): the 3rd ARN field is
 * the service.
 * - `kinesis` `stream/<name>` or `stream/<name>/consumer/<consumer>:<timestamp>` → kinesis;
 * - `dynamodb` `table/<table>/stream/<label>` → dynamodb (a table ARN without `/stream/` is invalid);
 * - `sqs` `<queue>` → sqs, or sqs-fifo when the queue name ends in `.fifo`;
 * - `kafka` `cluster/<name>/<uuid>` or `vpc-connection/…` → msk;
 * - `mq` `broker:<name>:<id>` → needs-engine (ActiveMQ vs RabbitMQ is not in the ARN);
 * - `rds` `cluster:<id>` → documentdb.
 * Self-managed Kafka has no ARN and is never detected.
 * @param arn the ARN as pasted (surrounding whitespace is ignored).
 * @returns the detection result; never throws.
 */
export function detectSourceType(arn: string): DetectedSource {
  const match = EVENT_SOURCE_ARN_PATTERN.exec(arn.trim());
  if (!match) {
    return {
      kind: 'invalid',
      message:
        'Enter an ARN of the form arn:aws:<service>:<region>:<account-id>:<resource> (self-managed Kafka has no ARN: choose it as the source type instead).',
    };
  }
  const service = match[2] ?? '';
  const resource = match[5] ?? '';
  switch (service) {
    case 'kinesis':
      if (/^stream\/[^/]+\/consumer\/[^/]+$/.test(resource)) {
        return {
          kind: 'detected',
          type: 'kinesis',
          description: 'Kinesis enhanced fan-out consumer',
        };
      }
      if (/^stream\/[^/]+$/.test(resource)) {
        return { kind: 'detected', type: 'kinesis', description: 'Kinesis data stream' };
      }
      return {
        kind: 'invalid',
        message:
          'A Kinesis ARN must name a stream (…:stream/<name>) or a stream consumer (…:stream/<name>/consumer/<consumer>:<timestamp>).',
      };
    case 'dynamodb':
      if (/^table\/[^/]+\/stream\/[^/]+$/.test(resource)) {
        return { kind: 'detected', type: 'dynamodb', description: 'DynamoDB stream' };
      }
      return {
        kind: 'invalid',
        message:
          'Use the DynamoDB table’s stream ARN (…:table/<table>/stream/<label>), not the table ARN; enable a stream on the table first.',
      };
    case 'sqs':
      if (resource === '' || resource.includes('/') || resource.includes(':')) {
        return {
          kind: 'invalid',
          message: 'An SQS ARN ends with the queue name: …:<account-id>:<queue>.',
        };
      }
      return resource.endsWith('.fifo')
        ? { kind: 'detected', type: 'sqs-fifo', description: 'SQS FIFO queue' }
        : { kind: 'detected', type: 'sqs', description: 'SQS standard queue' };
    case 'kafka':
      if (/^(cluster|vpc-connection)\/.+/.test(resource)) {
        return { kind: 'detected', type: 'msk', description: 'Amazon MSK cluster' };
      }
      return {
        kind: 'invalid',
        message:
          'An Amazon MSK ARN must name a cluster (…:cluster/<name>/<uuid>) or a VPC connection.',
      };
    case 'mq':
      if (/^broker:[^:]+:[^:]+$/.test(resource)) {
        return {
          kind: 'needs-engine',
          candidates: ['mq-activemq', 'mq-rabbitmq'],
          description:
            'Amazon MQ broker (choose ActiveMQ or RabbitMQ: the engine is not in the ARN)',
        };
      }
      return {
        kind: 'invalid',
        message: 'An Amazon MQ ARN must name a broker: …:broker:<name>:<id>.',
      };
    case 'rds':
      if (/^cluster:[^:]+$/.test(resource)) {
        return { kind: 'detected', type: 'documentdb', description: 'Amazon DocumentDB cluster' };
      }
      return {
        kind: 'invalid',
        message:
          'A DocumentDB ARN must name a cluster: arn:aws:rds:<region>:<account-id>:cluster:<id>.',
      };
    default:
      return {
        kind: 'unsupported',
        message: `Lambda event source mappings cannot read from “${service}”. Enter the ARN of a Kinesis stream, DynamoDB stream, SQS queue, Amazon MSK cluster, Amazon MQ broker or DocumentDB cluster (self-managed Kafka has no ARN: choose it as the source type instead).`,
      };
  }
}

/**
 * Whether a detection result is compatible with the chosen source type.
 * @param detected result of {@link detectSourceType}.
 * @param type the chosen source type.
 */
export function detectionMatches(detected: DetectedSource, type: SourceType): boolean {
  if (detected.kind === 'detected') return detected.type === type;
  if (detected.kind === 'needs-engine')
    return (detected.candidates as readonly string[]).includes(type);
  return false;
}

/**
 * Source type of an existing mapping (for edit). Amazon MQ is reported as RabbitMQ when it has a
 * `VIRTUAL_HOST` entry and as ActiveMQ otherwise (the engine is not in the response; for editing the
 * difference does not matter, because VIRTUAL_HOST cannot be updated).
 * @param mapping a Get/List/Create/Update response.
 * @returns the source type, or `undefined` when the source cannot be recognised.
 */
export function sourceTypeOfMapping(mapping: {
  EventSourceArn?: string | undefined;
  SelfManagedEventSource?: unknown;
  SourceAccessConfigurations?: ReadonlyArray<{ Type?: string | undefined }> | undefined;
}): SourceType | undefined {
  if (!mapping.EventSourceArn)
    return mapping.SelfManagedEventSource ? 'self-managed-kafka' : undefined;
  const detected = detectSourceType(mapping.EventSourceArn);
  if (detected.kind === 'detected') return detected.type;
  if (detected.kind === 'needs-engine') {
    return mapping.SourceAccessConfigurations?.some((c) => c.Type === 'VIRTUAL_HOST')
      ? 'mq-rabbitmq'
      : 'mq-activemq';
  }
  return undefined;
}

/** Text the UI shows next to a field: units, limits and AWS default. */
export interface FieldDescription {
  /** Short label (AWS's name). */
  label: string;
  /** One sentence with unit, range and default. */
  help: string;
  /** The AWS default as shown to the user, when there is one. */
  defaultLabel?: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * The allowed values of an integer limit in words, e.g. `-1 (infinite) or 60–604,800 seconds`.
 * @param limit an entry of {@link SOURCE_LIMITS}.
 */
export function allowedRangeText(limit: IntegerLimit): string {
  const range = `${fmt(limit.min)}–${fmt(limit.max)} ${limit.unit}`;
  return limit.sentinel
    ? `${fmt(limit.sentinel.value)} (${limit.sentinel.meaning}) or ${range}`
    : range;
}

function describeLimit(limit: IntegerLimit): string {
  return `${allowedRangeText(limit)}. AWS default: ${limit.defaultLabel}.`;
}

/**
 * Help text for a field of a source type (units, limits, default), derived from the table.
 * @param type the source type.
 * @param field a request field.
 * @returns the label, help sentence and default; for a field that does not apply, help says so.
 */
export function describeField(type: SourceType, field: MappingField): FieldDescription {
  const l = SOURCE_LIMITS[type];
  if (!fieldApplies(type, field)) {
    return { label: field, help: `Does not apply to ${l.label}.` };
  }
  const limitField = (limit: IntegerLimit | null, what: string): FieldDescription => {
    const desc: FieldDescription = {
      label: field,
      help: limit ? `${what}: ${describeLimit(limit)}` : what,
    };
    if (limit) desc.defaultLabel = limit.defaultLabel;
    return desc;
  };
  switch (field) {
    case 'FunctionName':
      return {
        label: field,
        help: 'Function name (up to 64 characters), partial ARN (123456789012:function:name) or full ARN, optionally with :version or :alias. Up to 256 characters in total.',
      };
    case 'EventSourceArn':
      return { label: field, help: `ARN of the ${l.label} source, e.g. ${l.example}.` };
    case 'Enabled':
      return {
        label: field,
        help: 'Whether Lambda polls the source. AWS default: enabled.',
        defaultLabel: 'true',
      };
    case 'BatchSize':
      return limitField(l.BatchSize, 'Maximum records per batch');
    case 'MaximumBatchingWindowInSeconds':
      return limitField(
        l.MaximumBatchingWindowInSeconds,
        l.batchSizeOver10NeedsWindow
          ? 'Seconds to gather records before invoking (must be at least 1 when BatchSize is above 10)'
          : 'Seconds to gather records before invoking',
      );
    case 'ParallelizationFactor':
      return limitField(l.ParallelizationFactor, 'Batches processed concurrently from each shard');
    case 'StartingPosition': {
      const rule = l.StartingPosition;
      const opts = rule?.options.join(', ') ?? '';
      const desc: FieldDescription = {
        label: field,
        help: `Where to start reading: ${opts}. ${
          rule?.required ? 'Required.' : `AWS default: ${rule?.default ?? 'none'}.`
        } Cannot be changed after creation.`,
      };
      if (rule?.default) desc.defaultLabel = rule.default;
      return desc;
    }
    case 'StartingPositionTimestamp':
      return {
        label: field,
        help: 'With AT_TIMESTAMP only: the time to start reading from, in UTC, as a date and a 24-hour time, e.g. 2026-05-01 12:30:00 (or 2026/05/01 12:30); no time means 00:00:00 UTC. Must not be in the future.',
      };
    case 'MaximumRecordAgeInSeconds':
      return limitField(
        l.MaximumRecordAgeInSeconds,
        'Discard records older than this (-1: retry until the record expires)',
      );
    case 'MaximumRetryAttempts':
      return limitField(
        l.MaximumRetryAttempts,
        'Discard records after this many retries (-1: retry until the record expires)',
      );
    case 'BisectBatchOnFunctionError':
      return {
        label: field,
        help: 'On a function error, split the batch in two and retry each half. AWS default: false.',
        defaultLabel: 'false',
      };
    case 'DestinationConfig':
      return {
        label: 'DestinationConfig.OnFailure',
        help: `Where to send records of failed batches: ${(l.DestinationConfig ?? [])
          .map((k) => (k === 'kafka' ? 'kafka://<topic>' : `${k.toUpperCase()} ARN`))
          .join(', ')}. Up to 350 characters. AWS default: none.`,
      };
    case 'TumblingWindowInSeconds':
      return limitField(l.TumblingWindowInSeconds, 'Length of the processing window');
    case 'FunctionResponseTypes':
      return {
        label: field,
        help: 'ReportBatchItemFailures: let the function report which records failed so only those are retried.',
      };
    case 'FilterCriteria':
      return {
        label: field,
        help: `Up to ${COMMON_LIMITS.defaultMaxFilters} filter patterns (the default quota; up to ${COMMON_LIMITS.maxRaisedFilters} with a raised quota), each a JSON object of up to ${fmt(
          COMMON_LIMITS.filterPatternMaxLength,
        )} characters. Records matching any pattern are processed.`,
      };
    case 'Topics':
      return {
        label: field,
        help: 'Exactly one Kafka topic name (2–249 characters: letters, digits, - _ .). Cannot be changed after creation.',
      };
    case 'Queues':
      return {
        label: field,
        help: 'Exactly one Amazon MQ destination queue name (1–1,000 characters). Cannot be changed after creation.',
      };
    case 'SourceAccessConfigurations': {
      const rule = l.SourceAccessConfigurations;
      const parts = [`Allowed types: ${(rule?.allowed ?? []).join(', ')}.`];
      if (rule?.exactlyOne)
        parts.push(`Exactly one ${rule.exactlyOne} (Secrets Manager secret ARN) is required.`);
      if (rule?.atLeastOne)
        parts.push('At least one entry (authentication or VPC access) is required.');
      return { label: field, help: parts.join(' ') };
    }
    case 'SelfManagedEventSource':
      return {
        label: 'Bootstrap servers',
        help: `1–${COMMON_LIMITS.bootstrapServersMaxItems} Kafka bootstrap servers as host:port, separated by commas. Cannot be changed after creation.`,
      };
    case 'ScalingConfig':
      return limitField(
        l.ScalingConfig,
        'MaximumConcurrency: concurrent invocations this queue may use',
      );
    case 'AmazonManagedKafkaEventSourceConfig':
    case 'SelfManagedKafkaEventSourceConfig':
      return {
        label: 'Consumer group ID',
        help: 'Kafka consumer group to join, unique among your Kafka sources (1–200 characters). AWS default: generated. Cannot be changed after creation.',
      };
    case 'DocumentDBEventSourceConfig':
      return {
        label: field,
        help: 'DatabaseName (required, 1–63 characters), CollectionName (optional, 1–57 characters; default all collections), FullDocument (UpdateLookup or Default; AWS default Default).',
      };
    case 'ProvisionedPollerConfig':
    case 'MetricsConfig':
    case 'LoggingConfig':
    case 'KMSKeyArn':
      return {
        label: field,
        help: leavesOf(field)
          .filter((leaf) => leafApplies(leaf, type))
          .map((leaf) => leaf.help)
          .join(' '),
      };
  }
}

/** The request members made only of registry leaves, re-exported for the form's sections. */
export { LEAF_MEMBER_NAMES };
