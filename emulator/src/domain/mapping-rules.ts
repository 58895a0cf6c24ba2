/**
 * The single place for CreateEventSourceMapping / UpdateEventSourceMapping request rules:
 * model constraints (→ `ValidationException`), event-source detection (§2.1), which parameters
 * apply to which source (§3.1), the semantic rules AWS enforces (§3.2–§3.4, §4; texts and their
 * sources in {@link MESSAGES}), duplicate detection, and the per-source members AWS fills in its
 * responses (§1.3).
 *
 * Source: shared/reference/lambda-esm-api.md and lambda-esm-model-2026.md, the AWS Lambda
 * developer guide's per-source parameter tables, the Lambda model 2015-03-31 of 2026-08-07
 * (shared/reference/models: constraint values) and `@aws-sdk/client-lambda` 3.1164.0 (members,
 * enum values and member documentation newer than that model). Rules run in AWS's observed order (§4.2): model errors; `OnSuccess`;
 * source detection; parameter applicability (these are reported even when the function does not
 * exist); the function; per-source rules; the effective SQS batch window; duplicates.
 *
 * Emulator decisions where AWS's behaviour is not visible from the request:
 * - Amazon MQ ARNs do not show the engine, so `VIRTUAL_HOST` (RabbitMQ only) is accepted on
 *   Create for every MQ broker ARN, and refused on every Update (model documentation).
 * - Update ignores members outside its request shape (AWS's restJson1 deserialiser ignores
 *   unknown members; the SDKs cannot send them), so create-only fields never change.
 * - MSK without `StartingPosition` defaults to `TRIM_HORIZON`, as self-managed Kafka was
 *   recorded doing (the MSK docs list it as required); a Queue-mode self-managed Kafka mapping
 *   has none.
 * - Self-managed Kafka still needs `SourceAccessConfigurations` (recorded AWS 400 of 2024; the
 *   newest parameters page calls it optional — unverified which holds today).
 * - Provisioned mode (issue 9): `ProvisionedPollerConfig: {}` turns it off, as `ScalingConfig: {}`
 *   clears maximum concurrency. Kafka error handling counts only values other than the defaults
 *   (retries -1, or 0 in Queue mode; record age -1; no bisect; no response types), and of the
 *   on-failure destinations only a `kafka://` topic needs provisioned mode (SQS/SNS/S3
 *   destinations predate it). Poller groups are counted per region by name (AWS scopes them to
 *   the event source's VPC, which the emulator cannot see).
 * - Tags are stored with the mapping and only ListTags answers them (they are no member of
 *   `EventSourceMappingConfiguration`).
 */
import { LambdaError } from '../errors.ts';
import { isValidFilterPattern } from './filter-pattern.ts';
import { FUNCTION_NAME_SHAPE, splitFunctionArn } from './functions.ts';
import type {
  DestinationConfig,
  EventSourceMappingConfiguration,
  FilterCriteria,
  MappingState,
  SourceAccessConfiguration,
} from './model.ts';
import { memberPath, type Shape, validateModel } from './model-validation.ts';

// ------------------------------------------------------------------------------------------
// Model shapes: Lambda 2015-03-31 as of 2026-08-07 (botocore's copy in shared/reference/models,
// for every min/max and pattern), plus the members and enum values of @aws-sdk/client-lambda
// 3.1164.0 that no botocore copy has yet (marked "3.1164.0").
// ------------------------------------------------------------------------------------------

/** `Arn` pattern (EventSourceArn, schema-registry secrets; `eusc-` and ISO regions since 2026). */
export const ARN_PATTERN =
  'arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)';
/** `URI` (SourceAccessConfiguration.URI, ConsumerGroupId): a space is allowed since 2026. */
const URI_PATTERN = '[ a-zA-Z0-9-\\/*:_+=.@-]*';
/** `SchemaRegistryUri`: the older URI pattern, without a space. */
const SCHEMA_REGISTRY_URI_PATTERN = '[a-zA-Z0-9-\\/*:_+=.@-]*';

/**
 * `SourceAccessType`: the model's eight values in its order, then the seven self-managed Kafka
 * types of 3.1164.0 in the order of their documentation (AWS's enum order for them is not known).
 */
export const SOURCE_ACCESS_TYPES = [
  'BASIC_AUTH',
  'VPC_SUBNET',
  'VPC_SECURITY_GROUP',
  'SASL_SCRAM_512_AUTH',
  'SASL_SCRAM_256_AUTH',
  'VIRTUAL_HOST',
  'CLIENT_CERTIFICATE_TLS_AUTH',
  'SERVER_ROOT_CA_CERTIFICATE',
  'OAUTHBEARER_AUTH',
  'OAUTHBEARER_SCOPE',
  'OAUTHBEARER_AUDIENCE',
  'OAUTHBEARER_LOGICAL_CLUSTER',
  'OAUTHBEARER_IDENTITY_POOL',
  'IAM_AUTH',
  'IAM_OAUTHBEARER_AUTH',
] as const;

/** `KafkaEventSourceMappingConsumptionMode` (3.1164.0; documentation order, default first). */
export const CONSUMPTION_MODES = ['Stream', 'Queue'] as const;

/** `TagKey` / `TagValue` (model): letters, separators (space), digits and `_.:/=+-@`. */
const TAG_PATTERN = '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)';
const TAG_KEY: Shape = { type: 'string', min: 1, max: 128, pattern: TAG_PATTERN };

/** `Tags` map (CreateEventSourceMapping, TagResource). */
export const TAGS_SHAPE: Shape = {
  type: 'map',
  key: TAG_KEY,
  value: { type: 'string', min: 0, max: 256, pattern: TAG_PATTERN },
};

/** `TagKeyList` (UntagResource `tagKeys` query members). */
export const TAG_KEYS_SHAPE: Shape = { type: 'list', member: TAG_KEY };

/** `TaggableResource` (Tag/Untag/ListTags path label). */
export const TAGGABLE_RESOURCE_SHAPE: Shape = {
  type: 'string',
  min: 1,
  max: 10000,
  pattern:
    'arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(capacity-provider|network-connector):[a-zA-Z0-9-_]{1,64})',
};

/** `TagResourceRequest` (Resource is the path label). */
export const TAG_RESOURCE_SHAPE = {
  type: 'structure',
  required: ['Resource', 'Tags'],
  members: { Resource: TAGGABLE_RESOURCE_SHAPE, Tags: TAGS_SHAPE },
} as const satisfies Shape;

/** `UntagResourceRequest` (Resource path label, TagKeys the `tagKeys` query members). */
export const UNTAG_RESOURCE_SHAPE = {
  type: 'structure',
  required: ['Resource', 'TagKeys'],
  members: { Resource: TAGGABLE_RESOURCE_SHAPE, TagKeys: TAG_KEYS_SHAPE },
} as const satisfies Shape;

/** `ListTagsRequest`. */
export const LIST_TAGS_SHAPE = {
  type: 'structure',
  required: ['Resource'],
  members: { Resource: TAGGABLE_RESOURCE_SHAPE },
} as const satisfies Shape;

/** `EventSourcePosition`; enum order as AWS prints it in its message (§3.2 [AWS-rec]). */
export const STARTING_POSITIONS = ['LATEST', 'AT_TIMESTAMP', 'TRIM_HORIZON'] as const;

const DESTINATION: Shape = {
  type: 'structure',
  members: {
    Destination: {
      type: 'string',
      min: 0,
      max: 350,
      pattern:
        '$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)',
    },
  },
};

const SCHEMA_REGISTRY_CONFIG: Shape = {
  type: 'structure',
  members: {
    SchemaRegistryURI: {
      type: 'string',
      min: 1,
      max: 10000,
      pattern: SCHEMA_REGISTRY_URI_PATTERN,
    },
    EventRecordFormat: { type: 'string', enum: ['JSON', 'SOURCE'] },
    AccessConfigs: {
      type: 'list',
      member: {
        type: 'structure',
        members: {
          // OAUTHBEARER_AUTH: 3.1164.0.
          Type: {
            type: 'string',
            enum: [
              'BASIC_AUTH',
              'CLIENT_CERTIFICATE_TLS_AUTH',
              'SERVER_ROOT_CA_CERTIFICATE',
              'OAUTHBEARER_AUTH',
            ],
          },
          URI: { type: 'string', min: 0, max: 10000, pattern: ARN_PATTERN },
        },
      },
    },
    SchemaValidationConfigs: {
      type: 'list',
      member: {
        type: 'structure',
        members: { Attribute: { type: 'string', enum: ['KEY', 'VALUE'] } },
      },
    },
  },
};

const CONSUMER_GROUP_ID: Shape = { type: 'string', min: 1, max: 200, pattern: URI_PATTERN };

const MSK_CONFIG: Shape = {
  type: 'structure',
  members: { ConsumerGroupId: CONSUMER_GROUP_ID, SchemaRegistryConfig: SCHEMA_REGISTRY_CONFIG },
};

const SELF_MANAGED_KAFKA_CONFIG: Shape = {
  type: 'structure',
  members: {
    ConsumerGroupId: CONSUMER_GROUP_ID,
    SchemaRegistryConfig: SCHEMA_REGISTRY_CONFIG,
    ConsumptionMode: { type: 'string', enum: CONSUMPTION_MODES },
  },
};

/** Members shared by the Create and Update request shapes. */
const COMMON_MEMBERS: Record<string, Shape> = {
  FunctionName: FUNCTION_NAME_SHAPE,
  Enabled: { type: 'boolean' },
  BatchSize: { type: 'integer', min: 1, max: 10000 },
  FilterCriteria: {
    type: 'structure',
    members: {
      Filters: {
        type: 'list',
        member: {
          type: 'structure',
          members: { Pattern: { type: 'string', min: 0, max: 4096 } },
        },
      },
    },
  },
  MaximumBatchingWindowInSeconds: { type: 'integer', min: 0, max: 300 },
  ParallelizationFactor: { type: 'integer', min: 1, max: 10 },
  DestinationConfig: {
    type: 'structure',
    members: { OnSuccess: DESTINATION, OnFailure: DESTINATION },
  },
  MaximumRecordAgeInSeconds: { type: 'integer', min: -1, max: 604800 },
  BisectBatchOnFunctionError: { type: 'boolean' },
  MaximumRetryAttempts: { type: 'integer', min: -1, max: 10000 },
  TumblingWindowInSeconds: { type: 'integer', min: 0, max: 900 },
  SourceAccessConfigurations: {
    type: 'list',
    min: 0,
    max: 23,
    member: {
      type: 'structure',
      members: {
        Type: { type: 'string', enum: SOURCE_ACCESS_TYPES },
        URI: { type: 'string', min: 1, max: 200, pattern: URI_PATTERN },
      },
    },
  },
  FunctionResponseTypes: {
    type: 'list',
    min: 0,
    max: 1,
    member: { type: 'string', enum: ['ReportBatchItemFailures'] },
  },
  AmazonManagedKafkaEventSourceConfig: MSK_CONFIG,
  SelfManagedKafkaEventSourceConfig: SELF_MANAGED_KAFKA_CONFIG,
  ScalingConfig: {
    type: 'structure',
    members: { MaximumConcurrency: { type: 'integer', min: 2, max: 1000 } },
  },
  DocumentDBEventSourceConfig: {
    type: 'structure',
    members: {
      DatabaseName: { type: 'string', min: 1, max: 63, pattern: '[^ /\\.$\\x22]*' },
      CollectionName: {
        type: 'string',
        min: 1,
        max: 57,
        pattern: '(^(?!(system\\x2e)))(^[_a-zA-Z0-9])([^$]*)',
      },
      FullDocument: { type: 'string', enum: ['UpdateLookup', 'Default'] },
    },
  },
  KMSKeyArn: {
    type: 'string',
    min: 0,
    max: 10000,
    pattern: '(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()',
  },
  MetricsConfig: {
    type: 'structure',
    members: {
      Metrics: {
        type: 'list',
        min: 0,
        max: 3,
        member: { type: 'string', enum: ['EventCount', 'ErrorCount', 'KafkaMetrics'] },
      },
    },
  },
  LoggingConfig: {
    type: 'structure',
    members: { SystemLogLevel: { type: 'string', enum: ['DEBUG', 'INFO', 'WARN'] } },
  },
  ProvisionedPollerConfig: {
    type: 'structure',
    members: {
      MinimumPollers: { type: 'integer', min: 1, max: 200 },
      // The model's 10000 is the SQS maximum; Kafka's 2000 is a service rule (MESSAGES).
      MaximumPollers: { type: 'integer', min: 1, max: 10000 },
      PollerGroupName: { type: 'string', min: 0, max: 128, pattern: '[a-zA-Z0-9-_]*' },
    },
  },
};

/** `CreateEventSourceMappingRequest` (FunctionName required). */
export const CREATE_SHAPE = {
  type: 'structure',
  required: ['FunctionName'],
  members: {
    EventSourceArn: { type: 'string', min: 0, max: 10000, pattern: ARN_PATTERN },
    ...COMMON_MEMBERS,
    StartingPosition: { type: 'string', enum: STARTING_POSITIONS },
    StartingPositionTimestamp: { type: 'timestamp' },
    Tags: TAGS_SHAPE,
    Topics: {
      type: 'list',
      min: 1,
      max: 1,
      member: { type: 'string', min: 1, max: 249, pattern: '[^.]([a-zA-Z0-9\\-_.]+)' },
    },
    Queues: {
      type: 'list',
      min: 1,
      max: 1,
      member: { type: 'string', min: 1, max: 1000, pattern: '[\\s\\S]*' },
    },
    SelfManagedEventSource: {
      type: 'structure',
      members: {
        Endpoints: {
          type: 'map',
          min: 1,
          max: 2,
          key: { type: 'string', enum: ['KAFKA_BOOTSTRAP_SERVERS'] },
          value: {
            type: 'list',
            min: 1,
            max: 10,
            member: {
              type: 'string',
              min: 1,
              max: 300,
              pattern:
                '(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]*[a-zA-Z0-9])\\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9\\-]*[A-Za-z0-9]):[0-9]{1,5}',
            },
          },
        },
      },
    },
  },
} as const satisfies Shape;

/** `UpdateEventSourceMappingRequest` body members (UUID is the path label). */
export const UPDATE_SHAPE = {
  type: 'structure',
  members: COMMON_MEMBERS,
} as const satisfies Shape;

// ------------------------------------------------------------------------------------------
// Event source detection (§2.1)
// ------------------------------------------------------------------------------------------

/** The event source kinds AWS distinguishes. Amazon MQ engines share one ARN form. */
export type EventSourceType =
  'Kinesis' | 'DynamoDBStreams' | 'SQS' | 'MSK' | 'SelfManagedKafka' | 'AmazonMQ' | 'DocumentDB';

/** A detected event source: its kind, and for SQS whether the queue is FIFO. */
export interface EventSource {
  type: EventSourceType;
  fifo: boolean;
}

/**
 * Detects the source type from `EventSourceArn` (3rd ARN field = service) or the presence of
 * `SelfManagedEventSource` (reference §2.1).
 * @param eventSourceArn the mapping's `EventSourceArn`, if any.
 * @param hasSelfManagedEventSource whether `SelfManagedEventSource` is present.
 * @throws LambdaError `InvalidParameterValueException` `Unrecognized event source.` [AWS-rec]
 *   (also used for ARNs of unsupported services, whose real text is unknown).
 */
export function detectEventSource(
  eventSourceArn: string | undefined,
  hasSelfManagedEventSource: boolean,
): EventSource {
  if (eventSourceArn === undefined) {
    if (hasSelfManagedEventSource) return { type: 'SelfManagedKafka', fifo: false };
    throw invalid(MESSAGES.unrecognizedSource);
  }
  const parts = eventSourceArn.split(':');
  const service = parts[2];
  const resource = parts.slice(5).join(':');
  if (service === 'kinesis' && /^stream\/[^/]+(\/consumer\/[^/]+)?$/.test(resource)) {
    return { type: 'Kinesis', fifo: false };
  }
  if (service === 'dynamodb' && /^table\/[^/]+\/stream\/.+$/.test(resource)) {
    return { type: 'DynamoDBStreams', fifo: false };
  }
  if (service === 'sqs' && /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/.test(resource)) {
    return { type: 'SQS', fifo: resource.endsWith('.fifo') };
  }
  if (service === 'kafka' && /^(cluster|vpc-connection)\//.test(resource)) {
    return { type: 'MSK', fifo: false };
  }
  if (service === 'mq' && resource.startsWith('broker:')) return { type: 'AmazonMQ', fifo: false };
  if (service === 'rds' && resource.startsWith('cluster:')) {
    return { type: 'DocumentDB', fifo: false };
  }
  throw invalid(MESSAGES.unrecognizedSource);
}

/**
 * Detects the source of a stored mapping.
 * @param config a mapping as stored (has `EventSourceArn` or `SelfManagedEventSource`).
 */
export function sourceOf(config: EventSourceMappingConfiguration): EventSource {
  return detectEventSource(config.EventSourceArn, config.SelfManagedEventSource !== undefined);
}

// ------------------------------------------------------------------------------------------
// AWS's messages
// ------------------------------------------------------------------------------------------

/**
 * The `InvalidParameterValueException` / `ResourceConflictException` texts of the request rules,
 * each with its source:
 * - [AWS-rec]: recorded from real AWS (reference §3–§4; LocalStack's AWS-validated snapshot
 *   `tests/aws/services/lambda_/event_source_mapping/test_api.snapshot.json`, recorded 2025-02;
 *   public error reports named per entry);
 * - [assumed]: AWS's real text is not known; the wording is the emulator's, modelled on the
 *   recorded messages of neighbouring rules.
 */
export const MESSAGES = {
  /** [AWS-rec] reference §2.1. */
  unrecognizedSource: 'Unrecognized event source.',
  /** [AWS-rec] reference §3.2 (Create); assumed the same for Update. */
  functionMissing: 'Function does not exist',
  /** [AWS-rec] `OnSuccess` on any source, or `DestinationConfig` on SQS (reference §3.1). */
  unsupportedDestination:
    'Unsupported DestinationConfig parameter for given event source mapping type.',
  /** [AWS-rec] pulumi/pulumi-aws#1418 (`maximumBatchingWindowInSeconds` on MSK, 2021). */
  unsupportedParameter: (member: string): string =>
    `Unsupported '${memberPath(member)}' parameter for given event source mapping type.`,
  /** [AWS-rec] boto/boto3#1613 (2018) and LocalStack snapshot (2025-02, also with a timestamp). */
  sqsStartingPosition: 'StartingPosition is not valid for SQS event sources.',
  /** [AWS-rec] aws/aws-lambda-dotnet#1758 (through CloudFormation, 2024). */
  fifoBatchingWindow: 'Batching window is not supported for FIFO queues',
  /**
   * [AWS-rec] for SQS when every queue's maximum was 10 (pulumi/pulumi-aws-serverless#20, 2018);
   * assumed to be what FIFO queues (maximum still 10) answer today.
   */
  fifoBatchSize: 'Maximum batch size must be between 1 and 10 inclusive',
  /** [AWS-rec] reference §3.2; ansible-collections/amazon.aws#1995 (2024). */
  sqsBatchWindow:
    'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
  /** [AWS-rec] reference §3.2 (Kinesis/DynamoDB without StartingPosition). */
  startingPositionMissing:
    "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
  /** [AWS-rec] reference §3.2 and LocalStack snapshot (AT_TIMESTAMP on DynamoDB). */
  unsupportedStartingPosition: (arn: string): string =>
    `Unsupported starting position for arn type: ${arn}`,
  /** [AWS-rec] LocalStack snapshot 2025-02 (LATEST + timestamp on Kinesis and DynamoDB). */
  timestampNotAtTimestamp: 'Timestamp only valid with StartingPosition AT_TIMESTAMP',
  /** [AWS-rec] serverless/serverless#12111 (2023) and awsdocs CloudFormation guide #334 (2019). */
  timestampMissing: 'Need to specify a timestamp',
  /** [AWS-rec] LocalStack snapshot 2025-02 (AT_TIMESTAMP with a negative epoch on Kinesis). */
  timestampNegative:
    'Received Exception while reading from provided stream. class java.lang.Long can not be converted to a Timestamp',
  /** [assumed] the sentence of the model documentation of `StartingPositionTimestamp`. */
  timestampInFuture: 'StartingPositionTimestamp cannot be in the future.',
  /**
   * [AWS-rec] for `sourceAccessConfigurations` on self-managed Kafka (reference §3.4); the same
   * form is assumed for `topics` (MSK, Kafka), `queues`, `sourceAccessConfigurations` (MQ) and
   * `documentDBEventSourceConfig(.databaseName)` (DocumentDB).
   */
  requiredParameter: (path: string): string => `Required '${path}' parameter is missing.`,
  /** [assumed] modelled on the recorded DestinationConfig text. */
  unsupportedAccessType: (type: string): string =>
    `Unsupported SourceAccessConfiguration type ${type} for given event source mapping type.`,
  /** [assumed] model documentation: VIRTUAL_HOST "cannot be specified in an UpdateEventSourceMapping API call". */
  virtualHostOnUpdate:
    'The VIRTUAL_HOST source access configuration cannot be specified in an UpdateEventSourceMapping request.',
  /** [assumed] Amazon MQ needs exactly one BASIC_AUTH secret (reference §3.3). */
  mqBasicAuth:
    'Amazon MQ event sources require exactly one BASIC_AUTH source access configuration.',
  /** [assumed] at most one entry of a type that can only occur once. */
  duplicateAccessType: (type: string): string =>
    `Only one SourceAccessConfiguration of type ${type} is allowed for given event source mapping type.`,
  /** [assumed] secret-typed entries carry a Secrets Manager secret ARN (model documentation). */
  accessUriNotSecret: (type: string, uri: string): string =>
    `Invalid URI for SourceAccessConfiguration type ${type}: ${uri}. The URI must be the ARN of a Secrets Manager secret.`,
  /** [AWS-rec] reference §3.2 (FilterCriteria whose pattern is not valid). */
  invalidFilterPattern: 'Invalid filter pattern definition.',
  /** [assumed] default quota of 5 filters per mapping (Lambda event filtering docs). */
  tooManyFilters: (count: number): string =>
    `The number of filters in FilterCriteria (${count}) exceeds the limit of ${MAX_FILTERS}.`,
  /** [AWS-rec] reference §3.2 (2021 report). */
  recordAge:
    'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)',
  /** [assumed] ProvisionedPollerConfig minimum above maximum. */
  pollersMinAboveMax: 'MinimumPollers must be less than or equal to MaximumPollers.',
  /** [assumed] model documentation: SQS needs at least 2 pollers (minimum and maximum). */
  sqsPollers: 'MinimumPollers and MaximumPollers must be at least 2 for Amazon SQS event sources.',
  /** [assumed] ErrorCount/KafkaMetrics are Kafka-only (model documentation). */
  unsupportedMetric: (metric: string): string =>
    `Unsupported metric ${metric} for given event source mapping type.`,
  /** [assumed] model documentation: the consumer group ID "cannot be updated". */
  consumerGroupIdUpdate:
    'ConsumerGroupId cannot be updated after the event source mapping is created.',
  /**
   * [assumed] MaximumPollers above 2000 on MSK or self-managed Kafka: the model allows 10000 (the
   * SQS maximum); the model documentation of `MaximumPollers` says Kafka accepts 1–2,000.
   */
  kafkaMaxPollers:
    'MaximumPollers must be less than or equal to 2000 for Amazon MSK and self-managed Apache Kafka event sources.',
  /**
   * [assumed] SQS maximum concurrency and provisioned mode together ("These are mutually
   * exclusive options", developer guide services-sqs-scaling).
   */
  scalingWithProvisionedPollers:
    'ScalingConfig and ProvisionedPollerConfig are mutually exclusive for Amazon SQS event sources.',
  /**
   * [assumed] modelled on the recorded `Unsupported '<member>' parameter…` text: poller groups
   * are "(Amazon MSK and self-managed Apache Kafka)" only (model documentation of
   * `PollerGroupName`).
   */
  pollerGroupNameUnsupported:
    "Unsupported 'provisionedPollerConfig.pollerGroupName' parameter for given event source mapping type.",
  /** [assumed] "You can group up to 100 ESMs per poller group" (model documentation). */
  pollerGroupFull: (group: string): string =>
    `Poller group ${group} already has ${MAX_MAPPINGS_PER_POLLER_GROUP} event source mappings, the maximum per group.`,
  /**
   * [assumed] "aggregate maximum pollers across all ESMs in a group cannot exceed 2000" (model
   * documentation; a mapping without MaximumPollers counts its default, 200).
   */
  pollerGroupPollers: (group: string, total: number): string =>
    `The MaximumPollers of the event source mappings in poller group ${group} would add up to ${total}, more than ${MAX_POLLERS_PER_GROUP}.`,
  /**
   * [assumed] Kafka error handling (retries, record age, bisect, partial batch response, a Kafka
   * topic on-failure destination), LoggingConfig and SchemaRegistryConfig need provisioned mode
   * (developer guide: kafka-retry-configurations, esm-logging, services-consume-kafka-events).
   */
  provisionedModeRequired: (path: string): string =>
    `The '${path}' parameter requires provisioned mode (ProvisionedPollerConfig) for Kafka event sources.`,
  /**
   * [assumed] model documentation: "Not supported for Kafka event source mappings when
   * ConsumptionMode is Queue" (StartingPosition, StartingPositionTimestamp,
   * MaximumBatchingWindowInSeconds).
   */
  queueModeUnsupported: (member: string): string =>
    `Unsupported '${memberPath(member)}' parameter for Kafka event source mappings when ConsumptionMode is Queue.`,
  /** [assumed] model documentation: "You cannot change ConsumptionMode after you create…". */
  consumptionModeUpdate:
    'ConsumptionMode cannot be updated after the event source mapping is created.',
  /**
   * [assumed] model documentation of `SourceAccessConfiguration.Type`: OAUTHBEARER_SCOPE,
   * _LOGICAL_CLUSTER and _IDENTITY_POOL require OAUTHBEARER_AUTH; OAUTHBEARER_AUDIENCE requires
   * OAUTHBEARER_AUTH or IAM_OAUTHBEARER_AUTH; IAM_OAUTHBEARER_AUTH requires OAUTHBEARER_AUDIENCE.
   */
  accessTypeRequires: (type: string, required: string): string =>
    `SourceAccessConfiguration type ${type} requires ${required}.`,
  /** [assumed] IAM_OAUTHBEARER_AUTH "does not support the other OAUTHBEARER types". */
  accessTypeConflict: (type: string, other: string): string =>
    `SourceAccessConfiguration type ${type} cannot be combined with ${other}.`,
  /** [assumed] IAM_AUTH and IAM_OAUTHBEARER_AUTH: "Omit the URI field for this type". */
  accessUriNotAllowed: (type: string): string =>
    `SourceAccessConfiguration type ${type} does not take a URI.`,
  /** [assumed] the OAUTHBEARER_SCOPE/_AUDIENCE/_LOGICAL_CLUSTER/_IDENTITY_POOL value is the URI. */
  accessUriMissing: (type: string): string =>
    `SourceAccessConfiguration type ${type} requires a URI.`,
  /** [assumed] Lambda's quota of 50 tags per resource (Lambda "Tags" documentation). */
  tooManyTags: (count: number): string =>
    `The number of tags (${count}) exceeds the limit of ${MAX_TAGS} tags per resource.`,
  /** [assumed] the `aws:` key prefix is reserved for AWS (tagging best practices). */
  reservedTagKey: (key: string): string =>
    `Tag keys starting with 'aws:' are reserved for AWS use: ${key}`,
  /**
   * [AWS-rec] hashicorp/terraform-provider-aws#39849 (ListTags, 2024-10): an ARN that is no
   * taggable Lambda resource.
   */
  untaggableResource: (arn: string): string =>
    `Unsupported resource type for tagging or invalid arn: ${arn}`,
  /**
   * [assumed] reference §4.2 gives this text for the tag APIs without its source; Get/Update/
   * Delete answer {@link LambdaError} `The resource you requested does not exist.` instead.
   */
  taggedMappingNotFound: (arn: string): string => `Event source mapping not found: ${arn}`,
} as const;

/** Mappings per provisioned poller group (model documentation of `PollerGroupName`). */
export const MAX_MAPPINGS_PER_POLLER_GROUP = 100;
/** Sum of MaximumPollers of one poller group (same documentation). */
export const MAX_POLLERS_PER_GROUP = 2000;
/** MaximumPollers of MSK and self-managed Kafka (model documentation; the model's max is SQS's). */
export const MAX_KAFKA_POLLERS = 2000;
/** Tags per resource (Lambda quota). */
export const MAX_TAGS = 50;

/** Filters per mapping without a quota increase (Lambda event filtering docs; quota up to 10). */
export const MAX_FILTERS = 5;

function invalid(message: string): LambdaError {
  return new LambdaError('InvalidParameterValueException', message);
}

// ------------------------------------------------------------------------------------------
// Parameter applicability (§3.1, newest service behaviour)
// ------------------------------------------------------------------------------------------

const STREAM_PARAMS = [
  'BatchSize',
  'BisectBatchOnFunctionError',
  'DestinationConfig',
  'FilterCriteria',
  'FunctionResponseTypes',
  'MaximumBatchingWindowInSeconds',
  'MaximumRecordAgeInSeconds',
  'MaximumRetryAttempts',
  'ParallelizationFactor',
  'StartingPosition',
  'StartingPositionTimestamp',
  'TumblingWindowInSeconds',
  'KMSKeyArn',
  'MetricsConfig',
];

const KAFKA_PARAMS = [
  'Topics',
  'StartingPosition',
  'StartingPositionTimestamp',
  'BatchSize',
  'MaximumBatchingWindowInSeconds',
  'FilterCriteria',
  'SourceAccessConfigurations',
  'ProvisionedPollerConfig',
  'MetricsConfig',
  'LoggingConfig',
  'DestinationConfig',
  'BisectBatchOnFunctionError',
  'MaximumRecordAgeInSeconds',
  'MaximumRetryAttempts',
  'FunctionResponseTypes',
  'KMSKeyArn',
];

/**
 * Request members that configure the source, by source type (AWS docs' per-source parameter
 * tables and the model documentation of each member). `FunctionName`, `Enabled`,
 * `EventSourceArn` and `Tags` apply to all.
 */
export const APPLICABLE_PARAMETERS: Record<EventSourceType, ReadonlySet<string>> = {
  Kinesis: new Set(STREAM_PARAMS),
  DynamoDBStreams: new Set(STREAM_PARAMS),
  SQS: new Set([
    'BatchSize',
    'FilterCriteria',
    'FunctionResponseTypes',
    'MaximumBatchingWindowInSeconds',
    'ScalingConfig',
    'KMSKeyArn',
    'MetricsConfig',
    'ProvisionedPollerConfig',
  ]),
  MSK: new Set([...KAFKA_PARAMS, 'AmazonManagedKafkaEventSourceConfig']),
  SelfManagedKafka: new Set([
    ...KAFKA_PARAMS,
    'SelfManagedKafkaEventSourceConfig',
    'SelfManagedEventSource',
  ]),
  AmazonMQ: new Set([
    'Queues',
    'SourceAccessConfigurations',
    'BatchSize',
    'MaximumBatchingWindowInSeconds',
    'FilterCriteria',
    'KMSKeyArn',
    'MetricsConfig',
  ]),
  DocumentDB: new Set([
    'DocumentDBEventSourceConfig',
    'SourceAccessConfigurations',
    'StartingPosition',
    'StartingPositionTimestamp',
    'BatchSize',
    'MaximumBatchingWindowInSeconds',
    'FilterCriteria',
    'KMSKeyArn',
    'MetricsConfig',
  ]),
};

const ALWAYS_APPLICABLE = new Set(['FunctionName', 'Enabled', 'EventSourceArn', 'Tags', 'UUID']);

/**
 * `SourceAccessConfigurations` types each source accepts (model documentation of
 * `SourceAccessConfiguration.Type`; MSK: "SASL/SCRAM or CLIENT_CERTIFICATE_TLS_AUTH" per the MSK
 * parameter table). Sources without an entry take no SourceAccessConfigurations at all.
 * `VIRTUAL_HOST` is RabbitMQ-only, but a broker ARN does not tell ActiveMQ from RabbitMQ, so it is
 * accepted for every Amazon MQ broker on Create (and refused on every Update).
 */
export const ACCESS_TYPES: Partial<Record<EventSourceType, ReadonlySet<string>>> = {
  MSK: new Set(['SASL_SCRAM_512_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH']),
  SelfManagedKafka: new Set([
    'BASIC_AUTH',
    'VPC_SUBNET',
    'VPC_SECURITY_GROUP',
    'SASL_SCRAM_256_AUTH',
    'SASL_SCRAM_512_AUTH',
    'CLIENT_CERTIFICATE_TLS_AUTH',
    'SERVER_ROOT_CA_CERTIFICATE',
    // 3.1164.0: "(Self-managed Apache Kafka)" in each one's documentation.
    'OAUTHBEARER_AUTH',
    'OAUTHBEARER_SCOPE',
    'OAUTHBEARER_AUDIENCE',
    'OAUTHBEARER_LOGICAL_CLUSTER',
    'OAUTHBEARER_IDENTITY_POOL',
    'IAM_AUTH',
    'IAM_OAUTHBEARER_AUTH',
  ]),
  AmazonMQ: new Set(['BASIC_AUTH', 'VIRTUAL_HOST']),
  DocumentDB: new Set(['BASIC_AUTH']),
};

/** Types whose `URI` is a Secrets Manager secret ARN (model documentation). */
const SECRET_TYPES = new Set([
  'BASIC_AUTH',
  'SASL_SCRAM_256_AUTH',
  'SASL_SCRAM_512_AUTH',
  'CLIENT_CERTIFICATE_TLS_AUTH',
  'SERVER_ROOT_CA_CERTIFICATE',
  'OAUTHBEARER_AUTH',
]);

/** Types whose `URI` is a plain value (scope, audience, cluster or pool id), not a secret. */
const VALUE_TYPES = new Set([
  'OAUTHBEARER_SCOPE',
  'OAUTHBEARER_AUDIENCE',
  'OAUTHBEARER_LOGICAL_CLUSTER',
  'OAUTHBEARER_IDENTITY_POOL',
]);

/** Types that take no `URI` (the function's execution role signs). */
const NO_URI_TYPES = new Set(['IAM_AUTH', 'IAM_OAUTHBEARER_AUTH']);

/** The 3.1164.0 types, each allowed once (assumed: one scope, audience… per mapping). */
const SINGLE_TYPES = new Set([...VALUE_TYPES, ...NO_URI_TYPES, 'OAUTHBEARER_AUTH']);

const SECRET_ARN =
  /^arn:aws[a-zA-Z-]*:secretsmanager:[a-z]{2}((-gov)|(-iso[a-z]?))?-[a-z]+-\d:\d{12}:secret:.+$/;

type Operation = 'create' | 'update';

/** `OnSuccess` is not supported by any event source mapping (model doc of `DestinationConfig`). */
function checkOnSuccess(body: Record<string, unknown>): void {
  const destination = body.DestinationConfig as DestinationConfig | undefined;
  if (destination?.OnSuccess !== undefined && destination.OnSuccess !== null) {
    throw invalid(MESSAGES.unsupportedDestination);
  }
}

/**
 * Rejects request members that do not apply to the source (reported before the function is
 * looked up, reference §4.2), and `VIRTUAL_HOST` on Update.
 */
function checkApplicable(
  body: Record<string, unknown>,
  source: EventSource,
  shape: Extract<Shape, { type: 'structure' }>,
  operation: Operation,
): void {
  const present = (name: string): boolean => body[name] !== undefined && body[name] !== null;
  if (
    operation === 'create' &&
    source.type === 'SQS' &&
    (present('StartingPosition') || present('StartingPositionTimestamp'))
  ) {
    throw invalid(MESSAGES.sqsStartingPosition);
  }
  for (const name of Object.keys(shape.members)) {
    if (!present(name) || ALWAYS_APPLICABLE.has(name)) continue;
    // FIFO queues have no batching window; 0 (the value AWS echoes) is accepted as "none".
    if (source.fifo && name === 'MaximumBatchingWindowInSeconds' && body[name] !== 0) {
      throw invalid(MESSAGES.fifoBatchingWindow);
    }
    if (APPLICABLE_PARAMETERS[source.type].has(name)) continue;
    if (name === 'DestinationConfig') throw invalid(MESSAGES.unsupportedDestination);
    throw invalid(MESSAGES.unsupportedParameter(name));
  }
  if (operation === 'update' && accessList(body).some((e) => e.Type === 'VIRTUAL_HOST')) {
    throw invalid(MESSAGES.virtualHostOnUpdate);
  }
}

/** The request's SourceAccessConfigurations entries (null items dropped). */
function accessList(body: Record<string, unknown>): SourceAccessConfiguration[] {
  const list = body.SourceAccessConfigurations;
  if (!Array.isArray(list)) return [];
  return list.filter((e): e is SourceAccessConfiguration => typeof e === 'object' && e !== null);
}

/**
 * SourceAccessConfigurations rules: types valid for the source, secret ARNs where a secret is
 * expected, Amazon MQ exactly one BASIC_AUTH and at most one VIRTUAL_HOST, DocumentDB at most one
 * BASIC_AUTH (reference §3.3, §3.4).
 * @param entries the effective list (after an Update: the new list plus the kept VIRTUAL_HOST).
 */
function checkSourceAccess(source: EventSource, entries: SourceAccessConfiguration[]): void {
  const allowed = ACCESS_TYPES[source.type];
  if (!allowed) return;
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const type = entry.Type ?? 'null';
    if (!allowed.has(type)) throw invalid(MESSAGES.unsupportedAccessType(type));
    if (SECRET_TYPES.has(type) && !SECRET_ARN.test(entry.URI ?? '')) {
      throw invalid(MESSAGES.accessUriNotSecret(type, entry.URI ?? 'null'));
    }
    if (NO_URI_TYPES.has(type) && entry.URI !== undefined && entry.URI !== null) {
      throw invalid(MESSAGES.accessUriNotAllowed(type));
    }
    if (VALUE_TYPES.has(type) && (entry.URI === undefined || entry.URI === null)) {
      throw invalid(MESSAGES.accessUriMissing(type));
    }
    counts.set(type, (counts.get(type) ?? 0) + 1);
    if (SINGLE_TYPES.has(type) && (counts.get(type) ?? 0) > 1) {
      throw invalid(MESSAGES.duplicateAccessType(type));
    }
  }
  if (source.type === 'SelfManagedKafka') checkOAuthTypes(counts);
  if (source.type === 'AmazonMQ') {
    if (counts.get('BASIC_AUTH') !== 1) throw invalid(MESSAGES.mqBasicAuth);
    if ((counts.get('VIRTUAL_HOST') ?? 0) > 1) {
      throw invalid(MESSAGES.duplicateAccessType('VIRTUAL_HOST'));
    }
  }
  if (source.type === 'DocumentDB' && (counts.get('BASIC_AUTH') ?? 0) > 1) {
    throw invalid(MESSAGES.duplicateAccessType('BASIC_AUTH'));
  }
}

/**
 * Dependencies between the self-managed Kafka OAuth/IAM types (model documentation of
 * `SourceAccessConfiguration.Type`, 3.1164.0).
 * @param counts entries per type.
 */
function checkOAuthTypes(counts: ReadonlyMap<string, number>): void {
  const has = (type: string): boolean => (counts.get(type) ?? 0) > 0;
  for (const type of [
    'OAUTHBEARER_SCOPE',
    'OAUTHBEARER_LOGICAL_CLUSTER',
    'OAUTHBEARER_IDENTITY_POOL',
  ]) {
    if (has(type) && !has('OAUTHBEARER_AUTH')) {
      throw invalid(MESSAGES.accessTypeRequires(type, 'OAUTHBEARER_AUTH'));
    }
  }
  if (has('OAUTHBEARER_AUDIENCE') && !has('OAUTHBEARER_AUTH') && !has('IAM_OAUTHBEARER_AUTH')) {
    throw invalid(
      MESSAGES.accessTypeRequires(
        'OAUTHBEARER_AUDIENCE',
        'OAUTHBEARER_AUTH or IAM_OAUTHBEARER_AUTH',
      ),
    );
  }
  if (!has('IAM_OAUTHBEARER_AUTH')) return;
  for (const other of [
    'OAUTHBEARER_AUTH',
    'OAUTHBEARER_SCOPE',
    'OAUTHBEARER_LOGICAL_CLUSTER',
    'OAUTHBEARER_IDENTITY_POOL',
  ]) {
    if (has(other)) throw invalid(MESSAGES.accessTypeConflict('IAM_OAUTHBEARER_AUTH', other));
  }
  if (!has('OAUTHBEARER_AUDIENCE')) {
    throw invalid(MESSAGES.accessTypeRequires('IAM_OAUTHBEARER_AUTH', 'OAUTHBEARER_AUDIENCE'));
  }
}

// ------------------------------------------------------------------------------------------
// Defaults and echo rules (§1.3)
// ------------------------------------------------------------------------------------------

/**
 * `StateTransitionReason` AWS reports after a user action: `User action` for Kinesis and
 * DynamoDB, `USER_INITIATED` for the others (§5 [AWS-rec]; DocumentDB assumed).
 */
export function userActionReason(source: EventSource): string {
  return source.type === 'Kinesis' || source.type === 'DynamoDBStreams'
    ? 'User action'
    : 'USER_INITIATED';
}

/**
 * State in the Create response. AWS answers `Creating`, except SQS with `Enabled:false`, which
 * is recorded answering `Disabled` directly (§5 [AWS-rec]; other sources unverified).
 * @param source detected source.
 * @param enabled the request's `Enabled` (default true).
 */
export function initialState(source: EventSource, enabled: boolean): MappingState {
  return !enabled && source.type === 'SQS' ? 'Disabled' : 'Creating';
}

function isStream(source: EventSource): boolean {
  return source.type === 'Kinesis' || source.type === 'DynamoDBStreams';
}

/** Stream sources always echo `DestinationConfig.OnFailure`, as `{}` when unset (§1.3). */
function normaliseStreamDestination(
  value: EventSourceMappingConfiguration['DestinationConfig'],
): NonNullable<EventSourceMappingConfiguration['DestinationConfig']> {
  const out: NonNullable<EventSourceMappingConfiguration['DestinationConfig']> = {};
  const onFailure = value?.OnFailure?.Destination;
  out.OnFailure = onFailure ? { Destination: onFailure } : {};
  const onSuccess = value?.OnSuccess?.Destination;
  if (onSuccess) out.OnSuccess = { Destination: onSuccess };
  return out;
}

/** Drops members AWS omits when "empty" (§1.3, §2: `{}`/`{"Filters":[]}` clear). */
function dropEmpty(config: EventSourceMappingConfiguration): void {
  if (config.FilterCriteria && !config.FilterCriteria.Filters?.length) delete config.FilterCriteria;
  if (config.ScalingConfig && config.ScalingConfig.MaximumConcurrency === undefined) {
    delete config.ScalingConfig;
  }
  if (config.KMSKeyArn === '') delete config.KMSKeyArn;
  // `{}` turns provisioned mode off, as `ScalingConfig: {}` clears maximum concurrency (assumed).
  const pollers = config.ProvisionedPollerConfig;
  if (
    pollers &&
    pollers.MinimumPollers === undefined &&
    pollers.MaximumPollers === undefined &&
    pollers.PollerGroupName === undefined
  ) {
    delete config.ProvisionedPollerConfig;
  }
}

/**
 * Fills the members AWS adds to a mapping of this source type when they were not given
 * (§1.3 observed create responses), and drops empty ones. Mutates and returns `config`.
 * Also used for seed data, so stored mappings always look like AWS's.
 * @param source detected source.
 * @param config the mapping (with `UUID` set: Kafka consumer groups default to it).
 */
export function applyResponseDefaults(
  source: EventSource,
  config: EventSourceMappingConfiguration,
): EventSourceMappingConfiguration {
  const uuid = config.UUID ?? '';
  switch (source.type) {
    case 'SQS':
      config.BatchSize ??= 10;
      config.MaximumBatchingWindowInSeconds ??= 0;
      config.FunctionResponseTypes ??= [];
      break;
    case 'Kinesis':
    case 'DynamoDBStreams':
      config.BatchSize ??= 100;
      config.MaximumBatchingWindowInSeconds ??= 0;
      config.ParallelizationFactor ??= 1;
      config.DestinationConfig = normaliseStreamDestination(config.DestinationConfig);
      config.LastProcessingResult ??= 'No records processed';
      config.MaximumRecordAgeInSeconds ??= -1;
      config.BisectBatchOnFunctionError ??= false;
      config.MaximumRetryAttempts ??= -1;
      config.TumblingWindowInSeconds ??= 0;
      config.FunctionResponseTypes ??= [];
      break;
    case 'MSK':
    case 'SelfManagedKafka': {
      config.BatchSize ??= 100;
      // Queue mode reads from a share group: no starting position (model documentation).
      if (consumptionMode(config) === 'Stream') config.StartingPosition ??= 'TRIM_HORIZON';
      config.LastProcessingResult ??= 'No records processed';
      // The consumer group id defaults to the mapping's UUID (recorded for self-managed Kafka).
      const key =
        source.type === 'MSK'
          ? 'AmazonManagedKafkaEventSourceConfig'
          : 'SelfManagedKafkaEventSourceConfig';
      config[key] = { ...config[key], ConsumerGroupId: config[key]?.ConsumerGroupId ?? uuid };
      break;
    }
    case 'AmazonMQ':
      config.BatchSize ??= 100;
      config.LastProcessingResult ??= 'No records processed';
      break;
    case 'DocumentDB':
      config.BatchSize ??= 100;
      config.LastProcessingResult ??= 'No records processed';
      if (config.DocumentDBEventSourceConfig) {
        config.DocumentDBEventSourceConfig.FullDocument ??= 'Default';
      }
      break;
  }
  dropEmpty(config);
  return config;
}

// ------------------------------------------------------------------------------------------
// Semantic rules
// ------------------------------------------------------------------------------------------

/** What the rules need to know about the world. */
export interface RuleContext {
  /** Resolves a `FunctionName` to the FunctionArn to store, or `undefined` if it does not exist. */
  resolveFunctionArn(functionName: string): string | undefined;
  /** All mappings of the caller's region (for duplicate detection). */
  mappings(): Iterable<EventSourceMappingConfiguration>;
}

/** Sources that read from a position and accept `AT_TIMESTAMP` (model doc of StartingPosition). */
const AT_TIMESTAMP_SOURCES: ReadonlySet<EventSourceType> = new Set([
  'Kinesis',
  'MSK',
  'SelfManagedKafka',
  'DocumentDB',
]);

/**
 * StartingPosition / StartingPositionTimestamp on Create, in the order AWS was recorded applying
 * them (LocalStack snapshot 2025-02: DynamoDB's AT_TIMESTAMP is refused before the timestamp is
 * read; a negative timestamp is refused on Kinesis).
 */
function checkStartingPosition(source: EventSource, body: Record<string, unknown>): void {
  const position = body.StartingPosition as string | undefined;
  const timestamp = body.StartingPositionTimestamp as number | undefined;
  if (isStream(source) && position === undefined) throw invalid(MESSAGES.startingPositionMissing);
  if (position === 'AT_TIMESTAMP' && !AT_TIMESTAMP_SOURCES.has(source.type)) {
    throw invalid(MESSAGES.unsupportedStartingPosition(String(body.EventSourceArn)));
  }
  if (timestamp !== undefined && position !== 'AT_TIMESTAMP') {
    throw invalid(MESSAGES.timestampNotAtTimestamp);
  }
  if (position !== 'AT_TIMESTAMP') return;
  if (timestamp === undefined) throw invalid(MESSAGES.timestampMissing);
  if (timestamp < 0) throw invalid(MESSAGES.timestampNegative);
  if (timestamp > Date.now() / 1000) throw invalid(MESSAGES.timestampInFuture);
}

/** Members a source cannot do without, on Create (reference §3.1, §3.3, §3.4). */
function checkRequired(source: EventSource, body: Record<string, unknown>): void {
  const missing = (name: string): boolean => body[name] === undefined || body[name] === null;
  if ((source.type === 'MSK' || source.type === 'SelfManagedKafka') && missing('Topics')) {
    throw invalid(MESSAGES.requiredParameter('topics'));
  }
  if (source.type === 'SelfManagedKafka' && missing('SourceAccessConfigurations')) {
    throw invalid(MESSAGES.requiredParameter('sourceAccessConfigurations'));
  }
  if (source.type === 'AmazonMQ') {
    if (missing('Queues')) throw invalid(MESSAGES.requiredParameter('queues'));
    if (missing('SourceAccessConfigurations')) {
      throw invalid(MESSAGES.requiredParameter('sourceAccessConfigurations'));
    }
  }
  if (source.type === 'DocumentDB') {
    checkDocumentDbConfig(body.DocumentDBEventSourceConfig as DocumentDbConfig | undefined);
  }
}

type DocumentDbConfig = EventSourceMappingConfiguration['DocumentDBEventSourceConfig'];

/** DocumentDB needs `DocumentDBEventSourceConfig.DatabaseName` (AWS docs: DatabaseName required). */
function checkDocumentDbConfig(config: DocumentDbConfig | undefined): void {
  if (config === undefined || config === null) {
    throw invalid(MESSAGES.requiredParameter('documentDBEventSourceConfig'));
  }
  if (config.DatabaseName === undefined || config.DatabaseName === null) {
    throw invalid(MESSAGES.requiredParameter('documentDBEventSourceConfig.databaseName'));
  }
}

/** Rules on members that Create and Update share, applied to the request body. */
function checkSharedRules(source: EventSource, body: Record<string, unknown>): void {
  if (source.fifo && typeof body.BatchSize === 'number' && body.BatchSize > 10) {
    throw invalid(MESSAGES.fifoBatchSize);
  }
  const age = body.MaximumRecordAgeInSeconds;
  if (typeof age === 'number' && age >= 0 && age < 60) throw invalid(MESSAGES.recordAge);
  const filters = (body.FilterCriteria as FilterCriteria | undefined)?.Filters;
  if (Array.isArray(filters)) {
    if (filters.length > MAX_FILTERS) throw invalid(MESSAGES.tooManyFilters(filters.length));
    for (const filter of filters) {
      if (!isValidFilterPattern(filter?.Pattern)) throw invalid(MESSAGES.invalidFilterPattern);
    }
  }
  const pollers = body.ProvisionedPollerConfig as ProvisionedPollers | undefined;
  if (pollers) {
    const sqs = source.type === 'SQS';
    if (!isKafka(source) && (pollers.PollerGroupName ?? '') !== '') {
      throw invalid(MESSAGES.pollerGroupNameUnsupported);
    }
    // Defaults per source: SQS 2/200, Kafka 1/200 (model documentation).
    const min = pollers.MinimumPollers ?? (sqs ? 2 : 1);
    const max = pollers.MaximumPollers ?? DEFAULT_MAX_POLLERS;
    if (sqs && (min < 2 || max < 2)) throw invalid(MESSAGES.sqsPollers);
    if (isKafka(source) && max > MAX_KAFKA_POLLERS) throw invalid(MESSAGES.kafkaMaxPollers);
    if (min > max) throw invalid(MESSAGES.pollersMinAboveMax);
  }
  const metrics = (body.MetricsConfig as { Metrics?: string[] } | undefined)?.Metrics ?? [];
  if (source.type !== 'MSK' && source.type !== 'SelfManagedKafka') {
    const kafkaOnly = metrics.find((m) => m === 'ErrorCount' || m === 'KafkaMetrics');
    if (kafkaOnly !== undefined) throw invalid(MESSAGES.unsupportedMetric(kafkaOnly));
  }
}

type ProvisionedPollers = NonNullable<EventSourceMappingConfiguration['ProvisionedPollerConfig']>;

/** MaximumPollers when ProvisionedPollerConfig leaves it out (model documentation). */
const DEFAULT_MAX_POLLERS = 200;

function isKafka(source: EventSource): boolean {
  return source.type === 'MSK' || source.type === 'SelfManagedKafka';
}

/**
 * The mapping's Kafka consumption mode: `SelfManagedKafkaEventSourceConfig.ConsumptionMode`, or
 * `Stream` when absent (its default; MSK has no other).
 */
export function consumptionMode(config: EventSourceMappingConfiguration): string {
  return config.SelfManagedKafkaEventSourceConfig?.ConsumptionMode ?? 'Stream';
}

/**
 * Members a Queue-mode Kafka mapping does not take (model documentation of `ConsumptionMode`).
 * @param body the request body.
 * @param mode the mapping's consumption mode (Create: the request's; Update: the stored one).
 */
function checkQueueMode(body: Record<string, unknown>, mode: string): void {
  if (mode !== 'Queue') return;
  for (const name of [
    'StartingPosition',
    'StartingPositionTimestamp',
    'MaximumBatchingWindowInSeconds',
  ]) {
    if (body[name] !== undefined && body[name] !== null) {
      throw invalid(MESSAGES.queueModeUnsupported(name));
    }
  }
}

/**
 * Kafka settings that need provisioned mode, checked on the mapping as it would be stored (an
 * Update may add the setting, or drop ProvisionedPollerConfig with `{}`). A setting at its
 * default (retries -1, or 0 in Queue mode; record age -1; no bisect; no response types) or an
 * ARN on-failure destination (SQS, SNS, S3: supported without provisioned mode since 2023) does
 * not count; a `kafka://` topic destination does.
 * @throws LambdaError `InvalidParameterValueException` {@link MESSAGES.provisionedModeRequired}.
 */
function checkProvisionedMode(source: EventSource, config: EventSourceMappingConfiguration): void {
  if (!isKafka(source) || config.ProvisionedPollerConfig !== undefined) return;
  const defaultRetries = consumptionMode(config) === 'Queue' ? 0 : -1;
  const kafkaConfigName =
    source.type === 'MSK'
      ? 'AmazonManagedKafkaEventSourceConfig'
      : 'SelfManagedKafkaEventSourceConfig';
  const needing: Array<[boolean, string]> = [
    [
      config.MaximumRetryAttempts !== undefined && config.MaximumRetryAttempts !== defaultRetries,
      'maximumRetryAttempts',
    ],
    [
      config.MaximumRecordAgeInSeconds !== undefined && config.MaximumRecordAgeInSeconds !== -1,
      'maximumRecordAgeInSeconds',
    ],
    [config.BisectBatchOnFunctionError === true, 'bisectBatchOnFunctionError'],
    [(config.FunctionResponseTypes?.length ?? 0) > 0, 'functionResponseTypes'],
    [
      config.DestinationConfig?.OnFailure?.Destination?.startsWith('kafka://') ?? false,
      'destinationConfig.onFailure.destination',
    ],
    [config.LoggingConfig?.SystemLogLevel !== undefined, 'loggingConfig'],
    [
      config[kafkaConfigName]?.SchemaRegistryConfig !== undefined,
      `${memberPath(kafkaConfigName)}.schemaRegistryConfig`,
    ],
  ];
  const first = needing.find(([needs]) => needs);
  if (first) throw invalid(MESSAGES.provisionedModeRequired(first[1]));
}

/**
 * Rules on the mapping as it would be stored: Kafka provisioned-mode settings, SQS maximum
 * concurrency vs provisioned mode, and the limits of a Kafka poller group (other mappings of
 * the region in the same group).
 */
function checkEffective(
  source: EventSource,
  config: EventSourceMappingConfiguration,
  ctx: RuleContext,
): void {
  checkProvisionedMode(source, config);
  const pollers = config.ProvisionedPollerConfig;
  if (
    source.type === 'SQS' &&
    pollers !== undefined &&
    config.ScalingConfig?.MaximumConcurrency !== undefined
  ) {
    throw invalid(MESSAGES.scalingWithProvisionedPollers);
  }
  const group = pollers?.PollerGroupName ?? '';
  if (!isKafka(source) || group === '') return;
  let members = 0;
  let total = pollers?.MaximumPollers ?? DEFAULT_MAX_POLLERS;
  for (const other of ctx.mappings()) {
    if (other.UUID === config.UUID || other.ProvisionedPollerConfig?.PollerGroupName !== group) {
      continue;
    }
    members += 1;
    total += other.ProvisionedPollerConfig.MaximumPollers ?? DEFAULT_MAX_POLLERS;
  }
  if (members >= MAX_MAPPINGS_PER_POLLER_GROUP) throw invalid(MESSAGES.pollerGroupFull(group));
  if (total > MAX_POLLERS_PER_GROUP) throw invalid(MESSAGES.pollerGroupPollers(group, total));
}

/**
 * Tag rules beyond the model: at most {@link MAX_TAGS} per resource, no `aws:` keys.
 * @param tags the tags the resource would have (existing and new).
 * @param added the keys being added (checked for the reserved prefix).
 * @throws LambdaError `InvalidParameterValueException` (assumed texts, {@link MESSAGES}).
 */
export function checkTags(tags: Readonly<Record<string, string>>, added: readonly string[]): void {
  const reserved = added.find((key) => key.toLowerCase().startsWith('aws:'));
  if (reserved !== undefined) throw invalid(MESSAGES.reservedTagKey(reserved));
  const count = Object.keys(tags).length;
  if (count > MAX_TAGS) throw invalid(MESSAGES.tooManyTags(count));
}

/** SQS: BatchSize > 10 needs a batching window ≥ 1 (effective values; §3.2 [AWS-rec]). */
function checkSqsBatchWindow(source: EventSource, config: EventSourceMappingConfiguration): void {
  if (
    source.type === 'SQS' &&
    (config.BatchSize ?? 10) > 10 &&
    (config.MaximumBatchingWindowInSeconds ?? 0) === 0
  ) {
    throw invalid(MESSAGES.sqsBatchWindow);
  }
}

function bootstrapServers(config: EventSourceMappingConfiguration): string[] {
  return config.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? [];
}

function sharesTopic(a: EventSourceMappingConfiguration, b: EventSourceMappingConfiguration) {
  const topic = a.Topics?.[0];
  return topic !== undefined && (b.Topics?.includes(topic) ?? false);
}

/**
 * Whether `existing` consumes the same thing as `candidate`, per AWS's conflict key:
 * SQS/Kinesis/DynamoDB: the ARN [AWS-rec]; self-managed Kafka: any shared bootstrap server and
 * the topic [AWS-rec]; MSK: cluster ARN and topic (assumed, as for self-managed Kafka); Amazon MQ:
 * broker ARN and queue (assumed: one broker serves several queues); DocumentDB: cluster ARN,
 * database and collection (assumed: one cluster serves several change streams). The function is
 * compared separately (FunctionArn including its qualifier).
 */
function sameSource(
  source: EventSource,
  candidate: EventSourceMappingConfiguration,
  existing: EventSourceMappingConfiguration,
): boolean {
  switch (source.type) {
    case 'SelfManagedKafka': {
      const mine = bootstrapServers(candidate);
      return (
        bootstrapServers(existing).some((s) => mine.includes(s)) && sharesTopic(candidate, existing)
      );
    }
    case 'MSK':
      return (
        existing.EventSourceArn === candidate.EventSourceArn && sharesTopic(candidate, existing)
      );
    case 'AmazonMQ':
      return (
        existing.EventSourceArn === candidate.EventSourceArn &&
        existing.Queues?.[0] === candidate.Queues?.[0]
      );
    case 'DocumentDB': {
      const a = candidate.DocumentDBEventSourceConfig;
      const b = existing.DocumentDBEventSourceConfig;
      return (
        existing.EventSourceArn === candidate.EventSourceArn &&
        a?.DatabaseName === b?.DatabaseName &&
        (a?.CollectionName ?? '') === (b?.CollectionName ?? '')
      );
    }
    default:
      return existing.EventSourceArn === candidate.EventSourceArn;
  }
}

/** AWS's 409 text for a duplicate (§4.2 [AWS-rec] for SQS, streams, self-managed Kafka). */
function conflictMessage(
  source: EventSource,
  candidate: EventSourceMappingConfiguration,
  existingUuid: string,
): string {
  const fnArn = candidate.FunctionArn ?? '';
  const fnName = splitFunctionArn(fnArn).name;
  const arn = candidate.EventSourceArn ?? '';
  const suffix = `already exists. Please update or delete the existing mapping with UUID ${existingUuid}`;
  switch (source.type) {
    case 'SQS':
      return `An event source mapping with SQS arn (" ${arn} ") and function (" ${fnName} ") ${suffix}`;
    case 'SelfManagedKafka':
      return `An event source mapping with event source ("${bootstrapServers(candidate).join(',')}"), function ("${fnArn}"), topics ("${candidate.Topics?.[0] ?? ''}") ${suffix}`;
    case 'MSK':
      // [assumed] the self-managed Kafka text with the cluster ARN as the event source.
      return `An event source mapping with event source ("${arn}"), function ("${fnArn}"), topics ("${candidate.Topics?.[0] ?? ''}") ${suffix}`;
    case 'AmazonMQ':
      // [assumed] the Kafka text with the queue in place of the topic.
      return `An event source mapping with event source ("${arn}"), function ("${fnArn}"), queues ("${candidate.Queues?.[0] ?? ''}") ${suffix}`;
    default:
      // Kinesis, DynamoDB [AWS-rec]; DocumentDB [assumed].
      return `The event source arn (" ${arn} ") and function (" ${fnName} ") provided mapping ${suffix}`;
  }
}

/**
 * Duplicate detection → 409 `ResourceConflictException` (§4.2).
 * @param ignoreUuid the mapping being updated (never a duplicate of itself).
 */
function checkDuplicate(
  source: EventSource,
  candidate: EventSourceMappingConfiguration,
  ctx: RuleContext,
  ignoreUuid?: string,
): void {
  for (const existing of ctx.mappings()) {
    if (existing.UUID === ignoreUuid || existing.FunctionArn !== candidate.FunctionArn) continue;
    if (sameSource(source, candidate, existing)) {
      throw new LambdaError(
        'ResourceConflictException',
        conflictMessage(source, candidate, existing.UUID ?? ''),
      );
    }
  }
}

/** Request members copied into the stored mapping as given (then defaults apply). */
const CREATE_ECHOED = [
  'EventSourceArn',
  'BatchSize',
  'FilterCriteria',
  'MaximumBatchingWindowInSeconds',
  'ParallelizationFactor',
  'StartingPosition',
  'StartingPositionTimestamp',
  'DestinationConfig',
  'MaximumRecordAgeInSeconds',
  'BisectBatchOnFunctionError',
  'MaximumRetryAttempts',
  'TumblingWindowInSeconds',
  'Topics',
  'Queues',
  'SourceAccessConfigurations',
  'SelfManagedEventSource',
  'FunctionResponseTypes',
  'AmazonManagedKafkaEventSourceConfig',
  'SelfManagedKafkaEventSourceConfig',
  'ScalingConfig',
  'DocumentDBEventSourceConfig',
  'KMSKeyArn',
  'MetricsConfig',
  'LoggingConfig',
  'ProvisionedPollerConfig',
  // Stored, never returned (toWire leaves it out); ListTags answers it.
  'Tags',
] as const;

const UPDATE_ECHOED = CREATE_ECHOED.filter((name) => name in UPDATE_SHAPE.members);

function copyMembers(
  target: EventSourceMappingConfiguration,
  body: Record<string, unknown>,
  names: readonly string[],
): void {
  const writable = target as Record<string, unknown>;
  for (const name of names) {
    const value = body[name];
    if (value !== undefined && value !== null) writable[name] = structuredClone(value);
  }
}

/** Result of {@link prepareCreate}: the mapping to store (without state) and its source. */
export interface PreparedCreate {
  source: EventSource;
  enabled: boolean;
  /** Configuration with `UUID`, `FunctionArn` and per-source defaults, but no State/LastModified. */
  config: EventSourceMappingConfiguration;
}

/**
 * Validates a CreateEventSourceMapping body and builds the mapping AWS would store, in AWS's
 * order (reference §4.2): model constraints; `OnSuccess`; event source; parameters that do not
 * apply to the source (these three are reported even when the function does not exist); the
 * function; per-source rules (starting position, required members, source access, filters,
 * ranges AWS enforces beyond the model); the effective SQS batch window; duplicates.
 * @param body decoded JSON body (an object).
 * @param uuid the new mapping's UUID (Kafka consumer groups default to it).
 * @param ctx function resolution and existing mappings.
 * @throws LambdaError `ValidationException` (model), `InvalidParameterValueException` (see
 *   {@link MESSAGES}), `ResourceConflictException` (duplicate).
 */
export function prepareCreate(
  body: Record<string, unknown>,
  uuid: string,
  ctx: RuleContext,
): PreparedCreate {
  validateModel(body, CREATE_SHAPE);
  checkOnSuccess(body);
  const source = detectEventSource(
    body.EventSourceArn as string | undefined,
    body.SelfManagedEventSource !== undefined && body.SelfManagedEventSource !== null,
  );
  checkApplicable(body, source, CREATE_SHAPE, 'create');
  checkQueueMode(
    body,
    (body.SelfManagedKafkaEventSourceConfig as { ConsumptionMode?: string } | undefined)
      ?.ConsumptionMode ?? 'Stream',
  );
  const functionArn = ctx.resolveFunctionArn(body.FunctionName as string);
  if (functionArn === undefined) throw invalid(MESSAGES.functionMissing);
  checkStartingPosition(source, body);
  checkRequired(source, body);
  if (body.SourceAccessConfigurations !== undefined) checkSourceAccess(source, accessList(body));
  checkSharedRules(source, body);
  if (body.Tags !== undefined && body.Tags !== null) {
    const tags = body.Tags as Record<string, string>;
    checkTags(tags, Object.keys(tags));
  }
  const config: EventSourceMappingConfiguration = { UUID: uuid };
  copyMembers(config, body, CREATE_ECHOED);
  config.FunctionArn = functionArn;
  applyResponseDefaults(source, config);
  checkEffective(source, config, ctx);
  checkSqsBatchWindow(source, config);
  checkDuplicate(source, config, ctx);
  return { source, enabled: body.Enabled !== false, config };
}

/** Result of {@link prepareUpdate}. */
export interface PreparedUpdate {
  /** The configuration after the update (state members untouched). */
  config: EventSourceMappingConfiguration;
  /** `Enabled` from the request, if present. */
  enabled?: boolean;
}

/** A consumer group id in an Update that differs from the stored one (create-only member). */
function changesConsumerGroup(
  body: Record<string, unknown>,
  current: EventSourceMappingConfiguration,
): boolean {
  for (const name of [
    'AmazonManagedKafkaEventSourceConfig',
    'SelfManagedKafkaEventSourceConfig',
  ] as const) {
    const sent = (body[name] as { ConsumerGroupId?: unknown } | undefined)?.ConsumerGroupId;
    if (sent !== undefined && sent !== null && sent !== current[name]?.ConsumerGroupId) return true;
  }
  return false;
}

/**
 * Validates an UpdateEventSourceMapping body against the stored mapping and applies it with
 * PATCH semantics: only members present change; `FilterCriteria` `{}`/`{"Filters":[]}` and
 * `ScalingConfig` `{}` clear (the response then omits them). Members that are not in the Update
 * request shape (`EventSourceArn`, `StartingPosition`, `Topics`, `Queues`,
 * `SelfManagedEventSource`, `Tags`…) are ignored, as AWS's restJson1 deserialiser ignores
 * unknown members (the SDKs cannot send them). Amazon MQ keeps its stored `VIRTUAL_HOST` entry
 * when `SourceAccessConfigurations` is replaced (VIRTUAL_HOST cannot be sent on Update).
 * @param body decoded JSON body (an object).
 * @param current the stored mapping (not modified).
 * @param ctx function resolution and existing mappings (a re-pointed function is checked for
 *   duplicates).
 * @throws LambdaError `ValidationException`, `InvalidParameterValueException` (see
 *   {@link MESSAGES}), `ResourceConflictException`.
 */
export function prepareUpdate(
  body: Record<string, unknown>,
  current: EventSourceMappingConfiguration,
  ctx: RuleContext,
): PreparedUpdate {
  validateModel(body, UPDATE_SHAPE);
  checkOnSuccess(body);
  const source = sourceOf(current);
  checkApplicable(body, source, UPDATE_SHAPE, 'update');
  const config = structuredClone(current);
  if (typeof body.FunctionName === 'string') {
    const functionArn = ctx.resolveFunctionArn(body.FunctionName);
    if (functionArn === undefined) throw invalid(MESSAGES.functionMissing);
    config.FunctionArn = functionArn;
  }
  if (changesConsumerGroup(body, current)) throw invalid(MESSAGES.consumerGroupIdUpdate);
  const sentMode = (
    body.SelfManagedKafkaEventSourceConfig as { ConsumptionMode?: unknown } | undefined
  )?.ConsumptionMode;
  if (sentMode !== undefined && sentMode !== null && sentMode !== consumptionMode(current)) {
    throw invalid(MESSAGES.consumptionModeUpdate);
  }
  checkQueueMode(body, consumptionMode(current));
  checkSharedRules(source, body);
  copyMembers(config, body, UPDATE_ECHOED);
  // Consumer group ids are create-only: an Update that omits them keeps the stored one.
  if (current.AmazonManagedKafkaEventSourceConfig && config.AmazonManagedKafkaEventSourceConfig) {
    config.AmazonManagedKafkaEventSourceConfig.ConsumerGroupId =
      current.AmazonManagedKafkaEventSourceConfig.ConsumerGroupId;
  }
  if (current.SelfManagedKafkaEventSourceConfig && config.SelfManagedKafkaEventSourceConfig) {
    const kept = config.SelfManagedKafkaEventSourceConfig;
    kept.ConsumerGroupId = current.SelfManagedKafkaEventSourceConfig.ConsumerGroupId;
    // ConsumptionMode is create-only too: the stored value stays (or stays absent).
    const mode = current.SelfManagedKafkaEventSourceConfig.ConsumptionMode;
    if (mode === undefined) delete kept.ConsumptionMode;
    else kept.ConsumptionMode = mode;
  }
  if (body.SourceAccessConfigurations !== undefined) {
    const kept = (current.SourceAccessConfigurations ?? []).filter(
      (e) => e.Type === 'VIRTUAL_HOST',
    );
    config.SourceAccessConfigurations = [...accessList(body), ...structuredClone(kept)];
    checkSourceAccess(source, config.SourceAccessConfigurations);
  }
  if (source.type === 'DocumentDB' && body.DocumentDBEventSourceConfig !== undefined) {
    checkDocumentDbConfig(config.DocumentDBEventSourceConfig);
  }
  applyResponseDefaults(source, config);
  checkEffective(source, config, ctx);
  checkSqsBatchWindow(source, config);
  if (config.FunctionArn !== current.FunctionArn) {
    checkDuplicate(source, config, ctx, current.UUID);
  }
  const result: PreparedUpdate = { config };
  if (typeof body.Enabled === 'boolean') result.enabled = body.Enabled;
  return result;
}

/** Wire order of `EventSourceMappingConfiguration` members (newest model), for readable output. */
const MEMBER_ORDER = [
  'UUID',
  'StartingPosition',
  'StartingPositionTimestamp',
  'BatchSize',
  'MaximumBatchingWindowInSeconds',
  'ParallelizationFactor',
  'EventSourceArn',
  'FilterCriteria',
  'FunctionArn',
  'LastModified',
  'LastProcessingResult',
  'State',
  'StateTransitionReason',
  'DestinationConfig',
  'Topics',
  'Queues',
  'SourceAccessConfigurations',
  'SelfManagedEventSource',
  'MaximumRecordAgeInSeconds',
  'BisectBatchOnFunctionError',
  'MaximumRetryAttempts',
  'TumblingWindowInSeconds',
  'FunctionResponseTypes',
  'AmazonManagedKafkaEventSourceConfig',
  'SelfManagedKafkaEventSourceConfig',
  'ScalingConfig',
  'DocumentDBEventSourceConfig',
  'KMSKeyArn',
  'FilterCriteriaError',
  'EventSourceMappingArn',
  'MetricsConfig',
  'LoggingConfig',
  'ProvisionedPollerConfig',
] as const;

/**
 * A copy of the mapping with members in the model's order and unset members omitted.
 * @param config stored mapping.
 * @returns a fresh object safe to serialise (callers cannot mutate the store through it).
 */
export function toWire(config: EventSourceMappingConfiguration): EventSourceMappingConfiguration {
  const src = config as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of MEMBER_ORDER) {
    const value = src[name];
    if (value !== undefined && value !== null) out[name] = value;
  }
  return structuredClone(out) as EventSourceMappingConfiguration;
}
