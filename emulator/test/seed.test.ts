import {
  GetEventSourceMappingCommand,
  GetFunctionConfigurationCommand,
  ListEventSourceMappingsCommand,
  paginateListEventSourceMappings,
} from '@aws-sdk/client-lambda';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCreate, sourceOf, type EventSourceType } from '../src/domain/mapping-rules.ts';
import type { EventSourceMappingConfiguration } from '../src/domain/model.ts';
import {
  applySeed,
  generateDefaultSeed,
  generateSecondRegionSeed,
  SECOND_SEED_SIZE,
  type SeedData,
} from '../src/seed.ts';
import { Store } from '../src/store.ts';
import { errorOf, type RunningEmulator, startEmulator } from './helpers.ts';

const seed = generateDefaultSeed();
const store = new Store('123456789012');
applySeed(store, seed);
/** The seed's mappings as the emulator stores and serves them (per-source defaults applied). */
const mappings: EventSourceMappingConfiguration[] = [
  ...store.region('us-east-1').mappings.values(),
].map((r) => r.config);
const functionNames = new Set((seed.functions ?? []).map((f) => f.FunctionName));
const nameOf = (m: EventSourceMappingConfiguration): string =>
  (m.FunctionArn ?? '').split(':')[6] ?? '';
const qualifierOf = (m: EventSourceMappingConfiguration): string | undefined =>
  (m.FunctionArn ?? '').split(':')[7];

/** Finer-grained kinds than the API's source types (consumer vs stream, FIFO, MQ engine). */
function kindOf(m: EventSourceMappingConfiguration): string {
  const type: EventSourceType = sourceOf(m).type;
  if (type === 'Kinesis')
    return m.EventSourceArn?.includes('/consumer/') ? 'kinesis-consumer' : 'kinesis';
  if (type === 'SQS') return m.EventSourceArn?.endsWith('.fifo') ? 'sqs-fifo' : 'sqs';
  if (type === 'AmazonMQ') {
    return m.SourceAccessConfigurations?.some((s) => s.Type === 'VIRTUAL_HOST')
      ? 'rabbitmq'
      : 'activemq';
  }
  return type;
}

describe('default seed', () => {
  it('is deterministic: same UUIDs, names and timestamps on every run', () => {
    expect(generateDefaultSeed()).toEqual(seed);
    // Pinned so that a change to the generator is a conscious decision (e2e tests may rely on it).
    expect(mappings[0]?.UUID).toBe('37207df5-16c2-459a-8667-dd4d44af10a2');
  });

  it('has ≥ 1,500 mappings over ≥ 200 existing functions, in account 123456789012 / us-east-1', () => {
    expect(mappings.length).toBeGreaterThanOrEqual(1500);
    const used = new Set(mappings.map(nameOf).filter((n) => functionNames.has(n)));
    expect(used.size).toBeGreaterThanOrEqual(200);
    for (const m of mappings) {
      expect(m.FunctionArn).toMatch(
        /^arn:aws:lambda:us-east-1:123456789012:function:[a-z0-9-]+(:[A-Za-z0-9$_-]+)?$/,
      );
      if (m.EventSourceArn)
        expect(m.EventSourceArn).toMatch(/^arn:aws:[a-z]+:us-east-1:123456789012:/);
    }
    expect(new Set(mappings.map((m) => m.UUID)).size).toBe(mappings.length);
  });

  it('covers every source type', () => {
    const kinds = new Map<string, number>();
    for (const m of mappings) kinds.set(kindOf(m), (kinds.get(kindOf(m)) ?? 0) + 1);
    for (const kind of [
      'kinesis',
      'kinesis-consumer',
      'DynamoDBStreams',
      'sqs',
      'sqs-fifo',
      'MSK',
      'SelfManagedKafka',
      'activemq',
      'rabbitmq',
      'DocumentDB',
    ]) {
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(20);
    }
  });

  it('has mappings on aliases and on versions, Enabled and Disabled, PROBLEM results and a few orphans', () => {
    const aliasNames = new Map(
      (seed.functions ?? []).map((f) => [f.FunctionName, Object.keys(f.Aliases ?? {})]),
    );
    const onAlias = mappings.filter((m) => {
      const q = qualifierOf(m);
      return q !== undefined && aliasNames.get(nameOf(m))?.includes(q);
    });
    const onVersion = mappings.filter((m) => /^\d+$/.test(qualifierOf(m) ?? ''));
    expect(onAlias.length).toBeGreaterThan(50);
    expect(onVersion.length).toBeGreaterThan(10);
    const disabled = mappings.filter((m) => m.State === 'Disabled').length;
    expect(disabled).toBeGreaterThan(100);
    expect(mappings.length - disabled).toBeGreaterThan(1000);
    expect(
      mappings.filter((m) => m.LastProcessingResult?.startsWith('PROBLEM: ')).length,
    ).toBeGreaterThan(20);
    const orphans = mappings.filter((m) => !functionNames.has(nameOf(m)));
    expect(orphans.length).toBeGreaterThanOrEqual(3);
    expect(orphans.length).toBeLessThanOrEqual(20);
  });

  it('only uses members AWS returns for each source (reference §1.3)', () => {
    for (const m of mappings) {
      const kind = kindOf(m);
      if (kind === 'sqs' || kind === 'sqs-fifo') {
        expect(m).not.toHaveProperty('LastProcessingResult');
        expect(m).not.toHaveProperty('StartingPosition');
        expect(m).not.toHaveProperty('DestinationConfig');
        expect(m.StateTransitionReason).toBe('USER_INITIATED');
        if ((m.BatchSize ?? 10) > 10)
          expect(m.MaximumBatchingWindowInSeconds).toBeGreaterThanOrEqual(1);
        if (kind === 'sqs-fifo') expect(m.BatchSize).toBeLessThanOrEqual(10);
      }
      if (kind === 'kinesis' || kind === 'kinesis-consumer' || kind === 'DynamoDBStreams') {
        expect(m.DestinationConfig?.OnFailure).toBeDefined();
        expect(m.StartingPosition).toBeDefined();
        expect(m.StateTransitionReason).toBe('User action');
        expect(m.LastProcessingResult).toBeDefined();
        if (kind === 'DynamoDBStreams') expect(m.StartingPosition).not.toBe('AT_TIMESTAMP');
      }
      if (kind === 'MSK' || kind === 'SelfManagedKafka') expect(m.Topics).toHaveLength(1);
      if (kind === 'activemq' || kind === 'rabbitmq') {
        expect(m.Queues).toHaveLength(1);
        expect(m.SourceAccessConfigurations?.[0]?.Type).toBe('BASIC_AUTH');
      }
      const lastModified = m.LastModified ?? 0;
      expect(lastModified).toBeGreaterThan(Date.UTC(2026, 0, 1) / 1000);
      expect(lastModified).toBeLessThanOrEqual(Date.UTC(2026, 10, 1) / 1000);
    }
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
});

describe('default seed, second region (eu-west-1)', () => {
  const second = generateSecondRegionSeed();
  const secondStore = new Store('123456789012');
  applySeed(secondStore, second);
  const west = [...secondStore.region('eu-west-1').mappings.values()].map((r) => r.config);

  it('is deterministic and small: 20 mappings over its own 8 functions', () => {
    expect(generateSecondRegionSeed()).toEqual(second);
    expect(west).toHaveLength(SECOND_SEED_SIZE.mappings);
    const names = new Set((second.functions ?? []).map((f) => f.FunctionName));
    expect(names.size).toBe(SECOND_SEED_SIZE.functions);
    for (const m of west) {
      expect(names.has(nameOf(m))).toBe(true);
      expect(m.FunctionArn).toMatch(/^arn:aws:lambda:eu-west-1:123456789012:function:[a-z-]+$/);
      if (m.EventSourceArn) expect(m.EventSourceArn).toMatch(/^arn:aws:[a-z]+:eu-west-1:/);
    }
    // No UUID is shared with us-east-1, so a region mix-up shows.
    const east = new Set(mappings.map((m) => m.UUID));
    expect(west.filter((m) => east.has(m.UUID))).toEqual([]);
  });

  it('mixes source types and states', () => {
    expect(new Set(west.map(kindOf)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(west.map((m) => m.State))).toEqual(new Set(['Enabled', 'Disabled']));
  });
});

describe('seed loading', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ transitionMs: 10 });
  });
  afterAll(async () => emu.close());

  it('serves the default seed: all 1,600 mappings through the SDK paginator', async () => {
    const client = emu.lambda();
    let count = 0;
    for await (const page of paginateListEventSourceMappings({ client }, {})) {
      count += page.EventSourceMappings?.length ?? 0;
    }
    expect(count).toBe(mappings.length);
  });

  it('serves the second region of the default seed in eu-west-1', async () => {
    const page = await emu
      .lambda({ region: 'eu-west-1' })
      .send(new ListEventSourceMappingsCommand({}));
    expect(page.EventSourceMappings).toHaveLength(SECOND_SEED_SIZE.mappings);
    expect(page.EventSourceMappings?.[0]?.FunctionArn).toMatch(/^arn:aws:lambda:eu-west-1:/);
  });

  it('orphans: the mapping is readable, its function is not', async () => {
    const client = emu.lambda();
    const orphan = mappings.find((m) => !functionNames.has(nameOf(m)));
    const got = await client.send(new GetEventSourceMappingCommand({ UUID: orphan?.UUID }));
    expect(got.FunctionArn).toBe(orphan?.FunctionArn);
    const err = await errorOf(
      client.send(new GetFunctionConfigurationCommand({ FunctionName: got.FunctionArn })),
    );
    expect(err.name).toBe('ResourceNotFoundException');
  });

  it('loads --seed FILE.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-seed-'));
    const file = join(dir, 'seed.json');
    const data: SeedData = {
      functions: [{ FunctionName: 'file-fn', Aliases: { live: '$LATEST' } }],
      mappings: [
        {
          UUID: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
          FunctionName: 'file-fn:live',
          EventSourceArn:
            'arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2026-01-01T00:00:00.000',
          StartingPosition: 'LATEST',
        },
      ],
    };
    writeFileSync(file, JSON.stringify(data));
    const fromFile = await startEmulator({ seed: file });
    try {
      const got = await fromFile
        .lambda()
        .send(new GetEventSourceMappingCommand({ UUID: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' }));
      expect(got).toMatchObject({
        FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:file-fn:live',
        State: 'Enabled',
        DestinationConfig: { OnFailure: {} },
        StateTransitionReason: 'User action',
      });
    } finally {
      await fromFile.close();
    }
  });
});
