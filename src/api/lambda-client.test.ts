import { describe, expect, it } from 'vitest';
import { createLambdaClient, identityPoolRegion, LAMBDA_MAX_ATTEMPTS } from './lambda-client.ts';

describe('identityPoolRegion', () => {
  it('takes the region prefix of the pool id', () => {
    expect(identityPoolRegion('eu-west-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b')).toBe('eu-west-1');
    expect(identityPoolRegion('nocolon')).toBeUndefined();
  });
});

describe('createLambdaClient', () => {
  it('uses the configured region, endpoint and attempt limit', async () => {
    const client = createLambdaClient({
      region: 'us-west-2',
      identityPoolId: 'us-west-2:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
      lambdaEndpoint: 'http://127.0.0.1:4599/prefix',
    });
    expect(await client.config.region()).toBe('us-west-2');
    expect(await client.config.maxAttempts()).toBe(LAMBDA_MAX_ATTEMPTS);
    const endpoint = await client.config.endpoint?.();
    expect(endpoint).toMatchObject({ hostname: '127.0.0.1', port: 4599, path: '/prefix' });
  });

  it('leaves the endpoint to the SDK when none is configured', () => {
    const client = createLambdaClient({
      region: 'us-west-2',
      identityPoolId: 'us-west-2:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
    });
    expect(client.config.endpoint).toBeUndefined();
  });
});
