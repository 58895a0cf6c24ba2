import Button from '@cloudscape-design/components/button';
import { useEffect, useState } from 'react';
import { lazyExport, useLazyExport } from '../lib/lazy-export.ts';
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
const flashbar = lazyExport(() => import('@cloudscape-design/components/flashbar'));

/**
 * The app's flash messages (e.g. a failed background refresh, an enable/disable in progress).
 * Each is dismissible; an in-progress one shows a spinner. Cloudscape's Flashbar is loaded with
 * the first message or {@link FLASHBAR_PRELOAD_MS} after the first render, whichever is first,
 * and then stays mounted; until it is loaded nothing is rendered (as an empty Flashbar shows
 * nothing; a failed download is tried again with the next change of the messages).
 * @param props.store defaults to the app's notification store.
 */
export function Notifications({ store = notificationStore }: { store?: NotificationStore }) {
  const items = useNotifications(store);
  const [due, setDue] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDue(true), FLASHBAR_PRELOAD_MS);
    return () => clearTimeout(timer);
  }, []);
  const LoadedFlashbar = useLazyExport(flashbar, due || items.length > 0, items);
  if (!LoadedFlashbar) return null;
  return (
    // The component is the Flashbar module's export, the same on every render (loaded once).
    // eslint-disable-next-line react-hooks/static-components
    <LoadedFlashbar
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
  );
}
