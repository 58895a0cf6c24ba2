import type {
  EventSourceMappingConfiguration,
  GetEventSourceMappingCommandOutput,
} from '@aws-sdk/client-lambda';
import { getRetryAfterHint, isThrottlingError, MAXIMUM_RETRY_DELAY } from '@smithy/core/retry';
import { hashKey, type QueryClient } from '@tanstack/react-query';
import {
  deleteEventSourceMapping,
  getEventSourceMapping,
  updateEventSourceMapping,
} from '../../../api/event-source-mappings.ts';
import { isResourceNotFound, toAwsError, type AwsErrorInfo } from '../../../api/errors.ts';
import { getLambdaClient, getLambdaRegion, type LambdaSender } from '../../../api/lambda-client.ts';
import { lambdaRequestPacer } from '../../../api/request-pacing.ts';
import { createRatePacer, type RatePacer } from '../../../lib/rate-pacer.ts';
import { parseFunctionArn } from '../function-arn.ts';
import { classifyMappingHealth } from '../mapping-health.ts';
import { isTransitionalState } from '../mapping-state.ts';
import { mappingQueries, patchMappingsInLists, TRANSITIONAL_POLL_INTERVAL_MS } from '../queries.ts';

/**
 * What a bulk operation does to each mapping: `UpdateEventSourceMapping { UUID, Enabled: true }`
 * (enable), `{ UUID, Enabled: false }` (disable) or `DeleteEventSourceMapping { UUID }` (delete).
 */
export type BulkAction = 'enable' | 'disable' | 'delete';

/** The most mappings one bulk operation takes (the fleet list's 10,000-mapping goal). */
export const BULK_MAX_MAPPINGS = 10_000;

/**
 * Where one mapping of a bulk operation stands.
 *
 * - `pending`: not started yet.
 * - `calling`: the Update/Delete request is in flight, or waiting to be sent again after
 *   throttling (`throttled` counts those waits).
 * - `transitioning`: the mapping is in a transitional `State` (as last read; absent right after a
 *   ResourceInUseException, until the next Get) and is polled. `beforeCall` is true while the
 *   operation waits for a mapping that was already transitional to settle before changing it.
 * - `done`: the end state was reached: `State` is `Enabled`/`Disabled`, or `Deleted` once Lambda
 *   answers ResourceNotFoundException after a delete (reference §5).
 * - `failed`: `reason` says what went wrong in words; `error` is AWS's answer (via `toAwsError`)
 *   when Lambda refused a call, absent for a timeout or an unexpected end State.
 * - `skipped`: nothing to do (`reason`, e.g. "Already Enabled") or cancelled before it started.
 */
export type BulkOutcome =
  | { kind: 'pending' }
  | { kind: 'calling'; throttled: number }
  | { kind: 'transitioning'; State: string | undefined; beforeCall: boolean }
  | { kind: 'done'; State: string }
  | { kind: 'failed'; reason: string; error?: AwsErrorInfo }
  | { kind: 'skipped'; reason: string };

/** One of {@link BulkOutcome}'s kinds. */
export type BulkOutcomeKind = BulkOutcome['kind'];

/** How many mappings of an operation are in each {@link BulkOutcomeKind}. */
export type BulkCounts = Record<BulkOutcomeKind, number>;

/** One mapping of a bulk operation. Immutable: a change replaces the record. */
export interface BulkItem {
  readonly UUID: string;
  readonly FunctionArn: string | undefined;
  /** The mapping's region ({@link regionOfMapping}): which client is called, which caches written. */
  readonly region: string;
  /** The mapping as last read (given, or Lambda's latest answer); `null` once Lambda no longer knows it. */
  readonly mapping: EventSourceMappingConfiguration | null;
  /** True once Lambda accepted this operation's Update/Delete for the mapping (it was changed). */
  readonly requested: boolean;
  /** The stable `State` the mapping had just before its first accepted call (what Undo restores). */
  readonly previousState: string | undefined;
  readonly outcome: BulkOutcome;
}

/** `running`; `cancelling` (no new calls; following the ones already accepted); `finished`. */
export type BulkOperationStatus = 'running' | 'cancelling' | 'finished';

/** What an operation looks like at one moment; a new object after every (batched) change. */
export interface BulkOperationSnapshot {
  /** Unique per page load, e.g. `bulk-3`. */
  readonly id: string;
  readonly action: BulkAction;
  /** The operation this one undoes, if it is an Undo. */
  readonly undoOf: string | undefined;
  /** Regions of the mappings, in order of first appearance. */
  readonly regions: readonly string[];
  readonly status: BulkOperationStatus;
  /** Whether Cancel was used during the latest run. */
  readonly cancelled: boolean;
  readonly items: readonly BulkItem[];
  readonly counts: BulkCounts;
  readonly total: number;
  /** Mappings with an end outcome: done + failed + skipped. */
  readonly finished: number;
  /** Epoch ms of the start and of the end of the latest run. */
  readonly startedAt: number;
  readonly finishedAt: number | undefined;
  /** Requests allowed in flight now (lowered while Lambda throttles, raised again after successes). */
  readonly concurrency: number;
  /** Epoch ms until which no request is sent because Lambda throttled; absent when not paused. */
  readonly pausedUntil: number | undefined;
}

/** Options of {@link startBulkOperation}. Every timing has a default; tests inject their own. */
export interface BulkOperationOptions {
  action: BulkAction;
  /** The mappings as the caller last read them (their `State` decides what is skipped). */
  mappings: readonly EventSourceMappingConfiguration[];
  /** Receives every response and poll result (detail cache and, batched, every list). */
  queryClient?: QueryClient;
  /** Called with a new snapshot at most every {@link BulkOperationOptions.batchIntervalMs}, and at the end. */
  onChange?: (snapshot: BulkOperationSnapshot) => void;
  /** Set when this operation undoes another. */
  undoOf?: string;
  /** Defaults to `bulk-<n>`. */
  id?: string;
  /** The Lambda client of a region (default `getLambdaClient(region)`). */
  client?: (region: string) => LambdaSender;
  /** Region of mappings whose ARNs name none (default: the active region, `getLambdaRegion()`). */
  defaultRegion?: string;
  /** Most requests (calls and polls together) in flight; default 5. */
  concurrency?: number;
  /**
   * Most requests this operation starts per second, over all regions (`Infinity` turns the limit
   * off). Default: none of its own; each request waits for its region's shared pacer
   * (`lambdaRequestPacer`, 10 a second per region shared with the orphan check: Lambda allows 15
   * control-plane requests per second per account and region across all its APIs, Lambda quotas,
   * "Lambda API requests", and other tools share that budget).
   */
  maxRequestsPerSecond?: number;
  /** Gap between two polls of a transitional mapping, ms; default 1,000 (`TRANSITIONAL_POLL_INTERVAL_MS`). */
  pollIntervalMs?: number;
  /** How long a mapping is followed through one transition before it fails, ms; default 10 minutes. */
  followTimeoutMs?: number;
  /** Back-offs of one mapping's call after the SDK's own retries were throttled; default 8. */
  maxThrottleRetries?: number;
  /** First back-off after throttling, ms (doubled per further throttle, full jitter); default 1,000. */
  backoffBaseMs?: number;
  /** Longest back-off, ms; default 20,000 (the SDK's `MAXIMUM_RETRY_DELAY`). */
  backoffMaxMs?: number;
  /** Longest Retry-After honoured, ms; default 60,000. */
  maxRetryAfterMs?: number;
  /** Successful requests after which a lowered concurrency goes up by one; default 10. */
  recoverAfter?: number;
  /** How often snapshots and list patches are emitted at most, ms; default 250. */
  batchIntervalMs?: number;
  /** Clock, epoch ms (default `Date.now`). */
  now?: () => number;
  /** Waits `ms` (default `setTimeout`). */
  sleep?: (ms: number) => Promise<void>;
  /** Schedules the batched flush (default `setTimeout`). */
  schedule?: (callback: () => void, ms: number) => void;
  /** Random number in [0, 1) for the jitter (default `Math.random`). */
  random?: () => number;
}

/** Controls a running (or finished) operation. */
export interface BulkOperationController {
  readonly id: string;
  /** The latest emitted snapshot. */
  getSnapshot: () => BulkOperationSnapshot;
  /** Stops starting new calls; mappings already changed are still followed to their end state. */
  cancel: () => void;
  /**
   * Runs the failed mappings again (only those), within the same operation.
   * @returns false (and does nothing) while running or when nothing failed.
   */
  retryFailed: () => boolean;
  /** Resolves with the final snapshot when the current run (first, or retry) has finished. */
  whenFinished: () => Promise<BulkOperationSnapshot>;
}

/**
 * The region a mapping lives in: the region of its `FunctionArn` (`parseFunctionArn`), else the
 * fourth field of its `EventSourceMappingArn`, else `fallback`.
 * @param mapping the mapping.
 * @param fallback default: the active region (`getLambdaRegion()`).
 */
export function regionOfMapping(
  mapping: EventSourceMappingConfiguration,
  fallback: string = getLambdaRegion(),
): string {
  const fromFunction = mapping.FunctionArn ? parseFunctionArn(mapping.FunctionArn).region : '';
  if (fromFunction) return fromFunction;
  const fromArn = mapping.EventSourceMappingArn?.split(':')[3];
  return fromArn || fallback;
}

/**
 * Whether a bulk operation leaves `mapping` as it is because it is stuck: transitional for longer
 * than `STUCK_AFTER_MS` (the health classifier's *Stuck*). Lambda refuses to change a mapping in a
 * transitional State (ResourceInUseException), and waiting for this one to settle would hold the
 * whole operation and its Undo; a transitional mapping that is not stuck is waited for.
 * @param mapping the mapping as last read.
 * @param now epoch milliseconds.
 */
export function isLeftAloneAsStuck(mapping: EventSourceMappingConfiguration, now: number): boolean {
  return classifyMappingHealth(mapping, { now }).class === 'stuck';
}

/** The `State` an action ends in, or undefined for delete (whose end is "gone"). */
export function targetStateOf(action: BulkAction): 'Enabled' | 'Disabled' | undefined {
  return action === 'enable' ? 'Enabled' : action === 'disable' ? 'Disabled' : undefined;
}

const VERBS: Record<BulkAction, { ing: string; base: string; past: string }> = {
  enable: { ing: 'Enabling', base: 'enable', past: 'Enabled' },
  disable: { ing: 'Disabling', base: 'disable', past: 'Disabled' },
  delete: { ing: 'Deleting', base: 'delete', past: 'Deleted' },
};

/** `1 mapping`, `50 mappings`. */
export function mappingCount(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'mapping' : 'mappings'}`;
}

/** What the panel says about a snapshot, in words. */
export interface BulkProgressText {
  /** e.g. `Disabling 50 mappings` or `Undo: enabling 48 mappings`. */
  title: string;
  /** e.g. `Disabling 50 mappings: 32 of 50 done`; when finished, `Disable finished: 50 of 50 done`. */
  progress: string;
  /** e.g. `30 succeeded, 1 failed, 1 skipped, 18 in progress`. */
  counts: string;
}

/**
 * The words for a snapshot: title, progress sentence ("Disabling 50 mappings: 32 of 50 done") and
 * counts per outcome.
 * @param snapshot the operation.
 */
export function describeProgress(snapshot: BulkOperationSnapshot): BulkProgressText {
  const verb = VERBS[snapshot.action];
  // Once finished, the title says what was done ("Disabled 200 of 205 mappings"), not "Disabling".
  const doing =
    snapshot.status === 'finished'
      ? `${verb.past} ${snapshot.counts.done.toLocaleString('en-US')} of ${mappingCount(snapshot.total)}`
      : `${verb.ing} ${mappingCount(snapshot.total)}`;
  const title = snapshot.undoOf ? `Undo: ${doing[0]!.toLowerCase()}${doing.slice(1)}` : doing;
  const ratio = `${snapshot.finished.toLocaleString('en-US')} of ${snapshot.total.toLocaleString('en-US')} done`;
  const { counts } = snapshot;
  const inProgress = counts.pending + counts.calling + counts.transitioning;
  const parts = [
    `${counts.done.toLocaleString('en-US')} succeeded`,
    `${counts.failed.toLocaleString('en-US')} failed`,
    `${counts.skipped.toLocaleString('en-US')} skipped`,
    ...(inProgress > 0 ? [`${inProgress.toLocaleString('en-US')} in progress`] : []),
  ];
  let progress: string;
  if (snapshot.status === 'finished') {
    const what = snapshot.undoOf ? 'Undo' : verb.base[0]!.toUpperCase() + verb.base.slice(1);
    progress = `${what} ${snapshot.cancelled ? 'cancelled' : 'finished'}: ${ratio}`;
  } else if (snapshot.status === 'cancelling') {
    progress = `Cancelling: ${ratio}; following the mappings already changed`;
  } else {
    progress = `${title}: ${ratio}`;
    if (snapshot.pausedUntil !== undefined) progress += ' (Lambda is throttling; waiting)';
  }
  return { title, progress, counts: parts.join(', ') };
}

/** Thrown inside a call's send when the operation was cancelled while the call waited its turn. */
class CancelledBeforeCall extends Error {
  constructor() {
    super('Cancelled before it was changed.');
    this.name = 'CancelledBeforeCall';
  }
}

/** What Undo does: the opposite action over the mappings this operation changed. */
export interface UndoPlan {
  action: 'enable' | 'disable';
  /** The mappings as last read, each of which had the State `action` restores before the operation. */
  mappings: EventSourceMappingConfiguration[];
}

/**
 * Undo of a finished enable/disable: every mapping this operation changed (Lambda accepted its
 * call) goes back to the stable State it had before — those that were Enabled are enabled, those
 * that were Disabled disabled. Mappings skipped because they already were in the target state,
 * and mappings whose call failed, were not changed and are left alone.
 * @param snapshot the operation.
 * @returns undefined for a delete, an unfinished operation, or when nothing was changed.
 */
export function undoPlanOf(snapshot: BulkOperationSnapshot): UndoPlan | undefined {
  if (snapshot.action === 'delete' || snapshot.status !== 'finished') return undefined;
  const action = snapshot.action === 'enable' ? 'disable' : 'enable';
  const restores = targetStateOf(action);
  const mappings = snapshot.items
    .filter((item) => item.requested && item.previousState === restores && item.mapping)
    .map((item) => item.mapping as EventSourceMappingConfiguration);
  return mappings.length > 0 ? { action, mappings } : undefined;
}

const EMPTY_COUNTS: BulkCounts = {
  pending: 0,
  calling: 0,
  transitioning: 0,
  done: 0,
  failed: 0,
  skipped: 0,
};

/** Per-mapping bookkeeping of the current run (not part of the snapshot). */
interface Runtime {
  callsThisRun: number;
  inUseRetries: number;
  throttleRetries: number;
  pollErrors: number;
  following: boolean;
  followDeadline: number;
  nextPollAt: number;
}

/** ResourceInUseException answers after which a mapping fails instead of waiting again. */
const MAX_IN_USE_RETRIES = 2;
/** Consecutive failed polls (other than throttling) after which a followed mapping fails. */
const MAX_POLL_ERRORS = 3;

let operationCounter = 0;

function stripMetadata(
  output: GetEventSourceMappingCommandOutput,
): EventSourceMappingConfiguration {
  const { $metadata: _metadata, ...mapping } = output;
  return mapping;
}

/** A FIFO of item indexes with O(1) push and shift. */
class IndexQueue {
  private items: number[] = [];
  private head = 0;
  get size() {
    return this.items.length - this.head;
  }
  push(index: number) {
    this.items.push(index);
  }
  peek(): number | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }
  shift(): number | undefined {
    if (this.head >= this.items.length) return undefined;
    const value = this.items[this.head];
    this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return value;
  }
  drain(): number[] {
    const rest = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return rest;
  }
}

class BulkRun implements BulkOperationController {
  readonly id: string;
  private readonly action: BulkAction;
  private readonly undoOf: string | undefined;
  private items: BulkItem[];
  private readonly runtime: Runtime[];
  private readonly regions: string[];
  private counts: BulkCounts;

  private readonly pending = new IndexQueue();
  /** Mappings to (re)start before `pending`: settled after a wait, or throttled. */
  private readonly retryQueue = new IndexQueue();
  /** Followed mappings, ordered by `nextPollAt` (every push is `now + interval` or later). */
  private readonly followQueue = new IndexQueue();

  private status: BulkOperationStatus = 'running';
  private cancelled = false;
  private startedAt: number;
  private finishedAt: number | undefined;
  /**
   * Mappings a worker is handling (from taking one off a queue until its answer has been recorded
   * and it is queued again or settled). Counted instead of requests in flight: between a request's
   * end and the requeue of its mapping, the mapping is in no queue, and a worker that looked then
   * would see nothing left to do and stop for good.
   */
  private handling = 0;
  private limit: number;
  private successStreak = 0;
  private throttleStreak = 0;
  private pausedUntil = 0;
  /** This operation's own pacer (with `maxRequestsPerSecond`), else undefined: the region's. */
  private readonly pacer: RatePacer | undefined;

  private snapshot: BulkOperationSnapshot;
  private flushScheduled = false;
  /** Invalidates a scheduled flush once an immediate one happened. */
  private flushToken = 0;
  private readonly listPatches = new Map<
    string,
    Map<string, EventSourceMappingConfiguration | null>
  >();
  private waiters: (() => void)[] = [];
  private finishedPromise: Promise<BulkOperationSnapshot> = Promise.resolve(
    undefined as unknown as BulkOperationSnapshot,
  );

  private readonly o: Required<
    Omit<
      BulkOperationOptions,
      'queryClient' | 'onChange' | 'undoOf' | 'id' | 'mappings' | 'maxRequestsPerSecond'
    >
  > &
    Pick<BulkOperationOptions, 'queryClient' | 'onChange'>;

  constructor(options: BulkOperationOptions) {
    const defaultRegion = options.defaultRegion ?? getLambdaRegion();
    this.o = {
      action: options.action,
      queryClient: options.queryClient,
      onChange: options.onChange,
      client: options.client ?? ((region) => getLambdaClient(region)),
      defaultRegion,
      concurrency: Math.max(1, Math.floor(options.concurrency ?? 5)),
      pollIntervalMs: options.pollIntervalMs ?? TRANSITIONAL_POLL_INTERVAL_MS,
      followTimeoutMs: options.followTimeoutMs ?? 10 * 60_000,
      maxThrottleRetries: options.maxThrottleRetries ?? 8,
      backoffBaseMs: options.backoffBaseMs ?? 1000,
      backoffMaxMs: options.backoffMaxMs ?? MAXIMUM_RETRY_DELAY,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      recoverAfter: options.recoverAfter ?? 10,
      batchIntervalMs: options.batchIntervalMs ?? 250,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      schedule: options.schedule ?? ((callback, ms) => void setTimeout(callback, ms)),
      random: options.random ?? Math.random,
    };
    this.pacer =
      options.maxRequestsPerSecond === undefined
        ? undefined
        : createRatePacer(options.maxRequestsPerSecond, { now: this.o.now, sleep: this.o.sleep });
    operationCounter += 1;
    this.id = options.id ?? `bulk-${operationCounter}`;
    this.action = options.action;
    this.undoOf = options.undoOf;
    this.limit = this.o.concurrency;

    const seen = new Set<string>();
    const regions = new Set<string>();
    this.items = [];
    for (const mapping of options.mappings) {
      if (!mapping.UUID || seen.has(mapping.UUID)) continue;
      seen.add(mapping.UUID);
      const region = regionOfMapping(mapping, defaultRegion);
      regions.add(region);
      this.items.push({
        UUID: mapping.UUID,
        FunctionArn: mapping.FunctionArn,
        region,
        mapping,
        requested: false,
        previousState: undefined,
        outcome: { kind: 'pending' },
      });
    }
    if (this.items.length > BULK_MAX_MAPPINGS) {
      throw new RangeError(
        `A bulk operation takes at most ${BULK_MAX_MAPPINGS} mappings (got ${this.items.length}).`,
      );
    }
    this.regions = [...regions];
    this.runtime = this.items.map(() => this.freshRuntime());
    this.counts = { ...EMPTY_COUNTS, pending: this.items.length };
    this.startedAt = this.o.now();
    this.snapshot = this.buildSnapshot();
  }

  // ---- controller ----

  getSnapshot = () => this.snapshot;

  whenFinished = () => this.finishedPromise;

  cancel = () => {
    if (this.status !== 'running') return;
    this.cancelled = true;
    this.status = 'cancelling';
    for (const index of [...this.pending.drain(), ...this.retryQueue.drain()]) {
      this.setOutcome(index, { kind: 'skipped', reason: 'Cancelled before it was changed.' });
    }
    // Waiting for a transitional mapping to settle before changing it: nothing was sent yet.
    this.items.forEach((item, index) => {
      if (item.outcome.kind === 'transitioning' && item.outcome.beforeCall) {
        this.runtime[index]!.following = false;
        this.setOutcome(index, { kind: 'skipped', reason: 'Cancelled before it was changed.' });
      }
    });
    this.notify();
    this.flush();
  };

  retryFailed = () => {
    if (this.status !== 'finished' || this.counts.failed === 0) return false;
    this.items.forEach((item, index) => {
      if (item.outcome.kind !== 'failed') return;
      this.runtime[index] = this.freshRuntime();
      this.setOutcome(index, { kind: 'pending' });
      this.pending.push(index);
    });
    this.start();
    return true;
  };

  /** Starts the workers for the queued mappings (the first run, or a retry). */
  start() {
    this.status = 'running';
    this.cancelled = false;
    this.finishedAt = undefined;
    this.startedAt = this.o.now();
    this.limit = this.o.concurrency;
    this.throttleStreak = 0;
    this.pausedUntil = 0;
    if (this.pending.size === 0) {
      this.items.forEach((item, index) => {
        if (item.outcome.kind === 'pending') this.pending.push(index);
      });
    }
    const workers = Array.from({ length: this.o.concurrency }, (_, i) => this.worker(i));
    this.finishedPromise = Promise.all(workers).then(() => {
      this.status = 'finished';
      this.finishedAt = this.o.now();
      this.flush();
      return this.snapshot;
    });
    this.flush();
  }

  // ---- scheduling ----

  private freshRuntime(): Runtime {
    return {
      callsThisRun: 0,
      inUseRetries: 0,
      throttleRetries: 0,
      pollErrors: 0,
      following: false,
      followDeadline: 0,
      nextPollAt: 0,
    };
  }

  /**
   * Resolves at the next {@link notify}: a mapping was handled (and maybe queued again), new work
   * was queued, the concurrency was raised, or the run ended.
   */
  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private notify() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private isIdle() {
    return (
      this.handling === 0 &&
      this.followQueue.size === 0 &&
      this.retryQueue.size === 0 &&
      (this.cancelled || this.pending.size === 0)
    );
  }

  private async worker(slot: number): Promise<void> {
    // Each pass does one thing or waits; the loop ends when nothing is left. Bounded: every
    // mapping ends after at most maxThrottleRetries + MAX_IN_USE_RETRIES calls, and polls stop
    // at its follow deadline.
    for (;;) {
      if (this.isIdle()) {
        this.notify();
        return;
      }
      if (slot >= this.limit) {
        await this.changed();
        continue;
      }
      const now = this.o.now();
      if (now < this.pausedUntil) {
        await this.o.sleep(this.pausedUntil - now);
        continue;
      }
      this.pausedUntil = 0;
      const head = this.followQueue.peek();
      if (head !== undefined && !this.runtime[head]!.following) {
        this.followQueue.shift();
        continue;
      }
      // Polls first: finishing what was started keeps the number of followed mappings small.
      if (head !== undefined && this.runtime[head]!.nextPollAt <= now) {
        this.followQueue.shift();
        await this.handle(() => this.poll(head));
        continue;
      }
      const next = this.retryQueue.shift() ?? (this.cancelled ? undefined : this.pending.shift());
      if (next !== undefined) {
        await this.handle(async () => {
          if (this.decide(next)) await this.call(next);
        });
        continue;
      }
      if (head !== undefined) {
        await this.o.sleep(this.runtime[head]!.nextPollAt - now);
        continue;
      }
      await this.changed();
    }
  }

  /**
   * Runs one mapping's poll or call, counted in {@link handling}; then wakes the other workers,
   * after the mapping was queued again: one of them may be the only worker still allowed to send
   * (the concurrency may have been halved meanwhile), and a worker that wakes while nothing is
   * being handled and nothing is queued may end (everything has settled).
   */
  private async handle(work: () => Promise<void>): Promise<void> {
    this.handling += 1;
    try {
      await work();
    } finally {
      this.handling -= 1;
      this.notify();
    }
  }

  /**
   * What to do with a mapping given its State as last read. Settles it when there is nothing to
   * call (skipped, done, failed), starts following it when it is transitional (the operation waits
   * for it to settle rather than provoke ResourceInUseException, reference §5), and returns true
   * when the Update/Delete call should be sent.
   */
  private decide(index: number): boolean {
    const item = this.items[index]!;
    const runtime = this.runtime[index]!;
    const target = targetStateOf(this.action);
    if (item.mapping === null) {
      if (this.action === 'delete') {
        this.setOutcome(
          index,
          item.requested
            ? { kind: 'done', State: 'Deleted' }
            : { kind: 'skipped', reason: 'Already deleted (Lambda no longer knows it).' },
        );
      } else {
        this.setOutcome(index, {
          kind: 'failed',
          reason: 'The mapping no longer exists.',
          error: {
            name: 'ResourceNotFoundException',
            message: 'The resource you requested does not exist.',
          },
        });
      }
      return false;
    }
    const { State } = item.mapping;
    if (isTransitionalState(State)) {
      if (this.cancelled && !item.requested) {
        this.setOutcome(index, { kind: 'skipped', reason: 'Cancelled before it was changed.' });
        return false;
      }
      const beforeCall = runtime.callsThisRun === 0 && !item.requested;
      // Waiting for a stuck mapping to settle before changing it would hold the whole operation
      // (and its Undo) for followTimeoutMs: Lambda refuses to change it meanwhile anyway.
      const now = this.o.now();
      if (beforeCall && isLeftAloneAsStuck(item.mapping, now)) {
        const { summary } = classifyMappingHealth(item.mapping, { now });
        // Skipped, as the confirmation said: no call was sent, and Retry could only meet the same.
        this.setOutcome(index, {
          kind: 'skipped',
          reason: `${summary}: left as it is, not sent (Lambda refuses changes until it settles).`,
        });
        return false;
      }
      this.follow(index, beforeCall);
      return false;
    }
    if (target !== undefined && State === target) {
      this.setOutcome(
        index,
        item.requested ? { kind: 'done', State } : { kind: 'skipped', reason: `Already ${State}.` },
      );
      return false;
    }
    if (runtime.callsThisRun > 0) {
      const why = item.mapping.StateTransitionReason
        ? ` (StateTransitionReason: ${item.mapping.StateTransitionReason})`
        : '';
      this.setOutcome(index, {
        kind: 'failed',
        reason:
          this.action === 'delete'
            ? `Lambda did not remove the mapping: State is now ${State ?? 'unknown'}.`
            : `The mapping ended ${State ?? 'in an unknown State'}, not ${target ?? ''}${why}.`,
      });
      return false;
    }
    if (this.cancelled) {
      this.setOutcome(index, { kind: 'skipped', reason: 'Cancelled before it was changed.' });
      return false;
    }
    return true;
  }

  private follow(index: number, beforeCall: boolean) {
    const runtime = this.runtime[index]!;
    const now = this.o.now();
    if (!runtime.following) {
      runtime.following = true;
      runtime.followDeadline = now + this.o.followTimeoutMs;
    }
    runtime.nextPollAt = now + this.o.pollIntervalMs;
    this.followQueue.push(index);
    this.setOutcome(index, {
      kind: 'transitioning',
      State: this.items[index]!.mapping?.State,
      beforeCall,
    });
    this.notify();
  }

  private stopFollowing(index: number) {
    this.runtime[index]!.following = false;
  }

  // ---- requests ----

  /** Sends one request within the concurrency and rate bounds. */
  private async request<T>(send: (client: LambdaSender) => Promise<T>, region: string): Promise<T> {
    await (this.pacer ?? lambdaRequestPacer(region)).wait();
    const result = await send(this.o.client(region));
    this.onRequestSucceeded();
    return result;
  }

  private onRequestSucceeded() {
    this.throttleStreak = 0;
    this.successStreak += 1;
    if (this.limit < this.o.concurrency && this.successStreak >= this.o.recoverAfter) {
      this.limit += 1;
      this.successStreak = 0;
      this.notify();
      this.markDirty();
    }
  }

  /**
   * After the SDK's own attempts were throttled: pause every request for an exponential back-off
   * with full jitter (or Retry-After when Lambda sent a longer one), and halve the concurrency.
   */
  private backOff(error: unknown) {
    this.throttleStreak += 1;
    this.successStreak = 0;
    const exponential = Math.min(
      this.o.backoffMaxMs,
      this.o.backoffBaseMs * 2 ** Math.min(this.throttleStreak - 1, 16),
    );
    const jittered = Math.floor(this.o.random() * exponential);
    const wait = Math.max(jittered, Math.min(this.o.maxRetryAfterMs, retryAfterMs(error)));
    this.pausedUntil = Math.max(this.pausedUntil, this.o.now() + wait);
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.markDirty();
  }

  private async call(index: number) {
    const item = this.items[index]!;
    const runtime = this.runtime[index]!;
    const before = item.mapping?.State;
    this.setOutcome(index, { kind: 'calling', throttled: runtime.throttleRetries });
    try {
      const output = await this.request((client) => {
        // Cancel may come while this call waited for its rate slot: then it is not sent.
        if (this.cancelled) throw new CancelledBeforeCall();
        return this.action === 'delete'
          ? deleteEventSourceMapping({ UUID: item.UUID }, { client })
          : updateEventSourceMapping(
              { UUID: item.UUID, Enabled: this.action === 'enable' },
              { client },
            );
      }, item.region);
      runtime.callsThisRun += 1;
      const current = this.items[index]!;
      this.items[index] = current.requested
        ? current
        : { ...current, requested: true, previousState: before };
      this.write(index, output);
      this.decide(index);
    } catch (error) {
      if (error instanceof CancelledBeforeCall) {
        this.setOutcome(index, { kind: 'skipped', reason: 'Cancelled before it was changed.' });
      } else if (isThrottled(error)) {
        this.backOff(error);
        runtime.throttleRetries += 1;
        if (runtime.throttleRetries > this.o.maxThrottleRetries) {
          this.fail(index, error, `Still throttled after ${this.o.maxThrottleRetries} back-offs.`);
        } else if (this.cancelled) {
          this.setOutcome(index, { kind: 'skipped', reason: 'Cancelled before it was changed.' });
        } else {
          this.setOutcome(index, { kind: 'calling', throttled: runtime.throttleRetries });
          this.retryQueue.push(index);
        }
      } else if (isResourceNotFound(error)) {
        this.write(index, null);
        if (this.action === 'delete') this.decide(index);
        else this.fail(index, error, 'The mapping no longer exists.');
      } else if (
        error instanceof Error &&
        error.name === 'ResourceInUseException' &&
        runtime.inUseRetries < MAX_IN_USE_RETRIES
      ) {
        // It became transitional since it was read: wait for it to settle, then decide again.
        runtime.inUseRetries += 1;
        if (this.cancelled) {
          this.setOutcome(index, { kind: 'skipped', reason: 'Cancelled before it was changed.' });
          return;
        }
        this.follow(index, true);
        // The State read before is stale; the next Get tells.
        this.setOutcome(index, { kind: 'transitioning', State: undefined, beforeCall: true });
      } else {
        this.fail(index, error, `Lambda refused to ${VERBS[this.action].base} the mapping.`);
      }
    }
  }

  private async poll(index: number) {
    const item = this.items[index]!;
    const runtime = this.runtime[index]!;
    try {
      const output = await this.request(
        (client) => getEventSourceMapping({ UUID: item.UUID }, { client }),
        item.region,
      );
      runtime.pollErrors = 0;
      this.write(index, output);
      // Cancelled while waiting for it to settle before a call: the answer only updates caches.
      if (runtime.following) this.afterRead(index);
    } catch (error) {
      if (isResourceNotFound(error)) {
        this.write(index, null);
        if (runtime.following) this.afterRead(index);
        return;
      }
      if (!runtime.following) return;
      if (isThrottled(error)) {
        this.backOff(error);
      } else {
        runtime.pollErrors += 1;
        if (runtime.pollErrors >= MAX_POLL_ERRORS) {
          this.stopFollowing(index);
          this.fail(
            index,
            error,
            this.items[index]!.requested
              ? `Lambda accepted the request to ${VERBS[this.action].base} the mapping, but it could not be read afterwards to see it reach its end State.`
              : 'Could not read the mapping while following it.',
          );
          return;
        }
      }
      this.requeueFollow(index);
    }
  }

  /** After a Get (or its 404): keep following, or decide what comes next. */
  private afterRead(index: number) {
    const mapping = this.items[index]!.mapping;
    if (mapping && isTransitionalState(mapping.State)) {
      this.requeueFollow(index);
      return;
    }
    this.stopFollowing(index);
    if (this.decide(index)) {
      this.retryQueue.push(index);
      this.notify();
    }
  }

  private requeueFollow(index: number) {
    const runtime = this.runtime[index]!;
    const item = this.items[index]!;
    const now = this.o.now();
    if (now >= runtime.followDeadline) {
      this.stopFollowing(index);
      const minutes = Math.round(this.o.followTimeoutMs / 60_000);
      this.setOutcome(index, {
        kind: 'failed',
        reason: `Still ${item.mapping?.State ?? 'in use'} after ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}; the console stopped following it.`,
      });
      return;
    }
    runtime.nextPollAt = now + this.o.pollIntervalMs;
    this.followQueue.push(index);
    const outcome = item.outcome;
    this.setOutcome(index, {
      kind: 'transitioning',
      State: item.mapping?.State,
      beforeCall: outcome.kind === 'transitioning' ? outcome.beforeCall : false,
    });
  }

  private fail(index: number, error: unknown, reason: string) {
    this.setOutcome(index, { kind: 'failed', reason, error: toAwsError(error) });
  }

  // ---- state and caches ----

  private setOutcome(index: number, outcome: BulkOutcome) {
    const item = this.items[index]!;
    const previous = item.outcome;
    if (previous.kind === outcome.kind && JSON.stringify(previous) === JSON.stringify(outcome)) {
      return;
    }
    this.counts[previous.kind] -= 1;
    this.counts[outcome.kind] += 1;
    this.items[index] = { ...item, outcome };
    this.markDirty();
  }

  /** Records Lambda's answer for a mapping: item, detail cache now, lists at the next flush. */
  private write(index: number, output: GetEventSourceMappingCommandOutput | null) {
    const item = this.items[index]!;
    const mapping = output === null ? null : stripMetadata(output);
    this.items[index] = { ...item, mapping };
    const queryClient = this.o.queryClient;
    if (queryClient) {
      const { queryKey } = mappingQueries.detail(item.UUID, item.region);
      if (output) {
        queryClient.setQueryData(queryKey, output);
      } else {
        // Gone: an open detail page refetches (and shows "deleted"); an unobserved entry is dropped.
        const query = queryClient.getQueryCache().get(hashKey(queryKey));
        if (query && query.getObserversCount() > 0) void query.fetch().catch(() => undefined);
        else if (query) queryClient.getQueryCache().remove(query);
      }
      let patches = this.listPatches.get(item.region);
      if (!patches) {
        patches = new Map();
        this.listPatches.set(item.region, patches);
      }
      patches.set(item.UUID, mapping);
    }
    this.markDirty();
  }

  private markDirty() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const token = this.flushToken;
    this.o.schedule(() => {
      if (token === this.flushToken) this.flush();
    }, this.o.batchIntervalMs);
  }

  private flush() {
    this.flushScheduled = false;
    this.flushToken += 1;
    const queryClient = this.o.queryClient;
    if (queryClient) {
      for (const [region, patches] of this.listPatches) {
        patchMappingsInLists(queryClient, region, patches);
      }
    }
    this.listPatches.clear();
    this.snapshot = this.buildSnapshot();
    this.o.onChange?.(this.snapshot);
  }

  private buildSnapshot(): BulkOperationSnapshot {
    const { counts } = this;
    return {
      id: this.id,
      action: this.action,
      undoOf: this.undoOf,
      regions: this.regions,
      status: this.status,
      cancelled: this.cancelled,
      items: [...this.items],
      counts: { ...counts },
      total: this.items.length,
      finished: counts.done + counts.failed + counts.skipped,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
      concurrency: this.limit,
      pausedUntil: this.pausedUntil > this.o.now() ? this.pausedUntil : undefined,
    };
  }
}

/**
 * Whether an error is throttling that outlived the SDK's own retries: `TooManyRequestsException`
 * (HTTP 429, reference §4.2), `ThrottlingException` or any other of the SDK's throttling codes
 * (`isThrottlingError` from `@smithy/core/retry`).
 */
export function isThrottled(error: unknown): boolean {
  return (
    error instanceof Error && isThrottlingError(error as Parameters<typeof isThrottlingError>[0])
  );
}

/**
 * The wait a throttling error asks for, ms: Lambda's `retryAfterSeconds` (from the `Retry-After`
 * header, reference §4.2), else the SDK's reading of the raw response's Retry-After; 0 when none.
 * @param error the rejection of a `client.send()`.
 */
export function retryAfterMs(error: unknown): number {
  if (!(error instanceof Error)) return 0;
  const seconds = Number((error as { retryAfterSeconds?: unknown }).retryAfterSeconds);
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  const hint = getRetryAfterHint((error as { $response?: unknown }).$response);
  return hint ? Math.max(0, hint.getTime() - Date.now()) : 0;
}

/**
 * Runs `action` over up to {@link BULK_MAX_MAPPINGS} mappings and follows each to its end state.
 *
 * - Skips a mapping already in the target State ("Already Enabled": no call). A mapping that is
 *   transitional at the start is waited for (polled until it settles), then decided again — Lambda
 *   would refuse it with ResourceInUseException (reference §5). A ResourceInUseException anyway
 *   (the list was stale) is handled the same way, at most twice.
 * - At most `concurrency` requests in flight, paced by `maxRequestsPerSecond` or else by each
 *   region's shared pacer (`lambdaRequestPacer`: 10 a second); polls of followed mappings go
 *   before new calls.
 * - Throttling that outlived the SDK's retries (`LAMBDA_MAX_ATTEMPTS`) pauses all requests for an
 *   exponential back-off with full jitter, or Retry-After when longer, halves the concurrency
 *   (raised again by one after every `recoverAfter` successes) and sends the call again, at most
 *   `maxThrottleRetries` times per mapping; then it fails with the AWS error.
 * - Each accepted mapping is polled with GetEventSourceMapping every `pollIntervalMs` until Enabled
 *   or Disabled, or until ResourceNotFoundException (Deleted), for at most `followTimeoutMs`.
 * - Every response and poll result goes into `mappingQueries.detail(UUID, region)` at once and,
 *   batched every `batchIntervalMs`, into every cached list of the region (`patchMappingsInLists`,
 *   `null` for a deleted mapping); `onChange` gets a snapshot at the same rate.
 * @param options what to do and how (see {@link BulkOperationOptions}).
 * @returns the controller (cancel, retry failed, snapshots); the operation is already running.
 * @throws RangeError for more than {@link BULK_MAX_MAPPINGS} distinct mappings.
 */
export function startBulkOperation(options: BulkOperationOptions): BulkOperationController {
  const run = new BulkRun(options);
  run.start();
  return run;
}
