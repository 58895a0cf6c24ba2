import { configure, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeLambda } from '../testing/fake-lambda.ts';
import { renderApp } from '../testing/render-app.tsx';

configure({ asyncUtilTimeout: 10_000 });

// The not-found page's chunk cannot be fetched (e.g. a tab opened before a redeploy asks for a
// chunk name that is gone): the import rejects like the browser's "Failed to fetch dynamically
// imported module".
vi.mock('./routes/not-found.tsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/not-found-x.js');
});

describe('a page whose code cannot be loaded', { timeout: 30_000 }, () => {
  it('shows the error page inside the console frame, with Reload page', async () => {
    renderApp('/no/such/page', new FakeLambda([]));
    await screen.findByRole('heading', { name: 'Something went wrong' });
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Appearance: theme and density' })).toBeTruthy();
  });
});
