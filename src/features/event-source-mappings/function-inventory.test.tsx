import { LambdaServiceException } from '@aws-sdk/client-lambda';
import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { setLambdaClient } from '../../api/lambda-client.ts';
import { createQueryClient } from '../../lib/query-client.ts';
import { FakeLambda, fakeFunction } from '../../testing/fake-lambda.ts';
import {
  createLimiter,
  functionInventoryQueries,
  INVENTORY_CONCURRENCY,
  useFunctionInventory,
} from './function-inventory.ts';
import { functionQueries } from './function-queries.ts';

const arn = (name: string, region = 'us-east-1') =>
  `arn:aws:lambda:${region}:123456789012:function:${name}`;

function setup(clients: FakeLambda | Record<string, FakeLambda>) {
  setLambdaClient(
    clients instanceof FakeLambda
      ? clients
      : (region: string) => {
          const client = clients[region];
          if (!client) throw new Error(`no fake for ${region}`);
          return client;
        },
  );
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, wrapper };
}

function renderInventory(
  wrapper: (props: { children: ReactNode }) => ReactNode,
  functionArns: readonly string[],
  enabled = true,
) {
  return renderHook(
    ({ arns, on }: { arns: readonly string[]; on: boolean }) =>
      useFunctionInventory(arns, { enabled: on }),
    { wrapper, initialProps: { arns: functionArns, on: enabled } },
  );
}

describe('useFunctionInventory', () => {
  it('lists every function (50 per page) and decides unqualified and $LATEST references from that alone', async () => {
    const lambda = new FakeLambda();
    lambda.functions = Array.from({ length: 120 }, (_, n) => fakeFunction(n));
    const { wrapper } = setup(lambda);
    const arns = [arn('fn-0'), arn('fn-119') + ':$LATEST', arn('deleted-fn')];
    const { result } = renderInventory(wrapper, arns);
    expect(result.current.statusOf(arn('fn-0'))).toBe('unknown');
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.statusOf(arn('fn-0'))).toBe('exists');
    expect(result.current.statusOf(`${arn('fn-119')}:$LATEST`)).toBe('exists');
    expect(result.current.statusOf(arn('deleted-fn'))).toBe('function-missing');
    expect(result.current.statusOf(`${arn('deleted-fn')}:live`)).toBe('function-missing');
    expect(lambda.inputsOf('ListFunctionsCommand')).toEqual([
      { MaxItems: 50 },
      { MaxItems: 50, Marker: '50' },
      { MaxItems: 50, Marker: '100' },
    ]);
    expect(lambda.inputsOf('ListVersionsByFunctionCommand')).toEqual([]);
    expect(lambda.inputsOf('ListAliasesCommand')).toEqual([]);
  });

  it('checks versions and aliases (all pages) only for existing functions referenced with a qualifier', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(1), fakeFunction(2)];
    lambda.versions = { 'fn-1': Array.from({ length: 60 }, (_, n) => String(n + 1)) };
    lambda.aliases = {
      'fn-1': Object.fromEntries(Array.from({ length: 55 }, (_, n) => [`alias-${n}`, '3'])),
    };
    const { wrapper } = setup(lambda);
    const arns = [`${arn('fn-1')}:60`, `${arn('fn-1')}:alias-54`, `${arn('fn-1')}:61`, arn('fn-2')];
    const { result } = renderInventory(wrapper, [
      ...arns,
      `${arn('gone')}:prod`,
      `${arn('fn-1')}:beta`,
    ]);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.statusOf(`${arn('fn-1')}:60`)).toBe('exists');
    expect(result.current.statusOf(`${arn('fn-1')}:alias-54`)).toBe('exists');
    expect(result.current.statusOf(`${arn('fn-1')}:61`)).toBe('qualifier-missing');
    expect(result.current.statusOf(`${arn('fn-1')}:beta`)).toBe('qualifier-missing');
    expect(result.current.statusOf(arn('fn-2'))).toBe('exists');
    expect(result.current.statusOf(`${arn('gone')}:prod`)).toBe('function-missing');
    // One lookup for fn-1 (both qualifiers), none for the missing or unqualified function.
    expect(lambda.inputsOf('ListVersionsByFunctionCommand')).toEqual([
      { FunctionName: 'fn-1', MaxItems: 50 },
      { FunctionName: 'fn-1', MaxItems: 50, Marker: '50' },
    ]);
    expect(lambda.inputsOf('ListAliasesCommand')).toEqual([
      { FunctionName: 'fn-1', MaxItems: 50 },
      { FunctionName: 'fn-1', MaxItems: 50, Marker: '50' },
    ]);
  });

  it('asks each region’s own client', async () => {
    const east = new FakeLambda();
    east.functions = [fakeFunction(1)];
    const west = new FakeLambda();
    west.functions = [
      fakeFunction(9, { FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fn-9' }),
    ];
    const { wrapper } = setup({ 'us-east-1': east, 'eu-west-1': west });
    const { result } = renderInventory(wrapper, [
      arn('fn-1'),
      arn('fn-9', 'eu-west-1'),
      arn('fn-1', 'eu-west-1'),
    ]);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.statusOf(arn('fn-1'))).toBe('exists');
    expect(result.current.statusOf(arn('fn-9', 'eu-west-1'))).toBe('exists');
    expect(result.current.statusOf(arn('fn-1', 'eu-west-1'))).toBe('function-missing');
    expect(east.inputsOf('ListFunctionsCommand')).toHaveLength(1);
    expect(west.inputsOf('ListFunctionsCommand')).toHaveLength(1);
  });

  it('does not ask again for the same set of ARNs in a new array, and keeps statusOf', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(1), fakeFunction(2)];
    lambda.aliases = { 'fn-1': { live: '1' } };
    const { wrapper } = setup(lambda);
    const arns = [`${arn('fn-1')}:live`, arn('fn-2')];
    const { result, rerender } = renderInventory(wrapper, arns);
    await waitFor(() => expect(result.current.status).toBe('success'));
    const calls = lambda.calls.length;
    const { statusOf } = result.current;
    rerender({ arns: [arn('fn-2'), `${arn('fn-1')}:live`, arn('fn-2')], on: true });
    // A new unqualified ARN in a known region needs no call either.
    rerender({ arns: [arn('fn-3'), `${arn('fn-1')}:live`], on: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lambda.calls).toHaveLength(calls);
    expect(result.current.statusOf).toBe(statusOf);
    expect(result.current.statusOf(arn('fn-3'))).toBe('function-missing');
  });

  it('keeps at most 4 requests in flight per region however many functions have qualifiers', async () => {
    const lambda = new FakeLambda();
    lambda.latencyMs = 5;
    lambda.functions = Array.from({ length: 30 }, (_, n) => fakeFunction(n));
    const arns = lambda.functions.map((fn) => `${fn.FunctionArn ?? ''}:live`);
    for (const fn of lambda.functions) lambda.aliases[fn.FunctionName ?? ''] = { live: '1' };
    const { wrapper } = setup(lambda);
    const { result } = renderInventory(wrapper, arns);
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 5000 });
    expect(arns.every((a) => result.current.statusOf(a) === 'exists')).toBe(true);
    expect(lambda.inputsOf('ListVersionsByFunctionCommand')).toHaveLength(30);
    expect(lambda.inputsOf('ListAliasesCommand')).toHaveLength(30);
    expect(lambda.maxInFlight).toBe(INVENTORY_CONCURRENCY);
  });

  it('calls a function deleted after ListFunctions missing (ListVersionsByFunction 404)', async () => {
    const lambda = new FakeLambda();
    const { queryClient, wrapper } = setup(lambda);
    // ListFunctions still listed it; Lambda has deleted it since.
    queryClient.setQueryData(functionInventoryQueries.names('us-east-1').queryKey, [
      'just-deleted',
    ]);
    const { result } = renderInventory(wrapper, [`${arn('just-deleted')}:1`]);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.statusOf(`${arn('just-deleted')}:1`)).toBe('function-missing');
    expect(lambda.inputsOf('ListFunctionsCommand')).toEqual([]);
  });

  it('reports a failed lookup and leaves what it decides unknown', async () => {
    const lambda = new FakeLambda();
    lambda.failNext(
      new LambdaServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        message:
          'User: arn:aws:sts::123456789012:assumed-role/guest/x is not authorized to perform: lambda:ListFunctions',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const { wrapper } = setup(lambda);
    const { result } = renderInventory(wrapper, [arn('fn-1')]);
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect((result.current.error as Error).name).toBe('AccessDeniedException');
    expect(result.current.statusOf(arn('fn-1'))).toBe('unknown');
  });

  it('asks nothing while disabled, and nothing for no ARNs', async () => {
    const lambda = new FakeLambda();
    const { wrapper } = setup(lambda);
    const { result } = renderInventory(wrapper, [arn('fn-1')], false);
    const empty = renderInventory(wrapper, []);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.status).toBe('pending');
    expect(result.current.statusOf(arn('fn-1'))).toBe('unknown');
    expect(empty.result.current.status).toBe('success');
    expect(lambda.calls).toEqual([]);
  });

  it('keys sit under functionQueries’ root without touching its list key', () => {
    expect(functionInventoryQueries.names('eu-west-1').queryKey).toEqual([
      'functions',
      'eu-west-1',
      'inventory',
      'names',
    ]);
    expect(functionInventoryQueries.qualifiers('us-east-1', 'fn-1').queryKey).toEqual([
      'functions',
      'us-east-1',
      'inventory',
      'qualifiers',
      'fn-1',
    ]);
    expect(functionQueries.all()).toEqual(['functions', 'us-east-1']);
    expect(functionQueries.list().queryKey).toEqual(['functions', 'us-east-1', 'list']);
  });
});

describe('createLimiter', () => {
  it('runs at most max tasks at once, in order, and drops a task aborted while waiting', async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(n);
      running -= 1;
      return n;
    };
    const controller = new AbortController();
    const results = [1, 2, 3].map((n) => limiter.run(task(n)));
    const aborted = limiter.run(task(99), controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(aborted).rejects.toThrow('cancelled');
    expect(await Promise.all([...results, limiter.run(task(4))])).toEqual([1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(order).not.toContain(99);
  });
});
