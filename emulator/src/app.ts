/**
 * The emulator as a fastify instance (not listening): Lambda restJson1 + Cognito Identity
 * awsJson1.1 on one origin, with SigV4 checks, CORS, AWS-format errors and the state machine,
 * plus the local user pool (an OpenID Connect provider) under `/oidc`.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { installLambdaAuthorization } from './authorize.ts';
import {
  consoleOrigins,
  isControlPath,
  isControlRequest,
  refuseControlRequest,
} from './control-guard.ts';
import { answerPreflight, setCorsHeaders } from './cors.ts';
import {
  DEFAULT_POST_LOGOUT_REDIRECT_URIS,
  DEFAULT_REDIRECT_URIS,
  EmulatorState,
  type EmulatorOptions,
} from './emulator-state.ts';
import { BODY_LIMIT, frameworkRefusal, LambdaError, requestTooLarge } from './errors.ts';
import { applyNetworkFaults } from './network-faults.ts';
import { registerCognitoRoutes } from './routes/cognito.ts';
import { registerControlRoutes } from './routes/control.ts';
import { answerClientError, sendLambdaError } from './routes/http.ts';
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

/**
 * Requests no injected fault touches: control endpoints (`isControlRequest`, which also reads the
 * matched route and the decoded path, so `/%5Femulator/…` counts) and the user pool under `/oidc`.
 */
function isUndelayed(request: FastifyRequest): boolean {
  if (isControlRequest(request)) return true;
  const path = (request.raw.url ?? '/').split('?', 1)[0] ?? '/';
  return path === OIDC_MOUNT_PATH || path.startsWith(`${OIDC_MOUNT_PATH}/`);
}

/**
 * Longest path label the router takes. Higher than any request line Node accepts (16 KB of
 * headers), so the Lambda model's own length limits (FunctionName up to 170 characters, 3 times
 * that percent-encoded; a qualified function ARN) decide, with AWS's ValidationException.
 */
const MAX_PARAM_LENGTH = 16 * 1024;

/**
 * Why a request target is refused before routing, or `undefined` when it is an origin-form path
 * (RFC 9112 §3.2.1). Absolute-form (`http://host/path`), asterisk-form and targets with a fragment
 * (`#`, which a client never sends) name no operation: the router and a second reader could see
 * different paths in them.
 */
function malformedTarget(target: string): string | undefined {
  if (!target.startsWith('/')) return 'the request target is not an absolute path';
  if (target.includes('#')) return 'the request target has a fragment';
  return undefined;
}

/**
 * Builds the emulator app. Does not listen: call `app.listen({ port, host })`.
 * @param options emulator options (see {@link EmulatorOptions}; `port`/`host` are ignored here).
 * @returns a fastify instance; `app.emulator` exposes the state. Closing it cancels pending
 *   state transitions.
 * @throws Error if the seed cannot be loaded.
 */
export function buildApp(options: EmulatorOptions = {}): FastifyInstance {
  const state = new EmulatorState(options);
  // The control endpoints answer local tools and the console origins only (control-guard.ts).
  const controlOrigins = consoleOrigins([
    ...(options.oidcRedirectUris ?? DEFAULT_REDIRECT_URIS),
    ...(options.oidcPostLogoutRedirectUris ?? DEFAULT_POST_LOGOUT_REDIRECT_URIS),
  ]);
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // Requests refused before any route runs still answer in AWS's error format.
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, request, reply) => {
      const path = (request.raw.url ?? '/').split('?', 1)[0] ?? '/';
      reply.header('x-amzn-RequestId', request.id);
      setCorsHeaders(request, reply, isControlPath(path) ? controlOrigins : undefined);
      const refusal = frameworkRefusal(error.code, request.method, path);
      return sendLambdaError(reply, refusal.status, refusal.code, refusal.message);
    },
  });
  app.decorate('emulator', state);

  // Keep every body as its raw string: SigV4 hashes it, and malformed JSON must become AWS's
  // InvalidRequestContentException, not a framework error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  // Before anything reads the target: only origin-form paths reach the router and the checks.
  app.addHook('onRequest', async (request, reply) => {
    const target = request.raw.url ?? '';
    const reason = malformedTarget(target);
    if (reason === undefined) return undefined;
    reply.header('x-amzn-RequestId', request.id);
    setCorsHeaders(request, reply, isControlRequest(request) ? controlOrigins : undefined);
    return sendLambdaError(
      reply,
      404,
      'UnknownOperationException',
      `Unknown operation: ${request.method} ${target.split('?', 1)[0] ?? ''} (${reason})`,
    );
  });

  // `/oidc` requests go to oidc-provider untouched (raw body, its own CORS).
  registerOidcRoutes(app, state);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-amzn-RequestId', request.id);
    const control = isControlRequest(request);
    const corsOrigins = control ? controlOrigins : undefined;
    setCorsHeaders(request, reply, corsOrigins);
    if (control) {
      const refused = refuseControlRequest(request, reply, controlOrigins, BODY_LIMIT);
      if (refused !== undefined) return refused;
    }
    // Injected network faults (delay, clock, drops; `network-faults.ts`) for every Lambda and
    // Cognito Identity request, preflights too. Test-only endpoints and the user pool's sign-in
    // pages answer at once.
    if (!isUndelayed(request) && (await applyNetworkFaults(state, request, reply))) {
      return reply;
    }
    if (request.method === 'OPTIONS') return answerPreflight(request, reply, corsOrigins);
    return undefined;
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof LambdaError) {
      return sendLambdaError(reply, error.status, error.code, error.message);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) {
      const refusal = requestTooLarge(request.method);
      return sendLambdaError(reply, refusal.status, refusal.code, refusal.message);
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

  // Every Lambda route names its IAM action in its `config`; requests are authorized by it.
  installLambdaAuthorization(app, {
    accountId: state.accountId,
    get guestAccess() {
      return state.guestAccess;
    },
    issued: (accessKeyId) => state.cognito.lookup(accessKeyId),
  });
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
