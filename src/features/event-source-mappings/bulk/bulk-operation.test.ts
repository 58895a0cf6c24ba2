import {
  ResourceInUseException,
  TooManyRequestsException,
  type EventSourceMappingConfiguration,
} from '@aws-sdk/client-lambda';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import fc from 'fast-check';
import type { ListEventSourceMappingsCommandOutput } from '@aws-sdk/client-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LambdaSender } from '../../../api/lambda-client.ts';
import { FakeLambda, fakeMapping } from '../../../testing/fake-lambda.ts';
import { mappingQueries } from '../queries.ts';
import {
  describeProgress,
  regionOfMapping,
  startBulkOperation,
  undoPlanOf,
  type BulkOperationController,
  type BulkOperationOptions,
  type BulkOperationSnapshot,
} from './bulk-operation.ts';

const metadata = (httpStatusCode: number) => ({ httpStatusCode, attempts: 3, totalRetryDelay: 0 });

const throttled = (retryAfterSeconds?: string) =>
  new TooManyRequestsException({
    message: 'Rate exceeded',
    $metadata: metadata(429),
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  });

/** Lambda's answer when the identity may not change one mapping (e.g. a tag-based policy). */
class AccessDeniedException extends Error {
  override name = 'AccessDeniedException';
  $metadata = metadata(403);
}

interface Sent {
  name: string;
  input: Record<string, unknown>;
  at: number;
}

/**
 * The fake Lambda behind a latency (so requests overlap), with a record of when each command
 * started, how many were in flight at most, and optional refusals per command.
 */
function instrument(
  lambda: FakeLambda,
  options: {
    latencyMs?: number;
    refuse?: (name: string, input: Record<string, unknown>) => unknown;
  } = {},
) {
  const sent: Sent[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const sender: LambdaSender = {
    send: (async (command: { input: Record<string, unknown> }) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const name = command.constructor.name;
        sent.push({ name, input: { ...command.input }, at: Date.now() });
        await new Promise((resolve) => setTimeout(resolve, options.latencyMs ?? 40));
        const refusal = options.refuse?.(name, command.input);
        if (refusal) throw refusal;
        return await lambda.send(command as never);
      } finally {
        inFlight -= 1;
      }
    }) as LambdaSender['send'],
  };
  return {
    sender,
    sent,
    maxInFlight: () => maxInFlight,
    inputsOf: (name: string) => sent.filter((s) => s.name === name).map((s) => s.input),
  };
}

/**
 * A client that answers like Lambda behind the SDK's standard retry strategy, with one scripted
 * decision per attempt: `plan(name, UUID)` says whether the attempt is throttled (429) and how
 * long it takes. A throttled attempt is retried after Retry-After (1 s) until
 * `maxAttempts` (reads 8, writes 5 as `LAMBDA_MAX_ATTEMPTS` / `LAMBDA_WRITE_MAX_ATTEMPTS`); the
 * last one rejects with TooManyRequestsException, as the SDK does once its retries are used up.
 */
function sdkLikeSender(
  lambda: FakeLambda,
  plan: (name: string, UUID: string) => { throttled: boolean; latencyMs: number },
  maxAttempts: { read: number; write: number } = { read: 8, write: 5 },
) {
  const sent: Sent[] = [];
  const sender: LambdaSender = {
    send: (async (command: { input: Record<string, unknown> }) => {
      const name = command.constructor.name;
      const max = name === 'GetEventSourceMappingCommand' ? maxAttempts.read : maxAttempts.write;
      for (let attempt = 1; ; attempt += 1) {
        sent.push({ name, input: { ...command.input }, at: Date.now() });
        const { throttled: refused, latencyMs } = plan(name, String(command.input.UUID));
        await new Promise((resolve) => setTimeout(resolve, latencyMs));
        if (!refused) return await lambda.send(command as never);
        if (attempt >= max) throw throttled('1');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }) as LambdaSender['send'],
  };
  return {
    sender,
    sent,
    inputsOf: (name: string) => sent.filter((s) => s.name === name).map((s) => s.input),
  };
}

/** Moves Enabling/Disabling on one Get later, as Lambda does after a moment. */
function settleOnGet(lambda: FakeLambda) {
  lambda.afterGet = (mapping) => {
    if (mapping.State === 'Enabling') mapping.State = 'Enabled';
    if (mapping.State === 'Disabling') mapping.State = 'Disabled';
  };
}

function run(
  options: Omit<BulkOperationOptions, 'client'> & { sender: LambdaSender },
): BulkOperationController {
  const { sender, ...rest } = options;
  return startBulkOperation({ maxRequestsPerSecond: Infinity, ...rest, client: () => sender });
}

async function finish(controller: BulkOperationController): Promise<BulkOperationSnapshot> {
  const finished = controller.whenFinished();
  await vi.runAllTimersAsync();
  return finished;
}

/** Fake timers run the cache's garbage collection too; keep entries for the assertions. */
const testQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });

const uuid = (n: number) => fakeMapping(n).UUID!;
const outcomeOf = (snapshot: BulkOperationSnapshot, n: number) =>
  snapshot.items.find((item) => item.UUID === uuid(n))?.outcome;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('bulk operation runner', () => {
  it('never has more than the bound in flight, and uses it', async () => {
    const lambda = new FakeLambda(Array.from({ length: 60 }, (_, n) => fakeMapping(n)));
    settleOnGet(lambda);
    const fake = instrument(lambda);
    const snapshot = await finish(
      run({ action: 'disable', mappings: lambda.mappings, sender: fake.sender, concurrency: 5 }),
    );
    expect(fake.maxInFlight()).toBe(5);
    expect(snapshot.counts.done).toBe(60);
    expect(fake.inputsOf('UpdateEventSourceMappingCommand')).toHaveLength(60);
  });

  it('starts at most maxRequestsPerSecond requests in any second', async () => {
    const lambda = new FakeLambda(Array.from({ length: 30 }, (_, n) => fakeMapping(n)));
    settleOnGet(lambda);
    const fake = instrument(lambda, { latencyMs: 5 });
    await finish(
      run({
        action: 'disable',
        mappings: lambda.mappings,
        sender: fake.sender,
        maxRequestsPerSecond: 10,
      }),
    );
    const starts = fake.sent.map((s) => s.at);
    expect(starts.length).toBeGreaterThanOrEqual(60);
    for (let i = 10; i < starts.length; i += 1) {
      expect(starts[i]! - starts[i - 10]!).toBeGreaterThanOrEqual(1000);
    }
  });

  it('follows each mapping through Disabling to Disabled and writes every read to the caches', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2), fakeMapping(3)]);
    settleOnGet(lambda);
    const fake = instrument(lambda);
    const queryClient = testQueryClient();
    const listKey = mappingQueries.list({}, 'us-east-1').queryKey;
    queryClient.setQueryData<
      InfiniteData<ListEventSourceMappingsCommandOutput, string | undefined>
    >(listKey, {
      pages: [{ $metadata: {}, EventSourceMappings: lambda.mappings.map((m) => ({ ...m })) }],
      pageParams: [undefined],
    });
    const snapshots: BulkOperationSnapshot[] = [];
    const controller = run({
      action: 'disable',
      mappings: lambda.mappings.map((m) => ({ ...m })),
      sender: fake.sender,
      queryClient,
      onChange: (s) => snapshots.push(s),
    });
    const done = await finish(controller);
    for (const n of [1, 2, 3]) {
      expect(outcomeOf(done, n)).toEqual({ kind: 'done', State: 'Disabled' });
      expect(
        queryClient.getQueryData(mappingQueries.detail(uuid(n), 'us-east-1').queryKey)?.State,
      ).toBe('Disabled');
    }
    // Disabling was seen (and shown) on the way.
    expect(snapshots.some((s) => s.items.some((i) => i.outcome.kind === 'transitioning'))).toBe(
      true,
    );
    expect(fake.inputsOf('GetEventSourceMappingCommand').length).toBeGreaterThanOrEqual(6);
    const rows =
      queryClient.getQueryData<
        InfiniteData<ListEventSourceMappingsCommandOutput, string | undefined>
      >(listKey)?.pages[0]?.EventSourceMappings;
    expect(rows?.map((m) => m.State)).toEqual(['Disabled', 'Disabled', 'Disabled']);
    expect(describeProgress(done).progress).toBe('Disable finished: 3 of 3 done');
    expect(describeProgress(done).counts).toBe('3 succeeded, 0 failed, 0 skipped');
  });

  it('batches snapshots: at most one per batch interval while running', async () => {
    const lambda = new FakeLambda(Array.from({ length: 100 }, (_, n) => fakeMapping(n)));
    settleOnGet(lambda);
    const fake = instrument(lambda);
    const emitted: number[] = [];
    const done = await finish(
      run({
        action: 'disable',
        mappings: lambda.mappings,
        sender: fake.sender,
        onChange: () => emitted.push(Date.now()),
      }),
    );
    const elapsed = done.finishedAt! - done.startedAt;
    // Every mapping changed outcome at least 4 times (pending → calling → transitioning → done).
    expect(emitted.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 2);
    for (let i = 1; i < emitted.length - 1; i += 1) {
      expect(emitted[i]! - emitted[i - 1]!).toBeGreaterThanOrEqual(250);
    }
  });

  it('skips mappings already in the target State and waits for transitional ones to settle', async () => {
    const lambda = new FakeLambda([
      fakeMapping(1),
      fakeMapping(2, { State: 'Disabled' }),
      fakeMapping(3, { State: 'Enabling', LastModified: new Date() }),
    ]);
    settleOnGet(lambda);
    const fake = instrument(lambda);
    const done = await finish(
      run({
        action: 'disable',
        mappings: lambda.mappings.map((m) => ({ ...m })),
        sender: fake.sender,
      }),
    );
    expect(outcomeOf(done, 2)).toEqual({ kind: 'skipped', reason: 'Already Disabled.' });
    expect(outcomeOf(done, 3)).toEqual({ kind: 'done', State: 'Disabled' });
    expect(fake.inputsOf('UpdateEventSourceMappingCommand')).toEqual([
      { UUID: uuid(1), Enabled: false },
      { UUID: uuid(3), Enabled: false },
    ]);
    // Mapping 3 was read (Enabling → Enabled) before it was disabled.
    const firstUpdateOf3 = fake.sent.findIndex(
      (s) => s.name === 'UpdateEventSourceMappingCommand' && s.input.UUID === uuid(3),
    );
    expect(
      fake.sent
        .slice(0, firstUpdateOf3)
        .filter((s) => s.name === 'GetEventSourceMappingCommand' && s.input.UUID === uuid(3)),
    ).toHaveLength(2);
  });

  it('does not wait for a stuck mapping: it is skipped at once, untouched, and the others finish', async () => {
    const lambda = new FakeLambda([
      fakeMapping(1),
      fakeMapping(2, { State: 'Disabling', LastModified: new Date(Date.now() - 2 * 3600_000) }),
    ]);
    settleOnGet(lambda);
    const fake = instrument(lambda);
    const done = await finish(
      run({
        action: 'disable',
        mappings: lambda.mappings.map((m) => ({ ...m })),
        sender: fake.sender,
      }),
    );
    expect(outcomeOf(done, 1)).toEqual({ kind: 'done', State: 'Disabled' });
    expect(outcomeOf(done, 2)).toEqual({
      kind: 'skipped',
      reason:
        'Stuck: Disabling for 2 h: left as it is, not sent (Lambda refuses changes until it settles).',
    });
    expect(fake.sent.filter((s) => s.input.UUID === uuid(2))).toEqual([]);
  });

  it('backs off on throttling beyond the SDK retries, honours Retry-After, and ends with all succeeded', async () => {
    const lambda = new FakeLambda(Array.from({ length: 20 }, (_, n) => fakeMapping(n)));
    settleOnGet(lambda);
    let refusals = 4;
    let throttledAt = 0;
    const fake = instrument(lambda, {
      refuse: (name) => {
        if (name !== 'UpdateEventSourceMappingCommand' || refusals === 0) return undefined;
        refusals -= 1;
        throttledAt = Date.now();
        return throttled('2');
      },
    });
    const concurrencies: number[] = [];
    const done = await finish(
      run({
        action: 'disable',
        mappings: lambda.mappings,
        sender: fake.sender,
        onChange: (s) => concurrencies.push(s.concurrency),
        // No jitter: the only wait is the one Retry-After asks for.
        random: () => 0,
      }),
    );
    expect(done.counts).toMatchObject({ done: 20, failed: 0 });
    expect(fake.inputsOf('UpdateEventSourceMappingCommand')).toHaveLength(24);
    // After the last throttle, nothing was sent until Retry-After (2 s) had passed.
    const answeredAt = throttledAt;
    const nextStarts = fake.sent.filter((s) => s.at > answeredAt - 40 && s.at < answeredAt + 2000);
    expect(nextStarts.every((s) => s.at <= answeredAt)).toBe(true);
    expect(Math.min(...concurrencies)).toBeLessThan(5);
  });

  it('finishes when the last call still out is throttled on a worker above the halved concurrency', async () => {
    // Two workers. Mapping 1 is disabled and followed to Disabled within about 2 s; Lambda
    // throttles all 5 attempts of mapping 2's first Update (over 4 s with the SDK's waits), so
    // the concurrency halves to 1 just as that call, on the second worker, is the only thing
    // left. Lambda accepts the next Update.
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    settleOnGet(lambda);
    let throttledAttempts = 0;
    const fake = sdkLikeSender(lambda, (name, UUID) => {
      const refuse =
        name === 'UpdateEventSourceMappingCommand' && UUID === uuid(2) && throttledAttempts < 5;
      if (refuse) throttledAttempts += 1;
      return { throttled: refuse, latencyMs: 40 };
    });
    const controller = run({
      action: 'disable',
      mappings: lambda.mappings,
      sender: fake.sender,
      concurrency: 2,
      random: () => 0,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    const snapshot = controller.getSnapshot();
    expect(describeProgress(snapshot).progress).toBe('Disable finished: 2 of 2 done');
    expect(outcomeOf(snapshot, 2)).toEqual({ kind: 'done', State: 'Disabled' });
    // Five throttled attempts, then the runner's own retry after its back-off.
    expect(
      fake.inputsOf('UpdateEventSourceMappingCommand').filter((i) => i.UUID === uuid(2)),
    ).toHaveLength(6);
    expect(lambda.mappings.map((m) => m.State)).toEqual(['Disabled', 'Disabled']);
  });

  it('disables every mapping while Lambda throttles 30 % of the attempts (any throttle pattern)', async () => {
    // Each attempt is throttled when its draw is below 3 of 10; writes get 2 attempts here (not
    // the SDK's 5) so that calls outlive the SDK's retries often and the runner backs off.
    await fc.assert(
      fc.asyncProperty(
        fc.infiniteStream(fc.integer({ min: 0, max: 9 })),
        fc.infiniteStream(fc.integer({ min: 5, max: 400 })),
        async (draws, latencies) => {
          vi.clearAllTimers();
          const lambda = new FakeLambda(Array.from({ length: 12 }, (_, n) => fakeMapping(n)));
          settleOnGet(lambda);
          const throttles = draws[Symbol.iterator]();
          const delays = latencies[Symbol.iterator]();
          const fake = sdkLikeSender(
            lambda,
            () => ({
              throttled: (throttles.next().value as number) < 3,
              latencyMs: delays.next().value as number,
            }),
            { read: 3, write: 2 },
          );
          const controller = run({
            action: 'disable',
            mappings: lambda.mappings,
            sender: fake.sender,
            maxRequestsPerSecond: 10,
            maxThrottleRetries: 1_000,
            random: () => 0.5,
          });
          await vi.advanceTimersByTimeAsync(30 * 60_000);
          const snapshot = controller.getSnapshot();
          expect(snapshot.status).toBe('finished');
          expect(snapshot.counts).toMatchObject({ done: 12, failed: 0 });
          expect(lambda.mappings.every((m) => m.State === 'Disabled')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fails a mapping that stays throttled, with the AWS error, after the bounded back-offs', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    settleOnGet(lambda);
    const fake = instrument(lambda, {
      refuse: (name, input) =>
        name === 'UpdateEventSourceMappingCommand' && input.UUID === uuid(2)
          ? throttled()
          : undefined,
    });
    const done = await finish(
      run({
        action: 'disable',
        mappings: lambda.mappings,
        sender: fake.sender,
        maxThrottleRetries: 3,
      }),
    );
    expect(outcomeOf(done, 1)).toEqual({ kind: 'done', State: 'Disabled' });
    expect(outcomeOf(done, 2)).toMatchObject({
      kind: 'failed',
      error: { name: 'TooManyRequestsException', message: 'Rate exceeded' },
    });
    expect(
      fake.inputsOf('UpdateEventSourceMappingCommand').filter((i) => i.UUID === uuid(2)),
    ).toHaveLength(4);
  });

  it('keeps a partial failure with its AWS error; Retry failed retries only those', async () => {
    const lambda = new FakeLambda(Array.from({ length: 5 }, (_, n) => fakeMapping(n)));
    settleOnGet(lambda);
    let denied = true;
    const fake = instrument(lambda, {
      refuse: (name, input) =>
        denied && name === 'UpdateEventSourceMappingCommand' && input.UUID === uuid(3)
          ? new AccessDeniedException(
              'User: arn:aws:sts::123456789012:assumed-role/console/alice is not authorized to perform: lambda:UpdateEventSourceMapping',
            )
          : undefined,
    });
    const controller = run({ action: 'disable', mappings: lambda.mappings, sender: fake.sender });
    const first = await finish(controller);
    expect(first.counts).toMatchObject({ done: 4, failed: 1 });
    expect(outcomeOf(first, 3)).toMatchObject({
      kind: 'failed',
      error: {
        name: 'AccessDeniedException',
        message: expect.stringContaining('is not authorized to perform') as unknown,
      },
    });
    expect(lambda.mappings[3]!.State).toBe('Enabled');

    denied = false;
    const callsBefore = fake.inputsOf('UpdateEventSourceMappingCommand').length;
    expect(controller.retryFailed()).toBe(true);
    const second = await finish(controller);
    expect(fake.inputsOf('UpdateEventSourceMappingCommand').slice(callsBefore)).toEqual([
      { UUID: uuid(3), Enabled: false },
    ]);
    expect(second.counts).toMatchObject({ done: 5, failed: 0 });
    expect(controller.retryFailed()).toBe(false);
  });

  it('says so when Lambda accepted the change but the mapping could not be read afterwards', async () => {
    const lambda = new FakeLambda(Array.from({ length: 2 }, (_, n) => fakeMapping(n)));
    const fake = instrument(lambda, {
      refuse: (name) =>
        name === 'GetEventSourceMappingCommand'
          ? Object.assign(new Error('Missing Authentication Token'), {
              name: 'MissingAuthenticationTokenException',
              $fault: 'client',
              $metadata: metadata(403),
            })
          : undefined,
    });
    const snapshot = await finish(
      run({ action: 'disable', mappings: lambda.mappings, sender: fake.sender }),
    );
    expect(snapshot.counts).toMatchObject({ failed: 2 });
    expect(outcomeOf(snapshot, 0)).toMatchObject({
      kind: 'failed',
      reason:
        'Lambda accepted the request to disable the mapping, but it could not be read afterwards to see it reach its end State.',
      error: { name: 'MissingAuthenticationTokenException' },
    });
    // The change went through: Lambda has it Disabling.
    expect(lambda.mappings[0]!.State).toBe('Disabling');
  });

  it('waits and sends again after ResourceInUseException (the list was stale)', async () => {
    const lambda = new FakeLambda([fakeMapping(1)]);
    settleOnGet(lambda);
    let inUse = true;
    const fake = instrument(lambda, {
      refuse: (name) => {
        if (name !== 'UpdateEventSourceMappingCommand' || !inUse) return undefined;
        inUse = false;
        return new ResourceInUseException({
          message: 'Cannot update the event source mapping because it is in use.',
          $metadata: metadata(400),
        });
      },
    });
    const done = await finish(
      run({ action: 'disable', mappings: lambda.mappings, sender: fake.sender }),
    );
    expect(outcomeOf(done, 1)).toEqual({ kind: 'done', State: 'Disabled' });
    expect(fake.sent.map((s) => s.name)).toEqual([
      'UpdateEventSourceMappingCommand',
      'GetEventSourceMappingCommand',
      'UpdateEventSourceMappingCommand',
      'GetEventSourceMappingCommand',
      'GetEventSourceMappingCommand',
    ]);
  });

  it('deletes and ends at Deleted, removing the rows from the cached lists', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    const fake = instrument(lambda);
    const queryClient = testQueryClient();
    const listKey = mappingQueries.list({}, 'us-east-1').queryKey;
    queryClient.setQueryData<
      InfiniteData<ListEventSourceMappingsCommandOutput, string | undefined>
    >(listKey, {
      pages: [
        {
          $metadata: {},
          EventSourceMappings: [...lambda.mappings.map((m) => ({ ...m })), fakeMapping(9)],
        },
      ],
      pageParams: [undefined],
    });
    const done = await finish(
      run({ action: 'delete', mappings: lambda.mappings, sender: fake.sender, queryClient }),
    );
    expect(outcomeOf(done, 1)).toEqual({ kind: 'done', State: 'Deleted' });
    expect(outcomeOf(done, 2)).toEqual({ kind: 'done', State: 'Deleted' });
    expect(lambda.mappings).toEqual([]);
    const rows =
      queryClient.getQueryData<
        InfiniteData<ListEventSourceMappingsCommandOutput, string | undefined>
      >(listKey)?.pages[0]?.EventSourceMappings;
    expect(rows?.map((m) => m.UUID)).toEqual([uuid(9)]);
    expect(undoPlanOf(done)).toBeUndefined();
  });

  it('cancel stops starting new calls and still follows the ones already changed', async () => {
    const lambda = new FakeLambda(Array.from({ length: 40 }, (_, n) => fakeMapping(n)));
    settleOnGet(lambda);
    const fake = instrument(lambda);
    const controller = run({
      action: 'disable',
      mappings: lambda.mappings,
      sender: fake.sender,
      concurrency: 2,
    });
    await vi.advanceTimersByTimeAsync(200);
    controller.cancel();
    const callsAtCancel = fake.inputsOf('UpdateEventSourceMappingCommand').length;
    expect(controller.getSnapshot().status).toBe('cancelling');
    const done = await finish(controller);
    const calls = fake.inputsOf('UpdateEventSourceMappingCommand').length;
    expect(calls).toBe(callsAtCancel);
    expect(calls).toBeLessThan(40);
    expect(done.counts.done).toBe(calls);
    expect(done.counts.skipped).toBe(40 - calls);
    expect(lambda.mappings.filter((m) => m.State === 'Disabled')).toHaveLength(calls);
    expect(done.status).toBe('finished');
    expect(describeProgress(done).progress).toBe('Disable cancelled: 40 of 40 done');
  });

  it('fails a mapping that stays transitional past the follow timeout', async () => {
    const lambda = new FakeLambda([fakeMapping(1)]);
    const fake = instrument(lambda);
    const done = await finish(
      run({
        action: 'disable',
        mappings: lambda.mappings,
        sender: fake.sender,
        followTimeoutMs: 60_000,
      }),
    );
    expect(outcomeOf(done, 1)).toEqual({
      kind: 'failed',
      reason: 'Still Disabling after 1 minute; the console stopped following it.',
    });
    expect(fake.inputsOf('GetEventSourceMappingCommand').length).toBeLessThanOrEqual(61);
  });

  it('undo restores exactly the previous States, leaving skipped mappings alone', async () => {
    const lambda = new FakeLambda([
      fakeMapping(1),
      fakeMapping(2),
      fakeMapping(3, { State: 'Disabled' }),
    ]);
    settleOnGet(lambda);
    const fake = instrument(lambda);
    const disabled = await finish(
      run({
        action: 'disable',
        mappings: lambda.mappings.map((m) => ({ ...m })),
        sender: fake.sender,
      }),
    );
    // Finished, the title says what was done: 2 disabled, the third already was (skipped).
    expect(describeProgress(disabled).title).toBe('Disabled 2 of 3 mappings');
    const plan = undoPlanOf(disabled);
    expect(plan?.action).toBe('enable');
    expect(plan?.mappings.map((m) => m.UUID)).toEqual([uuid(1), uuid(2)]);
    const callsBefore = fake.sent.length;
    const undone = await finish(
      run({
        action: plan!.action,
        mappings: plan!.mappings,
        sender: fake.sender,
        undoOf: disabled.id,
      }),
    );
    expect(undone.counts.done).toBe(2);
    expect(
      fake.sent.slice(callsBefore).filter((s) => s.name === 'UpdateEventSourceMappingCommand'),
    ).toEqual([
      expect.objectContaining({ input: { UUID: uuid(1), Enabled: true } }),
      expect.objectContaining({ input: { UUID: uuid(2), Enabled: true } }),
    ]);
    expect(lambda.mappings.map((m) => m.State)).toEqual(['Enabled', 'Enabled', 'Disabled']);
    expect(describeProgress(undone).title).toBe('Undo: enabled 2 of 2 mappings');
  });

  it('calls each mapping’s own region', async () => {
    const lambda = new FakeLambda([
      fakeMapping(1),
      fakeMapping(2, { FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fn-2' }),
    ]);
    settleOnGet(lambda);
    const fake = instrument(lambda);
    const regions: string[] = [];
    const done = await finish(
      startBulkOperation({
        action: 'disable',
        mappings: lambda.mappings,
        maxRequestsPerSecond: Infinity,
        client: (region) => {
          regions.push(region);
          return fake.sender;
        },
      }),
    );
    expect(done.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(new Set(regions)).toEqual(new Set(['us-east-1', 'eu-west-1']));
    expect(regionOfMapping({ UUID: 'x' }, 'ap-south-1')).toBe('ap-south-1');
    expect(
      regionOfMapping({
        EventSourceMappingArn: 'arn:aws:lambda:sa-east-1:123456789012:event-source-mapping:x',
      }),
    ).toBe('sa-east-1');
  });

  it('refuses more than 10,000 mappings', () => {
    const mappings: EventSourceMappingConfiguration[] = Array.from({ length: 10_001 }, (_, n) =>
      fakeMapping(n),
    );
    expect(() => startBulkOperation({ action: 'enable', mappings })).toThrow(RangeError);
  });
});
