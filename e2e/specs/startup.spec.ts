import { expect, test } from '../fixtures.ts';

// Start-up without request waterfalls (vite.config.ts `startupPreloads`, src/app/router.tsx
// `prefetchPageData`): index.html lists config.json, the Cognito Identity client and the list's
// code, so none of them waits for the app chunk to be evaluated, and the list's first page is
// requested before the page's first render.
test('the list starts without waterfalls: config.json once and found in index.html with every script, the first page requested once', async ({
  mappingsPage,
  page,
}) => {
  const requests: { url: URL; method: string; target?: string }[] = [];
  page.on('request', (request) =>
    requests.push({
      url: new URL(request.url()),
      method: request.method(),
      target: request.headers()['x-amz-target'],
    }),
  );
  await mappingsPage.goto();
  await mappingsPage.expectLoaded();

  const configRequests = requests.filter((r) => r.url.pathname === '/config.json');
  // One request: the preload is the one the console reads (a second would mean they no longer
  // match, and config.json would wait for the app chunk again).
  expect(configRequests).toHaveLength(1);

  // Every script the list needs, and config.json, were found in index.html: requested before the
  // app chunk had even arrived, not once its code ran (which is when a page's import() and
  // config.json were requested before, and the Cognito client's chunks later still).
  const timings = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      path: new URL(entry.name).pathname,
      startTime: entry.startTime,
      responseEnd: (entry as PerformanceResourceTiming).responseEnd,
    })),
  );
  const app = timings.find((t) => /^\/assets\/app-[^/]+\.js$/.test(t.path));
  const firstList = timings.find((t) => t.path === '/2015-03-31/event-source-mappings');
  expect(app).toBeDefined();
  expect(firstList).toBeDefined();
  const late = timings
    .filter((t) => t.startTime < firstList!.startTime)
    .filter((t) => t.path.endsWith('.js') || t.path === '/config.json')
    .filter((t) => t.startTime >= app!.responseEnd)
    .map((t) => t.path);
  expect(late).toEqual([]);
  // The first page (no Marker) is requested once: the prefetch, which the list then reads.
  const firstPages = requests.filter(
    (r) =>
      r.method === 'GET' &&
      r.url.pathname === '/2015-03-31/event-source-mappings' &&
      !r.url.searchParams.has('Marker'),
  );
  expect(firstPages).toHaveLength(1);
});
