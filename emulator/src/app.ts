/**
 * The emulator as a fastify instance (not listening): Lambda restJson1 + Cognito Identity
 * awsJson1.1 on one origin, with SigV4 checks, CORS, AWS-format errors and the state machine,
 * plus the local user pool (an OpenID Connect provider) under `/oidc`.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { answerPreflight, setCorsHeaders } from './cors.ts';
import { EmulatorState, type EmulatorOptions } from './emulator-state.ts';
import { LambdaError } from './errors.ts';
import { applyNetworkFaults } from './network-faults.ts';
import { registerCognitoRoutes } from './routes/cognito.ts';
import { registerControlRoutes } from './routes/control.ts';
import { sendLambdaError } from './routes/http.ts';
import { registerLambdaRoutes } from './routes/lambda.ts';
import { registerOidcRoutes } from './routes/oidc.ts';
import { OIDC_MOUNT_PATH } from './domain/user-pool.ts';

export type { EmulatorOptions } from './emulator-state.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The emulator's state (store, settings, faults), for tests and the CLI. */
    emulator: EmulatorState;
  }
}

/** Paths no injected fault touches: `/_emulator/*` and the user pool under `/oidc`. */
function isUndelayed(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '/';
  return (
    path.startsWith('/_emulator/') ||
    path === OIDC_MOUNT_PATH ||
    path.startsWith(`${OIDC_MOUNT_PATH}/`)
  );
}

/** Largest request body accepted (Lambda's 6 MB synchronous payload limit). */
const BODY_LIMIT = 6 * 1024 * 1024;

/**
 * Builds the emulator app. Does not listen: call `app.listen({ port, host })`.
 * @param options emulator options (see {@link EmulatorOptions}; `port`/`host` are ignored here).
 * @returns a fastify instance; `app.emulator` exposes the state. Closing it cancels pending
 *   state transitions.
 * @throws Error if the seed cannot be loaded.
 */
export function buildApp(options: EmulatorOptions = {}): FastifyInstance {
  const state = new EmulatorState(options);
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate('emulator', state);

  // Keep every body as its raw string: SigV4 hashes it, and malformed JSON must become AWS's
  // InvalidRequestContentException, not a framework error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  // First: `/oidc` requests go to oidc-provider untouched (raw body, its own CORS).
  registerOidcRoutes(app, state);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-amzn-RequestId', request.id);
    setCorsHeaders(request, reply);
    // Injected network faults (delay, clock, drops; `network-faults.ts`) for every Lambda and
    // Cognito Identity request, preflights too. Test-only endpoints and the user pool's sign-in
    // pages answer at once.
    if (!isUndelayed(request.raw.url ?? '/') && (await applyNetworkFaults(state, request, reply))) {
      return reply;
    }
    if (request.method === 'OPTIONS') return answerPreflight(request, reply);
    return undefined;
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof LambdaError) {
      return sendLambdaError(reply, error.status, error.code, error.message);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) {
      return sendLambdaError(
        reply,
        413,
        'RequestTooLargeException',
        `Request must be smaller than ${BODY_LIMIT} bytes for the ${request.method} operation`,
      );
    }
    if (status !== undefined && status >= 400 && status < 500) {
      return sendLambdaError(
        reply,
        400,
        'InvalidRequestContentException',
        error instanceof Error ? error.message : 'Invalid request',
      );
    }
    return sendLambdaError(reply, 500, 'ServiceException', 'An internal error occurred.');
  });

  app.setNotFoundHandler((request, reply) =>
    sendLambdaError(
      reply,
      404,
      'UnknownOperationException',
      `Unknown operation: ${request.method} ${request.url.split('?')[0]}`,
    ),
  );

  registerLambdaRoutes(app, state);
  registerCognitoRoutes(app, state);
  registerControlRoutes(app, state);

  // The OIDC issuer is the address actually listened on (ephemeral ports in tests), unless
  // `publicUrl` fixed it.
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (typeof address === 'object' && address !== null) {
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      state.userPool.setIssuer(`http://${host}:${address.port}${OIDC_MOUNT_PATH}`);
    }
  });

  app.addHook('onClose', async () => state.close());
  return app;
}
