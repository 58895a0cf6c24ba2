import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { isRetryableAfterSdk, isThrottling, toAwsError } from '../../../api/errors.ts';
import { useRetryWhenOnline } from '../../../lib/retry-when-online.ts';
import type { ConsoleSession } from '../session.ts';

/**
 * Cognito Identity's message when a guest (no `Logins`) asks a pool that does not allow
 * unauthenticated identities (`NotAuthorizedException`).
 */
const GUEST_REFUSED = /Unauthenticated access is not supported/i;

/** Props of {@link CredentialsErrorPage}. */
export interface CredentialsErrorPageProps {
  /** What the identity pool (or the network) answered. */
  error: unknown;
  /** The session whose credentials were refused. */
  session: ConsoleSession;
  /** Tries again (reloads the page); also called when the browser comes back online after a
   * failure of the network. */
  onRetry: () => void;
}

/**
 * Shown instead of the console when the identity pool hands out no credentials: guests refused
 * (the pool has guest access turned off while config.json says `guest`), a sign-in the pool does
 * not accept, or Cognito unreachable. Names the problem and offers sign-in, sign-out or retry;
 * when the identity pool could not be reached (no answer: offline, a dropped connection, a timeout,
 * as `isRetryableAfterSdk` tells them apart from an answer), it also tries again by itself when
 * the browser comes back online.
 */
export function CredentialsErrorPage({ error, session, onRetry }: CredentialsErrorPageProps) {
  const { name, message } = toAwsError(error);
  const guestRefused = session.identity.kind === 'guest' && GUEST_REFUSED.test(message);
  const signedIn = session.identity.kind === 'signed-in';
  const networkFailed = (isRetryableAfterSdk(error) && !isThrottling(error)) || !navigator.onLine;
  useRetryWhenOnline(onRetry, networkFailed);
  // One main landmark holds the page (WCAG 1.3.1: all content in landmarks).
  return (
    <main>
      <Box padding="xxl">
        <ContentLayout
          header={
            <Header
              variant="h1"
              description="The console needs temporary AWS credentials from the Cognito identity pool."
            >
              {guestRefused ? 'Guest access is turned off' : 'Could not get AWS credentials'}
            </Header>
          }
        >
          <SpaceBetween size="l">
            <Alert type="error" header={guestRefused ? 'Sign in to continue' : name}>
              {guestRefused ? (
                <>
                  This console is configured for guest access, but the identity pool refuses guests
                  (<Box variant="strong">{name}</Box>: {message}). Sign in, or ask the administrator
                  to turn guest access on (<Box variant="code">-c allowGuest=true</Box>).
                </>
              ) : networkFailed ? (
                `${message}${/[.!?]$/.test(message) ? '' : '.'} The console tries again by itself when the browser is back online.`
              ) : (
                message
              )}
            </Alert>
            <SpaceBetween direction="horizontal" size="xs">
              {signedIn ? (
                <Button onClick={() => void session.signOut()}>Sign out</Button>
              ) : (
                <Button variant="primary" onClick={() => void session.signIn()}>
                  Sign in
                </Button>
              )}
              <Button onClick={onRetry}>Retry</Button>
            </SpaceBetween>
          </SpaceBetween>
        </ContentLayout>
      </Box>
    </main>
  );
}
