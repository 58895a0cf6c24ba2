/**
 * What the emulator accepts and answers: the edge values each numeric rule allows per source, the
 * members AWS returns per source type (defaults filled as AWS fills them, reference §1.3), the
 * seed's Amazon MQ request round trip, Update clearing and ignored members — all through the
 * real SDK over HTTP (one raw signed request for members the SDK cannot send).
 */
import {
  CreateEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
  GetEventSourceMappingCommand,
  type LambdaClient,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fnArn, type RunningEmulator, sleep, SMALL_SEED, startEmulator } from './helpers.ts';
import { ARNS, FN, type Kind, request, SECRET } from './mapping-rules-fixtures.ts';

let emu: RunningEmulator;
let client: LambdaClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 0 });
  client = emu.lambda();
});
afterAll(async () => emu.close());
beforeEach(() => emu.app.emulator.reset());

/** Waits until the mapping left its transitional state; returns it. */
async function settled(uuid: string | undefined): Promise<EventSourceMappingConfiguration> {
  for (let i = 0; i < 100; i += 1) {
    const got = await client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
    if (got.State === 'Enabled' || got.State === 'Disabled') return got;
    await sleep(5);
  }
  throw new Error(`mapping ${uuid} did not settle`);
}

/** The members of an SDK output, without `$metadata`. */
function members(out: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(out).filter(([k, v]) => k !== '$metadata' && v !== undefined),
  );
}

const PAST = new Date(Date.now() - 24 * 3600_000);

describe('edge values each numeric rule accepts, per source', () => {
  const CASES: Array<{ kind: Kind; label: string; changes: Record<string, unknown> }> = [
    { kind: 'sqs', label: 'BatchSize 1', changes: { BatchSize: 1 } },
    {
      kind: 'sqs',
      label: 'BatchSize 10000 with the longest window 300',
      changes: { BatchSize: 10000, MaximumBatchingWindowInSeconds: 300 },
    },
    { kind: 'sqs', label: 'BatchSize 10 without a window', changes: { BatchSize: 10 } },
    {
      kind: 'sqs',
      label: 'BatchSize 11 with a window of 1',
      changes: { BatchSize: 11, MaximumBatchingWindowInSeconds: 1 },
    },
    {
      kind: 'sqs',
      label: 'ScalingConfig.MaximumConcurrency 2',
      changes: { ScalingConfig: { MaximumConcurrency: 2 } },
    },
    {
      kind: 'sqs',
      label: 'ScalingConfig.MaximumConcurrency 1000',
      changes: { ScalingConfig: { MaximumConcurrency: 1000 } },
    },
    {
      kind: 'sqs',
      label: 'ProvisionedPollerConfig 2..10000',
      changes: { ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 10000 } },
    },
    {
      kind: 'sqs',
      label: 'five filters',
      changes: {
        FilterCriteria: {
          Filters: [1, 2, 3, 4, 5].map((n) => ({ Pattern: JSON.stringify({ body: { n: [n] } }) })),
        },
      },
    },
    { kind: 'fifo', label: 'BatchSize 10', changes: { BatchSize: 10 } },
    { kind: 'fifo', label: 'window 0', changes: { MaximumBatchingWindowInSeconds: 0 } },
    {
      kind: 'kinesis',
      label: 'maxima of BatchSize, window, parallelization, record age, retries, tumbling window',
      changes: {
        BatchSize: 10000,
        MaximumBatchingWindowInSeconds: 300,
        ParallelizationFactor: 10,
        MaximumRecordAgeInSeconds: 604800,
        MaximumRetryAttempts: 10000,
        TumblingWindowInSeconds: 900,
      },
    },
    {
      kind: 'kinesis',
      label: 'minima: BatchSize 1, record age 60, retries 0, parallelization 1, tumbling 0',
      changes: {
        BatchSize: 1,
        MaximumRecordAgeInSeconds: 60,
        MaximumRetryAttempts: 0,
        ParallelizationFactor: 1,
        TumblingWindowInSeconds: 0,
      },
    },
    {
      kind: 'kinesis',
      label: 'record age and retries -1 (forever)',
      changes: { MaximumRecordAgeInSeconds: -1, MaximumRetryAttempts: -1 },
    },
    {
      kind: 'kinesis',
      label: 'AT_TIMESTAMP with a past timestamp',
      changes: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: PAST },
    },
    {
      kind: 'dynamodb',
      label: 'maxima (BatchSize 10000 since 2022, record age, retries, tumbling)',
      changes: {
        BatchSize: 10000,
        MaximumRecordAgeInSeconds: 604800,
        MaximumRetryAttempts: 10000,
        TumblingWindowInSeconds: 900,
        ParallelizationFactor: 10,
      },
    },
    {
      kind: 'dynamodb',
      label: 'TRIM_HORIZON, record age 60',
      changes: { StartingPosition: 'TRIM_HORIZON', MaximumRecordAgeInSeconds: 60 },
    },
    {
      kind: 'msk',
      label: 'BatchSize 10000, window 300, record age 60, retries 10000 (provisioned mode)',
      changes: {
        BatchSize: 10000,
        MaximumBatchingWindowInSeconds: 300,
        MaximumRecordAgeInSeconds: 60,
        MaximumRetryAttempts: 10000,
        ProvisionedPollerConfig: { MinimumPollers: 1 },
      },
    },
    {
      kind: 'msk',
      label: 'AT_TIMESTAMP, SASL/SCRAM-512 and pollers 1..1',
      changes: {
        StartingPosition: 'AT_TIMESTAMP',
        StartingPositionTimestamp: PAST,
        SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: SECRET }],
        ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 1 },
      },
    },
    {
      kind: 'kafka',
      label: 'BatchSize 10000, record age -1, retries -1, VPC and mTLS access',
      changes: {
        BatchSize: 10000,
        MaximumRecordAgeInSeconds: -1,
        MaximumRetryAttempts: -1,
        SourceAccessConfigurations: [
          { Type: 'VPC_SUBNET', URI: 'subnet:subnet-0123456789abcdef0' },
          { Type: 'VPC_SECURITY_GROUP', URI: 'security_group:sg-0123456789abcdef0' },
          { Type: 'CLIENT_CERTIFICATE_TLS_AUTH', URI: SECRET },
          { Type: 'SERVER_ROOT_CA_CERTIFICATE', URI: SECRET },
        ],
      },
    },
    { kind: 'mq', label: 'BatchSize 1', changes: { BatchSize: 1 } },
    {
      kind: 'mq',
      label: 'BatchSize 10000, window 300 and a RabbitMQ virtual host',
      changes: {
        BatchSize: 10000,
        MaximumBatchingWindowInSeconds: 300,
        SourceAccessConfigurations: [
          { Type: 'BASIC_AUTH', URI: SECRET },
          { Type: 'VIRTUAL_HOST', URI: '/orders' },
        ],
      },
    },
    {
      kind: 'docdb',
      label: 'BatchSize 10000, window 300, AT_TIMESTAMP, collection and BASIC_AUTH',
      changes: {
        BatchSize: 10000,
        MaximumBatchingWindowInSeconds: 300,
        StartingPosition: 'AT_TIMESTAMP',
        StartingPositionTimestamp: PAST,
        DocumentDBEventSourceConfig: {
          DatabaseName: 'orders',
          CollectionName: '_events',
          FullDocument: 'UpdateLookup',
        },
        SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }],
      },
    },
  ];

  for (const c of CASES) {
    it(`${c.kind}: ${c.label}`, async () => {
      const out = await client.send(
        new CreateEventSourceMappingCommand(request(c.kind, c.changes)),
      );
      expect(out.$metadata.httpStatusCode).toBe(202);
      // Every value sent comes back as sent (timestamps as the same instant).
      const { StartingPositionTimestamp, ...sent } = c.changes;
      expect(out).toMatchObject(sent);
      if (StartingPositionTimestamp instanceof Date) {
        expect(out.StartingPositionTimestamp?.getTime()).toBe(StartingPositionTimestamp.getTime());
      }
    });
  }

  it('filter patterns using every comparison operator are accepted', async () => {
    const patterns = [
      { body: { status: ['shipped', null, ''], n: [1, 2.5], ok: [true] } },
      { body: { id: [{ prefix: 'ord-' }, { suffix: '.json' }, { 'equals-ignore-case': 'X' }] } },
      { body: { price: [{ numeric: ['>', 0, '<=', 100] }], flag: [{ exists: false }] } },
      { body: { state: [{ 'anything-but': ['a', 'b'] }, { 'anything-but': { prefix: 'tmp' } }] } },
      { $or: [{ body: { a: ['x'] } }, { body: { b: [{ numeric: ['=', 3] }] } }] },
    ];
    const out = await client.send(
      new CreateEventSourceMappingCommand(
        request('sqs', {
          FilterCriteria: { Filters: patterns.map((p) => ({ Pattern: JSON.stringify(p) })) },
        }),
      ),
    );
    expect(out.FilterCriteria?.Filters?.map((f) => JSON.parse(f.Pattern ?? ''))).toEqual(patterns);
  });
});

describe('response members per source type (as AWS returns them)', () => {
  const COMMON = [
    'BatchSize',
    'EventSourceMappingArn',
    'FunctionArn',
    'LastModified',
    'State',
    'StateTransitionReason',
    'UUID',
  ];
  const SQS = [
    ...COMMON,
    'EventSourceArn',
    'FunctionResponseTypes',
    'MaximumBatchingWindowInSeconds',
  ];
  const STREAM = [
    ...SQS,
    'BisectBatchOnFunctionError',
    'DestinationConfig',
    'LastProcessingResult',
    'MaximumRecordAgeInSeconds',
    'MaximumRetryAttempts',
    'ParallelizationFactor',
    'StartingPosition',
    'TumblingWindowInSeconds',
  ];
  const SHAPES: Record<Kind, { keys: string[]; values: Record<string, unknown> }> = {
    sqs: {
      keys: SQS,
      values: {
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 0,
        FunctionResponseTypes: [],
        StateTransitionReason: 'USER_INITIATED',
      },
    },
    fifo: {
      keys: SQS,
      values: { BatchSize: 10, MaximumBatchingWindowInSeconds: 0, FunctionResponseTypes: [] },
    },
    kinesis: {
      keys: STREAM,
      values: {
        BatchSize: 100,
        MaximumBatchingWindowInSeconds: 0,
        ParallelizationFactor: 1,
        DestinationConfig: { OnFailure: {} },
        LastProcessingResult: 'No records processed',
        MaximumRecordAgeInSeconds: -1,
        BisectBatchOnFunctionError: false,
        MaximumRetryAttempts: -1,
        TumblingWindowInSeconds: 0,
        FunctionResponseTypes: [],
        StartingPosition: 'LATEST',
        StateTransitionReason: 'User action',
      },
    },
    dynamodb: {
      keys: STREAM,
      values: {
        BatchSize: 100,
        DestinationConfig: { OnFailure: {} },
        MaximumRecordAgeInSeconds: -1,
        StateTransitionReason: 'User action',
      },
    },
    msk: {
      keys: [
        ...COMMON,
        'EventSourceArn',
        'LastProcessingResult',
        'StartingPosition',
        'Topics',
        'AmazonManagedKafkaEventSourceConfig',
      ],
      values: {
        BatchSize: 100,
        StartingPosition: 'TRIM_HORIZON',
        Topics: ['orders.created'],
        LastProcessingResult: 'No records processed',
        StateTransitionReason: 'USER_INITIATED',
      },
    },
    kafka: {
      keys: [
        ...COMMON,
        'LastProcessingResult',
        'SelfManagedEventSource',
        'SelfManagedKafkaEventSourceConfig',
        'SourceAccessConfigurations',
        'StartingPosition',
        'Topics',
      ],
      values: {
        BatchSize: 100,
        StartingPosition: 'TRIM_HORIZON',
        LastProcessingResult: 'No records processed',
        StateTransitionReason: 'USER_INITIATED',
      },
    },
    mq: {
      keys: [
        ...COMMON,
        'EventSourceArn',
        'LastProcessingResult',
        'Queues',
        'SourceAccessConfigurations',
      ],
      values: {
        BatchSize: 100,
        LastProcessingResult: 'No records processed',
        StateTransitionReason: 'USER_INITIATED',
      },
    },
    docdb: {
      keys: [...COMMON, 'EventSourceArn', 'LastProcessingResult', 'DocumentDBEventSourceConfig'],
      values: {
        BatchSize: 100,
        DocumentDBEventSourceConfig: { DatabaseName: 'orders', FullDocument: 'Default' },
        LastProcessingResult: 'No records processed',
      },
    },
  };

  for (const [kind, shape] of Object.entries(SHAPES) as Array<[Kind, (typeof SHAPES)[Kind]]>) {
    it(`${kind}: exactly AWS's members, defaults filled, same on Get`, async () => {
      const created = await client.send(new CreateEventSourceMappingCommand(request(kind)));
      expect(Object.keys(members(created)).sort()).toEqual([...shape.keys].sort());
      expect(created).toMatchObject({ ...shape.values, State: 'Creating' });
      const got = await client.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
      expect(Object.keys(members(got)).sort()).toEqual([...shape.keys].sort());
      expect(got).toMatchObject(shape.values);
    });
  }

  it('Kafka consumer groups default to the mapping UUID', async () => {
    const msk = await client.send(new CreateEventSourceMappingCommand(request('msk')));
    expect(msk.AmazonManagedKafkaEventSourceConfig).toEqual({ ConsumerGroupId: msk.UUID });
    const kafka = await client.send(new CreateEventSourceMappingCommand(request('kafka')));
    expect(kafka.SelfManagedKafkaEventSourceConfig).toEqual({ ConsumerGroupId: kafka.UUID });
  });
});

describe('the seed’s Amazon MQ request round-trips exactly', () => {
  const BROKER =
    'arn:aws:mq:us-east-1:123456789012:broker:ExampleMQBroker:b-24cacbb4-b295-49b7-8543-7ce7ce9dfb98';
  const QUEUES = ['ExampleQueue'];
  const ACCESS = [
    {
      Type: 'BASIC_AUTH' as const,
      URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:MQaccess-xPhIrA',
    },
  ];

  it('create → get → list → update (BatchSize, new secret) → get', async () => {
    const created = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: FN,
        EventSourceArn: BROKER,
        Queues: QUEUES,
        SourceAccessConfigurations: ACCESS,
        BatchSize: 100,
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(202);
    expect(created.Queues).toEqual(QUEUES);
    expect(created.SourceAccessConfigurations).toEqual(ACCESS);
    expect(created).toMatchObject({
      EventSourceArn: BROKER,
      FunctionArn: fnArn(FN),
      BatchSize: 100,
      State: 'Creating',
    });

    const got = await settled(created.UUID);
    expect(got.Queues).toEqual(QUEUES);
    expect(got.SourceAccessConfigurations).toEqual(ACCESS);

    const listed = await client.send(
      new ListEventSourceMappingsCommand({ EventSourceArn: BROKER }),
    );
    expect(listed.EventSourceMappings).toHaveLength(1);
    expect(listed.EventSourceMappings?.[0]?.Queues).toEqual(QUEUES);
    expect(listed.EventSourceMappings?.[0]?.SourceAccessConfigurations).toEqual(ACCESS);

    const rotated = [
      {
        Type: 'BASIC_AUTH' as const,
        URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:MQaccess-rotated-Q1w2E3',
      },
    ];
    const updated = await client.send(
      new UpdateEventSourceMappingCommand({
        UUID: created.UUID,
        BatchSize: 250,
        SourceAccessConfigurations: rotated,
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(202);
    expect(updated.State).toBe('Updating');
    expect(updated.BatchSize).toBe(250);
    expect(updated.Queues).toEqual(QUEUES);
    expect(updated.SourceAccessConfigurations).toEqual(rotated);

    const after = await settled(created.UUID);
    expect(after.BatchSize).toBe(250);
    expect(after.Queues).toEqual(QUEUES);
    expect(after.SourceAccessConfigurations).toEqual(rotated);
  });

  it('a RabbitMQ mapping keeps its VIRTUAL_HOST when the secret is replaced', async () => {
    const vhost = { Type: 'VIRTUAL_HOST' as const, URI: '/orders' };
    const created = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: FN,
        EventSourceArn: BROKER,
        Queues: QUEUES,
        SourceAccessConfigurations: [...ACCESS, vhost],
      }),
    );
    await settled(created.UUID);
    const rotated = { Type: 'BASIC_AUTH' as const, URI: `${ACCESS[0]?.URI}-v2` };
    const updated = await client.send(
      new UpdateEventSourceMappingCommand({
        UUID: created.UUID,
        SourceAccessConfigurations: [rotated],
      }),
    );
    expect(updated.SourceAccessConfigurations).toEqual([rotated, vhost]);
  });
});

describe('UpdateEventSourceMapping semantics', () => {
  it('clears FilterCriteria with {} and with {"Filters": []}; the response omits it', async () => {
    for (const empty of [{}, { Filters: [] }]) {
      const created = await client.send(
        new CreateEventSourceMappingCommand(
          request('sqs', {
            EventSourceArn: `${ARNS.sqs}-${Object.keys(empty).length}`,
            FilterCriteria: { Filters: [{ Pattern: '{"body":{"a":["b"]}}' }] },
          }),
        ),
      );
      await settled(created.UUID);
      const cleared = await client.send(
        new UpdateEventSourceMappingCommand({ UUID: created.UUID, FilterCriteria: empty }),
      );
      expect(members(cleared)).not.toHaveProperty('FilterCriteria');
      const got = await settled(created.UUID);
      expect(members(got)).not.toHaveProperty('FilterCriteria');
    }
  });

  it('clears ScalingConfig with {}; the response omits it', async () => {
    const created = await client.send(
      new CreateEventSourceMappingCommand(
        request('sqs', { ScalingConfig: { MaximumConcurrency: 5 } }),
      ),
    );
    expect(created.ScalingConfig).toEqual({ MaximumConcurrency: 5 });
    await settled(created.UUID);
    const cleared = await client.send(
      new UpdateEventSourceMappingCommand({ UUID: created.UUID, ScalingConfig: {} }),
    );
    expect(members(cleared)).not.toHaveProperty('ScalingConfig');
    expect(members(await settled(created.UUID))).not.toHaveProperty('ScalingConfig');
  });

  it('re-points FunctionName to another existing function and version', async () => {
    const created = await client.send(new CreateEventSourceMappingCommand(request('kinesis')));
    await settled(created.UUID);
    const updated = await client.send(
      new UpdateEventSourceMappingCommand({
        UUID: created.UUID,
        FunctionName: 'payments-consumer-prod',
      }),
    );
    expect(updated.FunctionArn).toBe(fnArn('payments-consumer-prod'));
    await settled(created.UUID);
    const versioned = await client.send(
      new UpdateEventSourceMappingCommand({ UUID: created.UUID, FunctionName: `${FN}:2` }),
    );
    expect(versioned.FunctionArn).toBe(`${fnArn(FN)}:2`);
  });

  it('raises an SQS batch above 10 when the stored window is already ≥ 1', async () => {
    const created = await client.send(
      new CreateEventSourceMappingCommand(request('sqs', { MaximumBatchingWindowInSeconds: 2 })),
    );
    await settled(created.UUID);
    const updated = await client.send(
      new UpdateEventSourceMappingCommand({ UUID: created.UUID, BatchSize: 500 }),
    );
    expect(updated).toMatchObject({ BatchSize: 500, MaximumBatchingWindowInSeconds: 2 });
  });

  it('accepts an unchanged consumer group id and keeps it when the config omits it', async () => {
    const created = await client.send(
      new CreateEventSourceMappingCommand(
        request('msk', { AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-cg' } }),
      ),
    );
    await settled(created.UUID);
    const same = await client.send(
      new UpdateEventSourceMappingCommand({
        UUID: created.UUID,
        AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-cg' },
        BatchSize: 200,
      }),
    );
    expect(same.AmazonManagedKafkaEventSourceConfig).toEqual({ ConsumerGroupId: 'orders-cg' });
    await settled(created.UUID);
    const omitted = await client.send(
      new UpdateEventSourceMappingCommand({
        UUID: created.UUID,
        AmazonManagedKafkaEventSourceConfig: {},
      }),
    );
    expect(omitted.AmazonManagedKafkaEventSourceConfig).toEqual({ ConsumerGroupId: 'orders-cg' });
  });

  /** PUT with a raw JSON body, signed like any client (the SDKs cannot send these members). */
  async function rawUpdate(uuid: string | undefined, body: object): Promise<Response> {
    const url = new URL(`/2015-03-31/event-source-mappings/${uuid}`, emu.endpoint);
    const text = JSON.stringify(body);
    const signed = await new SignatureV4({
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      region: 'us-east-1',
      service: 'lambda',
      sha256: Sha256,
    }).sign(
      new HttpRequest({
        method: 'PUT',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        headers: { host: url.host, 'content-type': 'application/json' },
        body: text,
      }),
    );
    return fetch(url, { method: 'PUT', headers: signed.headers, body: text });
  }

  it('ignores members outside the Update shape (create-only fields sent over raw HTTP)', async () => {
    const created = await client.send(new CreateEventSourceMappingCommand(request('msk')));
    await settled(created.UUID);
    const res = await rawUpdate(created.UUID, {
      BatchSize: 300,
      EventSourceArn: ARNS.kinesis,
      Topics: ['other.topic'],
      StartingPosition: 'LATEST',
      Queues: ['q'],
      Tags: { team: 'orders' },
      NotAMember: true,
    });
    expect(res.status).toBe(202);
    const out = (await res.json()) as Record<string, unknown>;
    expect(out).toMatchObject({
      BatchSize: 300,
      EventSourceArn: ARNS.msk,
      Topics: ['orders.created'],
      StartingPosition: 'TRIM_HORIZON',
    });
    expect(out).not.toHaveProperty('Queues');
    expect(out).not.toHaveProperty('NotAMember');
  });

  it('ignores StartingPosition in an SQS Update body (not in the Update shape)', async () => {
    const created = await client.send(new CreateEventSourceMappingCommand(request('sqs')));
    await settled(created.UUID);
    const res = await rawUpdate(created.UUID, { BatchSize: 7, StartingPosition: 'LATEST' });
    expect(res.status).toBe(202);
    const out = (await res.json()) as Record<string, unknown>;
    expect(out.BatchSize).toBe(7);
    expect(out).not.toHaveProperty('StartingPosition');
  });
});
