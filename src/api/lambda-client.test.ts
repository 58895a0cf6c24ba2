/// <reference types="node" />
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { StandardRetryStrategy } from '@smithy/core/retry';
import {
  closeLambdaClients,
  createCognitoCredentials,
  createLambdaClient,
  createRegionalLambdaClients,
  getLambdaClient,
  getLambdaRegion,
  identityPoolRegion,
  isReadCommand,
  lambdaRequestSent,
  LAMBDA_MAX_ATTEMPTS,
  LAMBDA_WRITE_MAX_ATTEMPTS,
  SessionClosedError,
  setLambdaClient,
  setLambdaRegion,
  subscribeLambdaRegion,
  subscribeLambdaRetries,
  type CredentialsProvider,
  type LambdaRetry,
  type LambdaSender,
} from './lambda-client.ts';

/** A local HTTP server answering with `handler`; closed by the returned `close`. */
async function serve(
  handler: (request: IncomingMessage, body: string, response: ServerResponse) => void,
): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handler(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Answers like Lambda: an AWS JSON error (`x-amzn-ErrorType`) or an empty list page. */
function answer(response: ServerResponse, status: number, errorType?: string, message = '') {
  response.writeHead(status, {
    'content-type': 'application/json',
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(JSON.stringify(errorType ? { message } : { EventSourceMappings: [] }));
}

const staticCredentials: CredentialsProvider = () =>
  Promise.resolve({ identityId: 'x', accessKeyId: 'AKID', secretAccessKey: 'secret' });

describe('identityPoolRegion', () => {
  it('takes the region prefix of the pool id', () => {
    expect(identityPoolRegion('eu-west-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b')).toBe('eu-west-1');
    expect(identityPoolRegion('nocolon')).toBeUndefined();
  });
});

describe('createLambdaClient', () => {
  it('uses the given region, the configured endpoint and the attempt limit', async () => {
    const client = createLambdaClient(
      { lambdaEndpoint: 'http://127.0.0.1:4599/prefix' },
      'us-west-2',
      staticCredentials,
    );
    expect(await client.config.region()).toBe('us-west-2');
    expect(await client.config.maxAttempts()).toBe(LAMBDA_MAX_ATTEMPTS);
    const endpoint = await client.config.endpoint?.();
    expect(endpoint).toMatchObject({ hostname: '127.0.0.1', port: 4599, path: '/prefix' });
  });

  it('leaves the endpoint to the SDK when none is configured', () => {
    const client = createLambdaClient({}, 'us-west-2', staticCredentials);
    expect(client.config.endpoint).toBeUndefined();
  });
});

describe('lambdaRequestSent', () => {
  it('resolves once a client hands a signed request over, before its answer', async () => {
    let answered = false;
    const server = await serve((_request, _body, response) => {
      setTimeout(() => {
        answered = true;
        answer(response, 200);
      }, 200);
    });
    try {
      const client = createLambdaClient(
        { lambdaEndpoint: server.url },
        'us-east-1',
        staticCredentials,
      );
      const sent = lambdaRequestSent(5000).then(() => answered);
      const listed = client.send(new ListEventSourceMappingsCommand({}));
      expect(await sent).toBe(false);
      await listed;
      expect(answered).toBe(true);
    } finally {
      server.close();
    }
  });

  it('resolves after its timeout when no request is sent', async () => {
    const started = Date.now();
    await lambdaRequestSent(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});

describe('retry strategy', () => {
  it("is the SDK's standard strategy with the attempts sized for List", async () => {
    const client = createLambdaClient({}, 'us-east-1', staticCredentials);
    const strategy = await client.config.retryStrategy();
    expect(strategy).toBeInstanceOf(StandardRetryStrategy);
    expect((strategy as StandardRetryStrategy).mode).toBe('standard');
    expect(await (strategy as StandardRetryStrategy).maxAttempts()).toBe(LAMBDA_MAX_ATTEMPTS);
    expect(LAMBDA_MAX_ATTEMPTS).toBeGreaterThanOrEqual(8);
  });

  it('retries throttling (reporting each retry) but not a 400', async () => {
    const statuses = [429, 429, 200, 400];
    const requests: string[] = [];
    const server = await serve((request, _body, response) => {
      requests.push(request.url ?? '');
      const status = statuses[requests.length - 1] ?? 400;
      if (status === 429) answer(response, 429, 'TooManyRequestsException', 'Rate exceeded');
      else if (status === 400) answer(response, 400, 'InvalidParameterValueException', 'Bad');
      else answer(response, 200);
    });
    const retries: LambdaRetry[] = [];
    const unsubscribe = subscribeLambdaRetries((retry) => retries.push(retry));
    try {
      const client = createLambdaClient(
        { lambdaEndpoint: server.url },
        'eu-west-1',
        staticCredentials,
      );
      const page = await client.send(new ListEventSourceMappingsCommand({}));
      expect(page.$metadata.attempts).toBe(3);
      expect(retries.map((r) => [r.region, r.errorType])).toEqual([
        ['eu-west-1', 'THROTTLING'],
        ['eu-west-1', 'THROTTLING'],
      ]);
      const error: unknown = await client
        .send(new ListEventSourceMappingsCommand({}))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'InvalidParameterValueException' });
      expect(requests).toHaveLength(4);
    } finally {
      unsubscribe();
      server.close();
    }
  }, 15_000);
});

describe('reads and writes', () => {
  it('tells reads from writes', () => {
    expect(isReadCommand(new ListEventSourceMappingsCommand({}))).toBe(true);
    expect(isReadCommand(new UpdateEventSourceMappingCommand({ UUID: 'u', Enabled: false }))).toBe(
      false,
    );
  });

  it('gives a write fewer attempts than a read', async () => {
    expect(LAMBDA_WRITE_MAX_ATTEMPTS).toBeLessThan(LAMBDA_MAX_ATTEMPTS);
    const methods: string[] = [];
    // Always 500 (transient, short back-off): count the attempts of each kind of call.
    const server = await serve((request, _body, response) => {
      methods.push(request.method ?? '');
      answer(response, 500, 'ServiceException', 'Injected');
    });
    try {
      const clientFor = createRegionalLambdaClients(
        { lambdaEndpoint: server.url },
        staticCredentials,
      );
      await expect(
        clientFor('us-east-1').send(
          new UpdateEventSourceMappingCommand({ UUID: 'u', Enabled: false }),
        ),
      ).rejects.toMatchObject({ name: 'ServiceException' });
      await expect(
        clientFor('us-east-1').send(new ListEventSourceMappingsCommand({})),
      ).rejects.toMatchObject({ name: 'ServiceException' });
      expect(methods.filter((m) => m === 'PUT')).toHaveLength(LAMBDA_WRITE_MAX_ATTEMPTS);
      expect(methods.filter((m) => m === 'GET')).toHaveLength(LAMBDA_MAX_ATTEMPTS);
    } finally {
      server.close();
    }
  }, 30_000);
});

describe('createRegionalLambdaClients', () => {
  it('makes one sender per region', () => {
    const clientFor = createRegionalLambdaClients({}, staticCredentials);
    const east = clientFor('us-east-1');
    expect(clientFor('us-east-1')).toBe(east);
    expect(clientFor('eu-west-1')).not.toBe(east);
  });

  /**
   * Lambda that accepts only the access key `NEW` (from the Authorization header or, query-signed,
   * `X-Amz-Credential`), answering others as AWS does an unknown key.
   */
  const keyCheckingLambda = () => {
    const keys: string[] = [];
    return {
      keys,
      server: serve((request, _body, response) => {
        const credential =
          /Credential=([^,]+)/.exec(request.headers.authorization ?? '')?.[1] ??
          new URL(request.url ?? '', 'http://x').searchParams.get('X-Amz-Credential') ??
          '';
        const key = credential.split('/')[0] ?? '';
        keys.push(key);
        if (key === 'NEW') answer(response, 200);
        else {
          answer(
            response,
            403,
            'UnrecognizedClientException',
            'The security token included in the request is invalid.',
          );
        }
      }),
    };
  };

  it('renews the credentials once for calls refused with invalid credentials, and retries them', async () => {
    const lambda = keyCheckingLambda();
    const server = await lambda.server;
    let key = 'OLD';
    const renew = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      key = 'NEW';
    });
    const credentials = Object.assign(
      () => Promise.resolve({ identityId: 'x', accessKeyId: key, secretAccessKey: 'secret' }),
      { renew, dispose: vi.fn() },
    );
    try {
      const clientFor = createRegionalLambdaClients(
        { lambdaEndpoint: server.url },
        credentials,
        // Header-signed: query signing's fallback is tested in query-signing.test.ts.
        null,
      );
      const [east, west] = await Promise.all([
        clientFor('us-east-1').send(new ListEventSourceMappingsCommand({})),
        clientFor('eu-west-1').send(new ListEventSourceMappingsCommand({})),
      ]);
      expect(east.EventSourceMappings).toEqual([]);
      expect(west.EventSourceMappings).toEqual([]);
      expect(renew).toHaveBeenCalledTimes(1);
      // Each call: one refused attempt (not retried by the SDK), then one with the new key.
      expect(lambda.keys.sort()).toEqual(['NEW', 'NEW', 'OLD', 'OLD']);
    } finally {
      server.close();
    }
  });

  it('shows the error when the renewed credentials are refused too (one renewal per call)', async () => {
    const lambda = keyCheckingLambda();
    const server = await lambda.server;
    const renew = vi.fn(() => Promise.resolve());
    const credentials = Object.assign(
      () => Promise.resolve({ identityId: 'x', accessKeyId: 'OLD', secretAccessKey: 'secret' }),
      { renew, dispose: vi.fn() },
    );
    try {
      const clientFor = createRegionalLambdaClients(
        { lambdaEndpoint: server.url },
        credentials,
        // Header-signed: query signing's fallback is tested in query-signing.test.ts.
        null,
      );
      const error: unknown = await clientFor('us-east-1')
        .send(new ListEventSourceMappingsCommand({}))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      });
      expect(renew).toHaveBeenCalledTimes(1);
      expect(lambda.keys).toEqual(['OLD', 'OLD']);
    } finally {
      server.close();
    }
  });

  it('shows the original error when the renewal itself fails', async () => {
    const lambda = keyCheckingLambda();
    const server = await lambda.server;
    const renew = vi.fn(() => Promise.reject(new Error('identity pool unreachable')));
    const credentials = Object.assign(
      () => Promise.resolve({ identityId: 'x', accessKeyId: 'OLD', secretAccessKey: 'secret' }),
      { renew, dispose: vi.fn() },
    );
    try {
      const clientFor = createRegionalLambdaClients(
        { lambdaEndpoint: server.url },
        credentials,
        // Header-signed: query signing's fallback is tested in query-signing.test.ts.
        null,
      );
      await expect(
        clientFor('us-east-1').send(new ListEventSourceMappingsCommand({})),
      ).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
      expect(lambda.keys).toEqual(['OLD']);
    } finally {
      server.close();
    }
  });

  it('after closeLambdaClients, disposes the credentials and sends nothing', async () => {
    const lambda = keyCheckingLambda();
    const server = await lambda.server;
    const dispose = vi.fn();
    const credentials = Object.assign(
      () => Promise.resolve({ identityId: 'x', accessKeyId: 'NEW', secretAccessKey: 'secret' }),
      { renew: vi.fn(() => Promise.resolve()), dispose },
    );
    try {
      setLambdaClient(createRegionalLambdaClients({ lambdaEndpoint: server.url }, credentials));
      await getLambdaClient('us-east-1').send(new ListEventSourceMappingsCommand({}));
      closeLambdaClients();
      expect(dispose).toHaveBeenCalledTimes(1);
      await expect(
        getLambdaClient('us-east-1').send(new ListEventSourceMappingsCommand({})),
      ).rejects.toBeInstanceOf(SessionClosedError);
      expect(lambda.keys).toEqual(['NEW']);
    } finally {
      server.close();
    }
  });
});

describe('createCognitoCredentials', () => {
  const config = {
    identityPoolId: 'eu-west-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
    cognitoIdentityEndpoint: 'http://127.0.0.1:1',
  };

  it('asks the logins provider for the ID token on each fetch and shares one fetch', async () => {
    const idToken = vi.fn(() => Promise.reject(new Error('session over')));
    const credentials = createCognitoCredentials(config, { key: 'idp/x', idToken });
    // Two concurrent callers share one attempt (memoized), which needs the ID token first.
    const [first, second] = await Promise.allSettled([credentials(), credentials()]);
    expect(first).toMatchObject({ status: 'rejected', reason: { message: 'session over' } });
    expect(second).toMatchObject({ status: 'rejected', reason: { message: 'session over' } });
    expect(idToken).toHaveBeenCalledTimes(1);
    await expect(credentials()).rejects.toThrow('session over');
    expect(idToken).toHaveBeenCalledTimes(2);
  });

  it('renews with a new identity when the pool no longer knows the cached one, then disposes', async () => {
    // A Cognito Identity stand-in (awsJson1.1) whose identities can be forgotten (a restart).
    let known = new Set<string>();
    let next = 0;
    const targets: string[] = [];
    const server = await serve((request, body, response) => {
      const target = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      targets.push(target);
      const input = JSON.parse(body || '{}') as { IdentityId?: string };
      const json = (status: number, payload: object, type?: string) => {
        response.writeHead(status, {
          'content-type': 'application/x-amz-json-1.1',
          ...(type ? { 'x-amzn-errortype': type } : {}),
        });
        response.end(JSON.stringify(payload));
      };
      if (target === 'GetId') {
        const id = `eu-west-1:identity-${(next += 1)}`;
        known.add(id);
        json(200, { IdentityId: id });
      } else if (input.IdentityId && known.has(input.IdentityId)) {
        json(200, {
          IdentityId: input.IdentityId,
          Credentials: {
            AccessKeyId: `KEY-${input.IdentityId.split('-').at(-1)}`,
            SecretKey: 'secret',
            SessionToken: 'token',
            Expiration: Date.now() / 1000 + 3600,
          },
        });
      } else {
        json(400, { message: 'Identity not found' }, 'ResourceNotFoundException');
      }
    });
    const cacheKey = `aws:cognito-identity-credentials:${config.identityPoolId}:ANONYMOUS`;
    const forgetCachedIdentityId = vi.fn(async () => {
      // The SDK's own cache (localStorage where there is no IndexedDB, as in happy-dom).
      await new Promise((resolve) => setTimeout(resolve, 10));
      window.localStorage.removeItem(cacheKey);
    });
    try {
      const credentials = createCognitoCredentials(
        { ...config, cognitoIdentityEndpoint: server.url },
        undefined,
        { forgetCachedIdentityId },
      );
      expect((await credentials()).accessKeyId).toBe('KEY-1');
      known = new Set(); // the service restarted
      await credentials.renew();
      expect(forgetCachedIdentityId).toHaveBeenCalledTimes(1);
      expect((await credentials()).accessKeyId).toBe('KEY-2');
      expect(targets).toEqual([
        'GetId',
        'GetCredentialsForIdentity',
        'GetCredentialsForIdentity', // the cached identity: refused
        'GetId',
        'GetCredentialsForIdentity',
      ]);
      credentials.dispose();
      await expect(credentials()).rejects.toBeInstanceOf(SessionClosedError);
    } finally {
      window.localStorage.removeItem(cacheKey);
      server.close();
    }
  });
});

describe('active region and regional clients', () => {
  afterEach(() => setLambdaRegion('us-east-1'));

  it('returns the client of the active region by default, or of the region asked for', () => {
    const clients = new Map<string, LambdaSender>([
      ['us-east-1', { send: vi.fn() }],
      ['eu-west-1', { send: vi.fn() }],
    ]);
    setLambdaClient((region) => clients.get(region)!);
    setLambdaRegion('us-east-1');
    expect(getLambdaClient()).toBe(clients.get('us-east-1'));
    expect(getLambdaClient('eu-west-1')).toBe(clients.get('eu-west-1'));
    setLambdaRegion('eu-west-1');
    expect(getLambdaRegion()).toBe('eu-west-1');
    expect(getLambdaClient()).toBe(clients.get('eu-west-1'));
  });

  it('uses a single test client for every region', () => {
    const client: LambdaSender = { send: vi.fn() };
    setLambdaClient(client);
    expect(getLambdaClient('ap-south-1')).toBe(client);
  });

  it('notifies subscribers of changes only', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeLambdaRegion(listener);
    setLambdaRegion('us-east-1');
    setLambdaRegion('eu-west-1');
    setLambdaRegion('eu-west-1');
    unsubscribe();
    setLambdaRegion('us-east-1');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('request timeout', () => {
  it('fails a request the endpoint never answers with a TimeoutError after each attempt’s timeout', async () => {
    const { createServer } = await import('node:http');
    const requests: unknown[] = [];
    // Accepts every request and never answers (a hung backend).
    const server = createServer((request) => {
      requests.push(request.url);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const client = createLambdaClient(
        { lambdaEndpoint: `http://127.0.0.1:${port}` },
        'us-east-1',
        staticCredentials,
        200,
      );
      const { GetEventSourceMappingCommand } = await import('@aws-sdk/client-lambda');
      const error: unknown = await client
        .send(new GetEventSourceMappingCommand({ UUID: '00000000-0000-4000-8000-000000000001' }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('TimeoutError');
      expect(requests.length).toBeGreaterThanOrEqual(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 15_000);
});
