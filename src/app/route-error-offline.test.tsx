import { act, configure, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLambdaClient } from '../api/lambda-client.ts';
import { FakeLambda } from '../testing/fake-lambda.ts';
import { testConfig } from '../testing/render-app.tsx';
import { AppProvider } from './provider.tsx';
import RouteError, { isChunkLoadError } from './routes/route-error.tsx';

configure({ asyncUtilTimeout: 10_000 });

/**
 * A page whose code fails to load as Chromium showed it offline, for a mapping's page opened before
 * its code had been preloaded: Vite's preload helper fetches the page's stylesheets first and
 * rejects the import with this error before it asks for the module.
 */
function renderPageThatCannotLoad() {
  setLambdaClient(new FakeLambda([]));
  const router = createMemoryRouter([
    {
      path: '/',
      errorElement: <RouteError />,
      lazy: () =>
        Promise.reject(
          new Error('Unable to preload CSS for http://127.0.0.1:4313/assets/key-value-pairs-x.css'),
        ),
    },
  ]);
  render(
    <AppProvider config={testConfig}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a page whose code could not be downloaded while offline', { timeout: 30_000 }, () => {
  it('says it waits for the network, and reloads itself when the network is back', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    renderPageThatCannotLoad();
    await screen.findByRole('heading', { name: 'Waiting for the network' });
    expect(
      screen.getByText('The page opens by itself when the network is back.', { exact: false }),
    ).toBeTruthy();
    expect(reload).not.toHaveBeenCalled();
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(reload).toHaveBeenCalledOnce();
  });

  it('online, offers to reload the page', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    renderPageThatCannotLoad();
    await screen.findByRole('heading', { name: 'Something went wrong' });
    expect(screen.getByText(/Unable to preload CSS for/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeTruthy();
  });

  it('counts each browser’s failed import and Vite’s failed stylesheet as a download failure', () => {
    expect(
      isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: /a.js')),
    ).toBe(true);
    expect(
      isChunkLoadError(new TypeError('error loading dynamically imported module: /a.js')),
    ).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for /assets/a.css'))).toBe(true);
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false);
  });
});
