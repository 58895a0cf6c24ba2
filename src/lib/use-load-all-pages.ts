import { useCallback, useEffect, useRef, useState } from 'react';

/** The parts of an infinite-query result {@link useLoadAllPages} drives. */
export interface PagedQuery {
  hasNextPage: boolean;
  fetchNextPage: (options?: {
    cancelRefetch?: boolean;
  }) => Promise<{ hasNextPage: boolean; isFetchNextPageError: boolean }>;
}

/**
 * "Load all": fetches the next page, then the next, until the last page (no next page param), a
 * page fails, the caller stops it, or the component unmounts. Each page is requested only after
 * the previous one arrived, so markers are followed in order.
 * @param query the infinite query's `hasNextPage` and `fetchNextPage`.
 * @returns `running`, `start()` (resolves when the run ends) and `stop()`.
 */
export function useLoadAllPages({ hasNextPage, fetchNextPage }: PagedQuery) {
  const [running, setRunning] = useState(false);
  const stopped = useRef(false);

  useEffect(
    () => () => {
      stopped.current = true;
    },
    [],
  );

  const start = useCallback(async () => {
    if (!hasNextPage) return;
    stopped.current = false;
    setRunning(true);
    try {
      let more = true;
      while (more && !stopped.current) {
        // cancelRefetch: false joins a page request already in flight instead of restarting it.
        const result = await fetchNextPage({ cancelRefetch: false });
        more = result.hasNextPage && !result.isFetchNextPageError;
      }
    } finally {
      setRunning(false);
    }
  }, [hasNextPage, fetchNextPage]);

  const stop = useCallback(() => {
    stopped.current = true;
  }, []);

  return { running, start, stop };
}
