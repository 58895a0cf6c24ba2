import { describe, expect, it } from 'vitest';
import { createRatePacer, type PacerClock } from './rate-pacer.ts';

/** A clock whose time moves only when a sleeper wakes (each sleep jumps to its end). */
function fakeClock() {
  let time = 1_000_000;
  const sleeps: number[] = [];
  const clock: PacerClock = {
    now: () => time,
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      sleeps.push(ms);
      time += ms;
      return Promise.resolve();
    },
  };
  return { clock, sleeps, advance: (ms: number) => (time += ms), now: () => time };
}

describe('createRatePacer', () => {
  it('spaces calls 1000 / perSecond ms apart: at most perSecond in any second', async () => {
    const { clock, now } = fakeClock();
    const pacer = createRatePacer(10, clock);
    const at: number[] = [];
    for (let n = 0; n < 25; n += 1) {
      await pacer.wait();
      at.push(now());
    }
    expect(at[0]).toBe(1_000_000);
    for (let n = 1; n < at.length; n += 1) expect(at[n]! - at[n - 1]!).toBe(100);
    for (let n = 10; n < at.length; n += 1)
      expect(at[n]! - at[n - 10]!).toBeGreaterThanOrEqual(1000);
  });

  it('does not wait after a pause longer than the interval, and never at Infinity', async () => {
    const { clock, sleeps, advance } = fakeClock();
    const pacer = createRatePacer(4, clock);
    await pacer.wait();
    advance(1000);
    await pacer.wait();
    expect(sleeps).toEqual([]);
    const unpaced = createRatePacer(Infinity, clock);
    for (let n = 0; n < 100; n += 1) await unpaced.wait();
    expect(sleeps).toEqual([]);
  });

  it('gives slots in call order to concurrent callers, and rejects a caller whose signal aborts', async () => {
    const pacer = createRatePacer(50);
    const order: number[] = [];
    const controller = new AbortController();
    const started = Date.now();
    const waits = [1, 2, 3].map((n) => pacer.wait().then(() => order.push(n)));
    const aborted = pacer.wait(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(aborted).rejects.toThrow('cancelled');
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
    // Slots at 0, 20 and 40 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    await expect(pacer.wait(controller.signal)).rejects.toThrow('cancelled');
  });
});
