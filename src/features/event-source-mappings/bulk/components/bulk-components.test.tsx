import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LambdaSender } from '../../../../api/lambda-client.ts';
import { FakeLambda, fakeMapping } from '../../../../testing/fake-lambda.ts';
import { createBulkOperationsStore } from '../bulk-operations-store.ts';
import type { WriteAccess } from '../../../../lib/write-access.ts';
import { BulkActions } from './bulk-actions.tsx';
import { BulkOperationPanel } from './bulk-operation-panel.tsx';

configure({ asyncUtilTimeout: 5000 });

const KINESIS = 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks';
const uuid = (n: number) => fakeMapping(n).UUID!;

/** The accessible description of an element (a disabled button's reason). */
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

class AccessDeniedException extends Error {
  override name = 'AccessDeniedException';
  $metadata = { httpStatusCode: 403, attempts: 1, totalRetryDelay: 0 };
}

function setup(
  mappings: EventSourceMappingConfiguration[],
  options: {
    writeAccess?: WriteAccess;
    refuse?: (name: string, input: Record<string, unknown>) => unknown;
    settle?: boolean;
    /** Milliseconds each request takes (default 0). */
    latencyMs?: number;
    caveat?: string;
  } = {},
) {
  const lambda = new FakeLambda(mappings);
  if (options.settle !== false) {
    lambda.afterGet = (mapping) => {
      if (mapping.State === 'Enabling') mapping.State = 'Enabled';
      if (mapping.State === 'Disabling') mapping.State = 'Disabled';
    };
  }
  const sender: LambdaSender = {
    send: (async (command: { input: Record<string, unknown> }) => {
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const refusal = options.refuse?.(command.constructor.name, command.input);
      if (refusal) {
        lambda.calls.push({ name: command.constructor.name, input: { ...command.input } });
        throw refusal;
      }
      return lambda.send(command as never);
    }) as LambdaSender['send'],
  };
  const store = createBulkOperationsStore({
    client: () => sender,
    maxRequestsPerSecond: Infinity,
    pollIntervalMs: 20,
    batchIntervalMs: 20,
  });
  const onStarted = vi.fn();
  const selected = lambda.mappings.map((m) => ({ ...m }));
  render(
    <QueryClientProvider client={new QueryClient()}>
      <BulkOperationPanel store={store} />
      <BulkActions
        store={store}
        selected={selected}
        writeAccess={options.writeAccess ?? { allowed: true }}
        onStarted={onStarted}
        {...(options.caveat ? { caveat: options.caveat } : {})}
      />
    </QueryClientProvider>,
  );
  return { lambda, store, onStarted };
}

/** Chooses an action; its confirmation modal is downloaded on first use, so this waits for it. */
async function chooseAction(name: 'Enable' | 'Disable' | 'Delete') {
  fireEvent.click(screen.getByRole('button', { name: 'Actions' }));
  fireEvent.click(screen.getByRole('menuitem', { name }));
  // The dialog itself, once its code is there (until then it shows a Loading dialog).
  await waitFor(() => expect(within(screen.getByRole('dialog')).queryByText('Loading')).toBeNull());
  return screen.getByRole('dialog');
}

const progress = () => screen.getByRole('status');

/** Whether the text is on screen (the progress bar's result also sits in a hidden live region). */
const shows = (text: string) => screen.queryAllByText(text).length > 0;

describe('BulkActions', { timeout: 20_000 }, () => {
  it('is disabled with the reason when nothing is selected or writes are not allowed', () => {
    const { unmount } = render(
      <QueryClientProvider client={new QueryClient()}>
        <BulkActions selected={[]} writeAccess={{ allowed: true }} />
      </QueryClientProvider>,
    );
    const actions = screen.getByRole('button', { name: 'Actions' });
    expect(actions.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(actions)).toContain('Select one or more mappings first.');
    unmount();
    setup([fakeMapping(1)], {
      writeAccess: { allowed: false, reason: 'Sign in to make changes.' },
    });
    const guest = screen.getByRole('button', { name: 'Actions' });
    expect(guest.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(guest)).toContain('Sign in to make changes.');
  });

  it('asks before disabling, naming how many mappings change, then shows the progress to the end', async () => {
    const { lambda, onStarted } = setup([
      fakeMapping(1),
      fakeMapping(2),
      fakeMapping(3),
      fakeMapping(4, { State: 'Disabled' }),
    ]);
    const dialog = await chooseAction('Disable');
    expect(within(dialog).getByText('Disable 3 mappings?')).toBeTruthy();
    expect(within(dialog).getByText('They stop polling their sources until enabled.')).toBeTruthy();
    expect(
      within(dialog).getByText('1 selected mapping is already Disabled and is left as it is.'),
    ).toBeTruthy();
    // It names the mappings that change (not the one already Disabled).
    const named = within(within(dialog).getByRole('list', { name: 'Mappings' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(named).toEqual([1, 2, 3].map((n) => `fn-${n} ← SQS queue-${n} (Enabled, ${uuid(n)})`));
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable' }));
    expect(onStarted).toHaveBeenCalledOnce();
    expect(progress().textContent).toMatch(/^Disabling 4 mappings: \d of 4 done/);
    await waitFor(() => expect(progress().textContent).toBe('Disable finished: 4 of 4 done'));
    expect(shows('3 succeeded, 0 failed, 1 skipped')).toBe(true);
    expect(lambda.mappings.map((m) => m.State)).toEqual([
      'Disabled',
      'Disabled',
      'Disabled',
      'Disabled',
    ]);
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand')).toHaveLength(3);
  });

  it('says a stuck mapping is left as it is, apart from one that is changing State now', async () => {
    setup([
      fakeMapping(1),
      fakeMapping(2, { State: 'Disabling', LastModified: new Date(Date.now() - 2 * 3600_000) }),
      fakeMapping(3, { State: 'Enabling', LastModified: new Date() }),
    ]);
    const dialog = await chooseAction('Disable');
    // The title counts the mappings that change: not the stuck one.
    expect(within(dialog).getByText('Disable 2 mappings?')).toBeTruthy();
    expect(
      within(dialog).getByText(
        '1 mapping is stuck (changing State for more than 30 minutes) and is left as it is: Lambda refuses changes until it settles.',
      ),
    ).toBeTruthy();
    expect(
      within(dialog).getByText(
        '1 mapping is changing State now; the console waits until it is Enabled or Disabled, then decides.',
      ),
    ).toBeTruthy();
  });

  it('offers the JSON first and deletes only once “delete <count>” is typed', async () => {
    const createObjectURL = vi
      .spyOn(URL, 'createObjectURL')
      .mockImplementation((_blob: Blob | MediaSource) => 'blob:mappings');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { lambda } = setup([fakeMapping(1, { EventSourceArn: KINESIS }), fakeMapping(2)]);
    const dialog = await chooseAction('Delete');
    expect(within(dialog).getByText('Delete 2 mappings?')).toBeTruthy();
    expect(within(dialog).getByText('Read positions are lost')).toBeTruthy();
    expect(
      within(within(dialog).getByRole('list', { name: 'Mappings' })).getAllByRole('listitem'),
    ).toHaveLength(2);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download JSON' }));
    expect(createObjectURL).toHaveBeenCalledOnce();
    const blob = createObjectURL.mock.calls[0]![0] as Blob;
    const json = JSON.parse(await blob.text()) as { EventSourceMappings: { UUID: string }[] };
    expect(json.EventSourceMappings.map((m) => m.UUID)).toEqual([uuid(1), uuid(2)]);
    expect(json.EventSourceMappings[0]).toMatchObject({
      EventSourceArn: KINESIS,
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn-1',
      BatchSize: 10,
      State: 'Enabled',
    });
    expect(
      within(dialog).getByText(
        /^Downloaded event-source-mappings-us-east-1-before-delete-\d{8}-\d{6}Z\.json:/,
      ),
    ).toBeTruthy();

    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    const input = within(dialog).getByRole('textbox');
    fireEvent.change(input, { target: { value: 'delete 3' } });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(confirm);
    expect(lambda.inputsOf('DeleteEventSourceMappingCommand')).toEqual([]);
    fireEvent.change(input, { target: { value: 'delete 2' } });
    expect(confirm.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(confirm);
    await waitFor(() => expect(progress().textContent).toBe('Delete finished: 2 of 2 done'));
    expect(lambda.mappings).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('speaks of one mapping in the singular when deleting one', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation((_blob: Blob | MediaSource) => 'blob:one');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    setup([fakeMapping(1)]);
    const dialog = await chooseAction('Delete');
    expect(within(dialog).getByText('Delete 1 mapping?')).toBeTruthy();
    expect(
      within(dialog).getByText(
        'Download this mapping as JSON (every member Lambda returned, in the AWS CLI’s format), to recreate it later if needed.',
      ),
    ).toBeTruthy();
    expect(
      within(dialog).getByText(
        'Lambda stops reading the source and removes this mapping. The function and the source are not changed. This cannot be undone.',
      ),
    ).toBeTruthy();
    expect(within(dialog).queryByText(/\b(them|these)\b/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download JSON' }));
    expect(
      within(dialog).getByText(
        /^Downloaded event-source-mappings-us-east-1-before-delete-\d{8}-\d{6}Z\.json: the mapping as Lambda returned it\.$/,
      ),
    ).toBeTruthy();
  });
});

describe('the confirmations’ list of mappings', { timeout: 20_000 }, () => {
  it('warn of the caveat the list gives, in Disable and in Delete', async () => {
    setup([fakeMapping(1), fakeMapping(2)], {
      caveat: 'Not every mapping is loaded yet (2 so far).',
    });
    const disable = await chooseAction('Disable');
    expect(within(disable).getByText('Not every mapping is loaded yet (2 so far).')).toBeTruthy();
    fireEvent.click(within(disable).getByRole('button', { name: 'Cancel' }));
    const remove = await chooseAction('Delete');
    expect(within(remove).getByText('Not every mapping is loaded yet (2 so far).')).toBeTruthy();
  });

  it('names the first 5 and counts the rest', async () => {
    setup(Array.from({ length: 12 }, (_, n) => fakeMapping(n + 1)));
    const disable = await chooseAction('Disable');
    expect(
      within(within(disable).getByRole('list', { name: 'Mappings' })).getAllByRole('listitem'),
    ).toHaveLength(5);
    expect(within(disable).getByText('and 7 more.')).toBeTruthy();
  });
});

describe('BulkOperationPanel', { timeout: 20_000 }, () => {
  it('lists each outcome with AWS’s error, and Retry failed retries only the failures', async () => {
    let denied = true;
    const { lambda } = setup([fakeMapping(1), fakeMapping(2), fakeMapping(3)], {
      refuse: (name, input) =>
        denied && name === 'UpdateEventSourceMappingCommand' && input.UUID === uuid(2)
          ? new AccessDeniedException(
              'User: arn:aws:sts::123456789012:assumed-role/console/alice is not authorized to perform: lambda:UpdateEventSourceMapping',
            )
          : undefined,
    });
    fireEvent.click(within(await chooseAction('Disable')).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(progress().textContent).toBe('Disable finished: 3 of 3 done'));
    expect(shows('2 succeeded, 1 failed, 0 skipped')).toBe(true);

    fireEvent.click(screen.getByText('Mappings (3)'));
    const table = screen.getByRole('table', { name: 'Mappings of the bulk operation' });
    const row = within(table).getByText(uuid(2)).closest('tr')!;
    expect(within(row).getByText('Failed: Lambda refused to disable the mapping.')).toBeTruthy();
    expect(
      within(row).getByText(
        'AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/console/alice is not authorized to perform: lambda:UpdateEventSourceMapping',
      ),
    ).toBeTruthy();
    expect(
      within(within(table).getByText(uuid(1)).closest('tr')!).getByText('Disabled'),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Failed (1)' }));
    expect(within(table).queryByText(uuid(1))).toBeNull();
    expect(within(table).getByText(uuid(2))).toBeTruthy();

    denied = false;
    const before = lambda.inputsOf('UpdateEventSourceMappingCommand').length;
    fireEvent.click(screen.getByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(shows('3 succeeded, 0 failed, 0 skipped')).toBe(true));
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand').slice(before)).toEqual([
      { UUID: uuid(2), Enabled: false },
    ]);
    expect(screen.queryByRole('button', { name: 'Retry failed' })).toBeNull();
  });

  it('undo asks, then restores the previous States of exactly the mappings that were changed', async () => {
    const { lambda } = setup([
      fakeMapping(1),
      fakeMapping(2, { State: 'Disabled' }),
      fakeMapping(3),
    ]);
    fireEvent.click(within(await chooseAction('Disable')).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(progress().textContent).toBe('Disable finished: 3 of 3 done'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Undo: enable 2 mappings?')).toBeTruthy();
    const before = lambda.inputsOf('UpdateEventSourceMappingCommand').length;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Undo: enable' }));
    expect(screen.getByRole('heading', { name: 'Undo: enabling 2 mappings' })).toBeTruthy();
    await waitFor(() => expect(progress().textContent).toBe('Undo finished: 2 of 2 done'));
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand').slice(before)).toEqual([
      { UUID: uuid(1), Enabled: true },
      { UUID: uuid(3), Enabled: true },
    ]);
    expect(lambda.mappings.map((m) => m.State)).toEqual(['Enabled', 'Disabled', 'Enabled']);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('brings a new operation into view (started from far down the list, it was above the window)', async () => {
    const scrolled: (ScrollIntoViewOptions | boolean | undefined)[] = [];
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (options) {
      if (this.textContent?.includes('Disabling') || this.textContent?.includes('Disable'))
        scrolled.push(options);
    };
    try {
      setup([fakeMapping(1), fakeMapping(2)]);
      expect(scrolled).toHaveLength(0);
      fireEvent.click(
        within(await chooseAction('Disable')).getByRole('button', { name: 'Disable' }),
      );
      await waitFor(() => expect(scrolled).toEqual([{ block: 'nearest' }]));
      await waitFor(() => expect(progress().textContent).toBe('Disable finished: 2 of 2 done'));
      // Its progress reports do not scroll the page again.
      expect(scrolled).toHaveLength(1);
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
    }
  });

  it('cancel stops starting new calls', async () => {
    // Mappings stay Disabling, so the operation is still following them when Cancel is used.
    const { lambda } = setup(
      Array.from({ length: 30 }, (_, n) => fakeMapping(n)),
      { settle: false, latencyMs: 30 },
    );
    fireEvent.click(within(await chooseAction('Disable')).getByRole('button', { name: 'Disable' }));
    await waitFor(() =>
      expect(lambda.inputsOf('UpdateEventSourceMappingCommand').length).toBeGreaterThan(0),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(progress().textContent).toMatch(/^Cancelling: /);
    // Calls still in flight when Cancel was pressed land (as Disabling) later: settle those too.
    await waitFor(
      () => {
        for (const m of lambda.mappings) if (m.State === 'Disabling') m.State = 'Disabled';
        expect(progress().textContent).toBe('Disable cancelled: 30 of 30 done');
      },
      { timeout: 15_000 },
    );
    // Count once everything has landed: whatever Cancel could no longer stop is part of it.
    const calls = lambda.inputsOf('UpdateEventSourceMappingCommand').length;
    expect(calls).toBeLessThan(30);
    expect(shows(`${calls} succeeded, 0 failed, ${30 - calls} skipped`)).toBe(true);
  });
});
