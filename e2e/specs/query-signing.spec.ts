import type { Page, Request } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { EMULATOR_URL } from '../ports.ts';

const LIST_PATH = '/2015-03-31/event-source-mappings';

/** Every request (preflights included) to ListEventSourceMappings from now on. */
function recordListRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === EMULATOR_URL && url.pathname === LIST_PATH) seen.push(request);
  });
  return seen;
}

/**
 * CORS preflights of ListEventSourceMappings from now on, as Chromium's DevTools protocol reports
 * them (Playwright's own request events leave preflights out).
 */
async function recordListPreflights(page: Page): Promise<string[]> {
  const preflights: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (event) => {
    const url = new URL(event.request.url);
    if (event.request.method === 'OPTIONS' && url.pathname === LIST_PATH) {
      preflights.push(event.request.url);
    }
  });
  await cdp.send('Network.enable');
  return preflights;
}

const querySigned = (request: Request) =>
  new URL(request.url()).searchParams.has('X-Amz-Signature');

test.describe('Query-signed reads', () => {
  test('the list is read with one request per page: query-signed, no CORS preflight', async ({
    page,
    mappingsPage,
  }) => {
    const requests = recordListRequests(page);
    const preflights = await recordListPreflights(page);
    await mappingsPage.goto();
    await expect(mappingsPage.loadStatus(/All 1,600 mappings loaded/)).toBeVisible({
      timeout: 30_000,
    });
    // 1,600 mappings are 16 pages of 100.
    expect(requests.filter((r) => r.method() === 'GET')).toHaveLength(16);
    expect(preflights).toEqual([]);
    for (const request of requests) {
      expect(querySigned(request)).toBe(true);
      expect(await request.headerValue('authorization')).toBeNull();
    }
  });

  test('an endpoint that refuses query signing costs one request, then the page signs in the header', async ({
    page,
    emulator,
    mappingsPage,
  }) => {
    await emulator.updateSettings({ queryAuth: false });
    const requests = recordListRequests(page);
    const preflights = await recordListPreflights(page);
    const refused: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === LIST_PATH && response.status() === 403) {
        refused.push(response.status());
      }
    });
    await mappingsPage.goto();
    await expect(mappingsPage.loadStatus(/All 1,600 mappings loaded/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(mappingsPage.rows.first()).toBeVisible();
    const gets = requests.filter((r) => r.method() === 'GET');
    // The first page once query-signed (refused), then every page header-signed.
    expect(gets.map(querySigned)).toEqual([true, ...Array<boolean>(16).fill(false)]);
    expect(refused).toEqual([403]);
    // Header-signed, each page is preflighted (its Marker makes a new URL).
    expect(preflights).toHaveLength(16);
    for (const request of gets.slice(1)) {
      expect(await request.headerValue('authorization')).toMatch(/^AWS4-HMAC-SHA256 /);
    }
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
