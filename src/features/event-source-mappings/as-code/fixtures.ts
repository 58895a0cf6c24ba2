/**
 * Test fixtures of the "as code" exports: one realistic GetEventSourceMapping response per source
 * type ({@link MAPPING_FIXTURES}), shaped as `@aws-sdk/client-lambda` 3.1164.0 returns them
 * (`LastModified` a `Date`, `State`, `StateTransitionReason`, `LastProcessingResult`,
 * `EventSourceMappingArn`, `FunctionArn` — qualified on some — and the members Lambda fills in,
 * such as a stream's `DestinationConfig: { OnFailure: {} }`, reference §1.3), with the tags
 * ListTags answers; and hostile strings for the escaping tests ({@link HOSTILE_STRINGS},
 * {@link hostileMapping}). Test-only: imported by the exports' tests and the golden tests, never by
 * application code.
 */
import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';

import type { SourceType } from '../form/source-limits';

/** One fixture: a Get response, the mapping's tags (ListTags) and its region. */
export interface MappingFixture {
  /** The GetEventSourceMapping response (without `$metadata`). */
  mapping: EventSourceMappingConfiguration;
  /** ListTags' `Tags` (`{}` when the mapping has none). */
  tags: Record<string, string>;
  /** The region the mapping lives in. */
  region: string;
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const fn = (nameAndQualifier: string): string =>
  `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${nameAndQualifier}`;
const esmArn = (uuid: string): string =>
  `arn:aws:lambda:${REGION}:${ACCOUNT}:event-source-mapping:${uuid}`;
const secret = (name: string): string =>
  `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}`;

const KINESIS_UUID = '6f2b7c1e-4a3d-4e8b-9c0f-1a2b3c4d5e6f';
const DYNAMODB_UUID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const SQS_UUID = '0c9e8d7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
const SQS_FIFO_UUID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const MSK_UUID = 'b7e6d5c4-a3b2-4c1d-9e0f-a1b2c3d4e5f6';
const KAFKA_UUID = 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f';
/** The default seed's first ActiveMQ mapping (emulator `generateDefaultSeed`). */
const ACTIVEMQ_UUID = '9585f67f-3776-4cf4-b714-250dafb565be';
/** The default seed's first RabbitMQ mapping (emulator `generateDefaultSeed`). */
const RABBITMQ_UUID = 'dbbcce2f-fd7e-410e-a4d3-f8d883d52031';
const DOCUMENTDB_UUID = 'e9f8a7b6-c5d4-4e3f-a2b1-c0d9e8f7a6b5';

/**
 * One realistic mapping of each source type, as GetEventSourceMapping returns it, with its tags:
 * - `kinesis`: alias `orders-processor:live`, AT_TIMESTAMP, every stream error-handling member set,
 *   an SQS on-failure destination, ReportBatchItemFailures, a filter, EventCount metrics, tags;
 * - `dynamodb`: disabled by the user, every member at the value Lambda fills in (defaults only),
 *   `DestinationConfig: { OnFailure: {} }` as Lambda echoes it;
 * - `sqs`: version `:7`, ScalingConfig, a filter encrypted with a KMS key, tags;
 * - `sqs-fifo`: the FIFO echo of `MaximumBatchingWindowInSeconds: 0` and `FunctionResponseTypes: []`;
 * - `msk`: a ConsumerGroupId and SASL/SCRAM-512 (secret named `AmazonMSK_…`, as MSK requires);
 * - `self-managed-kafka`: three bootstrap servers, two subnets and a security group, SASL/SCRAM-256,
 *   the generated ConsumerGroupId (the UUID), provisioned mode with metrics and system logs, a
 *   `kafka://` on-failure destination, tags;
 * - `mq-activemq`: the emulator's default seed's first ActiveMQ mapping (Queues + BASIC_AUTH), as the
 *   emulator answers Get for it;
 * - `mq-rabbitmq`: the default seed's first RabbitMQ mapping (VIRTUAL_HOST `/geo`), with its tags;
 * - `documentdb`: database, collection and UpdateLookup, BASIC_AUTH.
 */
export const MAPPING_FIXTURES: Readonly<Record<SourceType, MappingFixture>> = {
  kinesis: {
    region: REGION,
    tags: { team: 'orders', env: 'prod', 'cost-center': 'cc-1042' },
    mapping: {
      UUID: KINESIS_UUID,
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: new Date('2026-05-01T12:30:00.000Z'),
      BatchSize: 500,
      MaximumBatchingWindowInSeconds: 5,
      ParallelizationFactor: 4,
      EventSourceArn: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/orders-events`,
      FilterCriteria: {
        Filters: [{ Pattern: '{"data":{"eventType":["OrderPlaced","OrderCancelled"]}}' }],
      },
      MetricsConfig: { Metrics: ['EventCount'] },
      FunctionArn: fn('orders-processor:live'),
      LastModified: new Date('2026-10-14T09:21:37.000Z'),
      LastProcessingResult: 'OK',
      State: 'Enabled',
      StateTransitionReason: 'User action',
      DestinationConfig: {
        OnFailure: { Destination: `arn:aws:sqs:${REGION}:${ACCOUNT}:orders-events-dlq` },
      },
      MaximumRecordAgeInSeconds: 3600,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      TumblingWindowInSeconds: 0,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      EventSourceMappingArn: esmArn(KINESIS_UUID),
    },
  },
  dynamodb: {
    region: REGION,
    tags: {},
    mapping: {
      UUID: DYNAMODB_UUID,
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      ParallelizationFactor: 1,
      EventSourceArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/inventory/stream/2026-03-02T08:15:44.120`,
      FunctionArn: fn('inventory-sync'),
      LastModified: new Date('2026-09-30T17:02:11.000Z'),
      LastProcessingResult: 'No records processed',
      State: 'Disabled',
      StateTransitionReason: 'User action',
      DestinationConfig: { OnFailure: {} },
      MaximumRecordAgeInSeconds: -1,
      BisectBatchOnFunctionError: false,
      MaximumRetryAttempts: -1,
      TumblingWindowInSeconds: 0,
      FunctionResponseTypes: [],
      EventSourceMappingArn: esmArn(DYNAMODB_UUID),
    },
  },
  sqs: {
    region: REGION,
    tags: { team: 'payments', env: 'prod' },
    mapping: {
      UUID: SQS_UUID,
      BatchSize: 50,
      MaximumBatchingWindowInSeconds: 10,
      EventSourceArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:payments-settlements`,
      FilterCriteria: {
        Filters: [
          { Pattern: '{"body":{"currency":["EUR","USD"]}}' },
          { Pattern: '{"attributes":{"ApproximateReceiveCount":[{"numeric":[">",3]}]}}' },
        ],
      },
      KMSKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      ScalingConfig: { MaximumConcurrency: 20 },
      FunctionArn: fn('payments-settler:7'),
      LastModified: new Date('2026-11-02T06:45:00.000Z'),
      State: 'Enabled',
      StateTransitionReason: 'USER_INITIATED',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      EventSourceMappingArn: esmArn(SQS_UUID),
    },
  },
  'sqs-fifo': {
    region: REGION,
    tags: {},
    mapping: {
      UUID: SQS_FIFO_UUID,
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      EventSourceArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:ledger-entries.fifo`,
      FunctionArn: fn('ledger-writer'),
      LastModified: new Date('2026-08-19T11:11:11.000Z'),
      State: 'Enabled',
      StateTransitionReason: 'USER_INITIATED',
      FunctionResponseTypes: [],
      EventSourceMappingArn: esmArn(SQS_FIFO_UUID),
    },
  },
  msk: {
    region: REGION,
    tags: { team: 'analytics' },
    mapping: {
      UUID: MSK_UUID,
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 1000,
      MaximumBatchingWindowInSeconds: 2,
      EventSourceArn: `arn:aws:kafka:${REGION}:${ACCOUNT}:cluster/analytics-prod/7d3a9f2e-1b4c-4d5e-8f6a-0b1c2d3e4f5a-3`,
      FunctionArn: fn('clickstream-aggregator:prod'),
      LastModified: new Date('2026-07-07T07:07:07.000Z'),
      LastProcessingResult: 'OK',
      State: 'Enabled',
      StateTransitionReason: 'USER_INITIATED',
      Topics: ['clickstream.page-views'],
      SourceAccessConfigurations: [
        { Type: 'SASL_SCRAM_512_AUTH', URI: secret('AmazonMSK_analytics-prod-Xy12Ab') },
      ],
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'clickstream-aggregator-prod' },
      EventSourceMappingArn: esmArn(MSK_UUID),
    },
  },
  'self-managed-kafka': {
    region: REGION,
    tags: { team: 'orders', env: 'prod', owner: 'platform@example.com' },
    mapping: {
      UUID: KAFKA_UUID,
      StartingPosition: 'LATEST',
      BatchSize: 500,
      MaximumBatchingWindowInSeconds: 1,
      FunctionArn: fn('orders-ledger-consumer'),
      LastModified: new Date('2026-10-28T22:13:54.000Z'),
      LastProcessingResult: 'OK',
      State: 'Enabled',
      StateTransitionReason: 'USER_INITIATED',
      DestinationConfig: { OnFailure: { Destination: 'kafka://orders-ledger-dlq' } },
      Topics: ['orders.ledger'],
      SourceAccessConfigurations: [
        { Type: 'VPC_SUBNET', URI: 'subnet:subnet-0a1b2c3d4e5f60718' },
        { Type: 'VPC_SUBNET', URI: 'subnet:subnet-0f1e2d3c4b5a69788' },
        { Type: 'VPC_SECURITY_GROUP', URI: 'security_group:sg-0123456789abcdef0' },
        { Type: 'SASL_SCRAM_256_AUTH', URI: secret('kafka/onprem-orders-Qw3rTy') },
      ],
      SelfManagedEventSource: {
        Endpoints: {
          KAFKA_BOOTSTRAP_SERVERS: [
            'b-1.kafka.corp.example.net:9096',
            'b-2.kafka.corp.example.net:9096',
            'b-3.kafka.corp.example.net:9096',
          ],
        },
      },
      // Not given on create: Lambda used the UUID (reference §1.3, self-managed Kafka).
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: KAFKA_UUID },
      ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 20 },
      MetricsConfig: { Metrics: ['EventCount', 'ErrorCount', 'KafkaMetrics'] },
      LoggingConfig: { SystemLogLevel: 'INFO' },
      EventSourceMappingArn: esmArn(KAFKA_UUID),
    },
  },
  'mq-activemq': {
    region: REGION,
    tags: {},
    mapping: {
      UUID: ACTIVEMQ_UUID,
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      EventSourceArn:
        'arn:aws:mq:us-east-1:123456789012:broker:telemetry-activemq-prod:b-e88d33b2-c7f1-4948-8318-9866c44979ee',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:telemetry-enricher-prod',
      LastModified: new Date('2026-09-18T02:14:07.514Z'),
      LastProcessingResult: 'No records processed',
      State: 'Enabled',
      StateTransitionReason: 'USER_INITIATED',
      Queues: ['telemetry.updates'],
      SourceAccessConfigurations: [
        {
          Type: 'BASIC_AUTH',
          URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/telemetry-activemq-prod-0k56yo',
        },
      ],
      EventSourceMappingArn: esmArn(ACTIVEMQ_UUID),
    },
  },
  'mq-rabbitmq': {
    region: REGION,
    tags: { team: 'geo', env: 'prod' },
    mapping: {
      UUID: RABBITMQ_UUID,
      BatchSize: 100,
      EventSourceArn:
        'arn:aws:mq:us-east-1:123456789012:broker:geo-rabbitmq-prod:b-9dde7de3-a883-455b-a55b-8f7de8fd23b6',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:geo-fanout-prod',
      LastModified: new Date('2026-04-13T06:06:43.104Z'),
      LastProcessingResult: 'No records processed',
      State: 'Enabled',
      StateTransitionReason: 'USER_INITIATED',
      Queues: ['geo-retry'],
      SourceAccessConfigurations: [
        {
          Type: 'BASIC_AUTH',
          URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/geo-rabbitmq-prod-6zfaUd',
        },
        { Type: 'VIRTUAL_HOST', URI: '/geo' },
      ],
      EventSourceMappingArn: esmArn(RABBITMQ_UUID),
    },
  },
  documentdb: {
    region: REGION,
    tags: { team: 'catalog' },
    mapping: {
      UUID: DOCUMENTDB_UUID,
      StartingPosition: 'LATEST',
      BatchSize: 100,
      EventSourceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:catalog-docdb-prod`,
      FunctionArn: fn('catalog-indexer:live'),
      LastModified: new Date('2026-06-21T14:00:00.000Z'),
      LastProcessingResult: 'No records processed',
      State: 'Enabled',
      StateTransitionReason: 'USER_INITIATED',
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: secret('docdb/catalog-docdb-prod-Ab1Cd2') },
      ],
      DocumentDBEventSourceConfig: {
        DatabaseName: 'catalog',
        CollectionName: 'products',
        FullDocument: 'UpdateLookup',
      },
      EventSourceMappingArn: esmArn(DOCUMENTDB_UUID),
    },
  },
};

/**
 * Strings that break naive quoting in some format: both quote characters, shell substitution
 * (`$(…)`, backticks, `$VAR`), HCL interpolation and directives (`${`, `%{`), CloudFormation's
 * `${AWS::Region}` and a YAML tag, newlines and a tab, backslashes (also trailing), a comment
 * closer, a NUL-free mix of unicode (accents, CJK, an emoji, U+2028), and leading/trailing spaces.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  `it's "quoted"`,
  '${var.region} and $${literal}',
  '%{ if true }x%{ endif }',
  'line one\nline two\r\nline three',
  'C:\\path\\to\\file and \\n not a newline',
  '$(touch /tmp/pwned) $HOME',
  '`id` and ${AWS::Region}',
  '!Ref NotATag: value # not a comment',
  "'; rm -rf / #",
  'Ünïcödé ✓ 日本語 🚀 \u2028 end',
  '*/ /* -- \t tab',
  '  padded  ',
  'ends with a backslash \\',
];

/** A hostile string by position, wrapping around (so any index is valid). */
const hostile = (i: number): string => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length] ?? '';

/**
 * Tags with hostile keys and values (one per {@link HOSTILE_STRINGS} entry: key `k<i> <string>`,
 * value the string), for the exports' escaping tests.
 */
export function hostileTags(): Record<string, string> {
  return Object.fromEntries(HOSTILE_STRINGS.map((s, i) => [`k${i} ${s}`, s]));
}

/**
 * A self-managed Kafka mapping with {@link HOSTILE_STRINGS} wherever a mapping holds free text:
 * filter Patterns (one per string, as JSON holding it), the topic, the bootstrap servers,
 * SourceAccessConfiguration URIs, the consumer group, the on-failure destination, the poller group
 * name — and `Queues` too (not a valid combination for Lambda, but every free-text member at once,
 * so each format's escaping is exercised). `FunctionArn` stays a valid ARN (the exports parse it).
 * Pair it with {@link hostileTags}.
 */
export function hostileMapping(): EventSourceMappingConfiguration {
  const uuid = 'f0e1d2c3-b4a5-4968-8776-a5b4c3d2e1f0';
  return {
    UUID: uuid,
    StartingPosition: 'TRIM_HORIZON',
    BatchSize: 100,
    FunctionArn: fn('hostile-consumer:live'),
    LastModified: new Date('2026-11-01T00:00:00.000Z'),
    LastProcessingResult: 'OK',
    State: 'Enabled',
    StateTransitionReason: 'USER_INITIATED',
    FilterCriteria: {
      Filters: HOSTILE_STRINGS.map((s) => ({ Pattern: JSON.stringify({ value: { text: [s] } }) })),
    },
    DestinationConfig: { OnFailure: { Destination: `kafka://${hostile(0)}` } },
    Topics: [hostile(1)],
    Queues: [hostile(2)],
    SourceAccessConfigurations: [
      { Type: 'BASIC_AUTH', URI: hostile(3) },
      { Type: 'VPC_SUBNET', URI: hostile(4) },
      { Type: 'VPC_SECURITY_GROUP', URI: hostile(5) },
      { Type: 'SERVER_ROOT_CA_CERTIFICATE', URI: hostile(12) },
    ],
    SelfManagedEventSource: {
      Endpoints: { KAFKA_BOOTSTRAP_SERVERS: [hostile(6), hostile(7), hostile(9)] },
    },
    SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: hostile(8) },
    ProvisionedPollerConfig: {
      MinimumPollers: 1,
      MaximumPollers: 10,
      PollerGroupName: hostile(10),
    },
    EventSourceMappingArn: esmArn(uuid),
  };
}
