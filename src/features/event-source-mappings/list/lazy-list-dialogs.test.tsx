import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  LazyServerFiltersModal,
  LazyShortcutsModal,
  LIST_DIALOGS_PRELOAD_MS,
} from './lazy-list-dialogs.tsx';

configure({ asyncUtilTimeout: 5000 });

describe('the list’s lazily loaded dialogs', { timeout: 20_000 }, () => {
  it('are downloaded 3 s after mounting, unopened, so `?` then shows the shortcuts at once (runs first: nothing is loaded before)', async () => {
    const onDismiss = vi.fn();
    const { rerender } = render(<LazyShortcutsModal visible={false} onDismiss={onDismiss} />);
    await new Promise((resolve) => setTimeout(resolve, LIST_DIALOGS_PRELOAD_MS - 1000));
    rerender(<LazyShortcutsModal visible={false} onDismiss={() => onDismiss()} />);
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    // Downloaded though not opened: a later render mounts it hidden, as a Cloudscape modal was
    // (a new onDismiss each time, so the memoised wrapper renders).
    await vi.waitFor(
      () => {
        rerender(<LazyShortcutsModal visible={false} onDismiss={() => onDismiss()} />);
        expect(screen.queryByRole('dialog', { hidden: true })).not.toBeNull();
      },
      { timeout: 8000, interval: 100 },
    );
    rerender(<LazyShortcutsModal visible onDismiss={onDismiss} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Show these shortcuts')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('open as before, the form working', async () => {
    const onApply = vi.fn();
    const onDismiss = vi.fn();
    const props = { functionName: 'orders', eventSourceArn: undefined, onDismiss, onApply };
    const { rerender } = render(<LazyServerFiltersModal visible={false} {...props} />);
    rerender(<LazyServerFiltersModal visible {...props} />);
    const dialog = await screen.findByRole('dialog', { name: 'Lambda-side filters' });
    const functionInput = within(dialog).getByRole('searchbox', { name: /^Function/ });
    expect((functionInput as HTMLInputElement).value).toBe('orders');
    fireEvent.change(functionInput, { target: { value: 'payments' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply filters' }));
    expect(onApply).toHaveBeenCalledWith({ FunctionName: 'payments', EventSourceArn: '' });
  });
});
