import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';

import {
  createMappingFormSchema,
  type MappingFormOutput,
  type MappingFormValues,
} from './mapping-form-schema';
import { SOURCE_TYPES, fieldApplies, type MappingField, type SourceType } from './source-limits';
import { ARNS, SECRET, SEED_MQ_REQUEST, validValues } from './test-fixtures';
import {
  diffMapping,
  isEnabledState,
  requestToFormValues,
  sameFunction,
  shellQuote,
  toCliCommand,
  toCreateMappingInput,
  toFormValues,
  toUpdateMappingInput,
} from './to-request';

const NOW = new Date('2025-01-15T12:00:00.000Z');

function parsed(
  values: MappingFormValues,
  existing?: EventSourceMappingConfiguration,
): MappingFormOutput {
  const r = createMappingFormSchema({
    now: () => NOW,
    ...(existing ? { existing } : {}),
  }).safeParse(values);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
}

const FUNCTION_ARN = 'arn:aws:lambda:us-west-2:111122223333:function:MyFunction';
const UUID = '91eaeb7e-c976-1234-9451-8709db01f137';

/**
 * What Get/List return for the seed mapping once created (docs example 2020 plus the fields real AWS
 * adds; reference §1.3): no FunctionName, FunctionArn instead, State, no Enabled.
 */
const SEED_MQ_MAPPING: EventSourceMappingConfiguration = {
  UUID,
  BatchSize: 100,
  EventSourceArn: SEED_MQ_REQUEST.EventSourceArn,
  FunctionArn: FUNCTION_ARN,
  LastModified: new Date('2020-11-05T20:12:00Z'),
  LastProcessingResult: 'No records processed',
  State: 'Enabled',
  StateTransitionReason: 'USER_INITIATED',
  Queues: ['ExampleQueue'],
  SourceAccessConfigurations: SEED_MQ_REQUEST.SourceAccessConfigurations,
};

describe('the seed MQ request (Queues + BASIC_AUTH) round-trips exactly', () => {
  it('create: request → form values → schema → request is identical', () => {
    const values = requestToFormValues(SEED_MQ_REQUEST);
    expect(values.sourceType).toBe('mq-activemq');
    expect(values.Queues).toEqual(['ExampleQueue']);
    expect(values.BatchSize).toBe('100');
    expect(toCreateMappingInput(parsed(values))).toEqual(SEED_MQ_REQUEST);
  });

  it('create as a user would type it gives exactly the seed request', () => {
    const values = validValues('mq-activemq', {
      FunctionName: 'MyFunction',
      EventSourceArn: SEED_MQ_REQUEST.EventSourceArn ?? '',
      Queues: ['ExampleQueue'],
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: SEED_MQ_REQUEST.SourceAccessConfigurations?.[0]?.URI ?? '' },
      ],
      BatchSize: '100',
    });
    expect(toCreateMappingInput(parsed(values))).toEqual(SEED_MQ_REQUEST);
  });

  it.each([
    ['get', SEED_MQ_MAPPING],
    ['list item', { ...SEED_MQ_MAPPING }],
  ])('%s → form values: same fields as the request (FunctionName = FunctionArn)', (_, mapping) => {
    const fromMapping = toFormValues(mapping);
    expect(fromMapping).toEqual({
      ...requestToFormValues(SEED_MQ_REQUEST),
      FunctionName: FUNCTION_ARN,
    });
    // Re-creating from it sends the same request, naming the function by its ARN.
    expect(toCreateMappingInput(parsed(fromMapping))).toEqual({
      ...SEED_MQ_REQUEST,
      FunctionName: FUNCTION_ARN,
    });
  });

  it('update: unchanged form → only the UUID; no diff rows', () => {
    const values = parsed(toFormValues(SEED_MQ_MAPPING), SEED_MQ_MAPPING);
    const update = toUpdateMappingInput(SEED_MQ_MAPPING, values);
    expect(update).toEqual({ UUID });
    expect(diffMapping(SEED_MQ_MAPPING, update)).toEqual([]);
  });

  it('update: BatchSize 100 → 50 sends only BatchSize, and the updated mapping reads back the same', () => {
    const values = parsed({ ...toFormValues(SEED_MQ_MAPPING), BatchSize: '50' }, SEED_MQ_MAPPING);
    const update = toUpdateMappingInput(SEED_MQ_MAPPING, values);
    expect(update).toEqual({ UUID, BatchSize: 50 });
    expect(diffMapping(SEED_MQ_MAPPING, update)).toEqual([
      { field: 'BatchSize', old: '100', new: '50' },
    ]);
    // AWS's Update response already shows the new value (reference §2, [AWS-rec] MQ batch size).
    const updated = { ...SEED_MQ_MAPPING, BatchSize: 50, State: 'Updating' };
    expect(toFormValues(updated)).toEqual({ ...toFormValues(SEED_MQ_MAPPING), BatchSize: '50' });
    expect(toUpdateMappingInput(updated, parsed(toFormValues(updated), updated))).toEqual({ UUID });
  });

  it('the review step shows the exact CLI command', () => {
    expect(toCliCommand(SEED_MQ_REQUEST)).toBe(
      'aws lambda create-event-source-mapping --event-source-arn arn:aws:mq:us-west-2:111122223333:broker:ExampleMQBroker:b-24cacbb4-b295-49b7-8543-7ce7ce9dfb98 --function-name MyFunction --batch-size 100 --queues \'["ExampleQueue"]\' --source-access-configurations \'[{"Type":"BASIC_AUTH","URI":"arn:aws:secretsmanager:us-west-2:111122223333:secret:ExampleMQBrokerUserPassword-xPBMTt"}]\'',
    );
  });
});

describe('toCreateMappingInput: omission policy', () => {
  it.each<[SourceType, Record<string, unknown>]>([
    [
      'kinesis',
      { FunctionName: 'my-function', EventSourceArn: ARNS.kinesis, StartingPosition: 'LATEST' },
    ],
    ['sqs', { FunctionName: 'my-function', EventSourceArn: ARNS.sqs }],
    ['sqs-fifo', { FunctionName: 'my-function', EventSourceArn: ARNS.sqsFifo }],
    [
      'msk',
      {
        FunctionName: 'my-function',
        EventSourceArn: ARNS.msk,
        StartingPosition: 'LATEST',
        Topics: ['orders'],
      },
    ],
    [
      'self-managed-kafka',
      {
        FunctionName: 'my-function',
        Topics: ['orders'],
        SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: SECRET }],
        SelfManagedEventSource: {
          Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.example.com:9092'] },
        },
      },
    ],
    [
      'documentdb',
      {
        FunctionName: 'my-function',
        EventSourceArn: ARNS.documentdb,
        StartingPosition: 'LATEST',
        SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }],
        DocumentDBEventSourceConfig: { DatabaseName: 'shop' },
      },
    ],
  ])('untouched defaults are omitted (%s)', (type, expected) => {
    expect(toCreateMappingInput(parsed(validValues(type)))).toEqual(expected);
  });

  it('Enabled is sent only when false; Bisect only when true', () => {
    expect(toCreateMappingInput(parsed(validValues('sqs', { Enabled: false }))).Enabled).toBe(
      false,
    );
    expect(toCreateMappingInput(parsed(validValues('sqs', { Enabled: true })))).not.toHaveProperty(
      'Enabled',
    );
    expect(
      toCreateMappingInput(parsed(validValues('kinesis', { BisectBatchOnFunctionError: true })))
        .BisectBatchOnFunctionError,
    ).toBe(true);
    expect(toCreateMappingInput(parsed(validValues('kinesis')))).not.toHaveProperty(
      'BisectBatchOnFunctionError',
    );
  });

  it('a typed value equal to the default is sent (BatchSize 10 on SQS)', () => {
    expect(toCreateMappingInput(parsed(validValues('sqs', { BatchSize: '10' }))).BatchSize).toBe(
      10,
    );
  });

  it('window 0 on MQ is sent (omission would mean 500 ms, which is not the same)', () => {
    expect(
      toCreateMappingInput(
        parsed(validValues('mq-activemq', { MaximumBatchingWindowInSeconds: '0' })),
      ).MaximumBatchingWindowInSeconds,
    ).toBe(0);
    expect(toCreateMappingInput(parsed(validValues('mq-activemq')))).not.toHaveProperty(
      'MaximumBatchingWindowInSeconds',
    );
  });

  it('a full Kinesis form gives the full request, StartingPositionTimestamp as a Date', () => {
    const values = validValues('kinesis', {
      Enabled: false,
      BatchSize: '500',
      MaximumBatchingWindowInSeconds: '5',
      ParallelizationFactor: '2',
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: '2024-06-01T12:00:00Z',
      MaximumRecordAgeInSeconds: '3600',
      MaximumRetryAttempts: '3',
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
      TumblingWindowInSeconds: '60',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: '{"data": {"kind": ["order"]}}' }] },
    });
    expect(toCreateMappingInput(parsed(values))).toEqual({
      FunctionName: 'my-function',
      EventSourceArn: ARNS.kinesis,
      Enabled: false,
      BatchSize: 500,
      FilterCriteria: { Filters: [{ Pattern: '{"data": {"kind": ["order"]}}' }] },
      MaximumBatchingWindowInSeconds: 5,
      ParallelizationFactor: 2,
      MaximumRecordAgeInSeconds: 3600,
      MaximumRetryAttempts: 3,
      TumblingWindowInSeconds: 60,
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: new Date('2024-06-01T12:00:00Z'),
      DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  /** Every field filled with a value valid for some source: only applicable keys may be sent. */
  const everything: Partial<MappingFormValues> = {
    Enabled: false,
    BatchSize: '5',
    MaximumBatchingWindowInSeconds: '5',
    ParallelizationFactor: '2',
    StartingPosition: 'TRIM_HORIZON',
    MaximumRecordAgeInSeconds: '60',
    MaximumRetryAttempts: '1',
    BisectBatchOnFunctionError: true,
    DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
    TumblingWindowInSeconds: '5',
    FunctionResponseTypes: ['ReportBatchItemFailures'],
    FilterCriteria: { Filters: [{ Pattern: '{"a": ["b"]}' }] },
    ScalingConfig: { MaximumConcurrency: '5' },
    AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g1' },
    SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g2', ConsumptionMode: '' },
    MetricsConfig: { Metrics: ['EventCount'] },
    KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
  };

  it.each(SOURCE_TYPES)('%s sends only fields that apply to it', (type) => {
    const base = validValues(type);
    const kafka = type === 'msk' || type === 'self-managed-kafka';
    const values = {
      ...base,
      ...everything,
      // Kafka error handling needs provisioned mode; SQS takes it or MaximumConcurrency.
      ...(kafka
        ? {
            ProvisionedPollerConfig: {
              MinimumPollers: '1',
              MaximumPollers: '10',
              PollerGroupName: 'g',
            },
            LoggingConfig: { SystemLogLevel: 'WARN' },
          }
        : {}),
      StartingPosition: base.StartingPosition === '' ? '' : 'TRIM_HORIZON',
    } as MappingFormValues;
    const input = toCreateMappingInput(parsed(values));
    for (const key of Object.keys(input)) {
      expect(fieldApplies(type, key as MappingField), `${type} ${key}`).toBe(true);
    }
    // And every applicable field that was filled is sent.
    for (const key of Object.keys(everything) as MappingField[]) {
      if (fieldApplies(type, key) && key !== 'StartingPosition') {
        expect(input, `${type} ${key}`).toHaveProperty(key);
      }
    }
  });
});

/** An SQS mapping as AWS returns it ([AWS-rec] shape, reference §1.3). */
const SQS_MAPPING: EventSourceMappingConfiguration = {
  UUID,
  BatchSize: 10,
  EventSourceArn: ARNS.sqs,
  FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
  FunctionResponseTypes: [],
  MaximumBatchingWindowInSeconds: 0,
  State: 'Enabled',
  StateTransitionReason: 'USER_INITIATED',
};

/** A Kinesis mapping as AWS returns it with its echoed defaults. */
const KINESIS_MAPPING: EventSourceMappingConfiguration = {
  UUID,
  BatchSize: 100,
  BisectBatchOnFunctionError: false,
  DestinationConfig: { OnFailure: {} },
  EventSourceArn: ARNS.kinesis,
  FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
  FunctionResponseTypes: [],
  LastProcessingResult: 'No records processed',
  MaximumBatchingWindowInSeconds: 0,
  MaximumRecordAgeInSeconds: -1,
  MaximumRetryAttempts: -1,
  ParallelizationFactor: 1,
  StartingPosition: 'LATEST',
  State: 'Enabled',
  StateTransitionReason: 'User action',
  TumblingWindowInSeconds: 0,
};

function update(existing: EventSourceMappingConfiguration, change: Partial<MappingFormValues>) {
  return toUpdateMappingInput(existing, parsed({ ...toFormValues(existing), ...change }, existing));
}

describe('toUpdateMappingInput: only changed, updatable fields', () => {
  it.each<
    [string, EventSourceMappingConfiguration, Partial<MappingFormValues>, Record<string, unknown>]
  >([
    ['nothing', KINESIS_MAPPING, {}, {}],
    ['BatchSize', KINESIS_MAPPING, { BatchSize: '200' }, { BatchSize: 200 }],
    [
      'window',
      KINESIS_MAPPING,
      { MaximumBatchingWindowInSeconds: '5' },
      { MaximumBatchingWindowInSeconds: 5 },
    ],
    [
      'ParallelizationFactor',
      KINESIS_MAPPING,
      { ParallelizationFactor: '4' },
      { ParallelizationFactor: 4 },
    ],
    [
      'MaximumRecordAgeInSeconds',
      KINESIS_MAPPING,
      { MaximumRecordAgeInSeconds: '60' },
      { MaximumRecordAgeInSeconds: 60 },
    ],
    [
      'MaximumRetryAttempts',
      KINESIS_MAPPING,
      { MaximumRetryAttempts: '0' },
      { MaximumRetryAttempts: 0 },
    ],
    [
      'Bisect',
      KINESIS_MAPPING,
      { BisectBatchOnFunctionError: true },
      { BisectBatchOnFunctionError: true },
    ],
    [
      'TumblingWindowInSeconds',
      KINESIS_MAPPING,
      { TumblingWindowInSeconds: '30' },
      { TumblingWindowInSeconds: 30 },
    ],
    [
      'FunctionResponseTypes',
      KINESIS_MAPPING,
      { FunctionResponseTypes: ['ReportBatchItemFailures'] },
      { FunctionResponseTypes: ['ReportBatchItemFailures'] },
    ],
    [
      'destination',
      KINESIS_MAPPING,
      { DestinationConfig: { OnFailure: { Destination: 'arn:aws:sns:us-east-1:123456789012:f' } } },
      { DestinationConfig: { OnFailure: { Destination: 'arn:aws:sns:us-east-1:123456789012:f' } } },
    ],
    ['Enabled off', KINESIS_MAPPING, { Enabled: false }, { Enabled: false }],
    ['Enabled on', { ...KINESIS_MAPPING, State: 'Disabled' }, { Enabled: true }, { Enabled: true }],
    [
      'FunctionName',
      KINESIS_MAPPING,
      { FunctionName: 'other-function:prod' },
      { FunctionName: 'other-function:prod' },
    ],
    ['same function by name', KINESIS_MAPPING, { FunctionName: 'my-function' }, {}],
    [
      'same function by partial ARN',
      KINESIS_MAPPING,
      { FunctionName: '123456789012:function:my-function' },
      {},
    ],
    // Emptied numeric field = AWS default, sent because the mapping has another value.
    [
      'BatchSize emptied',
      { ...SQS_MAPPING, BatchSize: 50, MaximumBatchingWindowInSeconds: 1 },
      { BatchSize: '' },
      { BatchSize: 10 },
    ],
    [
      'Retry emptied',
      { ...KINESIS_MAPPING, MaximumRetryAttempts: 5 },
      { MaximumRetryAttempts: '' },
      { MaximumRetryAttempts: -1 },
    ],
    // Echoed defaults are not changes.
    [
      'defaults left empty',
      KINESIS_MAPPING,
      { BatchSize: '', ParallelizationFactor: '', TumblingWindowInSeconds: '' },
      {},
    ],
    // Create-only fields are never sent.
    ['StartingPosition', KINESIS_MAPPING, { StartingPosition: 'TRIM_HORIZON' }, {}],
    [
      'EventSourceArn',
      KINESIS_MAPPING,
      { EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/other' },
      {},
    ],
  ])('%s', (_, existing, change, expected) => {
    expect(update(existing, change)).toEqual({ UUID, ...expected });
  });

  it('clearing FilterCriteria sends {} (AWS: "an empty FilterCriteria object")', () => {
    const existing = {
      ...SQS_MAPPING,
      FilterCriteria: { Filters: [{ Pattern: '{"body": {"a": ["b"]}}' }] },
    };
    expect(update(existing, { FilterCriteria: { Filters: [] } })).toEqual({
      UUID,
      FilterCriteria: {},
    });
    expect(
      update(existing, { FilterCriteria: { Filters: [{ Pattern: '{"body": {"a": ["c"]}}' }] } }),
    ).toEqual({
      UUID,
      FilterCriteria: { Filters: [{ Pattern: '{"body": {"a": ["c"]}}' }] },
    });
  });

  it('ScalingConfig: set, change, and clear with {}', () => {
    expect(update(SQS_MAPPING, { ScalingConfig: { MaximumConcurrency: '5' } })).toEqual({
      UUID,
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    const limited = { ...SQS_MAPPING, ScalingConfig: { MaximumConcurrency: 5 } };
    expect(update(limited, { ScalingConfig: { MaximumConcurrency: '' } })).toEqual({
      UUID,
      ScalingConfig: {},
    });
    expect(update(limited, {})).toEqual({ UUID });
  });

  it('removing the on-failure destination sends an empty Destination (not an empty OnFailure)', () => {
    const existing = {
      ...KINESIS_MAPPING,
      DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
    };
    expect(update(existing, { DestinationConfig: { OnFailure: { Destination: '' } } })).toEqual({
      UUID,
      DestinationConfig: { OnFailure: { Destination: '' } },
    });
  });

  it('unticking ReportBatchItemFailures sends []', () => {
    expect(
      update(
        { ...SQS_MAPPING, FunctionResponseTypes: ['ReportBatchItemFailures'] },
        { FunctionResponseTypes: [] },
      ),
    ).toEqual({
      UUID,
      FunctionResponseTypes: [],
    });
  });

  it('SQS BatchSize above 10 with the window the mapping already has', () => {
    const withWindow = { ...SQS_MAPPING, MaximumBatchingWindowInSeconds: 5 };
    expect(update(withWindow, { BatchSize: '100' })).toEqual({ UUID, BatchSize: 100 });
    // The schema refuses it when the effective window is 0.
    expect(() => update(SQS_MAPPING, { BatchSize: '100' })).toThrow(/at least 1 second/);
  });

  it('RabbitMQ: a new secret is sent without VIRTUAL_HOST (AWS refuses it on update); vhost edits are ignored', () => {
    const rabbit: EventSourceMappingConfiguration = {
      ...SEED_MQ_MAPPING,
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: SECRET },
        { Type: 'VIRTUAL_HOST', URI: '/' },
      ],
    };
    const other = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:rotated-AbCdEf';
    expect(
      update(rabbit, {
        SourceAccessConfigurations: [
          { Type: 'BASIC_AUTH', URI: other },
          { Type: 'VIRTUAL_HOST', URI: '/' },
        ],
      }),
    ).toEqual({
      UUID,
      SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: other }],
    });
    expect(
      update(rabbit, {
        SourceAccessConfigurations: [
          { Type: 'BASIC_AUTH', URI: SECRET },
          { Type: 'VIRTUAL_HOST', URI: 'prod' },
        ],
      }),
    ).toEqual({ UUID });
  });

  it('Kafka: topic, bootstrap servers and consumer group are create-only; the destination is updatable', () => {
    const kafka: EventSourceMappingConfiguration = {
      UUID,
      BatchSize: 100,
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
      SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.example.com:9092'] } },
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: UUID },
      SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: SECRET }],
      StartingPosition: 'TRIM_HORIZON',
      State: 'Enabled',
      Topics: ['orders'],
      // A kafka:// destination needs provisioned mode.
      ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 200 },
    };
    expect(
      update(kafka, {
        Topics: ['other'],
        SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: 'b-9.example.com:9092' } },
        SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'new-group', ConsumptionMode: '' },
        DestinationConfig: { OnFailure: { Destination: 'kafka://failures' } },
      }),
    ).toEqual({ UUID, DestinationConfig: { OnFailure: { Destination: 'kafka://failures' } } });
  });

  it('DocumentDB config is sent whole when any part changes', () => {
    const docdb: EventSourceMappingConfiguration = {
      UUID,
      BatchSize: 100,
      EventSourceArn: ARNS.documentdb,
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
      DocumentDBEventSourceConfig: {
        DatabaseName: 'shop',
        CollectionName: 'orders',
        FullDocument: 'Default',
      },
      SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }],
      StartingPosition: 'LATEST',
      State: 'Enabled',
    };
    expect(update(docdb, {})).toEqual({ UUID });
    expect(
      update(docdb, {
        DocumentDBEventSourceConfig: {
          DatabaseName: 'shop',
          CollectionName: 'orders',
          FullDocument: 'UpdateLookup',
        },
      }),
    ).toEqual({
      UUID,
      DocumentDBEventSourceConfig: {
        DatabaseName: 'shop',
        CollectionName: 'orders',
        FullDocument: 'UpdateLookup',
      },
    });
  });

  it('throws without a UUID or for a mapping of another source type', () => {
    const values = parsed(validValues('sqs'));
    expect(() => toUpdateMappingInput({ ...SQS_MAPPING, UUID: undefined }, values)).toThrow(
      /no UUID/,
    );
    expect(() => toUpdateMappingInput(KINESIS_MAPPING, values)).toThrow(/form is for sqs/);
  });
});

describe('toFormValues', () => {
  it('maps AWS echoes of defaults to the form (DestinationConfig {OnFailure:{}} → empty)', () => {
    const v = toFormValues(KINESIS_MAPPING);
    expect(v).toMatchObject({
      sourceType: 'kinesis',
      FunctionName: KINESIS_MAPPING.FunctionArn,
      Enabled: true,
      BatchSize: '100',
      MaximumRecordAgeInSeconds: '-1',
      DestinationConfig: { OnFailure: { Destination: '' } },
      StartingPosition: 'LATEST',
    });
  });

  it('StartingPositionTimestamp → ISO text', () => {
    const v = toFormValues({
      ...KINESIS_MAPPING,
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: new Date('2024-06-01T12:00:00Z'),
    });
    expect(v.StartingPositionTimestamp).toBe('2024-06-01T12:00:00.000Z');
  });

  it('throws for an unrecognised source', () => {
    expect(() =>
      toFormValues({ UUID, EventSourceArn: 'arn:aws:sns:us-east-1:123456789012:t' }),
    ).toThrow(/Unrecognised event source/);
  });
});

describe('isEnabledState', () => {
  it.each([
    ['Enabled', true],
    ['Enabling', true],
    ['Creating', true],
    ['Updating', true],
    ['Disabled', false],
    ['Disabling', false],
    [undefined, true],
  ])('%s → %s', (state, enabled) => {
    expect(isEnabledState(state)).toBe(enabled);
  });
});

describe('sameFunction', () => {
  const arn = 'arn:aws:lambda:us-east-1:123456789012:function:my-function';
  it.each([
    ['my-function', arn, true],
    ['my-function:prod', arn, false],
    ['my-function:prod', `${arn}:prod`, true],
    ['123456789012:function:my-function', arn, true],
    ['210987654321:function:my-function', arn, false],
    [arn, arn, true],
    ['arn:aws:lambda:eu-west-1:123456789012:function:my-function', arn, false],
    ['other', arn, false],
    ['my-function', undefined, false],
  ])('%s vs %s → %s', (name, functionArn, same) => {
    expect(sameFunction(name, functionArn)).toBe(same);
  });
});

describe('diffMapping', () => {
  it('shows old → new as text, with AWS defaults for fields AWS left out', () => {
    const msk: EventSourceMappingConfiguration = {
      UUID,
      BatchSize: 100,
      EventSourceArn: ARNS.msk,
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
      FilterCriteria: { Filters: [{ Pattern: '{"value": {"a": ["b"]}}' }] },
      StartingPosition: 'LATEST',
      State: 'Enabled',
      Topics: ['orders'],
    };
    const rows = diffMapping(msk, {
      UUID,
      FunctionName: 'other',
      Enabled: false,
      MaximumBatchingWindowInSeconds: 5,
      FilterCriteria: {},
      DestinationConfig: { OnFailure: { Destination: 'kafka://failures' } },
    });
    expect(rows).toEqual([
      {
        field: 'FunctionName',
        old: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
        new: 'other',
      },
      { field: 'Enabled', old: 'true', new: 'false' },
      { field: 'MaximumBatchingWindowInSeconds', old: '500 ms (default)', new: '5' },
      { field: 'FilterCriteria', old: '{"value": {"a": ["b"]}}', new: 'no filters' },
      {
        field: 'DestinationConfig',
        old: 'no on-failure destination',
        new: 'OnFailure kafka://failures',
      },
    ]);
  });

  it('formats SQS scaling, response types and access configurations', () => {
    expect(
      diffMapping(
        { ...SEED_MQ_MAPPING },
        { UUID, SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }] },
      ),
    ).toEqual([
      {
        field: 'SourceAccessConfigurations',
        old: `BASIC_AUTH ${SEED_MQ_REQUEST.SourceAccessConfigurations?.[0]?.URI ?? ''}`,
        new: `BASIC_AUTH ${SECRET}`,
      },
    ]);
    expect(
      diffMapping(
        { ...SQS_MAPPING, ScalingConfig: { MaximumConcurrency: 5 } },
        { UUID, ScalingConfig: {}, FunctionResponseTypes: ['ReportBatchItemFailures'] },
      ),
    ).toEqual([
      { field: 'ScalingConfig', old: 'MaximumConcurrency 5', new: 'no maximum concurrency' },
      { field: 'FunctionResponseTypes', old: 'none', new: 'ReportBatchItemFailures' },
    ]);
  });
});

describe('toCliCommand (exact strings; flags checked against awscli 1.45.11)', () => {
  it('create with every kind of value', () => {
    expect(
      toCliCommand({
        FunctionName: 'my-function:$LATEST',
        EventSourceArn: ARNS.kinesis,
        Enabled: false,
        StartingPosition: 'AT_TIMESTAMP',
        StartingPositionTimestamp: new Date('2024-06-01T12:00:00Z'),
        BisectBatchOnFunctionError: false,
        FilterCriteria: { Filters: [{ Pattern: `{"data": {"name": ["O'Brien"]}}` }] },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      }),
    ).toBe(
      `aws lambda create-event-source-mapping --event-source-arn ${ARNS.kinesis} --function-name 'my-function:$LATEST' --no-enabled --filter-criteria '{"Filters":[{"Pattern":"{\\"data\\": {\\"name\\": [\\"O'\\''Brien\\"]}}"}]}' --starting-position AT_TIMESTAMP --starting-position-timestamp 2024-06-01T12:00:00.000Z --no-bisect-batch-on-function-error --function-response-types '["ReportBatchItemFailures"]'`,
    );
  });

  it('update with clears, multi-line, region and endpoint', () => {
    expect(
      toCliCommand(
        {
          UUID,
          Enabled: true,
          FilterCriteria: {},
          ScalingConfig: {},
          DestinationConfig: { OnFailure: { Destination: '' } },
        },
        { multiline: true, region: 'us-east-1', endpointUrl: 'http://127.0.0.1:4599' },
      ),
    ).toBe(
      [
        'aws lambda update-event-source-mapping',
        `--uuid ${UUID}`,
        '--enabled',
        "--filter-criteria '{}'",
        `--destination-config '{"OnFailure":{"Destination":""}}'`,
        "--scaling-config '{}'",
        '--region us-east-1',
        '--endpoint-url http://127.0.0.1:4599',
      ].join(' \\\n    '),
    );
  });

  it('self-managed Kafka: no ARN, JSON structures', () => {
    expect(
      toCliCommand({
        FunctionName: 'f',
        Topics: ['orders'],
        SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b1:9092', 'b2:9092'] } },
        SourceAccessConfigurations: [{ Type: 'VPC_SUBNET', URI: 'subnet:subnet-01234567' }],
        SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g' },
      }),
    ).toBe(
      `aws lambda create-event-source-mapping --function-name f --topics '["orders"]' --source-access-configurations '[{"Type":"VPC_SUBNET","URI":"subnet:subnet-01234567"}]' --self-managed-event-source '{"Endpoints":{"KAFKA_BOOTSTRAP_SERVERS":["b1:9092","b2:9092"]}}' --self-managed-kafka-event-source-config '{"ConsumerGroupId":"g"}'`,
    );
  });

  it('throws for a member the CLI has no option for', () => {
    expect(() => toCliCommand({ FunctionName: 'f', Bogus: 1 } as never)).toThrow(
      /No AWS CLI option for Bogus/,
    );
  });
});

describe('shellQuote', () => {
  it.each([
    ['my-function', 'my-function'],
    ['arn:aws:sqs:us-east-1:123456789012:q', 'arn:aws:sqs:us-east-1:123456789012:q'],
    ['my-fn:$LATEST', "'my-fn:$LATEST'"],
    ["it's", "'it'\\''s'"],
    ['two words', "'two words'"],
    ['', "''"],
    ['a;rm -rf /', "'a;rm -rf /'"],
    ['`cmd`', "'`cmd`'"],
  ])('%j → %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  it('always quotes when asked (JSON)', () => {
    expect(shellQuote('{}', true)).toBe("'{}'");
  });
});
