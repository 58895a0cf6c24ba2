import { z } from 'zod/mini';

// zod/mini registers no locale, so messages that are not written below (a missing field, an
// unknown key) would read "Invalid input"; English gives the same messages as full zod. The mini
// build keeps the start-up download small (full zod is only in the mapping form's lazy chunk).
z.config(z.locales.en());

/**
 * AWS region code, e.g. `us-east-1`, `us-gov-west-1`, `cn-north-1`.
 * Same shape as the region part of Lambda's FunctionArn pattern (reference §2).
 */
const regionSchema = z
  .string()
  .check(
    z.regex(
      /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/,
      'must be an AWS region code such as us-east-1',
    ),
  );

/** An absolute http(s) URL without query or fragment, used as an SDK `endpoint`. */
const endpointSchema = z
  // abort: the checks below (and the auth block's issuer check) read the value as a URL.
  .url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL', abort: true })
  .check(
    z.refine((value) => !value.includes('?') && !value.includes('#'), {
      error: 'must not contain a query string or fragment',
    }),
  );

/** The path of a URL, or undefined when `value` is not one. */
function pathOfUrl(value: string): string | undefined {
  try {
    return new URL(value).pathname;
  } catch {
    return undefined;
  }
}

/** Host names for which a plain-http OIDC authority is accepted (the local emulator). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The OpenID Connect issuer: https, or http on a loopback host only (tokens must not cross a
 * network in clear text; the local emulator is `http://127.0.0.1:<port>/oidc`).
 */
const authoritySchema = endpointSchema.check(
  z.refine((value) => value.startsWith('https://') || LOOPBACK_HOSTS.has(new URL(value).hostname), {
    error: 'must be an https:// URL (http:// only for 127.0.0.1 or localhost)',
  }),
);

/**
 * How the console gets AWS credentials (see {@link runtimeConfigSchema}). The same two values as
 * infra's `AuthMode` (infra/lib/runtime-config.ts).
 */
export const authModeSchema = z.enum(['guest', 'signed-in'], {
  error: 'must be "guest" or "signed-in"',
});

/**
 * What the identity pool's guest (unauthenticated) role may do: `read-only` (the deployed stack's
 * guest role: Get/List calls only) or `read-write` (a local emulator run with
 * `--guest-access read-write`). The console disables write actions for guests unless `read-write`.
 */
export const guestAccessSchema = z.enum(['read-only', 'read-write'], {
  error: 'must be "read-only" or "read-write"',
});

/** `read-only` or `read-write` (see {@link guestAccessSchema}). */
export type GuestAccess = z.output<typeof guestAccessSchema>;

/**
 * The `auth` block: the user pool the console signs in with (OpenID Connect authorization code +
 * PKCE, public client).
 *
 * - `mode`: `signed-in` — nothing is shown before sign-in; `guest` — the identity pool's
 *   unauthenticated (read-only) role until the user signs in.
 * - `userPoolId`: Cognito user pool id `<region>_<id>` (Cognito model: 1..55 chars,
 *   `[\w-]+_[0-9a-zA-Z]+`); absent for other OpenID Connect providers such as the local emulator.
 *   When present, `authority` must be the pool's issuer (its path is `/<userPoolId>`).
 * - `userPoolClientId`: the app client id (Cognito model: 1..128 chars, `[\w+]+`; the emulator's
 *   `esm-console-local` has hyphens, so hyphens are accepted too).
 * - `authority`: the OIDC issuer, e.g. `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`;
 *   discovery is read from `<authority>/.well-known/openid-configuration`, and the identity pool
 *   `Logins` key is the authority without its scheme (`src/features/auth/logins.ts`).
 * - `guestAccess`: what guests may do (see {@link guestAccessSchema}); absent means `read-only`.
 */
export const authConfigSchema = z
  .strictObject({
    mode: authModeSchema,
    userPoolId: z.optional(
      z
        .string()
        .check(
          z.maxLength(55, 'must be at most 55 characters'),
          z.regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must look like us-east-1_AbCdEfGhI'),
        ),
    ),
    userPoolClientId: z
      .string()
      .check(
        z.minLength(1, { error: 'must not be empty', abort: true }),
        z.maxLength(128, 'must be at most 128 characters'),
        z.regex(/^[\w+-]+$/, 'must be letters, digits, _, + or -'),
      ),
    authority: authoritySchema,
    guestAccess: z.optional(guestAccessSchema),
  })
  .check(
    z.refine(
      (auth) =>
        auth.userPoolId === undefined ||
        // undefined: not a URL, which the authority's own check already says.
        (pathOfUrl(auth.authority)?.replace(/\/$/, '') ?? `/${auth.userPoolId}`) ===
          `/${auth.userPoolId}`,
      { error: 'must be the user pool’s issuer, ending in /<userPoolId>', path: ['authority'] },
    ),
  );

/**
 * The console's runtime configuration, read from `/config.json` at start-up so that one build
 * deploys anywhere. The deployed file is generated by infra (`infra/lib/runtime-config.ts`, which
 * an infra test runs through {@link parseRuntimeConfig}); local files point at the emulator.
 *
 * - `region`: the region shown first (and the only one unless `regions` is given).
 * - `regions`: every region the console may switch to (distinct, including `region`); the
 *   selected one is kept in the URL (`?region=`).
 * - `identityPoolId`: Cognito identity pool that hands out credentials,
 *   `<region>:<guid>` (Cognito Identity model: 1..55 chars, pattern `[\w-]+:[0-9a-f-]+`).
 * - `auth`: sign-in settings and mode (see {@link authConfigSchema}).
 * - `lambdaEndpoint` / `cognitoIdentityEndpoint`: optional endpoint overrides (the local emulator,
 *   which serves every region on one origin); when absent the SDK uses the public AWS endpoints.
 */
export const runtimeConfigSchema = z
  .strictObject({
    region: regionSchema,
    regions: z.optional(
      z.array(regionSchema).check(
        z.minLength(1, { error: 'must list at least one region', abort: true }),
        z.refine((regions) => new Set(regions).size === regions.length, {
          error: 'must not list a region twice',
        }),
      ),
    ),
    identityPoolId: z
      .string()
      .check(
        z.maxLength(55, 'must be at most 55 characters'),
        z.regex(
          /^[\w-]+:[0-9a-f-]+$/,
          'must look like us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
        ),
      ),
    auth: authConfigSchema,
    lambdaEndpoint: z.optional(endpointSchema),
    cognitoIdentityEndpoint: z.optional(endpointSchema),
  })
  .check(
    z.refine((config) => config.regions === undefined || config.regions.includes(config.region), {
      error: 'must include the default region',
      path: ['regions'],
    }),
  );

/** Validated runtime configuration (see {@link runtimeConfigSchema}). */
export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;

/** The validated `auth` block (see {@link authConfigSchema}). */
export type AuthConfig = RuntimeConfig['auth'];

/** `guest` or `signed-in` (see {@link authConfigSchema}). */
export type AuthMode = AuthConfig['mode'];

/**
 * The regions the console offers, default region first.
 * @param config validated configuration.
 * @returns `config.regions` with `config.region` moved to the front, or `[config.region]`.
 */
export function configuredRegions(config: Pick<RuntimeConfig, 'region' | 'regions'>): string[] {
  return [config.region, ...(config.regions ?? []).filter((r) => r !== config.region)];
}

/**
 * Why the configuration could not be used: where it was read from and one human-readable line
 * per problem (e.g. `region: must be an AWS region code such as us-east-1`).
 */
export class ConfigError extends Error {
  /**
   * @param source the URL the configuration was read from.
   * @param problems one line per problem, shown as a list on the config-error page.
   */
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration in ${source}: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The runtime configuration could not be downloaded (no answer: offline, a dropped connection; or
 * a 5xx from the site): nothing is known to be wrong with the file, so the console offers to try
 * again instead of reporting an invalid configuration.
 */
export class ConfigUnavailableError extends Error {
  /**
   * @param source the URL the configuration was read from.
   * @param reason why, e.g. `Failed to fetch` or `HTTP 503`.
   */
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source} could not be downloaded: ${reason}`);
    this.name = 'ConfigUnavailableError';
  }
}

/** What a JSON value is, for a message: `a string`, `a number`, `an array`, `null`… */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** A JSON type zod names (`string`, `object`, `array`…) with its article, as {@link kindOf}. */
function expectedKind(expected: string): string {
  if (expected === 'object') return 'a JSON object';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * A path into config.json as its reader writes it: `auth.authority`, `regions[1]`; empty for the
 * whole file.
 */
function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** The value at `path` in `root`, and whether its parent has the key at all. */
function valueAt(
  root: unknown,
  path: readonly PropertyKey[],
): { present: boolean; value: unknown } {
  let value: unknown = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) {
      return { present: false, value: undefined };
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value };
}

/** The keys each object of config.json allows, by its JSON path (for unknown-key messages). */
const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(runtimeConfigSchema.shape),
  auth: Object.keys(authConfigSchema.shape),
};

/**
 * The problems of a config.json zod refused, one line per JSON path, each mistake once: a missing
 * member says it is required, a member of the wrong type says what it must be (not the checks of
 * that type as well), an unknown key is named by its own path with the keys allowed there, and
 * the failed checks of one member are one line (`regions: must not list a region twice, and must
 * include the default region`).
 * @param issues zod's issues, in its order.
 * @param value the parsed JSON that was validated.
 * @returns e.g. `region: is required`, `identityPoolId: must be a string, not a number`,
 *   `bogus: is not a known key (allowed: region, regions, …)`; a problem of the whole file has
 *   no path (`must be a JSON object, not an array`).
 */
export function describeConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  value: unknown,
): string[] {
  const byPath = new Map<string, { kind: 'type' | 'checks'; messages: string[] }>();
  const add = (path: string, kind: 'type' | 'checks', message: string) => {
    const entry = byPath.get(path);
    if (!entry) byPath.set(path, { kind, messages: [message] });
    else if (kind === 'type' && entry.kind !== 'type')
      byPath.set(path, { kind, messages: [message] });
    else if (entry.kind !== 'type' && !entry.messages.includes(message))
      entry.messages.push(message);
  };
  for (const issue of issues) {
    const path = jsonPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = KNOWN_KEYS[path];
      for (const key of issue.keys) {
        add(
          jsonPath([...issue.path, key]),
          'type',
          `is not a known key${allowed ? ` (allowed: ${allowed.join(', ')})` : ''}`,
        );
      }
    } else if (issue.code === 'invalid_type') {
      const found = valueAt(value, issue.path);
      add(
        path,
        'type',
        found.present
          ? `must be ${expectedKind(issue.expected)}, not ${kindOf(found.value)}`
          : 'is required',
      );
    } else {
      add(path, 'checks', issue.message);
    }
  }
  return [...byPath].map(([path, { messages }]) => {
    const text = messages.join(', and ');
    return path === '' ? text : `${path}: ${text}`;
  });
}

/**
 * Validates an already parsed configuration object.
 * @param value anything (the parsed JSON).
 * @param source where it came from, for the error message.
 * @returns the validated {@link RuntimeConfig}.
 * @throws ConfigError listing every problem once, by JSON path ({@link describeConfigIssues};
 *   unknown keys included, so typos are caught).
 */
export function parseRuntimeConfig(value: unknown, source: string): RuntimeConfig {
  const result = runtimeConfigSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ConfigError(source, describeConfigIssues(result.error.issues, value));
}

/**
 * Fetches and validates the runtime configuration.
 * @param url where to read it from (normally `${BASE_URL}config.json`).
 * @param fetchImpl injectable `fetch` (tests).
 * @returns the validated configuration.
 * @throws ConfigUnavailableError when there is no answer or the site answers 5xx (try again);
 *   ConfigError when the file is missing (other 4xx), not JSON, or invalid.
 */
export async function loadRuntimeConfig(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store' });
  } catch (error) {
    throw new ConfigUnavailableError(url, error instanceof Error ? error.message : String(error));
  }
  if (response.status >= 500) throw new ConfigUnavailableError(url, `HTTP ${response.status}`);
  if (!response.ok) {
    throw new ConfigError(url, [`could not be fetched: HTTP ${response.status}`]);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(url, [
      `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  return parseRuntimeConfig(json, url);
}
