// `npm start`: the local emulator (seeded with the default data set, us-east-1 and eu-west-1) and
// the console's dev server, then a banner with the URL to open. Ctrl-C stops both.
//
// Modes (README "Sign-in modes"):
//   npm start                  signed-in: the console asks for sign-in (the emulator's test user,
//                              printed in the banner); the identity pool refuses guests, as the
//                              deployed stack does by default.
//   npm start -- --guest       guest (or ESM_AUTH=guest): read-only guest credentials without
//                              sign-in, as a stack deployed with -c allowGuest=true; signing in
//                              from the header still gives write access.
// The dev server is given a config.json for the mode in a temporary file (ESM_CONSOLE_CONFIG);
// public/config.json (signed-in, emulator on 4599) stays as it is.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import concurrently from 'concurrently';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--guest' && arg !== '--signed-in');
if (unknown.length > 0) {
  console.error(`Unknown option(s): ${unknown.join(' ')}. Use --guest or --signed-in.`);
  process.exit(2);
}
const envMode = process.env.ESM_AUTH;
if (envMode !== undefined && envMode !== 'guest' && envMode !== 'signed-in') {
  console.error(`ESM_AUTH must be "guest" or "signed-in", not ${JSON.stringify(envMode)}`);
  process.exit(2);
}
const mode = args.includes('--guest')
  ? 'guest'
  : args.includes('--signed-in')
    ? 'signed-in'
    : (envMode ?? 'signed-in');

const EMULATOR_PORT = Number(process.env.EMULATOR_PORT ?? 4599);
const CONSOLE_PORT = Number(process.env.CONSOLE_PORT ?? 5173);
const TEST_USER = 'alice@example.com';
const TEST_PASSWORD = 'Passw0rd!';
const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
const consoleUrl = `http://127.0.0.1:${CONSOLE_PORT}/`;

const config = JSON.parse(readFileSync('public/config.json', 'utf8'));
const configFile = join(mkdtempSync(join(tmpdir(), 'esm-console-')), 'config.json');
writeFileSync(
  configFile,
  JSON.stringify(
    {
      ...config,
      auth: { ...config.auth, mode, authority: `${emulatorUrl}/oidc` },
      lambdaEndpoint: emulatorUrl,
      cognitoIdentityEndpoint: emulatorUrl,
    },
    null,
    2,
  ),
);

// The emulator accepts sign-in redirects to ports 5173/4173/4183 by default; another console
// port must be registered (both host names, as the defaults are).
const redirectFlags =
  CONSOLE_PORT === 5173
    ? []
    : ['127.0.0.1', 'localhost'].flatMap((host) => [
        `--oidc-redirect-uri http://${host}:${CONSOLE_PORT}/auth/callback`,
        `--oidc-post-logout-redirect-uri http://${host}:${CONSOLE_PORT}/`,
      ]);
const emulatorFlags = [
  `--port ${EMULATOR_PORT}`,
  `--seed ${process.env.EMULATOR_SEED ?? 'default'}`,
  `--test-user ${TEST_USER}`,
  `--test-password '${TEST_PASSWORD}'`,
  mode === 'guest' ? '--allow-guest true --guest-access read-only' : '--allow-guest false',
  ...redirectFlags,
];

const { result, commands } = concurrently(
  [
    {
      name: 'emulator',
      command: `node node_modules/tsx/dist/cli.mjs emulator/src/server.ts ${emulatorFlags.join(' ')}`,
      prefixColor: 'cyan',
    },
    {
      name: 'console',
      command: `node node_modules/vite/bin/vite.js --port ${CONSOLE_PORT} --strictPort --host 127.0.0.1`,
      prefixColor: 'magenta',
      env: { ESM_CONSOLE_CONFIG: configFile },
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
  const how =
    mode === 'signed-in'
      ? [
          `  Mode: signed-in. Sign in with the test user:`,
          `    Username  ${TEST_USER}`,
          `    Password  ${TEST_PASSWORD}`,
          `  (guest mode: npm start -- --guest)`,
        ]
      : [
          `  Mode: guest (read-only without sign-in). Sign in from the header for write access:`,
          `    Username  ${TEST_USER}`,
          `    Password  ${TEST_PASSWORD}`,
          `  (signed-in mode: npm start)`,
        ];
  console.log(
    [
      '',
      `  lambda-esm-console is running on the local Lambda emulator (${emulatorUrl})`,
      `  Open ${consoleUrl}`,
      ...how,
      '',
    ].join('\n'),
  );
} catch (err) {
  console.error(String(err));
  for (const c of commands) c.kill();
}

result.catch(() => {
  process.exitCode = 1;
});
