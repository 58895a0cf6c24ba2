import type { QueryClient } from '@tanstack/react-query';
import { followUntilSettled } from '../features/event-source-mappings/follow-until-settled.ts';
import { isTransitionalState } from '../features/event-source-mappings/mapping-state.ts';
import { notificationStore, type NotificationStore } from '../lib/notifications.ts';

/** Stops the follower of each notification id still waiting for its mapping to settle. */
const followers = new Map<string, () => void>();

/**
 * Shows the flash for a mapping the console has just created (`create-<UUID>`) or updated
 * (`update-<UUID>`), and keeps it true: while the State Lambda answered is transitional (Creating,
 * Updating…) it is in progress, and when the mapping's detail query (polled by its page, or a list
 * row) sees a stable State it is replaced, under the same id, by "State is now Enabled." (a
 * warning if the mapping was deleted meanwhile) — as the Enable/Disable flash does
 * (`followUntilSettled`). One flash per mapping: an update's flash takes the place of the same
 * mapping's creation flash, and a newer flash with the same id stops the older one's follower.
 * @param queryClient the app's query client (whose detail queries are watched).
 * @param saved `kind`, the mapping's `UUID`, the flash `header` (e.g. `Mapping <UUID> created`)
 *   and the `State` in Lambda's answer.
 * @param store the notification store (tests); the app's by default.
 */
export function notifyMappingSaved(
  queryClient: QueryClient,
  saved: { kind: 'create' | 'update'; UUID: string; header: string; State: string | undefined },
  store: NotificationStore = notificationStore,
): void {
  const { kind, UUID, header, State } = saved;
  const id = `${kind}-${UUID}`;
  followers.get(id)?.();
  followers.delete(id);
  if (kind === 'update') {
    followers.get(`create-${UUID}`)?.();
    followers.delete(`create-${UUID}`);
    store.dismiss(`create-${UUID}`);
  }
  if (!isTransitionalState(State)) {
    store.show({ id, type: 'success', header, content: `State is now ${State ?? 'unknown'}.` });
    return;
  }
  store.show({
    id,
    type: 'in-progress',
    header,
    content: `State is ${State}; its page follows it until it settles.`,
  });
  const stop = followUntilSettled(queryClient, UUID, (outcome) => {
    followers.delete(id);
    // Unless the user dismissed it, or another message took its place meanwhile.
    const current = store.getSnapshot().find((n) => n.id === id);
    if (current?.type !== 'in-progress' || current.header !== header) return;
    store.show({
      id,
      type: outcome.kind === 'deleted' ? 'warning' : 'success',
      header,
      content:
        outcome.kind === 'deleted'
          ? 'The mapping has since been deleted.'
          : `State is now ${outcome.mapping.State ?? 'unknown'}.`,
    });
  });
  followers.set(id, stop);
}
