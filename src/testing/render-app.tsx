import { render } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setLambdaClient, type LambdaSender } from '../api/lambda-client.ts';
import { AppProvider } from '../app/provider.tsx';
import { routes } from '../app/router.tsx';
import type { GuestAccess, RuntimeConfig } from '../config/env.ts';
import { accountQuery } from '../features/auth/account-queries.ts';
import { createQueryClient } from '../lib/query-client.ts';

/** The configuration component tests run with. */
export const testConfig: RuntimeConfig = {
  region: 'us-east-1',
  identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
  auth: {
    mode: 'guest',
    userPoolClientId: 'esm-console-local',
    authority: 'http://127.0.0.1:4599/oidc',
    // Most tests write as the guest; `renderApp(path, client, { guestAccess: 'read-only' })`
    // renders the deployed stack's read-only guest.
    guestAccess: 'read-write',
  },
};

/**
 * Renders the whole console (real routes, providers and query client) at `path`, with `client`
 * installed as the app's Lambda client. The header's account id is already known
 * (`123456789012`), so the calls `client` records are the page's own.
 * @param options.guestAccess overrides `auth.guestAccess` of {@link testConfig}.
 * @param options.queryClient the app's query client (default: a new `createQueryClient()`), e.g.
 *   one start-up has prefetched into.
 * @returns Testing Library's render result plus the router (to inspect the location).
 */
export function renderApp(
  path: string,
  client: LambdaSender,
  options: { guestAccess?: GuestAccess; queryClient?: QueryClient } = {},
) {
  setLambdaClient(client);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = options.queryClient ?? createQueryClient();
  queryClient.setQueryData(accountQuery(testConfig.region).queryKey, '123456789012');
  const result = render(
    <AppProvider
      config={
        options.guestAccess
          ? { ...testConfig, auth: { ...testConfig.auth, guestAccess: options.guestAccess } }
          : testConfig
      }
      queryClient={queryClient}
    >
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router };
}
