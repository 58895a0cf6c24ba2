import {
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, type RunningEmulator, SMALL_SEED, startEmulator } from './helpers.ts';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 10 });
});
afterAll(async () => emu.close());
beforeEach(async () => {
  await fetch(`${emu.endpoint}/_emulator/faults`, { method: 'DELETE' });
});

async function addFault(rule: Record<string, unknown>): Promise<Response> {
  return fetch(`${emu.endpoint}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
}

const THROTTLE = {
  status: 429,
  errorType: 'TooManyRequestsException',
  rate: 0.3,
  pathPattern: '/event-source-mappings',
};

/** Sends `n` ListEventSourceMappings (no SDK retries); `true` where the call was throttled. */
async function throttledPattern(n: number): Promise<boolean[]> {
  const client = emu.lambda();
  const out: boolean[] = [];
  for (let i = 0; i < n; i += 1) {
    try {
      await client.send(new ListEventSourceMappingsCommand({}));
      out.push(false);
    } catch (err) {
      expect((err as Error).name).toBe('TooManyRequestsException');
      out.push(true);
    }
  }
  return out;
}

describe('probabilistic faults (rate)', () => {
  it('fails about rate × the matching requests, until DELETE; others are untouched', async () => {
    const added = await addFault(THROTTLE);
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({
      faults: [{ ...THROTTLE, seed: 1 }],
    });
    const pattern = await throttledPattern(200);
    const failed = pattern.filter(Boolean).length;
    expect(failed).toBeGreaterThan(35);
    expect(failed).toBeLessThan(85);
    // Not matching the path: never throttled.
    for (let i = 0; i < 20; i += 1) {
      await emu.lambda().send(new ListFunctionsCommand({}));
    }
    // The rule stays until DELETE.
    expect(
      ((await (await addFault({ status: 500, count: 0 })).json()) as { faults: unknown[] }).faults,
    ).toHaveLength(2);
    await fetch(`${emu.endpoint}/_emulator/faults`, { method: 'DELETE' });
    expect((await throttledPattern(30)).some(Boolean)).toBe(false);
  });

  it('answers AWS’s TooManyRequestsException: 429, Retry-After, Type, message, Reason', async () => {
    await addFault({ ...THROTTLE, rate: 1 });
    const err = await errorOf(emu.lambda().send(new ListEventSourceMappingsCommand({})));
    expect(err.name).toBe('TooManyRequestsException');
    expect(err.$metadata?.httpStatusCode).toBe(429);
    expect(err.message).toBe('Rate exceeded');
    expect(err).toMatchObject({
      Type: 'User',
      Reason: 'CallerRateLimitExceeded',
      retryAfterSeconds: '1',
    });
  });

  it('is repeatable: the same seed gives the same pattern, another seed another', async () => {
    await addFault({ ...THROTTLE, seed: 42 });
    const first = await throttledPattern(40);
    await fetch(`${emu.endpoint}/_emulator/faults`, { method: 'DELETE' });
    await addFault({ ...THROTTLE, seed: 42 });
    expect(await throttledPattern(40)).toEqual(first);
    await fetch(`${emu.endpoint}/_emulator/faults`, { method: 'DELETE' });
    await addFault({ ...THROTTLE, seed: 7 });
    expect(await throttledPattern(40)).not.toEqual(first);
  });

  it('honours the method filter (throttle only PUT)', async () => {
    await addFault({ ...THROTTLE, rate: 1, method: 'PUT' });
    const client = emu.lambda();
    expect((await client.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings).toEqual(
      [],
    );
    const put = await errorOf(
      client.send(
        new UpdateEventSourceMappingCommand({
          UUID: '00000000-0000-4000-8000-000000000000',
          BatchSize: 5,
        }),
      ),
    );
    expect(put.name).toBe('TooManyRequestsException');
  });

  it('the SDK’s standard retries ride through a 30 % throttle', async () => {
    await addFault(THROTTLE);
    const client = emu.lambda({ maxAttempts: 5 });
    let retried = 0;
    // Each retry waits for Retry-After (1 s), so few calls keep the test short.
    for (let i = 0; i < 8; i += 1) {
      const out = await client.send(new ListEventSourceMappingsCommand({}));
      if ((out.$metadata.attempts ?? 1) > 1) retried += 1;
    }
    expect(retried).toBeGreaterThan(0);
  }, 60_000);

  it('refuses bad rules with 400', async () => {
    for (const bad of [
      { status: 429, rate: 0 },
      { status: 429, rate: 1.5 },
      { status: 429, rate: '0.3' },
      { status: 429, rate: 0.3, count: 2 },
      { status: 429, count: 2, seed: 3 },
      { status: 429, rate: 0.3, seed: -1 },
    ]) {
      const res = await addFault(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const listed = await addFault({ status: 503, count: 1 });
    expect(await listed.json()).toEqual({
      faults: [{ status: 503, errorType: 'ServiceException', remaining: 1 }],
    });
  });
});
