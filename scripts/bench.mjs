/* global document */
// `npm run bench`: measures what a user waits for, in Debian's Chromium against the local emulator
// (default seed), on the production build, and the production bundle size.
//   - time to first row: navigation start → first data row of the mappings table visible;
//   - time to load all: click "Load all" → every seeded mapping is a row in the table.
// Prints medians over RUNS runs (env BENCH_RUNS, default 5), each in a fresh browser context.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EMULATOR_PORT = 4640;
const CONSOLE_PORT = 4193;
const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
const consoleUrl = `http://127.0.0.1:${CONSOLE_PORT}/`;
const children = [];

function run(cmd, args, env = {}) {
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  });
  children.push(child);
  return child;
}
function stopAll() {
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopAll);
async function waitFor(url) {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not up: ${url}`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

// 1. Production build and bundle sizes.
await new Promise((resolve, reject) =>
  spawn('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' }).on('exit', (code) =>
    code === 0 ? resolve() : reject(new Error(`vite build exited ${code}`)),
  ),
);
const sizes = { js: [0, 0], css: [0, 0] };
for (const file of readdirSync('dist/assets')) {
  const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
  if (!kind) continue;
  const bytes = readFileSync(join('dist/assets', file));
  sizes[kind][0] += bytes.length;
  sizes[kind][1] += gzipSync(bytes, { level: 9 }).length;
}

// 2. Emulator + preview of the build with a config pointing at it. Guest mode (the emulator
// allows read-only guests by default): the measurement is the data path, not the sign-in form.
const configFile = join(mkdtempSync(join(tmpdir(), 'esm-bench-')), 'config.json');
const publicConfig = JSON.parse(readFileSync('public/config.json', 'utf8'));
writeFileSync(
  configFile,
  JSON.stringify({
    ...publicConfig,
    auth: { ...publicConfig.auth, mode: 'guest', authority: `${emulatorUrl}/oidc` },
    lambdaEndpoint: emulatorUrl,
    cognitoIdentityEndpoint: emulatorUrl,
  }),
);
run('npx', ['tsx', 'emulator/src/server.ts', '--port', String(EMULATOR_PORT), '--seed', 'default']);
run('npx', ['vite', 'preview', '--port', String(CONSOLE_PORT), '--strictPort'], {
  ESM_CONSOLE_CONFIG: configFile,
});
await Promise.all([waitFor(`${emulatorUrl}/_emulator/health`), waitFor(consoleUrl)]);
const stats = await (await fetch(`${emulatorUrl}/_emulator/stats?region=us-east-1`)).json();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const firstRow = [];
const loadAll = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const table = page.getByRole('table', { name: /Event source mappings/ });
    const rows = table.getByRole('row').filter({ has: page.getByRole('link') });
    const t0 = Date.now();
    await page.goto(consoleUrl);
    await rows.first().waitFor({ state: 'visible', timeout: 60_000 });
    firstRow.push(Date.now() - t0);
    const t1 = Date.now();
    await page.getByRole('button', { name: 'Load all' }).click();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('table[aria-label*="Event source mappings"] tbody tr a').length >=
        n,
      stats.mappings,
      { timeout: 120_000, polling: 50 },
    );
    loadAll.push(Date.now() - t1);
    await context.close();
  }
} finally {
  await browser.close();
  stopAll();
}

console.log(`lambda-esm-console benchmark (${RUNS} runs, Chromium headless, 2-core machine)`);
console.log(`  seeded mappings:          ${stats.mappings}`);
console.log(
  `  time to first row:        median ${median(firstRow)} ms  (runs: ${firstRow.join(', ')})`,
);
console.log(
  `  time to load all ${stats.mappings}:    median ${median(loadAll)} ms  (runs: ${loadAll.join(', ')})`,
);
console.log(`  bundle JS:                ${kB(sizes.js[0])} raw, ${kB(sizes.js[1])} gzip`);
console.log(`  bundle CSS:               ${kB(sizes.css[0])} raw, ${kB(sizes.css[1])} gzip`);
process.exit(0);
