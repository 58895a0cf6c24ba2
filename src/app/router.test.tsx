import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLambda, fakeMapping } from '../testing/fake-lambda.ts';
import { renderApp } from '../testing/render-app.tsx';

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
    expect(screen.getByRole('button', { name: 'Preferences' })).toBeTruthy();
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
