import { onlineManager } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OfflineBanner } from './offline-banner.tsx';

afterEach(() => act(() => onlineManager.setOnline(true)));

describe('OfflineBanner', () => {
  it('shows while the browser is offline and goes away when it is back', () => {
    render(<OfflineBanner />);
    expect(screen.queryByText('You are offline')).toBeNull();
    act(() => onlineManager.setOnline(false));
    expect(screen.getByText('You are offline')).toBeTruthy();
    act(() => onlineManager.setOnline(true));
    expect(screen.queryByText('You are offline')).toBeNull();
  });
});
