/**
 * Test-only fault injection (emulator contract, `POST /_emulator/faults`): the next `count`
 * Lambda API requests that match answer with the given status and an AWS-format error.
 */

/** One injected fault rule. */
export interface FaultRule {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Substring the request path must contain (any when absent). */
  pathPattern?: string;
  /** HTTP status to answer with (400..599). */
  status: number;
  /** `x-amzn-ErrorType`; defaults per status (see {@link defaultErrorType}). */
  errorType: string;
  /** Requests still to fail. */
  remaining: number;
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

/** The queue of fault rules; the first matching rule with requests remaining fires. */
export class Faults {
  private rules: FaultRule[] = [];

  /** @param rule rule to append. */
  add(rule: FaultRule): void {
    this.rules.push(rule);
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** @returns a copy of the active rules. */
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /**
   * Consumes one request from the first matching rule.
   * @param method request method.
   * @param path request path (without query).
   * @returns the rule that fires, or `undefined`.
   */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (r.method === undefined || r.method.toUpperCase() === method.toUpperCase()) &&
        (r.pathPattern === undefined || path.includes(r.pathPattern)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { ...rule };
  }
}
