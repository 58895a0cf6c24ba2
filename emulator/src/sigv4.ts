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

/** The query-string members of SigV4 query authentication, in the order AWS names the missing ones. */
const QUERY_AUTH_MEMBERS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-SignedHeaders',
  'X-Amz-Date',
] as const;

/** Longest `X-Amz-Expires` SigV4 allows: 7 days, in seconds (`@smithy/signature-v4`'s `MAX_PRESIGNED_TTL`). */
const MAX_EXPIRES_SECONDS = 604_800;

/** Whether the raw query string carries SigV4 query authentication (`X-Amz-Algorithm`). */
function hasQueryAuth(rawQuery: string): boolean {
  return rawQuery.split('&').some((pair) => pair.split('=', 1)[0] === 'X-Amz-Algorithm');
}

function scalar(value: string | string[] | null | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

/** What a request says about who signed it and how: from its Authorization header or its query. */
interface SignedBy {
  accessKeyId: string;
  region: string;
  signature: string;
  signedHeaders: string[];
  amzDate: string;
  signingDate: Date;
  /** The session token the request carries (header or query), if any. */
  token: string | undefined;
  /** Query authentication's `X-Amz-Expires`, in seconds; `undefined` for the header. */
  expiresSeconds: number | undefined;
}

/**
 * The credential-scope checks both forms share, in AWS's order (dynalite's record of AWS's
 * texts): terminator, service, region, then the scope's date against the signing date.
 */
function checkScope(
  scope: { scopeDate: string; region: string; scopeService: string; terminator: string },
  amzDate: string,
  service: string,
): void {
  if (scope.terminator !== 'aws4_request') {
    throw invalidSignature(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.terminator}'.`,
    );
  }
  if (scope.scopeService !== service) {
    throw invalidSignature(`Credential should be scoped to correct service: '${service}'.`);
  }
  if (!REGION_RE.test(scope.region)) {
    throw invalidSignature('Credential should be scoped to a valid region.');
  }
  if (scope.scopeDate !== amzDate.slice(0, 8)) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
}

function splitCredential(credential: string) {
  const [accessKeyId = '', scopeDate = '', region = '', scopeService = '', terminator = ''] =
    credential.split('/');
  return { accessKeyId, scopeDate, region, scopeService, terminator };
}

/** Reads the `Authorization` header form (AWS's header checks and texts). */
function signedByHeader(
  request: RawSignedRequest,
  authorization: string,
  service: string,
): SignedBy {
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
  const scope = splitCredential(params.get('Credential') ?? '');
  const amzDate = header(request.headers, 'x-amz-date');
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (!amzDate || !signingDate) {
    throw new LambdaError(
      'IncompleteSignatureException',
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authorization}`,
    );
  }
  checkScope(scope, amzDate, service);
  return {
    accessKeyId: scope.accessKeyId,
    region: scope.region,
    signature: params.get('Signature') ?? '',
    signedHeaders: (params.get('SignedHeaders') ?? '').split(';').filter(Boolean),
    amzDate,
    signingDate,
    token: header(request.headers, 'x-amz-security-token'),
    expiresSeconds: undefined,
  };
}

/**
 * Reads the query-string form (SigV4 query authentication, "presigned" requests: the Common
 * Parameters of every AWS API reference, Lambda's included). The texts of a missing member and of
 * a missing `Host` are AWS's as dynalite records them; `X-Amz-Expires` is required here (the SDKs'
 * `presign` always sends it), and its texts are this emulator's own: not verified against AWS.
 */
function signedByQuery(query: Record<string, string | string[]>, service: string): SignedBy {
  const missing = QUERY_AUTH_MEMBERS.filter((name) => !scalar(query[name]));
  if (missing.length > 0) {
    throw new LambdaError(
      'IncompleteSignatureException',
      `${missing.map((name) => `AWS query-string parameters must include '${name}'.`).join(' ')} Re-examine the query-string parameters.`,
    );
  }
  const algorithm = scalar(query['X-Amz-Algorithm']) ?? '';
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    throw new LambdaError(
      'IncompleteSignatureException',
      `Unsupported AWS 'algorithm': '${algorithm}'`,
    );
  }
  const amzDate = scalar(query['X-Amz-Date']) ?? '';
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) {
    throw new LambdaError(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  const rawExpires = scalar(query['X-Amz-Expires']);
  if (rawExpires === undefined || !/^[1-9]\d{0,5}$/.test(rawExpires)) {
    throw new LambdaError(
      'IncompleteSignatureException',
      `X-Amz-Expires must be a whole number of seconds from 1 to ${MAX_EXPIRES_SECONDS}, got '${rawExpires ?? ''}'.`,
    );
  }
  const expiresSeconds = Number(rawExpires);
  if (expiresSeconds > MAX_EXPIRES_SECONDS) {
    throw new LambdaError(
      'IncompleteSignatureException',
      `X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than ${MAX_EXPIRES_SECONDS} seconds`,
    );
  }
  const signedHeaders = (scalar(query['X-Amz-SignedHeaders']) ?? '').split(';').filter(Boolean);
  if (!signedHeaders.includes('host')) {
    throw invalidSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const scope = splitCredential(scalar(query['X-Amz-Credential']) ?? '');
  checkScope(scope, amzDate, service);
  return {
    accessKeyId: scope.accessKeyId,
    region: scope.region,
    signature: scalar(query['X-Amz-Signature']) ?? '',
    signedHeaders,
    amzDate,
    signingDate,
    token: scalar(query['X-Amz-Security-Token']),
    expiresSeconds,
  };
}

/**
 * Verifies an AWS Signature Version 4 signature the way AWS does, in either of its forms: the
 * `Authorization` header, or query authentication (`X-Amz-Algorithm`, `X-Amz-Credential`,
 * `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders`, `X-Amz-Signature` and, for temporary
 * credentials, `X-Amz-Security-Token` in the query string; a browser can send such a GET without
 * a CORS preflight). It rebuilds the request from the raw wire data (encoded path, query, signed
 * headers, body hash), signs it again with `@smithy/signature-v4` using the secret it knows for
 * the key id and the request's own `X-Amz-Date`, and compares signatures.
 *
 * Time: a header signature is accepted within 5 minutes of the verifier's clock either way; a
 * query signature from 5 minutes before `X-Amz-Date` until `X-Amz-Expires` seconds after it.
 * @param request the raw request.
 * @param lookup returns the credentials for an access key id, or `undefined` if unknown.
 * @param service expected signing name (`lambda`).
 * @param nowMs current time in ms (for skew and expiry checks; the skew check adds the
 *   credentials' `clockOffsetMs`).
 * @param options `queryAuth: false` ignores query authentication (the query members are then
 *   ordinary members, and a request without the header is `MissingAuthenticationTokenException`).
 * @returns the caller's key id and the region from the credential scope.
 * @throws LambdaError (403) `MissingAuthenticationTokenException` (neither form),
 *   `IncompleteSignatureException` (a malformed header or query member, no date),
 *   `UnrecognizedClientException` (unknown key or wrong session token), `ExpiredTokenException`
 *   (issued credentials expired), `InvalidSignatureException` (both forms at once, bad scope,
 *   `Host` not signed in a query signature, outside the time window, signature mismatch),
 *   `AccessDeniedException` (the credentials' role may not call the operation).
 */
export async function verifySigV4(
  request: RawSignedRequest,
  lookup: (accessKeyId: string) => KnownCredentials | undefined,
  service: string,
  nowMs: number,
  options: { queryAuth?: boolean } = {},
): Promise<VerifiedCaller> {
  const authorization = header(request.headers, 'authorization');
  const queryStart = request.url.indexOf('?');
  const path = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
  const byQuery = options.queryAuth !== false && hasQueryAuth(rawQuery);
  if (authorization && byQuery) {
    throw invalidSignature(
      "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    );
  }
  if (!authorization && !byQuery) {
    throw new LambdaError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  let query: Record<string, string | string[]> | undefined;
  try {
    query = parseQuery(rawQuery);
  } catch {
    query = undefined;
  }
  if (byQuery && !query) {
    throw new LambdaError(
      'IncompleteSignatureException',
      'The query string is not valid percent-encoding. Re-examine the query-string parameters.',
    );
  }
  const signedBy = authorization
    ? signedByHeader(request, authorization, service)
    : signedByQuery(query ?? {}, service);
  const { accessKeyId, region, signature, signedHeaders, amzDate, signingDate, token } = signedBy;

  const known = lookup(accessKeyId);
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
  if (signedBy.expiresSeconds === undefined && skew < -MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(verifierNowMs - MAX_SKEW_MS)} (${formatAmzDate(verifierNowMs)} - 5 min.)`,
    );
  }
  if (signedBy.expiresSeconds !== undefined && skew < -signedBy.expiresSeconds * 1000) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(verifierNowMs - signedBy.expiresSeconds * 1000)} (${formatAmzDate(verifierNowMs)} - ${signedBy.expiresSeconds} sec.)`,
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
  if (!query) throw mismatch;
  const signer = new SignatureV4({
    credentials: {
      accessKeyId,
      secretAccessKey: known.secretAccessKey,
      ...(token !== undefined && (byQuery || signedHeaders.includes('x-amz-security-token'))
        ? { sessionToken: token }
        : {}),
    },
    region,
    service,
    sha256: Sha256,
    applyChecksum: false,
    uriEscapePath: true,
  });
  let expected: string;
  let expectedHeaders: string | undefined;
  if (byQuery) {
    // The canonical query is every member but the signature; presign writes the auth members
    // again from the same values, so anything tampered with changes the signature.
    const { 'X-Amz-Signature': _signature, ...signedQuery } = query;
    const rebuilt = new HttpRequest({
      method: request.method,
      protocol: 'http:',
      hostname: 'localhost',
      path,
      query: signedQuery,
      headers,
      body: request.body === '' ? undefined : request.body,
    });
    const presigned = await signer.presign(rebuilt, {
      signingDate,
      expiresIn: signedBy.expiresSeconds ?? 0,
      signableHeaders: new Set(signedHeaders),
      unhoistableHeaders: new Set(signedHeaders),
    });
    expected = scalar(presigned.query?.['X-Amz-Signature']) ?? '';
    expectedHeaders = scalar(presigned.query?.['X-Amz-SignedHeaders']);
  } else {
    const rebuilt = new HttpRequest({
      method: request.method,
      protocol: 'http:',
      hostname: 'localhost',
      path,
      query,
      headers,
      body: request.body === '' ? undefined : request.body,
    });
    const signed = await signer.sign(rebuilt, {
      signingDate,
      signableHeaders: new Set(signedHeaders),
    });
    expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
    expectedHeaders = /SignedHeaders=([^,]+)/.exec(String(signed.headers.authorization))?.[1];
  }
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
