/**
 * Cognito Identity on the Lambda origin (awsJson1.1, reference §1.5): `POST /` dispatched on
 * `X-Amz-Target: AWSCognitoIdentityService.<Op>`. GetId and GetCredentialsForIdentity are
 * unsigned in the model, so no SigV4 check here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CognitoError, LambdaError } from '../errors.ts';
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
 * Registers `POST /` for Cognito Identity.
 * @param app the fastify instance.
 * @param state the emulator state.
 */
export function registerCognitoRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.post('/', {
    errorHandler: (error, _request, reply) => {
      if (error instanceof CognitoError) return sendCognitoError(reply, error);
      const cognito =
        error instanceof LambdaError && error.status < 500
          ? new CognitoError('SerializationException', error.message)
          : new CognitoError('InternalErrorException', 'An internal error occurred.');
      return sendCognitoError(reply, cognito);
    },
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
