import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useRetryWhenOnline } from './retry-when-online.ts';

/** The browser coming back online, as the window tells it. */
function goOnline(): void {
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
}

describe('useRetryWhenOnline', () => {
  it('retries each time the browser comes back online, with no argument', () => {
    const retry = vi.fn<(force?: unknown) => void>();
    renderHook(() => useRetryWhenOnline(retry));
    expect(retry).not.toHaveBeenCalled();
    goOnline();
    // Not the event: a retry taking an optional parameter of its own must not receive it.
    expect(retry).toHaveBeenCalledExactlyOnceWith();
    goOnline();
    expect(retry).toHaveBeenCalledTimes(2);
  });

  it('does nothing while not enabled, and starts when enabled', () => {
    const retry = vi.fn();
    const { rerender } = renderHook(({ enabled }) => useRetryWhenOnline(retry, enabled), {
      initialProps: { enabled: false },
    });
    goOnline();
    expect(retry).not.toHaveBeenCalled();
    rerender({ enabled: true });
    goOnline();
    expect(retry).toHaveBeenCalledOnce();
  });

  it('stops once unmounted, and a new retry function replaces the old one', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(({ retry }) => useRetryWhenOnline(retry), {
      initialProps: { retry: first },
    });
    rerender({ retry: second });
    goOnline();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    unmount();
    goOnline();
    expect(second).toHaveBeenCalledOnce();
  });
});
