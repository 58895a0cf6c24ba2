import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';

const EXAMPLE = `{
  "region": "us-east-1",
  "identityPoolId": "us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b",
  "lambdaEndpoint": "http://127.0.0.1:4599",
  "cognitoIdentityEndpoint": "http://127.0.0.1:4599"
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
                <Box variant="code">region</Box> and <Box variant="code">identityPoolId</Box> are
                required; <Box variant="code">lambdaEndpoint</Box> and{' '}
                <Box variant="code">cognitoIdentityEndpoint</Box> are optional (leave them out to
                use AWS). No other keys are allowed.
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
