/**
 * The single place for CreateEventSourceMapping / UpdateEventSourceMapping request rules:
 * model constraints (→ `ValidationException`), event-source detection (§2.1), which parameters
 * apply to which source (§3.1), the semantic rules AWS is recorded enforcing (§3.2, §4), and the
 * per-source members AWS fills in its responses (§1.3).
 *
 * Source: shared/reference/lambda-esm-api.md; constraint values from the Lambda model
 * 2015-03-31 in botocore 1.43.11. Rules are applied in AWS's observed order (§4.2): model
 * errors, then source detection and parameter applicability (reported even when the function
 * does not exist), then the function, then per-source rules, then duplicates.
 */
import { LambdaError } from '../errors.ts';
import { FUNCTION_NAME_SHAPE, splitFunctionArn } from './functions.ts';
import type { EventSourceMappingConfiguration, MappingState } from './model.ts';
import { type Shape, validateModel } from './model-validation.ts';

// ------------------------------------------------------------------------------------------
// Model shapes (Lambda 2015-03-31, botocore 1.43.11)
// ------------------------------------------------------------------------------------------

/** `Arn` pattern (EventSourceArn). */
export const ARN_PATTERN =
  'arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)';
const URI_PATTERN = '[a-zA-Z0-9-\\/*:_+=.@-]*';

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
        '$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)',
    },
  },
};

const KAFKA_CONFIG: Shape = {
  type: 'structure',
  members: {
    ConsumerGroupId: { type: 'string', min: 1, max: 200, pattern: URI_PATTERN },
    SchemaRegistryConfig: {
      type: 'structure',
      members: {
        SchemaRegistryURI: { type: 'string', min: 1, max: 10000, pattern: URI_PATTERN },
        EventRecordFormat: { type: 'string', enum: ['JSON', 'SOURCE'] },
        AccessConfigs: {
          type: 'list',
          member: {
            type: 'structure',
            members: {
              Type: {
                type: 'string',
                enum: ['BASIC_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH', 'SERVER_ROOT_CA_CERTIFICATE'],
              },
              URI: { type: 'string', min: 1, max: 200, pattern: URI_PATTERN },
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
    },
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
    max: 22,
    member: {
      type: 'structure',
      members: {
        Type: {
          type: 'string',
          enum: [
            'BASIC_AUTH',
            'VPC_SUBNET',
            'VPC_SECURITY_GROUP',
            'SASL_SCRAM_512_AUTH',
            'SASL_SCRAM_256_AUTH',
            'VIRTUAL_HOST',
            'CLIENT_CERTIFICATE_TLS_AUTH',
            'SERVER_ROOT_CA_CERTIFICATE',
          ],
        },
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
  AmazonManagedKafkaEventSourceConfig: KAFKA_CONFIG,
  SelfManagedKafkaEventSourceConfig: KAFKA_CONFIG,
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
  KMSKeyArn: { type: 'string', pattern: '(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()' },
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
      MaximumPollers: { type: 'integer', min: 1, max: 2000 },
      PollerGroupName: { type: 'string', min: 0, max: 128, pattern: '[a-zA-Z0-9-_]*' },
    },
  },
};

/** `CreateEventSourceMappingRequest` (FunctionName required). */
export const CREATE_SHAPE = {
  type: 'structure',
  required: ['FunctionName'],
  members: {
    EventSourceArn: { type: 'string', pattern: ARN_PATTERN },
    ...COMMON_MEMBERS,
    StartingPosition: { type: 'string', enum: STARTING_POSITIONS },
    StartingPositionTimestamp: { type: 'timestamp' },
    Tags: { type: 'map', key: { type: 'string' }, value: { type: 'string' } },
    Topics: {
      type: 'list',
      min: 1,
      max: 1,
      member: { type: 'string', min: 1, max: 249, pattern: '[^.]([a-zA-Z0-9\\-_.]+)' },
    },
    Queues: { type: 'list', min: 1, max: 1, member: { type: 'string', min: 1, max: 1000 } },
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
    throw new LambdaError('InvalidParameterValueException', 'Unrecognized event source.');
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
  throw new LambdaError('InvalidParameterValueException', 'Unrecognized event source.');
}

/**
 * Detects the source of a stored mapping.
 * @param config a mapping as stored (has `EventSourceArn` or `SelfManagedEventSource`).
 */
export function sourceOf(config: EventSourceMappingConfiguration): EventSource {
  return detectEventSource(config.EventSourceArn, config.SelfManagedEventSource !== undefined);
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

/** Request members that configure the source, by source type. Enabled/FunctionName/Tags/EventSourceArn apply to all. */
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

function checkApplicable(body: Record<string, unknown>, source: EventSource, shape: Shape): void {
  if (shape.type !== 'structure') return;
  for (const name of Object.keys(shape.members)) {
    if (body[name] === undefined || body[name] === null || ALWAYS_APPLICABLE.has(name)) continue;
    // FIFO queues have no batching window; 0 (the value AWS echoes) is accepted as "none".
    const fifoWindow = source.fifo && name === 'MaximumBatchingWindowInSeconds' && body[name] !== 0;
    const applicable = APPLICABLE_PARAMETERS[source.type].has(name) && !fifoWindow;
    if (applicable) continue;
    if (name === 'DestinationConfig') {
      throw new LambdaError(
        'InvalidParameterValueException',
        'Unsupported DestinationConfig parameter for given event source mapping type.',
      );
    }
    if (fifoWindow) {
      throw new LambdaError(
        'InvalidParameterValueException',
        'Batching window is not supported for FIFO queues.',
      );
    }
    throw new LambdaError(
      'InvalidParameterValueException',
      `Unsupported '${name.charAt(0).toLowerCase()}${name.slice(1)}' parameter for given event source mapping type.`,
    );
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
      config.BatchSize ??= 100;
      config.StartingPosition ??= 'TRIM_HORIZON';
      config.LastProcessingResult ??= 'No records processed';
      config.AmazonManagedKafkaEventSourceConfig = {
        ...config.AmazonManagedKafkaEventSourceConfig,
        ConsumerGroupId: config.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId ?? uuid,
      };
      break;
    case 'SelfManagedKafka':
      config.BatchSize ??= 100;
      config.StartingPosition ??= 'TRIM_HORIZON';
      config.LastProcessingResult ??= 'No records processed';
      config.SelfManagedKafkaEventSourceConfig = {
        ...config.SelfManagedKafkaEventSourceConfig,
        ConsumerGroupId: config.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId ?? uuid,
      };
      break;
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

function invalid(message: string): LambdaError {
  return new LambdaError('InvalidParameterValueException', message);
}

/** SQS: BatchSize > 10 needs a batching window ≥ 1 (effective values; §3.2 [AWS-rec]). */
function checkSqsBatchWindow(source: EventSource, config: EventSourceMappingConfiguration): void {
  if (
    source.type === 'SQS' &&
    (config.BatchSize ?? 10) > 10 &&
    (config.MaximumBatchingWindowInSeconds ?? 0) === 0
  ) {
    throw invalid(
      'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    );
  }
}

/** Rules after the function check on Create, in AWS's order (§3.2). */
function checkCreateSemantics(source: EventSource, body: Record<string, unknown>): void {
  if (isStream(source) && body.StartingPosition === undefined) {
    throw invalid(
      "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    );
  }
  if (source.type === 'DynamoDBStreams' && body.StartingPosition === 'AT_TIMESTAMP') {
    throw invalid(`Unsupported starting position for arn type: ${String(body.EventSourceArn)}`);
  }
  if (source.type === 'SelfManagedKafka' && body.SourceAccessConfigurations === undefined) {
    throw invalid("Required 'sourceAccessConfigurations' parameter is missing.");
  }
}

function bootstrapServers(config: EventSourceMappingConfiguration): string[] {
  return config.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? [];
}

/** Duplicate detection → 409 with AWS's per-source texts (§4.2 [AWS-rec]). */
function checkDuplicate(
  source: EventSource,
  candidate: EventSourceMappingConfiguration,
  ctx: RuleContext,
): void {
  for (const existing of ctx.mappings()) {
    if (existing.FunctionArn !== candidate.FunctionArn) continue;
    const fnName = splitFunctionArn(candidate.FunctionArn ?? '').name;
    const suffix = `already exists. Please update or delete the existing mapping with UUID ${existing.UUID}`;
    if (source.type === 'SQS' && existing.EventSourceArn === candidate.EventSourceArn) {
      throw new LambdaError(
        'ResourceConflictException',
        `An event source mapping with SQS arn (" ${candidate.EventSourceArn} ") and function (" ${fnName} ") ${suffix}`,
      );
    }
    if (isStream(source) && existing.EventSourceArn === candidate.EventSourceArn) {
      throw new LambdaError(
        'ResourceConflictException',
        `The event source arn (" ${candidate.EventSourceArn} ") and function (" ${fnName} ") provided mapping ${suffix}`,
      );
    }
    if (source.type === 'SelfManagedKafka' && existing.SelfManagedEventSource) {
      const mine = bootstrapServers(candidate);
      const shared = bootstrapServers(existing).some((s) => mine.includes(s));
      const topic = candidate.Topics?.[0];
      if (shared && topic !== undefined && existing.Topics?.includes(topic)) {
        throw new LambdaError(
          'ResourceConflictException',
          `An event source mapping with event source ("${mine.join(',')}"), function ("${candidate.FunctionArn}"), topics ("${topic}") ${suffix}`,
        );
      }
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
 * Validates a CreateEventSourceMapping body and builds the mapping AWS would store.
 * @param body decoded JSON body (an object).
 * @param uuid the new mapping's UUID (Kafka consumer groups default to it).
 * @param ctx function resolution and existing mappings.
 * @throws LambdaError ValidationException (model), InvalidParameterValueException
 *   (`Unrecognized event source.`, unsupported parameter, `Function does not exist`, per-source
 *   rules), ResourceConflictException (duplicate).
 */
export function prepareCreate(
  body: Record<string, unknown>,
  uuid: string,
  ctx: RuleContext,
): PreparedCreate {
  validateModel(body, CREATE_SHAPE);
  const source = detectEventSource(
    body.EventSourceArn as string | undefined,
    body.SelfManagedEventSource !== undefined && body.SelfManagedEventSource !== null,
  );
  checkApplicable(body, source, CREATE_SHAPE);
  const functionArn = ctx.resolveFunctionArn(body.FunctionName as string);
  if (functionArn === undefined) throw invalid('Function does not exist');
  checkCreateSemantics(source, body);
  const config: EventSourceMappingConfiguration = { UUID: uuid };
  copyMembers(config, body, CREATE_ECHOED);
  config.FunctionArn = functionArn;
  applyResponseDefaults(source, config);
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

/**
 * Validates an UpdateEventSourceMapping body against the stored mapping and applies it with
 * PATCH semantics (only members present change; `FilterCriteria`/`ScalingConfig` `{}` clear).
 * @param body decoded JSON body (an object).
 * @param current the stored mapping (not modified).
 * @param ctx function resolution.
 * @throws LambdaError ValidationException, InvalidParameterValueException (unsupported
 *   parameter, `Function does not exist`, SQS batch window).
 */
export function prepareUpdate(
  body: Record<string, unknown>,
  current: EventSourceMappingConfiguration,
  ctx: RuleContext,
): PreparedUpdate {
  validateModel(body, UPDATE_SHAPE);
  const source = sourceOf(current);
  checkApplicable(body, source, UPDATE_SHAPE);
  const config = structuredClone(current);
  if (typeof body.FunctionName === 'string') {
    const functionArn = ctx.resolveFunctionArn(body.FunctionName);
    if (functionArn === undefined) throw invalid('Function does not exist');
    config.FunctionArn = functionArn;
  }
  copyMembers(config, body, UPDATE_ECHOED);
  // Consumer group ids are create-only: keep the stored one.
  if (current.AmazonManagedKafkaEventSourceConfig && config.AmazonManagedKafkaEventSourceConfig) {
    config.AmazonManagedKafkaEventSourceConfig.ConsumerGroupId =
      current.AmazonManagedKafkaEventSourceConfig.ConsumerGroupId;
  }
  if (current.SelfManagedKafkaEventSourceConfig && config.SelfManagedKafkaEventSourceConfig) {
    config.SelfManagedKafkaEventSourceConfig.ConsumerGroupId =
      current.SelfManagedKafkaEventSourceConfig.ConsumerGroupId;
  }
  applyResponseDefaults(source, config);
  checkSqsBatchWindow(source, config);
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
