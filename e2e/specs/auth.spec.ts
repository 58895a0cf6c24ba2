import type { Request } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { EMULATOR_URL } from '../ports.ts';
import { serveConfig, signedInConfig } from '../runtime-configs.ts';
import { TEST_USER } from '../pages/sign-in-form.ts';

/** Lambda API requests (not CORS preflights) the page sends to the emulator. */
function isLambdaCall(request: Request): boolean {
  return request.url().includes('/2015-03-31/') && request.method() !== 'OPTIONS';
}

function isTokenRefresh(request: Request): boolean {
  return (
    request.url() === `${EMULATOR_URL}/oidc/token` &&
    (request.postData() ?? '').includes('grant_type=refresh_token')
  );
}

function cognitoTarget(request: Request): string | undefined {
  return request.url().startsWith(EMULATOR_URL) ? request.headers()['x-amz-target'] : undefined;
}

/** The signed-in user's refresh token in this tab's sessionStorage (oidc-client-ts's user). */
async function storedRefreshToken(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
    const user = key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as object) : {};
    return (user as { refresh_token?: string }).refresh_token ?? '';
  });
}

/**
 * The guest identity id the SDK cached in IndexedDB (`aws:cognito-identity-ids`). Only call once
 * the SDK has created the database: opening a missing one here would create it without its store.
 */
async function cachedGuestIdentityId(page: import('@playwright/test').Page) {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('aws:cognito-identity-ids');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('IdentityIds')) {
            db.close();
            resolve(null);
            return;
          }
          const all = db.transaction('IdentityIds').objectStore('IdentityIds').getAll();
          all.onsuccess = () => {
            db.close();
            const records = all.result as { id: string; value: string }[];
            resolve(records.find((r) => r.id.endsWith(':ANONYMOUS'))?.value ?? null);
          };
          all.onerror = () => {
            db.close();
            resolve(null);
          };
        };
      }),
  );
}

test.describe('signed-in mode', () => {
  test.beforeEach(async ({ page }) => {
    await serveConfig(page, signedInConfig);
  });

  test('signs in, returns to the deep link, changes a mapping, signs out and can no longer call Lambda', async ({
    page,
    emulator,
    signInForm,
    header,
    mappingPage,
  }) => {
    await emulator.updateSettings({ transitionMs: 1500 });
    const mapping = await emulator.someMapping('Enabled');
    const lambdaCalls: Request[] = [];
    page.on('request', (request) => {
      if (isLambdaCall(request)) lambdaCalls.push(request);
    });

    await mappingPage.goto(mapping.UUID);
    await expect(signInForm.prompt).toBeVisible();
    expect(lambdaCalls).toEqual([]);

    await signInForm.signInFromPrompt();
    await expect(page).toHaveURL(`/mappings/${mapping.UUID}`);
    await expect(mappingPage.heading(mapping.UUID)).toBeVisible();
    await expect(header.userMenu).toHaveText(TEST_USER.username);
    await expect(header.account).toHaveText('Account 123456789012');
    await expect(header.regionMenu).toHaveText('us-east-1');

    // Guests are read-only (emulator default, as deployed): the write works because of sign-in.
    await mappingPage.disable();
    await expect(mappingPage.transitionStates).toHaveText(['Enabled', 'Disabling', 'Disabled']);
    expect((await emulator.firstMappings()).find((m) => m.UUID === mapping.UUID)?.State).toBe(
      'Disabled',
    );

    const refreshToken = await storedRefreshToken(page);
    expect(refreshToken).not.toBe('');
    await header.signOut();
    await expect(signInForm.prompt).toBeVisible();
    await expect(page).toHaveURL('/');
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.'))),
    ).toEqual([]);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('oidc.'))),
    ).toEqual([]);

    // Nothing of the old session works: navigating or reloading shows the prompt and sends no
    // Lambda request, and the user pool refuses the old refresh token.
    const callsBefore = lambdaCalls.length;
    await mappingPage.goto(mapping.UUID);
    await expect(signInForm.prompt).toBeVisible();
    await page.reload();
    await expect(signInForm.prompt).toBeVisible();
    expect(lambdaCalls).toHaveLength(callsBefore);
    const refused = await fetch(`${EMULATOR_URL}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: 'esm-console-local',
      }),
    });
    expect(refused.status).toBe(400);

    // The provider session ended too: signing in asks for the password again.
    await signInForm.promptButton.click();
    await signInForm.expectForm();
  });

  test('refreshes AWS credentials and tokens in the background without a visible error', async ({
    page,
    emulator,
    signInForm,
    mappingsPage,
    mappingPage,
  }) => {
    // Credentials expire after 2 s (the SDK fetches new ones for every call, since they are
    // always within its 5-minute window) and tokens after 63 s (oidc-client-ts refreshes them
    // 60 s before expiry, i.e. every ~3 s, with the rotating refresh token).
    await emulator.updateSettings({
      credentialsTtlSeconds: 2,
      idTokenTtlSeconds: 63,
      transitionMs: 1500,
    });
    const refreshes: Request[] = [];
    const credentialFetches: Request[] = [];
    const failures: string[] = [];
    page.on('request', (request) => {
      if (isTokenRefresh(request)) refreshes.push(request);
      if (cognitoTarget(request) === 'AWSCognitoIdentityService.GetCredentialsForIdentity') {
        credentialFetches.push(request);
      }
    });
    page.on('response', (response) => {
      if (response.url().startsWith(EMULATOR_URL) && response.status() >= 400) {
        failures.push(`${response.status()} ${response.url()}`);
      }
    });

    await mappingsPage.goto();
    await signInForm.signInFromPrompt();
    await mappingsPage.expectLoaded();
    // Form input typed before the refreshes is still there after them.
    await mappingsPage.openServerFilters();
    await mappingsPage.functionFilter.fill('orders-ingest-prod');

    await expect.poll(() => refreshes.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await expect(mappingsPage.functionFilter).toHaveValue('orders-ingest-prod');
    await mappingsPage.applyFiltersButton.click();
    await expect(mappingsPage.rows.first()).toContainText('orders-ingest-prod');

    const mapping = await emulator.someMapping('Enabled');
    await mappingPage.goto(mapping.UUID);
    await expect(mappingPage.heading(mapping.UUID)).toBeVisible();
    // The page reload starts a new session from sessionStorage; it keeps refreshing too.
    const refreshesBefore = refreshes.length;
    await expect.poll(() => refreshes.length, { timeout: 20_000 }).toBeGreaterThan(refreshesBefore);
    await mappingPage.disable();
    await expect(mappingPage.transitionStates).toHaveText(['Enabled', 'Disabling', 'Disabled']);

    expect(credentialFetches.length).toBeGreaterThanOrEqual(3);
    expect(failures).toEqual([]);
    await expect(page.getByText(/Could not|NotAuthorized|expired/i)).toHaveCount(0);
    await expect(signInForm.prompt).toHaveCount(0);
  });

  test('when the sign-in session ends, sends the user to sign in and back to the page', async ({
    page,
    context,
    emulator,
    signInForm,
    header,
    mappingPage,
  }) => {
    // Tokens live 66 s: oidc-client-ts refreshes them ~6 s after sign-in.
    await emulator.updateSettings({ idTokenTtlSeconds: 66 });
    await page.goto('/?region=eu-west-1');
    await signInForm.signInFromPrompt();
    await expect(header.regionMenu).toHaveText('eu-west-1');
    const uuid = (await page.getByRole('table').getByRole('link').first().textContent()) ?? '';
    await page.getByRole('table').getByRole('link', { name: uuid }).click();
    await expect(mappingPage.heading(uuid)).toBeVisible();
    await expect(page).toHaveURL(`/mappings/${uuid}?region=eu-west-1`);

    // Another party spends the tab's refresh token: the tab's next refresh replays it, and the
    // user pool revokes the whole grant (refresh tokens rotate). Without the provider's session
    // cookie, the user pool must ask for the password again.
    const spent = await fetch(`${EMULATOR_URL}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: await storedRefreshToken(page),
        client_id: 'esm-console-local',
      }),
    });
    expect(spent.status).toBe(200);
    await context.clearCookies();

    await signInForm.expectForm();
    await signInForm.submitCredentials();
    await expect(page).toHaveURL(`/mappings/${uuid}?region=eu-west-1`);
    await expect(mappingPage.heading(uuid)).toBeVisible();
    await expect(header.userMenu).toHaveText(TEST_USER.username);
  });

  test('a cancelled sign-in says so and offers to try again', async ({ page, signInForm }) => {
    await page.goto('/');
    await signInForm.promptButton.click();
    await signInForm.expectForm();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Sign-in did not complete')).toBeVisible();
    await expect(page.getByText(/access_denied/)).toBeVisible();
    await expect(page).toHaveURL('/');
    await signInForm.promptButton.click();
    await signInForm.expectForm();
  });
});

test.describe('guest mode', () => {
  test('guests read without signing in, and may sign in from the header to write', async ({
    page,
    emulator,
    header,
    signInForm,
    mappingPage,
  }) => {
    const mapping = await emulator.someMapping('Enabled');
    await mappingPage.goto(mapping.UUID);
    await expect(mappingPage.heading(mapping.UUID)).toBeVisible();
    await expect(header.guestMenu).toBeVisible();
    await expect(header.account).toHaveText('Account 123456789012');
    const guestIdentity = await cachedGuestIdentityId(page);
    expect(guestIdentity).toMatch(/^us-east-1:/);

    await header.signInAsGuest();
    await signInForm.submitCredentials();
    await expect(page).toHaveURL(`/mappings/${mapping.UUID}`);
    await expect(header.userMenu).toHaveText(TEST_USER.username);
    await mappingPage.disable();
    await expect(mappingPage.transitionStates).toHaveText(['Enabled', 'Disabling']);

    // Signing out returns to guest access (read-only) and forgets the cached guest identity id.
    await header.signOut();
    await expect(header.guestMenu).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 1, name: /Event source mappings/ }),
    ).toBeVisible();
    await expect.poll(() => cachedGuestIdentityId(page)).toMatch(/^us-east-1:/);
    expect(await cachedGuestIdentityId(page)).not.toBe(guestIdentity);
  });

  test('a guest who cancels signing in can go on as a guest', async ({
    page,
    header,
    signInForm,
    mappingsPage,
  }) => {
    await mappingsPage.goto();
    await header.signInAsGuest();
    await signInForm.expectForm();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Sign-in did not complete')).toBeVisible();
    await page.getByRole('button', { name: 'Continue as guest' }).click();
    await expect(header.guestMenu).toBeVisible();
    await mappingsPage.expectLoaded();
  });

  test('a pool that refuses guests gets a clear page, not a blank screen', async ({
    page,
    emulator,
    signInForm,
    header,
  }) => {
    await emulator.updateSettings({ allowGuest: false });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Guest access is turned off' })).toBeVisible();
    await expect(
      page.getByText('Unauthenticated access is not supported for this identity pool.', {
        exact: false,
      }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signInForm.submitCredentials();
    await expect(header.userMenu).toHaveText(TEST_USER.username);
    await expect(page.getByRole('table', { name: /Event source mappings/ })).toBeVisible();
  });
});
