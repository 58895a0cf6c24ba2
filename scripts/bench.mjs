/* global window, document, requestAnimationFrame */
// `npm run bench`: the fleet list at 10,000 mappings, measured as a user waits for it, in Debian's
// Chromium against the local emulator (`--seed default:10000`) and a production build served by
// `vite preview` (with the CloudFront CSP), plus the first route's bundle size. One run, in order:
//
//   1. `vite build --manifest` into /tmp/bench-dist; first-route JS and CSS gzip (bundle-size.mjs).
//   2. Emulator on 127.0.0.1:4660, `vite preview` of that build on :4661 (guest mode, read-write),
//      and a page of the bare SDK loop (scripts/bench-bare-loop.js, bundled with Vite) on :4662.
//   3. For emulator latency 0 ms and 40 ms (POST /_emulator/settings {"latencyMs"}), BENCH_RUNS
//      runs (default 3), each page in a fresh browser context:
//        - console: navigation start → first data row painted; → "All 10,000 mappings loaded" and
//          the counter "(10,000)" painted (plus the seconds the app reports); the longest main
//          thread task until then (PerformanceObserver 'longtask') and the count of tasks > 50 ms;
//        - bare loop: the same page chain (ListEventSourceMappings, MaxItems 100, NextMarker) with
//          the SDK alone, same browser, emulator and latency: signed in the header (the SDK's
//          default: a CORS preflight per page) and query-signed as the console signs (no
//          preflight); the target ratio is taken against the query-signed loop, like for like;
//        - AWS CLI: `aws lambda list-event-source-mappings --page-size 100`, wall time;
//        - at 0 ms only, once the page is quiet (no emulator request in flight and no long task
//          for 3 s: the function inventory that follows Load all has finished): JS heap after a
//          forced GC (CDP), and the interactions: select a row, sort by Function, page 2, Back
//          from a detail page, a filter keystroke, a filter token. Each is timed twice: Event Timing (what INP uses: input → next paint, reported from 16 ms up,
//          8 ms granularity) and input → the expected UI painted (rAF, then a task after paint).
//   4. A table of medians with the targets; ratios are taken within each run, then the median.
//      JSON of everything goes to bench-results.json.
//
// Environment: BENCH_RUNS (1..50, default 3), CHROMIUM_PATH (default /usr/bin/chromium).
// Every wait is bounded; child processes are stopped on exit, error or signal.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build as viteBuild } from 'vite';
import { firstRouteSize } from './bundle-size.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 50) {
  console.error(`BENCH_RUNS must be an integer from 1 to 50 (got ${process.env.BENCH_RUNS})`);
  process.exit(2);
}
const MAPPINGS = 10_000;
const MAPPINGS_TEXT = MAPPINGS.toLocaleString('en-US');
const LATENCIES_MS = [0, 40];
const HOST = '127.0.0.1';
const PORTS = { emulator: 4660, console: 4661, bare: 4662 };
const DIST = '/tmp/bench-dist';
const BARE_DIR = '/tmp/bench-bare';
const RESULTS_FILE = 'bench-results.json';
const emulatorUrl = `http://${HOST}:${PORTS.emulator}`;
const consoleUrl = `http://${HOST}:${PORTS.console}/`;
const bareUrl = `http://${HOST}:${PORTS.bare}/?endpoint=${encodeURIComponent(emulatorUrl)}`;

/** Upper bounds of every wait, in milliseconds. */
const TIMEOUT = {
  total: 40 * 60_000,
  build: 5 * 60_000,
  server: 60_000,
  firstRow: 60_000,
  loadAll: 180_000,
  quiet: 120_000,
  interaction: 20_000,
  cli: 180_000,
  stop: 5_000,
};
/**
 * The page counts as quiet after this long with no request to the emulator in flight and no long
 * task on its main thread (a busy main thread can hold the next inventory request back by a second
 * or more).
 */
const QUIET_MS = 3_000;

/** Targets of the issue. */
const TARGET = {
  firstRouteJsGzip: 300_000,
  loadAllVsBare: 1.2,
  interactionMs: 100,
  keystrokeMs: 50,
  heapBytes: 80_000_000,
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const workDir = mkdtempSync(join(tmpdir(), 'esm-bench-'));
const log = (message) => console.error(`[bench] ${message}`);

// ---------------------------------------------------------------------------------------------
// Child processes: each in its own process group (so npx's children go too), output to a log.

const children = [];

function start(name, cmd, args, env = {}) {
  const file = join(workDir, `${name}.log`);
  const fd = openSync(file, 'w');
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  const entry = { name, child, file, exited: false };
  child.on('exit', () => {
    entry.exited = true;
  });
  child.on('error', (error) => {
    entry.exited = true;
    entry.error = error;
  });
  children.push(entry);
  return entry;
}

function killGroup(entry, signal) {
  try {
    process.kill(-entry.child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopAll() {
  for (const entry of children) if (!entry.exited) killGroup(entry, 'SIGTERM');
  const deadline = Date.now() + TIMEOUT.stop;
  while (children.some((e) => !e.exited) && Date.now() < deadline) await sleep(100);
  for (const entry of children) if (!entry.exited) killGroup(entry, 'SIGKILL');
}
process.on('exit', () => {
  for (const entry of children) if (!entry.exited) killGroup(entry, 'SIGKILL');
});

function tail(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rejects after `ms` with a message naming `what`. */
async function within(ms, what, promise) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a command to its end (output inherited), failing on a non-zero exit or after `ms`. */
function runToEnd(cmd, args, ms) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', detached: true });
    const timer = setTimeout(() => {
      killGroup({ child }, 'SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')}: timed out after ${ms} ms`));
    }, ms);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`));
    });
  });
}

function portInUse(port) {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: HOST, port });
    socket.setTimeout(1000);
    socket.on('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolvePromise(false);
    });
    socket.on('error', () => resolvePromise(false));
  });
}

async function waitForUrl(url, entry) {
  const deadline = Date.now() + TIMEOUT.server;
  while (Date.now() < deadline) {
    if (entry?.exited) throw new Error(`${entry.name} exited:\n${tail(entry.file)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`not up after ${TIMEOUT.server} ms: ${url}`);
}

async function emulatorJson(path, body) {
  const response = await fetch(`${emulatorUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting.

function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (xs.length === 0) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
const ms = (v) => (v === undefined ? 'n/a' : `${Math.round(v).toLocaleString('en-US')} ms`);
const ratio = (v) => (v === undefined ? 'n/a' : `${v.toFixed(2)}×`);
const kB = (v) => `${(v / 1000).toFixed(1)} kB`;
const MB = (v) => (v === undefined ? 'n/a' : `${(v / 1e6).toFixed(1)} MB`);
const verdict = (ok) => (ok === undefined ? '' : ok ? 'PASS' : 'FAIL');

// ---------------------------------------------------------------------------------------------
// In-page instrumentation, installed before any script of the page runs.

/**
 * Installs `window.__bench`: long tasks and Event Timing entries (buffered observers), the
 * timestamps of input events (capture phase), a per-frame watch for the console's first data row
 * and for "All N mappings loaded" + "(N)", and `watch(kind, arg)` for an interaction's expected UI.
 * A condition is "painted" at the first task after the frame in which it held (rAF, then a
 * MessageChannel task, which runs after that frame's paint).
 */
function instrument(expected) {
  const bench = {
    supported: PerformanceObserver.supportedEntryTypes ?? [],
    longtasks: [],
    events: [],
    inputs: [],
    firstRow: undefined,
    allLoaded: undefined,
    result: undefined,
  };
  window.__bench = bench;
  const observe = (type, push, extra = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(push)).observe({
        type,
        buffered: true,
        ...extra,
      });
    } catch {
      // unsupported: the lists stay empty and the report says so
    }
  };
  observe('longtask', (e) => bench.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe(
    'event',
    (e) =>
      bench.events.push({
        name: e.name,
        start: e.startTime,
        duration: e.duration,
        processingStart: e.processingStart,
        processingEnd: e.processingEnd,
        interactionId: e.interactionId ?? 0,
      }),
    { durationThreshold: 16 },
  );
  for (const type of ['pointerdown', 'mousedown', 'click', 'keydown', 'popstate']) {
    window.addEventListener(type, (e) => bench.inputs.push({ type, at: e.timeStamp }), {
      capture: true,
    });
  }
  // The first task after this frame's paint: a user-blocking task runs ahead of the page's own
  // queued tasks (React's scheduler posts MessageChannel tasks), so their work is not counted.
  const afterPaint = (done) => {
    const detected = performance.now();
    const painted = () => done({ detected, painted: performance.now() });
    if (window.scheduler?.postTask) {
      void window.scheduler.postTask(painted, { priority: 'user-blocking' });
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = painted;
    channel.port2.postMessage(0);
  };
  const rowLinks = () =>
    [
      ...document.querySelectorAll(
        'table[aria-label="Event source mappings"] tbody tr a[href^="/mappings/"]',
      ),
    ].filter((a) => a.getBoundingClientRect().height > 0);
  const rowTexts = () =>
    [...document.querySelectorAll('table[aria-label="Event source mappings"] tbody tr')]
      .filter((tr) => tr.querySelector('a[href^="/mappings/"]'))
      .map((tr) => tr.textContent ?? '');
  bench.firstRowUuid = () => rowLinks()[0]?.textContent?.trim();
  const checks = {
    selected: (uuid) =>
      document.querySelector(`input[aria-label="Select mapping ${uuid}"]`)?.checked === true,
    sorted: (header) =>
      [...document.querySelectorAll('th[aria-sort="ascending"]')].some(
        (th) => th.textContent?.trim() === header,
      ) && rowLinks().length > 0,
    page: ({ page, before }) =>
      document
        .querySelector(`button[aria-label="Page ${page} of all pages"]`)
        ?.getAttribute('aria-current') === 'true' &&
      rowLinks().length > 0 &&
      bench.firstRowUuid() !== before,
    list: () =>
      rowLinks().length > 0 &&
      ![...document.querySelectorAll('h1')].some((h) => h.textContent?.startsWith('Mapping ')),
    typed: (value) =>
      document.querySelector('input[aria-label="Filter mappings"]')?.value === value,
    filtered: (value) => {
      const texts = rowTexts();
      return (
        texts.length > 0 &&
        texts.every((t) => t.includes(value)) &&
        [...document.querySelectorAll('button')].some(
          (b) => b.textContent?.trim() === 'Clear filters',
        )
      );
    },
  };
  bench.watch = (kind, arg) => {
    bench.result = undefined;
    const frame = () => {
      if (checks[kind](arg)) afterPaint((t) => (bench.result = t));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  const pageFrame = () => {
    if (!bench.firstRow) {
      if (rowLinks().length > 0) afterPaint((t) => (bench.firstRow ??= t));
    } else if (!bench.allLoaded) {
      const h1 = document.querySelector('h1');
      if (
        h1?.textContent?.includes(`(${expected})`) &&
        document.body.textContent?.includes(`All ${expected} mappings loaded`)
      ) {
        const text = document.body.textContent;
        const match = /All [\d,]+ mappings loaded(?: in ([\d.]+) s)? \((\d+) pages?\)/.exec(text);
        bench.reportedSeconds = match?.[1] ? Number(match[1]) : undefined;
        bench.reportedPages = match?.[2] ? Number(match[2]) : undefined;
        afterPaint((t) => (bench.allLoaded ??= t));
        return;
      }
    }
    requestAnimationFrame(pageFrame);
  };
  requestAnimationFrame(pageFrame);
}

// ---------------------------------------------------------------------------------------------
// Measurements.

async function newContext(browser) {
  return browser.newContext({ viewport: { width: 1440, height: 900 } });
}

/**
 * The bare SDK loop in a fresh context: navigation start → all pages in.
 * @param querySigned sign in the query string, as the console does, instead of the header.
 */
async function measureBare(browser, querySigned = false) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(querySigned ? `${bareUrl}&querySigning=1` : bareUrl, {
      waitUntil: 'commit',
      timeout: TIMEOUT.server,
    });
    const handle = await page.waitForFunction(() => window.bareLoopResult, null, {
      timeout: TIMEOUT.loadAll,
      polling: 100,
    });
    const result = await handle.jsonValue();
    if (result.error) throw new Error(`bare loop: ${result.error}`);
    if (result.count !== MAPPINGS) {
      throw new Error(`bare loop listed ${result.count} mappings, expected ${MAPPINGS}`);
    }
    return result;
  } finally {
    await context.close();
  }
}

/** The Lambda or Cognito operation of a request to the emulator (REST path, or X-Amz-Target). */
function operationOf(method, path) {
  if (path === '/') return 'Cognito Identity';
  if (/^\/2015-03-31\/event-source-mappings\/?$/.test(path)) {
    return method === 'GET' ? 'ListEventSourceMappings' : `${method} event-source-mappings`;
  }
  if (/^\/2015-03-31\/event-source-mappings\/[^/]+$/.test(path)) {
    return method === 'GET' ? 'GetEventSourceMapping' : `${method} event-source-mapping`;
  }
  if (/^\/2015-03-31\/functions\/?$/.test(path)) return 'ListFunctions';
  if (/\/versions$/.test(path)) return 'ListVersionsByFunction';
  if (/\/aliases$/.test(path)) return 'ListAliases';
  return `${method} ${path.replace(/[^/]{20,}/g, ':id')}`;
}

/**
 * Follows the page's requests to the emulator from now on; `untilQuiet()` resolves when none has
 * been in flight and no long task has run for {@link QUIET_MS} (or after {@link TIMEOUT.quiet},
 * with `quiet: false`), with the epoch ms of the last request activity.
 */
function trackEmulatorRequests(page) {
  let inFlight = 0;
  let last = Date.now();
  const started = [];
  const isEmulator = (r) => r.url().startsWith(emulatorUrl);
  const begin = (r) => {
    if (!isEmulator(r)) return;
    inFlight += 1;
    last = Date.now();
    started.push({ at: last, operation: operationOf(r.method(), new URL(r.url()).pathname) });
  };
  const end = (r) => {
    if (!isEmulator(r)) return;
    inFlight = Math.max(0, inFlight - 1);
    last = Date.now();
  };
  page.on('request', begin);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return {
    /** Requests started after `since` (epoch ms), counted by Lambda operation. */
    operationsSince(since) {
      const counts = {};
      for (const r of started)
        if (r.at >= since) counts[r.operation] = (counts[r.operation] ?? 0) + 1;
      return counts;
    },
    async untilQuiet() {
      const deadline = Date.now() + TIMEOUT.quiet;
      try {
        while (Date.now() < deadline) {
          if (inFlight === 0 && Date.now() - last >= QUIET_MS) {
            const sinceTask = await page.evaluate(() => {
              const tasks = window.__bench?.longtasks ?? [];
              const end = Math.max(0, ...tasks.map((t) => t.start + t.duration));
              return performance.now() - end;
            });
            if (sinceTask >= QUIET_MS) return { quiet: true, lastAt: last };
          }
          await sleep(100);
        }
        return { quiet: false, lastAt: last };
      } finally {
        page.off('request', begin);
        page.off('requestfinished', end);
        page.off('requestfailed', end);
      }
    },
  };
}

async function settleFrames(page) {
  await page.evaluate(
    () =>
      new Promise((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200))),
      ),
  );
}

/**
 * Times one interaction: `act` performs it with real input (Playwright), `kind`/`arg` name the UI
 * that must be painted afterwards. Start = the first input event after the mark (its timeStamp),
 * or the mark itself for `fromMark` (Back, which has no input event).
 */
async function interaction(page, name, { kind, arg, act, fromMark = false, inputType }) {
  // The table's own header row is clicked, as at the top of the page (not the sticky copy).
  await page.evaluate(() => window.scrollTo(0, 0));
  await settleFrames(page);
  const mark = await page.evaluate(() => performance.now());
  await page.evaluate(({ kind: k, arg: a }) => window.__bench.watch(k, a), { kind, arg });
  await act();
  await page.waitForFunction(() => window.__bench.result, null, {
    timeout: TIMEOUT.interaction,
    polling: 50,
  });
  await settleFrames(page);
  const data = await page.evaluate(
    ({ since }) => ({
      result: window.__bench.result,
      inputs: window.__bench.inputs.filter((i) => i.at >= since),
      events: window.__bench.events.filter((e) => e.start >= since - 1),
      longtasks: window.__bench.longtasks.filter((t) => t.start >= since),
    }),
    { since: mark },
  );
  const input = data.inputs.find((i) => (inputType ? i.type === inputType : i.type !== 'popstate'));
  const startAt = fromMark ? mark : (input?.at ?? mark);
  const interactionEvents = data.events.filter((e) => e.interactionId > 0);
  const eventTiming = interactionEvents.length
    ? Math.max(...interactionEvents.map((e) => e.duration))
    : undefined;
  const toResult = data.result.painted - startAt;
  const tasks = data.longtasks.filter((task) => task.start < data.result.painted);
  return {
    name,
    eventTimingMs: eventTiming,
    eventNames: [...new Set(interactionEvents.map((e) => e.name))],
    toResultMs: toResult,
    toFrameMs: data.result.detected - startAt,
    longTasks: tasks.map((task) => Math.round(task.duration)),
    // The larger of the two: an update deferred past the input's paint still counts.
    ms: Math.max(eventTiming ?? 0, toResult),
    startedFrom: fromMark ? 'mark before page.goBack()' : (input?.type ?? 'mark'),
  };
}

/** A mouse click at the centre of `locator`'s box, on whatever is painted there. */
async function clickWhereShown(page, locator) {
  const box = await locator.boundingBox({ timeout: TIMEOUT.interaction });
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error(`no box for ${locator}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (x < 0 || y < 0 || x > viewport.width || y > viewport.height) {
    throw new Error(`${locator} is outside the viewport (${x}, ${y})`);
  }
  await page.mouse.click(x, y);
}

async function measureInteractions(page) {
  const table = page.getByRole('table', { name: 'Event source mappings' });
  const firstUuid = () => page.evaluate(() => window.__bench.firstRowUuid());
  const t = TIMEOUT.interaction;
  const results = [];

  const uuid = await firstUuid();
  results.push(
    await interaction(page, 'select a row', {
      kind: 'selected',
      arg: uuid,
      inputType: 'pointerdown',
      act: () =>
        page.getByRole('checkbox', { name: `Select mapping ${uuid}`, exact: true }).click({
          timeout: t,
        }),
    }),
  );
  results.push(
    await interaction(page, 'sort by Function', {
      kind: 'sorted',
      arg: 'Function',
      inputType: 'pointerdown',
      // With a sticky header, Cloudscape keeps the accessible header row visually hidden under
      // an aria-hidden copy that takes the clicks: click where the user sees "Function".
      act: () => clickWhereShown(page, table.getByRole('columnheader', { name: 'Function' })),
    }),
  );
  const beforePage = await firstUuid();
  results.push(
    await interaction(page, 'page 2', {
      kind: 'page',
      arg: { page: 2, before: beforePage },
      inputType: 'pointerdown',
      act: () => page.getByRole('button', { name: 'Page 2 of all pages' }).click({ timeout: t }),
    }),
  );
  const detailUuid = await firstUuid();
  await table.getByRole('link', { name: detailUuid, exact: true }).click({ timeout: t });
  await page
    .getByRole('heading', { level: 1, name: `Mapping ${detailUuid}` })
    .waitFor({ state: 'visible', timeout: t });
  await settleFrames(page);
  results.push(
    await interaction(page, 'Back from a detail page', {
      kind: 'list',
      fromMark: true,
      act: () => page.goBack({ waitUntil: 'commit', timeout: t }),
    }),
  );
  const filter = page.getByRole('combobox', { name: 'Filter mappings' });
  await filter.click({ timeout: t });
  await settleFrames(page);
  results.push(
    await interaction(page, 'filter keystroke', {
      kind: 'typed',
      arg: 'S',
      inputType: 'keydown',
      act: () => page.keyboard.press('S'),
    }),
  );
  await filter.fill('State = Disabled', { timeout: t });
  await settleFrames(page);
  results.push(
    await interaction(page, 'filter token State = Disabled', {
      kind: 'filtered',
      arg: 'Disabled',
      inputType: 'keydown',
      act: () => filter.press('Enter', { timeout: t }),
    }),
  );
  return results;
}

/** The console in a fresh context: first row, all loaded, long tasks; at 0 ms heap and inputs. */
async function measureConsole(browser, { details }) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(instrument, MAPPINGS_TEXT);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(consoleUrl, { waitUntil: 'commit', timeout: TIMEOUT.server });
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const requests = details ? trackEmulatorRequests(page) : undefined;
    await page
      .waitForFunction(() => window.__bench?.firstRow, null, {
        timeout: TIMEOUT.firstRow,
        polling: 100,
      })
      .catch((error) => {
        throw new Error(`no first row: ${error.message}\n${errors.join('\n')}`);
      });
    await page
      .waitForFunction(() => window.__bench.allLoaded, null, {
        timeout: TIMEOUT.loadAll,
        polling: 100,
      })
      .catch((error) => {
        throw new Error(`not all loaded: ${error.message}\n${errors.join('\n')}`);
      });
    const b = await page.evaluate(() => ({
      firstRow: window.__bench.firstRow,
      allLoaded: window.__bench.allLoaded,
      reportedSeconds: window.__bench.reportedSeconds,
      reportedPages: window.__bench.reportedPages,
      longtasks: window.__bench.longtasks,
      supported: window.__bench.supported,
    }));
    const during = b.longtasks.filter((task) => task.start < b.allLoaded.painted);
    const result = {
      firstRowMs: b.firstRow.painted,
      allLoadedMs: b.allLoaded.painted,
      reportedSeconds: b.reportedSeconds,
      reportedPages: b.reportedPages,
      longestTaskMs: during.length ? Math.max(...during.map((task) => task.duration)) : 0,
      longTasksOver50: during.filter((task) => task.duration > 50).length,
      longtaskSupported: b.supported.includes('longtask'),
      eventTimingSupported: b.supported.includes('event'),
    };
    if (details) {
      const settled = await requests.untilQuiet();
      result.quietAfterMs = settled.lastAt - timeOrigin;
      result.quiet = settled.quiet;
      result.requestsAfterLoadAll = requests.operationsSince(timeOrigin + b.allLoaded.painted);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      result.heapUsedBytes = heap.usedSize;
      await cdp.detach();
      result.interactions = await measureInteractions(page);
    }
    return result;
  } finally {
    await context.close();
  }
}

/** The AWS CLI's whole listing (it follows NextMarker itself), or why it could not run. */
async function measureCli() {
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(workDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  const args = [
    'lambda',
    'list-event-source-mappings',
    '--endpoint-url',
    emulatorUrl,
    '--region',
    'us-east-1',
    '--page-size',
    '100',
    '--output',
    'json',
  ];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn('aws', args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    const timer = setTimeout(() => {
      killGroup({ child }, 'SIGKILL');
      reject(new Error(`aws CLI timed out after ${TIMEOUT.cli} ms`));
    }, TIMEOUT.cli);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`aws CLI exited ${code}: ${Buffer.concat(err).toString().trim()}`));
        return;
      }
      const count = JSON.parse(Buffer.concat(out).toString()).EventSourceMappings?.length ?? 0;
      if (count !== MAPPINGS) {
        reject(new Error(`aws CLI listed ${count} mappings, expected ${MAPPINGS}`));
        return;
      }
      resolvePromise({ wallMs, count });
    });
  });
}

/** `aws --version`, or undefined when the CLI is not installed or does not run. */
function awsCliVersion() {
  return new Promise((resolvePromise) => {
    const child = spawn('aws', ['--version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolvePromise(undefined);
    }, 30_000);
    child.on('error', () => {
      clearTimeout(timer);
      resolvePromise(undefined);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise(code === 0 ? Buffer.concat(out).toString().trim() : undefined);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Servers.

function startBareServer() {
  const script = readFileSync(join(BARE_DIR, 'bare-loop.js'));
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Bare SDK loop</title>' +
    '<script src="/bare-loop.js"></script></head><body>Bare SDK loop</body></html>';
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(html);
    } else if (path === '/bare-loop.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(script);
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(PORTS.bare, HOST, () => resolvePromise(server));
  });
}

async function buildBareLoop() {
  await viteBuild({
    configFile: false,
    root: process.cwd(),
    publicDir: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: BARE_DIR,
      emptyOutDir: true,
      lib: {
        entry: resolve('scripts/bench-bare-loop.js'),
        formats: ['iife'],
        name: 'benchBareLoop',
        fileName: () => 'bare-loop.js',
      },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Report.

function summarize(results) {
  const phases = results.phases.map((phase) => {
    const runs = phase.runs;
    const pick = (f) => median(runs.map(f));
    const s = {
      latencyMs: phase.latencyMs,
      firstRowMs: pick((r) => r.console.firstRowMs),
      allLoadedMs: pick((r) => r.console.allLoadedMs),
      reportedSeconds: pick((r) => r.console.reportedSeconds),
      bareNavMs: pick((r) => r.bare.navToDoneMs),
      bareLoopMs: pick((r) => r.bare.loopMs),
      bareQueryNavMs: pick((r) => r.bareQuery?.navToDoneMs),
      bareQueryLoopMs: pick((r) => r.bareQuery?.loopMs),
      vsBareQuery: pick((r) =>
        r.bareQuery ? r.console.allLoadedMs / r.bareQuery.navToDoneMs : undefined,
      ),
      cliMs: pick((r) => r.cli?.wallMs),
      vsBare: pick((r) => r.console.allLoadedMs / r.bare.navToDoneMs),
      reportedVsBareLoop: pick((r) =>
        r.console.reportedSeconds === undefined
          ? undefined
          : (r.console.reportedSeconds * 1000) / r.bare.loopMs,
      ),
      vsCli: pick((r) => (r.cli ? r.console.allLoadedMs / r.cli.wallMs : undefined)),
      longestTaskMs: pick((r) => r.console.longestTaskMs),
      longTasksOver50: pick((r) => r.console.longTasksOver50),
      heapUsedBytes: pick((r) => r.console.heapUsedBytes),
      quietAfterMs: pick((r) => r.console.quietAfterMs),
    };
    const names = runs[0]?.console.interactions?.map((i) => i.name) ?? [];
    s.interactions = names.map((name) => {
      const of = (f) =>
        median(runs.map((r) => r.console.interactions?.find((i) => i.name === name)).map(f));
      return {
        name,
        ms: of((i) => i?.ms),
        eventTimingMs: of((i) => i?.eventTimingMs),
        eventTimingReported: runs.filter(
          (r) => r.console.interactions?.find((i) => i.name === name)?.eventTimingMs !== undefined,
        ).length,
        toResultMs: of((i) => i?.toResultMs),
      };
    });
    return s;
  });
  return phases;
}

function printReport(results, summary) {
  const [p0, p40] = summary;
  const rows = [];
  const row = (measure, v0, v40, target = '', ok) =>
    rows.push([measure, v0, v40, target, verdict(ok)]);
  const size = results.build;
  row(
    'First-route JS (gzip)',
    kB(size.js.gzip),
    '',
    `≤ ${kB(TARGET.firstRouteJsGzip)}`,
    size.js.gzip <= TARGET.firstRouteJsGzip,
  );
  row('First-route CSS (gzip)', kB(size.css.gzip), '', '');
  row('Time to first row', ms(p0.firstRowMs), ms(p40.firstRowMs));
  row(`Load all → ${MAPPINGS_TEXT} shown`, ms(p0.allLoadedMs), ms(p40.allLoadedMs));
  row(
    '  app reports',
    p0.reportedSeconds === undefined ? 'n/a' : `${p0.reportedSeconds.toFixed(1)} s`,
    p40.reportedSeconds === undefined ? 'n/a' : `${p40.reportedSeconds.toFixed(1)} s`,
  );
  row('Bare SDK loop (header-signed), nav → done', ms(p0.bareNavMs), ms(p40.bareNavMs));
  row('  of which the page chain', ms(p0.bareLoopMs), ms(p40.bareLoopMs));
  row('Bare SDK loop (query-signed), nav → done', ms(p0.bareQueryNavMs), ms(p40.bareQueryNavMs));
  row('  of which the page chain', ms(p0.bareQueryLoopMs), ms(p40.bareQueryLoopMs));
  row('Load all ÷ header-signed bare loop', ratio(p0.vsBare), ratio(p40.vsBare));
  row(
    'Load all ÷ query-signed bare loop',
    ratio(p0.vsBareQuery),
    ratio(p40.vsBareQuery),
    `≤ ${TARGET.loadAllVsBare.toFixed(2)}×`,
    p0.vsBareQuery !== undefined && p40.vsBareQuery !== undefined
      ? p0.vsBareQuery <= TARGET.loadAllVsBare && p40.vsBareQuery <= TARGET.loadAllVsBare
      : undefined,
  );
  row('  app-reported ÷ page chain', ratio(p0.reportedVsBareLoop), ratio(p40.reportedVsBareLoop));
  if (results.awsCli) {
    row('AWS CLI, wall', ms(p0.cliMs), ms(p40.cliMs));
    row(
      'Load all ÷ AWS CLI',
      ratio(p0.vsCli),
      ratio(p40.vsCli),
      'stretch: < 1.00× at 40 ms',
      p40.vsCli === undefined ? undefined : p40.vsCli < 1,
    );
  } else {
    row('AWS CLI', 'not installed', 'not installed');
  }
  row('Longest task during Load all', ms(p0.longestTaskMs), ms(p40.longestTaskMs));
  row('  tasks > 50 ms', String(p0.longTasksOver50 ?? 'n/a'), String(p40.longTasksOver50 ?? 'n/a'));
  row('Page quiet (inventory done)', ms(p0.quietAfterMs), '');
  row(
    'JS heap after Load all (GC)',
    MB(p0.heapUsedBytes),
    '',
    `≤ ${MB(TARGET.heapBytes)}`,
    p0.heapUsedBytes === undefined ? undefined : p0.heapUsedBytes <= TARGET.heapBytes,
  );
  for (const i of p0.interactions) {
    const limit = i.name === 'filter keystroke' ? TARGET.keystrokeMs : TARGET.interactionMs;
    const et =
      i.eventTimingReported === 0
        ? 'ET < 16'
        : `ET ${ms(i.eventTimingMs)}${i.eventTimingReported < RUNS ? ` (${i.eventTimingReported}/${RUNS} runs ≥ 16)` : ''}`;
    row(
      `${i.name}`,
      `${ms(i.ms)} (${et}, paint ${ms(i.toResultMs)})`,
      '',
      `≤ ${limit} ms`,
      i.ms === undefined ? undefined : i.ms <= limit,
    );
  }

  const header = ['Measure', 'latency 0 ms', 'latency 40 ms', 'Target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  console.log('');
  console.log(
    `lambda-esm-console benchmark: ${MAPPINGS_TEXT} mappings, medians of ${RUNS} runs, ${results.environment.browser}, ${results.environment.cpus} cores`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log(
    'Times from navigation start to the first paint showing it, each page in a fresh context.',
  );
  console.log(
    'Ratios are taken within each run, then the median. Interactions at 0 ms once the page is quiet: the',
  );
  console.log(
    'larger of Event Timing (ET: input → next paint, from 16 ms) and input → expected UI painted.',
  );
  console.log('');
  console.log('Per run:');
  for (const phase of results.phases) {
    for (const [n, r] of phase.runs.entries()) {
      const c = r.console;
      const parts = [
        `first row ${ms(c.firstRowMs)}`,
        `all ${ms(c.allLoadedMs)} (app ${c.reportedSeconds?.toFixed(1) ?? 'n/a'} s, ${c.reportedPages ?? '?'} pages)`,
        `bare ${ms(r.bare.navToDoneMs)} (chain ${ms(r.bare.loopMs)})`,
        r.bareQuery ? `query-signed bare ${ms(r.bareQuery.navToDoneMs)}` : 'query-signed bare n/a',
        r.cli ? `CLI ${ms(r.cli.wallMs)}` : 'CLI n/a',
        `longest task ${ms(c.longestTaskMs)} (${c.longTasksOver50} > 50 ms)`,
      ];
      if (c.heapUsedBytes !== undefined) parts.push(`heap ${MB(c.heapUsedBytes)}`);
      if (c.quietAfterMs !== undefined) {
        const requests = Object.entries(c.requestsAfterLoadAll ?? {})
          .map(([operation, count]) => `${count} ${operation}`)
          .join(', ');
        parts.push(
          `quiet at ${ms(c.quietAfterMs)}${c.quiet ? '' : ' (not quiet: gave up)'} after ${requests || 'no requests'} following Load all`,
        );
      }
      console.log(`  ${phase.latencyMs} ms #${n + 1}: ${parts.join(', ')}`);
      for (const i of c.interactions ?? []) {
        console.log(
          `      ${i.name}: ${ms(i.ms)} (ET ${i.eventTimingMs === undefined ? '< 16' : ms(i.eventTimingMs)} ${i.eventNames.join('/')}; painted ${ms(i.toResultMs)}, its frame began ${ms(i.toFrameMs)} after ${i.startedFrom}; long tasks ${i.longTasks.join(', ') || 'none'} ms)`,
        );
      }
    }
  }
  const { commit, changedFiles } = results.environment;
  if (commit) {
    console.log(
      `\nMeasured ${commit.slice(0, 7)}${changedFiles?.length ? ` with ${changedFiles.length} uncommitted file(s) in the tree` : ''}.`,
    );
  }
  console.log(`JSON: ${RESULTS_FILE}`);
}

// ---------------------------------------------------------------------------------------------
// Main.

/** The commit measured and the files that differed from it (the working tree is shared). */
function gitState() {
  try {
    const git = (...args) =>
      execFileSync('git', args, { encoding: 'utf8', timeout: 10_000 }).trimEnd();
    return {
      commit: git('rev-parse', 'HEAD'),
      changedFiles: git('status', '--porcelain')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3)),
    };
  } catch {
    return {};
  }
}

async function main() {
  for (const [name, port] of Object.entries(PORTS)) {
    if (await portInUse(port)) throw new Error(`port ${port} (${name}) is in use`);
  }
  const results = {
    date: new Date().toISOString(),
    runs: RUNS,
    mappings: MAPPINGS,
    environment: { node: process.version, cpus: cpus().length, ...gitState() },
  };

  // 1. Build and bundle size.
  log(`vite build → ${DIST}`);
  await runToEnd(
    'npx',
    ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--manifest', '--logLevel', 'error'],
    TIMEOUT.build,
  );
  const size = firstRouteSize(DIST);
  results.build = {
    js: { gzip: size.js.gzip, raw: size.js.raw, files: size.js.files.length },
    css: { gzip: size.css.gzip, raw: size.css.raw, files: size.css.files.length },
    startModules: size.startModules,
    manifest: size.manifest,
  };
  log(`first-route JS ${kB(size.js.gzip)} gzip, CSS ${kB(size.css.gzip)} gzip`);
  log(`bare SDK loop → ${BARE_DIR}`);
  await within(TIMEOUT.build, 'bare loop build', buildBareLoop());

  // 2. Servers. The console's config: e2e/config.e2e.json pointed at this emulator (guest mode,
  // read-write); vite preview derives its CSP's connect-src from it.
  const e2eConfig = JSON.parse(readFileSync('e2e/config.e2e.json', 'utf8'));
  const configFile = join(workDir, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      ...e2eConfig,
      auth: { ...e2eConfig.auth, authority: `${emulatorUrl}/oidc`, guestAccess: 'read-write' },
      lambdaEndpoint: emulatorUrl,
      cognitoIdentityEndpoint: emulatorUrl,
    }),
  );
  const emulator = start('emulator', 'npx', [
    'tsx',
    'emulator/src/server.ts',
    '--port',
    String(PORTS.emulator),
    '--host',
    HOST,
    '--seed',
    `default:${MAPPINGS}`,
    '--guest-access',
    'read-write',
    '--latency-ms',
    '0',
  ]);
  const preview = start(
    'preview',
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      DIST,
      '--port',
      String(PORTS.console),
      '--strictPort',
      '--host',
      HOST,
    ],
    { ESM_CONSOLE_CONFIG: configFile },
  );
  const bareServer = await startBareServer();
  let browser;
  try {
    await Promise.all([
      waitForUrl(`${emulatorUrl}/_emulator/health`, emulator),
      waitForUrl(consoleUrl, preview),
    ]);
    const stats = await emulatorJson('/_emulator/stats?region=us-east-1');
    if (stats.mappings !== MAPPINGS) {
      throw new Error(`emulator has ${stats.mappings} mappings in us-east-1, expected ${MAPPINGS}`);
    }
    results.awsCli = await awsCliVersion();
    if (!results.awsCli) log('AWS CLI: not installed');

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      // Users' browsers keep the back/forward cache on (Playwright turns it off by default).
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    });
    results.environment.browser = `Chromium ${browser.version()} headless`;

    // 3. Phases.
    results.phases = [];
    for (const latencyMs of LATENCIES_MS) {
      const settings = await emulatorJson('/_emulator/settings', { latencyMs });
      if (settings.latencyMs !== latencyMs) throw new Error(`latencyMs is ${settings.latencyMs}`);
      if (latencyMs === LATENCIES_MS[0]) {
        log('warm-up (not counted): bare loop and console once');
        await measureBare(browser);
        await measureBare(browser, true);
        await measureConsole(browser, { details: false });
      }
      const phase = { latencyMs, runs: [] };
      for (let n = 0; n < RUNS; n += 1) {
        const bare = await measureBare(browser);
        const bareQuery = await measureBare(browser, true);
        const consoleRun = await measureConsole(browser, { details: latencyMs === 0 });
        const cli = results.awsCli ? await measureCli() : undefined;
        phase.runs.push({ bare, bareQuery, console: consoleRun, cli });
        log(
          `${latencyMs} ms run ${n + 1}/${RUNS}: first row ${ms(consoleRun.firstRowMs)}, all ${ms(consoleRun.allLoadedMs)}, bare ${ms(bare.navToDoneMs)} (query-signed ${ms(bareQuery.navToDoneMs)}), CLI ${cli ? ms(cli.wallMs) : 'n/a'}`,
        );
      }
      results.phases.push(phase);
    }
    await emulatorJson('/_emulator/settings', { latencyMs: 0 });
  } catch (error) {
    for (const entry of children) {
      const text = tail(entry.file);
      if (text) console.error(`--- ${entry.name} log (${entry.file}) ---\n${text}`);
    }
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    bareServer.closeAllConnections();
    await new Promise((r) => bareServer.close(r));
    await stopAll();
  }

  // 4. Report.
  const summary = summarize(results);
  results.summary = summary;
  results.targets = TARGET;
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  printReport(results, summary);
  // The servers' logs and the config are kept only when something failed.
  rmSync(workDir, { recursive: true, force: true });
}

const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${TIMEOUT.total} ms`);
  void stopAll().finally(() => process.exit(1));
}, TIMEOUT.total);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}
main().then(
  () => {
    clearTimeout(watchdog);
    process.exit(0);
  },
  async (error) => {
    clearTimeout(watchdog);
    console.error(`bench failed: ${error?.stack ?? error}\n(logs in ${workDir})`);
    await stopAll();
    process.exit(1);
  },
);
