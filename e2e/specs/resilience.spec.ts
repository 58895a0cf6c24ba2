import {
  GetEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
} from '@aws-sdk/client-lambda';
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium.ts';
import type { Page, Request } from '@playwright/test';
import { DedicatedEmulator, Emulator } from '../emulator.ts';
import { expect, test } from '../fixtures.ts';
import { EMULATOR_PORT, EMULATOR_URL } from '../ports.ts';
import { guestConfig, serveConfig, signedInConfig } from '../runtime-configs.ts';

/** Requests to AWS stand-ins (Lambda, Cognito Identity), preflights and the user pool excluded. */
function isAwsCall(request: Request, base = EMULATOR_URL): boolean {
  const url = request.url();
  return (
    url.startsWith(base) &&
    !url.startsWith(`${base}/oidc`) &&
    !url.startsWith(`${base}/_emulator`) &&
    request.method() !== 'OPTIONS'
  );
}

/** Records every AWS call the page makes from now on. */
function recordAwsCalls(page: Page, base = EMULATOR_URL): Request[] {
  const calls: Request[] = [];
  page.on('request', (request) => {
    if (isAwsCall(request, base)) calls.push(request);
  });
  return calls;
}

// Users' browsers keep a back/forward cache, which Playwright turns off by default
// (--disable-back-forward-cache); the sign-out test needs it, and the other tests run as users' do.
test.use({
  launchOptions: {
    ...CHROMIUM_LAUNCH_OPTIONS,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  },
});

test.describe('sign-out is final', () => {
  test('after sign-out, Back shows nothing of the session and calls nothing', async ({
    page,
    emulator,
    signInForm,
    header,
    mappingsPage,
  }) => {
    await serveConfig(page, signedInConfig);
    const restores: boolean[] = [];
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    // Why Chromium did not keep a page (recorded for the report): the pageshow handler covers
    // browsers that do keep it.
    cdp.on('Page.backForwardCacheNotUsed', (event) => {
      test.info().annotations.push({
        type: 'bfcache-not-used',
        description: event.notRestoredExplanations.map((e) => e.reason).join(', '),
      });
    });
    await page.exposeBinding('__reportPageShow', (_source, persisted: boolean) => {
      restores.push(persisted);
    });
    await page.addInitScript(() => {
      window.addEventListener('pageshow', (event) => {
        const report = (window as unknown as Record<string, (p: boolean) => void>).__reportPageShow;
        report?.(event.persisted);
      });
    });
    const mapping = await emulator.someMapping('Enabled');

    await mappingsPage.goto();
    await signInForm.signInFromPrompt();
    await expect(mappingsPage.link(mapping.UUID)).toBeVisible();
    await header.signOut();
    await expect(signInForm.prompt).toBeVisible();

    const calls = recordAwsCalls(page);
    // Back to the signed-in list (past the user pool's end-session page, if it is in history);
    // a restore from the back/forward cache fires no load event.
    for (let i = 0; i < 3; i += 1) {
      await page.goBack({ waitUntil: 'commit' });
      if (new URL(page.url()).origin !== EMULATOR_URL) break;
    }
    // Whether restored or loaded again: no list, no mapping, no call; the sign-in prompt.
    await expect(signInForm.prompt).toBeVisible();
    await expect(mappingsPage.heading).toHaveCount(0);
    await expect(page.getByText(mapping.UUID)).toHaveCount(0);
    await page.waitForTimeout(1500);
    expect(calls.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    test.info().annotations.push({
      type: 'pageshow',
      description: `persisted flags: ${JSON.stringify(restores)}`,
    });
  });
});

test.describe('faults', () => {
  const LOAD_ALL_SEED = Number(process.env.E2E_LOAD_ALL_MAPPINGS ?? 2000);

  test(`Load all of ${LOAD_ALL_SEED} under 30 % throttling and 200 ms jitter ends by itself, every mapping once`, async ({
    page,
    emulator,
    mappingsPage,
  }) => {
    // Retry-After: 1 s on every 429 makes this about 1 s per 100 mappings; on a 2-core machine
    // shared with other work it was 2.5 s per 100.
    test.setTimeout(Math.max(120_000, LOAD_ALL_SEED * 60));
    await emulator.reset({ seed: `default:${LOAD_ALL_SEED}` });
    const expected = (await emulator.stats()).mappings;
    await emulator.setFaults({ throttleRate: 0.3, jitterMs: 200, seed: 7 });
    const listed: string[] = [];
    let throttled = 0;
    page.on('response', async (response) => {
      const url = response.url();
      if (!url.startsWith(`${EMULATOR_URL}/2015-03-31/event-source-mappings`)) return;
      if (response.request().method() !== 'GET') return;
      if (response.status() === 429) throttled += 1;
      if (response.status() !== 200) return;
      const body = (await response.json()) as {
        EventSourceMappings?: EventSourceMappingConfiguration[];
      };
      for (const m of body.EventSourceMappings ?? []) if (m.UUID) listed.push(m.UUID);
    });
    const started = Date.now();
    await mappingsPage.goto();
    await expect(
      page.getByText(new RegExp(`All ${expected.toLocaleString('en-US')} mappings loaded`)),
    ).toBeVisible({ timeout: Math.max(100_000, LOAD_ALL_SEED * 50) });
    const seconds = (Date.now() - started) / 1000;
    await expect(page.getByText(/Could not load/)).toHaveCount(0);
    await expect(mappingsPage.retryButton).toHaveCount(0);
    expect(new Set(listed).size).toBe(expected);
    expect(listed).toHaveLength(expected);
    expect(throttled).toBeGreaterThan(0);
    test.info().annotations.push({
      type: 'load-all',
      description: `${expected} mappings in ${seconds.toFixed(1)} s, ${throttled} throttled answers`,
    });
  });

  test('Disable under the same faults completes once', async ({ page, emulator, mappingPage }) => {
    const mapping = await emulator.someMapping('Enabled');
    await emulator.updateSettings({ guestAccess: 'read-write' });
    await serveConfig(page, {
      ...guestConfig,
      auth: { ...guestConfig.auth, guestAccess: 'read-write' },
    });
    await emulator.setFaults({ throttleRate: 0.3, jitterMs: 200, seed: 3 });
    const updates: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'PUT' && response.url().includes(mapping.UUID)) {
        updates.push(response.status());
      }
    });
    await mappingPage.goto(mapping.UUID);
    await expect(mappingPage.heading(mapping.UUID)).toBeVisible();
    await mappingPage.disable();
    await expect(mappingPage.transitionStates.last()).toHaveText('Disabled', { timeout: 30_000 });
    await emulator.clearFaults();
    expect((await emulator.lambda.send(getMapping(mapping.UUID))).State).toBe('Disabled');
    // Throttled attempts were not processed; exactly one was accepted.
    expect(updates.filter((s) => s === 202)).toHaveLength(1);
    expect(updates.filter((s) => s !== 202 && s !== 429)).toEqual([]);
  });

  test('offline, then online: a banner, and the console goes on by itself', async ({
    page,
    context,
    emulator,
    mappingsPage,
    mappingPage,
  }) => {
    const mapping = await emulator.someMapping('Enabled');
    await mappingsPage.goto();
    await expect(mappingsPage.link(mapping.UUID)).toBeVisible();
    // The other pages' code is fetched 3 s after start-up (PRELOAD_DELAY_MS in root.tsx); with
    // one round trip per page the list can be on screen before that, and a page whose code
    // never arrived has nothing to show offline.
    await page.waitForTimeout(4_500);
    await context.setOffline(true);
    const banner = page.getByText('You are offline');
    await expect(banner).toBeVisible();
    // A page opened while offline waits instead of failing.
    await mappingsPage.link(mapping.UUID).click();
    await page.waitForTimeout(1500);
    await expect(page.getByText(/Could not load/)).toHaveCount(0);
    await context.setOffline(false);
    await expect(banner).toHaveCount(0);
    await expect(mappingPage.heading(mapping.UUID)).toBeVisible({ timeout: 20_000 });
    await expect(mappingPage.transitionStates.first()).toHaveText('Enabled');
    await expect(page.getByText(/Could not load/)).toHaveCount(0);
  });

  test('a page opened offline before its code was downloaded waits for the network, then opens', async ({
    page,
    context,
    emulator,
    mappingsPage,
    mappingPage,
  }) => {
    const mapping = await emulator.someMapping('Enabled');
    // The mapping page's own chunk never arrives while this route is in place, also when the
    // other pages' code is preloaded (3 s after start-up), so the page has nothing to show offline.
    const detailChunk = /\/assets\/mapping-[\w-]{8}\.js$/;
    await page.route(detailChunk, (route) => route.abort('internetdisconnected'));
    await mappingsPage.goto();
    await expect(mappingsPage.link(mapping.UUID)).toBeVisible();
    await context.setOffline(true);
    await mappingsPage.link(mapping.UUID).click();
    await expect(page.getByRole('heading', { name: 'Waiting for the network' })).toBeVisible();
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await page.unroute(detailChunk);
    await context.setOffline(false);
    await expect(mappingPage.heading(mapping.UUID)).toBeVisible({ timeout: 20_000 });
    await expect(mappingPage.transitionStates.first()).toHaveText('Enabled');
  });

  test('a 20-minute clock skew is corrected from the Date header', async ({
    page,
    emulator,
    mappingsPage,
  }) => {
    const mapping = await emulator.someMapping('Enabled');
    await emulator.setFaults({ clockOffsetSeconds: 20 * 60 });
    const answers: { status: number; type: string | null }[] = [];
    page.on('response', (response) => {
      if (isAwsCall(response.request()) && response.url().includes('/2015-03-31/')) {
        answers.push({
          status: response.status(),
          type: response.headers()['x-amzn-errortype'] ?? null,
        });
      }
    });
    await mappingsPage.goto();
    await expect(mappingsPage.link(mapping.UUID)).toBeVisible();
    await expect(page.getByText(/Could not load/)).toHaveCount(0);
    // The first signed request was refused for its time, then the SDK corrected its clock.
    expect(answers[0]).toEqual({
      status: 403,
      type: expect.stringContaining('InvalidSignatureException'),
    });
    expect(answers.some((a) => a.status === 200)).toBe(true);
  });
});

test.describe('emulator restart', () => {
  // The dedicated emulator is on its own port, which the preview's CSP (computed for the suite's
  // emulator) does not name: this test alone runs without the page's CSP.
  test.use({ bypassCSP: true });

  test('new credentials are fetched once and the call retried, without a reload', async ({
    page,
    emulator: _suiteEmulator,
    mappingsPage,
    mappingPage,
  }) => {
    const dedicated = new DedicatedEmulator(EMULATOR_PORT + 57, ['--seed', 'default']);
    await dedicated.start();
    try {
      const base = dedicated.url;
      await serveConfig(page, {
        ...guestConfig,
        lambdaEndpoint: base,
        cognitoIdentityEndpoint: base,
        auth: { ...guestConfig.auth, authority: `${base}/oidc` },
      });
      const control = new Emulator(base);
      const [first, second] = (await control.firstMappings()).filter((m) => m.UUID);
      control.lambda.destroy();
      if (!first?.UUID || !second?.UUID) throw new Error('The seed has no mappings');
      const calls = recordAwsCalls(page, base);
      await mappingsPage.goto();
      await expect(mappingsPage.link(first.UUID)).toBeVisible();
      await mappingsPage.expectSettled();
      await page.evaluate(() => {
        (window as unknown as Record<string, unknown>).__sameDocument = true;
      });

      await dedicated.stop();
      await dedicated.start(); // forgets every identity and credential it issued
      const before = calls.length;
      await mappingsPage.link(second.UUID).click();
      await expect(mappingPage.heading(second.UUID)).toBeVisible();
      await expect(mappingPage.transitionStates.first()).toHaveText(second.State ?? 'Enabled');
      await expect(page.getByText(/UnrecognizedClientException|security token/)).toHaveCount(0);
      expect(
        await page.evaluate(() => (window as unknown as Record<string, unknown>).__sameDocument),
      ).toBe(true);
      const targets = await Promise.all(
        calls
          .slice(before)
          .map(async (r) => (await r.allHeaders())['x-amz-target']?.split('.')[1] ?? 'Lambda'),
      );
      test.info().annotations.push({ type: 'after-restart', description: targets.join(', ') });
      // The first call after the restart was refused (unknown credentials); the console fetched
      // credentials once (a new identity only if the pool had forgotten the cached one) and
      // the call went through.
      expect(targets[0]).toBe('Lambda');
      expect((await calls[before]?.response())?.status()).toBe(403);
      expect(targets.filter((t) => t === 'GetCredentialsForIdentity')).toHaveLength(1);
      expect(targets.filter((t) => t === 'GetId').length).toBeLessThanOrEqual(1);
    } finally {
      await dedicated.stop();
    }
  });
});

function getMapping(UUID: string) {
  return new GetEventSourceMappingCommand({ UUID });
}
