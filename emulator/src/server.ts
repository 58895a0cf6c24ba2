/**
 * CLI entry: `npm run emulator -- [--port 4599] [--host 127.0.0.1]
 * [--seed default|default:N|none|FILE.json] [--transition-ms 1500] [--latency-ms 0]
 * [--jitter-ms 0] [--throttle-rate 0] [--error-rate 0] [--drop-rate 0]
 * [--clock-offset-seconds=0] [--fault-seed 1]
 * [--identity-pool-id …] [--credentials-ttl-seconds 3600] [--account-id …]
 * [--allow-guest true|false] [--guest-access read-only|read-write] [--public-url http://127.0.0.1:4599] [--test-user alice@example.com]
 * [--test-password …] [--id-token-ttl-seconds 3600] [--oidc-redirect-uri URL]…
 * [--oidc-post-logout-redirect-uri URL]…` (see `cli-options.ts`).
 * Prints `Lambda emulator listening on http://<host>:<port>` once ready, then one line about the
 * local user pool (issuer, client id, test user, whether guests are allowed).
 */
import { buildApp } from './app.ts';
import { parseCliOptions } from './cli-options.ts';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  let app;
  try {
    app = buildApp(options);
  } catch (err) {
    // A bad seed file: its message names the file and the member; a stack trace would not help.
    console.error((err as Error).message);
    process.exit(1);
  }
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  console.log(`Lambda emulator listening on http://${options.host}:${port}`);
  const { userPool, allowGuest, guestAccess } = app.emulator;
  console.log(
    `Local user pool (OIDC) issuer ${userPool.issuer}: client ${userPool.settings.clientId}, test user ${userPool.user.username}; guests ${allowGuest ? `allowed (${guestAccess})` : 'refused'}`,
  );
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
