import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLambda, fakeMapping } from '../../testing/fake-lambda.ts';
import { renderApp } from '../../testing/render-app.tsx';

/** The accessible description of an element (a disabled button's reason). */
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

// Whole-app renders of Cloudscape tables are slow in happy-dom on a shared 2-core machine.
configure({ asyncUtilTimeout: 5000 });

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function rowOf(n: number): HTMLElement {
  const link = screen.getByRole('link', { name: uuid(n) });
  return link.closest('tr') as HTMLElement;
}

async function select(n: number) {
  await screen.findByRole('link', { name: uuid(n) });
  fireEvent.click(within(rowOf(n)).getByRole('radio'));
}

describe('mappings list actions', { timeout: 30_000 }, () => {
  it('offers the actions only once a mapping is selected, and links to the create form', async () => {
    const { router } = renderApp('/', new FakeLambda([fakeMapping(1), fakeMapping(2)]));
    await screen.findByRole('link', { name: uuid(1) });
    expect(screen.getByRole('button', { name: 'Delete' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    expect(screen.getByRole('button', { name: 'Edit' }).getAttribute('aria-disabled')).toBe('true');
    await select(2);
    expect(screen.getByRole('button', { name: 'Delete' }).getAttribute('aria-disabled')).toBeNull();
    expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(
      `/mappings/${uuid(2)}/edit`,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Create mapping' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/mappings/new'));
  });

  it('disables the selected mapping and follows Disabling → Disabled in its row', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    renderApp('/', lambda);
    await select(2);
    fireEvent.click(screen.getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(within(rowOf(2)).getByText('Disabling')).toBeTruthy());
    expect(lambda.inputsOf('UpdateEventSourceMappingCommand')).toEqual([
      { UUID: uuid(2), Enabled: false },
    ]);
    // While transitional the row's actions are unavailable.
    expect(screen.getByRole('button', { name: 'Enable' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    lambda.mappings[1]!.State = 'Disabled';
    await waitFor(() => expect(within(rowOf(2)).getByText('Disabled')).toBeTruthy(), {
      timeout: 4000,
    });
    expect(within(rowOf(1)).getByText('Enabled')).toBeTruthy();
  });

  it('deletes the selected mapping after confirmation; the row shows Deleting, then goes', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    // Lambda still lists the mapping while it is Deleting; it is gone at the next Get.
    const deleting = { ...fakeMapping(2), State: 'Deleting' };
    renderApp('/', lambda);
    await select(2);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    lambda.mappings.push(deleting);
    await waitFor(() => expect(lambda.inputsOf('DeleteEventSourceMappingCommand')).toHaveLength(1));
    await waitFor(() => expect(within(rowOf(2)).getByText('Deleting')).toBeTruthy());
    lambda.mappings = lambda.mappings.filter((m) => m !== deleting);
    await waitFor(() => expect(screen.queryByRole('link', { name: uuid(2) })).toBeNull(), {
      timeout: 4000,
    });
    expect(screen.getByRole('link', { name: uuid(1) })).toBeTruthy();
  });
});

describe('mappings list as a read-only guest', { timeout: 30_000 }, () => {
  it('disables every write action with "Sign in to make changes."', async () => {
    renderApp('/', new FakeLambda([fakeMapping(1)]), { guestAccess: 'read-only' });
    await select(1);
    for (const name of ['Create mapping', 'Edit', 'Delete', 'Disable']) {
      const button = screen.getByRole('button', { name });
      expect(button.getAttribute('aria-disabled'), name).toBe('true');
    }
    expect(screen.queryByRole('link', { name: 'Create mapping' })).toBeNull();
    expect(describedBy(screen.getByRole('button', { name: 'Delete' }))).toContain(
      'Sign in to make changes.',
    );
  });
});
