import { ErrorResponse, User, type UserManager } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig } from '../../config/env.ts';
import { isSessionClosed, onSessionClose, resetSessionClosingForTests } from './session-closing.ts';
import { safeReturnPath, startSession, type BrowserContext } from './start-session.ts';

const config = (mode: 'guest' | 'signed-in'): RuntimeConfig => ({
  region: 'us-east-1',
  identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
  auth: {
    mode,
    userPoolClientId: 'esm-console-local',
    authority: 'http://127.0.0.1:4599/oidc',
  },
  lambdaEndpoint: 'http://127.0.0.1:4599',
  cognitoIdentityEndpoint: 'http://127.0.0.1:4599',
});

const alice = (state?: unknown) =>
  new User({
    id_token: 'id',
    access_token: 'access',
    refresh_token: 'refresh',
    token_type: 'Bearer',
    userState: state,
    profile: {
      sub: 'sub-1',
      iss: 'http://127.0.0.1:4599/oidc',
      aud: 'esm-console-local',
      iat: 1,
      exp: 2,
      email: 'alice@example.com',
    },
  });

/** oidc-client-ts's sessionStorage key of the user stored for `config()`'s user pool client. */
const USER_KEY = 'oidc.user:http://127.0.0.1:4599/oidc:esm-console-local';

afterEach(() => {
  sessionStorage.clear();
  resetSessionClosingForTests();
});

/** A user manager whose stored user and callback outcome the test decides. */
function fakeUserManager({
  stored = null,
  callback,
}: {
  stored?: User | null;
  callback?: () => Promise<User>;
}) {
  if (stored) sessionStorage.setItem(USER_KEY, stored.toStorageString());
  const fake = {
    built: 0,
    settingsSeen: undefined as unknown,
    redirects: [] as unknown[],
    events: { addSilentRenewError: vi.fn() },
    getUser: vi.fn(() => Promise.resolve(stored)),
    signinCallback: vi.fn((url: string) => {
      void url;
      return callback ? callback() : Promise.reject(new Error('no callback expected'));
    }),
    signinRedirect: vi.fn((args: unknown) => {
      fake.redirects.push(args);
      return new Promise<void>(() => undefined);
    }),
  };
  return fake;
}

function browser(
  path: string,
  fake: ReturnType<typeof fakeUserManager>,
): BrowserContext & { replaced: string[] } {
  const url = new URL(path, 'http://127.0.0.1:5173');
  const replaced: string[] = [];
  return {
    replaced,
    location: {
      origin: url.origin,
      pathname: url.pathname,
      search: url.search,
      hash: url.hash,
      href: url.href,
      assign: vi.fn(),
    },
    history: { replaceState: (_data, _unused, target) => void replaced.push(String(target)) },
    storage: sessionStorage,
    baseUrl: '/',
    createUserManager: (settings) => {
      fake.built += 1;
      fake.settingsSeen = settings;
      return fake as unknown as UserManager;
    },
  };
}

describe('startSession', () => {
  it('signed-in mode without a user: the sign-in prompt, which returns to the page', async () => {
    const fake = fakeUserManager({});
    const start = await startSession(config('signed-in'), browser('/mappings/abc?x=1', fake));
    expect(start.status).toBe('signed-out');
    if (start.status !== 'signed-out') return;
    expect(fake.built).toBe(0);
    void start.signIn();
    await vi.waitFor(() =>
      expect(fake.redirects).toEqual([{ state: { returnTo: '/mappings/abc?x=1' } }]),
    );
    expect(fake.settingsSeen).toMatchObject({
      redirect_uri: 'http://127.0.0.1:5173/auth/callback',
      post_logout_redirect_uri: 'http://127.0.0.1:5173/',
      client_id: 'esm-console-local',
    });
  });

  it('guest mode without a user: guest credentials and a guest identity', async () => {
    const fake = fakeUserManager({});
    const start = await startSession(config('guest'), browser('/mappings/abc', fake));
    expect(start).toMatchObject({
      status: 'active',
      session: { mode: 'guest', identity: { kind: 'guest' } },
    });
    // No user stored: the OIDC library is not needed to show the page…
    expect(fake.built).toBe(0);
    if (start.status !== 'active') return;
    // …until the guest signs in.
    void start.session.signIn();
    await vi.waitFor(() =>
      expect(fake.redirects).toEqual([{ state: { returnTo: '/mappings/abc' } }]),
    );
    expect(fake.built).toBe(1);
  });

  it("a guest's sign-out closes the page's session before anything is loaded", async () => {
    const start = await startSession(config('guest'), browser('/', fakeUserManager({})));
    if (start.status !== 'active') throw new Error(start.status);
    const closed = vi.fn();
    onSessionClose(closed);
    void start.session.signOut().catch(() => undefined);
    expect(isSessionClosed()).toBe(true);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('with a stored user (either mode): signed in as that user', async () => {
    for (const mode of ['guest', 'signed-in'] as const) {
      const fake = fakeUserManager({ stored: alice() });
      const start = await startSession(config(mode), browser('/', fake));
      expect(start).toMatchObject({
        status: 'active',
        session: { mode, identity: { kind: 'signed-in', email: 'alice@example.com' } },
      });
      expect(fake.signinCallback).not.toHaveBeenCalled();
    }
  });

  it('completes the sign-in on /auth/callback and goes back to the page the user came from', async () => {
    const fake = fakeUserManager({
      callback: () => Promise.resolve(alice({ returnTo: '/mappings/abc?region=eu-west-1' })),
    });
    const context = browser('/auth/callback?code=c&state=s', fake);
    const start = await startSession(config('signed-in'), context);
    expect(fake.signinCallback).toHaveBeenCalledWith(
      'http://127.0.0.1:5173/auth/callback?code=c&state=s',
    );
    expect(context.replaced).toEqual(['/mappings/abc?region=eu-west-1']);
    expect(start).toMatchObject({ status: 'active', session: { identity: { sub: 'sub-1' } } });
    expect(fake.getUser).not.toHaveBeenCalled();
  });

  it('never returns to another site after sign-in', async () => {
    const fake = fakeUserManager({
      callback: () => Promise.resolve(alice({ returnTo: '//evil.example/phish' })),
    });
    const context = browser('/auth/callback?code=c&state=s', fake);
    await startSession(config('signed-in'), context);
    expect(context.replaced).toEqual(['/']);
  });

  it('reports a refused or cancelled sign-in with the user pool’s error', async () => {
    const fake = fakeUserManager({
      callback: () =>
        Promise.reject(
          new ErrorResponse({
            error: 'access_denied',
            error_description: 'End-User aborted interaction',
          }),
        ),
    });
    const context = browser('/auth/callback?error=access_denied&state=s', fake);
    const start = await startSession(config('signed-in'), context);
    expect(start).toMatchObject({
      status: 'sign-in-failed',
      message: 'access_denied: End-User aborted interaction',
    });
    expect(context.replaced).toEqual(['http://127.0.0.1:5173/']);
  });
});

describe('safeReturnPath', () => {
  it('keeps paths of this site with query and hash', () => {
    expect(safeReturnPath('/mappings/a?region=eu-west-1#x', '/')).toBe(
      '/mappings/a?region=eu-west-1#x',
    );
    expect(safeReturnPath('/console/mappings/a', '/console/')).toBe('/console/mappings/a');
  });

  it('sends anything else to the site root', () => {
    for (const value of [
      undefined,
      42,
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'mappings/a',
      '/auth/callback?code=x',
    ]) {
      expect(safeReturnPath(value, '/'), String(value)).toBe('/');
    }
    expect(safeReturnPath('/other', '/console/')).toBe('/console/');
  });
});
