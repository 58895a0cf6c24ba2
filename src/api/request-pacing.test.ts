import { afterEach, describe, expect, it } from 'vitest';
import {
  LAMBDA_PACED_REQUESTS_PER_SECOND,
  lambdaRequestPacer,
  setLambdaRequestRate,
} from './request-pacing.ts';

describe('lambdaRequestPacer', () => {
  afterEach(() => setLambdaRequestRate(Infinity));

  it('is one pacer per region, at 10 requests a second (under Lambda’s 15) unless set', async () => {
    expect(LAMBDA_PACED_REQUESTS_PER_SECOND).toBe(10);
    setLambdaRequestRate(LAMBDA_PACED_REQUESTS_PER_SECOND);
    const east = lambdaRequestPacer('us-east-1');
    expect(lambdaRequestPacer('us-east-1')).toBe(east);
    const west = lambdaRequestPacer('eu-west-1');
    expect(west).not.toBe(east);
    const started = Date.now();
    // Three slots in us-east-1 (0, 100, 200 ms); eu-west-1's first is not behind them.
    const eastDone = Promise.all([east.wait(), east.wait(), east.wait()]).then(
      () => Date.now() - started,
    );
    await west.wait();
    const westAfter = Date.now() - started;
    expect(westAfter).toBeLessThan(100);
    expect(await eastDone).toBeGreaterThanOrEqual(190);
  });
});
