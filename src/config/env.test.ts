import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  ConfigUnavailableError,
  configuredRegions,
  loadRuntimeConfig,
  parseRuntimeConfig,
} from './env.ts';

const localAuth = {
  mode: 'signed-in',
  userPoolClientId: 'esm-console-local',
  authority: 'http://127.0.0.1:4599/oidc',
} as const;

const valid = {
  region: 'us-east-1',
  identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
  auth: localAuth,
  lambdaEndpoint: 'http://127.0.0.1:4599',
  cognitoIdentityEndpoint: 'http://127.0.0.1:4599',
};

/** What infra/lib/runtime-config.ts deploys (signed-in, one region). */
const deployed = {
  region: 'eu-west-1',
  identityPoolId: 'eu-west-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
  auth: {
    mode: 'signed-in',
    userPoolId: 'eu-west-1_AbCdEfGhI',
    userPoolClientId: '4h3kq9s0ab1cd2ef3gh4ij5kl6',
    authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI',
  },
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

  it('accepts the deployed configuration without endpoints (real AWS)', () => {
    expect(parseRuntimeConfig(deployed, 'x')).toEqual(deployed);
  });

  it('accepts both modes', () => {
    for (const mode of ['guest', 'signed-in']) {
      const config = parseRuntimeConfig({ ...deployed, auth: { ...deployed.auth, mode } }, 'x');
      expect(config.auth.mode).toBe(mode);
    }
    expect(problemsOf({ ...valid, auth: { ...localAuth, mode: 'anonymous' } })).toEqual([
      'auth.mode: must be "guest" or "signed-in"',
    ]);
  });

  it('requires the auth block and names its missing fields', () => {
    expect(problemsOf({ ...valid, auth: undefined })[0]).toMatch(/^auth: /);
    const problems = problemsOf({ ...valid, auth: {} });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'auth.mode',
      'auth.userPoolClientId',
      'auth.authority',
    ]);
  });

  it('accepts http authorities on loopback hosts only', () => {
    for (const host of ['127.0.0.1:4599', 'localhost:4599', '[::1]:4599']) {
      const auth = { ...localAuth, authority: `http://${host}/oidc` };
      expect(parseRuntimeConfig({ ...valid, auth }, 'x').auth.authority).toBe(auth.authority);
    }
    expect(
      problemsOf({ ...valid, auth: { ...localAuth, authority: 'http://idp.example.com/oidc' } }),
    ).toEqual([
      'auth.authority: must be an https:// URL (http:// only for 127.0.0.1 or localhost)',
    ]);
  });

  it('requires a Cognito authority to be the user pool’s issuer', () => {
    const other = { ...deployed.auth, authority: 'https://cognito-idp.eu-west-1.amazonaws.com/x' };
    expect(problemsOf({ ...deployed, auth: other })).toEqual([
      'auth.authority: must be the user pool’s issuer, ending in /<userPoolId>',
    ]);
    expect(problemsOf({ ...deployed, auth: { ...deployed.auth, userPoolId: 'pool' } })[0]).toMatch(
      /^auth\.userPoolId: must look like/,
    );
  });

  it('rejects unknown keys in the auth block', () => {
    expect(problemsOf({ ...valid, auth: { ...localAuth, clientId: 'x' } }).join()).toMatch(
      /clientId/,
    );
  });

  it('accepts a list of regions that includes the default region', () => {
    const config = parseRuntimeConfig({ ...deployed, regions: ['eu-west-1', 'us-east-1'] }, 'x');
    expect(config.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(configuredRegions(config)).toEqual(['eu-west-1', 'us-east-1']);
    expect(configuredRegions({ region: 'us-east-1', regions: ['eu-west-1', 'us-east-1'] })).toEqual(
      ['us-east-1', 'eu-west-1'],
    );
    expect(configuredRegions(deployed)).toEqual(['eu-west-1']);
  });

  it('rejects a region list without the default region, with duplicates, empty or malformed', () => {
    expect(problemsOf({ ...deployed, regions: ['us-east-1'] })).toEqual([
      'regions: must include the default region',
    ]);
    expect(problemsOf({ ...deployed, regions: ['eu-west-1', 'eu-west-1'] })).toEqual([
      'regions: must not list a region twice',
    ]);
    expect(problemsOf({ ...deployed, regions: [] })).toEqual([
      'regions: must list at least one region',
    ]);
    expect(problemsOf({ ...deployed, regions: ['eu-west-1', 'Mars'] })).toEqual([
      'regions[1]: must be an AWS region code such as us-east-1',
    ]);
  });

  it('accepts GovCloud regions', () => {
    expect(parseRuntimeConfig({ ...valid, region: 'us-gov-west-1' }, 'x').region).toBe(
      'us-gov-west-1',
    );
  });

  it('names every missing required field', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^region: /);
    expect(problems[1]).toMatch(/^identityPoolId: /);
    expect(problems[2]).toMatch(/^auth: /);
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

  it('reports a network failure as unavailable (to try again), not as an invalid file', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const error: unknown = await loadRuntimeConfig('/config.json', failing).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigUnavailableError);
    expect(error).toMatchObject({ source: '/config.json', reason: 'Failed to fetch' });
  });

  it('reports a 5xx as unavailable, and a 404 as a configuration error', async () => {
    await expect(loadRuntimeConfig('/config.json', respond('busy', 503))).rejects.toMatchObject({
      name: 'ConfigUnavailableError',
      reason: 'HTTP 503',
    });
    await expect(loadRuntimeConfig('/config.json', respond('nope', 404))).rejects.toBeInstanceOf(
      ConfigError,
    );
  });

  it('reports invalid content', async () => {
    await expect(
      loadRuntimeConfig('/config.json', respond(JSON.stringify({ region: 'us-east-1' }))),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('a config.json with several mistakes at once', () => {
  it('names each mistake once, by its JSON path', () => {
    expect(
      problemsOf({
        regions: ['eu-west-1'],
        identityPoolId: 42,
        bogus: true,
        auth: { mode: 'guest', userPoolClientId: 'abc', authority: 'not a url', extra: 1 },
      }),
    ).toEqual([
      'region: is required',
      'identityPoolId: must be a string, not a number',
      'auth.authority: must be an absolute http:// or https:// URL',
      'auth.extra: is not a known key (allowed: mode, userPoolId, userPoolClientId, authority, guestAccess)',
      'bogus: is not a known key (allowed: region, regions, identityPoolId, auth, lambdaEndpoint, cognitoIdentityEndpoint)',
    ]);
  });

  it('an authority that is not a URL is a problem of the file, with a user pool id too', () => {
    // It threw TypeError: Invalid URL (the issuer check read it as a URL), hiding every other line.
    expect(
      problemsOf({ ...deployed, identityPoolId: 7, auth: { ...deployed.auth, authority: 'idp' } }),
    ).toEqual([
      'identityPoolId: must be a string, not a number',
      'auth.authority: must be an absolute http:// or https:// URL',
    ]);
  });

  it('says a member of the wrong type is that, not also every check of the type', () => {
    expect(problemsOf({ ...valid, lambdaEndpoint: 4599, regions: 'us-east-1' })).toEqual([
      'regions: must be an array, not a string',
      'lambdaEndpoint: must be a string, not a number',
    ]);
    expect(problemsOf({ ...valid, auth: { ...localAuth, userPoolClientId: '' } })).toEqual([
      'auth.userPoolClientId: must not be empty',
    ]);
    expect(problemsOf([])).toEqual(['must be a JSON object, not an array']);
    expect(problemsOf(null)).toEqual(['must be a JSON object, not null']);
  });

  it('puts the failed checks of one member on one line', () => {
    expect(
      problemsOf({
        ...valid,
        regions: ['eu-west-1', 'eu-west-1'],
        auth: { ...localAuth, authority: 'http://idp.example.com/oidc?x=1' },
      }),
    ).toEqual([
      'regions: must not list a region twice, and must include the default region',
      'auth.authority: must not contain a query string or fragment, and must be an https:// URL (http:// only for 127.0.0.1 or localhost)',
    ]);
  });
});
