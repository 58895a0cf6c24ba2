/**
 * Spaces out requests to a steady rate: each caller of {@link RatePacer.wait} takes the next free
 * slot, `1000 / perSecond` ms after the one before, and waits until it comes. No burst: at most
 * `perSecond` calls resolve in any second (a window of 1,000 ms holds at most `perSecond` slots).
 */
export interface RatePacer {
  /**
   * Resolves when the caller's slot comes (at once when the rate is `Infinity` or the last slot
   * has passed).
   * @param signal aborting it while waiting rejects with the signal's reason (the slot is spent).
   */
  wait(signal?: AbortSignal): Promise<void>;
}

/** The clock a {@link RatePacer} reads and sleeps on (tests pass fake ones). */
export interface PacerClock {
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Resolves after `ms` milliseconds; rejects with the signal's reason once it aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** `setTimeout` as a {@link PacerClock.sleep} that an `AbortSignal` cancels. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real clock: `Date.now` and `setTimeout`. */
export const realClock: PacerClock = { now: () => Date.now(), sleep };

/**
 * A pacer of `perSecond` calls per second.
 * @param perSecond slots per second (greater than 0; `Infinity`: no pacing).
 * @param clock what it reads and sleeps on (default {@link realClock}).
 */
export function createRatePacer(perSecond: number, clock: PacerClock = realClock): RatePacer {
  const interval = perSecond === Infinity ? 0 : 1000 / perSecond;
  let nextAt = 0;
  return {
    async wait(signal) {
      if (signal?.aborted) throw signal.reason;
      if (interval === 0) return;
      const now = clock.now();
      const at = Math.max(now, nextAt);
      nextAt = at + interval;
      if (at > now) await clock.sleep(at - now, signal);
    },
  };
}
