import Flashbar from '@cloudscape-design/components/flashbar';
import {
  notificationStore,
  useNotifications,
  type NotificationStore,
} from '../lib/notifications.ts';
import Button from '@cloudscape-design/components/button';

/**
 * The app's flash messages (e.g. a failed background refresh, an enable/disable in progress).
 * Each is dismissible; an in-progress one shows a spinner.
 * @param props.store defaults to the app's notification store.
 */
export function Notifications({ store = notificationStore }: { store?: NotificationStore }) {
  const items = useNotifications(store);
  return (
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
  );
}
