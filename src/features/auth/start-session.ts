import type { User, UserManager } from 'oidc-client-ts';
import { createCognitoCredentials, type CredentialsProvider } from '../../api/lambda-client.ts';
import type { RuntimeConfig } from '../../config/env.ts';
import { forgetCachedIdentityIds } from './identity-id-cache.ts';
import { loginsKey } from './logins.ts';
import { redirectUris, SIGN_IN_CALLBACK_PATH, type RedirectUris } from './redirect-uris.ts';
import type {
  AuthSession,
  ConsoleSession,
  identityOf as IdentityOf,
  SignInState,
} from './session.ts';
import { closeSession } from './session-closing.ts';
import type { userManagerSettings } from './user-manager.ts';

/** How the console starts, decided before the first render. */
export type SessionStart =
  | {
      /** Credentials are decided (guest or signed in): render the console. */
      status: 'active';
      session: ConsoleSession;
      credentials: CredentialsProvider;
    }
  | {
      /** `signed-in` mode and nobody is signed in: show the sign-in prompt. */
      status: 'signed-out';
      signIn: () => Promise<void>;
    }
  | {
      /** The user pool redirected back with an error, or the code exchange failed. */
      status: 'sign-in-failed';
      message: string;
      signIn: () => Promise<void>;
    };

/** The browser surroundings {@link startSession} uses (injectable for tests). */
export interface BrowserContext {
  /** `window.location`. */
  location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash' | 'href' | 'assign'>;
  /** `window.history`. */
  history: Pick<History, 'replaceState'>;
  /** `window.sessionStorage`: where oidc-client-ts keeps the user and sign-in state. */
  storage: Storage;
  /** Vite's `BASE_URL`. */
  baseUrl: string;
  /** Builds the user manager when oidc-client-ts is loaded (tests pass a fake). */
  createUserManager?: (settings: ReturnType<typeof userManagerSettings>) => UserManager;
}

/**
 * The page to return to after sign-in, when it is a path of this site; anything else (absolute
 * or protocol-relative URLs, the callback itself) becomes the site root, so a crafted `state`
 * cannot send the user elsewhere.
 * @param value the `returnTo` from the sign-in state.
 * @param baseUrl Vite's `BASE_URL`.
 */
export function safeReturnPath(value: unknown, baseUrl: string): string {
  const root = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  if (typeof value !== 'string') return root;
  if (!value.startsWith(root) || value.startsWith('//') || value.includes('\\')) return root;
  if (value.split(/[?#]/)[0] === `${root}${SIGN_IN_CALLBACK_PATH}`) return root;
  return value;
}

function errorMessage(error: unknown): string {
  if (error && typeof error === 'object') {
    const { error: code, error_description: description } = error as {
      error?: unknown;
      error_description?: unknown;
    };
    if (typeof code === 'string') {
      return typeof description === 'string' && description ? `${code}: ${description}` : code;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts downloading oidc-client-ts and the session code, without waiting, when this tab holds
 * OIDC state (a stored user, or a sign-in under way: sessionStorage keys of the library's prefix
 * `oidc.`), so that a signed-in start fetches them while config.json loads instead of after it.
 * A failed download is ignored here: {@link startSession} imports them again.
 * @param storage `window.sessionStorage`.
 */
export function preloadOidcSession(storage: Storage): void {
  for (let i = 0; i < storage.length; i += 1) {
    if (storage.key(i)?.startsWith('oidc.')) {
      void Promise.all([import('./user-manager.ts'), import('./session.ts')]).catch(
        () => undefined,
      );
      return;
    }
  }
}

/**
 * Starts the console's session before the first render.
 *
 * 1. On `/auth/callback`, completes the sign-in (code + PKCE verifier → tokens, via
 *    oidc-client-ts) and replaces the URL with the page the user came from.
 * 2. With a stored user (this tab's sessionStorage), the console acts as that user: credentials
 *    come from the identity pool with the ID token in `Logins` under the authority's key.
 * 3. Without one: guest credentials in `guest` mode, the sign-in prompt in `signed-in` mode.
 *
 * oidc-client-ts and `AuthSession` are imported (and the user manager built) only for 1, 2 or
 * when Sign in / Sign out is used, so a guest's or a signed-out visit's first page does not wait
 * for them. Whether a user is stored is read from sessionStorage (the library's key
 * `oidc.user:<authority>:<client_id>`), without which `getUser()` would return null.
 *
 * @param config validated runtime configuration.
 * @param browser location, history, storage and base URL.
 * @returns what to render (see {@link SessionStart}).
 */
export async function startSession(
  config: RuntimeConfig,
  browser: BrowserContext,
): Promise<SessionStart> {
  const { location, history, storage, baseUrl } = browser;
  const uris: RedirectUris = redirectUris(location.origin, baseUrl);
  // oidc-client-ts (and the session code around it) is loaded only when there is an OIDC
  // session to handle: a sign-in callback, a stored user, or a click on Sign in / Sign out. A
  // guest or signed-out visit shows its first page without downloading it.
  let loading:
    | Promise<{ userManager: UserManager; auth: AuthSession; identityOf: typeof IdentityOf }>
    | undefined;
  const loadAuth = () =>
    (loading ??= Promise.all([import('./user-manager.ts'), import('./session.ts')]).then(
      ([{ SingleFlightUserManager, userManagerSettings }, { AuthSession, identityOf }]) => {
        const settings = userManagerSettings(config.auth, uris, storage);
        const userManager =
          browser.createUserManager?.(settings) ?? new SingleFlightUserManager(settings);
        const auth = new AuthSession(userManager, {
          identityPoolId: config.identityPoolId,
          uris,
          currentLocation: () => `${location.pathname}${location.search}${location.hash}`,
          assign: (url) => location.assign(url),
        });
        return { userManager, auth, identityOf };
      },
    ));
  const signIn = async () => (await loadAuth()).auth.signIn();
  // As AuthSession.signOut, the page's session closes at once, before the library loads.
  const signOut = async () => {
    closeSession();
    return (await loadAuth()).auth.signOut();
  };
  // oidc-client-ts's WebStorageStateStore key (prefix `oidc.`) of the stored user: without it,
  // `userManager.getUser()` resolves to null.
  const userKey = `oidc.user:${config.auth.authority}:${config.auth.userPoolClientId}`;

  let user: User | null = null;
  if (`${location.origin}${location.pathname}` === uris.signIn) {
    const { userManager, auth } = await loadAuth();
    try {
      user = (await userManager.signinCallback(location.href)) ?? null;
    } catch (error) {
      history.replaceState(null, '', uris.signOut);
      return {
        status: 'sign-in-failed',
        message: errorMessage(error),
        signIn: () => auth.signIn(safeReturnPath(undefined, baseUrl)),
      };
    }
    const state = (user?.state ?? undefined) as Partial<SignInState> | undefined;
    history.replaceState(null, '', safeReturnPath(state?.returnTo, baseUrl));
  }
  if (!user && storage.getItem(userKey) !== null)
    user = await (await loadAuth()).userManager.getUser();

  const guestAccess = config.auth.guestAccess;
  if (user) {
    const { auth, identityOf } = await loadAuth();
    return {
      status: 'active',
      session: {
        mode: config.auth.mode,
        identity: identityOf(user),
        signIn,
        signOut: () => auth.signOut(),
        isCurrent: () => storage.getItem(userKey) !== null,
        ...(guestAccess ? { guestAccess } : {}),
      },
      credentials: createCognitoCredentials(config, {
        key: loginsKey(config.auth.authority),
        idToken: () => auth.idToken(),
      }),
    };
  }
  if (config.auth.mode === 'guest') {
    return {
      status: 'active',
      session: {
        mode: 'guest',
        identity: { kind: 'guest' },
        signIn,
        signOut,
        ...(guestAccess ? { guestAccess } : {}),
      },
      credentials: createCognitoCredentials(config, undefined, {
        forgetCachedIdentityId: () => forgetCachedIdentityIds(config.identityPoolId),
      }),
    };
  }
  return { status: 'signed-out', signIn };
}
