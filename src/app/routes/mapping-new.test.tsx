import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GUEST_SESSION } from '../../features/auth/session-context.tsx';
import { notificationStore } from '../../lib/notifications.ts';
import { FakeLambda, fakeMapping } from '../../testing/fake-lambda.ts';
import { renderApp } from '../../testing/render-app.tsx';

// Whole-app renders of Cloudscape forms are slow in happy-dom on a shared 2-core machine.
configure({ asyncUtilTimeout: 5000 });

const field = (label: string) => screen.getByLabelText(label, { selector: 'input, textarea' });
const type = (label: string, value: string) =>
  fireEvent.change(field(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const flash = (id: string) => notificationStore.getSnapshot().find((n) => n.id === id);

describe('create mapping page', { timeout: 30_000 }, () => {
  it('the created flash follows Creating and then says the State the mapping settled in', async () => {
    const lambda = new FakeLambda([]);
    let gets = 0;
    lambda.afterGet = (m) => {
      gets += 1;
      if (gets === 2) m.State = 'Enabled';
    };
    const { router } = renderApp('/mappings/new', lambda);
    await screen.findByRole('heading', { name: 'Create mapping', level: 1 });
    type('EventSourceArn', 'arn:aws:sqs:us-east-1:123456789012:orders');
    await screen.findByLabelText('BatchSize');
    type('FunctionName', 'orders-handler');
    click('Review request');
    await screen.findByRole('heading', { name: 'Step 2 of 2: Review' });
    click('Create mapping');
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/mappings\/1000/));
    const uuid = router.state.location.pathname.split('/').pop() ?? '';
    const id = `create-${uuid}`;
    expect(flash(id)).toMatchObject({
      type: 'in-progress',
      header: `Mapping ${uuid} created`,
      content: 'State is Creating; its page follows it until it settles.',
    });
    await waitFor(() => expect(flash(id)?.content).toBe('State is now Enabled.'), {
      timeout: 5000,
    });
    expect(flash(id)?.type).toBe('success');
    expect(screen.getByText('State is now Enabled.')).toBeTruthy();
    expect(notificationStore.getSnapshot().filter((n) => n.id.endsWith(uuid))).toHaveLength(1);
    notificationStore.dismiss(id);
  });
});

describe('create and edit pages for a read-only guest', { timeout: 30_000 }, () => {
  it('say at once that writing needs sign-in, with Sign in, above the create form', async () => {
    const signIn = vi.spyOn(GUEST_SESSION, 'signIn').mockResolvedValue();
    renderApp('/mappings/new', new FakeLambda([]), { guestAccess: 'read-only' });
    expect(await screen.findByText('Guests cannot create mappings')).toBeTruthy();
    expect(screen.getByText(/^Sign in to make changes\./)).toBeTruthy();
    // The form is still there to look at.
    expect(screen.getByRole('radio', { name: /^Amazon Kinesis/ })).toBeTruthy();
    click('Sign in');
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('say so on the edit page too', async () => {
    const signIn = vi.spyOn(GUEST_SESSION, 'signIn').mockResolvedValue();
    const mapping = fakeMapping(7);
    renderApp(`/mappings/${mapping.UUID ?? ''}/edit`, new FakeLambda([mapping]), {
      guestAccess: 'read-only',
    });
    expect(await screen.findByText('Guests cannot change mappings')).toBeTruthy();
    await screen.findByRole('heading', { name: 'Step 1 of 2: Configure' });
    click('Sign in');
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('show no such alert to a session that may write', async () => {
    renderApp('/mappings/new', new FakeLambda([]));
    await screen.findByRole('heading', { name: 'Create mapping', level: 1 });
    expect(screen.queryByText('Guests cannot create mappings')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
  });
});
