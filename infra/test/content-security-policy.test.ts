import { describe, expect, it } from 'vitest';
import {
  awsEndpointOrigins,
  buildContentSecurityPolicy,
  cspOptionsFromRuntimeConfig,
  originOf,
} from '../lib/content-security-policy.ts';

/** Parses a CSP header value into directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  it('builds the strict policy for one region and the user-pool domain', () => {
    expect(
      buildContentSecurityPolicy({
        regions: ['eu-west-1'],
        userPoolDomain: 'https://team.auth.eu-west-1.amazoncognito.com',
      }),
    ).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self' https://lambda.eu-west-1.amazonaws.com https://cognito-identity.eu-west-1.amazonaws.com " +
        'https://cognito-idp.eu-west-1.amazonaws.com https://team.auth.eu-west-1.amazoncognito.com; ' +
        "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; " +
        "form-action 'self' https://team.auth.eu-west-1.amazoncognito.com",
    );
  });

  it('never allows inline or eval code, wildcards or plain http in production', () => {
    const csp = buildContentSecurityPolicy({
      regions: ['us-east-1', 'eu-central-1'],
      userPoolDomain: 'https://team.auth.us-east-1.amazoncognito.com',
    });
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*|http:/);
    for (const [name, sources] of directives(csp)) {
      if (name !== 'connect-src' && name !== 'form-action') {
        expect(
          sources.filter((s) => s.startsWith('https:')),
          name,
        ).toEqual([]);
      }
    }
  });

  it('lists the three endpoints of every region in connect-src, once each', () => {
    const connectSrc = directives(
      buildContentSecurityPolicy({ regions: ['us-east-1', 'eu-west-1', 'us-east-1'] }),
    ).get('connect-src');
    expect(connectSrc).toEqual([
      "'self'",
      'https://lambda.us-east-1.amazonaws.com',
      'https://cognito-identity.us-east-1.amazonaws.com',
      'https://cognito-idp.us-east-1.amazonaws.com',
      'https://lambda.eu-west-1.amazonaws.com',
      'https://cognito-identity.eu-west-1.amazonaws.com',
      'https://cognito-idp.eu-west-1.amazonaws.com',
    ]);
  });

  it('adds extra origins (the emulator) to connect-src only', () => {
    const parsed = directives(
      buildContentSecurityPolicy({
        regions: ['us-east-1'],
        extraConnectSrc: ['http://127.0.0.1:4599'],
      }),
    );
    expect(parsed.get('connect-src')).toContain('http://127.0.0.1:4599');
    expect(parsed.get('form-action')).toEqual(["'self'"]);
    expect(parsed.get('script-src')).toEqual(["'self'"]);
  });

  it('rejects inputs that would widen or break the header', () => {
    expect(() => buildContentSecurityPolicy({ regions: [] })).toThrow(/At least one region/);
    expect(() => buildContentSecurityPolicy({ regions: ['us-east-1; script-src *'] })).toThrow(
      /Not an AWS region code/,
    );
    for (const origin of [
      'https://evil.example; script-src *',
      'https://a.example/path',
      "https://a.example'",
      'https://a.example b.example',
      'ftp://a.example',
      '*',
    ]) {
      expect(() =>
        buildContentSecurityPolicy({ regions: ['us-east-1'], extraConnectSrc: [origin] }),
      ).toThrow(/must be an origin/);
    }
    expect(() =>
      buildContentSecurityPolicy({ regions: ['us-east-1'], userPoolDomain: 'team.example' }),
    ).toThrow(/userPoolDomain must be an origin/);
  });

  it('accepts a CDK token inside a host (resolved at deploy time)', () => {
    expect(
      buildContentSecurityPolicy({
        regions: ['us-east-1'],
        userPoolDomain: 'https://team-${Token[AWS.AccountId.7]}.auth.us-east-1.amazoncognito.com',
      }),
    ).toContain('https://team-${Token[AWS.AccountId.7]}.auth.us-east-1.amazoncognito.com');
  });
});

describe('awsEndpointOrigins', () => {
  it('uses the amazonaws.com.cn suffix in the China partition', () => {
    expect(awsEndpointOrigins('cn-north-1')).toEqual([
      'https://lambda.cn-north-1.amazonaws.com.cn',
      'https://cognito-identity.cn-north-1.amazonaws.com.cn',
      'https://cognito-idp.cn-north-1.amazonaws.com.cn',
    ]);
    expect(awsEndpointOrigins('us-gov-west-1')[0]).toBe(
      'https://lambda.us-gov-west-1.amazonaws.com',
    );
  });
});

describe('originOf', () => {
  it('keeps scheme, host and port only', () => {
    expect(originOf('http://127.0.0.1:4599/prefix/v1?x=1')).toBe('http://127.0.0.1:4599');
    expect(originOf('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC')).toBe(
      'https://cognito-idp.us-east-1.amazonaws.com',
    );
  });

  it('rejects relative and non-http URLs', () => {
    expect(() => originOf('/config.json')).toThrow(/Not an absolute URL/);
    expect(() => originOf('javascript:alert(1)')).toThrow(/Not an http\(s\) URL/);
  });
});

describe('cspOptionsFromRuntimeConfig', () => {
  it('allows the emulator when the config points the SDK at it', () => {
    expect(
      cspOptionsFromRuntimeConfig({
        region: 'us-east-1',
        identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
        lambdaEndpoint: 'http://127.0.0.1:4599',
        cognitoIdentityEndpoint: 'http://127.0.0.1:4599/',
      }),
    ).toEqual({ regions: ['us-east-1'], extraConnectSrc: ['http://127.0.0.1:4599'] });
  });

  it('reads regions and the OIDC authority of a deployed-style config', () => {
    expect(
      cspOptionsFromRuntimeConfig({
        region: 'eu-west-1',
        regions: ['us-east-1', 'eu-west-1'],
        identityPoolId: 'eu-west-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
        auth: { mode: 'signed-in', authority: 'http://127.0.0.1:4600/oidc' },
      }),
    ).toEqual({
      regions: ['eu-west-1', 'us-east-1'],
      extraConnectSrc: ['http://127.0.0.1:4600'],
    });
  });

  it('rejects configs it cannot derive a policy from', () => {
    expect(() => cspOptionsFromRuntimeConfig({})).toThrow(/no string "region"/);
    expect(() => cspOptionsFromRuntimeConfig(null)).toThrow(/no string "region"/);
    expect(() =>
      cspOptionsFromRuntimeConfig({ region: 'us-east-1', regions: 'eu-west-1' }),
    ).toThrow(/"regions" must be an array/);
    expect(() =>
      cspOptionsFromRuntimeConfig({ region: 'us-east-1', lambdaEndpoint: 4599 }),
    ).toThrow(/"lambdaEndpoint" must be a URL string/);
    expect(() =>
      cspOptionsFromRuntimeConfig({ region: 'us-east-1', auth: { authority: 'not a url' } }),
    ).toThrow(/Not an absolute URL/);
  });
});
