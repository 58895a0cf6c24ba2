/** Path (below the app's base URL) the user pool redirects to after sign-in. */
export const SIGN_IN_CALLBACK_PATH = 'auth/callback';

/** Where the console's OIDC redirects go, from the page's origin and Vite's base URL. */
export interface RedirectUris {
  /** `redirect_uri`, e.g. `http://127.0.0.1:5173/auth/callback`. */
  signIn: string;
  /** `post_logout_redirect_uri` (Cognito: `logout_uri`), the site root, e.g. `https://x/`. */
  signOut: string;
}

/**
 * The console's redirect URIs. They must be registered with the user pool client: infra registers
 * `<site>/auth/callback` and `<site>/`; the emulator accepts ports 5173, 4173 and 4183 by default.
 * (A module of its own, without oidc-client-ts, so start-up can tell a sign-in callback without
 * loading the library.)
 * @param origin the page's origin, e.g. `http://127.0.0.1:5173`.
 * @param baseUrl Vite's `BASE_URL`, e.g. `/`.
 */
export function redirectUris(origin: string, baseUrl: string): RedirectUris {
  const base = `${origin}${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}`;
  return { signIn: `${base}${SIGN_IN_CALLBACK_PATH}`, signOut: base };
}
