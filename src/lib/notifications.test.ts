import { describe, expect, it, vi } from 'vitest';
import { createNotificationStore } from './notifications.ts';

describe('notification store', () => {
  it('replaces by id in place, dismisses, and notifies listeners', () => {
    const store = createNotificationStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.show({ id: 'a', type: 'in-progress', header: 'A…' });
    store.show({ id: 'b', type: 'info', header: 'B' });
    store.show({ id: 'a', type: 'success', header: 'A done' });
    expect(store.getSnapshot().map((n) => `${n.id}:${n.type}`)).toEqual(['a:success', 'b:info']);
    store.dismiss('a');
    store.dismiss('missing');
    expect(store.getSnapshot().map((n) => n.id)).toEqual(['b']);
    expect(listener).toHaveBeenCalledTimes(4);
    unsubscribe();
    store.dismiss('b');
    expect(listener).toHaveBeenCalledTimes(4);
  });
});
