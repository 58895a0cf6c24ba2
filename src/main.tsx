import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLambdaClient, setLambdaClient } from './api/lambda-client.ts';
import { AppProvider } from './app/provider.tsx';
import { AppRouter } from './app/router.tsx';
import { ConfigErrorPage } from './components/config-error-page.tsx';
import { ConfigError, loadRuntimeConfig } from './config/env.ts';

const root = createRoot(document.getElementById('root')!);
const configUrl = `${import.meta.env.BASE_URL}config.json`;

try {
  const config = await loadRuntimeConfig(configUrl);
  setLambdaClient(createLambdaClient(config));
  root.render(
    <StrictMode>
      <AppProvider config={config}>
        <AppRouter />
      </AppProvider>
    </StrictMode>,
  );
} catch (error) {
  const { source, problems } =
    error instanceof ConfigError
      ? error
      : { source: configUrl, problems: [error instanceof Error ? error.message : String(error)] };
  root.render(
    <StrictMode>
      <ConfigErrorPage source={source} problems={problems} />
    </StrictMode>,
  );
}
