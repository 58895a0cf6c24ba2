import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientErrorRefusal, LambdaError, lambdaErrorBody } from '../errors.ts';
import type { VerifiedCaller } from '../sigv4.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the SigV4 check on Lambda routes. */
    caller?: VerifiedCaller;
  }
}

/**
 * Sends a restJson1 error exactly as Lambda does (reference §4.1): status, header
 * `x-amzn-ErrorType: <Code>`, JSON body `{Type, message|Message}`; 429 adds `Retry-After`.
 * @param reply the reply.
 * @param status HTTP status.
 * @param code exception name.
 * @param message message text.
 */
export function sendLambdaError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
): FastifyReply {
  const body: Record<string, string> = lambdaErrorBody(code, status, message);
  if (status === 429) {
    reply.header('Retry-After', '1');
    body.Reason = 'CallerRateLimitExceeded';
  }
  return reply
    .code(status)
    .header('x-amzn-ErrorType', code)
    .header('content-type', 'application/json')
    .send(Buffer.from(JSON.stringify(body)));
}

/**
 * fastify's `clientErrorHandler`: answers a request Node's HTTP parser refused (unknown method,
 * header block over 16 KB, malformed request line…) in Lambda's error format
 * ({@link clientErrorRefusal}), with `x-amzn-RequestId`, then closes the connection. No request
 * object exists yet, so there is no CORS header (a browser cannot send such requests anyway).
 * @param error the parser's error (its `code`, e.g. `HPE_HEADER_OVERFLOW`).
 * @param socket the client connection.
 */
export function answerClientError(
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Duplex,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // As Node does: no second answer on a connection whose response has begun (bytes after it).
  const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (current?.headersSent === true) {
    socket.destroy();
    return;
  }
  const refusal = clientErrorRefusal(error.code);
  const json = JSON.stringify(lambdaErrorBody(refusal.code, refusal.status, refusal.message));
  // The answer to a HEAD has no body (its Content-Length still gives the size).
  const head =
    Buffer.isBuffer(error.rawPacket) &&
    error.rawPacket.subarray(0, 5).toString('latin1') === 'HEAD ';
  const body = head ? '' : json;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(
    [
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Error'}`,
      `x-amzn-RequestId: ${randomUUID()}`,
      `x-amzn-ErrorType: ${refusal.code}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(json)}`,
      `Date: ${new Date().toUTCString()}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
    () => socket.destroy(),
  );
}

/**
 * Sends a successful Lambda response with `Content-Type: application/json`.
 * @param reply the reply.
 * @param status modeled status (200, or 202 for Create/Update/Delete).
 * @param body JSON-serialisable output (unset members already omitted).
 */
export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json')
    .send(Buffer.from(JSON.stringify(body)));
}

/** The raw body string kept by the content-type parser (`''` when there was none). */
export function rawBody(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

/**
 * Decodes a JSON request body the way Lambda does: empty → `{}`; anything that is not a JSON
 * object → `InvalidRequestContentException` (reference §4.2).
 * @param request the request (body kept as a raw string).
 * @returns the decoded object, with top-level `null` members dropped (null = unset).
 * @throws LambdaError `InvalidRequestContentException`.
 */
export function parseJsonBody(request: FastifyRequest): Record<string, unknown> {
  const text = rawBody(request);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new LambdaError(
      'InvalidRequestContentException',
      `Could not parse request body into json: Could not parse payload into json: ${(err as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new LambdaError(
      'InvalidRequestContentException',
      'Could not parse request body into json: the request body must be a JSON object',
    );
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) if (v !== null) out[k] = v;
  return out;
}

/**
 * First value of a query parameter (`undefined` when absent).
 * @param request the request.
 * @param name parameter name, e.g. `MaxItems`.
 */
export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const query = request.query as Record<string, string | string[] | undefined>;
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Region of the verified caller.
 * @throws LambdaError if called on a route without the SigV4 check (programming error).
 */
export function callerRegion(request: FastifyRequest): string {
  if (!request.caller) {
    throw new LambdaError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  return request.caller.region;
}
