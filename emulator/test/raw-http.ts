import { request as httpRequest } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

/** An answer as it came off the wire. */
export interface RawResponse {
  status: number;
  /** Lower-cased names, as `node:http` gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request `fetch` could not send: any method token, any target, any header size. */
export interface RawRequest {
  method: string;
  /** Sent verbatim: origin-form, absolute-form, with a fragment, bad percent-encoding… */
  target: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Sends one request over a fresh connection with `node:http` and collects the answer.
 * @param port the emulator's port on 127.0.0.1.
 * @param request what to send.
 * @param timeoutMs gives up after this long (rejects).
 * @throws Error when the connection fails or no answer comes in time.
 */
export function sendRaw(
  port: number,
  request: RawRequest,
  timeoutMs = 10_000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.target,
        // Framed by Content-Length always: Node sends a GET/HEAD/DELETE body unframed otherwise.
        headers: {
          ...(request.body !== undefined && {
            'content-length': String(Buffer.byteLength(request.body)),
          }),
          ...request.headers,
        },
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * Signs a request with SigV4 over exactly the target it will send (as a caller trying a
 * malformed target would sign it), for {@link sendRaw}.
 * @param port the emulator's port (part of the signed `host`).
 * @param request method, target, extra headers and body.
 * @param credentials the key pair (and session token) to sign with.
 * @param region the credential scope's region.
 * @returns the request with `authorization`, `x-amz-date`, `host`… headers added.
 */
export async function signRaw(
  port: number,
  request: RawRequest,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  region = 'us-east-1',
): Promise<RawRequest> {
  const [path = '', query = ''] = request.target.split('?', 2);
  const unsigned = new HttpRequest({
    method: request.method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    path,
    query: Object.fromEntries(new URLSearchParams(query)),
    headers: { host: `127.0.0.1:${port}`, ...request.headers },
    ...(request.body !== undefined && { body: request.body }),
  });
  const signed = await new SignatureV4({
    credentials,
    region,
    service: 'lambda',
    sha256: Sha256,
  }).sign(unsigned);
  return { ...request, headers: signed.headers };
}
