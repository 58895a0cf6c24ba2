import {
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  GetFunctionConfigurationCommand,
  ListEventSourceMappingsCommand,
  paginateListEventSourceMappings,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from '../src/cli-options.ts';
import { prepareCreate, sourceOf } from '../src/domain/mapping-rules.ts';
import type { EventSourceMappingConfiguration } from '../src/domain/model.ts';
import {
  applySeed,
  generateScaleSeed,
  generateSecondRegionSeed,
  resolveSeeds,
  type SeedData,
} from '../src/seed.ts';
import { Store } from '../src/store.ts';
import { errorOf, type RunningEmulator, sleep, startEmulator } from './helpers.ts';

const N = 10_000;
/** The seed's reference instant, 2026-11-01T00:00:00Z (epoch seconds). */
const REFERENCE = Date.UTC(2026, 10, 1) / 1000;

const store = new Store('123456789012');
for (const data of resolveSeeds(`default:${N}`, '123456789012')) applySeed(store, data);
const east = store.region('us-east-1');
/** The mappings as the emulator serves them (per-source defaults applied). */
const mappings: EventSourceMappingConfiguration[] = [...east.mappings.values()].map(
  (r) => r.config,
);

type Health =
  | 'healthy'
  | 'disabled-by-user'
  | 'disabled-by-lambda'
  | 'problem'
  | 'stuck'
  | 'orphan-function'
  | 'orphan-qualifier';

/** The class a fleet view gives a mapping, from what Get/List return and what functions exist. */
function healthOf(m: EventSourceMappingConfiguration): Health {
  const [, , , , , , name = '', qualifier] = (m.FunctionArn ?? '').split(':');
  const fn = east.functions.get(name);
  if (!fn) return 'orphan-function';
  if (
    qualifier !== undefined &&
    qualifier !== '$LATEST' &&
    !fn.versions.has(qualifier) &&
    !fn.aliases.has(qualifier)
  ) {
    return 'orphan-qualifier';
  }
  if (m.State !== 'Enabled' && m.State !== 'Disabled') return 'stuck';
  if (m.State === 'Disabled') {
    return m.StateTransitionReason === 'User action' || m.StateTransitionReason === 'USER_INITIATED'
      ? 'disabled-by-user'
      : 'disabled-by-lambda';
  }
  return m.LastProcessingResult?.startsWith('PROBLEM: ') ? 'problem' : 'healthy';
}

const byHealth = new Map<Health, EventSourceMappingConfiguration[]>();
for (const m of mappings) byHealth.set(healthOf(m), [...(byHealth.get(healthOf(m)) ?? []), m]);
const count = (h: Health): number => byHealth.get(h)?.length ?? 0;

describe('scale seed default:N (generation)', () => {
  it('has exactly N mappings over about N/7 functions; eu-west-1 is the default seed’s', () => {
    expect(mappings).toHaveLength(N);
    expect(new Set(mappings.map((m) => m.UUID)).size).toBe(N);
    expect(east.functions.size).toBeGreaterThan(N / 8);
    expect(east.functions.size).toBeLessThan(N / 6);
    const west = new Store('123456789012');
    applySeed(west, generateSecondRegionSeed());
    expect([...store.region('eu-west-1').mappings.values()].map((r) => r.config.UUID)).toEqual(
      [...west.region('eu-west-1').mappings.values()].map((r) => r.config.UUID),
    );
  });

  it('is deterministic (the same N gives the same data) and scales functions with N', () => {
    const again = JSON.stringify(generateScaleSeed(N));
    expect(again).toBe(JSON.stringify(generateScaleSeed(N)));
    expect(mappings[0]?.UUID).toBe(generateScaleSeed(N).mappings?.[0]?.UUID);
    const small = generateScaleSeed(300);
    expect(small.mappings).toHaveLength(300);
    expect(small.functions?.length).toBeLessThan(50);
    expect(generateScaleSeed(3000).functions?.length).toBeGreaterThan(400);
  });

  it('has every health class in fleet-like proportions', () => {
    expect(count('healthy') / N).toBeGreaterThan(0.7);
    expect(count('disabled-by-user') / N).toBeGreaterThan(0.08);
    expect(count('disabled-by-user') / N).toBeLessThan(0.16);
    expect(count('problem') / N).toBeGreaterThan(0.02);
    expect(count('problem') / N).toBeLessThan(0.08);
    expect(count('disabled-by-lambda') / N).toBeGreaterThan(0.01);
    expect(count('disabled-by-lambda') / N).toBeLessThan(0.06);
    for (const rare of ['stuck', 'orphan-function', 'orphan-qualifier'] as const) {
      expect(count(rare), rare).toBeGreaterThanOrEqual(20);
      expect(count(rare) / N, rare).toBeLessThan(0.015);
    }
  });

  it('Lambda disables only Kafka, MQ and DocumentDB mappings, with each of the four codes', () => {
    const lambdaDisabled = byHealth.get('disabled-by-lambda') ?? [];
    for (const m of lambdaDisabled) {
      expect(['MSK', 'SelfManagedKafka', 'AmazonMQ', 'DocumentDB']).toContain(sourceOf(m).type);
    }
    expect(new Set(lambdaDisabled.map((m) => m.StateTransitionReason))).toEqual(
      new Set([
        'ESM_CONFIG_NOT_VALID',
        'EVENT_SOURCE_AUTHN_ERROR',
        'EVENT_SOURCE_AUTHZ_ERROR',
        'FUNCTION_CONFIG_NOT_VALID',
      ]),
    );
    // User-disabled ones carry the per-source user reason (reference §5).
    for (const m of byHealth.get('disabled-by-user') ?? []) {
      const stream = ['Kinesis', 'DynamoDBStreams'].includes(sourceOf(m).type);
      expect(m.StateTransitionReason).toBe(stream ? 'User action' : 'USER_INITIATED');
    }
  });

  it('reports PROBLEM results of several causes, and OK / No records processed when healthy', () => {
    const problems = new Set((byHealth.get('problem') ?? []).map((m) => m.LastProcessingResult));
    for (const text of [
      'PROBLEM: Function call failed',
      'PROBLEM: Function call throttled',
      'PROBLEM: SASL authentication failed.',
      'PROBLEM: Cluster failed to authorize Lambda.',
    ]) {
      expect(problems, text).toContain(text);
    }
    expect([...problems].some((p) => p?.startsWith('PROBLEM: Connection error.'))).toBe(true);
    const healthy = byHealth.get('healthy') ?? [];
    expect(new Set(healthy.map((m) => m.LastProcessingResult))).toEqual(
      new Set(['OK', 'No records processed', undefined]),
    );
    for (const m of mappings) {
      if (sourceOf(m).type === 'SQS') expect(m).not.toHaveProperty('LastProcessingResult');
      else expect(m.LastProcessingResult).toBeDefined();
    }
    for (const m of byHealth.get('orphan-function') ?? []) {
      if (sourceOf(m).type !== 'SQS')
        expect(m.LastProcessingResult).toBe('PROBLEM: Function not found');
    }
  });

  it('stuck mappings: every transitional State, LastModified hours to days old', () => {
    const stuck = byHealth.get('stuck') ?? [];
    expect(new Set(stuck.map((m) => m.State))).toEqual(
      new Set(['Creating', 'Enabling', 'Disabling', 'Updating', 'Deleting']),
    );
    for (const m of stuck) {
      const age = REFERENCE - (m.LastModified ?? REFERENCE);
      expect(age).toBeGreaterThanOrEqual(2 * 3600);
      expect(age).toBeLessThanOrEqual(9 * 86400 + 1);
    }
  });

  it('orphans by qualifier name a deleted alias and a deleted version of a living function', () => {
    const qualifiers = (byHealth.get('orphan-qualifier') ?? []).map(
      (m) => (m.FunctionArn ?? '').split(':')[7] ?? '',
    );
    expect(qualifiers.some((q) => /^\d+$/.test(q))).toBe(true);
    expect(qualifiers.some((q) => /^[a-z]/.test(q))).toBe(true);
  });

  it('every mapping would be accepted by CreateEventSourceMapping', () => {
    for (const m of mappings) {
      const {
        UUID: _uuid,
        FunctionArn,
        LastModified: _lm,
        LastProcessingResult: _lpr,
        State,
        StateTransitionReason: _str,
        EventSourceMappingArn: _arn,
        ...request
      } = m;
      const body = { ...request, FunctionName: FunctionArn, Enabled: State === 'Enabled' };
      expect(() =>
        prepareCreate(body as Record<string, unknown>, '00000000-0000-4000-8000-000000000000', {
          resolveFunctionArn: (name) => name,
          mappings: () => [],
        }),
      ).not.toThrow();
    }
  });

  it('refuses N outside 1..50000 with a clear error', () => {
    for (const bad of ['default:0', 'default:50001', 'default:abc', 'default:1.5', 'default:']) {
      expect(() => resolveSeeds(bad, '123456789012'), bad).toThrow(
        `Seed ${bad}: N must be an integer from 1 to 50000`,
      );
    }
    expect(() => parseCliOptions(['--seed', 'default:0'])).toThrow(
      '--seed default:0: N must be an integer from 1 to 50000',
    );
    expect(parseCliOptions(['--seed', 'default:50000']).seed).toBe('default:50000');
    expect(resolveSeeds('default:1', '123456789012')[0]?.mappings).toHaveLength(1);
  });
});

describe('seed files with transitional States', () => {
  const data: SeedData = {
    functions: [{ FunctionName: 'file-fn' }],
    mappings: [
      {
        UUID: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
        FunctionName: 'file-fn',
        EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q',
        State: 'Updating',
        LastModified: REFERENCE - 86400,
      },
    ],
  };

  it('loads them as they are; an unknown State is refused', () => {
    const s = new Store('123456789012');
    applySeed(s, data);
    expect(
      s.region('us-east-1').mappings.get('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb')?.config,
    ).toMatchObject({ State: 'Updating', LastModified: REFERENCE - 86400 });
    const bogus = structuredClone(data);
    const first = bogus.mappings?.[0];
    if (first) (first as { State: string }).State = 'Stuck';
    expect(() => applySeed(new Store('123456789012'), bogus)).toThrow(
      'Seed mapping #0: State must be one of Creating, Enabling, Enabled, Disabling, Disabled, Updating, Deleting',
    );
  });
});

describe('scale seed default:10000 in the emulator', () => {
  let emu: RunningEmulator;
  let loadMs = 0;
  beforeAll(async () => {
    const start = performance.now();
    emu = await startEmulator({ seed: `default:${N}`, transitionMs: 10 });
    loadMs = performance.now() - start;
  });
  afterAll(async () => emu.close());

  it('loads in a few seconds and serves all 10,000 through the SDK paginator', async () => {
    // About 0.4 s on a developer machine; the bound leaves room for a loaded CI box.
    expect(loadMs).toBeLessThan(5000);
    let total = 0;
    for await (const page of paginateListEventSourceMappings({ client: emu.lambda() }, {})) {
      total += page.EventSourceMappings?.length ?? 0;
    }
    expect(total).toBe(N);
    const west = await emu
      .lambda({ region: 'eu-west-1' })
      .send(new ListEventSourceMappingsCommand({}));
    expect(west.EventSourceMappings).toHaveLength(20);
  });

  it('never advances a stuck mapping; Update and Delete answer ResourceInUseException', async () => {
    const client = emu.lambda();
    const stuck = (byHealth.get('stuck') ?? []).find((m) => m.State === 'Creating');
    await sleep(60); // several transition delays
    const got = await client.send(new GetEventSourceMappingCommand({ UUID: stuck?.UUID }));
    expect(got.State).toBe('Creating');
    expect(got.LastModified?.getTime()).toBe(Math.round((stuck?.LastModified ?? 0) * 1000));
    const update = await errorOf(
      client.send(new UpdateEventSourceMappingCommand({ UUID: stuck?.UUID, Enabled: false })),
    );
    expect(update.name).toBe('ResourceInUseException');
    const del = await errorOf(
      client.send(new DeleteEventSourceMappingCommand({ UUID: stuck?.UUID })),
    );
    expect(del.name).toBe('ResourceInUseException');
  });

  it('orphans by qualifier: the function exists, the qualified one does not', async () => {
    const client = emu.lambda();
    const orphan = byHealth.get('orphan-qualifier')?.[0];
    const arn = orphan?.FunctionArn ?? '';
    const unqualified = arn.split(':').slice(0, 7).join(':');
    const fn = await client.send(
      new GetFunctionConfigurationCommand({ FunctionName: unqualified }),
    );
    expect(fn.FunctionArn).toBe(unqualified);
    const missing = await errorOf(
      client.send(new GetFunctionConfigurationCommand({ FunctionName: arn })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('POST /_emulator/reset takes "default:N" and refuses a bad N with 400', async () => {
    const ok = await fetch(`${emu.endpoint}/_emulator/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 'default:300' }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok', region: 'us-east-1', mappings: 300 });
    const bad = await fetch(`${emu.endpoint}/_emulator/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 'default:60000' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe(
      'Seed default:60000: N must be an integer from 1 to 50000 (default:N generates N mappings)',
    );
    // The old store is kept after a refused reset.
    const stats = await (await fetch(`${emu.endpoint}/_emulator/stats`)).json();
    expect(stats).toMatchObject({ mappings: 300 });
  });
});
