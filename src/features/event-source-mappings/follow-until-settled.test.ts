import { ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import {
  followPollInterval,
  MAX_POLL_INTERVAL_MS,
  STUCK_POLL_INTERVAL_MS,
} from './follow-until-settled.ts';
import { TRANSITIONAL_POLL_INTERVAL_MS } from './queries.ts';

const state = (State: string, attempts = 1, fetchFailureCount = 0, error: unknown = null) => ({
  state: {
    data: { State, $metadata: { httpStatusCode: 200, attempts } },
    error: error as Error | null,
    fetchFailureCount,
  },
});

describe('followPollInterval', () => {
  it('polls a transitional mapping every second, and stops once it is stable or gone', () => {
    expect(followPollInterval(state('Enabling'))).toBe(TRANSITIONAL_POLL_INTERVAL_MS);
    expect(followPollInterval(state('Enabled'))).toBe(false);
    const gone = new ResourceNotFoundException({
      message: 'The resource you requested does not exist.',
      $metadata: { httpStatusCode: 404 },
    });
    expect(followPollInterval(state('Deleting', 1, 1, gone))).toBe(false);
  });

  it('polls a stuck mapping (transitional for more than half an hour) once a minute', () => {
    const since = (minutes: number) => ({
      state: {
        data: {
          State: 'Updating',
          LastModified: new Date(Date.now() - minutes * 60_000),
          $metadata: { httpStatusCode: 200, attempts: 1 },
        },
        error: null,
        fetchFailureCount: 0,
      },
    });
    expect(followPollInterval(since(5))).toBe(TRANSITIONAL_POLL_INTERVAL_MS);
    expect(followPollInterval(since(31))).toBe(STUCK_POLL_INTERVAL_MS);
    expect(followPollInterval(since(60 * 24 * 32))).toBe(STUCK_POLL_INTERVAL_MS);
  });

  it('backs off for each retry the last read needed, up to the maximum', () => {
    expect(followPollInterval(state('Disabling', 2))).toBe(2 * TRANSITIONAL_POLL_INTERVAL_MS);
    expect(followPollInterval(state('Disabling', 4))).toBe(8 * TRANSITIONAL_POLL_INTERVAL_MS);
    expect(followPollInterval(state('Disabling', 1, 2))).toBe(4 * TRANSITIONAL_POLL_INTERVAL_MS);
    expect(followPollInterval(state('Disabling', 8))).toBe(MAX_POLL_INTERVAL_MS);
  });

  it('tries again, backing off, when the first read failed past its retries', () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'TooManyRequestsException',
    });
    const failed = (fetchFailureCount: number) => ({
      state: { data: undefined, error: throttled, fetchFailureCount },
    });
    expect(followPollInterval(failed(1))).toBe(2 * TRANSITIONAL_POLL_INTERVAL_MS);
    expect(followPollInterval(failed(20))).toBe(MAX_POLL_INTERVAL_MS);
    expect(
      followPollInterval({ state: { data: undefined, error: null, fetchFailureCount: 0 } }),
    ).toBe(false);
  });
});
