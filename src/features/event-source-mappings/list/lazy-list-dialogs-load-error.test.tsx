import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LazyServerFiltersModal, LazyShortcutsModal } from './lazy-list-dialogs.tsx';

configure({ asyncUtilTimeout: 5000 });

// The dialogs' chunk cannot be downloaded (offline, or a deploy removed it): import() rejects
// (vitest reports a throwing factory as "There was an error when mocking a module").
vi.mock('./list-dialogs.tsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

describe('the list’s dialogs when their code cannot be downloaded', { timeout: 20_000 }, () => {
  it('open a dialog with the dialog’s header, the error and Retry; Close dismisses it', async () => {
    const onDismiss = vi.fn();
    render(
      <LazyServerFiltersModal
        visible
        functionName={undefined}
        eventSourceArn={undefined}
        onDismiss={onDismiss}
        onApply={vi.fn()}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Lambda-side filters' });
    expect(within(dialog).getByText('This dialog could not be downloaded')).toBeTruthy();
    expect(
      within(dialog).getByText('There was an error when mocking a module', { exact: false }),
    ).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Retry' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('show nothing while closed (a failed preload is not an error on screen)', async () => {
    render(<LazyShortcutsModal visible={false} onDismiss={vi.fn()} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
  });
});
