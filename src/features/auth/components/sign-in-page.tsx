import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';

/** Props of {@link SignInPage}. */
export interface SignInPageProps {
  /** Starts the redirect to the user pool (back to the current page afterwards). */
  onSignIn: () => Promise<void>;
  /** Why sign-in failed (the user pool's error, e.g. `access_denied: …`), if it did. */
  failure?: string;
  /** In guest mode: goes back to the console without signing in. */
  onContinueAsGuest?: () => void;
}

/**
 * The sign-in prompt shown instead of the console in `signed-in` mode when nobody is signed in
 * (first visit, after sign-out), and in either mode after a failed or cancelled sign-in (guest
 * mode adds "Continue as guest"). Rendered without the router or any AWS client: nothing can call
 * Lambda from here.
 */
export function SignInPage({ onSignIn, failure, onContinueAsGuest }: SignInPageProps) {
  const [redirecting, setRedirecting] = useState(false);
  const [error, setError] = useState<string>();
  const signIn = () => {
    setRedirecting(true);
    setError(undefined);
    onSignIn().catch((reason: unknown) => {
      setRedirecting(false);
      setError(reason instanceof Error ? reason.message : String(reason));
    });
  };
  // One main landmark holds the page (WCAG 1.3.1: all content in landmarks).
  return (
    <main>
      <Box padding="xxl">
        <ContentLayout
          header={
            <Header variant="h1" description="Manage AWS Lambda event source mappings.">
              Lambda event source mappings
            </Header>
          }
        >
          <SpaceBetween size="l">
            {failure ? (
              <Alert type="error" header="Sign-in did not complete">
                {failure}
              </Alert>
            ) : null}
            {error ? (
              <Alert type="error" header="The sign-in page could not be opened">
                {error}
              </Alert>
            ) : null}
            <Container header={<Header variant="h2">Sign in to continue</Header>}>
              <SpaceBetween size="m">
                <Box variant="p">
                  This console calls AWS with your own permissions. Sign in with your user pool
                  account to see and change mappings.
                </Box>
                <SpaceBetween direction="horizontal" size="xs">
                  <Button variant="primary" onClick={signIn} loading={redirecting}>
                    Sign in
                  </Button>
                  {onContinueAsGuest ? (
                    <Button onClick={onContinueAsGuest}>Continue as guest</Button>
                  ) : null}
                </SpaceBetween>
              </SpaceBetween>
            </Container>
          </SpaceBetween>
        </ContentLayout>
      </Box>
    </main>
  );
}
