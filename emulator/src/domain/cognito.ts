import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { assumedRoleArn } from '../authorize.ts';
import { CognitoError, LambdaError } from '../errors.ts';
import { type TrustedLoginProvider, type VerifiedLogin, verifyLoginToken } from './login-tokens.ts';
import { type Shape, validateModel } from './model-validation.ts';

/** Temporary credentials the emulator issued through GetCredentialsForIdentity. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch seconds after which requests signed with them get `ExpiredTokenException`. */
  expiration: number;
  identityId: string;
  /** The role the credentials stand for: `authenticated` (signed in) or `guest`. */
  role: CredentialsRole;
  /** `arn:aws:sts::<account>:assumed-role/<role name>/CognitoIdentityCredentials`. */
  principalArn: string;
}

/** Which of the identity pool's two roles issued credentials carry. */
export type CredentialsRole = 'authenticated' | 'guest';

const ID_PATTERN = '[\\w-]+:[0-9a-f-]+';
const LOGINS: Shape = {
  type: 'map',
  min: 0,
  max: 10,
  key: { type: 'string', min: 1, max: 128 },
  value: { type: 'string', min: 1, max: 50000 },
};

/** GetId input shape (cognito-identity 2014-06-30, botocore 1.43.11). */
const GET_ID_SHAPE = {
  type: 'structure',
  required: ['IdentityPoolId'],
  members: {
    AccountId: { type: 'string', min: 1, max: 15, pattern: '\\d+' },
    IdentityPoolId: { type: 'string', min: 1, max: 55, pattern: ID_PATTERN },
    Logins: LOGINS,
  },
} as const satisfies Shape;

/** GetCredentialsForIdentity input shape. */
const GET_CREDENTIALS_SHAPE = {
  type: 'structure',
  required: ['IdentityId'],
  members: {
    IdentityId: { type: 'string', min: 1, max: 55, pattern: ID_PATTERN },
    Logins: LOGINS,
    CustomRoleArn: { type: 'string', min: 20, max: 2048 },
  },
} as const satisfies Shape;

/** Re-throws model errors in Cognito's awsJson1.1 form. */
function validate(
  input: Record<string, unknown>,
  shape: Extract<Shape, { type: 'structure' }>,
): void {
  try {
    validateModel(input, shape);
  } catch (err) {
    if (err instanceof LambdaError) {
      throw new CognitoError(
        err.code === 'ValidationException' ? 'ValidationException' : 'SerializationException',
        err.message,
      );
    }
    throw err;
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function accessKeyId(): string {
  const bytes = randomBytes(16);
  let out = 'ASIA';
  for (const b of bytes) out += BASE32[b % 32];
  return out;
}

/** Formats 16 hash bytes as a lowercase RFC-4122 v4-style UUID. */
function uuidFromBytes(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** How the identity pool sees one identity. */
interface IdentityRecord {
  /** Whether GetId created it from verified logins. */
  authenticated: boolean;
}

/** Settings the identity pool reads on every call (they can change live). */
export interface IdentityPoolSettings {
  /** The only pool that exists, e.g. `us-east-1:0f6e2b8a-…`. */
  identityPoolId: string;
  /** 12-digit account id, for the assumed-role ARNs of issued credentials. */
  accountId: string;
  /** Lifetime of issued credentials in seconds. */
  ttlSeconds: () => number;
  /** `AllowUnauthenticatedIdentities` of the pool. */
  allowGuest: () => boolean;
  /** The login provider the pool trusts (the local user pool). */
  loginProvider: () => TrustedLoginProvider;
}

const UNAUTHENTICATED = 'Unauthenticated access is not supported for this identity pool.';
const LOGINS_MISMATCH =
  "Logins don't match. Please include at least one valid login for this identity or identity pool.";

/**
 * One Cognito identity pool with the two unsigned calls the browser SDK makes
 * (`fromCognitoIdentityPool`, reference §1.5), plus the registry of credentials it issued.
 * Login tokens in `Logins` are verified against the trusted provider (`login-tokens.ts`);
 * identities made from logins are authenticated and get the authenticated role, the others the
 * guest role — if the pool allows guests at all.
 */
export class CognitoIdentity {
  private readonly issued = new Map<string, IssuedCredentials>();
  private readonly identities = new Map<string, IdentityRecord>();

  /** @param settings pool id, account, credential lifetime, guest switch, trusted provider. */
  constructor(private readonly settings: IdentityPoolSettings) {}

  /** The only pool that exists. */
  get identityPoolId(): string {
    return this.settings.identityPoolId;
  }

  /** Verifies every login; an empty or absent map gives `[]`. */
  private async verifyLogins(
    logins: Record<string, string>,
    nowMs: number,
  ): Promise<VerifiedLogin[]> {
    const trusted = this.settings.loginProvider();
    const verified: VerifiedLogin[] = [];
    for (const provider of Object.keys(logins).sort()) {
      verified.push(await verifyLoginToken(provider, logins[provider] ?? '', trusted, nowMs));
    }
    return verified;
  }

  /** The identity id that verified logins always map to in this pool. */
  private identityFor(logins: readonly VerifiedLogin[]): string {
    const poolId = this.settings.identityPoolId;
    const hash = createHash('sha256').update(poolId);
    for (const login of logins) hash.update(`\n${login.provider}\n${login.sub}`);
    return `${poolId.split(':')[0] ?? 'us-east-1'}:${uuidFromBytes(hash.digest())}`;
  }

  /**
   * GetId: without `Logins`, a fresh unauthenticated identity (if the pool allows guests); with
   * `Logins`, each token is verified and the same provider and subject always get the same
   * identity (as in Cognito).
   * @param body `{IdentityPoolId, AccountId?, Logins?}`.
   * @param nowMs current time in milliseconds (token expiry).
   * @returns `{IdentityId}` like `us-east-1:<uuid>`.
   * @throws CognitoError `ValidationException`, `ResourceNotFoundException` for another pool,
   *   `NotAuthorizedException` for guests when `AllowUnauthenticatedIdentities` is off
   *   (`Unauthenticated access is not supported for this identity pool.`) and for refused
   *   login tokens (see `verifyLoginToken`).
   */
  async getId(body: Record<string, unknown>, nowMs = Date.now()): Promise<{ IdentityId: string }> {
    validate(body, GET_ID_SHAPE);
    const poolId = body.IdentityPoolId as string;
    if (poolId !== this.settings.identityPoolId) {
      throw new CognitoError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);
    }
    const logins = await this.verifyLogins((body.Logins ?? {}) as Record<string, string>, nowMs);
    if (logins.length === 0) {
      if (!this.settings.allowGuest())
        throw new CognitoError('NotAuthorizedException', UNAUTHENTICATED);
      const identityId = `${poolId.split(':')[0] ?? 'us-east-1'}:${randomUUID()}`;
      this.identities.set(identityId, { authenticated: false });
      return { IdentityId: identityId };
    }
    const identityId = this.identityFor(logins);
    this.identities.set(identityId, { authenticated: true });
    return { IdentityId: identityId };
  }

  /**
   * GetCredentialsForIdentity: temporary credentials for the identity's role. An authenticated
   * identity must present its logins again (verified, so an expired ID token is refused); an
   * identity this pool does not remember is taken as a guest (an emulator restart must not
   * strand identities cached by the browser SDK; reference §1.5).
   * @param body `{IdentityId, Logins?, CustomRoleArn?}`.
   * @param nowMs current time in milliseconds.
   * @returns `{IdentityId, Credentials: {AccessKeyId, SecretKey, SessionToken, Expiration}}`,
   *   `Expiration` in epoch seconds (now + the configured TTL, rounded up).
   * @throws CognitoError `ValidationException`; `NotAuthorizedException`: refused login token,
   *   logins of another identity (`Logins don't match. …`), an authenticated identity without
   *   logins (`Access to Identity '<id>' is forbidden.`), a guest when guests are off.
   */
  async getCredentialsForIdentity(
    body: Record<string, unknown>,
    nowMs = Date.now(),
  ): Promise<{
    IdentityId: string;
    Credentials: {
      AccessKeyId: string;
      SecretKey: string;
      SessionToken: string;
      Expiration: number;
    };
  }> {
    validate(body, GET_CREDENTIALS_SHAPE);
    const identityId = body.IdentityId as string;
    const logins = await this.verifyLogins((body.Logins ?? {}) as Record<string, string>, nowMs);
    let role: CredentialsRole;
    if (logins.length > 0) {
      if (this.identityFor(logins) !== identityId) {
        throw new CognitoError('NotAuthorizedException', LOGINS_MISMATCH);
      }
      this.identities.set(identityId, { authenticated: true });
      role = 'authenticated';
    } else {
      if (this.identities.get(identityId)?.authenticated) {
        throw new CognitoError(
          'NotAuthorizedException',
          `Access to Identity '${identityId}' is forbidden.`,
        );
      }
      if (!this.settings.allowGuest())
        throw new CognitoError('NotAuthorizedException', UNAUTHENTICATED);
      role = 'guest';
    }
    const creds: IssuedCredentials = {
      accessKeyId: accessKeyId(),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(180).toString('base64'),
      // Rounded up: the credentials live at least the configured TTL.
      expiration: Math.ceil(nowMs / 1000 + this.settings.ttlSeconds()),
      identityId,
      role,
      principalArn: assumedRoleArn(this.settings.accountId, role),
    };
    this.issued.set(creds.accessKeyId, creds);
    return {
      IdentityId: identityId,
      Credentials: {
        AccessKeyId: creds.accessKeyId,
        SecretKey: creds.secretAccessKey,
        SessionToken: creds.sessionToken,
        Expiration: creds.expiration,
      },
    };
  }

  /**
   * @param accessKeyId from a SigV4 credential scope.
   * @returns the credentials issued under that key id, expired or not.
   */
  lookup(accessKeyId: string): IssuedCredentials | undefined {
    return this.issued.get(accessKeyId);
  }
}
