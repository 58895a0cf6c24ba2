import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, type EmulatorOptions } from './emulator-state.ts';

/**
 * Parses the command line into emulator options.
 * @param argv arguments after the script name.
 * @returns options with defaults applied for port and host.
 * @throws Error for unknown flags or invalid numbers.
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
      'identity-pool-id': { type: 'string' },
      'credentials-ttl-seconds': { type: 'string' },
      'account-id': { type: 'string' },
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
  const ttl = int('credentials-ttl-seconds', values['credentials-ttl-seconds'], 1, 43_200);
  if (values.seed !== undefined) options.seed = values.seed;
  if (transitionMs !== undefined) options.transitionMs = transitionMs;
  if (values['identity-pool-id'] !== undefined) options.identityPoolId = values['identity-pool-id'];
  if (ttl !== undefined) options.credentialsTtlSeconds = ttl;
  if (accountId !== undefined) options.accountId = accountId;
  return options;
}
