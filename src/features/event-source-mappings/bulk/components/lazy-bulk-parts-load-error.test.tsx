import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LambdaSender } from '../../../../api/lambda-client.ts';
import { FakeLambda, fakeMapping } from '../../../../testing/fake-lambda.ts';
import { createBulkOperationsStore } from '../bulk-operations-store.ts';
import { BulkActions } from './bulk-actions.tsx';
import { LazyBulkOperationPanel } from './lazy-bulk-operation-panel.tsx';

configure({ asyncUtilTimeout: 5000 });

// The lazily loaded parts cannot be downloaded (as offline, or after a deploy removed the chunks):
// their import() rejects (vitest reports a throwing factory as "There was an error when mocking").
const IMPORT_ERROR = 'There was an error when mocking a module';
vi.mock('./bulk-operation-panel.tsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});
vi.mock('./bulk-confirm-modals.tsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

function setup() {
  const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
  const sender: LambdaSender = { send: lambda.send.bind(lambda) as LambdaSender['send'] };
  const store = createBulkOperationsStore({ client: () => sender, pollIntervalMs: 20 });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LazyBulkOperationPanel store={store} />
      <BulkActions store={store} selected={lambda.mappings} writeAccess={{ allowed: true }} />
    </QueryClientProvider>,
  );
  return { lambda, store };
}

describe('lazily loaded bulk parts that cannot be downloaded', { timeout: 20_000 }, () => {
  it('an action opens a dialog naming the error, with Retry, and changes nothing', async () => {
    const { lambda } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Actions' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    // (A "Loading" dialog stands in while the download is tried: wait for the failure.)
    const dialog = (await screen.findByText('This dialog could not be downloaded')).closest(
      '[role="dialog"]',
    ) as HTMLElement;
    expect(within(dialog).getByRole('heading', { name: 'Delete' })).toBeTruthy();
    expect(within(dialog).getByText(IMPORT_ERROR, { exact: false })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Retry' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(lambda.inputsOf('DeleteEventSourceMappingCommand')).toEqual([]);
  });

  it('a running operation whose panel cannot be downloaded says it runs, with Retry and Cancel', async () => {
    const { lambda, store } = setup();
    // Slow enough to still run when the alert shows.
    lambda.afterGet = () => undefined;
    store.start({ action: 'disable', mappings: lambda.mappings });
    expect(
      await screen.findByText('Could not download the bulk operation’s progress table'),
    ).toBeTruthy();
    expect(screen.getByText(IMPORT_ERROR, { exact: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    // What runs, in words: the change is being made whether or not the table arrives.
    expect(screen.getByRole('status').textContent).toMatch(/^Disabling 2 mappings: \d of 2 done/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText(/^Cancelling: |^Disable cancelled: /);
  });
});
