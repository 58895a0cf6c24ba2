import { expect, test } from '../fixtures.ts';
import { guestConfig, serveConfig } from '../runtime-configs.ts';

test.describe('mapping detail', () => {
  test('opens from the list and survives a reload (deep link)', async ({
    mappingsPage,
    mappingPage,
    emulator,
    page,
  }) => {
    const mapping = await emulator.someMapping('Enabled');
    await mappingsPage.goto();
    await mappingsPage.link(mapping.UUID).click();
    await expect(page).toHaveURL(`/mappings/${mapping.UUID}`);
    await expect(mappingPage.heading(mapping.UUID)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Source', level: 2 })).toBeVisible();

    await page.reload();
    await expect(mappingPage.heading(mapping.UUID)).toBeVisible();
    await expect(mappingPage.transitionStates).toHaveText(['Enabled']);
  });

  test('follows a disable made elsewhere: Disabling → Disabled without a reload', async ({
    mappingPage,
    emulator,
  }) => {
    await emulator.updateSettings({ transitionMs: 3000 });
    const mapping = await emulator.someMapping('Enabled');
    await mappingPage.goto(mapping.UUID);
    await expect(mappingPage.transitionStates).toHaveText(['Enabled']);

    const response = await emulator.setEnabled(mapping.UUID, false);
    expect(response.State).toBe('Disabling');
    await mappingPage.refreshButton.click();
    await expect(mappingPage.transitionStates).toHaveText(['Enabled', 'Disabling']);
    await expect(mappingPage.transitionStates).toHaveText(['Enabled', 'Disabling', 'Disabled']);
    await expect(mappingPage.enableButton).toBeEnabled();
  });

  test('disables from the Disable button and follows Disabling → Disabled', async ({
    mappingPage,
    emulator,
    page,
  }) => {
    // Guests are read-only in the real stack; sign-in (with a role that may write) is a later
    // issue, so this test lets the guest write.
    await emulator.updateSettings({ transitionMs: 2000, guestAccess: 'read-write' });
    const mapping = await emulator.someMapping('Enabled');
    await mappingPage.goto(mapping.UUID);
    await mappingPage.disable();
    await expect(mappingPage.transitionStates).toHaveText(['Enabled', 'Disabling']);
    await expect(mappingPage.enableButton).toBeDisabled();
    await expect(mappingPage.transitionStates).toHaveText(['Enabled', 'Disabling', 'Disabled']);
    await expect(mappingPage.enableButton).toBeEnabled();
    await expect(page.getByText(`Disable requested for mapping ${mapping.UUID}`)).toBeVisible();
    // The notification's Undo enables it again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(mappingPage.transitionStates).toHaveText([
      'Enabled',
      'Disabling',
      'Disabled',
      'Enabling',
      'Enabled',
    ]);
    expect((await emulator.firstMappings()).find((m) => m.UUID === mapping.UUID)?.State).toBe(
      'Enabled',
    );
  });

  test('with the deployed read-only guest role, write actions are disabled until sign-in', async ({
    mappingPage,
    emulator,
    page,
  }) => {
    await serveConfig(page, {
      ...guestConfig,
      auth: { ...guestConfig.auth, guestAccess: 'read-only' },
    });
    const mapping = await emulator.someMapping('Enabled');
    await mappingPage.goto(mapping.UUID);
    await expect(mappingPage.transitionStates).toHaveText(['Enabled']);
    for (const name of ['Disable', 'Delete', 'Edit']) {
      const button = page.getByRole('button', { name, exact: true });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(/Sign in to make changes/);
    }
  });

  test('a read-only guest who clicks Disable sees AccessDeniedException and keeps the page', async ({
    mappingPage,
    emulator,
    page,
  }) => {
    const mapping = await emulator.someMapping('Enabled');
    await mappingPage.goto(mapping.UUID);
    await mappingPage.disable();
    const flash = page
      .getByRole('group')
      .filter({ hasText: `Could not disable mapping ${mapping.UUID}: AccessDeniedException` });
    await expect(flash).toBeVisible();
    await expect(flash).toContainText(
      'is not authorized to perform: lambda:UpdateEventSourceMapping',
    );
    await expect(flash).toContainText('Sign in to make changes');
    // Retrying with the same role cannot succeed, so none is offered.
    await expect(flash.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(mappingPage.transitionStates).toHaveText(['Enabled']);
    await expect(mappingPage.disableButton).toBeEnabled();
  });

  test('a mapping deleted while open shows as deleted', async ({ mappingPage, emulator, page }) => {
    const mapping = await emulator.someMapping('Enabled');
    await mappingPage.goto(mapping.UUID);
    await expect(mappingPage.transitionStates).toHaveText(['Enabled']);
    await emulator.delete(mapping.UUID);
    await mappingPage.refreshButton.click();
    await expect(page.getByText('This mapping has been deleted')).toBeVisible();
    await expect(mappingPage.transitionStates).toHaveText(['Enabled', 'Deleting', 'Deleted']);
  });

  test('an unknown UUID says the mapping was not found', async ({ mappingPage, page }) => {
    await mappingPage.goto('00000000-0000-4000-8000-000000000000');
    await expect(page.getByText('Mapping not found')).toBeVisible();
    await expect(page.getByText(/ResourceNotFoundException/)).toBeVisible();
  });
});
