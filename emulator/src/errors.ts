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
  /** HTTP status code (400, or 500 for `InternalErrorException`). */
  readonly status: number;

  /**
   * @param code Cognito exception name, e.g. `ResourceNotFoundException`.
   * @param message AWS's message text.
   */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
    this.status = code === 'InternalErrorException' ? 500 : 400;
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
