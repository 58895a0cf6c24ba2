/* global window, location */
// Browser entry of the bare SDK loop that `npm run bench` compares "Load all" with: the same
// `ListEventSourceMappings` page chain as the console (over `NextMarker`, MaxItems 100), with
// @aws-sdk/client-lambda's LambdaClient in the browser and nothing else (no React, no cache, no
// Cognito: static test/test credentials, which the emulator accepts). scripts/bench.mjs bundles it
// with Vite and serves it on a page of its own origin, so Chromium's CORS preflights apply as they
// do to the console.
//
// With `&querySigning=1` the client signs its GETs in the query string as the console does
// (src/api/query-signing.ts: no CORS preflight, one round trip per page), without the console's
// fallback; otherwise in the Authorization header, the SDK's default.
//
// The page runs the loop at once against `?endpoint=<emulator origin>` and leaves the outcome in
// `window.bareLoopResult`: `{ loopMs, navToDoneMs, count, pages }` (milliseconds on the page's
// performance timeline; `navToDoneMs` counts from navigation start, like the console's figures),
// or `{ error }`.
import { LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { createQuerySigningPolicy, querySigningSigner } from '../src/api/query-signing.ts';

/** Pages the loop follows at most (10,000 mappings are 100 pages). */
const MAX_PAGES = 1000;

/**
 * Lists every mapping of us-east-1 at `endpoint`, 100 per page, following `NextMarker`.
 * @param endpoint the emulator's origin, e.g. `http://127.0.0.1:4660`.
 * @param querySigned sign in the query string (no preflight) instead of the header.
 * @returns `{ loopMs, navToDoneMs, count, pages }`.
 * @throws the SDK's error when a page fails (after the SDK's retries).
 */
async function bareLoop(endpoint, querySigned = false) {
  const client = new LambdaClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    ...(querySigned ? { signerConstructor: querySigningSigner(createQuerySigningPolicy()) } : {}),
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
const params = new URLSearchParams(location.search);
const endpoint = params.get('endpoint');
if (endpoint) {
  bareLoop(endpoint, params.get('querySigning') === '1').then(
    (result) => {
      window.bareLoopResult = result;
    },
    (error) => {
      window.bareLoopResult = { error: `${error?.name ?? 'Error'}: ${error?.message ?? error}` };
    },
  );
}
