/**
 * Who may drive the test-only control endpoints (`/_emulator/*`): local tooling (curl, test
 * runners, Playwright's Node side — no `Origin` header) and the console origins the emulator was
 * started for. A web page on any other origin could otherwise reset the store or switch guests to
 * read-write with a "simple" cross-origin POST (no preflight for `text/plain`), so such requests
 * are refused before any handler runs, writes must say `Content-Type: application/json` (which a
 * page cannot send cross-origin without a preflight), and CORS is answered only for the console
 * origins.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendLambdaError } from './routes/http.ts';

/** Path prefix of the control endpoints. */
export const CONTROL_PREFIX = '/_emulator';

/**
 * Whether a path is a control endpoint's: `/_emulator` or below.
 * @param path a request path without the query (raw or decoded).
 */
export function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

/**
 * The console origins of the OAuth redirect URIs the emulator's user pool accepts (its
 * `--oidc-redirect-uri` / `--oidc-post-logout-redirect-uri` options or their defaults).
 * @param uris absolute http(s) URLs, e.g. `http://127.0.0.1:5173/auth/callback`.
 * @returns their origins, e.g. `http://127.0.0.1:5173` (URLs that do not parse are skipped).
 */
export function consoleOrigins(uris: Iterable<string>): ReadonlySet<string> {
  const origins = new Set<string>();
  for (const uri of uris) {
    try {
      const { origin } = new URL(uri);
      if (origin !== 'null') origins.add(origin);
    } catch {
      // Not an absolute URL: it names no origin.
    }
  }
  return origins;
}

/**
 * Whether a request is for a control endpoint: the route the router matched is under
 * `/_emulator`, or (requests no route matched, such as preflights) the decoded path is.
 * @param request any request, in or after `onRequest`.
 */
export function isControlRequest(request: FastifyRequest): boolean {
  if (isControlPath(request.routeOptions.url ?? '')) return true;
  const path = (request.raw.url ?? '/').split('?', 1)[0] ?? '/';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Undecodable: compare the raw form.
  }
  return isControlPath(path) || isControlPath(decoded);
}

/** Whether a request carries a body (`Content-Length` above 0, or chunked). */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length !== '0' && length.trim() !== '0')
  );
}

/** The media type of a `Content-Type` value, lower-cased, without parameters. */
function mediaType(value: string | undefined): string {
  return (value ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/**
 * Refuses a control request that local tooling would not send: 403 `AccessDeniedException`
 * when an `Origin` header is present and is not a console origin (preflights included), 415
 * `UnsupportedMediaTypeException` for a POST, PUT, PATCH or DELETE with a body whose
 * `Content-Type` is not `application/json`, 413 `RequestTooLargeException` when the declared
 * `Content-Length` exceeds the body limit. Answers in Lambda's error format (`x-amzn-ErrorType`,
 * JSON body with `message`), which control-endpoint clients read like their own `{message}`.
 * @param request a control request ({@link isControlRequest}).
 * @param reply its reply (sent when refused).
 * @param allowedOrigins the console origins ({@link consoleOrigins}).
 * @param bodyLimit largest body in bytes.
 * @returns the sent reply when refused, `undefined` when the request may go on.
 */
export function refuseControlRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  allowedOrigins: ReadonlySet<string>,
  bodyLimit: number,
): FastifyReply | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) {
    return sendLambdaError(
      reply,
      403,
      'AccessDeniedException',
      `Origin ${origin} may not use ${CONTROL_PREFIX}/*: only local tools (no Origin header) and the console origins (${[...allowedOrigins].join(', ')}) may`,
    );
  }
  if (request.method === 'OPTIONS' || !hasBody(request)) return undefined;
  if (
    ['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) &&
    mediaType(request.headers['content-type']) !== 'application/json'
  ) {
    return sendLambdaError(
      reply,
      415,
      'UnsupportedMediaTypeException',
      `${CONTROL_PREFIX}/* requests with a body must have Content-Type: application/json`,
    );
  }
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > bodyLimit) {
    return sendLambdaError(
      reply,
      413,
      'RequestTooLargeException',
      `Request must be smaller than ${bodyLimit} bytes for the ${request.method} operation`,
    );
  }
  return undefined;
}
