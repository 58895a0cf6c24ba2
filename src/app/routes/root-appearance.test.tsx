import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeLambda } from '../../testing/fake-lambda.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { APPEARANCE_STORAGE_KEY, getAppearanceStore } from '../../lib/appearance.ts';

configure({ asyncUtilTimeout: 5000 });

async function openPreferences() {
  fireEvent.click(await screen.findByRole('button', { name: 'Appearance: theme and density' }));
}

function item(name: string) {
  return screen.findByRole('menuitemcheckbox', { name });
}

describe('Appearance menu', { timeout: 20_000 }, () => {
  afterEach(() => {
    getAppearanceStore().set({ mode: 'system', density: 'comfortable' });
    window.localStorage.clear();
  });

  it('starts on System and Comfortable', async () => {
    renderApp('/nowhere', new FakeLambda([]));
    await openPreferences();
    expect((await item('System')).getAttribute('aria-checked')).toBe('true');
    expect((await item('Light')).getAttribute('aria-checked')).toBe('false');
    expect((await item('Dark')).getAttribute('aria-checked')).toBe('false');
    expect((await item('Comfortable')).getAttribute('aria-checked')).toBe('true');
    expect((await item('Compact')).getAttribute('aria-checked')).toBe('false');
    expect(document.body.classList.contains('awsui-dark-mode')).toBe(false);
  });

  it('switches to dark mode and compact density, and remembers both', async () => {
    renderApp('/nowhere', new FakeLambda([]));
    await openPreferences();
    fireEvent.click(await item('Dark'));
    await waitFor(() => expect(document.body.classList.contains('awsui-dark-mode')).toBe(true));
    expect(JSON.parse(window.localStorage.getItem(APPEARANCE_STORAGE_KEY) ?? '{}')).toEqual({
      mode: 'dark',
      density: 'comfortable',
    });

    await openPreferences();
    expect((await item('Dark')).getAttribute('aria-checked')).toBe('true');
    expect((await item('System')).getAttribute('aria-checked')).toBe('false');
    fireEvent.click(await item('Compact'));
    await waitFor(() => expect(document.body.classList.contains('awsui-compact-mode')).toBe(true));
    expect(document.body.classList.contains('awsui-dark-mode')).toBe(true);
    expect(JSON.parse(window.localStorage.getItem(APPEARANCE_STORAGE_KEY) ?? '{}')).toEqual({
      mode: 'dark',
      density: 'compact',
    });

    await openPreferences();
    fireEvent.click(await item('Light'));
    await waitFor(() => expect(document.body.classList.contains('awsui-dark-mode')).toBe(false));
  });
});
