import Alert from '@cloudscape-design/components/alert';
import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();

/**
 * A warning while the browser is offline (TanStack Query's `onlineManager`, which follows the
 * browser's `online`/`offline` events). Queries and their retries pause meanwhile and go on by
 * themselves when the network is back (queries whose data is stale are read again), so the
 * banner has no action; it disappears once the browser is online.
 */
export function OfflineBanner() {
  const online = useSyncExternalStore(subscribe, isOnline, () => true);
  if (online) return null;
  return (
    <Alert type="warning" header="You are offline">
      The console waits for the network and goes on by itself when it is back: loading, refreshes
      and retries resume without a reload.
    </Alert>
  );
}
