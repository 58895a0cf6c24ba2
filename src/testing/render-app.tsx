import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setLambdaClient, type LambdaSender } from '../api/lambda-client.ts';
import { AppProvider } from '../app/provider.tsx';
import { routes } from '../app/router.tsx';
import type { RuntimeConfig } from '../config/env.ts';
import { createQueryClient } from '../lib/query-client.ts';

/** The configuration component tests run with. */
export const testConfig: RuntimeConfig = {
  region: 'us-east-1',
  identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
};

/**
 * Renders the whole console (real routes, providers and query client) at `path`, with `client`
 * installed as the app's Lambda client.
 * @returns Testing Library's render result plus the router (to inspect the location).
 */
export function renderApp(path: string, client: LambdaSender) {
  setLambdaClient(client);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProvider config={testConfig} queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router };
}
