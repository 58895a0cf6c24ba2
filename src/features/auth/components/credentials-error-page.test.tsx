import { NotAuthorizedException } from '@aws-sdk/client-cognito-identity';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConsoleSession } from '../session.ts';
import { CredentialsErrorPage } from './credentials-error-page.tsx';

const guest: ConsoleSession = {
  mode: 'guest',
  identity: { kind: 'guest' },
  signIn: () => Promise.resolve(),
  signOut: () => Promise.resolve(),
};

/** What fetch throws when the identity pool cannot be reached (after the SDK's retries). */
const networkDown = new TypeError('Failed to fetch');

function goOnline() {
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
}

describe('CredentialsErrorPage', () => {
  it('offers Retry, and retries by itself once back online when the network failed', () => {
    const onRetry = vi.fn();
    render(<CredentialsErrorPage error={networkDown} session={guest} onRetry={onRetry} />);
    expect(screen.getByRole('heading', { name: 'Could not get AWS credentials' })).toBeTruthy();
    expect(
      screen.getByText(
        'The service could not be reached (Failed to fetch). Check the endpoint in config.json and your connection. The console tries again by itself when the browser is back online.',
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    goOnline();
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it('does not retry by itself when the identity pool answered (guests refused)', () => {
    const onRetry = vi.fn();
    const refused = new NotAuthorizedException({
      message: 'Unauthenticated access is not supported for this identity pool.',
      $metadata: { httpStatusCode: 400 },
    });
    const { unmount } = render(
      <CredentialsErrorPage error={refused} session={guest} onRetry={onRetry} />,
    );
    expect(screen.getByRole('heading', { name: 'Guest access is turned off' })).toBeTruthy();
    expect(screen.queryByText(/tries again by itself/)).toBeNull();
    goOnline();
    expect(onRetry).not.toHaveBeenCalled();
    unmount();
  });

  it('stops listening once it is gone', () => {
    const onRetry = vi.fn();
    const { unmount } = render(
      <CredentialsErrorPage error={networkDown} session={guest} onRetry={onRetry} />,
    );
    unmount();
    goOnline();
    expect(onRetry).not.toHaveBeenCalled();
  });
});
