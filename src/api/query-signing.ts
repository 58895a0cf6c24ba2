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
 * Seconds a query-signed request stays valid (`X-Amz-Expires`): it is sent at once, and every SDK
 * retry signs again, so the 5 minutes AWS allows a header signature's clock skew are plenty.
 */
export const QUERY_SIGNATURE_EXPIRES_SECONDS = 300;

/**
 * Whether the Lambda clients sign their GET requests in the query string, shared by every client
 * of the page. Query signing starts on and is turned off for the rest of the page's life by the
 * first refusal that a header-signed retry of the same request gets past ({@link addQuerySigning}).
 */
export interface QuerySigningPolicy {
  /** `true` while GETs are query-signed. */
  readonly enabled: boolean;
  /**
   * `true` once a query-signed request was answered with success: the endpoint takes query
   * signing, so a later failure is never taken for a refusal of it.
   */
  readonly confirmed: boolean;
  /** Records a query-signed success. */
  confirm(): void;
  /** Why query signing was turned off (the refused request's error), once it was. */
  readonly refusedWith: string | undefined;
  /** Turns query signing off for good, with the reason. */
  refuse(reason: string): void;
  /** Requests that must be signed in the `Authorization` header (a fallback attempt). */
  readonly headerSigned: WeakSet<object>;
}

/**
 * A new policy, on unless `enabled` is `false`.
 * @param enabled whether to start with query signing on (default `true`).
 */
export function createQuerySigningPolicy(enabled = true): QuerySigningPolicy {
  let on = enabled;
  let confirmed = false;
  let refusedWith: string | undefined;
  return {
    get enabled() {
      return on;
    },
    get confirmed() {
      return confirmed;
    },
    confirm() {
      if (on) confirmed = true;
    },
    get refusedWith() {
      return refusedWith;
    },
    refuse(reason) {
      on = false;
      refusedWith ??= reason;
    },
    headerSigned: new WeakSet(),
  };
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
        policy.enabled &&
        HttpRequest.isInstance(toSign) &&
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

/** `$metadata.httpStatusCode` of an SDK error, if the error came with a response. */
function httpStatusOf(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}

/**
 * Whether a query-signed request's failure may be a refusal of query signing: no HTTP response at
 * all (a network error: what the browser reports when an answer lacks CORS headers), or a 400, 401
 * or 403 (AWS refusing the authentication). Timeouts, throttling and server errors are not.
 * @param error what the attempt threw.
 */
export function mayBeQuerySigningRefusal(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  // Node's handler names a reset connection a TimeoutError too (code ECONNRESET): not a timeout.
  if ((name === 'TimeoutError' && code !== 'ECONNRESET') || name === 'AbortError') return false;
  const status = httpStatusOf(error);
  return status === undefined || status === 400 || status === 401 || status === 403;
}

/** Options of {@link addQuerySigning}. */
export interface QuerySigningFallbackOptions {
  /** Called once when query signing is turned off, with the refused request's error. */
  onRefused?: (error: unknown) => void;
}

/**
 * Adds the fallback to a client whose signer is {@link QuerySigningSignatureV4}: a middleware
 * between the SDK's retry and signing steps (so once per attempt) that, until a query-signed
 * request has succeeded (`confirmed`), when a query-signed attempt fails in a way
 * {@link mayBeQuerySigningRefusal}, sends the same request again at once signed in the
 * `Authorization` header. If that succeeds, the policy is turned off for every
 * client (the rest of the page signs in the header) and the answer is returned; if it fails too,
 * query signing was not the cause: the policy stays on and the header attempt's error goes on to
 * the SDK's retry strategy.
 * @param client a Lambda client built with `signerConstructor` for {@link QuerySigningSignatureV4}.
 * @param policy the policy its signer reads.
 * @param options see {@link QuerySigningFallbackOptions}.
 */
export function addQuerySigning(
  client: LambdaClient,
  policy: QuerySigningPolicy,
  options: QuerySigningFallbackOptions = {},
): void {
  const fallback: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (next) => async (args: FinalizeHandlerArguments<ServiceInputTypes>) => {
      const request = args.request;
      if (!policy.enabled || !HttpRequest.isInstance(request) || !isQuerySignable(request)) {
        return next(args);
      }
      try {
        const output = await next(args);
        policy.confirm();
        return output;
      } catch (error) {
        if (!policy.enabled || policy.confirmed || !mayBeQuerySigningRefusal(error)) throw error;
        const again = HttpRequest.clone(request);
        policy.headerSigned.add(again);
        const result = await next({ ...args, request: again });
        if (policy.enabled) {
          policy.refuse(
            `${(error as { name?: string }).name ?? 'Error'}: ${(error as { message?: string }).message ?? ''}`,
          );
          options.onRefused?.(error);
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
