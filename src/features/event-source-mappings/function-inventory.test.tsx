import {
  LambdaServiceException,
  ListAliasesCommand,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda';
import { focusManager, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { setLambdaClient } from '../../api/lambda-client.ts';
import { setLambdaRequestRate } from '../../api/request-pacing.ts';
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
    // Not a full ARN: no region to ask.
    expect(result.current.statusOf('fn-0')).toBe('unknown');
    expect(result.current.statusOf('123456789012:function:fn-0')).toBe('unknown');
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
    // fn-1's versions (for :60, :61) and aliases (for :alias-54, :beta), each listed once; nothing
    // for the missing or unqualified function.
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
    expect(lambda.inputsOf('ListVersionsByFunctionCommand')).toHaveLength(0);
    expect(lambda.inputsOf('ListAliasesCommand')).toHaveLength(30);
    expect(lambda.maxInFlight).toBe(INVENTORY_CONCURRENCY);
  });

  it('lists only versions for a version reference and only aliases for an alias reference', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(1), fakeFunction(2), fakeFunction(3)];
    lambda.versions = { 'fn-1': ['1', '2'], 'fn-2': ['1'], 'fn-3': ['1', '4'] };
    // An alias named like a version cannot exist (Lambda: an alias is never all digits); fn-3's
    // alias `v4` must not make `fn-3:4` exist, nor its version 4 the alias.
    lambda.aliases = { 'fn-1': { live: '1' }, 'fn-2': { live: '1' }, 'fn-3': { v4: '4' } };
    const { wrapper } = setup(lambda);
    const { result } = renderInventory(wrapper, [
      `${arn('fn-1')}:2`,
      `${arn('fn-2')}:live`,
      `${arn('fn-3')}:4`,
      `${arn('fn-3')}:v4`,
      `${arn('fn-3')}:$LATEST`,
    ]);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.statusOf(`${arn('fn-1')}:2`)).toBe('exists');
    expect(result.current.statusOf(`${arn('fn-2')}:live`)).toBe('exists');
    expect(result.current.statusOf(`${arn('fn-3')}:4`)).toBe('exists');
    expect(result.current.statusOf(`${arn('fn-3')}:v4`)).toBe('exists');
    // Not asked about: fn-1's aliases and fn-2's versions were not listed, so still unknown.
    expect(result.current.statusOf(`${arn('fn-1')}:live`)).toBe('unknown');
    expect(result.current.statusOf(`${arn('fn-2')}:1`)).toBe('unknown');
    const asked = (name: string) => lambda.inputsOf(name).map((input) => input.FunctionName);
    expect(asked('ListVersionsByFunctionCommand').sort()).toEqual(['fn-1', 'fn-3']);
    expect(asked('ListAliasesCommand').sort()).toEqual(['fn-2', 'fn-3']);
  });

  it('copies an answer only for the kind it listed: a version of a function seen by alias is asked', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(1)];
    lambda.versions = { 'fn-1': ['1', '3'] };
    lambda.aliases = { 'fn-1': { live: '1' } };
    const { wrapper } = setup(lambda);
    const list = renderInventory(wrapper, [`${arn('fn-1')}:live`]);
    await waitFor(() => expect(list.result.current.status).toBe('success'));
    const calls = lambda.calls.length;
    const detail = renderInventory(wrapper, [`${arn('fn-1')}:live`, `${arn('fn-1')}:3`]);
    await waitFor(() => expect(detail.result.current.status).toBe('success'));
    expect(detail.result.current.statusOf(`${arn('fn-1')}:3`)).toBe('exists');
    expect(detail.result.current.statusOf(`${arn('fn-1')}:live`)).toBe('exists');
    expect(lambda.calls.slice(calls).map((call) => [call.name, call.input.FunctionName])).toEqual([
      ['ListVersionsByFunctionCommand', 'fn-1'],
    ]);
  });

  it('starts its requests in slots of the region’s pacer (the console’s share of Lambda’s rate)', async () => {
    setLambdaRequestRate(20);
    try {
      const lambda = new FakeLambda();
      lambda.functions = Array.from({ length: 10 }, (_, n) => fakeFunction(n));
      const arns = lambda.functions.map((fn) => `${fn.FunctionArn ?? ''}:live`);
      for (const fn of lambda.functions) lambda.aliases[fn.FunctionName ?? ''] = { live: '1' };
      const starts: number[] = [];
      const send = lambda.send;
      lambda.send = ((...args: Parameters<typeof send>) => {
        starts.push(performance.now());
        return send(...args);
      }) as typeof send;
      const { wrapper } = setup(lambda);
      const { result } = renderInventory(wrapper, arns);
      await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 5000 });
      // ListFunctions and 10 ListAliases, 50 ms apart at 20 a second.
      expect(starts).toHaveLength(11);
      for (let n = 1; n < starts.length; n += 1) {
        expect(starts[n]! - starts[n - 1]!).toBeGreaterThanOrEqual(45);
      }
    } finally {
      setLambdaRequestRate(Infinity);
    }
  });

  it('reports its progress: functions listed, then version and alias lookups done of those needed', async () => {
    const lambda = new FakeLambda();
    lambda.latencyMs = 40;
    lambda.functions = Array.from({ length: 120 }, (_, n) => fakeFunction(n));
    // 8 functions by alias, 2 of them by version too: 10 lookups.
    const arns = [
      ...lambda.functions.slice(0, 8).map((fn) => `${fn.FunctionArn ?? ''}:live`),
      `${arn('fn-0')}:1`,
      `${arn('fn-1')}:1`,
    ];
    for (const fn of lambda.functions) lambda.aliases[fn.FunctionName ?? ''] = { live: '1' };
    const { wrapper } = setup(lambda);
    const { result } = renderInventory(wrapper, arns);
    const seen: string[] = [];
    const unsubscribe = result.current.subscribeProgress(() => {
      const p = result.current.getProgress();
      seen.push(`${p.functionsListed}/${p.lookupsDone}/${p.lookups}`);
    });
    try {
      await waitFor(
        () => expect(result.current.getProgress().functionsListed).toBeGreaterThanOrEqual(50),
        { interval: 10 },
      );
      expect(result.current.getProgress().lookups).toBe(0);
      await waitFor(() => expect(result.current.getProgress().lookups).toBe(10), { interval: 10 });
      expect(result.current.getProgress().functionsListed).toBe(0);
      const during = result.current.getProgress();
      expect(during.lookupsDone).toBeLessThan(10);
      // The same object while nothing changed.
      expect(result.current.getProgress()).toBe(during);
      await waitFor(() => expect(result.current.status).toBe('success'));
      expect(result.current.getProgress()).toEqual({
        functionsListed: 0,
        lookupsDone: 0,
        lookups: 0,
      });
      // Told at most every 500 ms (the walk and lookups take about 0.3 s: 3 pages, then 10 lookups
      // 4 at a time), and told the end.
      await waitFor(() => expect(seen.at(-1)).toBe('0/0/0'));
      expect(seen.length).toBeLessThanOrEqual(3);
    } finally {
      unsubscribe();
    }
  });

  it('decides deleted functions once ListFunctions is walked, while the lookups still run', async () => {
    const lambda = new FakeLambda();
    lambda.latencyMs = 60;
    lambda.functions = Array.from({ length: 12 }, (_, n) => fakeFunction(n));
    for (const fn of lambda.functions) lambda.aliases[fn.FunctionName ?? ''] = { live: '1' };
    const qualified = lambda.functions.map((fn) => `${fn.FunctionArn ?? ''}:live`);
    const { wrapper } = setup(lambda);
    const { result } = renderInventory(wrapper, [...qualified, arn('deleted-fn'), arn('fn-3')]);
    // 12 lookups of 60 ms, 4 at a time: about 180 ms after the walk.
    await waitFor(
      () => expect(result.current.statusOf(arn('deleted-fn'))).toBe('function-missing'),
      {
        interval: 10,
      },
    );
    expect(result.current.status).toBe('pending');
    expect(result.current.statusOf(arn('fn-3'))).toBe('exists');
    expect(result.current.statusOf(qualified[11] ?? '')).toBe('unknown');
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(qualified.every((a) => result.current.statusOf(a) === 'exists')).toBe(true);
  });

  it('calls a function deleted after ListFunctions missing (ListVersionsByFunction 404)', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(1), fakeFunction(2)];
    lambda.aliases = { 'fn-2': { live: '1' } };
    const send = lambda.send;
    // ListFunctions still lists fn-1; Lambda deletes it before the lookup of its versions.
    lambda.send = (async (...args: Parameters<typeof send>) => {
      const output: unknown = await send(...args);
      if (args[0] instanceof ListFunctionsCommand) {
        lambda.functions = lambda.functions.filter((fn) => fn.FunctionName !== 'fn-1');
      }
      return output;
    }) as typeof send;
    const { wrapper } = setup(lambda);
    const { result } = renderInventory(wrapper, [`${arn('fn-1')}:1`, `${arn('fn-2')}:live`]);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.statusOf(`${arn('fn-1')}:1`)).toBe('function-missing');
    expect(result.current.statusOf(`${arn('fn-2')}:live`)).toBe('exists');
    // Listed, but the 404 says it is gone, with or without a qualifier.
    expect(result.current.statusOf(`${arn('fn-1')}:prod`)).toBe('function-missing');
    expect(result.current.statusOf(arn('fn-1'))).toBe('function-missing');
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

  it('stops asking when a lookup is refused, and reports the region as failed', async () => {
    const lambda = new FakeLambda();
    lambda.latencyMs = 5;
    lambda.functions = Array.from({ length: 20 }, (_, n) => fakeFunction(n));
    const arns = lambda.functions.map((fn) => `${fn.FunctionArn ?? ''}:live`);
    const send = lambda.send;
    // A role with lambda:ListFunctions but not lambda:ListAliases.
    lambda.send = (async (...args: Parameters<typeof send>) => {
      if (args[0] instanceof ListAliasesCommand) {
        lambda.failNext(
          new LambdaServiceException({
            name: 'AccessDeniedException',
            $fault: 'client',
            message: 'User: … is not authorized to perform: lambda:ListAliases',
            $metadata: { httpStatusCode: 403 },
          }),
        );
      }
      return send(...args);
    }) as typeof send;
    const { wrapper } = setup(lambda);
    const { result } = renderInventory(wrapper, [...arns, arn('fn-0')]);
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect((result.current.error as Error).name).toBe('AccessDeniedException');
    // ListFunctions answered: what it alone decides stays decided; the aliases stay unknown.
    expect(result.current.statusOf(arn('fn-0'))).toBe('exists');
    expect(result.current.statusOf(arn('gone'))).toBe('function-missing');
    expect(result.current.statusOf(arns[0] ?? '')).toBe('unknown');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The requests already running when the first refusal came back, not one for each of 20 functions.
    const lookups = lambda.calls.length - lambda.inputsOf('ListFunctionsCommand').length;
    expect(lookups).toBeLessThanOrEqual(INVENTORY_CONCURRENCY + 1);
  });

  it('walks ListFunctions once when the ARNs go away mid-walk and come back (a region retried in the list)', async () => {
    const lambda = new FakeLambda();
    // Three pages of 100 ms each: the walk is still on its first or second page when the ARNs go.
    lambda.latencyMs = 100;
    lambda.functions = Array.from({ length: 150 }, (_, n) => fakeFunction(n));
    lambda.aliases = { 'fn-1': { live: '1' } };
    const { wrapper } = setup(lambda);
    const arns = [arn('fn-0'), `${arn('fn-1')}:live`, arn('deleted-fn')];
    const { result, rerender } = renderInventory(wrapper, arns);
    await waitFor(() => expect(lambda.inputsOf('ListFunctionsCommand')).toHaveLength(1), {
      interval: 10,
    });
    // The list asks about nothing while a region loads again (its query loses its observer).
    rerender({ arns: [], on: false });
    await new Promise((resolve) => setTimeout(resolve, 40));
    rerender({ arns, on: true });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.statusOf(arn('deleted-fn'))).toBe('function-missing');
    expect(result.current.statusOf(`${arn('fn-1')}:live`)).toBe('exists');
    expect(lambda.inputsOf('ListFunctionsCommand')).toEqual([
      { MaxItems: 50 },
      { MaxItems: 50, Marker: '50' },
      { MaxItems: 50, Marker: '100' },
    ]);
    expect(lambda.inputsOf('ListAliasesCommand')).toHaveLength(1);
  });

  it('makes one query observer per region for 600 functions with qualifiers', async () => {
    const east = new FakeLambda();
    east.functions = Array.from({ length: 600 }, (_, n) => fakeFunction(n));
    for (const fn of east.functions) east.aliases[fn.FunctionName ?? ''] = { live: '1' };
    const west = new FakeLambda();
    west.functions = [
      fakeFunction(1, { FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fn-1' }),
    ];
    const { queryClient, wrapper } = setup({ 'us-east-1': east, 'eu-west-1': west });
    const arns = [
      ...east.functions.map((fn) => `${fn.FunctionArn ?? ''}:live`),
      ...east.functions.map((fn) => `${fn.FunctionArn ?? ''}:2`),
      `${arn('fn-1', 'eu-west-1')}:3`,
    ];
    const { result } = renderInventory(wrapper, arns);
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 10_000 });
    const queries = queryClient.getQueryCache().findAll({ queryKey: ['functions'] });
    const observers = (names: boolean) =>
      queries
        .filter((q) => (q.queryKey[3] === 'names') === names)
        .map((q) => [q.queryKey[1], q.getObserversCount()])
        .sort();
    expect(observers(false)).toEqual([
      ['eu-west-1', 1],
      ['us-east-1', 1],
    ]);
    // Besides each region's ListFunctions names, fetched by its inventory and observed by none.
    expect(observers(true)).toEqual([
      ['eu-west-1', 0],
      ['us-east-1', 0],
    ]);
    expect(result.current.statusOf(`${arn('fn-599')}:live`)).toBe('exists');
    expect(result.current.statusOf(`${arn('fn-599')}:2`)).toBe('qualifier-missing');
    expect(result.current.statusOf(`${arn('fn-1', 'eu-west-1')}:3`)).toBe('qualifier-missing');
    expect(east.inputsOf('ListFunctionsCommand')).toHaveLength(12);
    expect(east.inputsOf('ListVersionsByFunctionCommand')).toHaveLength(600);
    expect(east.inputsOf('ListAliasesCommand')).toHaveLength(600);
  }, 20_000);

  it('copies a fresh answer of the region: a subset asks nothing, a new function asks only about itself', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(1), fakeFunction(2), fakeFunction(3)];
    lambda.aliases = { 'fn-1': { live: '1' }, 'fn-2': { live: '1' }, 'fn-3': { live: '1' } };
    const { wrapper } = setup(lambda);
    const list = renderInventory(wrapper, [`${arn('fn-1')}:live`, `${arn('fn-2')}:live`]);
    await waitFor(() => expect(list.result.current.status).toBe('success'));
    const calls = lambda.calls.length;

    // A mapping's page, after the list.
    const detail = renderInventory(wrapper, [`${arn('fn-2')}:live`]);
    await waitFor(() => expect(detail.result.current.status).toBe('success'));
    expect(detail.result.current.statusOf(`${arn('fn-2')}:live`)).toBe('exists');
    expect(lambda.calls).toHaveLength(calls);

    // A new mapping on fn-3: what was known stays decided while fn-3 is looked up.
    lambda.latencyMs = 20;
    list.rerender({
      arns: [`${arn('fn-1')}:live`, `${arn('fn-2')}:live`, `${arn('fn-3')}:live`],
      on: true,
    });
    expect(list.result.current.status).toBe('pending');
    expect(list.result.current.statusOf(`${arn('fn-1')}:live`)).toBe('exists');
    expect(list.result.current.statusOf(`${arn('fn-3')}:live`)).toBe('unknown');
    await waitFor(() => expect(list.result.current.status).toBe('success'));
    expect(list.result.current.statusOf(`${arn('fn-3')}:live`)).toBe('exists');
    expect(lambda.calls.slice(calls).map((call) => [call.name, call.input.FunctionName])).toEqual([
      ['ListAliasesCommand', 'fn-3'],
    ]);
  });

  it('keeps statusOf when a refetch learns nothing new, and changes it when it does', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(1)];
    lambda.aliases = { 'fn-1': { live: '1' } };
    const { queryClient, wrapper } = setup(lambda);
    const { result } = renderInventory(wrapper, [`${arn('fn-1')}:live`]);
    await waitFor(() => expect(result.current.status).toBe('success'));
    const { statusOf } = result.current;
    const calls = lambda.calls.length;
    await queryClient.invalidateQueries({ queryKey: functionQueries.all() });
    expect(lambda.calls).toHaveLength(calls * 2);
    // Let the answer reach the component.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.status).toBe('success');
    expect(result.current.statusOf).toBe(statusOf);

    lambda.aliases = {};
    await queryClient.invalidateQueries({ queryKey: functionQueries.all() });
    await waitFor(() =>
      expect(result.current.statusOf(`${arn('fn-1')}:live`)).toBe('qualifier-missing'),
    );
  });

  it('stays fresh for 5 minutes and does not refetch on window focus', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(1)];
    const { wrapper } = setup(lambda);
    const first = renderInventory(wrapper, [arn('fn-1')]);
    await waitFor(() => expect(first.result.current.status).toBe('success'));
    first.unmount();
    const start = Date.now();
    const now = vi.spyOn(Date, 'now');
    try {
      now.mockReturnValue(start + 4 * 60_000);
      const again = renderInventory(wrapper, [arn('fn-1')]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lambda.calls).toHaveLength(1);
      now.mockReturnValue(start + 6 * 60_000);
      window.dispatchEvent(new Event('visibilitychange'));
      focusManager.setFocused(false);
      focusManager.setFocused(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lambda.calls).toHaveLength(1);
      again.unmount();
      // Stale now: a new mount asks again.
      renderInventory(wrapper, [arn('fn-1')]);
      await waitFor(() => expect(lambda.calls).toHaveLength(2));
    } finally {
      now.mockRestore();
      focusManager.setFocused(undefined);
    }
  });

  it('keys sit under functionQueries’ root without touching its list key', () => {
    expect(
      functionInventoryQueries.region('eu-west-1', { version: ['fn-1'], alias: ['fn-1', 'fn-2'] })
        .queryKey,
    ).toEqual([
      'functions',
      'eu-west-1',
      'inventory',
      { version: ['fn-1'], alias: ['fn-1', 'fn-2'] },
    ]);
    expect(functionInventoryQueries.all('us-east-1')).toEqual([
      'functions',
      'us-east-1',
      'inventory',
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
