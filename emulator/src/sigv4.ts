import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { LambdaError } from './errors.ts';

/** The secret a key id signs with, and the session token it must carry (temporary credentials). */
export interface KnownCredentials {
  secretAccessKey: string;
  /** Required `x-amz-security-token` value, for temporary credentials. */
  sessionToken?: string;
  /** Epoch seconds; requests after it get `ExpiredTokenException`. */
  expiration?: number;
  /**
   * The role's permission check, run once the signature is verified (issued credentials only).
   * Throws `AccessDeniedException` when the role may not call what the request calls.
   */
  authorize?: (request: RawSignedRequest, region: string) => void;
  /**
   * How far the verifier's clock is ahead of `nowMs` (negative: behind), in ms: the emulator's
   * clock-offset fault. The 5-minute signing-time check compares `X-Amz-Date` with
   * `nowMs + clockOffsetMs`; the expiry check keeps `nowMs`, the clock credentials are issued by.
   * It rides on the lookup because the verifier's callers pass the host clock.
   */
  clockOffsetMs?: number;
}

/** A request as received, before any parsing that could alter what was signed. */
export interface RawSignedRequest {
  method: string;
  /** Raw request target: percent-encoded path plus query, exactly as on the wire. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Raw body text (`''` when none): the payload hash is computed from it. */
  body: string;
}

/** Who signed a verified request. */
export interface VerifiedCaller {
  accessKeyId: string;
  /** Region of the credential scope: the emulator partitions its store by it. */
  region: string;
}

/** AWS accepts signatures within 5 minutes of its clock. */
const MAX_SKEW_MS = 5 * 60 * 1000;
const REGION_RE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const INVALID_TOKEN = 'The security token included in the request is invalid.';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Splits a raw query string into decoded key → value(s), as the signer expects. */
function parseQuery(raw: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (!raw) return query;
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeURIComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeURIComponent(pair.slice(eq + 1));
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

function invalidSignature(message: string): LambdaError {
  return new LambdaError('InvalidSignatureException', message);
}

/**
 * Verifies an AWS Signature Version 4 `Authorization` header the way AWS does: it rebuilds the
 * request from the raw wire data (encoded path, query, signed headers, body hash), signs it again
 * with `@smithy/signature-v4` using the secret it knows for the key id and the request's own
 * `X-Amz-Date`, and compares signatures.
 * @param request the raw request.
 * @param lookup returns the credentials for an access key id, or `undefined` if unknown.
 * @param service expected signing name (`lambda`).
 * @param nowMs current time in ms (for skew and expiry checks; the skew check adds the
 *   credentials' `clockOffsetMs`).
 * @returns the caller's key id and the region from the credential scope.
 * @throws LambdaError (403) `MissingAuthenticationTokenException` (no Authorization),
 *   `IncompleteSignatureException` (malformed header / no date), `UnrecognizedClientException`
 *   (unknown key or wrong session token), `ExpiredTokenException` (issued credentials expired),
 *   `InvalidSignatureException` (bad scope, clock skew > 5 min, signature mismatch),
 *   `AccessDeniedException` (the credentials' role may not call the operation).
 */
export async function verifySigV4(
  request: RawSignedRequest,
  lookup: (accessKeyId: string) => KnownCredentials | undefined,
  service: string,
  nowMs: number,
): Promise<VerifiedCaller> {
  const authorization = header(request.headers, 'authorization');
  if (!authorization) {
    throw new LambdaError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const algorithm = authorization.split(' ', 1)[0];
  const params = new Map<string, string>();
  for (const part of authorization.slice((algorithm ?? '').length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    throw new LambdaError(
      'IncompleteSignatureException',
      `Unsupported AWS 'algorithm': '${algorithm ?? ''}'`,
    );
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((p) => !params.has(p));
  if (missing.length > 0) {
    throw new LambdaError(
      'IncompleteSignatureException',
      `${missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' ')} Authorization=${authorization}`,
    );
  }
  const credential = params.get('Credential') ?? '';
  const signature = params.get('Signature') ?? '';
  const signedHeaders = (params.get('SignedHeaders') ?? '').split(';').filter(Boolean);

  const [accessKeyId = '', scopeDate = '', region = '', scopeService = '', terminator = ''] =
    credential.split('/');
  const amzDate = header(request.headers, 'x-amz-date');
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (!amzDate || !signingDate) {
    throw new LambdaError(
      'IncompleteSignatureException',
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authorization}`,
    );
  }
  if (terminator !== 'aws4_request') {
    throw invalidSignature(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`,
    );
  }
  if (scopeService !== service) {
    throw invalidSignature(`Credential should be scoped to correct service: '${service}'.`);
  }
  if (!REGION_RE.test(region)) {
    throw invalidSignature('Credential should be scoped to a valid region.');
  }
  if (scopeDate !== amzDate.slice(0, 8)) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }

  const known = lookup(accessKeyId);
  const token = header(request.headers, 'x-amz-security-token');
  if (!known || (known.sessionToken !== undefined && token !== known.sessionToken)) {
    throw new LambdaError('UnrecognizedClientException', INVALID_TOKEN);
  }
  if (known.expiration !== undefined && nowMs >= known.expiration * 1000) {
    throw new LambdaError(
      'ExpiredTokenException',
      'The security token included in the request is expired',
    );
  }
  // AWS's texts (e.g. aws/aws-sdk-js#254, boto/botocore#3587), with its 5-minute window.
  const verifierNowMs = nowMs + (known.clockOffsetMs ?? 0);
  const skew = signingDate.getTime() - verifierNowMs;
  if (skew < -MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(verifierNowMs - MAX_SKEW_MS)} (${formatAmzDate(verifierNowMs)} - 5 min.)`,
    );
  }
  if (skew > MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(verifierNowMs + MAX_SKEW_MS)} (${formatAmzDate(verifierNowMs)} + 5 min.)`,
    );
  }

  const mismatch = invalidSignature(
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );
  // A signed x-amz-content-sha256 must be the real hash of what arrived.
  const bodyHash = createHash('sha256').update(request.body, 'utf8').digest('hex');
  const declaredHash = header(request.headers, 'x-amz-content-sha256');
  if (declaredHash !== undefined && declaredHash !== bodyHash) throw mismatch;

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = header(request.headers, name);
    if (value === undefined) throw mismatch;
    headers[name] = value;
  }
  const queryStart = request.url.indexOf('?');
  const path = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  let query: Record<string, string | string[]>;
  try {
    query = parseQuery(queryStart === -1 ? '' : request.url.slice(queryStart + 1));
  } catch {
    throw mismatch;
  }
  const rebuilt = new HttpRequest({
    method: request.method,
    protocol: 'http:',
    hostname: 'localhost',
    path,
    query,
    headers,
    body: request.body === '' ? undefined : request.body,
  });
  const signer = new SignatureV4({
    credentials: {
      accessKeyId,
      secretAccessKey: known.secretAccessKey,
      ...(token !== undefined && signedHeaders.includes('x-amz-security-token')
        ? { sessionToken: token }
        : {}),
    },
    region,
    service,
    sha256: Sha256,
    applyChecksum: false,
    uriEscapePath: true,
  });
  const signed = await signer.sign(rebuilt, {
    signingDate,
    signableHeaders: new Set(signedHeaders),
  });
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
  const expectedHeaders = /SignedHeaders=([^,]+)/.exec(String(signed.headers.authorization))?.[1];
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  if (
    expectedHeaders !== signedHeaders.join(';') ||
    a.length !== b.length ||
    !timingSafeEqual(a, b)
  ) {
    throw mismatch;
  }
  known.authorize?.(request, region);
  return { accessKeyId, region };
}
