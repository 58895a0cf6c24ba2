import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from '../src/cli-options.ts';
import { type RunningEmulator, SMALL_SEED, startEmulator } from './helpers.ts';

const POOL = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';
const LATENCY = 600;

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 10, latencyMs: LATENCY });
});
afterAll(async () => emu.close());

/** Milliseconds `fn` takes. */
async function elapsed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

describe('latencyMs (simulated round trip)', () => {
  it('delays every Lambda response, errors included', async () => {
    const client = emu.lambda();
    expect(await elapsed(() => client.send(new ListFunctionsCommand({})))).toBeGreaterThanOrEqual(
      LATENCY - 5,
    );
    const unsigned = await elapsed(() => fetch(`${emu.endpoint}/2015-03-31/functions`));
    expect(unsigned).toBeGreaterThanOrEqual(LATENCY - 5);
  });

  it('delays Cognito Identity calls and CORS preflights', async () => {
    const cognito = new CognitoIdentityClient({
      region: 'us-east-1',
      endpoint: emu.endpoint,
      maxAttempts: 1,
    });
    try {
      expect(
        await elapsed(() => cognito.send(new GetIdCommand({ IdentityPoolId: POOL }))),
      ).toBeGreaterThanOrEqual(LATENCY - 5);
    } finally {
      cognito.destroy();
    }
    const preflight = await elapsed(() =>
      fetch(`${emu.endpoint}/2015-03-31/event-source-mappings`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'GET' },
      }),
    );
    expect(preflight).toBeGreaterThanOrEqual(LATENCY - 5);
  });

  it('never delays /_emulator/* or the user pool’s discovery document', async () => {
    // Loading oidc-provider and creating the key pair happen once, at the first /oidc request
    // (about a second on this machine); that is not the latency being measured.
    await emu.app.emulator.userPool.provider();
    expect(await elapsed(() => fetch(`${emu.endpoint}/_emulator/health`))).toBeLessThan(LATENCY);
    expect(
      await elapsed(() => fetch(`${emu.endpoint}/oidc/.well-known/openid-configuration`)),
    ).toBeLessThan(LATENCY);
  });

  it('is a live setting (POST /_emulator/settings), 0..10000', async () => {
    const set = async (latencyMs: unknown): Promise<Response> =>
      fetch(`${emu.endpoint}/_emulator/settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs }),
      });
    try {
      const off = await set(0);
      expect(off.status).toBe(200);
      expect(await off.json()).toMatchObject({ latencyMs: 0 });
      expect(await elapsed(() => emu.lambda().send(new ListFunctionsCommand({})))).toBeLessThan(
        LATENCY,
      );
      for (const bad of [10_001, -1, 1.5, '100']) {
        const res = await set(bad);
        expect(res.status, String(bad)).toBe(400);
      }
      expect(emu.app.emulator.latencyMs).toBe(0);
    } finally {
      await set(LATENCY);
    }
  });

  it('--latency-ms N on the command line (0..10000)', () => {
    expect(parseCliOptions(['--latency-ms', '150']).latencyMs).toBe(150);
    expect(parseCliOptions([]).latencyMs).toBeUndefined();
    expect(() => parseCliOptions(['--latency-ms', '10001'])).toThrow(
      '--latency-ms must be an integer between 0 and 10000',
    );
  });
});
