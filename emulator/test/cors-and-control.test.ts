import { GetEventSourceMappingCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, type RunningEmulator, SMALL_SEED, startEmulator } from './helpers.ts';

const ORIGIN = 'http://127.0.0.1:4173';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 10 });
});
afterAll(async () => emu.close());
beforeEach(() => emu.app.emulator.reset(SMALL_SEED));

function exposed(res: Response): string[] {
  return (res.headers.get('access-control-expose-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase());
}

describe('CORS (reference §7)', () => {
  it('answers the Lambda preflight with the SDK’s headers echoed, without auth', async () => {
    const requested =
      'amz-sdk-invocation-id,amz-sdk-request,authorization,x-amz-content-sha256,x-amz-date,x-amz-security-token,x-amz-user-agent';
    const res = await fetch(`${emu.endpoint}/2015-03-31/event-source-mappings?MaxItems=50`, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': requested,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('vary')).toBe('Origin');
    expect(res.headers.get('access-control-allow-headers')).toBe(requested);
    expect(res.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-max-age')).toBe('86400');
  });

  it('allows the Cognito headers when the preflight names none', async () => {
    const res = await fetch(`${emu.endpoint}/`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(200);
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const h of [
      'x-amz-target',
      'content-type',
      'amz-sdk-invocation-id',
      'x-amz-user-agent',
      'authorization',
    ]) {
      expect(allowed).toContain(h);
    }
  });

  it('exposes x-amzn-errortype and x-amzn-requestid on errors and successes', async () => {
    const error = await fetch(`${emu.endpoint}/2015-03-31/event-source-mappings`, {
      headers: { Origin: ORIGIN },
    });
    expect(error.status).toBe(403);
    expect(error.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(exposed(error)).toEqual(
      expect.arrayContaining(['x-amzn-errortype', 'x-amzn-requestid', 'date', 'retry-after']),
    );

    const ok = await fetch(`${emu.endpoint}/_emulator/health`, { headers: { Origin: ORIGIN } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(exposed(ok)).toContain('x-amzn-errortype');

    const cognito = await fetch(`${emu.endpoint}/`, {
      method: 'POST',
      headers: {
        Origin: ORIGIN,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityService.GetId',
      },
      body: JSON.stringify({ IdentityPoolId: 'us-east-1:ffffffff-0000-0000-0000-000000000000' }),
    });
    expect(cognito.status).toBe(400);
    expect(cognito.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(cognito.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await cognito.json()).toEqual({
      __type: 'ResourceNotFoundException',
      message: "IdentityPool 'us-east-1:ffffffff-0000-0000-0000-000000000000' not found.",
    });
  });
});

describe('control endpoints', () => {
  it('health and stats', async () => {
    expect(await (await fetch(`${emu.endpoint}/_emulator/health`)).json()).toEqual({
      status: 'ok',
    });
    const stats = await (await fetch(`${emu.endpoint}/_emulator/stats?region=us-east-1`)).json();
    expect(stats).toEqual({ mappings: 0, functions: 2, byState: {} });
  });

  it('reset loads a seed object and reports its counts', async () => {
    const res = await fetch(`${emu.endpoint}/_emulator/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        seed: {
          functions: [{ FunctionName: 'a-fn' }],
          mappings: [
            { FunctionName: 'a-fn', EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q1' },
            {
              FunctionName: 'a-fn',
              EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q2',
              Enabled: false,
            },
          ],
        },
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      region: 'us-east-1',
      mappings: 2,
      functions: 1,
      byState: { Enabled: 1, Disabled: 1 },
    });
    const bad = await fetch(`${emu.endpoint}/_emulator/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: { mappings: [{ FunctionName: 'x' }] } }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(
      /unrecognized event source/,
    );
  });

  it('faults answer the next matching requests with an AWS-format error, then stop', async () => {
    const add = await fetch(`${emu.endpoint}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'GET', pathPattern: 'functions', status: 500, count: 2 }),
    });
    expect(add.status).toBe(200);
    const client = emu.lambda();
    // Does not match the path: unaffected, and does not consume the fault.
    const other = await errorOf(client.send(new GetEventSourceMappingCommand({ UUID: 'x' })));
    expect(other.name).toBe('ResourceNotFoundException');
    for (let i = 0; i < 2; i += 1) {
      const err = await errorOf(client.send(new ListFunctionsCommand({})));
      expect(err.name).toBe('ServiceException');
      expect(err.$metadata?.httpStatusCode).toBe(500);
    }
    expect((await client.send(new ListFunctionsCommand({}))).Functions).toHaveLength(2);
  });

  it('a 429 fault carries Retry-After; the SDK retries it when allowed', async () => {
    await fetch(`${emu.endpoint}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429, count: 1 }),
    });
    const client = emu.lambda({ maxAttempts: 2 });
    const out = await client.send(new ListFunctionsCommand({}));
    expect(out.$metadata.attempts).toBe(2);
    await fetch(`${emu.endpoint}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429, count: 1, errorType: 'TooManyRequestsException' }),
    });
    const err = await errorOf(emu.lambda().send(new ListFunctionsCommand({})));
    expect(err.name).toBe('TooManyRequestsException');
    expect((err as unknown as { retryAfterSeconds?: string }).retryAfterSeconds).toBe('1');
  });

  it('DELETE /_emulator/faults clears them; bad fault bodies are 400', async () => {
    await fetch(`${emu.endpoint}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 503, count: 5 }),
    });
    const cleared = await fetch(`${emu.endpoint}/_emulator/faults`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ faults: [] });
    expect((await emu.lambda().send(new ListFunctionsCommand({}))).Functions).toHaveLength(2);
    const bad = await fetch(`${emu.endpoint}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 200 }),
    });
    expect(bad.status).toBe(400);
  });

  it('settings change transitionMs live', async () => {
    const res = await fetch(`${emu.endpoint}/_emulator/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transitionMs: 1234 }),
    });
    expect(await res.json()).toEqual({
      transitionMs: 1234,
      latencyMs: 0,
      credentialsTtlSeconds: 3600,
      allowGuest: true,
      queryAuth: true,
      guestAccess: 'read-only',
      idTokenTtlSeconds: 3600,
    });
    expect(emu.app.emulator.transitionMs).toBe(1234);
  });
});
