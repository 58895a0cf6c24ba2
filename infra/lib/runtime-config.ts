import { awsEndpointOrigins } from './content-security-policy.ts';

/** `https://cognito-idp.<region>.<suffix>`, the user pool's OIDC issuer host. */
function userPoolEndpoint(region: string): string {
  const origin = awsEndpointOrigins(region).find((o) => o.startsWith('https://cognito-idp.'));
  if (origin === undefined) throw new Error('awsEndpointOrigins lost the cognito-idp endpoint');
  return origin;
}

/**
 * How the deployed console obtains credentials:
 * - `signed-in`: users sign in through the Cognito user pool (authorization code + PKCE), and the
 *   identity pool hands out the authenticated role.
 * - `guest`: the identity pool also hands out the read-only guest role without sign-in; signing
 *   in is still possible for write access.
 */
export type AuthMode = 'guest' | 'signed-in';

/** The `auth` block of the console's runtime config. */
export interface RuntimeAuthConfig {
  /** See {@link AuthMode}. */
  readonly mode: AuthMode;
  /** Cognito user pool id, `<region>_<id>`. */
  readonly userPoolId: string;
  /** App client id of the console (public client, no secret). */
  readonly userPoolClientId: string;
  /** OIDC issuer, `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly authority: string;
}

/**
 * The console's runtime config (`/config.json`) as the stack deploys it. Values may be CDK
 * tokens (resolved at deploy time by `Source.jsonData`). To add a field, add it here and in
 * {@link buildRuntimeConfig}; the console validates the file with `src/config/env.ts`.
 */
export interface RuntimeConfig {
  /** Default region of the console (the stack's region). */
  readonly region: string;
  /** Every region the console may switch to, when more than one is configured. */
  readonly regions?: readonly string[];
  /** Cognito identity pool id, `<region>:<guid>`. */
  readonly identityPoolId: string;
  /** Sign-in settings. */
  readonly auth: RuntimeAuthConfig;
}

/** Inputs of {@link buildRuntimeConfig} (the stack's resources). */
export interface RuntimeConfigInputs {
  /** The stack's region: the console's default region and the user pool's region. */
  readonly region: string;
  /** Regions configured through the `regions` context flag (includes `region`). */
  readonly regions: readonly string[];
  /** Identity pool id (token). */
  readonly identityPoolId: string;
  /** User pool id (token). */
  readonly userPoolId: string;
  /** User pool app client id (token). */
  readonly userPoolClientId: string;
  /** Whether guest (unauthenticated) identities are enabled. */
  readonly allowGuest: boolean;
}

/**
 * Builds the `config.json` object deployed next to the site.
 * @param inputs the stack's resource ids and settings.
 * @returns the runtime config; `regions` is present only when more than one region is configured.
 * @throws Error when `region` is not a region code.
 */
export function buildRuntimeConfig(inputs: RuntimeConfigInputs): RuntimeConfig {
  return {
    region: inputs.region,
    ...(inputs.regions.length > 1 ? { regions: [...inputs.regions] } : {}),
    identityPoolId: inputs.identityPoolId,
    auth: {
      mode: inputs.allowGuest ? 'guest' : 'signed-in',
      userPoolId: inputs.userPoolId,
      userPoolClientId: inputs.userPoolClientId,
      authority: `${userPoolEndpoint(inputs.region)}/${inputs.userPoolId}`,
    },
  };
}
