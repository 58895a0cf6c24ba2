import { describe, expect, it } from 'vitest';
import { ConfigError, loadRuntimeConfig, parseRuntimeConfig } from './env.ts';

const valid = {
  region: 'us-east-1',
  identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
  lambdaEndpoint: 'http://127.0.0.1:4599',
  cognitoIdentityEndpoint: 'http://127.0.0.1:4599',
};

function problemsOf(value: unknown): readonly string[] {
  try {
    parseRuntimeConfig(value, '/config.json');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseRuntimeConfig', () => {
  it('accepts the local emulator configuration', () => {
    expect(parseRuntimeConfig(valid, '/config.json')).toEqual(valid);
  });

  it('accepts a configuration without endpoints (real AWS)', () => {
    expect(
      parseRuntimeConfig({ region: 'eu-west-1', identityPoolId: valid.identityPoolId }, 'x'),
    ).toEqual({ region: 'eu-west-1', identityPoolId: valid.identityPoolId });
  });

  it('accepts GovCloud regions', () => {
    expect(parseRuntimeConfig({ ...valid, region: 'us-gov-west-1' }, 'x').region).toBe(
      'us-gov-west-1',
    );
  });

  it('names every missing required field', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^region: /);
    expect(problems[1]).toMatch(/^identityPoolId: /);
  });

  it('rejects a malformed region and identity pool id', () => {
    expect(problemsOf({ ...valid, region: 'US East' })).toEqual([
      'region: must be an AWS region code such as us-east-1',
    ]);
    expect(problemsOf({ ...valid, identityPoolId: 'not a pool' })[0]).toMatch(/^identityPoolId: /);
  });

  it('rejects endpoints that are not absolute http(s) URLs', () => {
    expect(problemsOf({ ...valid, lambdaEndpoint: '127.0.0.1:4599' })[0]).toMatch(
      /^lambdaEndpoint: must be an absolute http/,
    );
    expect(problemsOf({ ...valid, cognitoIdentityEndpoint: 'ftp://x' })[0]).toMatch(
      /^cognitoIdentityEndpoint: /,
    );
  });

  it('rejects unknown keys so typos are not silently ignored', () => {
    expect(problemsOf({ ...valid, lamdaEndpoint: 'http://x' }).join()).toMatch(/lamdaEndpoint/);
  });

  it('rejects a non-object', () => {
    expect(problemsOf([])).toHaveLength(1);
  });
});

describe('loadRuntimeConfig', () => {
  const respond =
    (body: string, status = 200) =>
    () =>
      Promise.resolve(new Response(body, { status }));

  it('fetches without cache and validates', async () => {
    const calls: [RequestInfo | URL, RequestInit | undefined][] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      calls.push([input, init]);
      return Promise.resolve(new Response(JSON.stringify(valid)));
    };
    await expect(loadRuntimeConfig('/config.json', fetchImpl)).resolves.toEqual(valid);
    expect(calls).toEqual([['/config.json', { cache: 'no-store' }]]);
  });

  it('reports an HTTP error', async () => {
    await expect(loadRuntimeConfig('/config.json', respond('nope', 404))).rejects.toMatchObject({
      name: 'ConfigError',
      problems: ['could not be fetched: HTTP 404'],
    });
  });

  it('reports a body that is not JSON (e.g. an HTML fallback page)', async () => {
    await expect(
      loadRuntimeConfig('/config.json', respond('<!doctype html>')),
    ).rejects.toMatchObject({ problems: [expect.stringMatching(/^is not valid JSON: /)] });
  });

  it('reports a network failure', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(loadRuntimeConfig('/config.json', failing)).rejects.toMatchObject({
      problems: ['could not be fetched: Failed to fetch'],
    });
  });

  it('reports invalid content', async () => {
    await expect(
      loadRuntimeConfig('/config.json', respond(JSON.stringify({ region: 'us-east-1' }))),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});
