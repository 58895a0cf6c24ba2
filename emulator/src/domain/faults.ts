/**
 * Test-only fault injection (emulator contract, `POST /_emulator/faults`): Lambda API requests
 * that match a rule answer with the given status and an AWS-format error — either the next
 * `count` of them, or each one with probability `rate` (a seeded PRNG, so a run is repeatable)
 * until `DELETE /_emulator/faults`.
 */
import { mulberry32 } from './prng.ts';

/** One injected fault rule, as `POST /_emulator/faults` lists it. */
export interface FaultRule {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Substring the request path must contain (any when absent). */
  pathPattern?: string;
  /** HTTP status to answer with (400..599). */
  status: number;
  /** `x-amzn-ErrorType`; defaults per status (see {@link defaultErrorType}). */
  errorType: string;
  /** Count rule: requests still to fail. Absent on rate rules. */
  remaining?: number;
  /** Rate rule: probability (0 < rate ≤ 1) that a matching request fails. */
  rate?: number;
  /** Rate rule: PRNG seed (default {@link DEFAULT_FAULT_SEED}); one draw per matching request. */
  seed?: number;
}

/** PRNG seed of a rate rule added without `seed`. */
export const DEFAULT_FAULT_SEED = 1;

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

/**
 * The fault rules, checked in the order they were added: a matching count rule fires (and uses
 * up one request); a matching rate rule fires when its next PRNG draw is below `rate`, otherwise
 * the later rules are checked.
 */
export class Faults {
  private rules: ActiveRule[] = [];

  /**
   * @param rule rule to append: a count rule (`remaining`) or a rate rule (`rate`, optional
   *   `seed`).
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

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** @returns a copy of the active rules. */
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule }));
  }

  /**
   * Decides whether a request fails.
   * @param method request method.
   * @param path request path (without query).
   * @returns the rule that fires, or `undefined`.
   */
  take(method: string, path: string): FaultRule | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      const matches =
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
