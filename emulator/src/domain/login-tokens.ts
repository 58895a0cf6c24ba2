/**
 * Verification of the ID tokens an identity pool receives in `Logins` (GetId,
 * GetCredentialsForIdentity), with jose against the provider's key set, refusing bad tokens with
 * Cognito Identity's `NotAuthorizedException` texts.
 *
 * Message texts seen from the real service (GitHub issues of AWS SDKs/Amplify):
 * `Invalid login token. Token expired: <now> >= <exp>`, `Invalid login token. Couldn't verify
 * signed token.`, `Invalid login token. Issuer doesn't match providerName`, `Invalid login token.
 * Missing a required claim: aud`, `Token is not from a supported provider of this identity
 * pool.`. Assumed by analogy (not seen): `Invalid login token. Not a valid OpenId Connect
 * identity token.` and `Invalid login token. Missing a required claim: sub`.
 */
import { decodeJwt, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { CognitoError } from '../errors.ts';

/** A login provider the identity pool trusts. */
export interface TrustedLoginProvider {
  /** `Logins` key: the issuer without `https://`, e.g. `127.0.0.1:4599/oidc`. */
  key: string;
  /** Expected `iss` claim, e.g. `http://127.0.0.1:4599/oidc`. */
  issuer: string;
  /** Expected `aud` claim: the app client id. */
  clientId: string;
  /** Public keys of the provider. */
  keys: JWTVerifyGetKey;
}

/** The verified identity behind one login. */
export interface VerifiedLogin {
  /** The `Logins` key. */
  provider: string;
  /** The token's `sub`. */
  sub: string;
}

const NOT_SUPPORTED = 'Token is not from a supported provider of this identity pool.';

function notAuthorized(message: string): CognitoError {
  return new CognitoError('NotAuthorizedException', message);
}

/**
 * Verifies one login token.
 * @param providerName the `Logins` key.
 * @param token the ID token (compact JWS).
 * @param trusted the provider configured for that key, if any.
 * @param nowMs current time in milliseconds.
 * @returns the provider key and subject.
 * @throws CognitoError `NotAuthorizedException`: unknown provider or wrong audience (`Token is
 *   not from a supported provider of this identity pool.`), not a JWT, issuer ≠ provider name,
 *   bad signature or unknown key, expired (`Token expired: <now> >= <exp>`), missing `aud`/`sub`.
 */
export async function verifyLoginToken(
  providerName: string,
  token: string,
  trusted: TrustedLoginProvider | undefined,
  nowMs: number,
): Promise<VerifiedLogin> {
  if (trusted === undefined || trusted.key !== providerName) throw notAuthorized(NOT_SUPPORTED);
  let claims;
  try {
    claims = decodeJwt(token);
  } catch {
    throw notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.');
  }
  if (claims.iss !== trusted.issuer) {
    throw notAuthorized("Invalid login token. Issuer doesn't match providerName");
  }
  const now = Math.floor(nowMs / 1000);
  try {
    await jwtVerify(token, trusted.keys, {
      algorithms: ['RS256'],
      currentDate: new Date(nowMs),
      requiredClaims: ['exp'],
    });
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) {
      throw notAuthorized(`Invalid login token. Token expired: ${now} >= ${String(claims.exp)}`);
    }
    if (err instanceof joseErrors.JWTClaimValidationFailed && err.reason === 'missing') {
      throw notAuthorized(`Invalid login token. Missing a required claim: ${err.claim}`);
    }
    throw notAuthorized("Invalid login token. Couldn't verify signed token.");
  }
  const audiences = claims.aud === undefined ? [] : [claims.aud].flat();
  if (audiences.length === 0)
    throw notAuthorized('Invalid login token. Missing a required claim: aud');
  if (!audiences.includes(trusted.clientId)) throw notAuthorized(NOT_SUPPORTED);
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    throw notAuthorized('Invalid login token. Missing a required claim: sub');
  }
  return { provider: providerName, sub: claims.sub };
}
