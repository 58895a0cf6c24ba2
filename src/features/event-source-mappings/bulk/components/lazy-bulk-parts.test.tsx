import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LambdaSender } from '../../../../api/lambda-client.ts';
import { FakeLambda, fakeMapping } from '../../../../testing/fake-lambda.ts';
import { createBulkOperationsStore } from '../bulk-operations-store.ts';
import { BulkActions } from './bulk-actions.tsx';
import { LazyBulkOperationPanel } from './lazy-bulk-operation-panel.tsx';

configure({ asyncUtilTimeout: 5000 });

describe('LazyBulkOperationPanel', { timeout: 20_000 }, () => {
  it('renders nothing without an operation, and the progress once one starts from BulkActions', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    lambda.afterGet = (mapping) => {
      if (mapping.State === 'Disabling') mapping.State = 'Disabled';
    };
    const sender: LambdaSender = { send: lambda.send.bind(lambda) as LambdaSender['send'] };
    const store = createBulkOperationsStore({
      client: () => sender,
      pollIntervalMs: 20,
      batchIntervalMs: 20,
    });
    const { container } = render(
      <QueryClientProvider client={new QueryClient()}>
        <div data-panel>
          <LazyBulkOperationPanel store={store} />
        </div>
        <BulkActions store={store} selected={lambda.mappings} writeAccess={{ allowed: true }} />
      </QueryClientProvider>,
    );
    expect(container.querySelector('[data-panel]')!.childElementCount).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Actions' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Disable' }));
    // (A "Loading" dialog stands in while the dialog's code downloads: wait for the real one.)
    const dialog = (await screen.findByText('Disable 2 mappings?')).closest('[role="dialog"]');
    fireEvent.click(within(dialog as HTMLElement).getByRole('button', { name: 'Disable' }));
    // Its code is downloaded from the selection on (here it may still be on its way).
    expect((await screen.findByRole('status')).textContent).toMatch(/^Disabl/);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Disable finished: 2 of 2 done'),
    );
  });
});
