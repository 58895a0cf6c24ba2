/**
 * Every CreateEventSourceMapping / UpdateEventSourceMapping rule of the emulator, driven with the
 * real SDK over HTTP: each case asserts the exception name, the HTTP status and AWS's exact
 * message (sources of the texts: `MESSAGES` in emulator/src/domain/mapping-rules.ts).
 */
import {
  CreateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
  GetEventSourceMappingCommand,
  type LambdaClient,
  UpdateEventSourceMappingCommand,
  type UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fnArn, type RunningEmulator, sleep, SMALL_SEED, startEmulator } from './helpers.ts';
import {
  ARNS,
  BROKERS,
  type ExpectedError,
  expectError,
  FN,
  ipv,
  type Kind,
  request,
  SECRET,
  validation,
} from './mapping-rules-fixtures.ts';

let emu: RunningEmulator;
let client: LambdaClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 0 });
  client = emu.lambda();
});
afterAll(async () => emu.close());
beforeEach(() => emu.app.emulator.reset());

const HOUR = 3600_000;
const pattern = (p: unknown): { Filters: Array<{ Pattern: string }> } => ({
  Filters: [{ Pattern: typeof p === 'string' ? p : JSON.stringify(p) }],
});
const TOPIC_PATTERN = '[^.]([a-zA-Z0-9\\-_.]+)';

interface CreateCase {
  rule: string;
  input: CreateEventSourceMappingCommandInput;
  expected: ExpectedError;
}

const CREATE_CASES: CreateCase[] = [
  // ---- Model constraints → ValidationException (checked before anything else) ----
  {
    rule: 'BatchSize below 1',
    input: request('sqs', { BatchSize: 0 }),
    expected: validation("'0'", 'batchSize', 'Member must have value greater than or equal to 1'),
  },
  {
    rule: 'BatchSize above 10000',
    input: request('kinesis', { BatchSize: 10001 }),
    expected: validation(
      "'10001'",
      'batchSize',
      'Member must have value less than or equal to 10000',
    ),
  },
  {
    rule: 'MaximumBatchingWindowInSeconds above 300',
    input: request('kinesis', { MaximumBatchingWindowInSeconds: 301 }),
    expected: validation(
      "'301'",
      'maximumBatchingWindowInSeconds',
      'Member must have value less than or equal to 300',
    ),
  },
  {
    rule: 'ParallelizationFactor below 1',
    input: request('kinesis', { ParallelizationFactor: 0 }),
    expected: validation(
      "'0'",
      'parallelizationFactor',
      'Member must have value greater than or equal to 1',
    ),
  },
  {
    rule: 'ParallelizationFactor above 10',
    input: request('dynamodb', { ParallelizationFactor: 11 }),
    expected: validation(
      "'11'",
      'parallelizationFactor',
      'Member must have value less than or equal to 10',
    ),
  },
  {
    rule: 'MaximumRecordAgeInSeconds below -1',
    input: request('kinesis', { MaximumRecordAgeInSeconds: -2 }),
    expected: validation(
      "'-2'",
      'maximumRecordAgeInSeconds',
      'Member must have value greater than or equal to -1',
    ),
  },
  {
    rule: 'MaximumRecordAgeInSeconds above 604800',
    input: request('kinesis', { MaximumRecordAgeInSeconds: 604801 }),
    expected: validation(
      "'604801'",
      'maximumRecordAgeInSeconds',
      'Member must have value less than or equal to 604800',
    ),
  },
  {
    rule: 'MaximumRetryAttempts below -1',
    input: request('dynamodb', { MaximumRetryAttempts: -2 }),
    expected: validation(
      "'-2'",
      'maximumRetryAttempts',
      'Member must have value greater than or equal to -1',
    ),
  },
  {
    rule: 'MaximumRetryAttempts above 10000',
    input: request('msk', { MaximumRetryAttempts: 10001 }),
    expected: validation(
      "'10001'",
      'maximumRetryAttempts',
      'Member must have value less than or equal to 10000',
    ),
  },
  {
    rule: 'TumblingWindowInSeconds below 0',
    input: request('kinesis', { TumblingWindowInSeconds: -1 }),
    expected: validation(
      "'-1'",
      'tumblingWindowInSeconds',
      'Member must have value greater than or equal to 0',
    ),
  },
  {
    rule: 'TumblingWindowInSeconds above 900',
    input: request('dynamodb', { TumblingWindowInSeconds: 901 }),
    expected: validation(
      "'901'",
      'tumblingWindowInSeconds',
      'Member must have value less than or equal to 900',
    ),
  },
  {
    rule: 'ScalingConfig.MaximumConcurrency below 2',
    input: request('sqs', { ScalingConfig: { MaximumConcurrency: 1 } }),
    expected: validation(
      "'1'",
      'scalingConfig.maximumConcurrency',
      'Member must have value greater than or equal to 2',
    ),
  },
  {
    rule: 'ScalingConfig.MaximumConcurrency above 1000',
    input: request('sqs', { ScalingConfig: { MaximumConcurrency: 1001 } }),
    expected: validation(
      "'1001'",
      'scalingConfig.maximumConcurrency',
      'Member must have value less than or equal to 1000',
    ),
  },
  {
    rule: 'Topics empty (exactly one required by the model)',
    input: request('msk', { Topics: [] }),
    expected: validation("'[]'", 'topics', 'Member must have length greater than or equal to 1'),
  },
  {
    rule: 'Topics with two topics',
    input: request('kafka', { Topics: ['a.b', 'c.d'] }),
    expected: validation(
      "'[a.b, c.d]'",
      'topics',
      'Member must have length less than or equal to 1',
    ),
  },
  {
    rule: 'Topics item not matching the topic pattern',
    input: request('msk', { Topics: ['.hidden'] }),
    expected: validation(
      "'[.hidden]'",
      'topics',
      `Member must satisfy constraint: [Member must have length less than or equal to 249, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ${TOPIC_PATTERN}, Member must not be null]`,
    ),
  },
  {
    rule: 'Queues empty',
    input: request('mq', { Queues: [] }),
    expected: validation("'[]'", 'queues', 'Member must have length greater than or equal to 1'),
  },
  {
    rule: 'Queues with two queues',
    input: request('mq', { Queues: ['q1', 'q2'] }),
    expected: validation("'[q1, q2]'", 'queues', 'Member must have length less than or equal to 1'),
  },
  {
    rule: 'StartingPosition outside the enum',
    input: request('kinesis', { StartingPosition: 'EARLIEST' }),
    expected: validation(
      "'EARLIEST'",
      'startingPosition',
      'Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]',
    ),
  },
  {
    rule: 'FunctionResponseTypes outside the enum',
    input: request('sqs', { FunctionResponseTypes: ['ReportEverything'] }),
    expected: validation(
      "'[ReportEverything]'",
      'functionResponseTypes',
      'Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures], Member must not be null]',
    ),
  },
  {
    rule: 'SourceAccessConfigurations Type outside the enum',
    input: request('mq', { SourceAccessConfigurations: [{ Type: 'PLAIN', URI: SECRET }] }),
    expected: validation(
      "'PLAIN'",
      'sourceAccessConfigurations.1.member.type',
      // The model's eight, then the seven of @aws-sdk/client-lambda 3.1164.0.
      'Member must satisfy enum value set: [BASIC_AUTH, VPC_SUBNET, VPC_SECURITY_GROUP, SASL_SCRAM_512_AUTH, SASL_SCRAM_256_AUTH, VIRTUAL_HOST, CLIENT_CERTIFICATE_TLS_AUTH, SERVER_ROOT_CA_CERTIFICATE, OAUTHBEARER_AUTH, OAUTHBEARER_SCOPE, OAUTHBEARER_AUDIENCE, OAUTHBEARER_LOGICAL_CLUSTER, OAUTHBEARER_IDENTITY_POOL, IAM_AUTH, IAM_OAUTHBEARER_AUTH]',
    ),
  },
  {
    rule: 'DocumentDB DatabaseName with a dot',
    input: request('docdb', { DocumentDBEventSourceConfig: { DatabaseName: 'orders.v2' } }),
    expected: validation(
      "'orders.v2'",
      'documentDBEventSourceConfig.databaseName',
      'Member must satisfy regular expression pattern: [^ /\\.$\\x22]*',
    ),
  },
  {
    rule: 'DocumentDB CollectionName starting with system.',
    input: request('docdb', {
      DocumentDBEventSourceConfig: { DatabaseName: 'orders', CollectionName: 'system.views' },
    }),
    expected: validation(
      "'system.views'",
      'documentDBEventSourceConfig.collectionName',
      'Member must satisfy regular expression pattern: (^(?!(system\\x2e)))(^[_a-zA-Z0-9])([^$]*)',
    ),
  },
  {
    rule: 'model errors come before the event source check',
    input: { FunctionName: 'nope', BatchSize: 0 },
    expected: validation("'0'", 'batchSize', 'Member must have value greater than or equal to 1'),
  },

  // ---- Event source and parameter applicability (reported even for a missing function) ----
  {
    rule: 'no EventSourceArn and no SelfManagedEventSource',
    input: { FunctionName: FN },
    expected: ipv('Unrecognized event source.'),
  },
  {
    rule: 'an SNS topic is not an event source',
    input: { FunctionName: FN, EventSourceArn: 'arn:aws:sns:us-east-1:123456789012:alerts' },
    expected: ipv('Unrecognized event source.'),
  },
  {
    rule: 'DestinationConfig.OnSuccess on Kinesis',
    input: request('kinesis', {
      DestinationConfig: { OnSuccess: { Destination: ARNS.sqs } },
    }),
    expected: ipv('Unsupported DestinationConfig parameter for given event source mapping type.'),
  },
  {
    rule: 'DestinationConfig.OnSuccess on self-managed Kafka',
    input: request('kafka', { DestinationConfig: { OnSuccess: { Destination: ARNS.sqs } } }),
    expected: ipv('Unsupported DestinationConfig parameter for given event source mapping type.'),
  },
  {
    rule: 'DestinationConfig on SQS',
    input: request('sqs', { DestinationConfig: { OnFailure: { Destination: ARNS.sqs } } }),
    expected: ipv('Unsupported DestinationConfig parameter for given event source mapping type.'),
  },
  {
    rule: 'DestinationConfig on Amazon MQ',
    input: request('mq', { DestinationConfig: { OnFailure: { Destination: ARNS.sqs } } }),
    expected: ipv('Unsupported DestinationConfig parameter for given event source mapping type.'),
  },
  {
    rule: 'DestinationConfig on DocumentDB',
    input: request('docdb', { DestinationConfig: { OnFailure: { Destination: ARNS.sqs } } }),
    expected: ipv('Unsupported DestinationConfig parameter for given event source mapping type.'),
  },
  {
    rule: 'StartingPosition on SQS',
    input: request('sqs', { StartingPosition: 'LATEST' }),
    expected: ipv('StartingPosition is not valid for SQS event sources.'),
  },
  {
    rule: 'StartingPosition with a timestamp on SQS',
    input: request('sqs', {
      StartingPosition: 'LATEST',
      StartingPositionTimestamp: new Date(Date.now() - HOUR),
    }),
    expected: ipv('StartingPosition is not valid for SQS event sources.'),
  },
  {
    rule: 'StartingPosition on Amazon MQ',
    input: request('mq', { StartingPosition: 'TRIM_HORIZON' }),
    expected: ipv("Unsupported 'startingPosition' parameter for given event source mapping type."),
  },
  {
    rule: 'ParallelizationFactor on SQS',
    input: request('sqs', { ParallelizationFactor: 2 }),
    expected: ipv(
      "Unsupported 'parallelizationFactor' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'TumblingWindowInSeconds on MSK',
    input: request('msk', { TumblingWindowInSeconds: 60 }),
    expected: ipv(
      "Unsupported 'tumblingWindowInSeconds' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'BisectBatchOnFunctionError on SQS',
    input: request('sqs', { BisectBatchOnFunctionError: true }),
    expected: ipv(
      "Unsupported 'bisectBatchOnFunctionError' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'MaximumRetryAttempts on Amazon MQ',
    input: request('mq', { MaximumRetryAttempts: 3 }),
    expected: ipv(
      "Unsupported 'maximumRetryAttempts' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'ScalingConfig on Kinesis (SQS only)',
    input: request('kinesis', { ScalingConfig: { MaximumConcurrency: 5 } }),
    expected: ipv("Unsupported 'scalingConfig' parameter for given event source mapping type."),
  },
  {
    rule: 'FunctionResponseTypes on Amazon MQ',
    input: request('mq', { FunctionResponseTypes: ['ReportBatchItemFailures'] }),
    expected: ipv(
      "Unsupported 'functionResponseTypes' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'FunctionResponseTypes on DocumentDB',
    input: request('docdb', { FunctionResponseTypes: ['ReportBatchItemFailures'] }),
    expected: ipv(
      "Unsupported 'functionResponseTypes' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'Topics on SQS',
    input: request('sqs', { Topics: ['orders.created'] }),
    expected: ipv("Unsupported 'topics' parameter for given event source mapping type."),
  },
  {
    rule: 'Queues on MSK',
    input: request('msk', { Queues: ['ExampleQueue'] }),
    expected: ipv("Unsupported 'queues' parameter for given event source mapping type."),
  },
  {
    rule: 'SourceAccessConfigurations on Kinesis',
    input: request('kinesis', {
      SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }],
    }),
    expected: ipv(
      "Unsupported 'sourceAccessConfigurations' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'DocumentDBEventSourceConfig on SQS',
    input: request('sqs', { DocumentDBEventSourceConfig: { DatabaseName: 'orders' } }),
    expected: ipv(
      "Unsupported 'documentDBEventSourceConfig' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'AmazonManagedKafkaEventSourceConfig on self-managed Kafka',
    input: request('kafka', { AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g1' } }),
    expected: ipv(
      "Unsupported 'amazonManagedKafkaEventSourceConfig' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'SelfManagedKafkaEventSourceConfig on MSK',
    input: request('msk', { SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g1' } }),
    expected: ipv(
      "Unsupported 'selfManagedKafkaEventSourceConfig' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'LoggingConfig on SQS (Kafka only)',
    input: request('sqs', { LoggingConfig: { SystemLogLevel: 'INFO' } }),
    expected: ipv("Unsupported 'loggingConfig' parameter for given event source mapping type."),
  },
  {
    rule: 'ProvisionedPollerConfig on Amazon MQ',
    input: request('mq', { ProvisionedPollerConfig: { MinimumPollers: 1 } }),
    expected: ipv(
      "Unsupported 'provisionedPollerConfig' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'MaximumBatchingWindowInSeconds on a FIFO queue',
    input: request('fifo', { MaximumBatchingWindowInSeconds: 5 }),
    expected: ipv('Batching window is not supported for FIFO queues'),
  },
  {
    rule: 'unsupported parameters are reported before a missing function',
    input: request('sqs', { FunctionName: 'nope', ParallelizationFactor: 2 }),
    expected: ipv(
      "Unsupported 'parallelizationFactor' parameter for given event source mapping type.",
    ),
  },

  // ---- Function ----
  {
    rule: 'function does not exist',
    input: request('mq', { FunctionName: 'nope' }),
    expected: ipv('Function does not exist'),
  },
  {
    rule: 'the function is checked before per-source rules',
    input: request('kinesis', { FunctionName: 'nope', StartingPosition: undefined }),
    expected: ipv('Function does not exist'),
  },

  // ---- Starting position ----
  {
    rule: 'Kinesis without StartingPosition',
    input: request('kinesis', { StartingPosition: undefined }),
    expected: ipv(
      "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    ),
  },
  {
    rule: 'DynamoDB without StartingPosition',
    input: request('dynamodb', { StartingPosition: undefined }),
    expected: ipv(
      "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    ),
  },
  {
    rule: 'AT_TIMESTAMP on DynamoDB (even with a timestamp)',
    input: request('dynamodb', {
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: new Date(Date.now() - HOUR),
    }),
    expected: ipv(`Unsupported starting position for arn type: ${ARNS.dynamodb}`),
  },
  {
    rule: 'timestamp with LATEST on Kinesis',
    input: request('kinesis', { StartingPositionTimestamp: new Date(Date.now() - HOUR) }),
    expected: ipv('Timestamp only valid with StartingPosition AT_TIMESTAMP'),
  },
  {
    rule: 'timestamp with TRIM_HORIZON on DynamoDB',
    input: request('dynamodb', {
      StartingPosition: 'TRIM_HORIZON',
      StartingPositionTimestamp: new Date(Date.now() - HOUR),
    }),
    expected: ipv('Timestamp only valid with StartingPosition AT_TIMESTAMP'),
  },
  {
    rule: 'timestamp without StartingPosition on MSK',
    input: request('msk', { StartingPositionTimestamp: new Date(Date.now() - HOUR) }),
    expected: ipv('Timestamp only valid with StartingPosition AT_TIMESTAMP'),
  },
  {
    rule: 'AT_TIMESTAMP without a timestamp on Kinesis',
    input: request('kinesis', { StartingPosition: 'AT_TIMESTAMP' }),
    expected: ipv('Need to specify a timestamp'),
  },
  {
    rule: 'AT_TIMESTAMP without a timestamp on self-managed Kafka',
    input: request('kafka', { StartingPosition: 'AT_TIMESTAMP' }),
    expected: ipv('Need to specify a timestamp'),
  },
  {
    rule: 'AT_TIMESTAMP with a negative timestamp on Kinesis',
    input: request('kinesis', {
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: new Date(-86_400_000),
    }),
    expected: ipv(
      'Received Exception while reading from provided stream. class java.lang.Long can not be converted to a Timestamp',
    ),
  },
  {
    rule: 'AT_TIMESTAMP in the future on Kinesis',
    input: request('kinesis', {
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: new Date(Date.now() + HOUR),
    }),
    expected: ipv('StartingPositionTimestamp cannot be in the future.'),
  },
  {
    rule: 'AT_TIMESTAMP in the future on DocumentDB',
    input: request('docdb', {
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: new Date(Date.now() + HOUR),
    }),
    expected: ipv('StartingPositionTimestamp cannot be in the future.'),
  },

  // ---- Required members per source ----
  {
    rule: 'MSK without Topics',
    input: request('msk', { Topics: undefined }),
    expected: ipv("Required 'topics' parameter is missing."),
  },
  {
    rule: 'self-managed Kafka without Topics',
    input: request('kafka', { Topics: undefined }),
    expected: ipv("Required 'topics' parameter is missing."),
  },
  {
    rule: 'self-managed Kafka without SourceAccessConfigurations',
    input: request('kafka', { SourceAccessConfigurations: undefined }),
    expected: ipv("Required 'sourceAccessConfigurations' parameter is missing."),
  },
  {
    rule: 'Amazon MQ without Queues',
    input: request('mq', { Queues: undefined }),
    expected: ipv("Required 'queues' parameter is missing."),
  },
  {
    rule: 'Amazon MQ without SourceAccessConfigurations',
    input: request('mq', { SourceAccessConfigurations: undefined }),
    expected: ipv("Required 'sourceAccessConfigurations' parameter is missing."),
  },
  {
    rule: 'DocumentDB without DocumentDBEventSourceConfig',
    input: request('docdb', { DocumentDBEventSourceConfig: undefined }),
    expected: ipv("Required 'documentDBEventSourceConfig' parameter is missing."),
  },
  {
    rule: 'DocumentDB without DatabaseName',
    input: request('docdb', { DocumentDBEventSourceConfig: { CollectionName: 'orders' } }),
    expected: ipv("Required 'documentDBEventSourceConfig.databaseName' parameter is missing."),
  },

  // ---- SourceAccessConfigurations ----
  {
    rule: 'Amazon MQ with only a VIRTUAL_HOST',
    input: request('mq', { SourceAccessConfigurations: [{ Type: 'VIRTUAL_HOST', URI: '/' }] }),
    expected: ipv(
      'Amazon MQ event sources require exactly one BASIC_AUTH source access configuration.',
    ),
  },
  {
    rule: 'Amazon MQ with two BASIC_AUTH secrets',
    input: request('mq', {
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: SECRET },
        { Type: 'BASIC_AUTH', URI: `${SECRET}2` },
      ],
    }),
    expected: ipv(
      'Amazon MQ event sources require exactly one BASIC_AUTH source access configuration.',
    ),
  },
  {
    rule: 'Amazon MQ with an empty SourceAccessConfigurations list',
    input: request('mq', { SourceAccessConfigurations: [] }),
    expected: ipv(
      'Amazon MQ event sources require exactly one BASIC_AUTH source access configuration.',
    ),
  },
  {
    rule: 'Amazon MQ with two VIRTUAL_HOST entries',
    input: request('mq', {
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: SECRET },
        { Type: 'VIRTUAL_HOST', URI: '/' },
        { Type: 'VIRTUAL_HOST', URI: '/orders' },
      ],
    }),
    expected: ipv(
      'Only one SourceAccessConfiguration of type VIRTUAL_HOST is allowed for given event source mapping type.',
    ),
  },
  {
    rule: 'Amazon MQ BASIC_AUTH that is not a secret ARN',
    input: request('mq', { SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: 'admin:pw' }] }),
    expected: ipv(
      'Invalid URI for SourceAccessConfiguration type BASIC_AUTH: admin:pw. The URI must be the ARN of a Secrets Manager secret.',
    ),
  },
  {
    rule: 'Amazon MQ with a SASL/SCRAM secret',
    input: request('mq', {
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: SECRET },
        { Type: 'SASL_SCRAM_512_AUTH', URI: SECRET },
      ],
    }),
    expected: ipv(
      'Unsupported SourceAccessConfiguration type SASL_SCRAM_512_AUTH for given event source mapping type.',
    ),
  },
  {
    rule: 'MSK with BASIC_AUTH (MSK takes SASL/SCRAM-512 or mTLS)',
    input: request('msk', { SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }] }),
    expected: ipv(
      'Unsupported SourceAccessConfiguration type BASIC_AUTH for given event source mapping type.',
    ),
  },
  {
    rule: 'MSK with a VPC subnet',
    input: request('msk', {
      SourceAccessConfigurations: [{ Type: 'VPC_SUBNET', URI: 'subnet:subnet-0123456789abcdef0' }],
    }),
    expected: ipv(
      'Unsupported SourceAccessConfiguration type VPC_SUBNET for given event source mapping type.',
    ),
  },
  {
    rule: 'self-managed Kafka with a VIRTUAL_HOST',
    input: request('kafka', {
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: SECRET },
        { Type: 'VIRTUAL_HOST', URI: '/' },
      ],
    }),
    expected: ipv(
      'Unsupported SourceAccessConfiguration type VIRTUAL_HOST for given event source mapping type.',
    ),
  },
  {
    rule: 'self-managed Kafka SASL/SCRAM-256 that is not a secret ARN',
    input: request('kafka', {
      SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_256_AUTH', URI: 'kafka-user' }],
    }),
    expected: ipv(
      'Invalid URI for SourceAccessConfiguration type SASL_SCRAM_256_AUTH: kafka-user. The URI must be the ARN of a Secrets Manager secret.',
    ),
  },
  {
    rule: 'DocumentDB with a VPC security group',
    input: request('docdb', {
      SourceAccessConfigurations: [
        { Type: 'VPC_SECURITY_GROUP', URI: 'security_group:sg-0123456789abcdef0' },
      ],
    }),
    expected: ipv(
      'Unsupported SourceAccessConfiguration type VPC_SECURITY_GROUP for given event source mapping type.',
    ),
  },
  {
    rule: 'DocumentDB with two BASIC_AUTH secrets',
    input: request('docdb', {
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: SECRET },
        { Type: 'BASIC_AUTH', URI: `${SECRET}2` },
      ],
    }),
    expected: ipv(
      'Only one SourceAccessConfiguration of type BASIC_AUTH is allowed for given event source mapping type.',
    ),
  },

  // ---- FilterCriteria ----
  {
    rule: 'filter pattern that is not JSON',
    input: request('sqs', { FilterCriteria: pattern('{"body": ') }),
    expected: ipv('Invalid filter pattern definition.'),
  },
  {
    rule: 'filter pattern whose leaf is not an array',
    input: request('kinesis', { FilterCriteria: pattern({ data: { type: 'created' } }) }),
    expected: ipv('Invalid filter pattern definition.'),
  },
  {
    rule: 'filter pattern with an unknown operator',
    input: request('sqs', { FilterCriteria: pattern({ body: { n: [{ between: [1, 2] }] } }) }),
    expected: ipv('Invalid filter pattern definition.'),
  },
  {
    rule: 'filter pattern with a malformed numeric operator',
    input: request('dynamodb', {
      FilterCriteria: pattern({ dynamodb: { Keys: { n: [{ numeric: ['>>', 1] }] } } }),
    }),
    expected: ipv('Invalid filter pattern definition.'),
  },
  {
    rule: 'filter pattern that is a JSON array',
    input: request('mq', { FilterCriteria: pattern([{ data: ['a'] }]) }),
    expected: ipv('Invalid filter pattern definition.'),
  },
  {
    rule: 'filter without a Pattern',
    input: request('sqs', { FilterCriteria: { Filters: [{}] } }),
    expected: ipv('Invalid filter pattern definition.'),
  },
  {
    rule: 'more than five filters',
    input: request('sqs', {
      FilterCriteria: {
        Filters: [1, 2, 3, 4, 5, 6].map((n) => ({ Pattern: JSON.stringify({ body: { n: [n] } }) })),
      },
    }),
    expected: ipv('The number of filters in FilterCriteria (6) exceeds the limit of 5.'),
  },

  // ---- Numbers AWS restricts beyond the model ----
  {
    rule: 'MaximumRecordAgeInSeconds between 0 and 59 on Kinesis',
    input: request('kinesis', { MaximumRecordAgeInSeconds: 59 }),
    expected: ipv(
      'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)',
    ),
  },
  {
    rule: 'MaximumRecordAgeInSeconds 0 on MSK',
    input: request('msk', { MaximumRecordAgeInSeconds: 0 }),
    expected: ipv(
      'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)',
    ),
  },
  {
    rule: 'BatchSize above 10 on a FIFO queue',
    input: request('fifo', { BatchSize: 11 }),
    expected: ipv('Maximum batch size must be between 1 and 10 inclusive'),
  },
  {
    rule: 'SQS BatchSize above 10 without a batching window',
    input: request('sqs', { BatchSize: 11 }),
    expected: ipv(
      'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    ),
  },
  {
    rule: 'SQS BatchSize above 10 with a batching window of 0',
    input: request('sqs', { BatchSize: 10000, MaximumBatchingWindowInSeconds: 0 }),
    expected: ipv(
      'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    ),
  },
  {
    rule: 'ProvisionedPollerConfig minimum above maximum on MSK',
    input: request('msk', { ProvisionedPollerConfig: { MinimumPollers: 5, MaximumPollers: 4 } }),
    expected: ipv('MinimumPollers must be less than or equal to MaximumPollers.'),
  },
  {
    rule: 'ProvisionedPollerConfig with one poller on SQS',
    input: request('sqs', { ProvisionedPollerConfig: { MinimumPollers: 1 } }),
    expected: ipv(
      'MinimumPollers and MaximumPollers must be at least 2 for Amazon SQS event sources.',
    ),
  },
  {
    rule: 'Kafka-only metric on SQS',
    input: request('sqs', { MetricsConfig: { Metrics: ['EventCount', 'ErrorCount'] } }),
    expected: ipv('Unsupported metric ErrorCount for given event source mapping type.'),
  },
];

describe('CreateEventSourceMapping rules', () => {
  for (const c of CREATE_CASES) {
    it(`${c.rule} → ${c.expected.name}`, async () => {
      await expectError(client.send(new CreateEventSourceMappingCommand(c.input)), c.expected);
    });
  }
});

describe('CreateEventSourceMapping duplicates (409 ResourceConflictException)', () => {
  const conflict = (message: string): ExpectedError => ({
    name: 'ResourceConflictException',
    status: 409,
    message,
  });
  const suffix = (uuid: string | undefined): string =>
    `already exists. Please update or delete the existing mapping with UUID ${uuid}`;

  it('SQS: same queue and function', async () => {
    const first = await client.send(new CreateEventSourceMappingCommand(request('sqs')));
    await expectError(
      client.send(new CreateEventSourceMappingCommand(request('sqs'))),
      conflict(
        `An event source mapping with SQS arn (" ${ARNS.sqs} ") and function (" ${FN} ") ${suffix(first.UUID)}`,
      ),
    );
  });

  it('Kinesis and DynamoDB: same stream and function', async () => {
    for (const kind of ['kinesis', 'dynamodb'] as const) {
      const first = await client.send(new CreateEventSourceMappingCommand(request(kind)));
      await expectError(
        client.send(new CreateEventSourceMappingCommand(request(kind))),
        conflict(
          `The event source arn (" ${ARNS[kind]} ") and function (" ${FN} ") provided mapping ${suffix(first.UUID)}`,
        ),
      );
    }
  });

  it('MSK: same cluster, function and topic; another topic is allowed', async () => {
    const first = await client.send(new CreateEventSourceMappingCommand(request('msk')));
    await expectError(
      client.send(new CreateEventSourceMappingCommand(request('msk'))),
      conflict(
        `An event source mapping with event source ("${ARNS.msk}"), function ("${fnArn(FN)}"), topics ("orders.created") ${suffix(first.UUID)}`,
      ),
    );
    const other = await client.send(
      new CreateEventSourceMappingCommand(request('msk', { Topics: ['orders.updated'] })),
    );
    expect(other.$metadata.httpStatusCode).toBe(202);
  });

  it('self-managed Kafka: a shared bootstrap server, function and topic', async () => {
    const first = await client.send(new CreateEventSourceMappingCommand(request('kafka')));
    const sharing = request('kafka', {
      SelfManagedEventSource: {
        Endpoints: { KAFKA_BOOTSTRAP_SERVERS: [BROKERS[1], 'b-3.kafka.example.net:9094'] },
      },
    });
    await expectError(
      client.send(new CreateEventSourceMappingCommand(sharing)),
      conflict(
        `An event source mapping with event source ("${BROKERS[1]},b-3.kafka.example.net:9094"), function ("${fnArn(FN)}"), topics ("orders.created") ${suffix(first.UUID)}`,
      ),
    );
  });

  it('Amazon MQ: same broker, function and queue; another queue is allowed', async () => {
    const first = await client.send(new CreateEventSourceMappingCommand(request('mq')));
    await expectError(
      client.send(new CreateEventSourceMappingCommand(request('mq'))),
      conflict(
        `An event source mapping with event source ("${ARNS.mq}"), function ("${fnArn(FN)}"), queues ("ExampleQueue") ${suffix(first.UUID)}`,
      ),
    );
    const other = await client.send(
      new CreateEventSourceMappingCommand(request('mq', { Queues: ['OtherQueue'] })),
    );
    expect(other.$metadata.httpStatusCode).toBe(202);
  });

  it('DocumentDB: same cluster, database, collection and function; another collection is allowed', async () => {
    const first = await client.send(new CreateEventSourceMappingCommand(request('docdb')));
    await expectError(
      client.send(new CreateEventSourceMappingCommand(request('docdb'))),
      conflict(
        `The event source arn (" ${ARNS.docdb} ") and function (" ${FN} ") provided mapping ${suffix(first.UUID)}`,
      ),
    );
    const other = await client.send(
      new CreateEventSourceMappingCommand(
        request('docdb', {
          DocumentDBEventSourceConfig: { DatabaseName: 'orders', CollectionName: 'invoices' },
        }),
      ),
    );
    expect(other.$metadata.httpStatusCode).toBe(202);
  });

  it('another qualifier of the same function is not a duplicate', async () => {
    await client.send(new CreateEventSourceMappingCommand(request('sqs')));
    const aliased = await client.send(
      new CreateEventSourceMappingCommand(request('sqs', { FunctionName: `${FN}:live` })),
    );
    expect(aliased.FunctionArn).toBe(`${fnArn(FN)}:live`);
  });
});

/** Creates a mapping and waits until it left `Creating` (Update refuses transitional states). */
async function createSettled(kind: Kind, changes: Record<string, unknown> = {}): Promise<string> {
  const out = await client.send(new CreateEventSourceMappingCommand(request(kind, changes)));
  const uuid = out.UUID ?? '';
  for (let i = 0; i < 100; i += 1) {
    const got = await client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
    if (got.State === 'Enabled' || got.State === 'Disabled') return uuid;
    await sleep(5);
  }
  throw new Error(`mapping ${uuid} did not settle`);
}

interface UpdateCase {
  rule: string;
  kind: Kind;
  /** Extra members of the mapping's Create request. */
  create?: Record<string, unknown>;
  update: Omit<UpdateEventSourceMappingCommandInput, 'UUID'>;
  expected: ExpectedError;
}

const UPDATE_CASES: UpdateCase[] = [
  {
    rule: 'BatchSize above 10000 (model)',
    kind: 'mq',
    update: { BatchSize: 10001 },
    expected: validation(
      "'10001'",
      'batchSize',
      'Member must have value less than or equal to 10000',
    ),
  },
  {
    rule: 'ScalingConfig.MaximumConcurrency below 2 (model)',
    kind: 'sqs',
    update: { ScalingConfig: { MaximumConcurrency: 1 } },
    expected: validation(
      "'1'",
      'scalingConfig.maximumConcurrency',
      'Member must have value greater than or equal to 2',
    ),
  },
  {
    rule: 'ParallelizationFactor on an SQS mapping',
    kind: 'sqs',
    update: { ParallelizationFactor: 2 },
    expected: ipv(
      "Unsupported 'parallelizationFactor' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'DestinationConfig.OnSuccess on a DynamoDB mapping',
    kind: 'dynamodb',
    update: { DestinationConfig: { OnSuccess: { Destination: ARNS.sqs } } },
    expected: ipv('Unsupported DestinationConfig parameter for given event source mapping type.'),
  },
  {
    rule: 'batching window on a FIFO mapping',
    kind: 'fifo',
    update: { MaximumBatchingWindowInSeconds: 1 },
    expected: ipv('Batching window is not supported for FIFO queues'),
  },
  {
    rule: 'VIRTUAL_HOST on an Amazon MQ mapping (create-only)',
    kind: 'mq',
    update: {
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: SECRET },
        { Type: 'VIRTUAL_HOST', URI: '/' },
      ],
    },
    expected: ipv(
      'The VIRTUAL_HOST source access configuration cannot be specified in an UpdateEventSourceMapping request.',
    ),
  },
  {
    rule: 'Amazon MQ SourceAccessConfigurations without BASIC_AUTH',
    kind: 'mq',
    update: { SourceAccessConfigurations: [] },
    expected: ipv(
      'Amazon MQ event sources require exactly one BASIC_AUTH source access configuration.',
    ),
  },
  {
    rule: 're-pointing to a function that does not exist',
    kind: 'sqs',
    update: { FunctionName: 'nope' },
    expected: ipv('Function does not exist'),
  },
  {
    rule: 're-pointing to an alias that does not exist',
    kind: 'kinesis',
    update: { FunctionName: `${FN}:blue` },
    expected: ipv('Function does not exist'),
  },
  {
    rule: 'SQS BatchSize above 10 with the stored window of 0',
    kind: 'sqs',
    update: { BatchSize: 20 },
    expected: ipv(
      'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    ),
  },
  {
    rule: 'SQS window set to 0 while the stored BatchSize is above 10',
    kind: 'sqs',
    create: { BatchSize: 100, MaximumBatchingWindowInSeconds: 5 },
    update: { MaximumBatchingWindowInSeconds: 0 },
    expected: ipv(
      'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    ),
  },
  {
    rule: 'BatchSize above 10 on a FIFO mapping',
    kind: 'fifo',
    update: { BatchSize: 11 },
    expected: ipv('Maximum batch size must be between 1 and 10 inclusive'),
  },
  {
    rule: 'MaximumRecordAgeInSeconds of 30',
    kind: 'kinesis',
    update: { MaximumRecordAgeInSeconds: 30 },
    expected: ipv(
      'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)',
    ),
  },
  {
    rule: 'an invalid filter pattern',
    kind: 'sqs',
    update: { FilterCriteria: pattern('not json') },
    expected: ipv('Invalid filter pattern definition.'),
  },
  {
    rule: 'a changed MSK consumer group id',
    kind: 'msk',
    create: { AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-cg' } },
    update: { AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-cg-2' } },
    expected: ipv('ConsumerGroupId cannot be updated after the event source mapping is created.'),
  },
  {
    rule: 'a changed self-managed Kafka consumer group id',
    kind: 'kafka',
    update: { SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'another-group' } },
    expected: ipv('ConsumerGroupId cannot be updated after the event source mapping is created.'),
  },
  {
    rule: 'DocumentDB config without DatabaseName',
    kind: 'docdb',
    update: { DocumentDBEventSourceConfig: { CollectionName: 'invoices' } },
    expected: ipv("Required 'documentDBEventSourceConfig.databaseName' parameter is missing."),
  },
  {
    rule: 'a Kafka-only metric on DocumentDB',
    kind: 'docdb',
    update: { MetricsConfig: { Metrics: ['KafkaMetrics'] } },
    expected: ipv('Unsupported metric KafkaMetrics for given event source mapping type.'),
  },
];

describe('UpdateEventSourceMapping rules', () => {
  for (const c of UPDATE_CASES) {
    it(`${c.rule} → ${c.expected.name}`, async () => {
      const uuid = await createSettled(c.kind, c.create);
      const before = await client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      await expectError(
        client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, ...c.update })),
        c.expected,
      );
      // A refused update changes nothing.
      const after = await client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      expect({ ...after, $metadata: undefined }).toEqual({ ...before, $metadata: undefined });
    });
  }

  it('re-pointing to a function that already has a mapping of the same queue → 409', async () => {
    const taken = await client.send(
      new CreateEventSourceMappingCommand(request('sqs', { FunctionName: `${FN}:live` })),
    );
    const uuid = await createSettled('sqs');
    await expectError(
      client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, FunctionName: `${FN}:live` })),
      {
        name: 'ResourceConflictException',
        status: 409,
        message: `An event source mapping with SQS arn (" ${ARNS.sqs} ") and function (" ${FN} ") already exists. Please update or delete the existing mapping with UUID ${taken.UUID}`,
      },
    );
  });
});
