import Button from '@cloudscape-design/components/button';
import { lazy, Suspense, useEffect, useState } from 'react';
import {
  notificationStore,
  useNotifications,
  type NotificationStore,
} from '../lib/notifications.ts';

/**
 * Milliseconds after the frame first renders before Cloudscape's Flashbar is loaded and mounted
 * (empty), so that messages appear with its usual transitions from then on.
 */
const FLASHBAR_PRELOAD_MS = 3000;

// The Flashbar is not part of the first page's download: nothing needs it until a message
// arrives (an empty Flashbar renders an empty list, no height).
const Flashbar = lazy(() => import('@cloudscape-design/components/flashbar'));

/**
 * The app's flash messages (e.g. a failed background refresh, an enable/disable in progress).
 * Each is dismissible; an in-progress one shows a spinner. Cloudscape's Flashbar is loaded with
 * the first message or {@link FLASHBAR_PRELOAD_MS} after the first render, whichever is first;
 * until then, with no message, nothing is rendered (as an empty Flashbar shows nothing).
 * @param props.store defaults to the app's notification store.
 */
export function Notifications({ store = notificationStore }: { store?: NotificationStore }) {
  const items = useNotifications(store);
  // Once mounted, the Flashbar stays mounted (its transitions need the previous items).
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setMounted(true), FLASHBAR_PRELOAD_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!mounted && items.length > 0) setMounted(true);
  if (!mounted && items.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <Flashbar
        items={items.map((item) => ({
          id: item.id,
          type: item.type === 'in-progress' ? 'info' : item.type,
          loading: item.type === 'in-progress',
          header: item.header,
          content: item.content,
          dismissible: true,
          dismissLabel: 'Dismiss',
          onDismiss: () => store.dismiss(item.id),
          action: item.action ? (
            <Button onClick={item.action.onClick}>{item.action.text}</Button>
          ) : undefined,
        }))}
      />
    </Suspense>
  );
}
