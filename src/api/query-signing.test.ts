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
import { describe, expect, it } from 'vitest';
import { createLambdaClient, type CredentialsProvider } from './lambda-client.ts';
import {
  createQuerySigningPolicy,
  mayBeQuerySigningRefusal,
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
const isQuerySigned = (seen: Seen) => seen.url.searchParams.has('X-Amz-Signature');

function client(url: string, policy: QuerySigningPolicy) {
  return createLambdaClient({ lambdaEndpoint: url }, 'eu-west-1', credentials, 5_000, 1, policy);
}

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
      expect(policy).toMatchObject({ enabled: true, confirmed: true });
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
  it('after a refusal the header attempt gets past, for the rest of the page: one extra request', async () => {
    // An endpoint that does not take query authentication (AWS's text when no Authorization came).
    const server = await serve((seen, response) => {
      if (seen.headers.authorization) json(response, 200, PAGE);
      else {
        json(
          response,
          403,
          { message: 'Missing Authentication Token' },
          'MissingAuthenticationTokenException',
        );
      }
    });
    const policy = createQuerySigningPolicy();
    try {
      const lambda = client(server.url, policy);
      await expect(lambda.send(new ListEventSourceMappingsCommand({}))).resolves.toMatchObject({
        EventSourceMappings: [],
      });
      expect(server.seen.map(isQuerySigned)).toEqual([true, false]);
      expect(policy.enabled).toBe(false);
      expect(policy.refusedWith).toBe(
        'MissingAuthenticationTokenException: Missing Authentication Token',
      );
      // Another client of the same page: header-signed at once.
      await client(server.url, policy).send(new ListEventSourceMappingsCommand({}));
      expect(server.seen.map(isQuerySigned)).toEqual([true, false, false]);
    } finally {
      server.close();
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
      expect(policy.enabled).toBe(false);
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
      expect(policy).toMatchObject({ enabled: true, refusedWith: undefined });
    } finally {
      server.close();
    }
  });

  it('never once a query-signed request succeeded: later errors are the answer', async () => {
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
      expect(policy).toMatchObject({ enabled: true, confirmed: true });
    } finally {
      server.close();
    }
  });

  it('does not take throttling, not-found, server errors or timeouts for a refusal', () => {
    const withStatus = (name: string, httpStatusCode: number) =>
      Object.assign(new Error('x'), { name, $metadata: { httpStatusCode } });
    expect(mayBeQuerySigningRefusal(withStatus('TooManyRequestsException', 429))).toBe(false);
    expect(mayBeQuerySigningRefusal(withStatus('ResourceNotFoundException', 404))).toBe(false);
    expect(mayBeQuerySigningRefusal(withStatus('ServiceException', 500))).toBe(false);
    expect(mayBeQuerySigningRefusal(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(
      false,
    );
    expect(mayBeQuerySigningRefusal(withStatus('InvalidSignatureException', 403))).toBe(true);
    expect(mayBeQuerySigningRefusal(withStatus('IncompleteSignatureException', 400))).toBe(true);
    expect(mayBeQuerySigningRefusal(new TypeError('Failed to fetch'))).toBe(true);
  });
});
