import { ResourceNotFoundException, ServiceException } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { createNotificationStore } from './notifications.ts';
import { createQueryClient } from './query-client.ts';

const metadata = (httpStatusCode: number) => ({ httpStatusCode, attempts: 3, totalRetryDelay: 0 });
const fault = () => new ServiceException({ message: 'Injected fault', $metadata: metadata(500) });

describe('createQueryClient', () => {
  it('does not retry: the SDK already did', async () => {
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
