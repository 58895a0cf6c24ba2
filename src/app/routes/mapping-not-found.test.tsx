import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { setLambdaClient, setLambdaRegion } from '../../api/lambda-client.ts';
import { accountQuery } from '../../features/auth/account-queries.ts';
import { createQueryClient } from '../../lib/query-client.ts';
import { FakeLambda, fakeMapping } from '../../testing/fake-lambda.ts';
import { renderApp, testConfig } from '../../testing/render-app.tsx';
import { AppProvider } from '../provider.tsx';
import { routes } from '../router.tsx';

configure({ asyncUtilTimeout: 15_000 });

const UUID = '00000000-0000-4000-8000-000000000001';

/** The console with two regions: the mapping is in us-east-1 only. */
function renderTwoRegions(path: string) {
  const east = new FakeLambda([fakeMapping(1)]);
  const west = new FakeLambda([]);
  setLambdaClient((region) => (region === 'eu-west-1' ? west : east));
  const queryClient = createQueryClient();
  queryClient.setQueryData(accountQuery('us-east-1').queryKey, '123456789012');
  queryClient.setQueryData(accountQuery('eu-west-1').queryKey, '123456789012');
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider
      config={{ ...testConfig, regions: ['us-east-1', 'eu-west-1'] }}
      queryClient={queryClient}
    >
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { router, east, west };
}

describe('a mapping that does not exist', { timeout: 30_000 }, () => {
  afterEach(() => setLambdaRegion('us-east-1'));

  it('names the region it was looked up in, with AWS’s error', async () => {
    renderApp(`/mappings/${UUID}`, new FakeLambda([]));
    expect(
      await screen.findByText(
        `There is no mapping ${UUID} in us-east-1: it may have been deleted.`,
        {
          exact: false,
        },
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('(ResourceNotFoundException: The resource you requested does not exist.)'),
    ).toBeTruthy();
    // One region configured: nowhere else to look.
    expect(screen.queryByRole('link', { name: /all .* regions/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to mappings' })).toBeTruthy();
  });

  it('names the link’s ?region= and looks in every region from a link', async () => {
    setLambdaRegion('eu-west-1');
    const { router, west } = renderTwoRegions(`/mappings/${UUID}?region=eu-west-1`);
    expect(
      await screen.findByText(
        `There is no mapping ${UUID} in eu-west-1: it may have been deleted, or be in another region.`,
        { exact: false },
      ),
    ).toBeTruthy();
    expect(west.inputsOf('GetEventSourceMappingCommand')).toEqual([{ UUID }]);
    const link = screen.getByRole('link', { name: 'Look for it in all 2 regions' });
    expect(link.getAttribute('href')).toBe(`/?filter=UUID%3D${UUID}&regions=all`);
    fireEvent.click(link);
    const table = await screen.findByRole('table', { name: /Event source mappings/ });
    expect(await within(table).findByRole('link', { name: UUID })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('says the same on the edit page', async () => {
    setLambdaRegion('eu-west-1');
    renderTwoRegions(`/mappings/${UUID}/edit?region=eu-west-1`);
    expect(
      await screen.findByText(`There is no mapping ${UUID} in eu-west-1`, { exact: false }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Look for it in all 2 regions' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to all mappings' })).toBeTruthy();
  });
});
