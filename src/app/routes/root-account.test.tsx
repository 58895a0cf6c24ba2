import { configure, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { setLambdaClient, setLambdaRegion } from '../../api/lambda-client.ts';
import { FakeLambda, fakeFunction, fakeMapping } from '../../testing/fake-lambda.ts';
import { testConfig } from '../../testing/render-app.tsx';
import { createQueryClient } from '../../lib/query-client.ts';
import { AppProvider } from '../provider.tsx';
import { routes } from '../router.tsx';

configure({ asyncUtilTimeout: 15_000 });

/** The console at `path` with nothing known of the account beforehand (unlike `renderApp`). */
function renderConsole(path: string, lambda: FakeLambda) {
  setLambdaClient(lambda);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider config={testConfig} queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
}

const ACCOUNT = 'Account: 123456789012';
const UUID_1 = '00000000-0000-4000-8000-000000000001';

describe('the header’s account', { timeout: 30_000 }, () => {
  afterEach(() => setLambdaRegion('us-east-1'));

  it('is found on a page that does not exist, with one lookup for every page visited', async () => {
    const lambda = new FakeLambda([fakeMapping(1)]);
    lambda.functions = [fakeFunction(1)];
    const router = renderConsole('/no-such-page', lambda);
    await screen.findByRole('heading', { name: 'Page not found' });
    expect(await screen.findByRole('button', { name: ACCOUNT })).toBeTruthy();
    expect(lambda.inputsOf('ListFunctionsCommand')).toEqual([{ MaxItems: 1 }]);

    await router.navigate('/another-missing-page');
    await screen.findByRole('heading', { name: 'Page not found' });
    await router.navigate('/mappings/new');
    await screen.findByRole('heading', { name: 'Create mapping' });
    expect(screen.getByRole('button', { name: ACCOUNT })).toBeTruthy();
    await router.navigate(`/mappings/${UUID_1}`);
    await screen.findByRole('heading', { name: `Mapping ${UUID_1}` });
    expect(screen.getByRole('button', { name: ACCOUNT })).toBeTruthy();
    expect(lambda.inputsOf('ListFunctionsCommand')).toEqual([{ MaxItems: 1 }]);
  });

  it('is found on the create page', async () => {
    const lambda = new FakeLambda();
    lambda.functions = [fakeFunction(1)];
    renderConsole('/mappings/new', lambda);
    await screen.findByRole('heading', { name: 'Create mapping' });

    expect(await screen.findByRole('button', { name: ACCOUNT })).toBeTruthy();
  });

  it('says it is unknown when the lookup fails, instead of waiting for ever', async () => {
    const lambda = new FakeLambda();
    lambda.failNext(
      Object.assign(new Error('Access denied'), { name: 'AccessDeniedException' }),
      10,
    );
    renderConsole('/no-such-page', lambda);
    await screen.findByRole('heading', { name: 'Page not found' });
    expect(await screen.findAllByText('Account unknown')).not.toHaveLength(0);
  });

  it('says it is unknown when the region has no function and no mapping', async () => {
    renderConsole('/no-such-page', new FakeLambda());
    await screen.findByRole('heading', { name: 'Page not found' });
    expect(await screen.findAllByText('Account unknown')).not.toHaveLength(0);
  });
});
