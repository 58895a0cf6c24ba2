import type { LambdaClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-lambda';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  FinalizeHandlerArguments,
  FinalizeRequestMiddleware,
  HttpRequest as IHttpRequest,
  RequestPresigningArguments,
  RequestSigningArguments,
} from '@smithy/types';

/**
 * Seconds a query-signed request stays valid (`X-Amz-Expires`), counted from its `X-Amz-Date`
 * (the SDK's clock, corrected from AWS's `Date` header after a skew error). It is sent at once and
 * every SDK retry signs again, so one minute is plenty; it bounds how long the URL, which the
 * browser may print in its console (a failed request's "Failed to load resource" line), could be
 * replayed: the same read, never another one (the secret key is not in it).
 */
export const QUERY_SIGNATURE_EXPIRES_SECONDS = 60;

/**
 * Where the page's Lambda clients sign their GET requests: in the query string, per endpoint host
 * (each region has its own endpoint on AWS), until that host refuses it; the first refusal that a
 * header-signed retry of the same request gets past turns query signing off for that host for the
 * rest of the page's life ({@link addQuerySigning}).
 */
export interface QuerySigningPolicy {
  /** Whether GETs to `host` (`hostname[:port]`) are query-signed now. */
  enabledFor(host: string): boolean;
  /** Whether a query-signed request to `host` has been answered with success. */
  confirmedFor(host: string): boolean;
  /** Records a query-signed success at `host`. */
  confirm(host: string): void;
  /** Turns query signing off for `host` for good, with the refused request's error. */
  refuse(host: string, reason: string): void;
  /** The hosts that refused query signing, with why (the first refusal's error). */
  readonly refused: ReadonlyMap<string, string>;
  /** Requests that must be signed in the `Authorization` header (a fallback attempt). */
  readonly headerSigned: WeakSet<object>;
}

/**
 * A new policy: query signing on for every host unless `enabled` is `false`.
 * @param enabled whether to query-sign at all (default `true`).
 */
export function createQuerySigningPolicy(enabled = true): QuerySigningPolicy {
  const confirmed = new Set<string>();
  const refused = new Map<string, string>();
  return {
    enabledFor: (host) => enabled && !refused.has(host),
    confirmedFor: (host) => confirmed.has(host),
    confirm(host) {
      if (!refused.has(host)) confirmed.add(host);
    },
    refuse(host, reason) {
      if (!refused.has(host)) refused.set(host, reason);
      confirmed.delete(host);
    },
    refused,
    headerSigned: new WeakSet(),
  };
}

/** The endpoint host of an SDK request: `hostname[:port]`. */
export function requestHost(request: Pick<IHttpRequest, 'hostname' | 'port'>): string {
  return request.port === undefined ? request.hostname : `${request.hostname}:${request.port}`;
}

/**
 * Whether a request can go without a CORS preflight once query-signed: a GET or HEAD without a
 * body (the Fetch standard's "simple request": a CORS-safelisted method and, once the SDK's own
 * headers are left out, no header but the forbidden `Host`, which the browser sets).
 * @param request the SDK's request before signing.
 */
export function isQuerySignable(request: IHttpRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    (request.body === undefined || request.body === null || request.body === '')
  );
}

/** The request with `host` as its only header (case-insensitive), everything else kept. */
function withHostOnly(request: IHttpRequest): HttpRequest {
  const copy = HttpRequest.clone(request);
  copy.headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => name.toLowerCase() === 'host'),
  );
  return copy;
}

/**
 * The SDK's SigV4 signer (`@smithy/signature-v4`), signing simple reads in the query string.
 * For a request {@link isQuerySignable} while the policy is on, it leaves out the SDK's own
 * headers (`x-amz-user-agent`, `amz-sdk-invocation-id`, `amz-sdk-request`: telemetry and retry
 * bookkeeping, not part of the operation) and presigns what is left: `X-Amz-Algorithm`,
 * `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires` ({@link QUERY_SIGNATURE_EXPIRES_SECONDS}),
 * `X-Amz-SignedHeaders=host`, `X-Amz-Security-Token` and `X-Amz-Signature` in the query (the
 * Common Parameters of AWS's API references, Lambda's included). Any other request is signed in
 * the `Authorization` header as before.
 *
 * Not verified against AWS: that Lambda accepts query authentication from a browser, and that its
 * answer to such a GET carries `Access-Control-Allow-Origin`. {@link addQuerySigning} falls back
 * to the header when it does not.
 */
export class QuerySigningSignatureV4 extends SignatureV4 {
  /**
   * @param options the SDK's signer options (credentials, region, service, sha256…).
   * @param policy whether to query-sign, shared by the page's clients.
   */
  constructor(options: ConstructorParameters<typeof SignatureV4>[0], policy: QuerySigningPolicy) {
    super(options);
    // `sign` is overloaded (requests, strings, event-stream messages); only requests change.
    const signInHeader = this.sign.bind(this) as (toSign: unknown, options?: unknown) => unknown;
    this.sign = ((toSign: unknown, signOptions?: RequestSigningArguments) => {
      if (
        HttpRequest.isInstance(toSign) &&
        policy.enabledFor(requestHost(toSign)) &&
        !policy.headerSigned.has(toSign) &&
        isQuerySignable(toSign)
      ) {
        const { signingDate, signingRegion, signingService } = signOptions ?? {};
        const presign: RequestPresigningArguments = {
          expiresIn: QUERY_SIGNATURE_EXPIRES_SECONDS,
          ...(signingDate !== undefined ? { signingDate } : {}),
          ...(signingRegion !== undefined ? { signingRegion } : {}),
          ...(signingService !== undefined ? { signingService } : {}),
        };
        return this.presign(withHostOnly(toSign), presign);
      }
      return signInHeader(toSign, signOptions);
    }) as SignatureV4['sign'];
  }
}

/**
 * The `signerConstructor` of a Lambda client whose GETs are query-signed under `policy`.
 * @param policy the page's policy ({@link createQuerySigningPolicy}).
 * @returns a {@link QuerySigningSignatureV4} constructor taking only the SDK's signer options.
 */
export function querySigningSigner(
  policy: QuerySigningPolicy,
): new (options: ConstructorParameters<typeof SignatureV4>[0]) => SignatureV4 {
  return class extends QuerySigningSignatureV4 {
    constructor(options: ConstructorParameters<typeof SignatureV4>[0]) {
      super(options, policy);
    }
  };
}

/** AWS's answers that say no signature, or no complete one, was seen. */
const NO_SIGNATURE_SEEN = new Set([
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
]);

/**
 * Whether a query-signed request's failure may be a refusal of query signing:
 * - never when the SDK has just corrected its clock from the answer (`clockSkewCorrected`: it
 *   retries, query-signed again, with the corrected clock), nor for a timeout;
 * - always when AWS says it saw no signature, or an incomplete one
 *   (`MissingAuthenticationTokenException`, `IncompleteSignatureException`): the query's
 *   members were not read as one;
 * - before any query-signed request to the host has succeeded, also for no HTTP response at all
 *   (a network error: what the browser reports when an answer lacks CORS headers) and any 400,
 *   401 or 403. Throttling, not-found and server errors never are.
 * @param error what the attempt threw.
 * @param confirmed whether a query-signed request to the same host has succeeded before.
 */
export function isQuerySigningRefusal(error: unknown, confirmed: boolean): boolean {
  const { name, code, $metadata } = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown; clockSkewCorrected?: unknown };
  };
  if ($metadata?.clockSkewCorrected === true) return false;
  if (typeof name === 'string' && NO_SIGNATURE_SEEN.has(name)) return true;
  if (confirmed) return false;
  // Node's handler names a reset connection a TimeoutError too (code ECONNRESET): not a timeout.
  if ((name === 'TimeoutError' && code !== 'ECONNRESET') || name === 'AbortError') return false;
  const status =
    typeof $metadata?.httpStatusCode === 'number' ? $metadata.httpStatusCode : undefined;
  return status === undefined || status === 400 || status === 401 || status === 403;
}

/** Options of {@link addQuerySigning}. */
export interface QuerySigningFallbackOptions {
  /**
   * Called once per host when query signing is turned off for it, with the refused request's
   * error. Default: a `console.warn` naming the host and the error (never the request's URL,
   * which holds the signature and the session token).
   */
  onRefused?: (host: string, error: unknown) => void;
}

const warnRefused = (host: string, error: unknown) =>
  console.warn(
    `Lambda at ${host} did not take a query-signed request (${errorText(error)}); requests to it are signed in the Authorization header from now on.`,
  );

function errorText(error: unknown): string {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return `${typeof name === 'string' ? name : 'Error'}: ${typeof message === 'string' ? message : ''}`;
}

/**
 * Adds the fallback to a client whose signer is {@link QuerySigningSignatureV4}: a middleware
 * between the SDK's retry and signing steps (so once per attempt) that, when a query-signed
 * attempt fails in a way {@link isQuerySigningRefusal} calls a refusal, sends the same request
 * again at once signed in the `Authorization` header. If that succeeds, the policy turns query
 * signing off for that host (for every client of the page) and the answer is returned; if it
 * fails too, query signing was not the cause: the host keeps query signing and the header
 * attempt's error goes on to the SDK's retry strategy.
 * @param client a Lambda client built with `signerConstructor` for {@link QuerySigningSignatureV4}.
 * @param policy the policy its signer reads.
 * @param options see {@link QuerySigningFallbackOptions}.
 */
export function addQuerySigning(
  client: LambdaClient,
  policy: QuerySigningPolicy,
  { onRefused = warnRefused }: QuerySigningFallbackOptions = {},
): void {
  const fallback: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (next) => async (args: FinalizeHandlerArguments<ServiceInputTypes>) => {
      const request = args.request;
      if (!HttpRequest.isInstance(request) || !isQuerySignable(request)) return next(args);
      const host = requestHost(request);
      if (!policy.enabledFor(host)) return next(args);
      try {
        const output = await next(args);
        policy.confirm(host);
        return output;
      } catch (error) {
        if (!policy.enabledFor(host) || !isQuerySigningRefusal(error, policy.confirmedFor(host))) {
          throw error;
        }
        const again = HttpRequest.clone(request);
        policy.headerSigned.add(again);
        const result = await next({ ...args, request: again });
        if (policy.enabledFor(host)) {
          policy.refuse(host, errorText(error));
          onRefused(host, error);
        }
        return result;
      }
    };
  client.middlewareStack.addRelativeTo(fallback, {
    name: 'querySigningFallback',
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
  });
}
