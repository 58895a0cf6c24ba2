import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotificationStore } from '../lib/notifications.ts';

// A fresh module per test: the loaded Flashbar is kept in the module.
let Notifications: typeof import('./notifications.tsx').Notifications;
beforeEach(async () => {
  vi.resetModules();
  ({ Notifications } = await import('./notifications.tsx'));
});

describe('Notifications', () => {
  it('shows a message that arrives before the Flashbar is loaded, with its action, and dismisses it', async () => {
    const store = createNotificationStore();
    const { container } = render(<Notifications store={store} />);
    expect(container.innerHTML).toBe('');
    const retry = vi.fn();
    act(() =>
      store.show({
        id: 'refresh',
        type: 'error',
        header: 'Could not refresh the mappings',
        content: 'Rate exceeded',
        action: { text: 'Retry', onClick: retry },
      }),
    );
    expect(await screen.findByText('Could not refresh the mappings')).toBeTruthy();
    expect(screen.getByText('Rate exceeded')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await vi.waitFor(() => expect(screen.queryByText('Could not refresh the mappings')).toBeNull());
    expect(store.getSnapshot()).toEqual([]);
  });

  it('mounts the (empty) Flashbar a few seconds after the first render', async () => {
    vi.useFakeTimers();
    try {
      const { container } = render(<Notifications store={createNotificationStore()} />);
      expect(container.innerHTML).toBe('');
      await act(() => vi.advanceTimersByTimeAsync(3000));
      vi.useRealTimers();
      await vi.waitFor(() => expect(container.querySelector('ul')).not.toBeNull());
      expect(container.textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });
});
