// SigV4 query authentication ("presigned" requests): the signature and the credentials in the
// query string instead of the Authorization header, as @smithy/signature-v4's `presign` (the AWS
// SDK's own signer) writes them. A browser sends such a GET with no custom header, so without a
// CORS preflight: the console signs its reads this way (src/api/query-signing.ts).
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  guestCredentials as issueGuest,
  type RunningEmulator,
  SMALL_SEED,
  startEmulator,
} from './helpers.ts';

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

interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const guestCredentials = (): Promise<Creds> => issueGuest(cognito);

const STATIC: Creds = { accessKeyId: 'test', secretAccessKey: 'test' };

/** A presigned URL for `path` (with its query), as the SDK's signer writes it. */
async function presignedUrl(
  path: string,
  opts: {
    creds?: Creds;
    signingDate?: Date;
    expiresIn?: number;
    region?: string;
    method?: string;
  } = {},
): Promise<URL> {
  const url = new URL(path, emu.endpoint);
  const signer = new SignatureV4({
    credentials: opts.creds ?? STATIC,
    region: opts.region ?? 'us-east-1',
    service: 'lambda',
    sha256: Sha256,
  });
  const signed = await signer.presign(
    new HttpRequest({
      method: opts.method ?? 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { host: url.host },
    }),
    {
      expiresIn: opts.expiresIn ?? 300,
      ...(opts.signingDate ? { signingDate: opts.signingDate } : {}),
    },
  );
  const out = new URL(url.pathname, emu.endpoint);
  for (const [key, value] of Object.entries(signed.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) out.searchParams.append(key, v ?? '');
  }
  return out;
}

async function errorBody(res: Response): Promise<{ type: string | null; message: string }> {
  return {
    type: res.headers.get('x-amzn-errortype'),
    message: ((await res.json()) as { message: string }).message,
  };
}

describe('SigV4 query authentication', () => {
  it('a presigned ListEventSourceMappings with issued credentials answers what the header-signed call answers', async () => {
    const creds = await guestCredentials();
    const url = await presignedUrl('/2015-03-31/event-source-mappings?MaxItems=2', { creds });
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(creds.sessionToken);
    // No Authorization, no x-amz-* header: what a browser sends without a CORS preflight.
    const res = await fetch(url, { headers: { origin: 'http://127.0.0.1:5173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const body = (await res.json()) as {
      EventSourceMappings: { UUID: string }[];
      NextMarker?: string;
    };
    const viaHeader = await emu
      .lambda({ credentials: creds })
      .send(new ListEventSourceMappingsCommand({ MaxItems: 2 }));
    expect(body.EventSourceMappings.map((m) => m.UUID)).toEqual(
      viaHeader.EventSourceMappings?.map((m) => m.UUID),
    );
    expect(body.NextMarker).toBe(viaHeader.NextMarker);
  });

  it('takes the region from the credential scope, as the header form does', async () => {
    const res = await fetch(await presignedUrl('/2015-03-31/functions', { region: 'eu-west-1' }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { Functions: unknown[] }).Functions).toEqual([]);
  });

  it('names every missing member: IncompleteSignatureException (403)', async () => {
    const res = await fetch(
      `${emu.endpoint}/2015-03-31/event-source-mappings?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261201T000000Z`,
    );
    expect(res.status).toBe(403);
    expect(await errorBody(res)).toEqual({
      type: 'IncompleteSignatureException',
      message:
        "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
    });
  });

  it('refuses both forms at once: InvalidSignatureException', async () => {
    const url = await presignedUrl('/2015-03-31/functions');
    const res = await fetch(url, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } });
    expect(res.status).toBe(403);
    expect(await errorBody(res)).toEqual({
      type: 'InvalidSignatureException',
      message:
        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    });
  });

  it('a member changed after signing (Marker, MaxItems, the token, the expiry) → signature mismatch', async () => {
    const url = await presignedUrl('/2015-03-31/event-source-mappings?MaxItems=2');
    expect((await fetch(url)).status).toBe(200);
    for (const [name, value] of [
      ['MaxItems', '3'],
      ['Marker', 'x'],
      ['X-Amz-Expires', '299'],
      ['X-Amz-Security-Token', 'added'],
    ] as const) {
      const tampered = new URL(url);
      tampered.searchParams.set(name, value);
      const res = await fetch(tampered);
      expect(res.status, name).toBe(403);
      const error = await errorBody(res);
      expect(error.type, name).toBe('InvalidSignatureException');
      expect(error.message, name).toMatch(/^The request signature we calculated does not match/);
    }
  });

  it('a wrong secret → mismatch; a forged session token → UnrecognizedClientException', async () => {
    const wrong = await fetch(
      await presignedUrl('/2015-03-31/functions', {
        creds: { accessKeyId: 'test', secretAccessKey: 'nope' },
      }),
    );
    expect((await errorBody(wrong)).type).toBe('InvalidSignatureException');
    const creds = await guestCredentials();
    const forged = await fetch(
      await presignedUrl('/2015-03-31/event-source-mappings', {
        creds: { ...creds, sessionToken: 'forged' },
      }),
    );
    expect(forged.status).toBe(403);
    expect(await errorBody(forged)).toEqual({
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('is valid from X-Amz-Date until X-Amz-Expires seconds later, and not before X-Amz-Date − 5 min', async () => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    // Older than the header form's 5 minutes, but within its own 15-minute expiry: accepted.
    expect(
      (
        await fetch(
          await presignedUrl('/2015-03-31/functions', {
            signingDate: tenMinutesAgo,
            expiresIn: 900,
          }),
        )
      ).status,
    ).toBe(200);
    const expired = await fetch(
      await presignedUrl('/2015-03-31/functions', { signingDate: tenMinutesAgo, expiresIn: 300 }),
    );
    expect(expired.status).toBe(403);
    const error = await errorBody(expired);
    expect(error.type).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than /);
    const future = await fetch(
      await presignedUrl('/2015-03-31/functions', {
        signingDate: new Date(Date.now() + 10 * 60_000),
      }),
    );
    expect((await errorBody(future)).message).toMatch(/^Signature not yet current: /);
  });

  it('X-Amz-Expires must be whole seconds up to a week, and Host must be signed', async () => {
    const url = await presignedUrl('/2015-03-31/functions');
    for (const expires of ['0', '-1', '1.5', '604801']) {
      const bad = new URL(url);
      bad.searchParams.set('X-Amz-Expires', expires);
      const res = await fetch(bad);
      expect(res.status, expires).toBe(403);
      expect((await errorBody(res)).type, expires).toBe('IncompleteSignatureException');
    }
    const noHost = new URL(url);
    noHost.searchParams.set('X-Amz-SignedHeaders', 'x-amz-date');
    const res = await fetch(noHost);
    expect(await errorBody(res)).toEqual({
      type: 'InvalidSignatureException',
      message: "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it("the role check still runs: a guest's presigned DELETE → AccessDeniedException", async () => {
    const creds = await guestCredentials();
    // IAM refuses before Lambda looks the mapping up.
    const uuid = 'a1b2c3d4-0000-4000-8000-000000000001';
    const res = await fetch(
      await presignedUrl(`/2015-03-31/event-source-mappings/${uuid}`, {
        creds,
        method: 'DELETE',
      }),
      { method: 'DELETE' },
    );
    expect(res.status).toBe(403);
    const error = await errorBody(res);
    expect(error.type).toBe('AccessDeniedException');
    expect(error.message).toContain('lambda:DeleteEventSourceMapping');
  });

  it('can be turned off (POST /_emulator/settings {"queryAuth": false}): then it is no authentication at all', async () => {
    const url = await presignedUrl('/2015-03-31/event-source-mappings');
    const set = (queryAuth: unknown) =>
      fetch(`${emu.endpoint}/_emulator/settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queryAuth }),
      });
    try {
      const off = await set(false);
      expect(((await off.json()) as { queryAuth: boolean }).queryAuth).toBe(false);
      const res = await fetch(url);
      expect(res.status).toBe(403);
      expect(await errorBody(res)).toEqual({
        type: 'MissingAuthenticationTokenException',
        message: 'Missing Authentication Token',
      });
      expect((await set('no')).status).toBe(400);
    } finally {
      await set(true);
    }
    expect((await fetch(url)).status).toBe(200);
  });
});
