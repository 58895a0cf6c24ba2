import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isResourceNotFound, isRetryableAfterSdk, toAwsError } from '../api/errors.ts';
import { notificationStore, type NotificationStore } from './notifications.ts';

/** Extra tries of a query after the SDK's own attempts, for {@link shouldRetryQuery} errors only. */
export const QUERY_RETRIES = 3;

/**
 * TanStack Query's `retry` for queries: only what may still succeed after the SDK's retries
 * (`isRetryableAfterSdk`: still throttled, or no response at all), at most {@link QUERY_RETRIES}
 * times with TanStack's exponential delay (1 s, 2 s, 4 s). While the browser is offline TanStack
 * pauses the retry and resumes it when the network is back, so an offline spell ends by itself.
 * @param failureCount failures before this one (0 after the first).
 * @param error the last failure.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < QUERY_RETRIES && isRetryableAfterSdk(error);
}

/**
 * Creates the app's QueryClient.
 *
 * - Queries retry with {@link shouldRetryQuery}: the SDK already retried throttling, 5xx and
 *   network errors (`LAMBDA_MAX_ATTEMPTS`), so a 5xx, 4xx or credentials error is shown at once;
 *   only throttling and unanswered requests are tried again (and wait out an offline spell).
 * - Mutations never retry here: the SDK's retries are the only ones, so a call is not sent again
 *   after its answer was lost unless the SDK itself decided so.
 * - First-load errors are shown inline by the page (with Retry). Only a failed *background*
 *   refetch of data already on screen becomes a notification, keyed by query so repeated polling
 *   failures do not pile up. "Load more" failures are shown inline by the list, and a 404 on a
 *   mapping is shown as "deleted" by the detail page, so neither is notified.
 * @param notifications where background-refetch failures go (defaults to the app store).
 */
export function createQueryClient(notifications: NotificationStore = notificationStore) {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data === undefined) return;
        if (query.state.fetchMeta?.fetchMore || isResourceNotFound(error)) return;
        const { name, message } = toAwsError(error);
        notifications.show({
          id: `refresh-failed-${query.queryHash}`,
          type: 'error',
          header: `Could not refresh: ${name}`,
          content: message,
          action: {
            text: 'Retry',
            onClick: () => {
              notifications.dismiss(`refresh-failed-${query.queryHash}`);
              void query.fetch();
            },
          },
        });
      },
      onSuccess: (_data, query) => notifications.dismiss(`refresh-failed-${query.queryHash}`),
    }),
    defaultOptions: {
      queries: { retry: shouldRetryQuery, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}
