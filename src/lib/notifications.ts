import { useSyncExternalStore } from 'react';

/** One flash message. Showing another with the same `id` replaces it (in-progress → success). */
export interface AppNotification {
  /** Stable key, e.g. `set-enabled-<UUID>`: one message per subject. */
  id: string;
  type: 'success' | 'error' | 'warning' | 'info' | 'in-progress';
  header: string;
  content?: string;
  /** Optional button, e.g. Retry. */
  action?: { text: string; onClick: () => void };
}

/** A tiny observable list of notifications, usable outside React (e.g. query-cache callbacks). */
export interface NotificationStore {
  /** Adds the notification, replacing one with the same id (keeping its position). */
  show: (notification: AppNotification) => void;
  /** Removes the notification with this id, if any. */
  dismiss: (id: string) => void;
  /** Current notifications, newest last; the same array until something changes. */
  getSnapshot: () => readonly AppNotification[];
  /** Registers a change listener; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

/**
 * Creates an empty {@link NotificationStore}.
 * @returns a new store (the app uses {@link notificationStore}; tests make their own).
 */
export function createNotificationStore(): NotificationStore {
  let items: readonly AppNotification[] = [];
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  return {
    show: (notification) => {
      const index = items.findIndex((item) => item.id === notification.id);
      items =
        index === -1
          ? [...items, notification]
          : items.map((item, i) => (i === index ? notification : item));
      emit();
    },
    dismiss: (id) => {
      if (!items.some((item) => item.id === id)) return;
      items = items.filter((item) => item.id !== id);
      emit();
    },
    getSnapshot: () => items,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's notification store, shown by `<Notifications>` in the app layout. */
export const notificationStore = createNotificationStore();

/**
 * Subscribes a component to a store's notifications.
 * @param store defaults to the app's {@link notificationStore}.
 * @returns the current notifications.
 */
export function useNotifications(store: NotificationStore = notificationStore) {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
