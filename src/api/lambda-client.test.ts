/// <reference types="node" />
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createCognitoCredentials,
  createLambdaClient,
  createRegionalLambdaClients,
  getLambdaClient,
  getLambdaRegion,
  identityPoolRegion,
  LAMBDA_MAX_ATTEMPTS,
  setLambdaClient,
  setLambdaRegion,
  subscribeLambdaRegion,
  type CredentialsProvider,
  type LambdaSender,
} from './lambda-client.ts';

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

describe('createRegionalLambdaClients', () => {
  it('makes one client per region, on the same credentials', async () => {
    const clientFor = createRegionalLambdaClients({}, staticCredentials);
    const east = clientFor('us-east-1');
    expect(clientFor('us-east-1')).toBe(east);
    const west = clientFor('eu-west-1');
    expect(west).not.toBe(east);
    expect(await west.config.region()).toBe('eu-west-1');
    expect(await east.config.region()).toBe('us-east-1');
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
