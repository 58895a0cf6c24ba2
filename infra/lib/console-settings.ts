import { awsEndpointOrigins } from './content-security-policy.ts';

/** Everything the stack needs to know that is not derived from its own resources. */
export interface ConsoleSettings {
  /** Region of the stack: hosts the bucket, user pool and identity pool; the console's default. */
  readonly region: string;
  /** Regions whose mappings the console may manage (first is `region`), deduplicated. */
  readonly regions: readonly string[];
  /** Whether the identity pool hands out the read-only guest role without sign-in. */
  readonly allowGuest: boolean;
  /**
   * Prefix of the Cognito hosted UI domain (`<prefix>.auth.<region>.amazoncognito.com`).
   * Undefined: the stack uses `lambda-esm-console-<account id>`.
   */
  readonly domainPrefix?: string;
  /** Directory of the production build to deploy (must contain index.html). */
  readonly siteAssetPath: string;
  /**
   * More console base URLs besides the site's own, e.g. `http://localhost:5173/` (`npm run dev`
   * against the deployed pool): each is registered as a sign-out URL, and `<url>auth/callback` as
   * a sign-in callback URL.
   */
  readonly extraCallbackUrls: readonly string[];
  /** ARN of an AWS WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach to the distribution. */
  readonly webAclArn?: string;
  /** Custom domain name for the site; needs `certificateArn`. */
  readonly domainName?: string;
  /** ACM certificate (us-east-1) covering `domainName`. */
  readonly certificateArn?: string;
}

/** Reads one CDK context value (`app.node.tryGetContext`). */
export type ContextReader = (key: string) => unknown;

/**
 * Cognito domain prefix rules: lowercase letters, digits and hyphens, 1..63 characters, no
 * leading/trailing hyphen, and no reserved words `aws`, `amazon`, `cognito`
 * (Cognito developer guide, "Using the Amazon Cognito prefix domain").
 */
const DOMAIN_PREFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_DOMAIN_WORDS = ['aws', 'amazon', 'cognito'];

function stringValue(read: ContextReader, key: string): string | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context "${key}" must be a string`);
  return value.trim();
}

function listValue(read: ContextReader, key: string): string[] {
  const value = read(key);
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (items === null || items.some((item) => typeof item !== 'string')) {
    throw new Error(`Context "${key}" must be a comma-separated string or a list of strings`);
  }
  return (items as string[]).map((item) => item.trim()).filter((item) => item !== '');
}

function booleanValue(read: ContextReader, key: string): boolean {
  const value = read(key);
  if (value === undefined || value === null || value === '') return false;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`Context "${key}" must be true or false, got ${JSON.stringify(value)}`);
}

/**
 * Turns CDK context flags (`-c key=value` or cdk.json) into {@link ConsoleSettings}.
 *
 * Flags: `region` (default `defaults.region`), `regions` (comma list, default the stack region;
 * the stack region is always first), `allowGuest` (`true`/`false`, default false),
 * `domainPrefix`, `siteAssetPath` (default `defaults.siteAssetPath`), `callbackUrls` (extra console
 * base URLs for OAuth callbacks and sign-out, comma list), `webAclArn`, `domainName` + `certificateArn`.
 *
 * @param read reads one context value.
 * @param defaults the region to use when `region` is not set (the CLI's `CDK_DEFAULT_REGION`) and
 *   the default build directory.
 * @returns validated settings.
 * @throws Error naming the flag when a value is malformed: a region that is not a region code, a
 *   bad domain prefix, a non-https callback URL (http is allowed for localhost only, as Cognito
 *   requires), `domainName` without `certificateArn` or the reverse.
 */
export function readConsoleSettings(
  read: ContextReader,
  defaults: { readonly region: string; readonly siteAssetPath: string },
): ConsoleSettings {
  const region = stringValue(read, 'region') ?? defaults.region;
  const regions = [...new Set([region, ...listValue(read, 'regions')])];
  // Validates every region code (throws with the offending value).
  regions.forEach(awsEndpointOrigins);

  const domainPrefix = stringValue(read, 'domainPrefix');
  if (domainPrefix !== undefined) {
    if (!DOMAIN_PREFIX_PATTERN.test(domainPrefix)) {
      throw new Error(
        `Context "domainPrefix" must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen: ${JSON.stringify(domainPrefix)}`,
      );
    }
    const reserved = RESERVED_DOMAIN_WORDS.find((word) => domainPrefix.includes(word));
    if (reserved !== undefined) {
      throw new Error(
        `Context "domainPrefix" must not contain "${reserved}" (Cognito reserves it)`,
      );
    }
  }

  const extraCallbackUrls = listValue(read, 'callbackUrls');
  for (const url of extraCallbackUrls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`Context "callbackUrls" has an invalid URL: ${JSON.stringify(url)}`);
    }
    const localhost = parsed.hostname === 'localhost';
    if (parsed.protocol !== 'https:' && !(localhost && parsed.protocol === 'http:')) {
      throw new Error(
        `Context "callbackUrls": Cognito accepts https URLs, or http only for localhost: ${JSON.stringify(url)}`,
      );
    }
  }

  const domainName = stringValue(read, 'domainName');
  const certificateArn = stringValue(read, 'certificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('Context "domainName" and "certificateArn" must be given together');
  }

  return {
    region,
    regions,
    allowGuest: booleanValue(read, 'allowGuest'),
    domainPrefix,
    siteAssetPath: stringValue(read, 'siteAssetPath') ?? defaults.siteAssetPath,
    extraCallbackUrls,
    webAclArn: stringValue(read, 'webAclArn'),
    domainName,
    certificateArn,
  };
}
