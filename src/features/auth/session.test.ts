import { ErrorResponse, User, UserManager, type UserProfile } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthSession, identityOf, idTokenSecondsLeft, isSessionEnd } from './session.ts';
import { isSessionClosed, resetSessionClosingForTests } from './session-closing.ts';
import { SingleFlightUserManager, userManagerSettings } from './user-manager.ts';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const POOL = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';
const URIS = { signIn: 'http://127.0.0.1:5173/auth/callback', signOut: 'http://127.0.0.1:5173/' };

function user(secondsLeft: number, overrides: Partial<UserProfile> = {}, refresh = 'rt-1') {
  return new User({
    id_token: `id-token-${secondsLeft}`,
    access_token: 'access',
    refresh_token: refresh || undefined,
    token_type: 'Bearer',
    profile: {
      sub: 'b1f5e1c0-0000-4000-8000-000000000001',
      iss: 'http://127.0.0.1:4599/oidc',
      aud: 'esm-console-local',
      iat: NOW / 1000 - 10,
      exp: NOW / 1000 + secondsLeft,
      email: 'alice@example.com',
      ...overrides,
    },
  });
}

/** The parts of `UserManager` that `AuthSession` uses, recording what it is asked to do. */
class FakeUserManager {
  stored: User | null;
  refreshed: User | null = null;
  refreshError: unknown;
  revocationEndpoint: string | undefined;
  signoutError: unknown;
  readonly calls: string[] = [];
  readonly redirects: unknown[] = [];
  readonly signouts: unknown[] = [];
  private renewErrorHandlers: ((error: Error) => void)[] = [];
  readonly settings = { authority: 'http://127.0.0.1:4599/oidc', client_id: 'esm-console-local' };
  readonly events = {
    addSilentRenewError: (handler: (error: Error) => void) => {
      this.renewErrorHandlers.push(handler);
    },
  };
  readonly metadataService = {
    getRevocationEndpoint: () => Promise.resolve(this.revocationEndpoint),
  };

  constructor(stored: User | null) {
    this.stored = stored;
  }

  getUser = () => Promise.resolve(this.stored);
  removeUser = () => {
    this.calls.push('removeUser');
    this.stored = null;
    return Promise.resolve();
  };
  signinSilent = () => {
    this.calls.push('signinSilent');
    if (this.refreshError) return Promise.reject(this.refreshError);
    this.stored = this.refreshed;
    return Promise.resolve(this.refreshed);
  };
  /** Like the real one: never settles once the browser navigates. */
  signinRedirect = (args: unknown) => {
    this.calls.push('signinRedirect');
    this.redirects.push(args);
    return new Promise<void>(() => undefined);
  };
  revokeTokens = (types: unknown) => {
    this.calls.push(`revokeTokens ${JSON.stringify(types)}`);
    return Promise.resolve();
  };
  signoutRedirect = (args: unknown) => {
    this.calls.push('signoutRedirect');
    this.signouts.push(args);
    if (this.signoutError) return Promise.reject(this.signoutError);
    return new Promise<void>(() => undefined);
  };

  raiseSilentRenewError(error: Error) {
    for (const handler of this.renewErrorHandlers) handler(error);
  }
}

function session(fake: FakeUserManager, assign = vi.fn()) {
  return new AuthSession(fake as unknown as UserManager, {
    identityPoolId: POOL,
    uris: URIS,
    currentLocation: () => '/mappings/abc?region=eu-west-1',
    assign,
    now: () => NOW,
  });
}

/** Whether a promise is still pending after the microtask queue drained. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  promise.catch(() => undefined);
  const winner = await Promise.race([
    promise.then(
      () => 'settled',
      () => 'settled',
    ),
    new Promise((resolve) => setTimeout(() => resolve(marker), 20)),
  ]);
  return winner === marker;
}

const invalidGrant = () =>
  new ErrorResponse({ error: 'invalid_grant', error_description: 'grant request is invalid' });

describe('AuthSession.idToken', () => {
  it('returns the stored ID token while it has more than a minute left', async () => {
    const fake = new FakeUserManager(user(61));
    await expect(session(fake).idToken()).resolves.toBe('id-token-61');
    expect(fake.calls).toEqual([]);
  });

  it('refreshes first when the ID token has a minute or less left (or has expired)', async () => {
    for (const left of [60, 5, -3600]) {
      const fake = new FakeUserManager(user(left));
      fake.refreshed = user(3600);
      await expect(session(fake).idToken()).resolves.toBe('id-token-3600');
      expect(fake.calls).toEqual(['signinSilent']);
    }
  });

  it('keeps the session on a network failure: the error reaches the caller', async () => {
    const fake = new FakeUserManager(user(10));
    fake.refreshError = new TypeError('Failed to fetch');
    await expect(session(fake).idToken()).rejects.toThrow('Failed to fetch');
    expect(fake.calls).toEqual(['signinSilent']);
    expect(fake.stored).not.toBeNull();
  });

  it('ends the session when the user pool refuses the refresh token, returning to the page', async () => {
    const fake = new FakeUserManager(user(10));
    fake.refreshError = invalidGrant();
    const auth = session(fake);
    const token = auth.idToken();
    expect(await pending(token)).toBe(true);
    expect(fake.calls).toEqual(['signinSilent', 'removeUser', 'signinRedirect']);
    expect(fake.redirects).toEqual([{ state: { returnTo: '/mappings/abc?region=eu-west-1' } }]);
    // The page's session was closed first (credentials, Lambda clients, cache).
    expect(isSessionClosed()).toBe(true);
    resetSessionClosingForTests();
    // Every later caller waits for the same redirect; it is started once.
    expect(await pending(auth.idToken())).toBe(true);
    expect(await pending(auth.endSession())).toBe(true);
    expect(fake.calls.filter((c) => c === 'signinRedirect')).toHaveLength(1);
  });

  it('ends the session without a stored user, or without a refresh token to renew', async () => {
    const none = new FakeUserManager(null);
    expect(await pending(session(none).idToken())).toBe(true);
    expect(none.calls).toEqual(['removeUser', 'signinRedirect']);

    const noRefresh = new FakeUserManager(user(10, {}, ''));
    expect(await pending(session(noRefresh).idToken())).toBe(true);
    expect(noRefresh.calls).toEqual(['removeUser', 'signinRedirect']);
  });

  it('reports a redirect that could not start as SessionEndedError', async () => {
    const fake = new FakeUserManager(null);
    fake.signinRedirect = () => Promise.reject(new Error('discovery failed'));
    await expect(session(fake).idToken()).rejects.toMatchObject({
      name: 'SessionEndedError',
      cause: { message: 'discovery failed' },
    });
  });
});

describe('AuthSession automatic renewal failures', () => {
  it('ends the session when the library’s renewal is refused, not on network errors', async () => {
    const fake = new FakeUserManager(user(30));
    session(fake);
    fake.raiseSilentRenewError(new TypeError('Failed to fetch'));
    await Promise.resolve();
    expect(fake.calls).toEqual([]);
    fake.raiseSilentRenewError(invalidGrant());
    await vi.waitFor(() => expect(fake.calls).toEqual(['removeUser', 'signinRedirect']));
  });
});

describe('AuthSession.signOut', () => {
  afterEach(() => {
    localStorage.clear();
    resetSessionClosingForTests();
  });

  it('closes the page’s session before anything else (credentials, clients, cache)', () => {
    const fake = new FakeUserManager(user(3600));
    void session(fake).signOut();
    // Synchronously, before the first await: nothing can be called in between.
    expect(isSessionClosed()).toBe(true);
  });

  it('forgets cached identity ids, ends the provider session and returns to the site root', async () => {
    localStorage.setItem(`aws:cognito-identity-credentials:${POOL}:ANONYMOUS`, 'us-east-1:guest');
    localStorage.setItem('aws:cognito-identity-credentials:other:ANONYMOUS', 'keep');
    const fake = new FakeUserManager(user(3600));
    expect(await pending(session(fake).signOut())).toBe(true);
    expect(localStorage.getItem(`aws:cognito-identity-credentials:${POOL}:ANONYMOUS`)).toBeNull();
    expect(localStorage.getItem('aws:cognito-identity-credentials:other:ANONYMOUS')).toBe('keep');
    // No revocation endpoint (the emulator): nothing to revoke; standard RP-initiated logout.
    expect(fake.calls).toEqual(['signoutRedirect']);
    expect(fake.signouts).toEqual([{ post_logout_redirect_uri: URIS.signOut }]);
  });

  it('revokes the refresh token and adds Cognito’s logout parameters for a user pool', async () => {
    const fake = new FakeUserManager(user(3600));
    fake.settings.authority = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI';
    fake.settings.client_id = '4h3kq9s0ab1cd2ef3gh4ij5kl6';
    fake.revocationEndpoint = 'https://acme.auth.eu-west-1.amazoncognito.com/oauth2/revoke';
    expect(await pending(session(fake).signOut())).toBe(true);
    expect(fake.calls).toEqual(['revokeTokens ["refresh_token"]', 'signoutRedirect']);
    expect(fake.signouts).toEqual([
      {
        post_logout_redirect_uri: URIS.signOut,
        extraQueryParams: { client_id: '4h3kq9s0ab1cd2ef3gh4ij5kl6', logout_uri: URIS.signOut },
      },
    ]);
  });

  it('signs out locally when the provider has no end-session endpoint', async () => {
    const fake = new FakeUserManager(user(3600));
    fake.signoutError = new Error('No end session endpoint');
    const assign = vi.fn();
    await session(fake, assign).signOut();
    expect(fake.calls).toEqual(['signoutRedirect', 'removeUser']);
    expect(assign).toHaveBeenCalledWith(URIS.signOut);
  });
});

describe('identityOf, idTokenSecondsLeft, isSessionEnd', () => {
  it('names the user by email, else cognito:username, else sub', () => {
    expect(identityOf(user(1))).toEqual({
      kind: 'signed-in',
      email: 'alice@example.com',
      sub: 'b1f5e1c0-0000-4000-8000-000000000001',
    });
    expect(identityOf(user(1, { email: undefined, 'cognito:username': 'alice' }))).toMatchObject({
      email: 'alice',
    });
    expect(identityOf(user(1, { email: undefined }))).toMatchObject({
      email: 'b1f5e1c0-0000-4000-8000-000000000001',
    });
  });

  it('counts the seconds left on the ID token', () => {
    expect(idTokenSecondsLeft(user(90), NOW)).toBe(90);
    expect(idTokenSecondsLeft(user(90), NOW + 100_000)).toBe(-10);
    const noToken = user(90);
    noToken.id_token = undefined;
    expect(idTokenSecondsLeft(noToken, NOW)).toBe(-Infinity);
  });

  it('treats OAuth errors as the end of the session, other errors as transient', () => {
    expect(isSessionEnd(invalidGrant())).toBe(true);
    expect(isSessionEnd(new TypeError('Failed to fetch'))).toBe(false);
  });
});

describe('SingleFlightUserManager', () => {
  it('runs one refresh at a time: concurrent callers share it, later ones start a new one', async () => {
    let finish: (value: User) => void = () => undefined;
    const parent = vi
      .spyOn(UserManager.prototype, 'signinSilent')
      .mockImplementation(() => new Promise<User>((resolve) => (finish = resolve)));
    const manager = new SingleFlightUserManager({
      ...userManagerSettings(
        {
          mode: 'signed-in',
          userPoolClientId: 'esm-console-local',
          authority: 'http://127.0.0.1:4599/oidc',
        },
        URIS,
        sessionStorage,
      ),
      automaticSilentRenew: false,
    });
    const first = manager.signinSilent();
    const second = manager.signinSilent();
    expect(second).toBe(first);
    expect(parent).toHaveBeenCalledTimes(1);
    const refreshed = user(3600);
    finish(refreshed);
    await expect(first).resolves.toBe(refreshed);
    void manager.signinSilent();
    expect(parent).toHaveBeenCalledTimes(2);
  });
});

describe('userManagerSettings', () => {
  it('keeps all OIDC state in the given storage and asks for Cognito-compatible scopes', () => {
    const settings = userManagerSettings(
      { mode: 'guest', userPoolClientId: 'client', authority: 'https://idp.example.com/pool' },
      URIS,
      sessionStorage,
    );
    expect(settings).toMatchObject({
      authority: 'https://idp.example.com/pool',
      client_id: 'client',
      redirect_uri: URIS.signIn,
      post_logout_redirect_uri: URIS.signOut,
      response_type: 'code',
      scope: 'openid email profile',
      automaticSilentRenew: true,
      loadUserInfo: false,
    });
  });

  it('stores the user and the sign-in state in the given storage, nothing in localStorage', async () => {
    sessionStorage.clear();
    localStorage.clear();
    const settings = userManagerSettings(
      { mode: 'guest', userPoolClientId: 'client', authority: 'https://idp.example.com/pool' },
      URIS,
      sessionStorage,
    );
    await settings.userStore?.set('user:x', 'tokens');
    await settings.stateStore?.set('state-id', 'pkce verifier');
    expect(Object.keys(sessionStorage).sort()).toEqual(['oidc.state-id', 'oidc.user:x']);
    expect(localStorage).toHaveLength(0);
    sessionStorage.clear();
  });
});
