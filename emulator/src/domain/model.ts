/**
 * Wire shapes of the Lambda API (2015-03-31: the model of 2026-08-07 plus the members of
 * `@aws-sdk/client-lambda` 3.1164.0) as the emulator stores and returns them. Timestamps are epoch seconds (JSON numbers), except
 * `FunctionConfiguration.LastModified`, which AWS sends as an ISO-8601 string (reference §1.1).
 * Members that are unset are absent, never `null`.
 */

/** The seven states AWS reports for an event source mapping (reference §5). */
export const MAPPING_STATES = [
  'Creating',
  'Enabling',
  'Enabled',
  'Disabling',
  'Disabled',
  'Updating',
  'Deleting',
] as const;

/** One of {@link MAPPING_STATES}. */
export type MappingState = (typeof MAPPING_STATES)[number];

/** States in which AWS refuses Update and Delete with `ResourceInUseException` (reference §5). */
export const TRANSITIONAL_STATES: ReadonlySet<MappingState> = new Set([
  'Creating',
  'Enabling',
  'Disabling',
  'Updating',
  'Deleting',
]);

/** `{Type, URI}` authentication/VPC entry (reference §3.4). */
export interface SourceAccessConfiguration {
  Type?: string;
  URI?: string;
}

/** `{OnSuccess?, OnFailure?}`, each `{Destination?}`. */
export interface DestinationConfig {
  OnSuccess?: { Destination?: string };
  OnFailure?: { Destination?: string };
}

/** `KafkaSchemaRegistryConfig` (MSK and self-managed Kafka, provisioned mode). */
export interface KafkaSchemaRegistryConfig {
  SchemaRegistryURI?: string;
  /** `JSON` or `SOURCE`. */
  EventRecordFormat?: string;
  /** `{Type: BASIC_AUTH|CLIENT_CERTIFICATE_TLS_AUTH|SERVER_ROOT_CA_CERTIFICATE|OAUTHBEARER_AUTH, URI}`. */
  AccessConfigs?: Array<{ Type?: string; URI?: string }>;
  /** `{Attribute: KEY|VALUE}`. */
  SchemaValidationConfigs?: Array<{ Attribute?: string }>;
}

/** `AmazonManagedKafkaEventSourceConfig`. */
export interface AmazonManagedKafkaEventSourceConfig {
  /** Create-only; defaults to the mapping's UUID. */
  ConsumerGroupId?: string;
  SchemaRegistryConfig?: KafkaSchemaRegistryConfig;
}

/** `SelfManagedKafkaEventSourceConfig`. */
export interface SelfManagedKafkaEventSourceConfig extends AmazonManagedKafkaEventSourceConfig {
  /** `Stream` (default when absent) or `Queue`; create-only (3.1164.0). */
  ConsumptionMode?: string;
}

/** `{Filters: [{Pattern}]}`. */
export interface FilterCriteria {
  Filters?: Array<{ Pattern?: string }>;
}

/**
 * `EventSourceMappingConfiguration` exactly as AWS returns it (reference §1.3). Every member is
 * optional on the wire; which ones are present depends on the source type.
 */
export interface EventSourceMappingConfiguration {
  UUID?: string;
  StartingPosition?: string;
  /** Epoch seconds. */
  StartingPositionTimestamp?: number;
  BatchSize?: number;
  MaximumBatchingWindowInSeconds?: number;
  ParallelizationFactor?: number;
  EventSourceArn?: string;
  FilterCriteria?: FilterCriteria;
  FunctionArn?: string;
  /** Epoch seconds (fractional). */
  LastModified?: number;
  LastProcessingResult?: string;
  State?: MappingState;
  StateTransitionReason?: string;
  DestinationConfig?: DestinationConfig;
  Topics?: string[];
  Queues?: string[];
  SourceAccessConfigurations?: SourceAccessConfiguration[];
  SelfManagedEventSource?: { Endpoints?: Record<string, string[]> };
  MaximumRecordAgeInSeconds?: number;
  BisectBatchOnFunctionError?: boolean;
  MaximumRetryAttempts?: number;
  TumblingWindowInSeconds?: number;
  FunctionResponseTypes?: string[];
  AmazonManagedKafkaEventSourceConfig?: AmazonManagedKafkaEventSourceConfig;
  SelfManagedKafkaEventSourceConfig?: SelfManagedKafkaEventSourceConfig;
  ScalingConfig?: { MaximumConcurrency?: number };
  DocumentDBEventSourceConfig?: {
    DatabaseName?: string;
    CollectionName?: string;
    FullDocument?: string;
  };
  KMSKeyArn?: string;
  FilterCriteriaError?: { ErrorCode?: string; Message?: string };
  EventSourceMappingArn?: string;
  MetricsConfig?: { Metrics?: string[] };
  LoggingConfig?: { SystemLogLevel?: string };
  ProvisionedPollerConfig?: {
    /** 1..200 (SQS: at least 2); default SQS 2, Kafka 1. */
    MinimumPollers?: number;
    /** SQS 2..10000, Kafka 1..2000; default 200. */
    MaximumPollers?: number;
    /** Kafka only; up to 100 mappings and 2000 MaximumPollers per group. */
    PollerGroupName?: string;
  };
  /**
   * The mapping's tags (key → value). Stored with the mapping but never part of the
   * `EventSourceMappingConfiguration` AWS returns: only ListTags answers them.
   */
  Tags?: Record<string, string>;
}

/**
 * `FunctionConfiguration` members the emulator returns (subset of the model that a function
 * picker needs; reference §1.4). `LastModified` is an ISO-8601 string such as
 * `2024-01-31T12:00:00.000+0000`.
 */
export interface FunctionConfiguration {
  FunctionName: string;
  FunctionArn: string;
  Runtime?: string;
  Role: string;
  Handler?: string;
  CodeSize: number;
  Description: string;
  /** Seconds. */
  Timeout: number;
  /** MB. */
  MemorySize: number;
  LastModified: string;
  CodeSha256: string;
  Version: string;
  TracingConfig?: { Mode: string };
  RevisionId: string;
  PackageType: string;
  Architectures: string[];
  EphemeralStorage?: { Size: number };
  SnapStart?: { ApplyOn: string; OptimizationStatus: string };
  LoggingConfig?: { LogFormat: string; LogGroup: string };
  State?: string;
  LastUpdateStatus?: string;
}

/** `AliasConfiguration` as ListAliases returns it (API reference `AliasConfiguration`). */
export interface AliasConfiguration {
  /** `arn:aws:lambda:<region>:<account>:function:<name>:<alias>`. */
  AliasArn: string;
  Name: string;
  /** Version number or `$LATEST`. */
  FunctionVersion: string;
  Description: string;
  RevisionId: string;
  RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> };
}
