/**
 * AWS Lambda's error model as the emulator returns it (reference §4.1, restJson1):
 * HTTP status per exception, header `x-amzn-ErrorType: <Code>`, JSON body `{ Type, message|Message }`.
 * The message key's casing follows the Lambda service model: `Message` for ResourceNotFound,
 * ResourceInUse and Service exceptions, `message` for the rest.
 */

/** Exception codes the emulator can return, with their HTTP status (reference §4.2). */
export const LAMBDA_EXCEPTIONS = {
  InvalidParameterValueException: 400,
  ValidationException: 400,
  InvalidRequestContentException: 400,
  ResourceInUseException: 400,
  ResourceNotFoundException: 404,
  ResourceConflictException: 409,
  TooManyRequestsException: 429,
  ServiceException: 500,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  ExpiredTokenException: 403,
  IncompleteSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  AccessDeniedException: 403,
  UnknownOperationException: 404,
  RequestTooLargeException: 413,
} as const;

/** One of the exception codes in {@link LAMBDA_EXCEPTIONS}. */
export type LambdaExceptionCode = keyof typeof LAMBDA_EXCEPTIONS;

const CAPITALISED_MESSAGE: ReadonlySet<LambdaExceptionCode> = new Set([
  'ResourceNotFoundException',
  'ResourceInUseException',
  'ServiceException',
]);

/**
 * An error the emulator answers with, exactly as Lambda would.
 * Thrown by domain code; the HTTP layer turns it into status, `x-amzn-ErrorType` and body.
 */
export class LambdaError extends Error {
  /** HTTP status code AWS uses for this exception. */
  readonly status: number;

  /**
   * @param code AWS exception name, e.g. `ResourceNotFoundException`.
   * @param message AWS's message text (reference §3.2 / §4.2 where known).
   */
  constructor(
    readonly code: LambdaExceptionCode,
    message: string,
  ) {
    super(message);
    this.name = code;
    this.status = LAMBDA_EXCEPTIONS[code];
  }

  /** The JSON body AWS sends: `Type` is `User` for client faults, `Service` for 5xx. */
  toBody(): Record<string, string> {
    return lambdaErrorBody(this.code, this.status, this.message);
  }
}

/**
 * The restJson1 error body for any code, including codes outside {@link LAMBDA_EXCEPTIONS}
 * (used for injected faults): `{ Type, message|Message }` with the casing rule of reference §4.1.
 * @param code exception name, e.g. `ServiceException`.
 * @param status HTTP status; `Type` is `Service` for 5xx, `User` otherwise.
 * @param message human-readable text.
 */
export function lambdaErrorBody(
  code: string,
  status: number,
  message: string,
): Record<string, string> {
  const key = CAPITALISED_MESSAGE.has(code as LambdaExceptionCode) ? 'Message' : 'message';
  return { Type: status >= 500 ? 'Service' : 'User', [key]: message };
}

/**
 * A Cognito Identity (awsJson1.1) error, reference §1.5: HTTP 400 for client faults, 500 for
 * `InternalErrorException`; body `{"__type": "<Code>", "message": "…"}`.
 */
export class CognitoError extends Error {
  /** HTTP status code (400, 500 for `InternalErrorException`, or the one given). */
  readonly status: number;

  /**
   * @param code Cognito exception name, e.g. `ResourceNotFoundException`.
   * @param message AWS's message text.
   * @param status HTTP status when not the protocol's default (413 for a body over the limit).
   */
  constructor(
    readonly code: string,
    message: string,
    status?: number,
  ) {
    super(message);
    this.name = code;
    this.status = status ?? (code === 'InternalErrorException' ? 500 : 400);
  }

  /** The awsJson1.1 error body. */
  toBody(): Record<string, string> {
    return { __type: this.code, message: this.message };
  }
}

/**
 * Builds AWS's model-validation message, e.g.
 * `1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1`.
 * @param violations one entry per failed constraint, in request order.
 * @returns a {@link LambdaError} with code `ValidationException` (HTTP 400).
 */
export function validationError(
  violations: ReadonlyArray<{ value: unknown; member: string; constraint: string }>,
): LambdaError {
  const n = violations.length;
  const parts = violations.map(
    (v) =>
      `Value ${v.value === null || v.value === undefined ? 'null' : `'${formatValue(v.value)}'`} at '${v.member}' failed to satisfy constraint: ${v.constraint}`,
  );
  return new LambdaError(
    'ValidationException',
    `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`,
  );
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** An AWS-format refusal of a request no operation handled: status, exception name, message. */
export interface ProtocolRefusal {
  status: number;
  code: string;
  message: string;
}

/** Largest request body accepted, in bytes (Lambda's 6 MB synchronous payload limit). */
export const BODY_LIMIT = 6 * 1024 * 1024;

/**
 * The refusal of a request body over {@link BODY_LIMIT}: 413 `RequestTooLargeException`, as
 * Lambda answers an oversized payload.
 * @param method the request's method, named in the message.
 */
export function requestTooLarge(method: string): ProtocolRefusal {
  return {
    status: 413,
    code: 'RequestTooLargeException',
    message: `Request must be smaller than ${BODY_LIMIT} bytes for the ${method} operation`,
  };
}

/**
 * AWS's answer to a request fastify refused before routing it (`frameworkErrors`): a path that
 * is not valid percent-encoding names no operation (404 `UnknownOperationException`); a path
 * label longer than the router takes is a model length violation (400 `ValidationException`);
 * anything else cannot be read (400 `InvalidRequestContentException`).
 * @param code fastify's error code, e.g. `FST_ERR_BAD_URL`.
 * @param method request method.
 * @param path request path (raw, without the query).
 */
export function frameworkRefusal(
  code: string | undefined,
  method: string,
  path: string,
): ProtocolRefusal {
  switch (code) {
    case 'FST_ERR_BAD_URL':
      return {
        status: 404,
        code: 'UnknownOperationException',
        message: `Unknown operation: ${method} ${path} (the path is not valid percent-encoding)`,
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 400,
        code: 'ValidationException',
        message: `1 validation error detected: a path label of ${method} ${path.slice(0, 200)}… failed to satisfy constraint: Member must have length less than or equal to the model's maximum`,
      };
    default:
      return {
        status: 400,
        code: 'InvalidRequestContentException',
        message: 'The request could not be read.',
      };
  }
}

/**
 * AWS's answer to a request Node's HTTP parser refused (fastify's `clientErrorHandler`): an
 * unknown method names no operation (404 `UnknownOperationException`), a header block over the
 * limit is 431 `InvalidRequestContentException` (Lambda: "a request header is invalid"), a
 * request not finished in time 408 `RequestTimeoutException`, any other malformed request 400
 * `InvalidRequestContentException`.
 * @param code the parser's error code, e.g. `HPE_INVALID_METHOD`, `HPE_HEADER_OVERFLOW`.
 */
export function clientErrorRefusal(code: string | undefined): ProtocolRefusal {
  switch (code) {
    case 'HPE_INVALID_METHOD':
      return {
        status: 404,
        code: 'UnknownOperationException',
        message: 'Unknown operation: the request method is not one the API uses',
      };
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'InvalidRequestContentException',
        message: 'The request headers are larger than the 16 KB the endpoint accepts',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'RequestTimeoutException',
        message: 'The request was not received in time',
      };
    default:
      return {
        status: 400,
        code: 'InvalidRequestContentException',
        message: 'The request is not a valid HTTP/1.1 request',
      };
  }
}
