// The one definition of the console's Content-Security-Policy. Both the CloudFront response
// headers policy (infra/lib/console-stack.ts) and `vite preview` (vite.config.ts, through
// infra/lib/preview-security-headers.ts) build their header here, so the e2e suite runs under
// the policy that production serves. Keep this module free of dependencies (not even node:*):
// vite.config.ts and the CDK app both import it.

/**
 * AWS region code such as `us-east-1`, `us-gov-west-1` or `cn-north-1` (same shape the console's
 * runtime config accepts). ISO partitions are left out: their endpoints use other DNS suffixes.
 */
const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/**
 * A CSP host source we are willing to emit: `http(s)://host[:port]`, no path, and none of the
 * characters that would end the directive or the header (`;`, `,`, quotes, whitespace).
 * Deploy-time CDK tokens (`${Token[…]}`) inside the host pass, on purpose.
 */
const ORIGIN_PATTERN = /^https?:\/\/[^\s;,'"/]+$/;

/**
 * Longest Content-Security-Policy value CloudFront accepts in a response headers policy
 * (CloudFront quotas, "Response headers policies": 1783 characters; longer values fail with
 * `TooLongCSPInResponseHeadersPolicy`).
 */
export const CLOUDFRONT_CSP_MAX_LENGTH = 1783;

/** Inputs of {@link buildContentSecurityPolicy}. */
export interface ContentSecurityPolicyOptions {
  /**
   * Regions whose public Lambda, Cognito Identity and Cognito user-pool (`cognito-idp`) endpoints
   * the console may call, e.g. `['us-east-1', 'eu-west-1']`. At least one.
   */
  readonly regions: readonly string[];
  /**
   * Origin of the Cognito user-pool domain (hosted UI / managed login), e.g.
   * `https://my-team.auth.us-east-1.amazoncognito.com`. The OIDC token exchange is a `fetch` to it
   * (connect-src) and its sign-in page is a form target (form-action).
   */
  readonly userPoolDomain?: string;
  /**
   * More origins for `connect-src`, e.g. the local emulator `http://127.0.0.1:4599` or an OIDC
   * authority. Origins only (`scheme://host[:port]`); use {@link originOf} on URLs.
   */
  readonly extraConnectSrc?: readonly string[];
}

/**
 * DNS suffix of a region's public endpoints: `amazonaws.com.cn` in the China partition,
 * `amazonaws.com` elsewhere (AWS General Reference, "Service endpoints").
 */
function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/**
 * The public endpoints the console talks to in one region.
 * @param region an AWS region code, e.g. `eu-west-1`.
 * @returns `https://lambda.<region>.<suffix>`, `https://cognito-identity.<region>.<suffix>` and
 *   `https://cognito-idp.<region>.<suffix>` (the user pool: OIDC discovery, JWKS), in that order.
 * @throws Error when `region` is not a region code.
 */
export function awsEndpointOrigins(region: string): string[] {
  if (!REGION_PATTERN.test(region)) {
    throw new Error(`Not an AWS region code: ${JSON.stringify(region)} (expected e.g. us-east-1)`);
  }
  const suffix = dnsSuffix(region);
  return ['lambda', 'cognito-identity', 'cognito-idp'].map(
    (service) => `https://${service}.${region}.${suffix}`,
  );
}

/**
 * The origin of an absolute http(s) URL, for use as a CSP source.
 * @param url e.g. `http://127.0.0.1:4599/prefix/v1`.
 * @returns e.g. `http://127.0.0.1:4599`.
 * @throws Error when `url` is not an absolute http:// or https:// URL.
 */
export function originOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not an absolute URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Not an http(s) URL: ${JSON.stringify(url)}`);
  }
  return parsed.origin;
}

function checkedOrigin(origin: string, what: string): string {
  if (!ORIGIN_PATTERN.test(origin)) {
    throw new Error(
      `${what} must be an origin such as https://example.com (no path, no ; , quotes or spaces): ${JSON.stringify(origin)}`,
    );
  }
  return origin;
}

/**
 * Builds the console's Content-Security-Policy header value.
 *
 * - `script-src 'self'`: Vite's production build has no inline script.
 * - `style-src 'self'`: Cloudscape ships plain CSS files and sets dynamic styles through the CSSOM
 *   (React `style` props), which CSP does not govern; nothing injects `<style>` elements (checked
 *   with a Chromium run of a Cloudscape build under this policy, see infra/README.md). Cloudscape
 *   components that inject styles (e.g. CodeEditor/ace) would need `'unsafe-inline'`.
 * - `img-src`/`font-src` allow `data:`: Cloudscape's global styles embed Open Sans as `data:`
 *   woff2 fonts, and the favicon may be `data:,`.
 * - `connect-src`: the site itself (`/config.json`), each region's Lambda, Cognito Identity and
 *   user-pool endpoints, the user-pool domain (token endpoint) and the extra origins; nothing else.
 * - `frame-ancestors 'none'` (no framing), `base-uri 'self'`, `object-src 'none'`,
 *   `form-action 'self'` plus the user-pool domain.
 *
 * @param options regions, user-pool domain and extra connect-src origins.
 * @returns the header value: directives joined by `; `, sources deduplicated in first-seen order.
 * @throws Error when no region is given, a region is not a region code, or an origin is malformed.
 */
export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions): string {
  if (options.regions.length === 0) throw new Error('At least one region is required');
  const userPoolDomain =
    options.userPoolDomain === undefined
      ? []
      : [checkedOrigin(options.userPoolDomain, 'userPoolDomain')];
  const connectSrc = [
    "'self'",
    ...options.regions.flatMap(awsEndpointOrigins),
    ...userPoolDomain,
    ...(options.extraConnectSrc ?? []).map((origin) => checkedOrigin(origin, 'extraConnectSrc')),
  ];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', connectSrc],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['object-src', ["'none'"]],
    ['form-action', ["'self'", ...userPoolDomain]],
  ];
  return directives
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}

/**
 * The other security headers CloudFront sends (console-stack.ts), which `vite preview` copies.
 * HSTS is left out here because browsers ignore it over plain http://127.0.0.1; CloudFront adds
 * `Strict-Transport-Security` itself.
 */
export const STATIC_SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

/** Which parts of the runtime config (`config.json`) {@link cspOptionsFromRuntimeConfig} reads. */
export interface RuntimeConfigEndpoints {
  /** Regions named by `region` and `regions`. */
  readonly regions: string[];
  /** Origins of `lambdaEndpoint`, `cognitoIdentityEndpoint` and `auth.authority`. */
  readonly extraConnectSrc: string[];
}

/**
 * Dotted paths of the runtime-config fields that hold URLs the browser calls. A new endpoint
 * field in config.json only needs its path added here to be allowed by `vite preview`'s CSP.
 */
export const RUNTIME_CONFIG_URL_FIELDS = [
  'lambdaEndpoint',
  'cognitoIdentityEndpoint',
  'auth.authority',
] as const;

function fieldAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Derives the CSP inputs from a parsed runtime config, so a local preview allows exactly the
 * endpoints the config it serves points at (e.g. the emulator).
 * @param config the parsed `config.json` (`{ region, regions?, lambdaEndpoint?,
 *   cognitoIdentityEndpoint?, auth?: { authority? } }`); other fields are ignored.
 * @returns the regions (`region` first, then `regions`) and the origins of the URL fields listed
 *   in {@link RUNTIME_CONFIG_URL_FIELDS}, both deduplicated.
 * @throws Error when `region` is missing or not a string, `regions` is not an array of strings,
 *   or a URL field is not an absolute http(s) URL.
 */
export function cspOptionsFromRuntimeConfig(config: unknown): RuntimeConfigEndpoints {
  const region = fieldAt(config, 'region');
  if (typeof region !== 'string') throw new Error('Runtime config has no string "region"');
  const regions = fieldAt(config, 'regions') ?? [];
  if (!Array.isArray(regions) || regions.some((r) => typeof r !== 'string')) {
    throw new Error('Runtime config "regions" must be an array of region codes');
  }
  const extraConnectSrc: string[] = [];
  for (const path of RUNTIME_CONFIG_URL_FIELDS) {
    const url = fieldAt(config, path);
    if (url === undefined) continue;
    if (typeof url !== 'string') throw new Error(`Runtime config "${path}" must be a URL string`);
    extraConnectSrc.push(originOf(url));
  }
  return {
    regions: [...new Set([region, ...(regions as string[])])],
    extraConnectSrc: [...new Set(extraConnectSrc)],
  };
}
