/**
 * The local user pool on the emulator's origin under `/oidc`: every OpenID Connect endpoint
 * (discovery, JWKS, authorization, token, userinfo, end session) is served by `oidc-provider`
 * on the raw Node request; only the interaction pages (the sign-in form, the consent step the
 * console's client gets automatically) are fastify routes here.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorState } from '../emulator-state.ts';
import { htmlPage, OIDC_MOUNT_PATH } from '../domain/user-pool.ts';
import { rawBody } from './http.ts';

const INTERACTION_PREFIX = `${OIDC_MOUNT_PATH}/interaction/`;

/** Message of Cognito's hosted sign-in page for a wrong username or password. */
export const WRONG_CREDENTIALS = 'Incorrect username or password.';

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

/**
 * The sign-in form: labelled `Username` and `Password` fields and a `Sign in` button (the names
 * of Cognito's hosted UI), plus `Cancel`.
 */
function loginPage(uid: string, hintUser: string, username: string, error?: string): string {
  const action = `${INTERACTION_PREFIX}${encodeURIComponent(uid)}`;
  return htmlPage(
    'Sign in',
    `<p class="note">Lambda ESM console — local emulator user pool. Test user: ${escapeAttribute(hintUser)}</p>
${error === undefined ? '' : `<p class="error" role="alert">${escapeAttribute(error)}</p>`}
<form method="post" action="${action}/login">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeAttribute(username)}"${username === '' ? ' autofocus' : ''}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${username === '' ? '' : ' autofocus'}>
<button type="submit">Sign in</button>
</form>
<form method="post" action="${action}/abort">
<button type="submit" class="secondary">Cancel</button>
</form>`,
  );
}

function expiredPage(reply: FastifyReply): FastifyReply {
  return sendHtml(
    reply,
    400,
    htmlPage(
      'Sign-in error',
      '<p class="error" role="alert">This sign-in request has expired or is unknown. Start signing in again from the console.</p>',
    ),
  );
}

/**
 * Registers the `/oidc` mount (an `onRequest` hook that hands the raw request to
 * `oidc-provider` before fastify reads the body) and the interaction routes. Must be called
 * before other `onRequest` hooks that could answer `/oidc` requests (the CORS preflight hook):
 * the provider answers its own CORS.
 * @param app the fastify instance.
 * @param state the emulator state (its `userPool`).
 */
export function registerOidcRoutes(app: FastifyInstance, state: EmulatorState): void {
  let handler: ((req: IncomingMessage, res: FastifyReply['raw']) => Promise<void>) | undefined;

  app.addHook('onRequest', async (request, reply) => {
    const url = request.raw.url ?? '/';
    const path = url.split('?', 1)[0] ?? '/';
    const mounted = path === OIDC_MOUNT_PATH || path.startsWith(`${OIDC_MOUNT_PATH}/`);
    if (!mounted || path.startsWith(INTERACTION_PREFIX)) return undefined;
    reply.hijack();
    const raw = request.raw as IncomingMessage & { originalUrl?: string };
    // Mounted like `app.use('/oidc', provider.callback())`: the provider sees the rest of the
    // path and finds its mount path from `originalUrl`.
    raw.originalUrl = url;
    raw.url = url.slice(OIDC_MOUNT_PATH.length) || '/';
    if (!raw.url.startsWith('/')) raw.url = `/${raw.url}`;
    try {
      handler ??= (await state.userPool.provider()).callback() as typeof handler & {};
      await handler(raw, reply.raw);
    } catch (err) {
      if (!reply.raw.headersSent) {
        reply.raw.statusCode = 500;
        reply.raw.setHeader('content-type', 'text/plain; charset=utf-8');
      }
      reply.raw.end(`OIDC provider error: ${(err as Error).message}`);
    }
    return reply;
  });

  app.get<{ Params: { uid: string } }>(
    `${INTERACTION_PREFIX}:uid`,
    async (request: FastifyRequest<{ Params: { uid: string } }>, reply) => {
      const provider = await state.userPool.provider();
      let details;
      try {
        details = await provider.interactionDetails(request.raw, reply.raw);
      } catch {
        return expiredPage(reply);
      }
      if (details.uid !== request.params.uid) return expiredPage(reply);
      if (details.prompt.name === 'login') {
        const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
        return sendHtml(reply, 200, loginPage(details.uid, state.userPool.user.username, hint));
      }
      // Consent: the console is the pool's own app client, so what it asks for is granted (as a
      // Cognito app client's allowed scopes are, without a consent screen).
      const accountId = details.session?.accountId;
      if (details.prompt.name !== 'consent' || accountId === undefined) return expiredPage(reply);
      const grant =
        (details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId)) ??
        new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      reply.hijack();
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        { consent: details.grantId === undefined ? { grantId } : {} },
        { mergeWithLastSubmission: true },
      );
      return reply;
    },
  );

  app.post<{ Params: { uid: string } }>(
    `${INTERACTION_PREFIX}:uid/login`,
    async (request, reply) => {
      const provider = await state.userPool.provider();
      let details;
      try {
        details = await provider.interactionDetails(request.raw, reply.raw);
      } catch {
        return expiredPage(reply);
      }
      if (details.uid !== request.params.uid || details.prompt.name !== 'login') {
        return expiredPage(reply);
      }
      const form = new URLSearchParams(rawBody(request));
      const username = form.get('username') ?? '';
      const user = state.userPool.checkCredentials(username, form.get('password') ?? '');
      if (user === undefined) {
        return sendHtml(
          reply,
          401,
          loginPage(details.uid, state.userPool.user.username, username, WRONG_CREDENTIALS),
        );
      }
      reply.hijack();
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        { login: { accountId: user.sub, amr: ['pwd'] } },
        { mergeWithLastSubmission: false },
      );
      return reply;
    },
  );

  app.post<{ Params: { uid: string } }>(
    `${INTERACTION_PREFIX}:uid/abort`,
    async (request, reply) => {
      const provider = await state.userPool.provider();
      try {
        await provider.interactionDetails(request.raw, reply.raw);
      } catch {
        return expiredPage(reply);
      }
      reply.hijack();
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
      return reply;
    },
  );
}
