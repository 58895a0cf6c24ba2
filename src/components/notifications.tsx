import Button from '@cloudscape-design/components/button';
import type Flashbar from '@cloudscape-design/components/flashbar';
import { useEffect, useState } from 'react';
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
let loadedFlashbar: typeof Flashbar | undefined;
let loadingFlashbar: Promise<typeof Flashbar> | undefined;
const loadFlashbar = () =>
  (loadingFlashbar ??= import('@cloudscape-design/components/flashbar').then(
    (module) => (loadedFlashbar = module.default),
    (error: unknown) => {
      loadingFlashbar = undefined; // the next message tries again
      throw error;
    },
  ));

/**
 * The app's flash messages (e.g. a failed background refresh, an enable/disable in progress).
 * Each is dismissible; an in-progress one shows a spinner. Cloudscape's Flashbar is loaded with
 * the first message or {@link FLASHBAR_PRELOAD_MS} after the first render, whichever is first,
 * and then stays mounted; until it is loaded nothing is rendered (as an empty Flashbar shows
 * nothing). It is loaded with a state update, not a Suspense boundary, whose retry React would
 * put behind the list's own updates while it loads.
 * @param props.store defaults to the app's notification store.
 * @throws (to the route's error boundary) the import's error when the Flashbar cannot be loaded.
 */
export function Notifications({ store = notificationStore }: { store?: NotificationStore }) {
  const items = useNotifications(store);
  const [LoadedFlashbar, setLoadedFlashbar] = useState(() => loadedFlashbar);
  const wanted = items.length > 0;
  useEffect(() => {
    if (LoadedFlashbar) return;
    const load = () =>
      void loadFlashbar().then(
        (component) => setLoadedFlashbar(() => component),
        (error: unknown) =>
          setLoadedFlashbar(() => () => {
            throw error;
          }),
      );
    if (wanted) return load();
    const timer = setTimeout(load, FLASHBAR_PRELOAD_MS);
    return () => clearTimeout(timer);
  }, [LoadedFlashbar, wanted]);
  if (!LoadedFlashbar) return null;
  return (
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
