import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSession, resetSessionClosingForTests } from '../features/auth/session-closing.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { testConfig } from '../testing/render-app.tsx';
import { AppProvider } from './provider.tsx';

afterEach(() => resetSessionClosingForTests());

describe('AppProvider when the session closes', () => {
  it('unmounts the pages and empties the query cache', async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(['event-source-mappings', 'us-east-1', 'detail', 'u'], {
      State: 'Enabled',
    });
    render(
      <AppProvider config={testConfig} queryClient={queryClient}>
        <h1>The mappings</h1>
      </AppProvider>,
    );
    expect(screen.getByRole('heading', { name: 'The mappings' })).toBeTruthy();
    act(() => closeSession());
    expect(await screen.findByText('Signed out')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'The mappings' })).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });
});
