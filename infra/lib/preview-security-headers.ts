import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildContentSecurityPolicy,
  cspOptionsFromRuntimeConfig,
  STATIC_SECURITY_HEADERS,
} from './content-security-policy.ts';

/** Where {@link previewSecurityHeaders} looks for the runtime config being served. */
export interface PreviewConfigLocation {
  /** Value of `ESM_CONSOLE_CONFIG` (the file `vite preview` serves as `/config.json`), if set. */
  readonly configFile?: string;
  /** The build output directory (`dist`), whose `config.json` is served otherwise. */
  readonly outDir: string;
  /** The Vite `public` directory, the last fallback (before a build has copied config.json). */
  readonly publicDir: string;
}

/**
 * Picks the runtime config file `vite preview` serves: `configFile` when given, else
 * `<outDir>/config.json`, else `<publicDir>/config.json`.
 * @returns an absolute path.
 * @throws Error when `configFile` is given but missing, or when neither fallback exists.
 */
export function resolvePreviewConfigFile(location: PreviewConfigLocation): string {
  if (location.configFile !== undefined && location.configFile !== '') {
    const file = resolve(location.configFile);
    if (!existsSync(file)) throw new Error(`ESM_CONSOLE_CONFIG file not found: ${file}`);
    return file;
  }
  const candidates = [location.outDir, location.publicDir].map((dir) =>
    resolve(dir, 'config.json'),
  );
  const found = candidates.find((file) => existsSync(file));
  if (found === undefined) {
    throw new Error(
      `No runtime config to derive the Content-Security-Policy from (looked for ${candidates.join(' and ')}); ` +
        'set ESM_CONSOLE_CONFIG, or ESM_CONSOLE_CSP=off to serve without the policy',
    );
  }
  return found;
}

/**
 * The security headers `vite preview` sends: CloudFront's Content-Security-Policy (same builder
 * as the CDK stack) with `connect-src` widened to the origins of the runtime config being
 * served (e.g. the emulator at `http://127.0.0.1:4599`), plus the static headers CloudFront sends
 * (nosniff, `X-Frame-Options: DENY`, referrer policy).
 *
 * The config file is read on every call, so a test may rewrite it while the server runs.
 * @param location where the runtime config is (see {@link resolvePreviewConfigFile}).
 * @returns header name → value.
 * @throws Error when the config file is missing, is not JSON, or has no valid `region`/URLs.
 */
export function previewSecurityHeaders(location: PreviewConfigLocation): Record<string, string> {
  const file = resolvePreviewConfigFile(location);
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Runtime config ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return {
    'Content-Security-Policy': buildContentSecurityPolicy(cspOptionsFromRuntimeConfig(config)),
    ...STATIC_SECURITY_HEADERS,
  };
}

/**
 * The `Cache-Control` that `vite preview` sends for a path, as the deployed site does (S3 object
 * metadata set by the CDK stack): `no-store` for the pages and the runtime config — `/`,
 * `/index.html`, extensionless SPA paths (served as index.html) and `/config.json` — so neither
 * the browser's HTTP cache nor its back/forward cache keeps a signed-in page after sign-out;
 * `undefined` (the static server's own header) for everything else, such as `/assets/*`.
 * @param pathname the request's path, without query (e.g. `/mappings/abc`).
 */
export function previewCacheControl(pathname: string): string | undefined {
  if (pathname === '/config.json' || pathname.endsWith('.html')) return 'no-store';
  const last = pathname.split('/').at(-1) ?? '';
  return pathname.startsWith('/assets/') || last.includes('.') ? undefined : 'no-store';
}
