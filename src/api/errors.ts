/**
 * What the console shows for a failed AWS call: the exception name (e.g.
 * `ResourceNotFoundException`) and AWS's message, plus the HTTP status and request ID when the
 * service answered (a network failure has neither).
 */
export interface AwsErrorInfo {
  /** AWS exception name, or `NetworkError` / the JavaScript error's name when AWS never answered. */
  name: string;
  /** AWS's message text, verbatim when AWS sent one. */
  message: string;
  /** HTTP status of the final attempt, when a response arrived. */
  httpStatusCode?: number;
  /** `x-amzn-RequestId` of the final attempt, when a response arrived. */
  requestId?: string;
}

interface SdkMetadata {
  httpStatusCode?: number;
  requestId?: string;
}

/** Errors thrown by SDK clients carry `$metadata` (set by the retry middleware on every failure). */
function sdkMetadata(error: Error): SdkMetadata | undefined {
  const metadata: unknown = (error as { $metadata?: unknown }).$metadata;
  return typeof metadata === 'object' && metadata !== null ? (metadata as SdkMetadata) : undefined;
}

/**
 * Narrows anything thrown by an SDK call to {@link AwsErrorInfo}.
 *
 * - A service error (has `$metadata.httpStatusCode`) keeps its `name` and `message`. When the
 *   browser hid `x-amzn-ErrorType` (missing CORS expose header) the SDK can only report `Unknown`
 *   or the bare status code; the name then says so instead of inventing an exception.
 * - A network failure (fetch's `TypeError`, no status) becomes `NetworkError`.
 * - Anything else keeps its own name and message (also an `{ name, message }` object that is not
 *   an `Error`); other values are stringified.
 * @param error the rejection reason of a `client.send()` (or any other value).
 * @returns the fields to show; never throws.
 */
export function toAwsError(error: unknown): AwsErrorInfo {
  if (!(error instanceof Error)) {
    // An error-shaped object (a test double, a structured-clone of an Error) keeps its words.
    const like = error as { name?: unknown; message?: unknown } | null;
    if (typeof like?.name === 'string' && typeof like.message === 'string') {
      return { name: like.name, message: like.message };
    }
    return { name: 'Error', message: typeof error === 'string' ? error : JSON.stringify(error) };
  }
  const metadata = sdkMetadata(error);
  const httpStatusCode = metadata?.httpStatusCode;
  if (httpStatusCode !== undefined) {
    const unnamed = error.name === 'Unknown' || /^\d+$/.test(error.name);
    return {
      name: unnamed ? `HTTP ${httpStatusCode} error` : error.name,
      message:
        unnamed && (!error.message || error.message === 'UnknownError')
          ? `The service answered HTTP ${httpStatusCode} without naming an exception.`
          : error.message,
      httpStatusCode,
      ...(metadata?.requestId ? { requestId: metadata.requestId } : {}),
    };
  }
  if (error.name === 'TypeError' && /fetch|network|load failed/i.test(error.message)) {
    return {
      name: 'NetworkError',
      message: `The service could not be reached (${error.message}). Check the endpoint in config.json and your connection.`,
    };
  }
  return { name: error.name || 'Error', message: error.message };
}

/**
 * Whether an SDK error is Lambda's `ResourceNotFoundException` (HTTP 404): the mapping (or
 * function) does not exist, e.g. it was deleted (reference §4.2).
 * @param error the rejection reason of a `client.send()`.
 * @returns true for ResourceNotFoundException, or an unnamed 404 response.
 */
export function isResourceNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'ResourceNotFoundException' || sdkMetadata(error)?.httpStatusCode === 404;
}

/**
 * Whether an SDK error is `AccessDeniedException` (HTTP 403): the caller's role may not call this
 * Lambda action (e.g. the identity pool's read-only guest role calling
 * `UpdateEventSourceMapping`). Retrying cannot help; signing in or another role can.
 * @param error the rejection reason of a `client.send()`.
 * @returns true for AccessDeniedException (or `AccessDenied`).
 */
export function isAccessDenied(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AccessDeniedException' || error.name === 'AccessDenied')
  );
}

/** What to do about an {@link isAccessDenied} error, in words. */
export const ACCESS_DENIED_HINT =
  'Sign in to make changes (guests are read-only), or ask an administrator to grant this permission to your role.';

/** Exception names AWS uses for "slow down" (Lambda's TooManyRequestsException, HTTP 429). */
const THROTTLING_NAMES: ReadonlySet<string> = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
]);

/**
 * Whether an SDK error means the caller is being throttled: Lambda's `TooManyRequestsException`
 * (HTTP 429, reference §4) or another service's throttling name, or an unnamed 429. The SDK has
 * already retried it `LAMBDA_MAX_ATTEMPTS` times with back-off; waiting longer may help.
 * @param error the rejection reason of a `client.send()`.
 */
export function isThrottling(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return THROTTLING_NAMES.has(error.name) || sdkMetadata(error)?.httpStatusCode === 429;
}

/**
 * Exception names AWS answers when the request's credentials themselves are refused (HTTP 403):
 * an unknown access key or session token (`UnrecognizedClientException`: "The security token
 * included in the request is invalid", e.g. after the service forgot the identities it issued),
 * expired temporary credentials (`ExpiredTokenException`), or a signature the service rejects
 * (`InvalidSignatureException`, also its answer to a clock more than 5 minutes off). AWS's
 * common errors (Lambda API reference, "Common Errors"): `InvalidClientTokenId`, `ExpiredToken`,
 * `SignatureDoesNotMatch` in the query protocols.
 */
const INVALID_CREDENTIALS_NAMES: ReadonlySet<string> = new Set([
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'SignatureDoesNotMatch',
]);

/**
 * Whether an SDK error means the credentials the request was signed with are no longer accepted
 * (see {@link INVALID_CREDENTIALS_NAMES}); new credentials from the identity pool may help, the
 * same ones never will.
 * @param error the rejection reason of a `client.send()`.
 */
export function isInvalidCredentials(error: unknown): boolean {
  return error instanceof Error && INVALID_CREDENTIALS_NAMES.has(error.name);
}

/**
 * Whether an error is worth another try after the SDK's own retries gave up: Lambda still
 * throttling (HTTP 429), or no response at all (the network is down, a dropped connection, a
 * timeout). TanStack Query retries these (and pauses while the browser is offline); answers such
 * as 400, 403, 404 or 409 are final, and a 5xx the SDK already retried is shown.
 * @param error the rejection reason of a query function.
 */
export function isRetryableAfterSdk(error: unknown): boolean {
  if (!(error instanceof Error) || error.name === 'AbortError') return false;
  if (isThrottling(error)) return true;
  if (sdkMetadata(error)?.httpStatusCode !== undefined) return false;
  return (
    error.name === 'TimeoutError' ||
    error.name === 'RequestTimeout' ||
    (error.name === 'TypeError' && /fetch|network|load failed/i.test(error.message))
  );
}
