import { parseArgs } from 'node:util';
import { MAX_CLOCK_OFFSET_SECONDS } from './domain/faults.ts';
import { DEFAULT_OPTIONS, type EmulatorOptions, MAX_LATENCY_MS } from './emulator-state.ts';
import { scaleSeedSize } from './seed.ts';

/**
 * Parses the command line into emulator options (emulator contract: `--port`, `--host`,
 * `--seed default|default:N|none|FILE.json` (`default:N`: the scale seed, N mappings, 1..50000),
 * `--transition-ms`, `--latency-ms` (0..10000: delay before every Lambda/Cognito response and
 * CORS preflight), the other faults — `--jitter-ms` (0..10000, uniform extra delay),
 * `--throttle-rate`, `--error-rate`, `--drop-rate` (0..1: 429 `TooManyRequestsException`, 500
 * `ServiceException`, connection destroyed), `--clock-offset-seconds` (-86400..86400) and
 * `--fault-seed` (0..4294967295) — `--identity-pool-id`, `--credentials-ttl-seconds`, `--account-id`,
 * `--allow-guest true|false`, `--guest-access read-only|read-write`, `--public-url`, `--test-user`, `--test-password`,
 * `--id-token-ttl-seconds`, `--oidc-redirect-uri` and `--oidc-post-logout-redirect-uri`, the last
 * two repeatable).
 * @param argv arguments after the script name.
 * @returns options with defaults applied for port and host.
 * @throws Error for unknown flags, invalid numbers (integers or rates out of range), booleans,
 *   URLs or emails, or a `default:N`
 *   seed with N outside 1..50000.
 */
export function parseCliOptions(
  argv: string[],
): Required<Pick<EmulatorOptions, 'port' | 'host'>> & EmulatorOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'transition-ms': { type: 'string' },
      'latency-ms': { type: 'string' },
      'jitter-ms': { type: 'string' },
      'throttle-rate': { type: 'string' },
      'error-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      'clock-offset-seconds': { type: 'string' },
      'fault-seed': { type: 'string' },
      'identity-pool-id': { type: 'string' },
      'credentials-ttl-seconds': { type: 'string' },
      'account-id': { type: 'string' },
      'allow-guest': { type: 'string' },
      'guest-access': { type: 'string' },
      'public-url': { type: 'string' },
      'test-user': { type: 'string' },
      'test-password': { type: 'string' },
      'id-token-ttl-seconds': { type: 'string' },
      'oidc-redirect-uri': { type: 'string', multiple: true },
      'oidc-post-logout-redirect-uri': { type: 'string', multiple: true },
    },
  });
  const int = (
    name: string,
    raw: string | undefined,
    min: number,
    max: number,
  ): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new Error(`--${name} must be an integer between ${min} and ${max}`);
    }
    return n;
  };
  const probability = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const n = raw.trim() === '' ? NaN : Number(raw);
    if (!(n >= 0 && n <= 1)) throw new Error(`--${name} must be a number between 0 and 1`);
    return n;
  };
  const accountId = values['account-id'];
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    throw new Error('--account-id must be 12 digits');
  }
  const host = values.host ?? DEFAULT_OPTIONS.host;
  // A stand-in for AWS with a static key pair must never be reachable from the network.
  if (!/^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/.test(host)) {
    throw new Error('--host must be a loopback address (127.x.x.x, ::1 or localhost)');
  }
  const options: Required<Pick<EmulatorOptions, 'port' | 'host'>> & EmulatorOptions = {
    port: int('port', values.port, 0, 65535) ?? DEFAULT_OPTIONS.port,
    host,
  };
  const transitionMs = int('transition-ms', values['transition-ms'], 0, 600_000);
  const latencyMs = int('latency-ms', values['latency-ms'], 0, MAX_LATENCY_MS);
  if (latencyMs !== undefined) options.latencyMs = latencyMs;
  const jitterMs = int('jitter-ms', values['jitter-ms'], 0, MAX_LATENCY_MS);
  if (jitterMs !== undefined) options.jitterMs = jitterMs;
  const throttleRate = probability('throttle-rate', values['throttle-rate']);
  if (throttleRate !== undefined) options.throttleRate = throttleRate;
  const errorRate = probability('error-rate', values['error-rate']);
  if (errorRate !== undefined) options.errorRate = errorRate;
  const dropRate = probability('drop-rate', values['drop-rate']);
  if (dropRate !== undefined) options.dropRate = dropRate;
  const clockOffset = int(
    'clock-offset-seconds',
    values['clock-offset-seconds'],
    -MAX_CLOCK_OFFSET_SECONDS,
    MAX_CLOCK_OFFSET_SECONDS,
  );
  if (clockOffset !== undefined) options.clockOffsetSeconds = clockOffset;
  const faultSeed = int('fault-seed', values['fault-seed'], 0, 0xffffffff);
  if (faultSeed !== undefined) options.faultSeed = faultSeed;
  const ttl = int('credentials-ttl-seconds', values['credentials-ttl-seconds'], 1, 43_200);
  if (values.seed !== undefined) {
    // `default:N` is checked here so that a bad N is a usage error, not a crash at start-up.
    try {
      scaleSeedSize(values.seed);
    } catch (err) {
      throw new Error(`--seed ${(err as Error).message.replace(/^Seed /, '')}`, { cause: err });
    }
    options.seed = values.seed;
  }
  if (transitionMs !== undefined) options.transitionMs = transitionMs;
  if (values['identity-pool-id'] !== undefined) options.identityPoolId = values['identity-pool-id'];
  if (ttl !== undefined) options.credentialsTtlSeconds = ttl;
  if (accountId !== undefined) options.accountId = accountId;

  const allowGuest = values['allow-guest'];
  if (allowGuest !== undefined) {
    if (allowGuest !== 'true' && allowGuest !== 'false') {
      throw new Error('--allow-guest must be true or false');
    }
    options.allowGuest = allowGuest === 'true';
  }
  const guestAccess = values['guest-access'];
  if (guestAccess !== undefined) {
    if (guestAccess !== 'read-only' && guestAccess !== 'read-write') {
      throw new Error('--guest-access must be read-only or read-write');
    }
    options.guestAccess = guestAccess;
  }
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined) {
    const url = httpUrl('public-url', publicUrl);
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
      throw new Error('--public-url must be an origin such as http://127.0.0.1:4599 (no path)');
    }
    options.publicUrl = url.origin;
  }
  const testUser = values['test-user'];
  if (testUser !== undefined) {
    if (!/^[^\s@]+@[^\s@]+$/.test(testUser))
      throw new Error('--test-user must be an email address');
    options.testUser = testUser;
  }
  const testPassword = values['test-password'];
  if (testPassword !== undefined) {
    if (testPassword === '') throw new Error('--test-password must not be empty');
    options.testPassword = testPassword;
  }
  const idTokenTtl = int('id-token-ttl-seconds', values['id-token-ttl-seconds'], 1, 86_400);
  if (idTokenTtl !== undefined) options.idTokenTtlSeconds = idTokenTtl;
  const redirects = values['oidc-redirect-uri'];
  if (redirects !== undefined) {
    options.oidcRedirectUris = redirects.map((u) => httpUrl('oidc-redirect-uri', u).href);
  }
  const logouts = values['oidc-post-logout-redirect-uri'];
  if (logouts !== undefined) {
    options.oidcPostLogoutRedirectUris = logouts.map(
      (u) => httpUrl('oidc-post-logout-redirect-uri', u).href,
    );
  }
  return options;
}

/** Parses an absolute http(s) URL given to `--<name>`. */
function httpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--${name} must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--${name} must be an absolute http(s) URL`);
  }
  return url;
}
