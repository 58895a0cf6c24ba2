import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from '../src/cli-options.ts';
import { type RunningEmulator, SMALL_SEED, startEmulator } from './helpers.ts';
import {
  authorizeUrl,
  BrowserSession,
  CLIENT_ID,
  exchangeCode,
  formAction,
  jwtPayload,
  pkcePair,
  REDIRECT_URI,
  signIn,
  submitLogin,
  TEST_USER,
  type TokenSet,
} from './oidc-helpers.ts';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED });
});
afterAll(async () => {
  await emu.close();
});

/** Starts a sign-in and returns the login page it lands on. */
async function loginPage(
  session: BrowserSession,
  challenge: string,
): Promise<{ res: Response; url: string }> {
  const page = await session.follow(authorizeUrl(session.endpoint, challenge));
  if (!page.res) throw new Error(`left the emulator: ${page.url}`);
  return { res: page.res, url: page.url };
}

async function refresh(endpoint: string, refreshToken: string): Promise<Response> {
  return fetch(`${endpoint}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: CLIENT_ID,
    }).toString(),
  });
}

describe('discovery and keys', () => {
  it('serves OpenID discovery with the issuer on the listening address', async () => {
    const res = await fetch(`${emu.endpoint}/oidc/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const config = (await res.json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: `${emu.endpoint}/oidc`,
      authorization_endpoint: `${emu.endpoint}/oidc/auth`,
      token_endpoint: `${emu.endpoint}/oidc/token`,
      jwks_uri: `${emu.endpoint}/oidc/jwks`,
      end_session_endpoint: `${emu.endpoint}/oidc/session/end`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: expect.arrayContaining(['RS256']),
    });
    expect(config.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'email', 'profile', 'offline_access']),
    );
    expect(emu.app.emulator.userPool.loginsKey).toBe(`${new URL(emu.endpoint).host}/oidc`);
  });

  it('serves a JWKS with one public RS256 signing key (no private members)', async () => {
    const res = await fetch(`${emu.endpoint}/oidc/jwks`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Array<Record<string, unknown>> };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(typeof keys[0]?.kid).toBe('string');
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
      expect(keys[0]).not.toHaveProperty(secret);
  });
});

describe('authorization code + PKCE sign-in', () => {
  let tokens: TokenSet;

  beforeAll(async () => {
    tokens = await signIn(emu.endpoint);
  });

  it('issues an ID token for the test user, verifiable with the published JWKS', async () => {
    const keys = createRemoteJWKSet(new URL(`${emu.endpoint}/oidc/jwks`));
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, keys, {
      issuer: `${emu.endpoint}/oidc`,
      audience: CLIENT_ID,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: emu.app.emulator.userPool.user.sub,
      email: 'alice@example.com',
      email_verified: true,
      name: 'alice',
      'cognito:username': 'alice@example.com',
      nonce: 'nonce-1',
    });
    expect(payload.sub).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(3600);
  });

  it('issues a refresh token that rotates; replaying a used one revokes the whole grant', async () => {
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const first = await refresh(emu.endpoint, tokens.refresh_token ?? '');
    expect(first.status).toBe(200);
    const renewed = (await first.json()) as TokenSet;
    expect(jwtPayload(renewed.id_token).sub).toBe(jwtPayload(tokens.id_token).sub);
    expect(renewed.refresh_token).toEqual(expect.any(String));
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    const next = await refresh(emu.endpoint, renewed.refresh_token ?? '');
    expect(next.status).toBe(200);
    const latest = (await next.json()) as TokenSet;
    const reused = await refresh(emu.endpoint, tokens.refresh_token ?? '');
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { error: string }).error).toBe('invalid_grant');
    // oidc-provider treats the replay as a stolen token and revokes its grant (OAuth 2.0
    // Security BCP): even the latest refresh token stops working.
    const afterReplay = await refresh(emu.endpoint, latest.refresh_token ?? '');
    expect(afterReplay.status).toBe(400);
  });

  it('lets the console origin call the token endpoint (CORS), and no other origin', async () => {
    const preflight = await fetch(`${emu.endpoint}/oidc/token`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');

    const { verifier, challenge } = pkcePair();
    const session = new BrowserSession(emu.endpoint);
    const posted = await submitLogin(session, await loginPage(session, challenge), TEST_USER);
    const back = await session.follow(
      new URL(posted.headers.get('location') ?? '', emu.endpoint).href,
    );
    const code = new URL(back.url).searchParams.get('code') ?? '';
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const evil = await fetch(`${emu.endpoint}/oidc/token`, {
      method: 'POST',
      headers: { ...headers, origin: 'http://evil.example' },
      body,
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const ok = await fetch(`${emu.endpoint}/oidc/token`, {
      method: 'POST',
      headers: { ...headers, origin: 'http://127.0.0.1:5173' },
      body,
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
  });

  it('signs in again without the form while the provider session lasts', async () => {
    const { challenge } = pkcePair();
    const session = new BrowserSession(emu.endpoint);
    const posted = await submitLogin(session, await loginPage(session, challenge), TEST_USER);
    expect(posted.status).toBe(303);
    await session.follow(new URL(posted.headers.get('location') ?? '', emu.endpoint).href);
    const second = await session.follow(authorizeUrl(emu.endpoint, pkcePair().challenge));
    expect(second.res).toBeUndefined();
    expect(new URL(second.url).searchParams.get('code')).toEqual(expect.any(String));
  });
});

describe('the sign-in form', () => {
  it('has labelled Username and Password fields and a Sign in button', async () => {
    const session = new BrowserSession(emu.endpoint);
    const page = await loginPage(session, pkcePair().challenge);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.res.text();
    expect(html).toContain('<label for="username">Username</label>');
    expect(html).toMatch(/<input id="username" name="username" type="text"/);
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toMatch(/<input id="password" name="password" type="password"/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(formAction(html, 'Sign in')).toMatch(/^\/oidc\/interaction\/[\w-]+\/login$/);
  });

  it('shows "Incorrect username or password." for a wrong password, then accepts the right one', async () => {
    const { verifier, challenge } = pkcePair();
    const session = new BrowserSession(emu.endpoint);
    const page = await loginPage(session, challenge);
    const wrong = await submitLogin(session, page, { ...TEST_USER, password: 'wrong' });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(html).toContain('<p class="error" role="alert">Incorrect username or password.</p>');
    // The username stays filled in.
    expect(html).toContain('value="alice@example.com"');
    const unknown = await submitLogin(
      session,
      { res: new Response(html), url: page.url },
      { username: 'bob@example.com', password: TEST_USER.password },
    );
    expect(unknown.status).toBe(401);
    const right = await submitLogin(
      session,
      { res: new Response(html), url: page.url },
      { username: 'ALICE@example.com', password: TEST_USER.password },
    );
    expect(right.status).toBe(303);
    const back = await session.follow(new URL(right.headers.get('location') ?? '', page.url).href);
    const code = new URL(back.url).searchParams.get('code') ?? '';
    expect((await exchangeCode(emu.endpoint, code, verifier)).status).toBe(200);
  });

  it('Cancel returns to the console with error=access_denied', async () => {
    const session = new BrowserSession(emu.endpoint);
    const page = await loginPage(session, pkcePair().challenge);
    const action = formAction(await page.res.text(), 'Cancel');
    const res = await session.request(new URL(action, page.url).href, { method: 'POST' });
    expect(res.status).toBe(303);
    const back = await session.follow(new URL(res.headers.get('location') ?? '', page.url).href);
    expect(back.url.startsWith(REDIRECT_URI)).toBe(true);
    expect(new URL(back.url).searchParams.get('error')).toBe('access_denied');
    expect(new URL(back.url).searchParams.get('state')).toBe('state-1');
  });

  it('refuses a posted login without the interaction cookie', async () => {
    const session = new BrowserSession(emu.endpoint);
    const page = await loginPage(session, pkcePair().challenge);
    const action = formAction(await page.res.text(), 'Sign in');
    const res = await fetch(new URL(action, page.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(TEST_USER).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('This sign-in request has expired or is unknown.');
  });
});

describe('client rules', () => {
  it('requires PKCE: no code_challenge → error=invalid_request at the redirect URI', async () => {
    const url = new URL(authorizeUrl(emu.endpoint, 'x'));
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const res = await fetch(url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '', emu.endpoint);
    expect(location.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toBe(
      'Authorization Server policy requires PKCE to be used for this request',
    );
  });

  it('refuses a code exchange with the wrong PKCE verifier (invalid_grant)', async () => {
    const { challenge } = pkcePair();
    const session = new BrowserSession(emu.endpoint);
    const posted = await submitLogin(session, await loginPage(session, challenge), TEST_USER);
    const back = await session.follow(
      new URL(posted.headers.get('location') ?? '', emu.endpoint).href,
    );
    const code = new URL(back.url).searchParams.get('code') ?? '';
    const res = await exchangeCode(emu.endpoint, code, pkcePair().verifier);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('does not redirect to an unregistered redirect_uri', async () => {
    const res = await fetch(
      authorizeUrl(emu.endpoint, pkcePair().challenge, {
        redirectUri: 'http://evil.example/auth/callback',
      }),
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('redirect_uri did not match any of the client');
  });

  it('knows no other client', async () => {
    const res = await fetch(
      authorizeUrl(emu.endpoint, pkcePair().challenge, { clientId: 'someone-else' }),
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid_client');
  });
});

describe('sign-out', () => {
  it('ends the session at once and returns to the post-logout URI; the next sign-in shows the form', async () => {
    const session = new BrowserSession(emu.endpoint);
    const { verifier, challenge } = pkcePair();
    const posted = await submitLogin(session, await loginPage(session, challenge), TEST_USER);
    const back = await session.follow(
      new URL(posted.headers.get('location') ?? '', emu.endpoint).href,
    );
    const code = new URL(back.url).searchParams.get('code') ?? '';
    const tokens = (await (await exchangeCode(emu.endpoint, code, verifier)).json()) as TokenSet;

    const end = new URL(`${emu.endpoint}/oidc/session/end`);
    end.searchParams.set('id_token_hint', tokens.id_token);
    end.searchParams.set('post_logout_redirect_uri', 'http://127.0.0.1:5173/');
    end.searchParams.set('client_id', CLIENT_ID);
    const confirm = await session.request(end.href);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    // The page submits itself (a browser signs out without a click).
    expect(html).toContain("document.getElementById('op.logoutForm').submit()");
    expect(html).toContain('<button type="submit" form="op.logoutForm">Sign out</button>');
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const done = await session.request(new URL(action, end).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('http://127.0.0.1:5173/');

    const again = await session.follow(authorizeUrl(emu.endpoint, pkcePair().challenge));
    expect(again.res?.status).toBe(200);
    expect(await again.res?.text()).toContain('>Sign in</button>');
  });
});

describe('options', () => {
  it('a configured test user, password, ID token lifetime and redirect URI are used', async () => {
    const other = await startEmulator({
      seed: 'none',
      testUser: 'bob@example.org',
      testPassword: 'S3cret-pw',
      idTokenTtlSeconds: 5,
      oidcRedirectUris: ['http://127.0.0.1:9999/auth/callback'],
    });
    try {
      await expect(signIn(other.endpoint)).rejects.toThrow();
      const { verifier, challenge } = pkcePair();
      const session = new BrowserSession(other.endpoint);
      const page = await session.follow(
        authorizeUrl(other.endpoint, challenge, {
          redirectUri: 'http://127.0.0.1:9999/auth/callback',
        }),
      );
      if (!page.res) throw new Error('no login page');
      const wrong = await submitLogin(session, { res: page.res.clone(), url: page.url }, TEST_USER);
      expect(wrong.status).toBe(401);
      const posted = await submitLogin(
        session,
        { res: page.res, url: page.url },
        { username: 'bob@example.org', password: 'S3cret-pw' },
      );
      const back = await session.follow(
        new URL(posted.headers.get('location') ?? '', page.url).href,
      );
      expect(back.url.startsWith('http://127.0.0.1:9999/auth/callback?')).toBe(true);
      const code = new URL(back.url).searchParams.get('code') ?? '';
      const res = await exchangeCode(
        other.endpoint,
        code,
        verifier,
        'http://127.0.0.1:9999/auth/callback',
      );
      const tokens = (await res.json()) as TokenSet;
      const claims = jwtPayload(tokens.id_token);
      expect(claims.email).toBe('bob@example.org');
      expect(Number(claims.exp) - Number(claims.iat)).toBe(5);
    } finally {
      await other.close();
    }
  });

  it('publicUrl fixes the issuer whatever the listening port', async () => {
    const other = await startEmulator({ seed: 'none', publicUrl: 'http://127.0.0.1:4599' });
    try {
      const config = (await (
        await fetch(`${other.endpoint}/oidc/.well-known/openid-configuration`)
      ).json()) as { issuer: string };
      expect(config.issuer).toBe('http://127.0.0.1:4599/oidc');
      expect(other.app.emulator.userPool.loginsKey).toBe('127.0.0.1:4599/oidc');
    } finally {
      await other.close();
    }
  });

  it('parses the sign-in flags', () => {
    expect(
      parseCliOptions([
        '--allow-guest',
        'false',
        '--guest-access',
        'read-write',
        '--public-url',
        'http://127.0.0.1:4599/',
        '--test-user',
        'bob@example.org',
        '--test-password',
        'S3cret-pw',
        '--id-token-ttl-seconds',
        '60',
        '--oidc-redirect-uri',
        'http://127.0.0.1:5173/auth/callback',
        '--oidc-redirect-uri',
        'http://127.0.0.1:4183/auth/callback',
        '--oidc-post-logout-redirect-uri',
        'http://127.0.0.1:5173/',
      ]),
    ).toEqual({
      port: 4599,
      host: '127.0.0.1',
      allowGuest: false,
      guestAccess: 'read-write',
      publicUrl: 'http://127.0.0.1:4599',
      testUser: 'bob@example.org',
      testPassword: 'S3cret-pw',
      idTokenTtlSeconds: 60,
      oidcRedirectUris: [
        'http://127.0.0.1:5173/auth/callback',
        'http://127.0.0.1:4183/auth/callback',
      ],
      oidcPostLogoutRedirectUris: ['http://127.0.0.1:5173/'],
    });
    expect(parseCliOptions(['--allow-guest', 'true']).allowGuest).toBe(true);
    expect(() => parseCliOptions(['--allow-guest', 'yes'])).toThrow(
      '--allow-guest must be true or false',
    );
    expect(() => parseCliOptions(['--guest-access', 'all'])).toThrow(
      '--guest-access must be read-only or read-write',
    );
    expect(() => parseCliOptions(['--public-url', 'http://127.0.0.1:4599/x'])).toThrow(
      '--public-url must be an origin',
    );
    expect(() => parseCliOptions(['--oidc-redirect-uri', 'ftp://x/cb'])).toThrow(
      '--oidc-redirect-uri must be an absolute http(s) URL',
    );
    expect(() => parseCliOptions(['--test-user', 'alice'])).toThrow('--test-user must be an email');
    expect(() => parseCliOptions(['--id-token-ttl-seconds', '0'])).toThrow(
      '--id-token-ttl-seconds',
    );
  });

  it('the CLI prints the issuer of the port it got and serves discovery there, without warnings', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'emulator/src/server.ts',
        '--port',
        '0',
        '--seed',
        'none',
        '--allow-guest',
        'false',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
    );
    let output = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const issuer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no user pool line: ${output}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match =
          /^Local user pool \(OIDC\) issuer (http:\/\/127\.0\.0\.1:\d+\/oidc): client esm-console-local, test user alice@example\.com; guests refused$/m.exec(
            output,
          );
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(output).toMatch(/^Lambda emulator listening on http:\/\/127\.0\.0\.1:\d+$/m);
    const config = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
    };
    expect(config.issuer).toBe(issuer);
    // The README supports Node.js 20: the provider must not warn about the runtime (oidc-provider
    // 9 does: "Unsupported runtime. Use Node.js v22.x"), nor about its storage.
    expect(stderr).toBe('');
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  }, 30_000);
});
