/**
 * The identity pool `Logins` key of an OpenID Connect provider: its issuer URL without the scheme
 * and without a trailing slash. For a Cognito user pool this is exactly the provider name Cognito
 * Identity expects, `cognito-idp.<region>.amazonaws.com/<userPoolId>` (Cognito Identity
 * `GetId`/`GetCredentialsForIdentity`, "Logins"); for another OIDC provider it is the provider's
 * issuer host and path (the local emulator: `127.0.0.1:4599/oidc`).
 * @param authority the issuer, e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC`.
 * @returns e.g. `cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC`.
 * @throws Error when `authority` is not an absolute http(s) URL.
 */
export function loginsKey(authority: string): string {
  const match = /^https?:\/\/(.+?)\/*$/i.exec(authority);
  if (!match?.[1]) throw new Error(`Not an http(s) issuer URL: ${JSON.stringify(authority)}`);
  return match[1];
}

/**
 * Whether an OIDC authority is an Amazon Cognito user pool (`cognito-idp.<region>.amazonaws.com`
 * or `.amazonaws.com.cn`). Cognito's logout endpoint needs `client_id` and `logout_uri` instead of
 * the standard `post_logout_redirect_uri` (Cognito developer guide, "Logout endpoint").
 * @param authority the issuer URL.
 */
export function isCognitoAuthority(authority: string): boolean {
  return /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(authority);
}
