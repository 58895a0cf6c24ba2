/// <reference types="node" />
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLambdaClient, type CredentialsProvider } from './lambda-client.ts';
import {
  createQuerySigningPolicy,
  isQuerySigningRefusal,
  QUERY_SIGNATURE_EXPIRES_SECONDS,
  type QuerySigningPolicy,
} from './query-signing.ts';

const credentials: CredentialsProvider = () =>
  Promise.resolve({
    identityId: 'x',
    accessKeyId: 'AKID',
    secretAccessKey: 'secret',
    sessionToken: 'token',
  });

interface Seen {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
}

/** A local server answering with `handler`; records every request. */
async function serve(
  handler: (seen: Seen, response: ServerResponse, request: IncomingMessage) => void,
): Promise<{ url: string; seen: Seen[]; close: () => void }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: new URL(request.url ?? '/', 'http://127.0.0.1'),
        headers: request.headers,
      };
      seen.push(entry);
      handler(entry, response, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

function json(response: ServerResponse, status: number, body: unknown, errorType?: string) {
  response.writeHead(status, {
    'content-type': 'application/json',
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(JSON.stringify(body));
}

const PAGE = { EventSourceMappings: [] };

/** AWS's answer to a request without an Authorization header (no signature seen). */
const missingToken = (response: ServerResponse) =>
  json(
    response,
    403,
    { message: 'Missing Authentication Token' },
    'MissingAuthenticationTokenException',
  );
const isQuerySigned = (seen: Seen) => seen.url.searchParams.has('X-Amz-Signature');

function client(url: string, policy: QuerySigningPolicy) {
  return createLambdaClient({ lambdaEndpoint: url }, 'eu-west-1', credentials, 5_000, 1, policy);
}

const hostOf = (url: string) => new URL(url).host;

describe('query-signed GETs', () => {
  it('carry the signature and the credentials in the query and no header of the SDK’s own', async () => {
    const server = await serve((_seen, response) => json(response, 200, PAGE));
    const policy = createQuerySigningPolicy();
    try {
      await client(server.url, policy).send(
        new ListEventSourceMappingsCommand({ MaxItems: 100, Marker: 'a/b+c=' }),
      );
      const [request] = server.seen;
      expect(request?.method).toBe('GET');
      const query = request?.url.searchParams;
      expect(query?.get('MaxItems')).toBe('100');
      expect(query?.get('Marker')).toBe('a/b+c=');
      expect(query?.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
      expect(query?.get('X-Amz-Credential')).toMatch(
        /^AKID\/\d{8}\/eu-west-1\/lambda\/aws4_request$/,
      );
      expect(query?.get('X-Amz-Expires')).toBe(String(QUERY_SIGNATURE_EXPIRES_SECONDS));
      expect(query?.get('X-Amz-SignedHeaders')).toBe('host');
      expect(query?.get('X-Amz-Security-Token')).toBe('token');
      // Nothing that would make a browser send a CORS preflight.
      for (const name of [
        'authorization',
        'x-amz-date',
        'x-amz-security-token',
        'x-amz-content-sha256',
        'x-amz-user-agent',
        'amz-sdk-invocation-id',
        'amz-sdk-request',
        'content-type',
      ]) {
        expect(request?.headers[name], name).toBeUndefined();
      }
      expect(policy.enabledFor(hostOf(server.url))).toBe(true);
      expect(policy.confirmedFor(hostOf(server.url))).toBe(true);
    } finally {
      server.close();
    }
  });

  it('signs what AWS’s own signer presigns for the same request (the signature verifies)', async () => {
    const server = await serve((_seen, response) => json(response, 200, { UUID: 'u' }));
    try {
      await client(server.url, createQuerySigningPolicy()).send(
        new GetEventSourceMappingCommand({ UUID: 'a1b2c3d4-0000-4000-8000-000000000001' }),
      );
      const [request] = server.seen;
      if (!request) throw new Error('no request');
      const query = Object.fromEntries(request.url.searchParams);
      const { 'X-Amz-Signature': signature, ...signed } = query;
      const amzDate = signed['X-Amz-Date'] ?? '';
      const date = new Date(
        `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
      );
      const again = await new SignatureV4({
        credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret', sessionToken: 'token' },
        region: 'eu-west-1',
        service: 'lambda',
        sha256: Sha256,
      }).presign(
        new HttpRequest({
          method: 'GET',
          protocol: 'http:',
          hostname: '127.0.0.1',
          path: request.url.pathname,
          query: signed,
          headers: { host: request.headers.host ?? '' },
        }),
        { signingDate: date, expiresIn: QUERY_SIGNATURE_EXPIRES_SECONDS },
      );
      expect(signature).toMatch(/^[0-9a-f]{64}$/);
      expect(again.query?.['X-Amz-Signature']).toBe(signature);
    } finally {
      server.close();
    }
  });

  it('leaves writes to the Authorization header', async () => {
    const server = await serve((_seen, response) => json(response, 202, { UUID: 'u' }));
    try {
      await client(server.url, createQuerySigningPolicy()).send(
        new UpdateEventSourceMappingCommand({ UUID: 'u', BatchSize: 5 }),
      );
      expect(server.seen[0]?.method).toBe('PUT');
      expect(server.seen[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID/);
      expect(isQuerySigned(server.seen[0] as Seen)).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe('falling back to the Authorization header', () => {
  const warnings: string[] = [];
  beforeEach(() => {
    warnings.length = 0;
    vi.spyOn(console, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
  });
  afterEach(() => vi.restoreAllMocks());

  /** An endpoint that does not take query authentication (AWS's text when no Authorization came). */
  const headerOnly = () =>
    serve((seen, response) => {
      if (seen.headers.authorization) json(response, 200, PAGE);
      else {
        missingToken(response);
      }
    });

  it('after a refusal the header attempt gets past, for the rest of the page: one extra request', async () => {
    const server = await headerOnly();
    const policy = createQuerySigningPolicy();
    try {
      const lambda = client(server.url, policy);
      await expect(lambda.send(new ListEventSourceMappingsCommand({}))).resolves.toMatchObject({
        EventSourceMappings: [],
      });
      expect(server.seen.map(isQuerySigned)).toEqual([true, false]);
      expect(policy.enabledFor(hostOf(server.url))).toBe(false);
      expect(policy.refused.get(hostOf(server.url))).toBe(
        'MissingAuthenticationTokenException: Missing Authentication Token',
      );
      // Said once in the console, without the request's URL (it holds the token).
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(hostOf(server.url));
      expect(warnings[0]).toContain('MissingAuthenticationTokenException');
      expect(warnings[0]).not.toMatch(/X-Amz-|token/);
      // Another client of the same page: header-signed at once.
      await client(server.url, policy).send(new ListEventSourceMappingsCommand({}));
      expect(server.seen.map(isQuerySigned)).toEqual([true, false, false]);
    } finally {
      server.close();
    }
  });

  it('also after query signing worked, when the endpoint says it saw no signature', async () => {
    let takesQuery = true;
    const server = await serve((seen, response) => {
      if (takesQuery || seen.headers.authorization) json(response, 200, PAGE);
      else {
        missingToken(response);
      }
    });
    const policy = createQuerySigningPolicy();
    try {
      const lambda = client(server.url, policy);
      await lambda.send(new ListEventSourceMappingsCommand({}));
      expect(policy.confirmedFor(hostOf(server.url))).toBe(true);
      takesQuery = false;
      await expect(
        lambda.send(new GetEventSourceMappingCommand({ UUID: 'u' })),
      ).resolves.toBeTruthy();
      expect(server.seen.map(isQuerySigned)).toEqual([true, true, false]);
      expect(policy.enabledFor(hostOf(server.url))).toBe(false);
    } finally {
      server.close();
    }
  });

  it('per endpoint host: a region whose endpoint refuses does not turn it off for the others', async () => {
    const refusing = await headerOnly();
    const taking = await serve((_seen, response) => json(response, 200, PAGE));
    const policy = createQuerySigningPolicy();
    try {
      await client(taking.url, policy).send(new ListEventSourceMappingsCommand({}));
      await client(refusing.url, policy).send(new ListEventSourceMappingsCommand({}));
      await client(taking.url, policy).send(new ListEventSourceMappingsCommand({}));
      expect(taking.seen.map(isQuerySigned)).toEqual([true, true]);
      expect(refusing.seen.map(isQuerySigned)).toEqual([true, false]);
      expect([...policy.refused.keys()]).toEqual([hostOf(refusing.url)]);
    } finally {
      refusing.close();
      taking.close();
    }
  });

  it('after an answer the browser could not read (no response: a CORS refusal looks like this)', async () => {
    const server = await serve((seen, response, request) => {
      if (isQuerySigned(seen)) request.socket.destroy();
      else json(response, 200, PAGE);
    });
    const policy = createQuerySigningPolicy();
    try {
      await expect(
        client(server.url, policy).send(new ListEventSourceMappingsCommand({})),
      ).resolves.toMatchObject({ EventSourceMappings: [] });
      expect(server.seen.map(isQuerySigned)).toEqual([true, false]);
      expect(policy.enabledFor(hostOf(server.url))).toBe(false);
    } finally {
      server.close();
    }
  });

  it('keeps query signing when the header attempt fails too (it was not the cause)', async () => {
    const server = await serve((_seen, response) =>
      json(
        response,
        403,
        { message: 'The security token included in the request is invalid.' },
        'UnrecognizedClientException',
      ),
    );
    const policy = createQuerySigningPolicy();
    try {
      await expect(
        client(server.url, policy).send(new ListEventSourceMappingsCommand({})),
      ).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      expect(server.seen.map(isQuerySigned)).toEqual([true, false]);
      expect(policy.enabledFor(hostOf(server.url))).toBe(true);
      expect(policy.refused.size).toBe(0);
      expect(warnings).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('once query signing worked at a host, its other errors are the answer', async () => {
    let calls = 0;
    const server = await serve((_seen, response) => {
      calls += 1;
      if (calls === 1) json(response, 200, PAGE);
      else json(response, 403, { message: 'denied' }, 'AccessDeniedException');
    });
    const policy = createQuerySigningPolicy();
    try {
      const lambda = client(server.url, policy);
      await lambda.send(new ListEventSourceMappingsCommand({}));
      await expect(lambda.send(new ListEventSourceMappingsCommand({}))).rejects.toMatchObject({
        name: 'AccessDeniedException',
      });
      expect(server.seen.map(isQuerySigned)).toEqual([true, true]);
      expect(policy.enabledFor(hostOf(server.url))).toBe(true);
    } finally {
      server.close();
    }
  });

  it('a clock the SDK has just corrected is not a refusal: the SDK retries, query-signed', async () => {
    // AWS's answer to a request signed with a clock 15 minutes behind, with its own Date header.
    let calls = 0;
    const server = await serve((_seen, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(403, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'InvalidSignatureException',
          date: new Date(Date.now() + 15 * 60_000).toUTCString(),
        });
        response.end(
          JSON.stringify({
            message:
              'Signature expired: 20261201T000000Z is now earlier than 20261201T001000Z (20261201T001500Z - 5 min.)',
          }),
        );
      } else json(response, 200, PAGE);
    });
    const policy = createQuerySigningPolicy();
    try {
      const lambda = createLambdaClient(
        { lambdaEndpoint: server.url },
        'eu-west-1',
        credentials,
        5_000,
        2,
        policy,
      );
      await expect(lambda.send(new ListEventSourceMappingsCommand({}))).resolves.toBeTruthy();
      expect(server.seen.map(isQuerySigned)).toEqual([true, true]);
      expect(policy.refused.size).toBe(0);
    } finally {
      server.close();
    }
  });

  it('tells refusals from other failures', () => {
    const withStatus = (name: string, httpStatusCode: number, extra: object = {}) =>
      Object.assign(new Error('x'), { name, $metadata: { httpStatusCode, ...extra } });
    for (const confirmed of [false, true]) {
      expect(isQuerySigningRefusal(withStatus('TooManyRequestsException', 429), confirmed)).toBe(
        false,
      );
      expect(isQuerySigningRefusal(withStatus('ResourceNotFoundException', 404), confirmed)).toBe(
        false,
      );
      expect(isQuerySigningRefusal(withStatus('ServiceException', 500), confirmed)).toBe(false);
      expect(
        isQuerySigningRefusal(Object.assign(new Error('t'), { name: 'TimeoutError' }), confirmed),
      ).toBe(false);
      expect(
        isQuerySigningRefusal(
          withStatus('InvalidSignatureException', 403, { clockSkewCorrected: true }),
          confirmed,
        ),
      ).toBe(false);
      expect(
        isQuerySigningRefusal(withStatus('MissingAuthenticationTokenException', 403), confirmed),
      ).toBe(true);
      expect(
        isQuerySigningRefusal(withStatus('IncompleteSignatureException', 400), confirmed),
      ).toBe(true);
    }
    expect(isQuerySigningRefusal(withStatus('InvalidSignatureException', 403), false)).toBe(true);
    expect(isQuerySigningRefusal(withStatus('InvalidSignatureException', 403), true)).toBe(false);
    expect(isQuerySigningRefusal(new TypeError('Failed to fetch'), false)).toBe(true);
    expect(isQuerySigningRefusal(new TypeError('Failed to fetch'), true)).toBe(false);
  });
});
