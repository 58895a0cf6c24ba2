import { request as httpRequest } from 'node:http';
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeLambdaRequest } from '../src/authorize.ts';
import { LambdaError } from '../src/errors.ts';
import {
  errorOf,
  fnArn,
  type RunningEmulator,
  sleep,
  SMALL_SEED,
  startEmulator,
  guestCredentials as issueGuest,
} from './helpers.ts';
import { type RawResponse, sendRaw, signRaw } from './raw-http.ts';

const GUEST_ARN =
  'arn:aws:sts::123456789012:assumed-role/EsmConsoleGuestRole/CognitoIdentityCredentials';
const queue = (i: number): string => `arn:aws:sqs:us-east-1:123456789012:fail-closed-${i}`;

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

let emu: RunningEmulator;
let port: number;
let cognito: CognitoIdentityClient;
let guest: Credentials;
let uuids: string[];

/** Every mapping of us-east-1 as the static caller sees it (the data the bypasses aimed at). */
async function snapshot(): Promise<unknown> {
  const out = await emu.lambda().send(new ListEventSourceMappingsCommand({ MaxItems: 100 }));
  return (out.EventSourceMappings ?? []).map(({ UUID, State, BatchSize, EventSourceArn }) => ({
    UUID,
    State,
    BatchSize,
    EventSourceArn,
  }));
}

/** Guest credentials from the identity pool (its unauthenticated role). */
const guestCredentials = (): Promise<Credentials> => issueGuest(cognito);

/**
 * Sends a request with `node:http` (fetch cannot send a fragment or an absolute-form target),
 * signed over exactly the target it sends, as a caller trying the bypass would sign it.
 */
async function signedRaw(opts: {
  method: string;
  target: string;
  body?: string;
  credentials: Credentials;
}): Promise<RawResponse> {
  const request = await signRaw(
    port,
    {
      method: opts.method,
      target: opts.target,
      ...(opts.body !== undefined && {
        body: opts.body,
        headers: { 'content-type': 'application/json' },
      }),
    },
    opts.credentials,
  );
  return sendRaw(port, request);
}

/** A refusal in Lambda's restJson1 error format: status, `x-amzn-ErrorType`, `{Type, message}`. */
function expectLambdaError(res: RawResponse, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['x-amzn-errortype']).toBe(code);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body.Type).toBe('User');
  expect(typeof (body.message ?? body.Message)).toBe('string');
}

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 10 });
  port = Number(new URL(emu.endpoint).port);
  cognito = new CognitoIdentityClient({
    region: 'us-east-1',
    endpoint: emu.endpoint,
    maxAttempts: 1,
  });
  guest = await guestCredentials();
  const admin = emu.lambda();
  uuids = [];
  for (let i = 0; i < 10; i++) {
    const created = await admin.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: queue(i),
        BatchSize: 10,
      }),
    );
    uuids.push(created.UUID ?? '');
  }
  await sleep(100); // Creating → Enabled
});

afterAll(async () => {
  cognito.destroy();
  await emu.close();
});

describe('a read-only guest cannot write, whatever the request target', () => {
  it('the SDK’s own Create, Update and Delete are AccessDeniedException naming action and resource', async () => {
    const before = await snapshot();
    const lambda = emu.lambda({ credentials: guest });
    const create = await errorOf(
      lambda.send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'orders-ingest-prod',
          EventSourceArn: queue(99),
        }),
      ),
    );
    expect(create.name).toBe('AccessDeniedException');
    expect(create.$metadata?.httpStatusCode).toBe(403);
    expect(create.message).toBe(
      `User: ${GUEST_ARN} is not authorized to perform: lambda:CreateEventSourceMapping on resource: * because no identity-based policy allows the lambda:CreateEventSourceMapping action`,
    );
    const update = await errorOf(
      lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuids[0], BatchSize: 5 })),
    );
    expect(update.name).toBe('AccessDeniedException');
    expect(update.message).toContain(
      `lambda:UpdateEventSourceMapping on resource: arn:aws:lambda:us-east-1:123456789012:event-source-mapping:${uuids[0]}`,
    );
    const remove = await errorOf(
      lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuids[1] })),
    );
    expect(remove.name).toBe('AccessDeniedException');
    expect(await snapshot()).toEqual(before);
  });

  it('5 creates and 10 updates with a fragment in the target are refused and change nothing', async () => {
    const before = await snapshot();
    const answers: RawResponse[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(
        await signedRaw({
          method: 'POST',
          target: '/2015-03-31/event-source-mappings#/x',
          body: JSON.stringify({
            FunctionName: 'orders-ingest-prod',
            EventSourceArn: queue(50 + i),
          }),
          credentials: guest,
        }),
      );
    }
    for (const uuid of uuids) {
      answers.push(
        await signedRaw({
          method: 'PUT',
          target: `/2015-03-31/event-source-mappings/${uuid}#/x`,
          body: JSON.stringify({ BatchSize: 7 }),
          credentials: guest,
        }),
      );
    }
    expect(answers).toHaveLength(15);
    for (const res of answers) expectLambdaError(res, 404, 'UnknownOperationException');
    expect(JSON.parse(answers[5]?.body ?? '{}')).toEqual({
      Type: 'User',
      message: `Unknown operation: PUT /2015-03-31/event-source-mappings/${uuids[0]}#/x (the request target has a fragment)`,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('5 creates and 10 deletes with an absolute-form target are refused and change nothing', async () => {
    const before = await snapshot();
    const answers: RawResponse[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(
        await signedRaw({
          method: 'POST',
          target: `http://127.0.0.1:${port}/2015-03-31/event-source-mappings`,
          body: JSON.stringify({
            FunctionName: 'orders-ingest-prod',
            EventSourceArn: queue(60 + i),
          }),
          credentials: guest,
        }),
      );
    }
    for (const uuid of uuids) {
      answers.push(
        await signedRaw({
          method: 'DELETE',
          target: `http://127.0.0.1:${port}/2015-03-31/event-source-mappings/${uuid}`,
          credentials: guest,
        }),
      );
    }
    expect(answers).toHaveLength(15);
    for (const res of answers) expectLambdaError(res, 404, 'UnknownOperationException');
    expect(JSON.parse(answers[5]?.body ?? '{}')).toMatchObject({
      message: expect.stringContaining('(the request target is not an absolute path)'),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('the same writes in origin form reach the role check and are AccessDeniedException', async () => {
    const before = await snapshot();
    const create = await signedRaw({
      method: 'POST',
      target: '/2015-03-31/event-source-mappings',
      body: JSON.stringify({ FunctionName: 'orders-ingest-prod', EventSourceArn: queue(70) }),
      credentials: guest,
    });
    expectLambdaError(create, 403, 'AccessDeniedException');
    const remove = await signedRaw({
      method: 'DELETE',
      target: `/2015-03-31/event-source-mappings/${uuids[2]}/`,
      credentials: guest,
    });
    expectLambdaError(remove, 403, 'AccessDeniedException');
    expect(await snapshot()).toEqual(before);
  });
});

describe('GetFunction, which no role of the console may call', () => {
  it('is AccessDeniedException for the guest role and for the signed-in role’s actions', async () => {
    const lambda = emu.lambda({ credentials: guest });
    const asGuest = await errorOf(
      lambda.send(new GetFunctionCommand({ FunctionName: 'orders-ingest-prod' })),
    );
    expect(asGuest.name).toBe('AccessDeniedException');
    expect(asGuest.message).toBe(
      `User: ${GUEST_ARN} is not authorized to perform: lambda:GetFunction on resource: ${fnArn('orders-ingest-prod')} because no identity-based policy allows the lambda:GetFunction action`,
    );
    // GetFunctionConfiguration is granted, so the role check is what refused GetFunction.
    const config = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'orders-ingest-prod' }),
    );
    expect(config.FunctionName).toBe('orders-ingest-prod');

    // read-write guests hold exactly the signed-in role's actions.
    emu.app.emulator.guestAccess = 'read-write';
    try {
      const asUser = await errorOf(
        lambda.send(new GetFunctionCommand({ FunctionName: fnArn('orders-ingest-prod') })),
      );
      expect(asUser.name).toBe('AccessDeniedException');
      expect(asUser.message).toContain('lambda:GetFunction on resource');
    } finally {
      emu.app.emulator.guestAccess = 'read-only';
    }
  });
});

describe('a request whose action cannot be named', () => {
  it('is refused with AccessDeniedException, even for the static key pair', () => {
    const unnamed = {
      caller: { accessKeyId: 'test', region: 'us-east-1' },
      routeOptions: { config: {} },
      params: {},
      query: {},
    } as unknown as FastifyRequest;
    let error: unknown;
    try {
      authorizeLambdaRequest(unnamed, {
        accountId: '123456789012',
        guestAccess: 'read-write',
        issued: () => undefined,
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LambdaError);
    expect((error as LambdaError).code).toBe('AccessDeniedException');
    expect((error as LambdaError).status).toBe(403);
  });
});

describe('control endpoints answer local tools and the console origins only', () => {
  const settings = async (init: RequestInit): Promise<Response> =>
    fetch(`${emu.endpoint}/_emulator/settings`, init);

  it('refuses the issue’s cross-origin text/plain POST: 403, no CORS, guests stay read-only', async () => {
    const res = await settings({
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ guestAccess: 'read-write' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await res.json()) as { message: string }).message).toContain(
      'Origin http://evil.example may not use /_emulator/*',
    );
    expect(emu.app.emulator.guestAccess).toBe('read-only');
    const write = await errorOf(
      emu
        .lambda({ credentials: guest })
        .send(new DeleteEventSourceMappingCommand({ UUID: uuids[3] })),
    );
    expect(write.name).toBe('AccessDeniedException');
  });

  it('refuses a foreign Origin with JSON too, and its preflight; reads from it as well', async () => {
    const json = await settings({
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ transitionMs: 0 }),
    });
    expect(json.status).toBe(403);
    const preflight = await settings({
      method: 'OPTIONS',
      headers: {
        Origin: 'http://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${emu.endpoint}/_emulator/stats`, {
      headers: { Origin: 'null' },
    });
    expect(read.status).toBe(403);
    const encoded = await fetch(`${emu.endpoint}/%5Femulator/settings`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ transitionMs: 0 }),
    });
    expect(encoded.status).toBeGreaterThanOrEqual(400);
    expect(emu.app.emulator.transitionMs).toBe(10);
  });

  it('needs Content-Type: application/json on writes with a body (415 otherwise)', async () => {
    const plain = await settings({
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ transitionMs: 0 }),
    });
    expect(plain.status).toBe(415);
    expect(plain.headers.get('x-amzn-errortype')).toBe('UnsupportedMediaTypeException');
    const none = await fetch(`${emu.endpoint}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': '' },
      body: JSON.stringify({ status: 500 }),
    });
    expect(none.status).toBe(415);
    expect(emu.app.emulator.transitionMs).toBe(10);
    const ok = await settings({
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ transitionMs: 10 }),
    });
    expect(ok.status).toBe(200);
    // A DELETE without a body needs no Content-Type.
    expect((await fetch(`${emu.endpoint}/_emulator/faults`, { method: 'DELETE' })).status).toBe(
      200,
    );
  });

  it('refuses bodies over 6 MB with 413, whether Content-Length says so or a chunked body shows it', async () => {
    const limit = 6 * 1024 * 1024;
    const declared = await sendRaw(port, {
      method: 'POST',
      target: '/_emulator/reset',
      headers: { 'content-type': 'application/json' },
      body: `{"seed":"${'x'.repeat(limit)}"}`,
    });
    expect(declared.status).toBe(413);
    expect(declared.headers['x-amzn-errortype']).toBe('RequestTooLargeException');
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/_emulator/reset',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
          agent: false,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 7; i++) req.write('x'.repeat(1024 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
    expect(emu.app.emulator.store.peek('us-east-1')?.mappings.size).toBe(10);
  });

  it('answers a console origin, with CORS for it; Lambda and Cognito answer any origin', async () => {
    const consoleOrigin = 'http://127.0.0.1:5173';
    const preflight = await settings({
      method: 'OPTIONS',
      headers: { Origin: consoleOrigin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    const res = await settings({
      method: 'POST',
      headers: { Origin: consoleOrigin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ transitionMs: 10 }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    const lambda = await fetch(`${emu.endpoint}/2015-03-31/functions`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(lambda.status).toBe(200);
    expect(lambda.headers.get('access-control-allow-origin')).toBe('http://evil.example');
  });

  it('takes the console origins from --oidc-redirect-uri and --oidc-post-logout-redirect-uri', async () => {
    const other = await startEmulator({
      seed: SMALL_SEED,
      oidcRedirectUris: ['http://localhost:6123/auth/callback'],
      oidcPostLogoutRedirectUris: ['http://127.0.0.1:6124/'],
    });
    try {
      const status = async (origin: string): Promise<number> =>
        (await fetch(`${other.endpoint}/_emulator/health`, { headers: { Origin: origin } })).status;
      expect(await status('http://localhost:6123')).toBe(200);
      expect(await status('http://127.0.0.1:6124')).toBe(200);
      expect(await status('http://127.0.0.1:5173')).toBe(403);
      expect((await fetch(`${other.endpoint}/_emulator/health`)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
