import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LambdaSender } from '../../../../api/lambda-client.ts';
import { FakeLambda, fakeMapping } from '../../../../testing/fake-lambda.ts';
import { createBulkOperationsStore } from '../bulk-operations-store.ts';
import { BulkActions } from './bulk-actions.tsx';

configure({ asyncUtilTimeout: 5000 });

// The confirmation dialogs' code arrives 1.5 s after it is asked for (a slow network).
vi.mock('./bulk-confirm-modals.tsx', async (importOriginal) => {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return importOriginal();
});

describe('a lazily loaded confirmation dialog on a slow network', { timeout: 20_000 }, () => {
  it('answers the click at once with the dialog’s header and Loading, then shows the dialog', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    const sender: LambdaSender = { send: lambda.send.bind(lambda) as LambdaSender['send'] };
    const store = createBulkOperationsStore({ client: () => sender });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <BulkActions store={store} selected={lambda.mappings} writeAccess={{ allowed: true }} />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Actions' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const loading = screen.getByRole('dialog', { name: 'Delete' });
    expect(within(loading).getByText('Loading')).toBeTruthy();
    // The real dialog, with its typed confirmation, once the code is there.
    const dialog = await screen.findByRole('dialog', { name: /Delete 2 mappings/ });
    expect(within(dialog).queryByText('Loading')).toBeNull();
    expect(lambda.inputsOf('DeleteEventSourceMappingCommand')).toEqual([]);
  });
});
