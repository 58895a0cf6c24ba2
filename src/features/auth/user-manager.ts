import {
  UserManager,
  WebStorageStateStore,
  type SigninSilentArgs,
  type User,
  type UserManagerSettings,
} from 'oidc-client-ts';
import type { AuthConfig } from '../../config/env.ts';
import type { RedirectUris } from './redirect-uris.ts';

/**
 * Scopes the console asks for. Cognito app clients allow `openid email profile` (infra's
 * `ConsoleClient`) and return a refresh token without `offline_access`, which Cognito does not
 * know; the local emulator does the same.
 */
export const SIGN_IN_SCOPES = 'openid email profile';

/**
 * Seconds before the access token's expiry at which oidc-client-ts refreshes the tokens
 * (its `accessTokenExpiringNotificationTimeInSeconds`, library default 60). The console also
 * refreshes on demand when the ID token has less than this left (see `AuthSession.idToken`).
 */
export const TOKEN_REFRESH_MARGIN_SECONDS = 60;

/**
 * A `UserManager` that never runs two refreshes at once: concurrent `signinSilent()` calls (the
 * library's automatic renewal and the credential provider's on-demand refresh) share one token
 * request. Refresh tokens rotate on every use and a replayed one revokes the whole grant (the
 * local emulator, and Cognito with refresh-token rotation), so a second concurrent refresh with
 * the same token would sign the user out.
 */
export class SingleFlightUserManager extends UserManager {
  #refreshing: Promise<User | null> | undefined;

  /**
   * Refreshes the tokens with the stored refresh token (oidc-client-ts `signinSilent`); while one
   * refresh runs, further calls get the same promise.
   * @param args passed to the library on the first call only.
   * @returns the refreshed user.
   * @throws ErrorResponse when the token endpoint refuses the refresh token (session ended).
   */
  override signinSilent(args?: SigninSilentArgs): Promise<User | null> {
    this.#refreshing ??= super.signinSilent(args).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }
}

/**
 * The oidc-client-ts settings of the console: authorization code flow with PKCE (the library's
 * only flow) for a public client, automatic refresh with the refresh token, and every piece of
 * OIDC state — the signed-in user's tokens (`userStore`) and the short-lived PKCE verifier and
 * `state` of a sign-in in progress (`stateStore`) — in this tab's `sessionStorage`, nothing in
 * `localStorage`.
 * @param auth the validated `auth` block of the runtime config.
 * @param uris redirect URIs (see `redirectUris` in redirect-uris.ts).
 * @param storage where to keep it; `window.sessionStorage` in the app.
 */
export function userManagerSettings(
  auth: AuthConfig,
  uris: RedirectUris,
  storage: Storage,
): UserManagerSettings {
  return {
    authority: auth.authority,
    client_id: auth.userPoolClientId,
    redirect_uri: uris.signIn,
    post_logout_redirect_uri: uris.signOut,
    response_type: 'code',
    scope: SIGN_IN_SCOPES,
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: TOKEN_REFRESH_MARGIN_SECONDS,
    // The profile comes from the ID token (email is in it); no userinfo call.
    loadUserInfo: false,
    userStore: new WebStorageStateStore({ store: storage }),
    stateStore: new WebStorageStateStore({ store: storage }),
  };
}
