import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { ListEventSourceMappingsCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from '../src/cli-options.ts';
import { Faults } from '../src/domain/faults.ts';
import type { EmulatorOptions } from '../src/emulator-state.ts';
import { errorOf, type RunningEmulator, SMALL_SEED, startEmulator } from './helpers.ts';

const POOL = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';

const running: RunningEmulator[] = [];

async function start(options: EmulatorOptions): Promise<RunningEmulator> {
  const emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 10, ...options });
  running.push(emu);
  return emu;
}

afterEach(async () => {
  for (const emu of running.splice(0)) await emu.close();
});

async function control(
  emu: RunningEmulator,
  method: 'GET' | 'POST' | 'DELETE',
  body?: unknown,
): Promise<Response> {
  return fetch(`${emu.endpoint}/_emulator/faults`, {
    method,
    ...(body !== undefined && {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  });
}

/** `n` ListFunctions calls without retries: `true` where the call failed with `name`. */
async function failures(emu: RunningEmulator, n: number, name: string): Promise<boolean[]> {
  const client = emu.lambda();
  const out: boolean[] = [];
  for (let i = 0; i < n; i += 1) {
    try {
      await client.send(new ListFunctionsCommand({}));
      out.push(false);
    } catch (err) {
      expect((err as Error).name).toBe(name);
      out.push(true);
    }
  }
  return out;
}

/** Parses `20260101T120000Z`. */
function amzDate(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) throw new Error(`not an X-Amz-Date: ${text}`);
  return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

describe('CLI fault flags', () => {
  it('parses each flag within its range', () => {
    expect(
      parseCliOptions([
        '--latency-ms',
        '20',
        '--jitter-ms',
        '30',
        '--throttle-rate',
        '0.25',
        '--error-rate',
        '0.1',
        '--drop-rate',
        '1',
        '--clock-offset-seconds=-600',
        '--fault-seed',
        '42',
      ]),
    ).toMatchObject({
      latencyMs: 20,
      jitterMs: 30,
      throttleRate: 0.25,
      errorRate: 0.1,
      dropRate: 1,
      clockOffsetSeconds: -600,
      faultSeed: 42,
    });
    expect(parseCliOptions(['--throttle-rate', '0']).throttleRate).toBe(0);
    expect(parseCliOptions([])).not.toHaveProperty('jitterMs');
  });

  it('refuses values out of range with a message naming the flag', () => {
    for (const [args, message] of [
      [['--jitter-ms', '10001'], '--jitter-ms must be an integer between 0 and 10000'],
      [['--throttle-rate', '1.5'], '--throttle-rate must be a number between 0 and 1'],
      [['--error-rate', 'often'], '--error-rate must be a number between 0 and 1'],
      [['--drop-rate', ''], '--drop-rate must be a number between 0 and 1'],
      [
        ['--clock-offset-seconds', '86401'],
        '--clock-offset-seconds must be an integer between -86400 and 86400',
      ],
      [['--fault-seed=-1'], '--fault-seed must be an integer between 0 and 4294967295'],
    ] as const) {
      expect(() => parseCliOptions([...args]), args.join(' ')).toThrow(message);
    }
  });
});

describe('--throttle-rate', () => {
  it('answers 429 TooManyRequestsException with Retry-After and Lambda’s Type/Reason body', async () => {
    const emu = await start({ throttleRate: 1 });
    const err = await errorOf(emu.lambda().send(new ListEventSourceMappingsCommand({})));
    expect(err.name).toBe('TooManyRequestsException');
    expect(err.$metadata?.httpStatusCode).toBe(429);
    expect(err.message).toBe('Rate exceeded');
    expect(err).toMatchObject({
      Type: 'User',
      Reason: 'CallerRateLimitExceeded',
      retryAfterSeconds: '1',
    });
    expect((err.$response as { headers: Record<string, string> }).headers['retry-after']).toBe('1');
  });

  it('throttles about rate × the requests, the same ones for the same --fault-seed', async () => {
    const a = await start({ throttleRate: 0.3, faultSeed: 9 });
    const pattern = await failures(a, 120, 'TooManyRequestsException');
    const throttled = pattern.filter(Boolean).length;
    expect(throttled).toBeGreaterThan(18);
    expect(throttled).toBeLessThan(54);
    const b = await start({ throttleRate: 0.3, faultSeed: 9 });
    expect(await failures(b, 120, 'TooManyRequestsException')).toEqual(pattern);
    const c = await start({ throttleRate: 0.3, faultSeed: 10 });
    expect(await failures(c, 120, 'TooManyRequestsException')).not.toEqual(pattern);
  });

  it('is gone after DELETE /_emulator/faults and back after POST /_emulator/reset', async () => {
    const emu = await start({ throttleRate: 1 });
    expect((await control(emu, 'DELETE')).status).toBe(200);
    expect(await failures(emu, 3, 'TooManyRequestsException')).toEqual([false, false, false]);
    await fetch(`${emu.endpoint}/_emulator/reset`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(await failures(emu, 2, 'TooManyRequestsException')).toEqual([true, true]);
  });
});

describe('--error-rate', () => {
  it('answers 500 ServiceException with Type Service', async () => {
    const emu = await start({ errorRate: 1 });
    const err = await errorOf(emu.lambda().send(new ListFunctionsCommand({})));
    expect(err.name).toBe('ServiceException');
    expect(err.$metadata?.httpStatusCode).toBe(500);
    expect(err).toMatchObject({ Type: 'Service' });
  });

  it('draws independently of the throttle rate: both fire in one run', async () => {
    const emu = await start({ throttleRate: 0.2, errorRate: 0.2, faultSeed: 3 });
    const client = emu.lambda();
    const names: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      names.push(
        await client.send(new ListFunctionsCommand({})).then(
          () => 'ok',
          (err: Error) => err.name,
        ),
      );
    }
    const count = (name: string): number => names.filter((n) => n === name).length;
    expect(count('TooManyRequestsException')).toBeGreaterThan(8);
    expect(count('ServiceException')).toBeGreaterThan(5);
    expect(count('ok')).toBeGreaterThan(45);
  });
});

describe('--drop-rate', () => {
  it('destroys the connection without an answer, for Lambda and Cognito Identity', async () => {
    const emu = await start({ dropRate: 1 });
    const err = await errorOf(emu.lambda().send(new ListFunctionsCommand({})));
    expect(err.$metadata?.httpStatusCode).toBeUndefined();
    expect(`${(err as { code?: string }).code ?? ''} ${err.message}`).toMatch(
      /ECONNRESET|socket hang up/,
    );
    const cognito = new CognitoIdentityClient({
      region: 'us-east-1',
      endpoint: emu.endpoint,
      maxAttempts: 1,
    });
    try {
      const dropped = await errorOf(cognito.send(new GetIdCommand({ IdentityPoolId: POOL })));
      expect(dropped.$metadata?.httpStatusCode).toBeUndefined();
    } finally {
      cognito.destroy();
    }
  });

  it('never touches /_emulator/* or /oidc', async () => {
    const emu = await start({ dropRate: 1, throttleRate: 1, latencyMs: 10_000 });
    const started = performance.now();
    expect((await fetch(`${emu.endpoint}/_emulator/health`)).status).toBe(200);
    // Percent-encoded, the path still names a control endpoint: no fault either.
    expect((await fetch(`${emu.endpoint}/%5Femulator/health`)).status).toBe(200);
    expect((await fetch(`${emu.endpoint}/oidc/.well-known/openid-configuration`)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a live drop rule for one request: the SDK’s retry gets the answer', async () => {
    const emu = await start({});
    const added = await control(emu, 'POST', { drop: true, count: 1, pathPattern: '/functions' });
    expect(await added.json()).toEqual({
      faults: [{ drop: true, remaining: 1, pathPattern: '/functions' }],
    });
    const out = await emu.lambda({ maxAttempts: 2 }).send(new ListFunctionsCommand({}));
    expect(out.Functions).toHaveLength(2);
    expect(out.$metadata.attempts).toBe(2);
  });
});

describe('--jitter-ms', () => {
  it('adds a uniform 0..N ms on top of --latency-ms, repeatable per seed', () => {
    const delays = (seed: number): number[] => {
      const faults = new Faults({ latencyMs: 50, jitterMs: 100, seed });
      return Array.from({ length: 200 }, () => faults.nextDelayMs());
    };
    const first = delays(5);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...first)).toBeLessThanOrEqual(150);
    expect(Math.max(...first) - Math.min(...first)).toBeGreaterThan(80);
    expect(delays(5)).toEqual(first);
    expect(delays(6)).not.toEqual(first);
  });

  it('delays real answers by latency + a varying jitter', async () => {
    const emu = await start({ latencyMs: 50, jitterMs: 250, faultSeed: 4 });
    const client = emu.lambda();
    const took: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const t = performance.now();
      await client.send(new ListFunctionsCommand({}));
      took.push(performance.now() - t);
    }
    expect(Math.min(...took)).toBeGreaterThanOrEqual(45);
    // Seed 4 draws delays of 77..256 ms: a spread of 179 ms.
    expect(Math.max(...took) - Math.min(...took)).toBeGreaterThan(100);
  });
});

describe('--clock-offset-seconds', () => {
  it('a request signed on the host clock is 10 min behind: AWS’s “Signature expired” (403)', async () => {
    const emu = await start({ clockOffsetSeconds: 600 });
    const before = Date.now();
    const err = await errorOf(emu.lambda().send(new ListFunctionsCommand({})));
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    const m =
      /^Signature expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) - 5 min\.\)$/.exec(
        err.message,
      );
    expect(m, err.message).not.toBeNull();
    const [, signed = '', limit = '', now = ''] = m ?? [];
    expect(Math.abs(amzDate(signed) - before)).toBeLessThan(5_000);
    expect(Math.abs(amzDate(now) - (before + 600_000))).toBeLessThan(5_000);
    expect(amzDate(now) - amzDate(limit)).toBe(300_000);
    // The answer's Date header shows the emulator's clock.
    const date = (err.$response as { headers: Record<string, string> }).headers.date ?? '';
    expect(Math.abs(Date.parse(date) - (before + 600_000))).toBeLessThan(5_000);
  });

  it('behind the host: “Signature not yet current”', async () => {
    const emu = await start({ clockOffsetSeconds: -600 });
    const err = await errorOf(emu.lambda().send(new ListFunctionsCommand({})));
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toMatch(
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/,
    );
  });

  it('within 5 minutes is accepted; the SDK corrects its clock from Date and retries', async () => {
    const near = await start({ clockOffsetSeconds: 240 });
    expect((await near.lambda().send(new ListFunctionsCommand({}))).Functions).toHaveLength(2);
    const far = await start({ clockOffsetSeconds: 3600 });
    const out = await far.lambda({ maxAttempts: 2 }).send(new ListFunctionsCommand({}));
    expect(out.$metadata.attempts).toBe(2);
  });
});

describe('POST/GET/DELETE /_emulator/faults (live fault settings)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 10 });
  });
  afterAll(async () => emu.close());

  it('sets rates, latency, jitter and clock offset live; DELETE clears all of them', async () => {
    const set = await control(emu, 'POST', {
      throttleRate: 1,
      latencyMs: 5,
      jitterMs: 10,
      clockOffsetSeconds: 30,
      seed: 8,
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({
      faults: [
        {
          status: 429,
          errorType: 'TooManyRequestsException',
          rate: 1,
          seed: expect.any(Number) as number,
        },
      ],
      latencyMs: 5,
      jitterMs: 10,
      clockOffsetSeconds: 30,
    });
    expect(await failures(emu, 2, 'TooManyRequestsException')).toEqual([true, true]);
    await control(emu, 'POST', { clockOffsetSeconds: 900 });
    const err = await errorOf(emu.lambda().send(new ListEventSourceMappingsCommand({})));
    expect(err.name).toBe('InvalidSignatureException');

    expect(await (await control(emu, 'DELETE')).json()).toEqual({ faults: [] });
    expect(await (await control(emu, 'GET')).json()).toEqual({
      faults: [],
      latencyMs: 0,
      jitterMs: 0,
      clockOffsetSeconds: 0,
    });
    expect(await failures(emu, 2, 'TooManyRequestsException')).toEqual([false, false]);
    expect(emu.app.emulator.latencyMs).toBe(0);
  });

  it('refuses bad settings with 400 and a message naming the member', async () => {
    for (const [bad, message] of [
      [{ throttleRate: 2 }, 'throttleRate must be a number between 0 and 1'],
      [{ dropRate: '0.5' }, 'dropRate must be a number between 0 and 1'],
      [{ jitterMs: 10_001 }, 'jitterMs must be an integer between 0 and 10000'],
      [{ clockOffsetSeconds: 1.5 }, 'clockOffsetSeconds must be an integer'],
      [{ errorRate: 0.1, rate: 0.2 }, 'Unknown fault setting rate'],
      [{ drop: false }, 'drop must be true, without status'],
      [{ drop: true, status: 500 }, 'drop must be true, without status'],
    ] as const) {
      const res = await control(emu, 'POST', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain(message);
    }
    expect(await (await control(emu, 'GET')).json()).toMatchObject({ faults: [] });
  });
});
