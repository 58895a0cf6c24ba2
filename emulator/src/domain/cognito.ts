import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { CognitoError, LambdaError } from '../errors.ts';
import { type Shape, validateModel } from './model-validation.ts';

/** Temporary credentials the emulator issued through GetCredentialsForIdentity. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch seconds after which requests signed with them get `ExpiredTokenException`. */
  expiration: number;
  identityId: string;
}

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

/** The subject of a JWT login token (unverified), or the whole token if it is not a JWT. */
function loginSubject(token: string): string {
  const payload = token.split('.')[1];
  if (payload !== undefined) {
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof claims === 'object' && claims !== null && 'sub' in claims) {
        return String((claims as { sub: unknown }).sub);
      }
    } catch {
      // not a JWT: fall back to the raw token
    }
  }
  return token;
}

/**
 * One Cognito identity pool with the two unsigned calls the browser SDK makes
 * (`fromCognitoIdentityPool`, reference §1.5), plus the registry of credentials it issued.
 * Login tokens are accepted without verification (the emulator is not an IdP).
 */
export class CognitoIdentity {
  private readonly issued = new Map<string, IssuedCredentials>();

  /**
   * @param identityPoolId the only pool that exists, e.g. `us-east-1:0f6e2b8a-…`.
   * @param getTtlSeconds lifetime of issued credentials in seconds.
   */
  constructor(
    readonly identityPoolId: string,
    private readonly getTtlSeconds: () => number,
  ) {}

  /**
   * GetId: an unauthenticated call gets a fresh identity; with `Logins`, the same provider and
   * subject always get the same identity (as in Cognito).
   * @param body `{IdentityPoolId, AccountId?, Logins?}`.
   * @returns `{IdentityId}` like `us-east-1:<uuid>`.
   * @throws CognitoError `ValidationException`, `ResourceNotFoundException` for another pool.
   */
  getId(body: Record<string, unknown>): { IdentityId: string } {
    validate(body, GET_ID_SHAPE);
    const poolId = body.IdentityPoolId as string;
    if (poolId !== this.identityPoolId) {
      throw new CognitoError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);
    }
    const region = poolId.split(':')[0] ?? 'us-east-1';
    const logins = (body.Logins ?? {}) as Record<string, string>;
    const providers = Object.keys(logins).sort();
    if (providers.length === 0) return { IdentityId: `${region}:${randomUUID()}` };
    const hash = createHash('sha256').update(poolId);
    for (const p of providers) hash.update(`\n${p}\n${loginSubject(logins[p] ?? '')}`);
    return { IdentityId: `${region}:${uuidFromBytes(hash.digest())}` };
  }

  /**
   * GetCredentialsForIdentity: issues temporary credentials for any well-formed IdentityId (an
   * emulator restart must not strand identities cached by the browser SDK; reference §1.5).
   * @param body `{IdentityId, Logins?, CustomRoleArn?}`.
   * @returns `{IdentityId, Credentials: {AccessKeyId, SecretKey, SessionToken, Expiration}}`,
   *   `Expiration` in epoch seconds.
   * @throws CognitoError `ValidationException`.
   */
  getCredentialsForIdentity(body: Record<string, unknown>): {
    IdentityId: string;
    Credentials: {
      AccessKeyId: string;
      SecretKey: string;
      SessionToken: string;
      Expiration: number;
    };
  } {
    validate(body, GET_CREDENTIALS_SHAPE);
    const identityId = body.IdentityId as string;
    const creds: IssuedCredentials = {
      accessKeyId: accessKeyId(),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(180).toString('base64'),
      // Rounded up: the credentials live at least the configured TTL.
      expiration: Math.ceil(Date.now() / 1000 + this.getTtlSeconds()),
      identityId,
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
