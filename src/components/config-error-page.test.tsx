import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfigUnavailablePage } from './config-error-page.tsx';

describe('ConfigUnavailablePage', () => {
  it('says config.json could not be downloaded, offers Retry, and retries once back online', () => {
    const onRetry = vi.fn();
    render(
      <ConfigUnavailablePage source="/config.json" reason="Failed to fetch" onRetry={onRetry} />,
    );
    expect(screen.getByRole('heading', { name: 'The console could not start' })).toBeTruthy();
    expect(screen.getByText('/config.json could not be downloaded')).toBeTruthy();
    expect(screen.getByText(/Failed to fetch\. Check your connection/)).toBeTruthy();
    expect(screen.queryByText(/not configured correctly/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(onRetry).toHaveBeenCalledTimes(2);
  });
});
