import {
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { createNotificationStore } from './notifications.ts';
import { createQueryClient, QUERY_RETRIES, shouldRetryQuery } from './query-client.ts';

const metadata = (httpStatusCode: number) => ({ httpStatusCode, attempts: 3, totalRetryDelay: 0 });
const fault = () => new ServiceException({ message: 'Injected fault', $metadata: metadata(500) });

describe('createQueryClient', () => {
  it('retries only throttling and unanswered requests, at most QUERY_RETRIES times', () => {
    const throttled = new TooManyRequestsException({
      message: 'Rate exceeded',
      $metadata: metadata(429),
      Type: 'User',
      Reason: 'CallerRateLimitExceeded',
    });
    const offline = Object.assign(new TypeError('Failed to fetch'), {
      $metadata: { attempts: 8 },
    });
    const denied = Object.assign(
      new Error('The security token included in the request is invalid.'),
      {
        name: 'UnrecognizedClientException',
        $metadata: metadata(403),
      },
    );
    expect(shouldRetryQuery(0, throttled)).toBe(true);
    expect(shouldRetryQuery(QUERY_RETRIES - 1, offline)).toBe(true);
    expect(shouldRetryQuery(QUERY_RETRIES, throttled)).toBe(false);
    expect(shouldRetryQuery(0, fault())).toBe(false);
    expect(shouldRetryQuery(0, denied)).toBe(false);
    expect(shouldRetryQuery(0, Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(
      false,
    );
  });

  it('does not retry a 5xx: the SDK already did', async () => {
    const client = createQueryClient(createNotificationStore());
    let calls = 0;
    await expect(
      client.fetchQuery({
        queryKey: ['x'],
        queryFn: () => {
          calls += 1;
          return Promise.reject(fault());
        },
      }),
    ).rejects.toThrow('Injected fault');
    expect(calls).toBe(1);
  });

  it('notifies a failed background refresh once per query, and clears it on success', async () => {
    const store = createNotificationStore();
    const client = createQueryClient(store);
    client.setQueryData(['mapping'], { State: 'Enabled' });
    const refresh = (queryFn: () => Promise<unknown>) =>
      client.fetchQuery({ queryKey: ['mapping'], queryFn, staleTime: 0 }).catch(() => undefined);

    await refresh(() => Promise.reject(fault()));
    await refresh(() => Promise.reject(fault()));
    expect(store.getSnapshot()).toHaveLength(1);
    expect(store.getSnapshot()[0]).toMatchObject({
      type: 'error',
      header: 'Could not refresh: ServiceException',
      content: 'Injected fault',
      action: { text: 'Retry' },
    });

    await refresh(() => Promise.resolve({ State: 'Disabled' }));
    expect(store.getSnapshot()).toHaveLength(0);
  });

  it('leaves first-load errors and 404s to the page', async () => {
    const store = createNotificationStore();
    const client = createQueryClient(store);
    await client
      .fetchQuery({ queryKey: ['first'], queryFn: () => Promise.reject(fault()) })
      .catch(() => undefined);
    client.setQueryData(['gone'], { State: 'Deleting' });
    await client
      .fetchQuery({
        queryKey: ['gone'],
        staleTime: 0,
        queryFn: () =>
          Promise.reject(
            new ResourceNotFoundException({ message: 'gone', $metadata: metadata(404) }),
          ),
      })
      .catch(() => undefined);
    expect(store.getSnapshot()).toEqual([]);
  });
});
