import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  errorOf,
  fnArn,
  type RunningEmulator,
  sleep,
  SMALL_SEED,
  startEmulator,
} from './helpers.ts';

const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:orders-events-prod';
const STREAM = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-events-prod';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 20 });
});
afterAll(async () => emu.close());
beforeEach(() => emu.app.emulator.reset());

/** Waits until transitions (20 ms each) have settled. */
const settle = (): Promise<void> => sleep(80);

describe('CreateEventSourceMapping', () => {
  it('creates an SQS mapping with AWS’s SQS members only, 202, and a request id', async () => {
    const client = emu.lambda();
    const out = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: QUEUE,
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(202);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.UUID).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(out).toMatchObject({
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      EventSourceArn: QUEUE,
      FunctionArn: fnArn('orders-ingest-prod'),
      FunctionResponseTypes: [],
      State: 'Creating',
      StateTransitionReason: 'USER_INITIATED',
      EventSourceMappingArn: `arn:aws:lambda:us-east-1:123456789012:event-source-mapping:${out.UUID}`,
    });
    expect(out.LastModified).toBeInstanceOf(Date);
    expect(Math.abs((out.LastModified?.getTime() ?? 0) - Date.now())).toBeLessThan(5000);
    // SQS never reports these (reference §1.3).
    for (const absent of [
      'LastProcessingResult',
      'StartingPosition',
      'DestinationConfig',
      'ParallelizationFactor',
    ]) {
      expect(out).not.toHaveProperty(absent);
    }
  });

  it('fills stream defaults and keeps the qualifier of FunctionName', async () => {
    const out = await emu.lambda().send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod:live',
        EventSourceArn: STREAM,
        StartingPosition: 'LATEST',
      }),
    );
    expect(out).toMatchObject({
      FunctionArn: `${fnArn('orders-ingest-prod')}:live`,
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      ParallelizationFactor: 1,
      StartingPosition: 'LATEST',
      DestinationConfig: { OnFailure: {} },
      LastProcessingResult: 'No records processed',
      MaximumRecordAgeInSeconds: -1,
      BisectBatchOnFunctionError: false,
      MaximumRetryAttempts: -1,
      TumblingWindowInSeconds: 0,
      FunctionResponseTypes: [],
      StateTransitionReason: 'User action',
      State: 'Creating',
    });
  });

  it('accepts full ARNs, partial ARNs, versions and $LATEST', async () => {
    const client = emu.lambda();
    const cases: Array<[string, string]> = [
      [fnArn('payments-consumer-prod'), fnArn('payments-consumer-prod')],
      ['123456789012:function:orders-ingest-prod:2', `${fnArn('orders-ingest-prod')}:2`],
      ['orders-ingest-prod:$LATEST', `${fnArn('orders-ingest-prod')}:$LATEST`],
    ];
    for (const [i, [name, expected]] of cases.entries()) {
      const out = await client.send(
        new CreateEventSourceMappingCommand({
          FunctionName: name,
          EventSourceArn: `${QUEUE}-${i}`,
        }),
      );
      expect(out.FunctionArn).toBe(expected);
    }
  });

  it('creates self-managed Kafka with the consumer group defaulting to the UUID', async () => {
    const out = await emu.lambda().send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'payments-consumer-prod',
        Topics: ['payments.settled'],
        SelfManagedEventSource: {
          Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.kafka.example.net:9094'] },
        },
        SourceAccessConfigurations: [
          {
            Type: 'BASIC_AUTH',
            URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-AbCdEf',
          },
        ],
      }),
    );
    expect(out).toMatchObject({
      BatchSize: 100,
      StartingPosition: 'TRIM_HORIZON',
      LastProcessingResult: 'No records processed',
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: out.UUID },
      Topics: ['payments.settled'],
      StateTransitionReason: 'USER_INITIATED',
    });
    expect(out).not.toHaveProperty('EventSourceArn');
    expect(out).not.toHaveProperty('MaximumBatchingWindowInSeconds');
  });

  it('refuses a function that does not exist with 400 InvalidParameterValueException', async () => {
    const err = await errorOf(
      emu
        .lambda()
        .send(new CreateEventSourceMappingCommand({ FunctionName: 'nope', EventSourceArn: QUEUE })),
    );
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.message).toBe('Function does not exist');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('refuses an unknown alias of an existing function', async () => {
    const err = await errorOf(
      emu.lambda().send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'orders-ingest-prod:blue',
          EventSourceArn: QUEUE,
        }),
      ),
    );
    expect(err.message).toBe('Function does not exist');
  });

  it('reports a missing source even for a missing function (AWS order)', async () => {
    const err = await errorOf(
      emu.lambda().send(new CreateEventSourceMappingCommand({ FunctionName: 'nope' })),
    );
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.message).toBe('Unrecognized event source.');
  });

  it('answers a bad enum with ValidationException naming the camelCase member', async () => {
    const err = await errorOf(
      emu.lambda().send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'orders-ingest-prod',
          EventSourceArn: STREAM,
          StartingPosition: 'invalid' as 'LATEST',
        }),
      ),
    );
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      "1 validation error detected: Value 'invalid' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]",
    );
  });

  it('lists every out-of-range number in one ValidationException', async () => {
    const err = await errorOf(
      emu.lambda().send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'orders-ingest-prod',
          EventSourceArn: STREAM,
          StartingPosition: 'LATEST',
          BatchSize: 0,
          ParallelizationFactor: 11,
        }),
      ),
    );
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      "2 validation errors detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1; Value '11' at 'parallelizationFactor' failed to satisfy constraint: Member must have value less than or equal to 10",
    );
  });

  it('requires StartingPosition for streams with AWS’s text', async () => {
    const err = await errorOf(
      emu.lambda().send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'orders-ingest-prod',
          EventSourceArn: STREAM,
        }),
      ),
    );
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.message).toBe(
      "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    );
  });

  it('rejects a duplicate SQS mapping with 409 naming the existing UUID', async () => {
    const client = emu.lambda();
    const first = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: QUEUE,
      }),
    );
    const err = await errorOf(
      client.send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'orders-ingest-prod',
          EventSourceArn: QUEUE,
        }),
      ),
    );
    expect(err.name).toBe('ResourceConflictException');
    expect(err.$metadata?.httpStatusCode).toBe(409);
    expect(err.message).toBe(
      `An event source mapping with SQS arn (" ${QUEUE} ") and function (" orders-ingest-prod ") already exists. Please update or delete the existing mapping with UUID ${first.UUID}`,
    );
  });
});

describe('Get, Update, Delete', () => {
  it('gets what was created; unknown UUID is 404 ResourceNotFoundException', async () => {
    const client = emu.lambda();
    const created = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: QUEUE,
      }),
    );
    const got = await client.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
    expect(got.$metadata.httpStatusCode).toBe(200);
    expect(got.UUID).toBe(created.UUID);
    expect(got.EventSourceArn).toBe(QUEUE);

    const err = await errorOf(
      client.send(
        new GetEventSourceMappingCommand({ UUID: '00000000-0000-4000-8000-000000000000' }),
      ),
    );
    expect(err.name).toBe('ResourceNotFoundException');
    expect(err.message).toBe('The resource you requested does not exist.');
    expect(err.$metadata?.httpStatusCode).toBe(404);
  });

  it('updates with PATCH semantics and answers 202 with the new values', async () => {
    const client = emu.lambda();
    const created = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: QUEUE,
        FilterCriteria: { Filters: [{ Pattern: '{"body":{"a":["b"]}}' }] },
      }),
    );
    await settle();
    const updated = await client.send(
      new UpdateEventSourceMappingCommand({
        UUID: created.UUID,
        BatchSize: 50,
        MaximumBatchingWindowInSeconds: 5,
        FunctionName: 'orders-ingest-prod:canary',
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(202);
    expect(updated).toMatchObject({
      BatchSize: 50,
      MaximumBatchingWindowInSeconds: 5,
      FunctionArn: `${fnArn('orders-ingest-prod')}:canary`,
      FilterCriteria: { Filters: [{ Pattern: '{"body":{"a":["b"]}}' }] },
      State: 'Updating',
    });
    await settle();
    const cleared = await client.send(
      new UpdateEventSourceMappingCommand({ UUID: created.UUID, FilterCriteria: {} }),
    );
    expect(cleared).not.toHaveProperty('FilterCriteria');
    expect(cleared.BatchSize).toBe(50);
  });

  it('refuses an SQS batch over 10 without a batching window (AWS text)', async () => {
    const client = emu.lambda();
    const created = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: QUEUE,
      }),
    );
    await settle();
    const err = await errorOf(
      client.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, BatchSize: 100 })),
    );
    expect(err.message).toBe(
      'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    );
  });

  it('deletes with 202 and the full mapping in Deleting; the function is untouched', async () => {
    const client = emu.lambda();
    const created = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: QUEUE,
      }),
    );
    await settle();
    const deleted = await client.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(deleted).toMatchObject({
      UUID: created.UUID,
      State: 'Deleting',
      EventSourceArn: QUEUE,
      BatchSize: 10,
    });
    expect(emu.app.emulator.store.region('us-east-1').functions.has('orders-ingest-prod')).toBe(
      true,
    );
  });

  it('update/delete of an unknown UUID is 404', async () => {
    const client = emu.lambda();
    const uuid = '11111111-1111-4111-8111-111111111111';
    expect(
      (
        await errorOf(
          client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 5 })),
        )
      ).name,
    ).toBe('ResourceNotFoundException');
    expect(
      (await errorOf(client.send(new DeleteEventSourceMappingCommand({ UUID: uuid })))).name,
    ).toBe('ResourceNotFoundException');
  });
});

describe('wire format', () => {
  async function signedFetch(
    path: string,
    init: { method: string; body?: string },
  ): Promise<Response> {
    // Sign with the SDK's signer through a real client request is not possible for arbitrary
    // bytes, so sign here with @smithy/signature-v4 like any client would.
    const { SignatureV4 } = await import('@smithy/signature-v4');
    const { Sha256 } = await import('@aws-crypto/sha256-js');
    const { HttpRequest } = await import('@smithy/protocol-http');
    const url = new URL(path, emu.endpoint);
    const request = new HttpRequest({
      method: init.method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: {
        host: url.host,
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(init.body !== undefined && { body: init.body }),
    });
    const signer = new SignatureV4({
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      region: 'us-east-1',
      service: 'lambda',
      sha256: Sha256,
    });
    const signed = await signer.sign(request);
    return fetch(url, {
      method: init.method,
      headers: signed.headers,
      ...(init.body !== undefined && { body: init.body }),
    });
  }

  it('serves collection paths with and without the trailing slash', async () => {
    for (const path of [
      '/2015-03-31/event-source-mappings',
      '/2015-03-31/event-source-mappings/',
    ]) {
      const res = await signedFetch(path, { method: 'GET' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await res.json()).toEqual({ EventSourceMappings: [] });
    }
  });

  it('sends epoch-second timestamps and omits unset members (never null)', async () => {
    const res = await signedFetch('/2015-03-31/event-source-mappings/', {
      method: 'POST',
      body: JSON.stringify({ FunctionName: 'orders-ingest-prod', EventSourceArn: QUEUE }),
    });
    expect(res.status).toBe(202);
    const text = await res.text();
    expect(text).not.toContain('null');
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(typeof body.LastModified).toBe('number');
    expect(body.LastModified as number).toBeGreaterThan(1.7e9);
    expect(body.LastModified as number).toBeLessThan(1e11);
  });

  it('answers malformed JSON with InvalidRequestContentException, not a crash', async () => {
    const res = await signedFetch('/2015-03-31/event-source-mappings', {
      method: 'POST',
      body: '{"FunctionName": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidRequestContentException');
    const body = (await res.json()) as Record<string, string>;
    expect(body.Type).toBe('User');
    expect(body.message).toMatch(/^Could not parse request body into json/);
  });

  it('answers unknown routes with an AWS-like 404, never a stack trace', async () => {
    const res = await signedFetch('/2015-03-31/nothing-here', { method: 'GET' });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(text)).toEqual({
      Type: 'User',
      message: 'Unknown operation: GET /2015-03-31/nothing-here',
    });
  });

  it('uses Message (capital M) for ResourceNotFoundException bodies', async () => {
    const res = await signedFetch('/2015-03-31/event-source-mappings/does-not-exist', {
      method: 'GET',
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await res.json()).toEqual({
      Type: 'User',
      Message: 'The resource you requested does not exist.',
    });
  });

  it('ListEventSourceMappings through the SDK returns the created mapping', async () => {
    const client = emu.lambda();
    const created = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: QUEUE,
      }),
    );
    const out = await client.send(new ListEventSourceMappingsCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.EventSourceMappings?.map((m) => m.UUID)).toEqual([created.UUID]);
    expect(out.NextMarker).toBeUndefined();
  });
});
