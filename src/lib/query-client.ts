import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isResourceNotFound, toAwsError } from '../api/errors.ts';
import { notificationStore, type NotificationStore } from './notifications.ts';

/**
 * Creates the app's QueryClient.
 *
 * - `retry: false`: the SDK already retries throttling, 5xx and network errors
 *   (`LAMBDA_MAX_ATTEMPTS`); retrying again here would multiply the wait before the user sees an
 *   error.
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
      queries: { retry: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}
