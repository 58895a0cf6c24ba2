import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useRetryWhenOnline } from '../lib/retry-when-online.ts';

const EXAMPLE = `{
  "region": "eu-west-1",
  "regions": ["eu-west-1", "us-east-1"],
  "identityPoolId": "eu-west-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b",
  "auth": {
    "mode": "signed-in",
    "userPoolId": "eu-west-1_AbCdEfGhI",
    "userPoolClientId": "4h3kq9s0ab1cd2ef3gh4ij5kl6",
    "authority": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI"
  }
}`;

/** Props of {@link ConfigErrorPage}. */
export interface ConfigErrorPageProps {
  /** Where the configuration was read from, e.g. `/config.json`. */
  source: string;
  /** One line per problem. */
  problems: readonly string[];
}

/**
 * Shown instead of the console when `/config.json` is missing, not JSON or invalid: what is wrong,
 * line by line, and what a valid file looks like. Rendered without the router or any AWS client.
 */
export function ConfigErrorPage({ source, problems }: ConfigErrorPageProps) {
  return (
    <Box padding="xxl">
      <ContentLayout
        header={
          <Header
            variant="h1"
            description="The console reads its settings at start-up and cannot run without them."
          >
            The console is not configured correctly
          </Header>
        }
      >
        <SpaceBetween size="l">
          <Alert type="error" header={`Invalid configuration in ${source}`}>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Alert>
          <Container header={<Header variant="h2">What a valid config.json looks like</Header>}>
            <SpaceBetween size="s">
              <Box variant="p">
                <Box variant="code">region</Box>, <Box variant="code">identityPoolId</Box> and{' '}
                <Box variant="code">auth</Box> (<Box variant="code">mode</Box>{' '}
                <Box variant="code">guest</Box> or <Box variant="code">signed-in</Box>, the user
                pool client and its issuer) are required; <Box variant="code">regions</Box> lists
                the regions to switch between. <Box variant="code">lambdaEndpoint</Box> and{' '}
                <Box variant="code">cognitoIdentityEndpoint</Box> are optional (leave them out to
                use AWS; the deployed file has neither). No other keys are allowed.
              </Box>
              <Box variant="pre">
                <code>{EXAMPLE}</code>
              </Box>
            </SpaceBetween>
          </Container>
        </SpaceBetween>
      </ContentLayout>
    </Box>
  );
}

/** Props of {@link ConfigUnavailablePage}. */
export interface ConfigUnavailablePageProps {
  /** Where the configuration is read from, e.g. `/config.json`. */
  source: string;
  /** Why it could not be downloaded, e.g. `Failed to fetch` or `HTTP 503`. */
  reason: string;
  /** Starts the console again (the page reloads itself). */
  onRetry: () => void;
}

/**
 * Shown instead of the console when `/config.json` could not be downloaded (offline, a dropped
 * connection, a 5xx): the file is not known to be wrong, so this says what happened and offers
 * Retry, and starts again by itself when the browser comes back online. Rendered without the
 * router or any AWS client.
 */
export function ConfigUnavailablePage({ source, reason, onRetry }: ConfigUnavailablePageProps) {
  useRetryWhenOnline(onRetry);
  return (
    <Box padding="xxl">
      <ContentLayout header={<Header variant="h1">The console could not start</Header>}>
        <Alert
          type="warning"
          header={`${source} could not be downloaded`}
          action={<Button onClick={onRetry}>Retry</Button>}
        >
          {reason}. Check your connection; the console tries again by itself when the browser is
          back online.
        </Alert>
      </ContentLayout>
    </Box>
  );
}
