import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * CORS as the browser SDK needs it (reference §7): a preflight that allows the headers the JS v3
 * SDK sends (signed Lambda calls and unsigned Cognito calls), and on every response (errors too)
 * `Access-Control-Expose-Headers` with `x-amzn-ErrorType` and `x-amzn-RequestId` — without them
 * the browser hides the error code and the SDK reports `Unknown`.
 */

/** Headers the JS v3 SDK sends from a browser, allowed when the preflight names none. */
export const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-user-agent',
  'x-amz-target',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'x-amz-invocation-type',
  'x-amz-log-type',
  'x-amz-client-context',
].join(', ');

/** Response headers the browser may read. */
export const EXPOSED_HEADERS = [
  'x-amzn-RequestId',
  'x-amzn-ErrorType',
  'x-amzn-ErrorMessage',
  'Retry-After',
  'Date',
  'x-amz-log-result',
  'x-amz-executed-version',
  'x-amz-function-error',
].join(', ');

/** Methods allowed by the preflight. */
export const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS';

/**
 * Sets the CORS headers every response carries.
 * @param request incoming request (its `Origin` is echoed; `*` without one).
 * @param reply reply to decorate.
 * @param onlyOrigins when given (the control endpoints), `Access-Control-Allow-Origin` is sent
 *   only for an `Origin` in this set; Lambda and Cognito answer any origin, as AWS does.
 */
export function setCorsHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  onlyOrigins?: ReadonlySet<string>,
): void {
  const origin = request.headers.origin;
  reply.header('Vary', 'Origin');
  if (onlyOrigins !== undefined && (origin === undefined || !onlyOrigins.has(origin))) return;
  reply.header('Access-Control-Allow-Origin', origin ?? '*');
  reply.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

/**
 * Answers a CORS preflight (`OPTIONS` on any path, no auth) with 200.
 * Echoes `Access-Control-Request-Headers` when present, otherwise allows {@link ALLOWED_HEADERS}.
 * @param request the OPTIONS request.
 * @param reply its reply (sent here).
 * @param onlyOrigins as for {@link setCorsHeaders}.
 */
export function answerPreflight(
  request: FastifyRequest,
  reply: FastifyReply,
  onlyOrigins?: ReadonlySet<string>,
): void {
  const requested = request.headers['access-control-request-headers'];
  setCorsHeaders(request, reply, onlyOrigins);
  reply
    .header('Access-Control-Allow-Methods', ALLOWED_METHODS)
    .header(
      'Access-Control-Allow-Headers',
      typeof requested === 'string' && requested.trim() !== '' ? requested : ALLOWED_HEADERS,
    )
    .header('Access-Control-Max-Age', '86400')
    .code(200)
    .send();
}
