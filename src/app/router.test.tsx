import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setLambdaClient } from '../api/lambda-client.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { FakeLambda, fakeMapping } from '../testing/fake-lambda.ts';
import { renderApp, testConfig } from '../testing/render-app.tsx';
import { prefetchPageData } from './router.tsx';

configure({ asyncUtilTimeout: 10_000 });

const UUID_3 = '00000000-0000-4000-8000-000000000003';

function breadcrumbs() {
  const nav = screen.getByRole('navigation', { name: 'Breadcrumbs' });
  // Cloudscape adds a "..." item for narrow windows (it collapses the middle crumbs).
  return within(nav)
    .getAllByRole('listitem')
    .map((item) => item.textContent)
    .filter((text) => text !== '...');
}

describe('pages loaded on demand', { timeout: 30_000 }, () => {
  it('shows the frame, the breadcrumbs and "Loading page" until the page’s code is there', async () => {
    renderApp(`/mappings/${UUID_3}/edit`, new FakeLambda([fakeMapping(3)]));
    // First render: the edit page's module is still being imported.
    expect(screen.getByText('Loading page')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Appearance: theme and density' })).toBeTruthy();
    expect(breadcrumbs()).toEqual(['Event source mappings', UUID_3, 'Edit']);

    await screen.findByRole('heading', { name: `Edit mapping ${UUID_3}` });
    expect(screen.queryByText('Loading page')).toBeNull();
    expect(breadcrumbs()).toEqual(['Event source mappings', UUID_3, 'Edit']);
  });

  it('loads the not-found page for an unknown path, with its breadcrumb', async () => {
    renderApp('/no/such/page', new FakeLambda([]));
    await screen.findByRole('heading', { name: 'Page not found' });
    expect(breadcrumbs()).toEqual(['Event source mappings', 'Page not found']);
  });
});

describe('prefetchPageData', { timeout: 30_000 }, () => {
  it("starts the list's first page in each region of the URL, with its server-side filters", async () => {
    const us = new FakeLambda([
      fakeMapping(1, { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders' }),
    ]);
    const eu = new FakeLambda([
      fakeMapping(2, { FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:orders' }),
    ]);
    setLambdaClient((region) => (region === 'eu-west-1' ? eu : us));
    const queryClient = createQueryClient();
    await prefetchPageData(new URL('http://console.test/?FunctionName=orders&regions=all'), {
      queryClient,
      config: { ...testConfig, regions: ['us-east-1', 'eu-west-1'] },
    });
    expect(us.inputsOf('ListEventSourceMappingsCommand')).toEqual([
      { FunctionName: 'orders', MaxItems: 100 },
    ]);
    expect(eu.inputsOf('ListEventSourceMappingsCommand')).toEqual([
      { FunctionName: 'orders', MaxItems: 100 },
    ]);
  });

  it('renders the prefetched first page without requesting it again', async () => {
    const lambda = new FakeLambda([fakeMapping(3)]);
    setLambdaClient(lambda);
    const queryClient = createQueryClient();
    await prefetchPageData(new URL('http://console.test/'), { queryClient, config: testConfig });
    expect(lambda.inputsOf('ListEventSourceMappingsCommand')).toEqual([{ MaxItems: 100 }]);
    renderApp('/', lambda, { queryClient });
    await screen.findByRole('link', { name: UUID_3 });
    expect(lambda.inputsOf('ListEventSourceMappingsCommand')).toEqual([{ MaxItems: 100 }]);
  });

  it('goes on through every page of the list (Load all) without waiting for it to render, and the list asks for none again', async () => {
    const lambda = new FakeLambda(Array.from({ length: 250 }, (_, n) => fakeMapping(n)));
    lambda.latencyMs = 20;
    setLambdaClient(lambda);
    const queryClient = createQueryClient();
    await prefetchPageData(new URL('http://console.test/'), { queryClient, config: testConfig });
    // Nothing rendered yet: the next pages follow the first by themselves.
    await vi.waitFor(() =>
      expect(lambda.inputsOf('ListEventSourceMappingsCommand')).toHaveLength(3),
    );
    const markers = () =>
      lambda.inputsOf('ListEventSourceMappingsCommand').map((input) => input.Marker);
    expect(markers()).toEqual([undefined, '100', '200']);
    renderApp('/', lambda, { queryClient });
    await screen.findByText(/All 250 mappings loaded/);
    expect(markers()).toEqual([undefined, '100', '200']);
  });

  it('hands its Load all over to the list that mounts meanwhile: each page asked for once', async () => {
    const lambda = new FakeLambda(Array.from({ length: 1500 }, (_, n) => fakeMapping(n)));
    lambda.latencyMs = 60;
    setLambdaClient(lambda);
    const queryClient = createQueryClient();
    await prefetchPageData(new URL('http://console.test/'), { queryClient, config: testConfig });
    renderApp('/', lambda, { queryClient });
    // The list is on screen before the last page (about 15 × 60 ms) is in.
    await screen.findByText(/Loading all mappings/);
    await screen.findByText(/All 1,500 mappings loaded/, undefined, { timeout: 20_000 });
    expect(lambda.inputsOf('ListEventSourceMappingsCommand').map((input) => input.Marker)).toEqual([
      undefined,
      ...Array.from({ length: 14 }, (_, n) => String((n + 1) * 100)),
    ]);
  });

  it('asks nothing for a page without prefetch, and settles', async () => {
    const lambda = new FakeLambda([fakeMapping(3)]);
    setLambdaClient(lambda);
    await prefetchPageData(new URL('http://console.test/no/such/page'), {
      queryClient: createQueryClient(),
      config: testConfig,
    });
    expect(lambda.calls).toEqual([]);
  });
});
