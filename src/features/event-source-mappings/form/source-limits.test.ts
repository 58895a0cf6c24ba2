import { describe, expect, it } from 'vitest';

import {
  SOURCE_LIMITS,
  SOURCE_TYPES,
  describeField,
  detectSourceType,
  detectionMatches,
  fieldApplies,
  fieldEditability,
  sourceTypeOfMapping,
  type MappingField,
  type SourceType,
} from './source-limits';
import { ARNS } from './test-fixtures';

describe('detectSourceType (reference §2.1)', () => {
  it.each([
    [ARNS.kinesis, 'kinesis', 'Kinesis data stream'],
    [ARNS.kinesisConsumer, 'kinesis', 'Kinesis enhanced fan-out consumer'],
    [ARNS.dynamodb, 'dynamodb', 'DynamoDB stream'],
    [ARNS.sqs, 'sqs', 'SQS standard queue'],
    [ARNS.sqsFifo, 'sqs-fifo', 'SQS FIFO queue'],
    [ARNS.msk, 'msk', 'Amazon MSK cluster'],
    [
      'arn:aws:kafka:us-east-1:123456789012:vpc-connection/123456789012/orders/abcd-1',
      'msk',
      'Amazon MSK cluster',
    ],
    [ARNS.documentdb, 'documentdb', 'Amazon DocumentDB cluster'],
    ['arn:aws-us-gov:sqs:us-gov-west-1:123456789012:orders', 'sqs', 'SQS standard queue'],
    ['arn:aws-cn:kinesis:cn-north-1:123456789012:stream/orders', 'kinesis', 'Kinesis data stream'],
    [`  ${ARNS.sqs}  `, 'sqs', 'SQS standard queue'],
  ])('%s → %s', (arn, type, description) => {
    expect(detectSourceType(arn)).toEqual({ kind: 'detected', type, description });
  });

  it('Amazon MQ needs the engine from the user (not in the ARN)', () => {
    expect(detectSourceType(ARNS.mq)).toEqual({
      kind: 'needs-engine',
      candidates: ['mq-activemq', 'mq-rabbitmq'],
      description: 'Amazon MQ broker (choose ActiveMQ or RabbitMQ: the engine is not in the ARN)',
    });
  });

  it.each([
    ['arn:aws:dynamodb:us-east-1:123456789012:table/orders', /stream ARN/],
    ['arn:aws:kinesis:us-east-1:123456789012:orders', /must name a stream/],
    ['arn:aws:sqs:us-east-1:123456789012:', /queue name/],
    ['arn:aws:kafka:us-east-1:123456789012:topic/orders', /cluster/],
    ['arn:aws:mq:us-east-1:123456789012:configuration:c-1', /broker/],
    ['arn:aws:rds:us-east-1:123456789012:db:orders', /cluster/],
    ['arn:aws:sqs:useast1:123456789012:orders', /Enter an ARN of the form/],
    ['b-1.example.com:9092', /self-managed Kafka has no ARN/],
    ['', /Enter an ARN/],
  ])('%s is invalid', (arn, message) => {
    const result = detectSourceType(arn);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.message).toMatch(message);
  });

  it.each(['sns', 's3', 'lambda', 'events'])('service %s is unsupported', (service) => {
    const result = detectSourceType(`arn:aws:${service}:us-east-1:123456789012:thing`);
    expect(result.kind).toBe('unsupported');
    expect(result.kind === 'unsupported' && result.message).toContain(`“${service}”`);
  });

  it('detectionMatches compares with the chosen type (MQ matches both engines)', () => {
    expect(detectionMatches(detectSourceType(ARNS.mq), 'mq-activemq')).toBe(true);
    expect(detectionMatches(detectSourceType(ARNS.mq), 'mq-rabbitmq')).toBe(true);
    expect(detectionMatches(detectSourceType(ARNS.mq), 'sqs')).toBe(false);
    expect(detectionMatches(detectSourceType(ARNS.sqsFifo), 'sqs')).toBe(false);
    expect(detectionMatches(detectSourceType('nope'), 'sqs')).toBe(false);
  });
});

describe('per-source defaults and maxima (CreateEventSourceMapping BatchSize; window docs)', () => {
  it.each<[SourceType, number, number, string | null]>([
    ['kinesis', 100, 10000, '0 seconds'],
    ['dynamodb', 100, 10000, '0 seconds'],
    ['sqs', 10, 10000, '0 seconds'],
    ['sqs-fifo', 10, 10, null],
    ['msk', 100, 10000, '500 ms'],
    ['self-managed-kafka', 100, 10000, '500 ms'],
    ['mq-activemq', 100, 10000, '500 ms'],
    ['mq-rabbitmq', 100, 10000, '500 ms'],
    ['documentdb', 100, 10000, '500 ms'],
  ])('%s: BatchSize default %i, max %i; window default %s', (type, def, max, window) => {
    const l = SOURCE_LIMITS[type];
    expect([l.BatchSize.default, l.BatchSize.min, l.BatchSize.max]).toEqual([def, 1, max]);
    expect(l.MaximumBatchingWindowInSeconds?.defaultLabel ?? null).toBe(window);
    // 500 ms cannot be expressed in whole seconds: no numeric default to send.
    if (window === '500 ms') expect(l.MaximumBatchingWindowInSeconds?.default).toBeUndefined();
  });

  it('every limit and rule cites an AWS document', () => {
    for (const type of SOURCE_TYPES) {
      const l = SOURCE_LIMITS[type];
      expect(l.docs.url, type).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      for (const value of Object.values(l)) {
        if (value && typeof value === 'object' && 'source' in value) {
          expect((value as { source: { url: string } }).source.url, type).toBeTruthy();
        }
      }
    }
  });
});

/**
 * Which fields apply to which source (reference §3.1, newest API docs). Written out explicitly so a
 * wrong table entry fails here. Columns: K D Q F M S A R B = kinesis, dynamodb, sqs, sqs-fifo, msk,
 * self-managed-kafka, mq-activemq, mq-rabbitmq, documentdb.
 */
const APPLIES: Record<MappingField, string> = {
  FunctionName: 'KDQFMSARB',
  EventSourceArn: 'KDQFM.ARB',
  Enabled: 'KDQFMSARB',
  BatchSize: 'KDQFMSARB',
  FilterCriteria: 'KDQFMSARB',
  MaximumBatchingWindowInSeconds: 'KDQ.MSARB',
  ParallelizationFactor: 'KD.......',
  StartingPosition: 'KD..MS..B',
  StartingPositionTimestamp: 'K...MS..B',
  // Kafka: in provisioned mode only (kafka-retry-configurations; a cross-field rule).
  MaximumRecordAgeInSeconds: 'KD..MS...',
  MaximumRetryAttempts: 'KD..MS...',
  BisectBatchOnFunctionError: 'KD..MS...',
  DestinationConfig: 'KD..MS...',
  TumblingWindowInSeconds: 'KD.......',
  FunctionResponseTypes: 'KDQFMS...',
  Topics: '....MS...',
  Queues: '......AR.',
  SourceAccessConfigurations: '....MSARB',
  SelfManagedEventSource: '.....S...',
  ScalingConfig: '..QF.....',
  AmazonManagedKafkaEventSourceConfig: '....M....',
  SelfManagedKafkaEventSourceConfig: '.....S...',
  DocumentDBEventSourceConfig: '........B',
  // The 2026 members (request-members.ts).
  ProvisionedPollerConfig: '..QFMS...',
  MetricsConfig: 'KDQFMSARB',
  LoggingConfig: '....MS...',
  KMSKeyArn: 'KDQFMSARB',
};

describe('fieldApplies', () => {
  const cases = (Object.entries(APPLIES) as [MappingField, string][]).flatMap(([field, row]) =>
    SOURCE_TYPES.map((type, i) => [field, type, row[i] !== '.'] as const),
  );
  it.each(cases)('%s applies to %s: %s', (field, type, expected) => {
    expect(fieldApplies(type, field)).toBe(expected);
  });
});

describe('fieldEditability (UpdateEventSourceMapping request shape)', () => {
  it.each<[SourceType, MappingField, boolean]>([
    ['kinesis', 'FunctionName', true],
    ['kinesis', 'Enabled', true],
    ['kinesis', 'BatchSize', true],
    ['kinesis', 'MaximumBatchingWindowInSeconds', true],
    ['kinesis', 'ParallelizationFactor', true],
    ['kinesis', 'MaximumRecordAgeInSeconds', true],
    ['kinesis', 'MaximumRetryAttempts', true],
    ['kinesis', 'BisectBatchOnFunctionError', true],
    ['kinesis', 'DestinationConfig', true],
    ['kinesis', 'TumblingWindowInSeconds', true],
    ['kinesis', 'FunctionResponseTypes', true],
    ['kinesis', 'FilterCriteria', true],
    ['sqs', 'ScalingConfig', true],
    ['mq-activemq', 'SourceAccessConfigurations', true],
    ['documentdb', 'DocumentDBEventSourceConfig', true],
    ['kinesis', 'EventSourceArn', false],
    ['kinesis', 'StartingPosition', false],
    ['kinesis', 'StartingPositionTimestamp', false],
    ['msk', 'Topics', false],
    ['mq-activemq', 'Queues', false],
    ['self-managed-kafka', 'SelfManagedEventSource', false],
    ['msk', 'AmazonManagedKafkaEventSourceConfig', false],
    ['self-managed-kafka', 'SelfManagedKafkaEventSourceConfig', false],
  ])('%s %s editable=%s', (type, field, editable) => {
    const result = fieldEditability(type, field);
    expect(result.editable).toBe(editable);
    if (!result.editable) expect(result.reason).toMatch(/create a new mapping/);
  });

  it('a field that does not apply is not editable and says why', () => {
    expect(fieldEditability('sqs', 'ParallelizationFactor')).toEqual({
      editable: false,
      reason: 'ParallelizationFactor does not apply to Amazon SQS (standard queue).',
    });
  });

  it('names the consumer group id in words', () => {
    const r = fieldEditability('msk', 'AmazonManagedKafkaEventSourceConfig');
    expect(!r.editable && r.reason).toMatch(/^AWS cannot change the consumer group ID/);
  });
});

describe('sourceTypeOfMapping (edit)', () => {
  it.each<[Parameters<typeof sourceTypeOfMapping>[0], SourceType | undefined]>([
    [{ EventSourceArn: ARNS.sqsFifo }, 'sqs-fifo'],
    [
      { EventSourceArn: ARNS.mq, SourceAccessConfigurations: [{ Type: 'BASIC_AUTH' }] },
      'mq-activemq',
    ],
    [
      {
        EventSourceArn: ARNS.mq,
        SourceAccessConfigurations: [{ Type: 'BASIC_AUTH' }, { Type: 'VIRTUAL_HOST' }],
      },
      'mq-rabbitmq',
    ],
    [
      { SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b:9092'] } } },
      'self-managed-kafka',
    ],
    [{}, undefined],
    [{ EventSourceArn: 'arn:aws:sns:us-east-1:123456789012:t' }, undefined],
  ])('%j → %s', (mapping, type) => {
    expect(sourceTypeOfMapping(mapping)).toBe(type);
  });
});

describe('describeField (help text with units, limits, defaults)', () => {
  it.each<[SourceType, MappingField, string]>([
    ['kinesis', 'BatchSize', 'Maximum records per batch: 1–10,000 records. AWS default: 100.'],
    ['sqs-fifo', 'BatchSize', 'Maximum records per batch: 1–10 records. AWS default: 10.'],
    [
      'sqs',
      'MaximumBatchingWindowInSeconds',
      'Seconds to gather records before invoking (must be at least 1 when BatchSize is above 10): 0–300 seconds. AWS default: 0 seconds.',
    ],
    [
      'msk',
      'MaximumBatchingWindowInSeconds',
      'Seconds to gather records before invoking: 0–300 seconds. AWS default: 500 ms.',
    ],
    [
      'kinesis',
      'MaximumRecordAgeInSeconds',
      'Discard records older than this (-1: retry until the record expires): -1 (infinite) or 60–604,800 seconds. AWS default: -1 (infinite).',
    ],
    [
      'sqs',
      'ScalingConfig',
      'MaximumConcurrency: concurrent invocations this queue may use: 2–1,000 concurrent function instances. AWS default: not set (no limit beyond the function’s concurrency).',
    ],
    [
      'dynamodb',
      'StartingPosition',
      'Where to start reading: TRIM_HORIZON, LATEST. Required. Cannot be changed after creation.',
    ],
    [
      'self-managed-kafka',
      'StartingPosition',
      'Where to start reading: TRIM_HORIZON, LATEST, AT_TIMESTAMP. AWS default: TRIM_HORIZON. Cannot be changed after creation.',
    ],
    ['sqs', 'ParallelizationFactor', 'Does not apply to Amazon SQS (standard queue).'],
    // The field is one typed input read as UTC (parseTypedTimestamp), with a calendar.
    [
      'kinesis',
      'StartingPositionTimestamp',
      'With AT_TIMESTAMP only: the time to start reading from, in UTC, as a date and a 24-hour time, e.g. 2026-05-01 12:30:00 (or 2026/05/01 12:30); no time means 00:00:00 UTC. Must not be in the future.',
    ],
  ])('%s %s', (type, field, help) => {
    expect(describeField(type, field).help).toBe(help);
  });

  it('has help for every applicable field of every type', () => {
    for (const type of SOURCE_TYPES) {
      for (const field of Object.keys(APPLIES) as MappingField[]) {
        if (fieldApplies(type, field))
          expect(describeField(type, field).help.length, `${type} ${field}`).toBeGreaterThan(20);
      }
    }
  });
});
