import { LambdaServiceException, ServiceException } from '@aws-sdk/client-lambda';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLambda, fakeFunction, fakeMapping } from '../../testing/fake-lambda.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { notificationStore } from '../../lib/notifications.ts';

/** The accessible description of an element (a disabled button's reason). */
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

// Whole-app renders of Cloudscape tables are slow in happy-dom on a shared 2-core machine.
configure({ asyncUtilTimeout: 5000 });

const UUID = '00000000-0000-4000-8000-000000000007';

function transitionStates() {
  const table = screen.getByRole('table', { name: /State transitions/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]?.textContent);
}

/** Disable on the page, then Disable in the dialog that asks first. */
async function confirmDisable() {
  fireEvent.click(await screen.findByRole('button', { name: 'Disable' }));
  const dialog = await screen.findByRole('dialog', { name: 'Disable this mapping?' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Disable' }));
}

describe('mapping detail', { timeout: 20_000 }, () => {
  it('shows every group, with the state fields first', async () => {
    const lambda = new FakeLambda([
      fakeMapping(7, {
        EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
        FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:clicks-handler:live',
        BatchSize: 100,
        ParallelizationFactor: 2,
        MaximumRetryAttempts: -1,
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
        LastProcessingResult: 'PROBLEM: Function call failed',
        StartingPosition: 'LATEST',
      }),
    ]);
    // The function and its alias exist (otherwise the page would call the mapping orphaned).
    lambda.functions = [
      fakeFunction(0, {
        FunctionName: 'clicks-handler',
        FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:clicks-handler',
      }),
    ];
    lambda.aliases = { 'clicks-handler': { live: '1' } };
    renderApp(`/mappings/${UUID}`, lambda);
    await screen.findByRole('heading', { name: `Mapping ${UUID}`, level: 1 });
    expect(await screen.findByText('The last processing attempt reported a problem')).toBeTruthy();
    for (const group of ['State', 'Source', 'Function', 'Batching', 'Error handling']) {
      expect(screen.getByRole('heading', { name: group, level: 2 })).toBeTruthy();
    }
    expect(screen.getByText('clicks-handler')).toBeTruthy();
    expect(screen.getByText('live')).toBeTruthy();
    expect(screen.getByText('Kinesis')).toBeTruthy();
    expect(screen.getByText('clicks')).toBeTruthy();
    expect(screen.getByText('OnFailure: arn:aws:sqs:us-east-1:123456789012:dlq')).toBeTruthy();
    expect(screen.getByText('-1 (retry until the record expires)')).toBeTruthy();
    expect(transitionStates()).toEqual(['Enabled']);
  });

  it('polls while transitional, records the transitions it saw, and stops when stable', async () => {
    // Disabling since just now (one Disabling since long ago is stuck: polled once a minute).
    const mapping = fakeMapping(7, { State: 'Disabling', LastModified: new Date() });
    const lambda = new FakeLambda([mapping]);
    let gets = 0;
    lambda.afterGet = (m) => {
      gets += 1;
      if (gets === 2) m.State = 'Disabled';
    };
    renderApp(`/mappings/${UUID}`, lambda);
    await screen.findByText(/checking again every second/);
    await waitFor(() => expect(transitionStates()).toEqual(['Disabling', 'Disabled']), {
      timeout: 4000,
    });
    expect(screen.queryByText(/checking again every second/)).toBeNull();
    const callsWhenStable = lambda.inputsOf('GetEventSourceMappingCommand').length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(lambda.inputsOf('GetEventSourceMappingCommand')).toHaveLength(callsWhenStable);
  });

  it('polls a stuck mapping once a minute, and says so', async () => {
    const lambda = new FakeLambda([
      fakeMapping(7, { State: 'Updating', LastModified: new Date(Date.now() - 32 * 86_400_000) }),
    ]);
    renderApp(`/mappings/${UUID}`, lambda);
    await screen.findByText('Updating for more than half an hour: checking again every minute');
    const calls = lambda.inputsOf('GetEventSourceMappingCommand').length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(lambda.inputsOf('GetEventSourceMappingCommand')).toHaveLength(calls);
  });

  it('shows a mapping deleted while open as deleted, keeping what it last saw', async () => {
    const lambda = new FakeLambda([
      fakeMapping(7, { State: 'Deleting', LastModified: new Date() }),
    ]);
    lambda.afterGet = () => {
      lambda.mappings = [];
    };
    renderApp(`/mappings/${UUID}`, lambda);
    expect(
      await screen.findByText('This mapping has been deleted', {}, { timeout: 4000 }),
    ).toBeTruthy();
    expect(transitionStates()).toEqual(['Deleting', 'Deleted']);
    // The State box agrees with the alert and the transitions table.
    const state = document.querySelector<HTMLElement>('[aria-label="State"]')!;
    expect(within(state).getByText('Deleted')).toBeTruthy();
    expect(within(state).queryByText('Deleting')).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to mappings' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Source', level: 2 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Disable' })).toBeNull();
  });

  it('says so when the UUID does not exist', async () => {
    renderApp(`/mappings/${UUID}`, new FakeLambda([]));
    expect(await screen.findByText('Mapping not found')).toBeTruthy();
    expect(screen.getByText(/ResourceNotFoundException/)).toBeTruthy();
  });

  it('shows other errors with Retry', async () => {
    const lambda = new FakeLambda([fakeMapping(7)]);
    lambda.failNext(
      new ServiceException({
        message: 'Injected fault',
        $metadata: { httpStatusCode: 500, attempts: 3, totalRetryDelay: 0 },
      }),
    );
    renderApp(`/mappings/${UUID}`, lambda);
    expect(await screen.findByText('ServiceException')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('heading', { name: 'Source', level: 2 });
  });

  it('disables from the button and follows Disabling → Disabled', async () => {
    const lambda = new FakeLambda([fakeMapping(7)]);
    renderApp(`/mappings/${UUID}`, lambda);
    await confirmDisable();
    await waitFor(() => expect(transitionStates()).toEqual(['Enabled', 'Disabling']));
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand')).toEqual([{ UUID, Enabled: false }]);
    // While transitional the action is unavailable (Lambda would answer ResourceInUseException).
    const button = screen.getByRole('button', { name: 'Enable' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    lambda.mappings[0]!.State = 'Disabled';
    await waitFor(() => expect(transitionStates()).toEqual(['Enabled', 'Disabling', 'Disabled']), {
      timeout: 4000,
    });
    expect(screen.getByRole('button', { name: 'Enable' }).getAttribute('aria-disabled')).toBeNull();
  });
});

describe('mapping detail and write access', { timeout: 20_000 }, () => {
  it('a read-only guest sees Disable, Delete and Edit disabled with "Sign in to make changes."', async () => {
    renderApp(`/mappings/${UUID}`, new FakeLambda([fakeMapping(7)]), { guestAccess: 'read-only' });
    await screen.findByRole('button', { name: 'Disable' });
    for (const name of ['Disable', 'Delete', 'Edit']) {
      expect(screen.getByRole('button', { name }).getAttribute('aria-disabled'), name).toBe('true');
    }
    expect(describedBy(screen.getByRole('button', { name: 'Edit' }))).toContain(
      'Sign in to make changes.',
    );
  });

  it('AccessDeniedException from Disable says to sign in and offers no Retry', async () => {
    const lambda = new FakeLambda([fakeMapping(7)]);
    renderApp(`/mappings/${UUID}`, lambda);
    await screen.findByRole('button', { name: 'Disable' });
    lambda.failNext(
      new LambdaServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message:
          'User: arn:aws:sts::123456789012:assumed-role/EsmConsoleGuestRole/CognitoIdentityCredentials is not authorized to perform: lambda:UpdateEventSourceMapping',
      }),
    );
    await confirmDisable();
    await screen.findByText(`Could not disable mapping ${UUID}: AccessDeniedException`);
    const flash = notificationStore.getSnapshot().find((n) => n.id === `set-enabled-${UUID}`);
    expect(flash?.content).toMatch(/^Sign in to make changes/);
    expect(flash?.action).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    notificationStore.dismiss(`set-enabled-${UUID}`);
  });
});

describe('enable/disable flash', { timeout: 20_000 }, () => {
  it('is in progress while Disabling, then says the State reached', async () => {
    const lambda = new FakeLambda([fakeMapping(7)]);
    renderApp(`/mappings/${UUID}`, lambda);
    await confirmDisable();
    const id = `set-enabled-${UUID}`;
    const flash = () => notificationStore.getSnapshot().find((n) => n.id === id);
    await waitFor(() => expect(flash()?.content).toMatch(/^State is now Disabling;/));
    expect(flash()?.type).toBe('in-progress');
    lambda.mappings[0]!.State = 'Disabled';
    await waitFor(() => expect(flash()?.content).toBe('State is now Disabled.'), { timeout: 4000 });
    expect(flash()?.type).toBe('success');
    expect(screen.getByText('State is now Disabled.')).toBeTruthy();
    // Undo asks for the opposite.
    expect(flash()?.action?.text).toBe('Undo');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(lambda.inputsOf('UpdateEventSourceMappingCommand')).toEqual([
        { UUID, Enabled: false },
        { UUID, Enabled: true },
      ]),
    );
    await waitFor(() => expect(flash()?.header).toBe(`Enable requested for mapping ${UUID}`));
    notificationStore.dismiss(id);
  });

  it('asks before disabling: Cancel sends nothing, and Enable does not ask', async () => {
    const lambda = new FakeLambda([fakeMapping(7)]);
    renderApp(`/mappings/${UUID}`, lambda);
    fireEvent.click(await screen.findByRole('button', { name: 'Disable' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disable this mapping?' });
    expect(dialog.textContent).toContain('Lambda stops polling its event source');
    expect(dialog.textContent).toContain(UUID);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Disable this mapping?' })).toBeNull(),
    );
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand')).toEqual([]);
  });
});
