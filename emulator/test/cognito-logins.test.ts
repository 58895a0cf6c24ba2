import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CreateEventSourceMappingCommand,
  LambdaClient,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import { generateKeyPair, importJWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, fnArn, type RunningEmulator, sleep, startEmulator } from './helpers.ts';
import { CLIENT_ID, jwtPayload, signIn } from './oidc-helpers.ts';

const POOL = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';
const ACCOUNT = '123456789012';
const GUEST_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/EsmConsoleGuestRole/CognitoIdentityCredentials`;
const AUTH_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/EsmConsoleAuthenticatedRole/CognitoIdentityCredentials`;

let emu: RunningEmulator;
let cognito: CognitoIdentityClient;
let idToken: string;
/** A settled (Enabled or Disabled) mapping of the default seed. */
let uuid: string;

function cognitoClient(endpoint: string): CognitoIdentityClient {
  return new CognitoIdentityClient({ region: 'us-east-1', endpoint, maxAttempts: 1 });
}

/** Logins map for the emulator's user pool. */
function logins(token: string, key = emu.app.emulator.userPool.loginsKey): Record<string, string> {
  return { [key]: token };
}

/** Mints a token with the user pool's own signing key (valid signature), claims overridable. */
async function mint(
  claims: JWTPayload,
  opts: { key?: CryptoKey; kid?: string; expiresIn?: number } = {},
): Promise<string> {
  const pool = emu.app.emulator.userPool;
  const jwk = pool.signingKey();
  const key = opts.key ?? ((await importJWK(jwk, 'RS256')) as CryptoKey);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    sub: pool.user.sub,
    email: pool.user.email,
    iss: pool.issuer,
    aud: CLIENT_ID,
    iat: now,
    exp: now + (opts.expiresIn ?? 3600),
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? jwk.kid ?? '' })
    .sign(key);
}

/** GetId + GetCredentialsForIdentity with the given logins (none = guest). */
async function credentials(
  loginMap?: Record<string, string>,
  client = cognito,
): Promise<{
  identityId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}> {
  const { IdentityId } = await client.send(
    new GetIdCommand({ IdentityPoolId: POOL, ...(loginMap && { Logins: loginMap }) }),
  );
  const out = await client.send(
    new GetCredentialsForIdentityCommand({
      IdentityId,
      ...(loginMap && { Logins: loginMap }),
    }),
  );
  return {
    identityId: out.IdentityId ?? '',
    accessKeyId: out.Credentials?.AccessKeyId ?? '',
    secretAccessKey: out.Credentials?.SecretKey ?? '',
    sessionToken: out.Credentials?.SessionToken ?? '',
    expiration: out.Credentials?.Expiration ?? new Date(0),
  };
}

const providerClients: LambdaClient[] = [];

/** A LambdaClient on a credential provider (the SDK decides when to call it again). */
function lambdaWithProvider(provider: ReturnType<typeof fromCognitoIdentityPool>): LambdaClient {
  const client = new LambdaClient({
    region: 'us-east-1',
    endpoint: emu.endpoint,
    credentials: provider,
    maxAttempts: 1,
  });
  providerClients.push(client);
  return client;
}

function lambdaWith(creds: {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}): LambdaClient {
  return emu.lambda({ credentials: creds });
}

beforeAll(async () => {
  emu = await startEmulator({ seed: 'default', transitionMs: 10 });
  cognito = cognitoClient(emu.endpoint);
  idToken = (await signIn(emu.endpoint)).id_token;
  const list = await emu.lambda().send(new ListEventSourceMappingsCommand({ MaxItems: 100 }));
  const settled = list.EventSourceMappings?.find(
    (m) => m.State === 'Enabled' || m.State === 'Disabled',
  );
  uuid = settled?.UUID ?? '';
  expect(uuid).not.toBe('');
});
afterAll(async () => {
  for (const client of providerClients) client.destroy();
  cognito.destroy();
  await emu.close();
});

describe('signed-in identities', () => {
  it('GetId with a verified ID token gives the same identity every time', async () => {
    const a = await cognito.send(
      new GetIdCommand({ IdentityPoolId: POOL, Logins: logins(idToken) }),
    );
    const b = await cognito.send(
      new GetIdCommand({ IdentityPoolId: POOL, Logins: logins(idToken) }),
    );
    expect(a.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(b.IdentityId).toBe(a.IdentityId);
    // Another token of the same user (issued a minute earlier) maps to the same identity too.
    const again = await mint({ iat: Math.floor(Date.now() / 1000) - 60 });
    expect(again).not.toBe(idToken);
    const c = await cognito.send(new GetIdCommand({ IdentityPoolId: POOL, Logins: logins(again) }));
    expect(c.IdentityId).toBe(a.IdentityId);
  });

  it('authenticated credentials can list and update mappings', async () => {
    const creds = await credentials(logins(idToken));
    const lambda = lambdaWith(creds);
    const list = await lambda.send(new ListEventSourceMappingsCommand({ MaxItems: 5 }));
    expect(list.EventSourceMappings).toHaveLength(5);
    const current = await lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
    const updated = await lambda.send(
      new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: current.State !== 'Enabled' }),
    );
    expect(updated.State).toBe(current.State === 'Enabled' ? 'Disabling' : 'Enabling');
  });

  it('fromCognitoIdentityPool with logins signs Lambda calls as the signed-in user', async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      logins: logins(idToken),
      clientConfig: { region: 'us-east-1', endpoint: emu.endpoint, maxAttempts: 1 },
    });
    const creds = await provider();
    const lambda = lambdaWithProvider(provider);
    const fn = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'orders-ingest-prod' }),
    );
    expect(fn.FunctionArn).toBe(fnArn('orders-ingest-prod'));
    expect(creds.identityId).toBe(
      (await cognito.send(new GetIdCommand({ IdentityPoolId: POOL, Logins: logins(idToken) })))
        .IdentityId,
    );
  });

  it('the signed-in role allows only the console’s actions (GetFunction → AccessDeniedException)', async () => {
    const lambda = lambdaWith(await credentials(logins(idToken)));
    const err = await errorOf(
      lambda.send(new GetFunctionCommand({ FunctionName: 'orders-ingest-prod' })),
    );
    expect(err.name).toBe('AccessDeniedException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toBe(
      `User: ${AUTH_ARN} is not authorized to perform: lambda:GetFunction on resource: ${fnArn('orders-ingest-prod')} because no identity-based policy allows the lambda:GetFunction action`,
    );
  });

  it('an authenticated identity needs its logins: without → Access to Identity … is forbidden', async () => {
    const { IdentityId } = await cognito.send(
      new GetIdCommand({ IdentityPoolId: POOL, Logins: logins(idToken) }),
    );
    const err = await errorOf(cognito.send(new GetCredentialsForIdentityCommand({ IdentityId })));
    expect(err.name).toBe('NotAuthorizedException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect(err.message).toBe(`Access to Identity '${IdentityId}' is forbidden.`);
  });

  it('logins of another identity → Logins don’t match', async () => {
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: POOL }));
    const err = await errorOf(
      cognito.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins(idToken) })),
    );
    expect(err.name).toBe('NotAuthorizedException');
    expect(err.message).toBe(
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  });
});

describe('refused login tokens (NotAuthorizedException)', () => {
  async function refusal(token: string, key?: string): Promise<string> {
    const getId = await errorOf(
      cognito.send(new GetIdCommand({ IdentityPoolId: POOL, Logins: logins(token, key) })),
    );
    expect(getId.name).toBe('NotAuthorizedException');
    expect(getId.$metadata?.httpStatusCode).toBe(400);
    // GetCredentialsForIdentity verifies the same way.
    const { IdentityId } = await cognito.send(
      new GetIdCommand({ IdentityPoolId: POOL, Logins: logins(idToken) }),
    );
    const getCredentials = await errorOf(
      cognito.send(
        new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins(token, key) }),
      ),
    );
    expect(getCredentials.name).toBe('NotAuthorizedException');
    expect(getCredentials.message).toBe(getId.message);
    return getId.message;
  }

  it('a token minted with the pool’s key and the right claims is accepted (control)', async () => {
    const token = await mint({});
    const out = await credentials(logins(token));
    expect(out.accessKeyId).toMatch(/^ASIA/);
  });

  it('bad signature: signed by another key under the same kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await mint({}, { key: privateKey });
    expect(await refusal(token)).toBe("Invalid login token. Couldn't verify signed token.");
  });

  it('bad signature: a tampered payload', async () => {
    const [header, , signature] = idToken.split('.');
    const payload = { ...jwtPayload(idToken), email: 'mallory@example.com' };
    const forged = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    expect(await refusal(forged)).toBe("Invalid login token. Couldn't verify signed token.");
  });

  it('expired: a real ID token past its lifetime (ID token TTL 1 s)', async () => {
    emu.app.emulator.idTokenTtlSeconds = 1;
    let short: string;
    try {
      short = (await signIn(emu.endpoint)).id_token;
    } finally {
      emu.app.emulator.idTokenTtlSeconds = 3600;
    }
    const exp = Number(jwtPayload(short).exp);
    expect(exp - Number(jwtPayload(short).iat)).toBe(1);
    await sleep(2100);
    const message = await refusal(short);
    const match = /^Invalid login token\. Token expired: (\d+) >= (\d+)$/.exec(message);
    expect(match).not.toBeNull();
    expect(Number(match?.[2])).toBe(exp);
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(exp);
  });

  it('wrong audience (another app client)', async () => {
    const token = await mint({ aud: 'some-other-client' });
    expect(await refusal(token)).toBe(
      'Token is not from a supported provider of this identity pool.',
    );
  });

  it('missing audience', async () => {
    const token = await mint({ aud: undefined });
    expect(await refusal(token)).toBe('Invalid login token. Missing a required claim: aud');
  });

  it('wrong issuer (not the provider named by the Logins key)', async () => {
    const token = await mint({
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other',
    });
    expect(await refusal(token)).toBe("Invalid login token. Issuer doesn't match providerName");
  });

  it('a Logins key the pool does not trust', async () => {
    expect(await refusal(idToken, 'accounts.google.com')).toBe(
      'Token is not from a supported provider of this identity pool.',
    );
  });

  it('not a JWT', async () => {
    expect(await refusal('not-a-token')).toBe(
      'Invalid login token. Not a valid OpenId Connect identity token.',
    );
  });
});

describe('guests', () => {
  it('guest credentials may read (list, get, functions) but not write: AccessDeniedException 403', async () => {
    const creds = await credentials();
    const lambda = lambdaWith(creds);
    expect(
      (await lambda.send(new ListEventSourceMappingsCommand({ MaxItems: 2 }))).EventSourceMappings,
    ).toHaveLength(2);
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }))).UUID).toBe(uuid);
    expect((await lambda.send(new ListFunctionsCommand({}))).Functions?.length).toBeGreaterThan(0);

    const update = await errorOf(
      lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 5 })),
    );
    expect(update.name).toBe('AccessDeniedException');
    expect(update.$metadata?.httpStatusCode).toBe(403);
    expect(update.message).toBe(
      `User: ${GUEST_ARN} is not authorized to perform: lambda:UpdateEventSourceMapping on resource: arn:aws:lambda:us-east-1:${ACCOUNT}:event-source-mapping:${uuid} because no identity-based policy allows the lambda:UpdateEventSourceMapping action`,
    );
    const create = await errorOf(
      lambda.send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'orders-ingest-prod',
          EventSourceArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:guest-queue`,
        }),
      ),
    );
    expect(create.name).toBe('AccessDeniedException');
    expect(create.message).toBe(
      `User: ${GUEST_ARN} is not authorized to perform: lambda:CreateEventSourceMapping on resource: * because no identity-based policy allows the lambda:CreateEventSourceMapping action`,
    );
    const del = await errorOf(lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid })));
    expect(del.name).toBe('AccessDeniedException');
    // Nothing changed.
    const after = await emu.lambda().send(new GetEventSourceMappingCommand({ UUID: uuid }));
    expect(after.UUID).toBe(uuid);
  });

  it('guestAccess read-write (live setting) lets guest credentials write too', async () => {
    const lambda = lambdaWith(await credentials());
    const set = async (guestAccess: string): Promise<Response> =>
      fetch(`${emu.endpoint}/_emulator/settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ guestAccess }),
      });
    expect((await set('read-write')).status).toBe(200);
    try {
      const current = await lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      await sleep(50); // let a transition from an earlier test settle (transitionMs 10)
      const settled = await lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      const updated = await lambda.send(
        new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: settled.State !== 'Enabled' }),
      );
      expect(updated.UUID).toBe(current.UUID);
    } finally {
      await set('read-only');
    }
    const denied = await errorOf(
      lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 5 })),
    );
    expect(denied.name).toBe('AccessDeniedException');
    expect((await set('everything')).status).toBe(400);
  });

  it('guests are refused when the pool does not allow them; signed-in users still work', async () => {
    const strict = await startEmulator({ seed: 'none', allowGuest: false });
    const client = cognitoClient(strict.endpoint);
    try {
      const getId = await errorOf(client.send(new GetIdCommand({ IdentityPoolId: POOL })));
      expect(getId.name).toBe('NotAuthorizedException');
      expect(getId.$metadata?.httpStatusCode).toBe(400);
      expect(getId.message).toBe('Unauthenticated access is not supported for this identity pool.');
      // An identity id cached from earlier (or made up) gets no guest credentials either.
      const cached = await errorOf(
        client.send(
          new GetCredentialsForIdentityCommand({
            IdentityId: 'us-east-1:11111111-2222-4333-8444-555555555555',
          }),
        ),
      );
      expect(cached.message).toBe(
        'Unauthenticated access is not supported for this identity pool.',
      );
      const token = (await signIn(strict.endpoint)).id_token;
      const creds = await credentials({ [strict.app.emulator.userPool.loginsKey]: token }, client);
      const lambda = strict.lambda({ credentials: creds });
      expect((await lambda.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
    } finally {
      client.destroy();
      await strict.close();
    }
  });

  it('the guest switch changes live through /_emulator/settings', async () => {
    const set = async (allowGuest: boolean): Promise<Response> =>
      fetch(`${emu.endpoint}/_emulator/settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ allowGuest }),
      });
    expect(((await (await set(false)).json()) as { allowGuest: boolean }).allowGuest).toBe(false);
    try {
      const err = await errorOf(cognito.send(new GetIdCommand({ IdentityPoolId: POOL })));
      expect(err.message).toBe('Unauthenticated access is not supported for this identity pool.');
    } finally {
      await set(true);
    }
    expect((await cognito.send(new GetIdCommand({ IdentityPoolId: POOL }))).IdentityId).toMatch(
      /^us-east-1:/,
    );
    const bad = await fetch(`${emu.endpoint}/_emulator/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowGuest: 'no' }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('credential lifetime', () => {
  /** Records the access key id each Lambda request was signed with. */
  function recordKeys(client: LambdaClient): string[] {
    const keys: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const headers = (args.request as { headers: Record<string, string> }).headers;
        keys.push(/Credential=([^/]+)\//.exec(headers.authorization ?? '')?.[1] ?? '');
        return next(args);
      },
      { step: 'deserialize', name: 'recordAccessKey' },
    );
    return keys;
  }

  it('Expiration is now + credentialsTtlSeconds (set live)', async () => {
    const res = await fetch(`${emu.endpoint}/_emulator/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentialsTtlSeconds: 5 }),
    });
    expect(((await res.json()) as { credentialsTtlSeconds: number }).credentialsTtlSeconds).toBe(5);
    try {
      const before = Date.now();
      const creds = await credentials(logins(idToken));
      const ttl = (creds.expiration.getTime() - before) / 1000;
      expect(ttl).toBeGreaterThanOrEqual(5);
      expect(ttl).toBeLessThanOrEqual(6.5);
    } finally {
      emu.app.emulator.credentialsTtlSeconds = 3600;
    }
  });

  it('short-lived credentials make the SDK fetch new ones; long-lived ones are reused', async () => {
    const provider = (): ReturnType<typeof fromCognitoIdentityPool> =>
      fromCognitoIdentityPool({
        identityPoolId: POOL,
        logins: logins(idToken),
        clientConfig: { region: 'us-east-1', endpoint: emu.endpoint, maxAttempts: 1 },
      });
    emu.app.emulator.credentialsTtlSeconds = 5;
    try {
      // The SDK refreshes credentials that expire within its 5-minute window: 5 s ones every call.
      const short = lambdaWithProvider(provider());
      const shortKeys = recordKeys(short);
      await short.send(new ListEventSourceMappingsCommand({ MaxItems: 1 }));
      await short.send(new ListEventSourceMappingsCommand({ MaxItems: 1 }));
      expect(shortKeys).toHaveLength(2);
      expect(shortKeys[0]).not.toBe(shortKeys[1]);
    } finally {
      emu.app.emulator.credentialsTtlSeconds = 3600;
    }
    const long = lambdaWithProvider(provider());
    const longKeys = recordKeys(long);
    await long.send(new ListEventSourceMappingsCommand({ MaxItems: 1 }));
    await long.send(new ListEventSourceMappingsCommand({ MaxItems: 1 }));
    expect(longKeys).toHaveLength(2);
    expect(longKeys[0]).toBe(longKeys[1]);
  });

  it('credentials past their expiry are refused with ExpiredTokenException', async () => {
    emu.app.emulator.credentialsTtlSeconds = 1;
    let creds;
    try {
      creds = await credentials(logins(idToken));
    } finally {
      emu.app.emulator.credentialsTtlSeconds = 3600;
    }
    const lambda = lambdaWith(creds);
    await sleep(2100);
    const err = await errorOf(lambda.send(new ListEventSourceMappingsCommand({})));
    expect(err.name).toBe('ExpiredTokenException');
  });
});
