// `npm start`: the local emulator (seeded with the default data set) and the console's dev server,
// then one line with the URL to open. Ctrl-C stops both.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import concurrently from 'concurrently';

const EMULATOR_PORT = Number(process.env.EMULATOR_PORT ?? 4599);
const CONSOLE_PORT = Number(process.env.CONSOLE_PORT ?? 5173);
const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
const consoleUrl = `http://127.0.0.1:${CONSOLE_PORT}/`;

// public/config.json points at the emulator's default port; another port gets its own copy.
const consoleEnv = {};
if (EMULATOR_PORT !== 4599) {
  const config = JSON.parse(readFileSync('public/config.json', 'utf8'));
  const file = join(mkdtempSync(join(tmpdir(), 'esm-console-')), 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      lambdaEndpoint: emulatorUrl,
      cognitoIdentityEndpoint: emulatorUrl,
    }),
  );
  consoleEnv.ESM_CONSOLE_CONFIG = file;
}

const { result, commands } = concurrently(
  [
    {
      name: 'emulator',
      command: `npm run --silent emulator -- --port ${EMULATOR_PORT} --seed ${process.env.EMULATOR_SEED ?? 'default'}`,
      prefixColor: 'cyan',
    },
    {
      name: 'console',
      command: `npx vite --port ${CONSOLE_PORT} --strictPort --host 127.0.0.1`,
      prefixColor: 'magenta',
      env: consoleEnv,
    },
  ],
  { killOthersOn: ['failure', 'success'], prefix: 'name' },
);

async function waitFor(url, what) {
  for (let i = 0; i < 600; i += 1) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start at ${url}`);
}

try {
  await Promise.all([
    waitFor(`${emulatorUrl}/_emulator/health`, 'The emulator'),
    waitFor(consoleUrl, 'The console'),
  ]);
  console.log(
    `\n  lambda-esm-console is running on the local Lambda emulator (${emulatorUrl})\n  Open ${consoleUrl}\n`,
  );
} catch (err) {
  console.error(String(err));
  for (const c of commands) c.kill();
}

result.catch(() => {
  process.exitCode = 1;
});
