import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  ListAliasesCommand,
  ListVersionsByFunctionCommand,
  paginateListAliases,
  paginateListVersionsByFunction,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedData } from '../src/seed.ts';
import { ACCOUNT, errorOf, fnArn, type RunningEmulator, startEmulator } from './helpers.ts';

const POOL = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';

/** `orders-ingest-prod` has 60 versions and 3 aliases; `fanout-hub-prod` has 55 aliases. */
const SEED: SeedData = {
  functions: [
    {
      FunctionName: 'orders-ingest-prod',
      Versions: Array.from({ length: 60 }, (_, i) => String(i + 1)),
      Aliases: { live: '60', canary: '59', blue: '59' },
    },
    {
      FunctionName: 'fanout-hub-prod',
      Versions: ['1'],
      Aliases: Object.fromEntries(
        Array.from({ length: 55 }, (_, i) => [`tenant-${String(i).padStart(2, '0')}`, '1']),
      ),
    },
    { FunctionName: 'payments-consumer-prod' },
  ],
  mappings: [],
};

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, transitionMs: 10 });
});
afterAll(async () => emu.close());

describe('ListVersionsByFunction', () => {
  it('lists $LATEST first (qualified ARN), then versions in order, 50 per page', async () => {
    const client = emu.lambda();
    const first = await client.send(
      new ListVersionsByFunctionCommand({ FunctionName: 'orders-ingest-prod', MaxItems: 500 }),
    );
    expect(first.Versions).toHaveLength(50);
    expect(first.Versions?.[0]).toMatchObject({
      FunctionName: 'orders-ingest-prod',
      FunctionArn: `${fnArn('orders-ingest-prod')}:$LATEST`,
      Version: '$LATEST',
    });
    expect(first.Versions?.[1]).toMatchObject({
      FunctionArn: `${fnArn('orders-ingest-prod')}:1`,
      Version: '1',
    });
    expect(first.Versions?.[0]).not.toHaveProperty('State');
    expect(typeof first.NextMarker).toBe('string');

    const versions: string[] = [];
    for await (const page of paginateListVersionsByFunction(
      { client },
      { FunctionName: 'orders-ingest-prod' },
    )) {
      versions.push(...(page.Versions ?? []).map((v) => v.Version ?? ''));
    }
    expect(versions).toEqual(['$LATEST', ...Array.from({ length: 60 }, (_, i) => String(i + 1))]);
  });

  it('honours a smaller MaxItems and omits NextMarker on the last page', async () => {
    const client = emu.lambda();
    const small = await client.send(
      new ListVersionsByFunctionCommand({ FunctionName: 'orders-ingest-prod', MaxItems: 5 }),
    );
    expect(small.Versions?.map((v) => v.Version)).toEqual(['$LATEST', '1', '2', '3', '4']);
    const next = await client.send(
      new ListVersionsByFunctionCommand({
        FunctionName: 'orders-ingest-prod',
        MaxItems: 5,
        Marker: small.NextMarker,
      }),
    );
    expect(next.Versions?.map((v) => v.Version)).toEqual(['5', '6', '7', '8', '9']);

    const unpublished = await client.send(
      new ListVersionsByFunctionCommand({ FunctionName: 'payments-consumer-prod' }),
    );
    expect(unpublished.Versions?.map((v) => v.Version)).toEqual(['$LATEST']);
    expect(unpublished).not.toHaveProperty('NextMarker');
    expect(unpublished.NextMarker).toBeUndefined();
  });

  it('accepts a full or partial ARN', async () => {
    const client = emu.lambda();
    for (const name of [
      fnArn('fanout-hub-prod'),
      `${ACCOUNT}:function:fanout-hub-prod`,
      'fanout-hub-prod',
    ]) {
      const out = await client.send(new ListVersionsByFunctionCommand({ FunctionName: name }));
      expect(
        out.Versions?.map((v) => v.FunctionArn),
        name,
      ).toEqual([`${fnArn('fanout-hub-prod')}:$LATEST`, `${fnArn('fanout-hub-prod')}:1`]);
    }
  });

  it('answers 404 ResourceNotFoundException for an unknown function or another region', async () => {
    const client = emu.lambda();
    const missing = await errorOf(
      client.send(new ListVersionsByFunctionCommand({ FunctionName: 'ghost' })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    expect(missing.message).toBe(`Function not found: ${fnArn('ghost')}`);
    const elsewhere = await errorOf(
      client.send(
        new ListVersionsByFunctionCommand({
          FunctionName: fnArn('orders-ingest-prod', 'eu-west-1'),
        }),
      ),
    );
    expect(elsewhere.name).toBe('ResourceNotFoundException');
    expect(elsewhere.message).toBe(
      `Function not found: ${fnArn('orders-ingest-prod', 'eu-west-1')}`,
    );
  });

  it('rejects MaxItems outside 1..10000 and foreign markers', async () => {
    const client = emu.lambda();
    const zero = await errorOf(
      client.send(
        new ListVersionsByFunctionCommand({ FunctionName: 'orders-ingest-prod', MaxItems: 0 }),
      ),
    );
    expect(zero.name).toBe('ValidationException');
    expect(zero.message).toBe(
      "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const marker = await errorOf(
      client.send(
        new ListVersionsByFunctionCommand({ FunctionName: 'orders-ingest-prod', Marker: 'nope' }),
      ),
    );
    expect(marker.name).toBe('InvalidParameterValueException');
  });
});

describe('ListAliases', () => {
  it('returns AliasConfiguration objects sorted by name', async () => {
    const out = await emu
      .lambda()
      .send(new ListAliasesCommand({ FunctionName: 'orders-ingest-prod' }));
    expect(out.NextMarker).toBeUndefined();
    expect(out.Aliases?.map((a) => a.Name)).toEqual(['blue', 'canary', 'live']);
    const live = out.Aliases?.[2];
    expect(live).toEqual({
      AliasArn: `${fnArn('orders-ingest-prod')}:live`,
      Name: 'live',
      FunctionVersion: '60',
      Description: '',
      RevisionId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ) as unknown,
    });
    // Stable across calls (a RevisionId only changes when the alias does).
    const again = await emu
      .lambda()
      .send(new ListAliasesCommand({ FunctionName: fnArn('orders-ingest-prod') }));
    expect(again.Aliases?.[2]?.RevisionId).toBe(live?.RevisionId);
    expect(new Set(out.Aliases?.map((a) => a.RevisionId)).size).toBe(3);
  });

  it('filters by FunctionVersion', async () => {
    const client = emu.lambda();
    const out = await client.send(
      new ListAliasesCommand({ FunctionName: 'orders-ingest-prod', FunctionVersion: '59' }),
    );
    expect(out.Aliases?.map((a) => a.Name)).toEqual(['blue', 'canary']);
    const none = await client.send(
      new ListAliasesCommand({ FunctionName: 'orders-ingest-prod', FunctionVersion: '7' }),
    );
    expect(none.Aliases).toEqual([]);
    const bad = await errorOf(
      client.send(
        new ListAliasesCommand({ FunctionName: 'orders-ingest-prod', FunctionVersion: 'live' }),
      ),
    );
    expect(bad.name).toBe('ValidationException');
    expect(bad.message).toContain("Value 'live' at 'functionVersion' failed to satisfy constraint");
  });

  it('pages with NextMarker; the SDK paginator gets every alias once', async () => {
    const client = emu.lambda();
    const first = await client.send(
      new ListAliasesCommand({ FunctionName: 'fanout-hub-prod', MaxItems: 20 }),
    );
    expect(first.Aliases).toHaveLength(20);
    expect(typeof first.NextMarker).toBe('string');
    const names: string[] = [];
    for await (const page of paginateListAliases(
      { client, pageSize: 20 },
      { FunctionName: 'fanout-hub-prod' },
    )) {
      names.push(...(page.Aliases ?? []).map((a) => a.Name ?? ''));
    }
    expect(names).toHaveLength(55);
    expect(new Set(names).size).toBe(55);
    expect(names[0]).toBe('tenant-00');
    expect(names[54]).toBe('tenant-54');
  });

  it('answers 404 ResourceNotFoundException for an unknown function; none is an empty list', async () => {
    const client = emu.lambda();
    const missing = await errorOf(client.send(new ListAliasesCommand({ FunctionName: 'ghost' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    expect(missing.message).toBe(`Function not found: ${fnArn('ghost')}`);
    const empty = await client.send(
      new ListAliasesCommand({ FunctionName: 'payments-consumer-prod' }),
    );
    expect(empty.Aliases).toEqual([]);
  });
});

describe('roles', () => {
  it('guest credentials (read-only role) may list versions and aliases', async () => {
    const cognito = new CognitoIdentityClient({
      region: 'us-east-1',
      endpoint: emu.endpoint,
      maxAttempts: 1,
    });
    try {
      const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: POOL }));
      const issued = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
      const client = emu.lambda({
        credentials: {
          accessKeyId: issued.Credentials?.AccessKeyId ?? '',
          secretAccessKey: issued.Credentials?.SecretKey ?? '',
          sessionToken: issued.Credentials?.SessionToken ?? '',
        },
      });
      const versions = await client.send(
        new ListVersionsByFunctionCommand({ FunctionName: 'payments-consumer-prod' }),
      );
      expect(versions.Versions).toHaveLength(1);
      const aliases = await client.send(
        new ListAliasesCommand({ FunctionName: 'orders-ingest-prod' }),
      );
      expect(aliases.Aliases).toHaveLength(3);
    } finally {
      cognito.destroy();
    }
  });
});
