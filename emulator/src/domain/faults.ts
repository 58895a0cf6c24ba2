/**
 * Test-only fault injection (emulator contract, `/_emulator/faults` and the `--*-rate`,
 * `--latency-ms`, `--jitter-ms`, `--clock-offset-seconds` and `--fault-seed` flags):
 * - error rules: Lambda API requests that match answer with the given status and an AWS-format
 *   error — either the next `count` of them, or each one with probability `rate`;
 * - drop rules: matching Lambda and Cognito Identity requests get no answer at all (the socket
 *   is destroyed), again by `count` or `rate`;
 * - a delay before every Lambda and Cognito Identity answer (`latencyMs` plus a uniform
 *   `0..jitterMs`);
 * - a clock offset: the emulator's "now" for the SigV4 signing-time check and the `Date` header.
 *
 * Every random choice comes from a seeded PRNG, so a run is repeatable.
 */
import { mulberry32 } from './prng.ts';

/** Request filter and firing rule shared by error and drop rules. */
interface RuleBase {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Substring the request path must contain (any when absent). */
  pathPattern?: string;
  /** Count rule: requests still to fail. Absent on rate rules. */
  remaining?: number;
  /** Rate rule: probability (0 < rate ≤ 1) that a matching request fails. */
  rate?: number;
  /** Rate rule: PRNG seed (default {@link DEFAULT_FAULT_SEED}); one draw per matching request. */
  seed?: number;
}

/** An error rule: matching Lambda requests answer with an AWS-format error. */
export interface ErrorFaultRule extends RuleBase {
  /** HTTP status to answer with (400..599). */
  status: number;
  /** `x-amzn-ErrorType`; defaults per status (see {@link defaultErrorType}). */
  errorType: string;
}

/** A drop rule: matching requests get their connection destroyed without any response. */
export interface DropFaultRule extends RuleBase {
  drop: true;
}

/** One injected fault rule, as `/_emulator/faults` lists it. */
export type FaultRule = ErrorFaultRule | DropFaultRule;

/**
 * Start-up faults (emulator options, CLI flags): what `Faults` is built with and what a
 * `POST /_emulator/reset` restores the rule list to.
 */
export interface FaultProfile {
  /** Fixed delay before each Lambda/Cognito answer, ms (0..{@link MAX_LATENCY_MS}). */
  latencyMs?: number;
  /** Extra delay drawn uniformly from `0..jitterMs` per request, ms (0..{@link MAX_LATENCY_MS}). */
  jitterMs?: number;
  /** Probability (0..1) that a Lambda request answers 429 `TooManyRequestsException`. */
  throttleRate?: number;
  /** Probability (0..1) that a (not throttled) Lambda request answers 500 `ServiceException`. */
  errorRate?: number;
  /** Probability (0..1) that a Lambda or Cognito request's connection is dropped. */
  dropRate?: number;
  /** Seconds the emulator's clock is ahead of the host's (negative: behind). */
  clockOffsetSeconds?: number;
  /** Seed of the PRNGs of the rates and the jitter (default {@link DEFAULT_FAULT_SEED}). */
  seed?: number;
}

/** PRNG seed of a rate rule added without `seed`. */
export const DEFAULT_FAULT_SEED = 1;

/** Largest `latencyMs` and `jitterMs` (10 s). */
export const MAX_LATENCY_MS = 10_000;

/** Largest clock offset either way: one day, in seconds. */
export const MAX_CLOCK_OFFSET_SECONDS = 86_400;

/**
 * Seed of the n-th PRNG derived from one profile seed, so that the throttle, error, drop and
 * jitter draws are independent streams (equal seeds would make them fire together).
 */
function derivedSeed(seed: number, n: number): number {
  return (seed + Math.imul(n, 0x9e3779b9)) >>> 0;
}

interface ActiveRule {
  rule: FaultRule;
  /** Next PRNG draw in [0, 1) of a rate rule. */
  draw?: () => number;
}

/**
 * The exception AWS Lambda uses for a status when the test does not name one.
 * @param status HTTP status.
 */
export function defaultErrorType(status: number): string {
  switch (status) {
    case 400:
      return 'InvalidParameterValueException';
    case 403:
      return 'AccessDeniedException';
    case 404:
      return 'ResourceNotFoundException';
    case 409:
      return 'ResourceConflictException';
    case 429:
      return 'TooManyRequestsException';
    default:
      return status >= 500 ? 'ServiceException' : 'InvalidParameterValueException';
  }
}

/** Default message per error type (AWS texts where known, reference §4.2). */
export function defaultFaultMessage(errorType: string): string {
  switch (errorType) {
    case 'TooManyRequestsException':
      return 'Rate exceeded';
    case 'ServiceException':
      return 'An internal error occurred (injected fault).';
    case 'ResourceNotFoundException':
      return 'The resource you requested does not exist.';
    default:
      return `Injected fault: ${errorType}`;
  }
}

function isDrop(rule: FaultRule): rule is DropFaultRule {
  return 'drop' in rule;
}

/**
 * The fault rules and settings. Rules are checked in the order they were added, error rules and
 * drop rules separately: a matching count rule fires (and uses up one request); a matching rate
 * rule fires when its next PRNG draw is below `rate`, otherwise the later rules are checked.
 */
export class Faults {
  private rules: ActiveRule[] = [];
  /** Fixed delay before each answer, ms. */
  latencyMs = 0;
  private jitter = { ms: 0, draw: mulberry32(derivedSeed(DEFAULT_FAULT_SEED, 3)) };
  /** Seconds the emulator's clock is ahead of the host's (negative: behind). */
  clockOffsetSeconds = 0;

  /**
   * @param profile start-up faults; {@link restoreRules} brings its rules back.
   */
  constructor(private readonly profile: FaultProfile = {}) {
    this.configure(profile);
  }

  /**
   * Applies a profile on top of the current state: given scalars replace the current ones (a
   * given `seed` also restarts the jitter's PRNG); a rate above 0 appends a rate rule (throttle: 429 `TooManyRequestsException`, error: 500
   * `ServiceException`, drop: a drop rule), seeded from `profile.seed`.
   * @param profile the members to apply.
   */
  configure(profile: FaultProfile): void {
    const seed = profile.seed ?? DEFAULT_FAULT_SEED;
    if (profile.latencyMs !== undefined) this.latencyMs = profile.latencyMs;
    if (profile.clockOffsetSeconds !== undefined) {
      this.clockOffsetSeconds = profile.clockOffsetSeconds;
    }
    if (profile.jitterMs !== undefined || profile.seed !== undefined) {
      this.jitter = {
        ms: profile.jitterMs ?? this.jitter.ms,
        draw: mulberry32(derivedSeed(seed, 3)),
      };
    }
    if (profile.throttleRate) {
      this.add({
        status: 429,
        errorType: 'TooManyRequestsException',
        rate: profile.throttleRate,
        seed: derivedSeed(seed, 0),
      });
    }
    if (profile.errorRate) {
      this.add({
        status: 500,
        errorType: 'ServiceException',
        rate: profile.errorRate,
        seed: derivedSeed(seed, 1),
      });
    }
    if (profile.dropRate) {
      this.add({ drop: true, rate: profile.dropRate, seed: derivedSeed(seed, 2) });
    }
  }

  /**
   * @param rule rule to append: a count rule (`remaining`) or a rate rule (`rate`, optional
   *   `seed`), error or drop.
   */
  add(rule: FaultRule): void {
    const copy = { ...rule };
    if (copy.rate !== undefined) {
      copy.seed ??= DEFAULT_FAULT_SEED;
      delete copy.remaining;
      this.rules.push({ rule: copy, draw: mulberry32(copy.seed) });
    } else {
      this.rules.push({ rule: copy });
    }
  }

  /** Removes every rule (the settings stay). */
  clear(): void {
    this.rules = [];
  }

  /** Removes every rule and sets latency, jitter and clock offset to 0: no faults at all. */
  clearAll(): void {
    this.clear();
    this.latencyMs = 0;
    this.jitter = { ms: 0, draw: this.jitter.draw };
    this.clockOffsetSeconds = 0;
  }

  /** Replaces the rules with the start-up profile's (fresh PRNGs); the settings stay. */
  restoreRules(): void {
    this.clear();
    const { throttleRate, errorRate, dropRate, seed } = this.profile;
    this.configure({ throttleRate, errorRate, dropRate, seed });
  }

  /** @returns a copy of the active rules. */
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule }));
  }

  /** Current `jitterMs`. */
  get jitterMs(): number {
    return this.jitter.ms;
  }

  /**
   * The delay before the next answer: `latencyMs` plus a draw from `0..jitterMs` (integer ms).
   */
  nextDelayMs(): number {
    const jitter = this.jitter.ms > 0 ? Math.floor(this.jitter.draw() * (this.jitter.ms + 1)) : 0;
    return this.latencyMs + jitter;
  }

  /**
   * The emulator's clock: the host's shifted by {@link clockOffsetSeconds}.
   * @param hostNowMs the host clock, ms since the epoch.
   */
  nowMs(hostNowMs = Date.now()): number {
    return hostNowMs + this.clockOffsetSeconds * 1000;
  }

  /**
   * Decides whether a request fails with an error (error rules only).
   * @param method request method.
   * @param path request path (without query).
   * @returns the rule that fires, or `undefined`.
   */
  take(method: string, path: string): ErrorFaultRule | undefined {
    const fired = this.fire(method, path, false);
    return fired && !isDrop(fired) ? fired : undefined;
  }

  /**
   * Decides whether a request's connection is dropped (drop rules only).
   * @param method request method.
   * @param path request path (without query).
   * @returns whether a drop rule fires.
   */
  takeDrop(method: string, path: string): boolean {
    return this.fire(method, path, true) !== undefined;
  }

  private fire(method: string, path: string, drops: boolean): FaultRule | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      const matches =
        isDrop(rule) === drops &&
        (rule.method === undefined || rule.method.toUpperCase() === method.toUpperCase()) &&
        (rule.pathPattern === undefined || path.includes(rule.pathPattern));
      if (!matches) continue;
      if (active.draw) {
        if (active.draw() < (rule.rate ?? 0)) return { ...rule };
        continue;
      }
      if ((rule.remaining ?? 0) <= 0) continue;
      rule.remaining = (rule.remaining ?? 0) - 1;
      this.rules = this.rules.filter((r) => r.draw !== undefined || (r.rule.remaining ?? 0) > 0);
      return { ...rule };
    }
    return undefined;
  }
}
