import { ErrorResponse, type User, type UserManager } from 'oidc-client-ts';
import type { AuthMode, GuestAccess } from '../../config/env.ts';
import { forgetCachedIdentityIds } from './identity-id-cache.ts';
import { isCognitoAuthority } from './logins.ts';
import { closeSession } from './session-closing.ts';
import type { RedirectUris } from './redirect-uris.ts';
import { TOKEN_REFRESH_MARGIN_SECONDS } from './user-manager.ts';

/** Who the console acts as: the identity pool's guest role, or a signed-in user. */
export type SessionIdentity =
  | { kind: 'guest' }
  | {
      kind: 'signed-in';
      /** The `email` claim of the ID token (the `cognito:username` or `sub` if it has none). */
      email: string;
      /** The `sub` claim. */
      sub: string;
    };

/** What the console's pages may know and do about the session (`useSession()`). */
export interface ConsoleSession {
  /** The configured mode (`auth.mode` in config.json). */
  mode: AuthMode;
  /** Who the credentials belong to. */
  identity: SessionIdentity;
  /** Sends the user to the sign-in page; they come back to the current page. */
  signIn: () => Promise<void>;
  /**
   * Drops this page's credentials, Lambda clients and cached data at once (`closeSession`), then
   * clears tokens and the cached identity id, ends the provider session, returns to `/`.
   */
  signOut: () => Promise<void>;
  /**
   * Whether this session still holds in the tab: for a signed-in user, whether the user is still
   * in sessionStorage (a page restored from the back/forward cache after a sign-out elsewhere in
   * the tab is not). Absent: always.
   */
  isCurrent?: () => boolean;
  /**
   * What the identity pool's guest role may do (`auth.guestAccess` in config.json); absent: the
   * app provider fills it in from the runtime configuration.
   */
  guestAccess?: GuestAccess;
}

/** The custom `state` the console round-trips through a sign-in. */
export interface SignInState {
  /** Path, query and hash of the page to return to, e.g. `/mappings/abc?region=eu-west-1`. */
  returnTo: string;
}

/**
 * Whether an error from a token refresh means the sign-in session is over: the token endpoint
 * answered with an OAuth error (`invalid_grant` for an expired, revoked or replayed refresh
 * token). Network failures and timeouts are not: the next attempt may succeed.
 * @param error what `signinSilent()` threw.
 */
export function isSessionEnd(error: unknown): boolean {
  return error instanceof ErrorResponse;
}

/**
 * Seconds the user's ID token remains valid (its `exp` claim).
 * @param user the stored user.
 * @param nowMs the current time in milliseconds.
 * @returns seconds left (negative when expired); `-Infinity` without an ID token.
 */
export function idTokenSecondsLeft(user: User, nowMs: number): number {
  const exp = user.profile.exp;
  if (!user.id_token || typeof exp !== 'number') return -Infinity;
  return exp - nowMs / 1000;
}

/**
 * The identity of a signed-in user, from the ID token claims.
 * @param user the stored user.
 */
export function identityOf(user: User): SessionIdentity {
  const { profile } = user;
  const username = profile['cognito:username'];
  const email =
    profile.email ?? (typeof username === 'string' ? username : undefined) ?? profile.sub;
  return { kind: 'signed-in', email, sub: profile.sub };
}

/** Thrown when the sign-in session ended and the redirect to sign in did not happen. */
export class SessionEndedError extends Error {
  /** @param cause why the redirect failed (e.g. the user pool could not be reached). */
  constructor(cause?: unknown) {
    super('Your sign-in session has ended. Sign in again.', { cause });
    this.name = 'SessionEndedError';
  }
}

/** Options of {@link AuthSession}. */
export interface AuthSessionOptions {
  /** Identity pool whose cached identity ids sign-out clears. */
  identityPoolId: string;
  /** Redirect URIs (sign-out returns to `uris.signOut`). */
  uris: RedirectUris;
  /** Path + query + hash of the current page (where to return after signing in again). */
  currentLocation: () => string;
  /** Full-page navigation (sign-out fallback). */
  assign: (url: string) => void;
  /** Current time in milliseconds. */
  now?: () => number;
}

/**
 * The signed-in session around oidc-client-ts's `UserManager`: a valid ID token on demand for the
 * identity pool `Logins` map, sign-in with a return path, sign-out, and what happens when the
 * session ends (refresh token refused): the stored user is removed and the user is sent to sign
 * in, returning to the page they were on.
 */
export class AuthSession {
  readonly #userManager: UserManager;
  readonly #options: AuthSessionOptions;
  readonly #now: () => number;
  #ending: Promise<never> | undefined;

  /**
   * @param userManager the console's user manager (a `SingleFlightUserManager` in the app).
   * @param options see {@link AuthSessionOptions}.
   */
  constructor(userManager: UserManager, options: AuthSessionOptions) {
    this.#userManager = userManager;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    // The library's automatic renewal failed: if the user pool refused, the session is over.
    userManager.events.addSilentRenewError((error) => {
      if (isSessionEnd(error)) this.endSession().catch(() => undefined);
    });
  }

  /**
   * A currently valid ID token for the identity pool's `Logins` map. When it has
   * {@link TOKEN_REFRESH_MARGIN_SECONDS} or less left (for instance after the tab slept), the
   * tokens are refreshed first (one refresh at a time, see `SingleFlightUserManager`).
   * @returns the ID token (a JWT).
   * @throws the refresh's network error (transient; the session stays).
   * Never settles when the session has ended: the page is on its way to the sign-in page
   * (see {@link endSession}).
   */
  async idToken(): Promise<string> {
    const user = await this.#userManager.getUser();
    if (!user) return this.endSession();
    if (idTokenSecondsLeft(user, this.#now()) > TOKEN_REFRESH_MARGIN_SECONDS && user.id_token) {
      return user.id_token;
    }
    if (!user.refresh_token) return this.endSession();
    let refreshed: User | null;
    try {
      refreshed = await this.#userManager.signinSilent();
    } catch (error) {
      if (isSessionEnd(error)) return this.endSession();
      throw error;
    }
    if (!refreshed?.id_token) return this.endSession();
    return refreshed.id_token;
  }

  /**
   * Sends the browser to the user pool's sign-in page.
   * @param returnTo where to come back to (default: the current page).
   * @returns never settles on success (the page navigates away).
   * @throws when the user pool's discovery document cannot be read.
   */
  signIn(returnTo: string = this.#options.currentLocation()): Promise<void> {
    const state: SignInState = { returnTo };
    return this.#userManager.signinRedirect({ state });
  }

  /**
   * The sign-in session is over: forget the user and send them to sign in again, back to the
   * current page afterwards. Called once however many requests notice it.
   * @returns never settles when the redirect starts.
   * @throws SessionEndedError when the redirect could not start.
   */
  endSession(): Promise<never> {
    this.#ending ??= (async () => {
      closeSession();
      await this.#userManager.removeUser();
      try {
        await this.signIn();
      } catch (error) {
        throw new SessionEndedError(error);
      }
      // signinRedirect resolves only when the navigation was cancelled (e.g. bfcache restore).
      throw new SessionEndedError();
    })();
    return this.#ending;
  }

  /**
   * Signs out: first closes this page's session (`closeSession`: credentials, Lambda clients and
   * the query cache are dropped and the pages unmounted, so nothing is shown or called even if
   * the browser later restores this page from its back/forward cache), then removes the cached
   * identity ids, revokes the refresh token when the provider's
   * discovery document names a revocation endpoint, removes the stored user and ends the provider's session
   * (OIDC RP-initiated logout; Cognito's `/logout` also needs `client_id` and `logout_uri`), which
   * redirects back to the site root. If the provider has no end-session endpoint, the user is
   * removed locally and the site root is loaded.
   * @returns never settles on success (the page navigates away).
   */
  async signOut(): Promise<void> {
    const um = this.#userManager;
    const { uris } = this.#options;
    closeSession();
    await forgetCachedIdentityIds(this.#options.identityPoolId).catch(() => undefined);
    try {
      if (await um.metadataService.getRevocationEndpoint(true)) {
        await um.revokeTokens(['refresh_token']);
      }
    } catch {
      // Best effort: the provider session still ends below.
    }
    try {
      await um.signoutRedirect({
        post_logout_redirect_uri: uris.signOut,
        ...(isCognitoAuthority(um.settings.authority)
          ? { extraQueryParams: { client_id: um.settings.client_id, logout_uri: uris.signOut } }
          : {}),
      });
    } catch {
      await um.removeUser();
      this.#options.assign(uris.signOut);
    }
  }
}
