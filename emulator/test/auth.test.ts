import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CreateEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  guestCredentials,
  type RunningEmulator,
  sleep,
  SMALL_SEED,
  startEmulator,
} from './helpers.ts';

const POOL = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';

let emu: RunningEmulator;
let cognito: CognitoIdentityClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 10, credentialsTtlSeconds: 3600 });
  cognito = new CognitoIdentityClient({
    region: 'us-east-1',
    endpoint: emu.endpoint,
    maxAttempts: 1,
  });
});
afterAll(async () => {
  cognito.destroy();
  await emu.close();
});

const issue = () => guestCredentials(cognito);

/** Signs a request with @smithy/signature-v4 and lets the caller tamper with it before sending. */
async function signAndSend(opts: {
  path: string;
  method?: string;
  body?: string;
  tamper?: (headers: Record<string, string>) => { body?: string };
  signingDate?: Date;
}): Promise<Response> {
  const url = new URL(opts.path, emu.endpoint);
  const request = new HttpRequest({
    method: opts.method ?? 'GET',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: {
      host: url.host,
      ...(opts.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(opts.body !== undefined && { body: opts.body }),
  });
  const signer = new SignatureV4({
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    region: 'us-east-1',
    service: 'lambda',
    sha256: Sha256,
  });
  const signed = await signer.sign(
    request,
    opts.signingDate ? { signingDate: opts.signingDate } : {},
  );
  const headers = { ...(signed.headers as Record<string, string>) };
  const override = opts.tamper?.(headers) ?? {};
  const body = override.body ?? opts.body;
  return fetch(url, { method: opts.method ?? 'GET', headers, ...(body !== undefined && { body }) });
}

describe('Cognito Identity (awsJson1.1)', () => {
  it('GetId returns an identity in the pool’s region; unknown pool → ResourceNotFoundException', async () => {
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: POOL }));
    expect(IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const err = await errorOf(
      cognito.send(
        new GetIdCommand({ IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' }),
      ),
    );
    expect(err.name).toBe('ResourceNotFoundException');
    expect(err.message).toBe(
      "IdentityPool 'us-east-1:00000000-0000-0000-0000-000000000000' not found.",
    );
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('GetId refuses a login from a provider the pool does not trust (cognito-logins.test.ts has the trusted one)', async () => {
    const token = `x.${Buffer.from(JSON.stringify({ sub: 'user-1' })).toString('base64url')}.y`;
    const logins = { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc': token };
    const err = await errorOf(
      cognito.send(new GetIdCommand({ IdentityPoolId: POOL, Logins: logins })),
    );
    expect(err.name).toBe('NotAuthorizedException');
    expect(err.message).toBe('Token is not from a supported provider of this identity pool.');
  });

  it('GetCredentialsForIdentity issues temporary credentials with a 1 h expiry', async () => {
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: POOL }));
    const out = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    expect(out.IdentityId).toBe(IdentityId);
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials?.SecretKey?.length).toBe(40);
    expect(out.Credentials?.SessionToken?.length).toBeGreaterThan(100);
    const ttl = ((out.Credentials?.Expiration?.getTime() ?? 0) - Date.now()) / 1000;
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3601);
  });

  it('rejects a malformed IdentityId with ValidationException', async () => {
    const err = await errorOf(
      cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: 'nope' })),
    );
    expect(err.name).toBe('ValidationException');
  });

  it('signs Lambda calls with issued credentials through fromCognitoIdentityPool', async () => {
    const lambda = emu.lambda({
      credentials: await fromCognitoIdentityPool({
        identityPoolId: POOL,
        clientConfig: { region: 'us-east-1', endpoint: emu.endpoint },
      })(),
    });
    const out = await lambda.send(new ListFunctionsCommand({}));
    expect(out.Functions?.map((f) => f.FunctionName)).toEqual([
      'orders-ingest-prod',
      'payments-consumer-prod',
    ]);
  });
});

describe('SigV4', () => {
  it('accepts the static test/test pair and takes the region from the credential scope', async () => {
    const east = emu.lambda({ region: 'us-east-1' });
    const west = emu.lambda({ region: 'eu-west-1' });
    expect((await east.send(new ListFunctionsCommand({}))).Functions).toHaveLength(2);
    // eu-west-1 is an empty region of the same account.
    expect((await west.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
    const err = await errorOf(
      west.send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'orders-ingest-prod',
          EventSourceArn: 'arn:aws:sqs:eu-west-1:123456789012:q',
        }),
      ),
    );
    expect(err.message).toBe('Function does not exist');
  });

  it('bad signature (wrong secret) → 403 InvalidSignatureException', async () => {
    const client = emu.lambda({ credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' } });
    const err = await errorOf(client.send(new ListEventSourceMappingsCommand({})));
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toMatch(/^The request signature we calculated does not match/);
  });

  it('unknown access key → 403 UnrecognizedClientException', async () => {
    const client = emu.lambda({
      credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' },
    });
    const err = await errorOf(client.send(new ListEventSourceMappingsCommand({})));
    expect(err.name).toBe('UnrecognizedClientException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toBe('The security token included in the request is invalid.');
  });

  it('issued key with a wrong session token → UnrecognizedClientException', async () => {
    const creds = await issue();
    const client = emu.lambda({ credentials: { ...creds, sessionToken: 'forged' } });
    const err = await errorOf(client.send(new ListEventSourceMappingsCommand({})));
    expect(err.name).toBe('UnrecognizedClientException');
  });

  it('expired issued credentials → 403 ExpiredTokenException', async () => {
    emu.app.emulator.credentialsTtlSeconds = 1;
    const creds = await issue();
    emu.app.emulator.credentialsTtlSeconds = 3600;
    const client = emu.lambda({ credentials: creds });
    expect((await client.send(new ListFunctionsCommand({}))).Functions).toHaveLength(2);
    // TTL 1 s, rounded up to a whole second of expiry.
    await sleep(2100);
    const err = await errorOf(client.send(new ListFunctionsCommand({})));
    expect(err.name).toBe('ExpiredTokenException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
  });

  it('missing Authorization → 403 MissingAuthenticationTokenException', async () => {
    const res = await fetch(`${emu.endpoint}/2015-03-31/event-source-mappings`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });

  it('a body changed after signing → InvalidSignatureException', async () => {
    const body = JSON.stringify({
      FunctionName: 'orders-ingest-prod',
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:a',
    });
    const ok = await signAndSend({
      path: '/2015-03-31/event-source-mappings',
      method: 'POST',
      body,
    });
    expect(ok.status).toBe(202);
    const tampered = await signAndSend({
      path: '/2015-03-31/event-source-mappings',
      method: 'POST',
      body,
      tamper: () => ({ body: body.replace(':a"', ':b"') }),
    });
    expect(tampered.status).toBe(403);
    expect(tampered.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  it('a query changed after signing → InvalidSignatureException', async () => {
    const res = await signAndSend({ path: '/2015-03-31/functions?MaxItems=5' });
    expect(res.status).toBe(200);
    const url = new URL('/2015-03-31/functions?MaxItems=5', emu.endpoint);
    const signedHeaders = await (async () => {
      let captured: Record<string, string> = {};
      await signAndSend({
        path: '/2015-03-31/functions?MaxItems=5',
        tamper: (h) => {
          captured = h;
          return {};
        },
      });
      return captured;
    })();
    url.searchParams.set('MaxItems', '6');
    const tampered = await fetch(url, { headers: signedHeaders });
    expect(tampered.status).toBe(403);
    expect(tampered.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  it('a signature older than 5 minutes → InvalidSignatureException (Signature expired)', async () => {
    const res = await signAndSend({
      path: '/2015-03-31/functions',
      signingDate: new Date(Date.now() - 10 * 60 * 1000),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(((await res.json()) as { message: string }).message).toMatch(/^Signature expired: /);
  });

  it('percent-encoded path labels (ARNs) verify and decode', async () => {
    const res = await signAndSend({
      path: `/2015-03-31/functions/${encodeURIComponent('arn:aws:lambda:us-east-1:123456789012:function:orders-ingest-prod')}/configuration`,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { FunctionName: string }).FunctionName).toBe(
      'orders-ingest-prod',
    );
  });
});
