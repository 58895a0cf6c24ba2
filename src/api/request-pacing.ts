/**
 * The console's share of Lambda's control-plane request rate, per region: the requests the console
 * sends many of on its own (the orphan check's listings, bulk actions' calls and polls) wait for a
 * slot of their region's pacer, so together they start at most
 * {@link LAMBDA_PACED_REQUESTS_PER_SECOND} requests a second in a region.
 *
 * Lambda allows 15 control-plane requests per second per account and region (Lambda quotas,
 * "Lambda API requests": every API but invocations, GetFunction and GetPolicy), and the user's
 * other tools share that budget; past it Lambda answers `TooManyRequestsException`. Requests the
 * user waits on one at a time (a list page, a mapping's page, a form's save) are not paced.
 */
import { createRatePacer, type RatePacer } from '../lib/rate-pacer.ts';

/** Paced requests a region may start per second (of Lambda's 15). */
export const LAMBDA_PACED_REQUESTS_PER_SECOND = 10;

let rate = LAMBDA_PACED_REQUESTS_PER_SECOND;
const pacers = new Map<string, RatePacer>();

/**
 * The pacer of `region`'s paced requests, one per region, shared by every feature that sends them.
 * @param region an AWS region, e.g. `us-east-1`.
 */
export function lambdaRequestPacer(region: string): RatePacer {
  let pacer = pacers.get(region);
  if (!pacer) {
    pacer = createRatePacer(rate);
    pacers.set(region, pacer);
  }
  return pacer;
}

/**
 * Sets the rate of every region's pacer from now on (tests: `Infinity`, so a fake Lambda answers
 * at once; restore with {@link LAMBDA_PACED_REQUESTS_PER_SECOND}). Pacers handed out before keep
 * their rate.
 * @param perSecond requests per second per region (greater than 0, or `Infinity`).
 */
export function setLambdaRequestRate(perSecond: number): void {
  rate = perSecond;
  pacers.clear();
}
