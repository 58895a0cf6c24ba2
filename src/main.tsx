import './config/zod-setup.ts';
import '@cloudscape-design/global-styles/index.css';
import './lib/appearance.css';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  createRegionalLambdaClients,
  lambdaRequestSent,
  setLambdaClient,
  setLambdaRegion,
} from './api/lambda-client.ts';
import { AppProvider } from './app/provider.tsx';
import { AppRouter, prefetchPageData, preloadPages } from './app/router.tsx';
import { ConfigErrorPage, ConfigUnavailablePage } from './components/config-error-page.tsx';
import {
  ConfigError,
  ConfigUnavailableError,
  loadRuntimeConfig,
  type RuntimeConfig,
} from './config/env.ts';
import { regionFromSearch } from './config/region.ts';
import { CredentialsErrorPage } from './features/auth/components/credentials-error-page.tsx';
import { SignInPage } from './features/auth/components/sign-in-page.tsx';
import { preloadOidcSession, startSession } from './features/auth/start-session.ts';
import { getAppearanceStore } from './lib/appearance.ts';
import { forgetFailedStylesheets } from './lib/failed-stylesheets.ts';
import { createQueryClient } from './lib/query-client.ts';

// Light/dark mode and density before anything is rendered: no light flash in dark mode.
getAppearanceStore();
// A page's stylesheet that failed offline is downloaded again with the page's next try.
forgetFailedStylesheets();
// The page's code downloads while config.json, the session and credentials are fetched.
preloadPages(window.location.pathname);
preloadOidcSession(window.sessionStorage);

const root = createRoot(document.getElementById('root')!);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);
const configUrl = `${import.meta.env.BASE_URL}config.json`;

render(
  <Box padding="xxl">
    <StatusIndicator type="loading">Starting the console</StatusIndicator>
  </Box>,
);

async function start(config: RuntimeConfig) {
  const start = await startSession(config, {
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    baseUrl: import.meta.env.BASE_URL,
  });
  if (start.status === 'signed-out') {
    render(<SignInPage onSignIn={start.signIn} />);
    return;
  }
  if (start.status === 'sign-in-failed') {
    render(
      <SignInPage
        onSignIn={start.signIn}
        failure={start.message}
        onContinueAsGuest={
          config.auth.mode === 'guest'
            ? () => window.location.assign(import.meta.env.BASE_URL)
            : undefined
        }
      />,
    );
    return;
  }
  const { session, credentials } = start;
  // One credential fetch before the first render: a pool that refuses this identity (guests
  // turned off, a login it does not trust) gets a page that says so instead of failing every
  // request; the result is memoized, so the first Lambda call reuses it.
  try {
    await credentials();
  } catch (error) {
    render(
      <CredentialsErrorPage
        error={error}
        session={session}
        onRetry={() => window.location.reload()}
      />,
    );
    return;
  }
  setLambdaClient(createRegionalLambdaClients(config, credentials));
  setLambdaRegion(regionFromSearch(window.location.search, config) ?? config.region);
  // The page's first requests start now, not once its first render has committed: its code first
  // (index.html preloads it: a few ms), then its prefetch, and the first render once that request
  // is on its way (at most 100 ms later). Rendered first, the app's one long render task (about
  // 150 ms) came between the credentials and the first ListEventSourceMappings.
  const queryClient = createQueryClient();
  const url = new URL(window.location.href);
  await preloadPages(url.pathname);
  await Promise.race([lambdaRequestSent(100), prefetchPageData(url, { queryClient, config })]);
  render(
    <AppProvider config={config} session={session} queryClient={queryClient}>
      <AppRouter />
    </AppProvider>,
  );
}

let config: RuntimeConfig | undefined;
try {
  config = await loadRuntimeConfig(configUrl);
} catch (error) {
  if (error instanceof ConfigUnavailableError) {
    render(
      <ConfigUnavailablePage
        source={error.source}
        reason={error.reason}
        onRetry={() => window.location.reload()}
      />,
    );
  } else {
    const { source, problems } =
      error instanceof ConfigError
        ? error
        : { source: configUrl, problems: [error instanceof Error ? error.message : String(error)] };
    render(<ConfigErrorPage source={source} problems={problems} />);
  }
}
if (config) {
  await start(config).catch((error: unknown) =>
    render(
      <Box padding="xxl">
        <Alert type="error" header="The console could not start">
          {error instanceof Error ? error.message : String(error)}
        </Alert>
      </Box>,
    ),
  );
}
