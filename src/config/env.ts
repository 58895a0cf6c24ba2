import { z } from 'zod';

/**
 * AWS region code, e.g. `us-east-1`, `us-gov-west-1`, `cn-north-1`.
 * Same shape as the region part of Lambda's FunctionArn pattern (reference §2).
 */
const regionSchema = z
  .string()
  .regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, 'must be an AWS region code such as us-east-1');

/** An absolute http(s) URL without query or fragment, used as an SDK `endpoint`. */
const endpointSchema = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' })
  .refine((value) => !value.includes('?') && !value.includes('#'), {
    error: 'must not contain a query string or fragment',
  });

/**
 * The console's runtime configuration, read from `/config.json` at start-up so that one build
 * deploys anywhere.
 *
 * - `region`: the Lambda region whose mappings are shown.
 * - `identityPoolId`: Cognito identity pool that hands out guest credentials,
 *   `<region>:<guid>` (Cognito Identity model: 1..55 chars, pattern `[\w-]+:[0-9a-f-]+`).
 * - `lambdaEndpoint` / `cognitoIdentityEndpoint`: optional endpoint overrides (the local emulator);
 *   when absent the SDK uses the public AWS endpoints for the region.
 */
export const runtimeConfigSchema = z.strictObject({
  region: regionSchema,
  identityPoolId: z
    .string()
    .max(55, 'must be at most 55 characters')
    .regex(/^[\w-]+:[0-9a-f-]+$/, 'must look like us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b'),
  lambdaEndpoint: endpointSchema.optional(),
  cognitoIdentityEndpoint: endpointSchema.optional(),
});

/** Validated runtime configuration (see {@link runtimeConfigSchema}). */
export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;

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
 * Validates an already parsed configuration object.
 * @param value anything (the parsed JSON).
 * @param source where it came from, for the error message.
 * @returns the validated {@link RuntimeConfig}.
 * @throws ConfigError listing every problem (unknown keys included, so typos are caught).
 */
export function parseRuntimeConfig(value: unknown, source: string): RuntimeConfig {
  const result = runtimeConfigSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ConfigError(
    source,
    result.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  );
}

/**
 * Fetches and validates the runtime configuration.
 * @param url where to read it from (normally `${BASE_URL}config.json`).
 * @param fetchImpl injectable `fetch` (tests).
 * @returns the validated configuration.
 * @throws ConfigError when the file cannot be fetched, is not JSON, or is invalid.
 */
export async function loadRuntimeConfig(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store' });
  } catch (error) {
    throw new ConfigError(url, [
      `could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
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
