import { useEffect } from 'react';

/**
 * Calls `retry` each time the browser comes back online (the window's `online` event), while the
 * calling component is mounted and `enabled` is true. For pages shown because something could not
 * be downloaded (config.json, the identity pool's credentials, a page's code): they start again by themselves
 * once the network is back, as well as from their Retry button.
 * @param retry what Retry does (e.g. reloads the page), called with no argument; a new function
 *   re-subscribes.
 * @param enabled false when the failure was not the network's (nothing to wait for); default true.
 */
export function useRetryWhenOnline(retry: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return undefined;
    // `retry` is called with nothing: the event is not its argument (a reload or a start-again
    // function may take an optional parameter of its own).
    const onOnline = () => retry();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [retry, enabled]);
}
