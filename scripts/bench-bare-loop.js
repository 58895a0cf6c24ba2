/* global window, location */
// Browser entry of the bare SDK loop that `npm run bench` compares "Load all" with: the same
// `ListEventSourceMappings` page chain as the console (over `NextMarker`, MaxItems 100), with
// @aws-sdk/client-lambda's LambdaClient in the browser and nothing else (no React, no cache, no
// Cognito: static test/test credentials, which the emulator accepts). scripts/bench.mjs bundles it
// with Vite and serves it on a page of its own origin, so Chromium's CORS preflights apply as they
// do to the console.
//
// The page runs the loop at once against `?endpoint=<emulator origin>` and leaves the outcome in
// `window.bareLoopResult`: `{ loopMs, navToDoneMs, count, pages }` (milliseconds on the page's
// performance timeline; `navToDoneMs` counts from navigation start, like the console's figures),
// or `{ error }`.
import { LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';

/** Pages the loop follows at most (10,000 mappings are 100 pages). */
const MAX_PAGES = 1000;

/**
 * Lists every mapping of us-east-1 at `endpoint`, 100 per page, following `NextMarker`.
 * @param endpoint the emulator's origin, e.g. `http://127.0.0.1:4660`.
 * @returns `{ loopMs, navToDoneMs, count, pages }`.
 * @throws the SDK's error when a page fails (after the SDK's retries).
 */
async function bareLoop(endpoint) {
  const client = new LambdaClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const start = performance.now();
  let marker;
  let count = 0;
  let pages = 0;
  do {
    const page = await client.send(
      new ListEventSourceMappingsCommand({ MaxItems: 100, ...(marker ? { Marker: marker } : {}) }),
    );
    count += page.EventSourceMappings?.length ?? 0;
    pages += 1;
    marker = page.NextMarker;
  } while (marker && pages < MAX_PAGES);
  const end = performance.now();
  return { loopMs: end - start, navToDoneMs: end, count, pages };
}

window.bareLoop = bareLoop;
const endpoint = new URLSearchParams(location.search).get('endpoint');
if (endpoint) {
  bareLoop(endpoint).then(
    (result) => {
      window.bareLoopResult = result;
    },
    (error) => {
      window.bareLoopResult = { error: `${error?.name ?? 'Error'}: ${error?.message ?? error}` };
    },
  );
}
