import {
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  paginateListEventSourceMappings,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedData } from '../src/seed.ts';
import { errorOf, fnArn, type RunningEmulator, startEmulator } from './helpers.ts';

/** 150 mappings: 100 on `orders-…` (SQS), 50 on `billing-…` (Kinesis), interleaved. */
function seed150(): SeedData {
  const mappings: NonNullable<SeedData['mappings']> = [];
  for (let i = 0; i < 150; i += 1) {
    const orders = i % 3 !== 2;
    mappings.push(
      orders
        ? {
            FunctionName: 'orders-ingest-prod',
            EventSourceArn: `arn:aws:sqs:us-east-1:123456789012:orders-q-${i}`,
          }
        : {
            FunctionName: 'billing-worker-prod',
            EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/billing-events-prod',
            StartingPosition: 'LATEST',
            ...(i === 2 && { FunctionName: 'billing-worker-prod:live' }),
          },
    );
  }
  return {
    functions: [
      { FunctionName: 'orders-ingest-prod', Versions: ['1', '2'] },
      { FunctionName: 'billing-worker-prod', Versions: ['1'], Aliases: { live: '1' } },
      ...Array.from({ length: 118 }, (_, i) => ({
        FunctionName: `fn-${String(i).padStart(3, '0')}`,
      })),
    ],
    mappings,
  };
}

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: seed150(), transitionMs: 10 });
});
afterAll(async () => emu.close());

describe('ListEventSourceMappings paging', () => {
  it('pages 150 mappings with MaxItems 60 as 60/60/30 with opaque markers', async () => {
    const client = emu.lambda();
    const sizes: number[] = [];
    const seen = new Set<string>();
    let marker: string | undefined;
    do {
      const page = await client.send(
        new ListEventSourceMappingsCommand({ MaxItems: 60, Marker: marker }),
      );
      sizes.push(page.EventSourceMappings?.length ?? 0);
      for (const m of page.EventSourceMappings ?? []) seen.add(m.UUID ?? '');
      marker = page.NextMarker;
      if (marker !== undefined) {
        expect(marker).not.toBe('');
        expect(marker).not.toMatch(/^\d+$/);
      }
    } while (marker !== undefined);
    expect(sizes).toEqual([60, 60, 30]);
    expect(seen.size).toBe(150);
  });

  it('caps pages at 100 whatever MaxItems says; the default is 100', async () => {
    const client = emu.lambda();
    const big = await client.send(new ListEventSourceMappingsCommand({ MaxItems: 10000 }));
    expect(big.EventSourceMappings).toHaveLength(100);
    expect(big.NextMarker).toBeDefined();
    const dflt = await client.send(new ListEventSourceMappingsCommand({}));
    expect(dflt.EventSourceMappings).toHaveLength(100);
    const rest = await client.send(new ListEventSourceMappingsCommand({ Marker: dflt.NextMarker }));
    expect(rest.EventSourceMappings).toHaveLength(50);
    expect(rest.NextMarker).toBeUndefined();
  });

  it('works with the SDK paginator', async () => {
    const uuids: string[] = [];
    for await (const page of paginateListEventSourceMappings(
      { client: emu.lambda(), pageSize: 40 },
      {},
    )) {
      uuids.push(...(page.EventSourceMappings ?? []).map((m) => m.UUID ?? ''));
    }
    expect(uuids).toHaveLength(150);
    expect(new Set(uuids).size).toBe(150);
  });

  it('applies FunctionName before paging (exact FunctionArn, qualifier included)', async () => {
    const client = emu.lambda();
    const first = await client.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'orders-ingest-prod', MaxItems: 60 }),
    );
    expect(first.EventSourceMappings).toHaveLength(60);
    expect(
      first.EventSourceMappings?.every((m) => m.FunctionArn === fnArn('orders-ingest-prod')),
    ).toBe(true);
    const second = await client.send(
      new ListEventSourceMappingsCommand({
        FunctionName: fnArn('orders-ingest-prod'),
        MaxItems: 60,
        Marker: first.NextMarker,
      }),
    );
    expect(second.EventSourceMappings).toHaveLength(40);
    expect(second.NextMarker).toBeUndefined();

    const alias = await client.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'billing-worker-prod:live' }),
    );
    expect(alias.EventSourceMappings?.map((m) => m.FunctionArn)).toEqual([
      `${fnArn('billing-worker-prod')}:live`,
    ]);
  });

  it('applies EventSourceArn before paging, alone and with FunctionName', async () => {
    const client = emu.lambda();
    const stream = 'arn:aws:kinesis:us-east-1:123456789012:stream/billing-events-prod';
    const all = await client.send(
      new ListEventSourceMappingsCommand({ EventSourceArn: stream, MaxItems: 30 }),
    );
    expect(all.EventSourceMappings).toHaveLength(30);
    const next = await client.send(
      new ListEventSourceMappingsCommand({
        EventSourceArn: stream,
        MaxItems: 30,
        Marker: all.NextMarker,
      }),
    );
    expect(next.EventSourceMappings).toHaveLength(20);
    const both = await client.send(
      new ListEventSourceMappingsCommand({
        EventSourceArn: stream,
        FunctionName: 'billing-worker-prod',
      }),
    );
    expect(both.EventSourceMappings).toHaveLength(49);
  });

  it('returns an empty list (not an error) for an unknown function or ARN', async () => {
    const client = emu.lambda();
    const none = await client.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'no-such-function' }),
    );
    expect(none.EventSourceMappings).toEqual([]);
    expect(none.NextMarker).toBeUndefined();
    const noArn = await client.send(
      new ListEventSourceMappingsCommand({
        EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:nothing',
      }),
    );
    expect(noArn.EventSourceMappings).toEqual([]);
  });

  it('rejects MaxItems outside 1..10000 with ValidationException', async () => {
    const client = emu.lambda();
    for (const [value, constraint] of [
      [0, 'Member must have value greater than or equal to 1'],
      [10001, 'Member must have value less than or equal to 10000'],
    ] as const) {
      const err = await errorOf(
        client.send(new ListEventSourceMappingsCommand({ MaxItems: value })),
      );
      expect(err.name).toBe('ValidationException');
      expect(err.$metadata?.httpStatusCode).toBe(400);
      expect(err.message).toBe(
        `1 validation error detected: Value '${value}' at 'maxItems' failed to satisfy constraint: ${constraint}`,
      );
    }
  });

  it('rejects a marker it did not issue with InvalidParameterValueException', async () => {
    const err = await errorOf(
      emu.lambda().send(new ListEventSourceMappingsCommand({ Marker: 'not-a-marker' })),
    );
    expect(err.name).toBe('InvalidParameterValueException');
  });

  it('keeps markers valid when mappings are deleted between pages', async () => {
    const client = emu.lambda();
    const first = await client.send(new ListEventSourceMappingsCommand({ MaxItems: 10 }));
    // Remove an item that would be on the next page, straight from the store.
    const region = emu.app.emulator.store.region('us-east-1');
    const victim = [...region.mappings.keys()][12] ?? '';
    const saved = region.mappings.get(victim);
    region.mappings.delete(victim);
    const second = await client.send(
      new ListEventSourceMappingsCommand({ MaxItems: 10, Marker: first.NextMarker }),
    );
    const firstIds = new Set(first.EventSourceMappings?.map((m) => m.UUID));
    expect(second.EventSourceMappings?.some((m) => firstIds.has(m.UUID))).toBe(false);
    expect(second.EventSourceMappings?.map((m) => m.UUID)).not.toContain(victim);
    expect(second.EventSourceMappings).toHaveLength(10);
    if (saved) region.mappings.set(victim, saved);
  });
});

describe('ListFunctions and GetFunctionConfiguration', () => {
  it('returns at most 50 functions per page, sorted by name, without state fields', async () => {
    const client = emu.lambda();
    const page = await client.send(new ListFunctionsCommand({ MaxItems: 500 }));
    expect(page.Functions).toHaveLength(50);
    const names = page.Functions?.map((f) => f.FunctionName ?? '') ?? [];
    expect([...names].sort()).toEqual(names);
    expect(page.Functions?.[0]).not.toHaveProperty('State');
    expect(page.Functions?.[0]?.Version).toBe('$LATEST');
    expect(typeof page.Functions?.[0]?.LastModified).toBe('string');
    let total = 0;
    for await (const p of paginateListFunctions({ client }, {})) total += p.Functions?.length ?? 0;
    expect(total).toBe(120);
  });

  it('includes published versions with FunctionVersion=ALL', async () => {
    const client = emu.lambda();
    let total = 0;
    const versions: string[] = [];
    for await (const p of paginateListFunctions({ client }, { FunctionVersion: 'ALL' })) {
      total += p.Functions?.length ?? 0;
      for (const f of p.Functions ?? []) {
        if (f.FunctionName === 'orders-ingest-prod') versions.push(f.Version ?? '');
      }
    }
    expect(total).toBe(123);
    expect(versions).toEqual(['$LATEST', '1', '2']);
  });

  it('resolves names, ARNs and qualifiers; unknown → 404 Function not found', async () => {
    const client = emu.lambda();
    const byName = await client.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'billing-worker-prod' }),
    );
    expect(byName).toMatchObject({
      FunctionArn: fnArn('billing-worker-prod'),
      Version: '$LATEST',
      State: 'Active',
      LastUpdateStatus: 'Successful',
    });
    const alias = await client.send(
      new GetFunctionConfigurationCommand({
        FunctionName: fnArn('billing-worker-prod'),
        Qualifier: 'live',
      }),
    );
    expect(alias).toMatchObject({
      FunctionArn: `${fnArn('billing-worker-prod')}:live`,
      Version: '1',
    });
    const qualifiedName = await client.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'billing-worker-prod:live' }),
    );
    expect(qualifiedName.Version).toBe('1');

    const missing = await errorOf(
      client.send(new GetFunctionConfigurationCommand({ FunctionName: 'ghost' })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    expect(missing.message).toBe(`Function not found: ${fnArn('ghost')}`);
    const missingAlias = await errorOf(
      client.send(
        new GetFunctionConfigurationCommand({
          FunctionName: 'billing-worker-prod',
          Qualifier: 'blue',
        }),
      ),
    );
    expect(missingAlias.message).toBe(`Function not found: ${fnArn('billing-worker-prod')}:blue`);
  });

  it('GetFunction wraps the configuration with a code location', async () => {
    const out = await emu
      .lambda()
      .send(new GetFunctionCommand({ FunctionName: 'orders-ingest-prod' }));
    expect(out.Configuration?.FunctionName).toBe('orders-ingest-prod');
    expect(out.Code?.RepositoryType).toBe('S3');
  });
});
