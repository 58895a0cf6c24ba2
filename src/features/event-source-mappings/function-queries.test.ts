import { describe, expect, it } from 'vitest';
import { setLambdaClient } from '../../api/lambda-client.ts';
import { createQueryClient } from '../../lib/query-client.ts';
import { FakeLambda, fakeFunction } from '../../testing/fake-lambda.ts';
import { functionQueries, listAllPages } from './function-queries.ts';

describe('functionQueries.versions and aliases', () => {
  it('read every page: published versions newest first without $LATEST, aliases by name', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(0, { FunctionName: 'orders' })];
    lambda.versions = { orders: Array.from({ length: 120 }, (_, i) => String(i + 1)) };
    lambda.aliases = {
      orders: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`a${100 + i}`, '1'])),
    };
    setLambdaClient(lambda);
    const queryClient = createQueryClient();

    const versions = await queryClient.fetchQuery(functionQueries.versions('orders'));
    expect(versions.map((v) => v.Version)).toEqual(
      Array.from({ length: 120 }, (_, i) => String(120 - i)),
    );
    // $LATEST plus 120 versions: three pages of at most 50.
    expect(lambda.inputsOf('ListVersionsByFunctionCommand')).toEqual([
      { FunctionName: 'orders', MaxItems: 50 },
      { FunctionName: 'orders', MaxItems: 50, Marker: '50' },
      { FunctionName: 'orders', MaxItems: 50, Marker: '100' },
    ]);

    const aliases = await queryClient.fetchQuery(functionQueries.aliases('orders'));
    expect(aliases.map((a) => a.Name)).toEqual(Array.from({ length: 60 }, (_, i) => `a${100 + i}`));
    expect(lambda.inputsOf('ListAliasesCommand')).toHaveLength(2);
    expect(functionQueries.aliases('orders').queryKey).toEqual([
      'functions',
      'us-east-1',
      'aliases',
      'orders',
    ]);
  });

  it('reject with AWS’s 404 for a function Lambda does not know', async () => {
    setLambdaClient(new FakeLambda());
    await expect(
      createQueryClient().fetchQuery({ ...functionQueries.aliases('gone'), retry: false }),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('listAllPages', () => {
  it('stops after maxPages and when Lambda repeats a NextMarker', async () => {
    let calls = 0;
    const endless = (marker: string | undefined) => {
      calls += 1;
      return Promise.resolve({ items: [marker ?? 'first'], NextMarker: String(calls) });
    };
    await expect(listAllPages(endless, 3)).resolves.toEqual(['first', '1', '2']);
    expect(calls).toBe(3);
    await expect(
      listAllPages(() => Promise.resolve({ items: [1], NextMarker: 'same' })),
    ).rejects.toThrow('Lambda returned NextMarker same twice; stopped listing.');
  });
});
