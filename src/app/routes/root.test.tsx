import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getLambdaRegion, setLambdaClient, setLambdaRegion } from '../../api/lambda-client.ts';
import type { ConsoleSession } from '../../features/auth/session.ts';
import { FakeLambda, fakeMapping } from '../../testing/fake-lambda.ts';
import { testConfig } from '../../testing/render-app.tsx';
import { createQueryClient } from '../../lib/query-client.ts';
import { AppProvider } from '../provider.tsx';
import { routes } from '../router.tsx';

configure({ asyncUtilTimeout: 5000 });

const config = { ...testConfig, regions: ['us-east-1', 'eu-west-1'] };

/** us-east-1 has mapping 1, eu-west-1 has mapping 2 (with eu-west-1 ARNs). */
function regionalLambdas() {
  const east = new FakeLambda([fakeMapping(1)]);
  const west = new FakeLambda([
    fakeMapping(2, {
      FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fn-west',
    }),
  ]);
  setLambdaClient((region) => (region === 'eu-west-1' ? west : east));
  return { east, west };
}

function renderConsole(path: string, session?: ConsoleSession) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider config={config} session={session} queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
}

const UUID_1 = '00000000-0000-4000-8000-000000000001';
const UUID_2 = '00000000-0000-4000-8000-000000000002';

describe('console header', { timeout: 20_000 }, () => {
  afterEach(() => setLambdaRegion('us-east-1'));

  it('takes the region from the URL and shows that region’s mappings and the account', async () => {
    const { east, west } = regionalLambdas();
    setLambdaRegion('eu-west-1');
    renderConsole('/?region=eu-west-1');
    // The first test of the file also waits for the list route's first (cold) import, which
    // takes seconds on a loaded 2-core machine.
    await screen.findByText(UUID_2, {}, { timeout: 15_000 });
    expect(screen.getByRole('button', { name: 'Region: eu-west-1' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Account: 123456789012' })).toBeTruthy();
    expect(east.calls).toEqual([]);
    expect(west.inputsOf('ListEventSourceMappingsCommand')).toEqual([{ MaxItems: 100 }]);
  });

  it('switches region from the menu: new client, new data, region in the URL', async () => {
    const { west } = regionalLambdas();
    setLambdaRegion('us-east-1');
    const router = renderConsole('/mappings/' + UUID_1);
    await screen.findByRole('heading', { name: `Mapping ${UUID_1}` });

    fireEvent.click(screen.getByRole('button', { name: 'Region: us-east-1' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'eu-west-1' }));
    await screen.findByText(UUID_2);
    expect(getLambdaRegion()).toBe('eu-west-1');
    // The region's mappings list, with the region kept in the URL.
    expect(router.state.location.pathname).toBe('/');
    expect(router.state.location.search).toBe('?region=eu-west-1');
    expect(screen.queryByText(UUID_1)).toBeNull();
    expect(west.inputsOf('ListEventSourceMappingsCommand')).toHaveLength(1);
  });

  it('keeps a non-default region in the URL when an in-app link drops it', async () => {
    regionalLambdas();
    setLambdaRegion('eu-west-1');
    const router = renderConsole('/?region=eu-west-1');
    const table = await screen.findByRole('table', { name: /Event source mappings/ });
    fireEvent.click(await within(table).findByRole('link', { name: UUID_2 }));
    await screen.findByRole('heading', { name: `Mapping ${UUID_2}` });
    await waitFor(() => expect(router.state.location.search).toBe('?region=eu-west-1'));
    expect(router.state.location.pathname).toBe(`/mappings/${UUID_2}`);
  });

  it('shows who is signed in and signs out from the user menu', async () => {
    regionalLambdas();
    const signOut = vi.fn(() => Promise.resolve());
    renderConsole('/', {
      mode: 'signed-in',
      identity: { kind: 'signed-in', email: 'alice@example.com', sub: 's' },
      signIn: () => Promise.resolve(),
      signOut,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Signed in as alice@example.com' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(signOut).toHaveBeenCalledTimes(1);
  });

  it('offers guests to sign in', async () => {
    regionalLambdas();
    const signIn = vi.fn(() => Promise.resolve());
    renderConsole('/', {
      mode: 'guest',
      identity: { kind: 'guest' },
      signIn,
      signOut: () => Promise.resolve(),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Guest (not signed in)' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign in' }));
    expect(signIn).toHaveBeenCalledTimes(1);
  });
});
