/**
 * Cognito Identity on the Lambda origin (awsJson1.1, reference §1.5): `POST /` dispatched on
 * `X-Amz-Target: AWSCognitoIdentityService.<Op>`. GetId and GetCredentialsForIdentity are
 * unsigned in the model, so no SigV4 check here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CognitoError, LambdaError, requestTooLarge } from '../errors.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { rawBody } from './http.ts';

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const TARGET_PREFIX = 'AWSCognitoIdentityService.';

function sendCognito(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .header('content-type', CONTENT_TYPE)
    .send(Buffer.from(JSON.stringify(body)));
}

/**
 * Sends an awsJson1.1 error: status, `x-amzn-ErrorType`, body `{__type, message}`.
 * @param reply the reply.
 * @param error the Cognito error.
 */
export function sendCognitoError(reply: FastifyReply, error: CognitoError): FastifyReply {
  return reply
    .code(error.status)
    .header('x-amzn-ErrorType', error.code)
    .header('content-type', CONTENT_TYPE)
    .send(Buffer.from(JSON.stringify(error.toBody())));
}

function parseBody(request: FastifyRequest): Record<string, unknown> {
  const text = rawBody(request);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CognitoError(
      'SerializationException',
      'Start of structure or map found where not expected.',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CognitoError(
      'SerializationException',
      'Start of structure or map found where not expected.',
    );
  }
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== null));
}

/**
 * Any error of the Cognito route as Cognito answers it (awsJson1.1, `{__type, message}`): its
 * own errors as they are; a body over the limit 413 `RequestTooLargeException` (as Lambda
 * words it); other client faults (a Lambda-side model error, a body fastify could not read)
 * 400 `SerializationException`; anything else 500 `InternalErrorException`.
 * @param error what the handler or fastify threw.
 * @param method the request's method, named in the 413 message.
 */
export function toCognitoError(error: unknown, method: string): CognitoError {
  if (error instanceof CognitoError) return error;
  if (error instanceof LambdaError) {
    return error.status < 500
      ? new CognitoError('SerializationException', error.message)
      : new CognitoError('InternalErrorException', 'An internal error occurred.');
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (status === 413) {
    const refusal = requestTooLarge(method);
    return new CognitoError(refusal.code, refusal.message, refusal.status);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new CognitoError(
      'SerializationException',
      error instanceof Error ? error.message : 'The request could not be read.',
    );
  }
  return new CognitoError('InternalErrorException', 'An internal error occurred.');
}

/**
 * Registers `POST /` for Cognito Identity.
 * @param app the fastify instance.
 * @param state the emulator state.
 */
export function registerCognitoRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.post('/', {
    errorHandler: (error, request, reply) =>
      sendCognitoError(reply, toCognitoError(error, request.method)),
    handler: async (request, reply) => {
      const target = request.headers['x-amz-target'];
      const operation =
        typeof target === 'string' && target.startsWith(TARGET_PREFIX)
          ? target.slice(TARGET_PREFIX.length)
          : undefined;
      switch (operation) {
        case 'GetId':
          return sendCognito(reply, 200, await state.cognito.getId(parseBody(request)));
        case 'GetCredentialsForIdentity':
          return sendCognito(
            reply,
            200,
            await state.cognito.getCredentialsForIdentity(parseBody(request)),
          );
        default:
          throw new CognitoError(
            'UnknownOperationException',
            `Unknown operation ${typeof target === 'string' ? target : '(no X-Amz-Target)'}`,
          );
      }
    },
  });
}
