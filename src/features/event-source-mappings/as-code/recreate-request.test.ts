import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';

import { REQUEST_MEMBERS } from '../form/request-members';
import { SOURCE_TYPES, sourceTypeOfMapping } from '../form/source-limits';
import { HOSTILE_STRINGS, MAPPING_FIXTURES, hostileMapping, hostileTags } from './fixtures';
import { CODE_FORMATS } from './mapping-code';
import { FORCE_NEW_MEMBERS, toMappingCode } from './recreate-request';
import { renderCode } from './render-code';

const CREATE_MEMBERS = new Set<string>(REQUEST_MEMBERS.filter((m) => m.create).map((m) => m.name));
const REGISTRY_ORDER = REQUEST_MEMBERS.map((m) => m.name as string);

const code = (type: (typeof SOURCE_TYPES)[number], includeDefaults: boolean) => {
  const f = MAPPING_FIXTURES[type];
  return toMappingCode(f.mapping, { region: f.region, tags: f.tags, includeDefaults });
};

describe('MAPPING_FIXTURES', () => {
  it.each(SOURCE_TYPES)('%s is recognised as its own source type', (type) => {
    expect(sourceTypeOfMapping(MAPPING_FIXTURES[type].mapping)).toBe(type);
  });
});

describe('toMappingCode', () => {
  it.each(SOURCE_TYPES.flatMap((t) => [[t, false] as const, [t, true] as const]))(
    '%s (includeDefaults %s) carries only create members, in registry order, no read-only ones',
    (type, includeDefaults) => {
      const result = code(type, includeDefaults);
      const keys = Object.keys(result.request);
      expect(keys.filter((k) => !CREATE_MEMBERS.has(k))).toEqual([]);
      const order = keys.map((k) => REGISTRY_ORDER.indexOf(k));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const readOnly of [
        'UUID',
        'State',
        'LastModified',
        'LastProcessingResult',
        'StateTransitionReason',
        'EventSourceMappingArn',
        'FilterCriteriaError',
        'FunctionArn',
      ]) {
        expect(keys).not.toContain(readOnly);
      }
      expect(result).toMatchObject({ UUID: MAPPING_FIXTURES[type].mapping.UUID, sourceType: type });
    },
  );

  it('turns FunctionArn into FunctionName with its qualifier', () => {
    expect(code('kinesis', false).request.FunctionName).toBe('orders-processor:live');
    expect(code('sqs', false).request.FunctionName).toBe('payments-settler:7');
    expect(code('sqs-fifo', false).request.FunctionName).toBe('ledger-writer');
    const latest = toMappingCode(
      {
        ...MAPPING_FIXTURES.sqs.mapping,
        FunctionArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:fn:$LATEST',
      },
      { region: 'cn-north-1', includeDefaults: false },
    );
    expect(latest.request.FunctionName).toBe('fn:$LATEST');
  });

  it('recreates a rich Kinesis mapping member for member', () => {
    expect(code('kinesis', false)).toEqual({
      UUID: '6f2b7c1e-4a3d-4e8b-9c0f-1a2b3c4d5e6f',
      region: 'us-east-1',
      sourceType: 'kinesis',
      request: {
        EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-events',
        FunctionName: 'orders-processor:live',
        BatchSize: 500,
        FilterCriteria: {
          Filters: [{ Pattern: '{"data":{"eventType":["OrderPlaced","OrderCancelled"]}}' }],
        },
        MaximumBatchingWindowInSeconds: 5,
        ParallelizationFactor: 4,
        StartingPosition: 'AT_TIMESTAMP',
        StartingPositionTimestamp: new Date('2026-05-01T12:30:00.000Z'),
        DestinationConfig: {
          OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:orders-events-dlq' },
        },
        MaximumRecordAgeInSeconds: 3600,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 3,
        Tags: { team: 'orders', env: 'prod', 'cost-center': 'cc-1042' },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MetricsConfig: { Metrics: ['EventCount'] },
      },
    });
  });

  it('leaves out every server default of a defaults-only DynamoDB mapping, and the OnFailure shell', () => {
    expect(code('dynamodb', false).request).toEqual({
      EventSourceArn: MAPPING_FIXTURES.dynamodb.mapping.EventSourceArn,
      FunctionName: 'inventory-sync',
      Enabled: false,
      StartingPosition: 'LATEST',
    });
  });

  it('keeps every default with includeDefaults, but never the empty DestinationConfig shell', () => {
    expect(code('dynamodb', true).request).toEqual({
      EventSourceArn: MAPPING_FIXTURES.dynamodb.mapping.EventSourceArn,
      FunctionName: 'inventory-sync',
      Enabled: false,
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      ParallelizationFactor: 1,
      StartingPosition: 'LATEST',
      MaximumRecordAgeInSeconds: -1,
      BisectBatchOnFunctionError: false,
      MaximumRetryAttempts: -1,
      TumblingWindowInSeconds: 0,
      FunctionResponseTypes: [],
    });
    expect(code('sqs-fifo', true).request).toMatchObject({ Enabled: true });
    expect(code('sqs-fifo', false).request).not.toHaveProperty('Enabled');
  });

  it('SQS FIFO: BatchSize 10 is a default, and the echoed window 0 is never written', () => {
    expect(code('sqs-fifo', false).request).toEqual({
      EventSourceArn: MAPPING_FIXTURES['sqs-fifo'].mapping.EventSourceArn,
      FunctionName: 'ledger-writer',
    });
    expect(code('sqs-fifo', true).request).toEqual({
      EventSourceArn: MAPPING_FIXTURES['sqs-fifo'].mapping.EventSourceArn,
      FunctionName: 'ledger-writer',
      Enabled: true,
      BatchSize: 10,
      FunctionResponseTypes: [],
    });
  });

  it.each(CODE_FORMATS)(
    'SQS FIFO with includeDefaults: %s writes no batching window (Lambda refuses one on FIFO queues)',
    (format) => {
      const { text } = renderCode(format, [code('sqs-fifo', true)], {
        functionReference: 'literal',
      });
      expect(text).toContain('ledger-entries.fifo');
      expect(text).not.toMatch(/maximum[-_]?batching[-_]?window/i);
      // The standard queue's window (its default 0 too) is still written with includeDefaults.
      const standard = renderCode(format, [code('sqs', true)], { functionReference: 'literal' });
      expect(standard.text).toMatch(/maximum[-_]?batching[-_]?window/i);
    },
  );

  it('SQS standard: window 0 is its default, but 0 on MQ (default 500 ms) is kept', () => {
    const sqs = toMappingCode(
      { ...MAPPING_FIXTURES.sqs.mapping, MaximumBatchingWindowInSeconds: 0, BatchSize: 10 },
      { region: 'us-east-1', includeDefaults: false },
    );
    expect(sqs.request).not.toHaveProperty('MaximumBatchingWindowInSeconds');
    expect(sqs.request).not.toHaveProperty('BatchSize');
    const mq = toMappingCode(
      { ...MAPPING_FIXTURES['mq-activemq'].mapping, MaximumBatchingWindowInSeconds: 0 },
      { region: 'us-east-1', includeDefaults: false },
    );
    expect(mq.request.MaximumBatchingWindowInSeconds).toBe(0);
  });

  it('recreates the seed’s Amazon MQ mapping (Queues + BASIC_AUTH)', () => {
    expect(code('mq-activemq', false).request).toEqual({
      EventSourceArn:
        'arn:aws:mq:us-east-1:123456789012:broker:telemetry-activemq-prod:b-e88d33b2-c7f1-4948-8318-9866c44979ee',
      FunctionName: 'telemetry-enricher-prod',
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      Queues: ['telemetry.updates'],
      SourceAccessConfigurations: [
        {
          Type: 'BASIC_AUTH',
          URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/telemetry-activemq-prod-0k56yo',
        },
      ],
    });
    // MQ's BatchSize default is 100 (SOURCE_LIMITS): the RabbitMQ fixture's 100 is left out.
    expect(code('mq-rabbitmq', false).request).not.toHaveProperty('BatchSize');
    expect(code('mq-rabbitmq', true).request.BatchSize).toBe(100);
  });

  it('keeps a generated Kafka ConsumerGroupId, provisioned mode and the StartingPosition Lambda filled in', () => {
    const kafka = code('self-managed-kafka', false).request;
    expect(kafka.SelfManagedKafkaEventSourceConfig).toEqual({
      ConsumerGroupId: MAPPING_FIXTURES['self-managed-kafka'].mapping.UUID,
    });
    expect(kafka.ProvisionedPollerConfig).toEqual({ MinimumPollers: 2, MaximumPollers: 20 });
    expect(kafka.DestinationConfig).toEqual({
      OnFailure: { Destination: 'kafka://orders-ledger-dlq' },
    });
    const trim = (type: 'self-managed-kafka' | 'msk') =>
      toMappingCode(
        { ...MAPPING_FIXTURES[type].mapping, StartingPosition: 'TRIM_HORIZON' },
        { region: 'us-east-1', includeDefaults: false },
      ).request.StartingPosition;
    // Lambda fills in TRIM_HORIZON for self-managed Kafka, but the Terraform provider reads it
    // back and its starting_position is ForceNew: leaving it out would plan a replacement.
    expect(trim('self-managed-kafka')).toBe('TRIM_HORIZON');
    expect(trim('msk')).toBe('TRIM_HORIZON');
  });

  it('never leaves out a member the Terraform provider marks ForceNew, nor any part of it', () => {
    const kafka = MAPPING_FIXTURES['self-managed-kafka'].mapping;
    const mappings: EventSourceMappingConfiguration[] = [
      ...SOURCE_TYPES.map((t) => MAPPING_FIXTURES[t].mapping),
      hostileMapping(),
      { ...kafka, StartingPosition: 'TRIM_HORIZON' },
      {
        ...kafka,
        StartingPosition: 'AT_TIMESTAMP',
        StartingPositionTimestamp: new Date('2026-01-02T03:04:05.000Z'),
      },
    ];
    const checked = new Set<string>();
    for (const mapping of mappings) {
      const { request } = toMappingCode(mapping, { region: 'us-east-1', includeDefaults: false });
      for (const name of FORCE_NEW_MEMBERS) {
        const value = mapping[name as keyof EventSourceMappingConfiguration];
        if (value === undefined) continue;
        checked.add(name);
        expect(request[name as keyof typeof request], `${mapping.UUID} ${name}`).toEqual(value);
      }
    }
    // Every ForceNew member is in some mapping above.
    expect([...checked].sort()).toEqual([...FORCE_NEW_MEMBERS].sort());
  });

  it('keeps ProvisionedPollerConfig whole, exactly as the mapping has it (no leaf is a default)', () => {
    const at = (pollers: { MinimumPollers: number; MaximumPollers: number }) =>
      toMappingCode(
        { ...MAPPING_FIXTURES['self-managed-kafka'].mapping, ProvisionedPollerConfig: pollers },
        { region: 'us-east-1', includeDefaults: false },
      ).request.ProvisionedPollerConfig;
    expect(at({ MinimumPollers: 1, MaximumPollers: 200 })).toEqual({
      MinimumPollers: 1,
      MaximumPollers: 200,
    });
    expect(at({ MinimumPollers: 1, MaximumPollers: 30 })).toEqual({
      MinimumPollers: 1,
      MaximumPollers: 30,
    });
    expect(at({ MinimumPollers: 5, MaximumPollers: 200 })).toEqual({
      MinimumPollers: 5,
      MaximumPollers: 200,
    });
  });

  it('DocumentDB FullDocument Default and Kafka ConsumptionMode Stream are defaults; Queue mode keeps retries', () => {
    const docdb = toMappingCode(
      {
        ...MAPPING_FIXTURES.documentdb.mapping,
        DocumentDBEventSourceConfig: { DatabaseName: 'catalog', FullDocument: 'Default' },
      },
      { region: 'us-east-1', includeDefaults: false },
    );
    expect(docdb.request.DocumentDBEventSourceConfig).toEqual({ DatabaseName: 'catalog' });
    const mode = (ConsumptionMode: 'Stream' | 'Queue') =>
      toMappingCode(
        {
          ...MAPPING_FIXTURES['self-managed-kafka'].mapping,
          MaximumRetryAttempts: -1,
          SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g', ConsumptionMode },
        },
        { region: 'us-east-1', includeDefaults: false },
      ).request;
    // SelfManagedKafkaEventSourceConfig is ForceNew in the Terraform provider, but the provider
    // has no argument for ConsumptionMode: its consumer group is kept, the default mode is not.
    expect(mode('Stream').SelfManagedKafkaEventSourceConfig).toEqual({ ConsumerGroupId: 'g' });
    expect(mode('Stream')).not.toHaveProperty('MaximumRetryAttempts');
    expect(mode('Queue')).toMatchObject({
      MaximumRetryAttempts: -1,
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g', ConsumptionMode: 'Queue' },
    });
  });

  it('never emits empty shells, even with includeDefaults', () => {
    const shells: EventSourceMappingConfiguration = {
      ...MAPPING_FIXTURES.sqs.mapping,
      FilterCriteria: { Filters: [] },
      ScalingConfig: {},
      KMSKeyArn: '',
      MetricsConfig: { Metrics: [] },
      DestinationConfig: { OnFailure: {}, OnSuccess: {} },
    };
    const request = toMappingCode(shells, { region: 'us-east-1', includeDefaults: true }).request;
    for (const member of [
      'FilterCriteria',
      'ScalingConfig',
      'KMSKeyArn',
      'MetricsConfig',
      'DestinationConfig',
    ]) {
      expect(request).not.toHaveProperty(member);
    }
  });

  it('takes Tags from the options only, absent when empty', () => {
    expect(code('dynamodb', true).request).not.toHaveProperty('Tags');
    expect(code('sqs', false).request.Tags).toEqual({ team: 'payments', env: 'prod' });
  });

  it('does not share objects with the response (editing the request leaves the mapping alone)', () => {
    const f = MAPPING_FIXTURES.kinesis;
    const result = toMappingCode(f.mapping, { region: f.region, includeDefaults: false });
    expect(result.request.FilterCriteria).not.toBe(f.mapping.FilterCriteria);
    expect(result.request.StartingPositionTimestamp).not.toBe(f.mapping.StartingPositionTimestamp);
  });

  it('keeps hostile strings exactly', () => {
    const result = toMappingCode(hostileMapping(), {
      region: 'us-east-1',
      tags: hostileTags(),
      includeDefaults: false,
    });
    const text = JSON.stringify(result.request);
    for (const s of HOSTILE_STRINGS) expect(text).toContain(JSON.stringify(s).slice(1, -1));
    expect(result.request.Tags).toEqual(hostileTags());
  });

  it('throws for a mapping it cannot recreate', () => {
    const { UUID: _u, ...noUuid } = MAPPING_FIXTURES.sqs.mapping;
    expect(() => toMappingCode(noUuid, { region: 'us-east-1', includeDefaults: false })).toThrow(
      'no UUID',
    );
    expect(() =>
      toMappingCode(
        { ...MAPPING_FIXTURES.sqs.mapping, FunctionArn: undefined },
        { region: 'us-east-1', includeDefaults: false },
      ),
    ).toThrow('no FunctionArn');
    expect(() =>
      toMappingCode(
        { ...MAPPING_FIXTURES.sqs.mapping, EventSourceArn: 'arn:aws:s3:::bucket' },
        { region: 'us-east-1', includeDefaults: false },
      ),
    ).toThrow('Unrecognised event source');
  });
});
