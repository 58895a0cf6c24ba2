/**
 * The local stand-in for the Cognito user pool: an OpenID Connect provider built on the certified
 * `oidc-provider` library, with one public client (the console, authorization code + PKCE,
 * rotating refresh tokens) and one configurable test user. Its ID tokens are what the identity
 * pool accepts in `Logins` (see `login-tokens.ts`).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { createLocalJWKSet, type JWK, type JWTVerifyGetKey } from 'jose';
import type Provider from 'oidc-provider';
import type { Account, Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { createMemoryAdapter } from './oidc-memory-adapter.ts';

/** Settings of the local user pool (emulator options, defaults applied). */
export interface UserPoolSettings {
  /** OAuth client id of the console, e.g. `esm-console-local`. */
  clientId: string;
  /** Allowed `redirect_uri` values (exact match), e.g. `http://127.0.0.1:5173/auth/callback`. */
  redirectUris: readonly string[];
  /** Allowed `post_logout_redirect_uri` values (exact match). */
  postLogoutRedirectUris: readonly string[];
  /** Username of the test user (an email address, like a Cognito pool signing in by email). */
  username: string;
  /** Password of the test user. */
  password: string;
  /** Lifetime of ID and access tokens in seconds (read at issue time, so it can change live). */
  idTokenTtlSeconds: () => number;
}

/** The one user who can sign in, with the claims its ID tokens carry. */
export interface TestUser {
  /** Stable subject: a UUID derived from the username, like Cognito's `sub`. */
  sub: string;
  /** `cognito:username` claim. */
  username: string;
  email: string;
  /** `name` claim: the part of the email before `@`. */
  name: string;
}

/** Path under which the provider is mounted on the emulator's origin. */
export const OIDC_MOUNT_PATH = '/oidc';

/** Refresh tokens live 30 days, Cognito's default. */
const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;
/** oidc-provider's default tolerance for clock skew, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 15;
/** A sign-in session at the provider lasts 8 hours. */
const SESSION_TTL_SECONDS = 8 * 60 * 60;

/** A lowercase RFC-4122 v4-style UUID from the first 16 bytes of a hash. */
function uuidFromHash(input: string): string {
  const b = createHash('sha256').update(input).digest().subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * A minimal HTML page in the style of the emulator's sign-in pages.
 * @param title page title and heading.
 * @param body inner HTML (already escaped).
 */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f2f3f3;margin:0;padding:48px 16px;color:#16191f}
main{max-width:360px;margin:0 auto;background:#fff;padding:24px 32px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.2)}
h1{font-size:1.4em;margin-top:0}label{display:block;font-weight:600;margin:12px 0 4px}
input{width:100%;box-sizing:border-box;padding:8px;font-size:1em;border:1px solid #8c8c94;border-radius:4px}
button{margin-top:20px;width:100%;padding:10px;font-size:1em;font-weight:700;border:0;border-radius:20px;background:#0972d3;color:#fff;cursor:pointer}
button.secondary{background:none;color:#0972d3;margin-top:8px}
p.error{color:#d91515;font-weight:600}p.note{color:#5f6b7a;font-size:.85em}
</style>
</head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>`;
}

/** The scheme-less form of an issuer URL: the `Logins` key the identity pool expects. */
export function loginsKeyOf(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '');
}

/**
 * The local user pool. The provider itself is created on first use, once the issuer (the
 * emulator's public URL plus `/oidc`) is known: the CLI learns its port only after listening.
 */
export class LocalUserPool {
  private issuerUrl: string;
  private issuerFixed: boolean;
  private instance: Promise<Provider> | undefined;
  private keyPair: { privateJwk: JWK; publicJwk: JWK } | undefined;
  private verifyKeys: JWTVerifyGetKey | undefined;
  /** The test user (its sub is derived from the username). */
  readonly user: TestUser;

  /**
   * @param settings client, redirect URIs, test user and token lifetime.
   * @param issuer issuer URL, e.g. `http://127.0.0.1:4599/oidc`; when `fixed` is false it may
   *   still be replaced by {@link setIssuer} before first use.
   * @param fixed whether the issuer was configured explicitly (`--public-url`).
   */
  constructor(
    readonly settings: UserPoolSettings,
    issuer: string,
    fixed: boolean,
  ) {
    this.issuerUrl = issuer;
    this.issuerFixed = fixed;
    const email = settings.username;
    this.user = {
      sub: uuidFromHash(`esm-console-emulator-user:${email.toLowerCase()}`),
      username: email,
      email,
      name: email.split('@')[0] ?? email,
    };
  }

  /** Issuer URL, e.g. `http://127.0.0.1:4599/oidc` (no trailing slash). */
  get issuer(): string {
    return this.issuerUrl;
  }

  /** The `Logins` map key of this provider: the issuer without its scheme. */
  get loginsKey(): string {
    return loginsKeyOf(this.issuerUrl);
  }

  /**
   * Sets the issuer from the address the server listens on, unless one was configured.
   * @param issuer e.g. `http://127.0.0.1:43121/oidc`.
   * @throws Error if the provider already runs with another issuer.
   */
  setIssuer(issuer: string): void {
    if (this.issuerFixed || issuer === this.issuerUrl) return;
    if (this.instance) throw new Error('the OIDC provider already runs with another issuer');
    this.issuerUrl = issuer;
  }

  private keys(): { privateJwk: JWK; publicJwk: JWK } {
    if (!this.keyPair) {
      // A fresh RS256 key per emulator run (Cognito signs ID tokens with RS256): tokens from an
      // earlier run are refused with "Couldn't verify signed token", as after a key rotation.
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const meta = { alg: 'RS256', use: 'sig' };
      const publicJwk = { ...(publicKey.export({ format: 'jwk' }) as JWK), ...meta };
      const kid = createHash('sha256')
        .update(JSON.stringify([publicJwk.e, publicJwk.kty, publicJwk.n]))
        .digest('base64url');
      this.keyPair = {
        privateJwk: { ...(privateKey.export({ format: 'jwk' }) as JWK), ...meta, kid },
        publicJwk: { ...publicJwk, kid },
      };
    }
    return this.keyPair;
  }

  /** The signing key (private JWK with `kid`), for tests that mint tokens. */
  signingKey(): JWK {
    return this.keys().privateJwk;
  }

  /** The public key set (what `/oidc/jwks` serves), as a jose key resolver. */
  verificationKeys(): JWTVerifyGetKey {
    this.verifyKeys ??= createLocalJWKSet({ keys: [this.keys().publicJwk] });
    return this.verifyKeys;
  }

  /**
   * Checks a username and password against the test user (username case-insensitive, like
   * Cognito pools created with case-insensitive usernames).
   * @returns the user, or `undefined` for wrong credentials.
   */
  checkCredentials(username: string, password: string): TestUser | undefined {
    return username.trim().toLowerCase() === this.user.username.toLowerCase() &&
      password === this.settings.password
      ? this.user
      : undefined;
  }

  /**
   * The oidc-provider instance, created on first call with the current issuer. The library is
   * loaded only then, so emulator runs that never sign in do not load it.
   */
  provider(): Promise<Provider> {
    this.instance ??= this.createProvider();
    return this.instance;
  }

  private async createProvider(): Promise<Provider> {
    const { default: Provider } = await import('oidc-provider');
    const { settings, user } = this;
    const mountPath = new URL(this.issuerUrl).pathname.replace(/\/$/, '');
    const allowedOrigins = new Set(
      [...settings.redirectUris, ...settings.postLogoutRedirectUris].map(
        (uri) => new URL(uri).origin,
      ),
    );
    const account: Account = {
      accountId: user.sub,
      claims: () => ({
        sub: user.sub,
        'cognito:username': user.username,
        email: user.email,
        email_verified: true,
        name: user.name,
      }),
    };
    const configuration: Configuration = {
      // In memory, per emulator instance: a restart signs everyone out, like a new user pool.
      responseTypes: ['code'],
      adapter: createMemoryAdapter(CLOCK_TOLERANCE_SECONDS),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      clients: [
        {
          client_id: settings.clientId,
          client_name: 'Lambda ESM console (local)',
          application_type: 'web',
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: [...settings.redirectUris],
          post_logout_redirect_uris: [...settings.postLogoutRedirectUris],
        },
      ],
      scopes: ['openid', 'email', 'profile', 'offline_access'],
      claims: {
        openid: ['sub', 'cognito:username'],
        email: ['email', 'email_verified'],
        profile: ['name'],
      },
      // Put the scope claims into the ID token, as Cognito does (not only at userinfo).
      conformIdTokenClaims: false,
      findAccount: (_ctx, sub) => (sub === user.sub ? account : undefined),
      jwks: { keys: [this.keys().privateJwk] },
      // Fixed cookie-signing keys are fine for a loopback-only emulator; cookies stay
      // non-`Secure` because the issuer is http.
      cookies: { keys: ['esm-console-emulator-cookie-key-1'] },
      pkce: { required: () => true },
      // Like Cognito: the console gets a refresh token without asking for offline_access
      // (which oidc-provider would drop unless prompt=consent), rotated on every use.
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      rotateRefreshToken: true,
      ttl: {
        IdToken: () => settings.idTokenTtlSeconds(),
        AccessToken: () => settings.idTokenTtlSeconds(),
        AuthorizationCode: 60,
        RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
        Interaction: 60 * 60,
        Session: SESSION_TTL_SECONDS,
        Grant: REFRESH_TOKEN_TTL_SECONDS,
      },
      clientBasedCORS: (_ctx, origin) => allowedOrigins.has(origin),
      interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          // Signs out at once (Cognito's /logout asks nothing); the button is the no-script path.
          logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
            ctx.type = 'html';
            ctx.body = htmlPage(
              'Sign out',
              `${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
<button type="submit" form="op.logoutForm">Sign out</button>
<script>document.getElementById('op.logoutForm').submit();</script>`,
            );
          },
          postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
            ctx.type = 'html';
            ctx.body = htmlPage('Signed out', '<p>You have been signed out.</p>');
          },
        },
      },
      renderError: (ctx, out) => {
        ctx.type = 'html';
        ctx.body = htmlPage(
          'Sign-in error',
          Object.entries(out)
            .map(
              ([key, value]) =>
                `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</p>`,
            )
            .join('\n'),
        );
      },
    };
    return new Provider(this.issuerUrl, configuration);
  }
}
