import { expect, test } from '../fixtures.ts';

// Parts of the list that are not in its first download (vite.config.ts, src/lib/lazy-export.ts):
// they work when needed, and a chunk that cannot be downloaded shows an error with Retry.
test.describe('mappings list: parts downloaded after the first paint', () => {
  test('a filter token’s editor (downloaded after the list) edits the token', async ({
    mappingsPage,
    page,
  }) => {
    await mappingsPage.goto('?filter=State%3DEnabled');
    await mappingsPage.expectLoaded();
    await page
      .getByRole('button', { name: /State = Enabled/ })
      .first()
      .click();
    const editor = page.getByRole('dialog', { name: 'Edit filter' });
    await expect(editor).toBeVisible();
    const value = editor.getByRole('combobox', { name: 'Value' });
    await value.fill('Disabled');
    await editor.getByRole('option', { name: 'Disabled', exact: true }).click();
    await editor.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/filter=State%3DDisabled/);
  });

  test('a dialog whose code cannot be downloaded says so; Retry opens it once the network is back', async ({
    mappingsPage,
    page,
  }) => {
    // Every request for the chunk, also the cache-busted retry (`?t=…`) of a failed import.
    const dialogsChunk = /\/assets\/list-dialogs-[\w-]+\.js(\?.*)?$/;
    await page.route(dialogsChunk, (route) => route.abort('internetdisconnected'));
    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await mappingsPage.serverFiltersToggle.click();
    const dialog = page.getByRole('dialog', { name: 'Lambda-side filters' });
    await expect(dialog).toContainText('This dialog could not be downloaded');
    // Chromium keeps the failed import in its module map: Retry works only through a new URL.
    await page.unroute(dialogsChunk);
    await dialog.getByRole('button', { name: 'Retry' }).click();
    await expect(mappingsPage.functionFilter).toBeVisible();
    await mappingsPage.functionFilter.fill('no-such-function');
    await mappingsPage.applyFiltersButton.click();
    await expect(page).toHaveURL(/FunctionName=no-such-function/);
  });
});
