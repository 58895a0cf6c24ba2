import { describe, expect, it } from 'vitest';
// The console's own validator: what infra deploys must be what the console accepts.
import { authModeSchema, parseRuntimeConfig } from '../../src/config/env.ts';
import { buildContentSecurityPolicy, originOf } from '../lib/content-security-policy.ts';
import { buildRuntimeConfig, type AuthMode } from '../lib/runtime-config.ts';

/** Resource ids as they look once CloudFormation has resolved the tokens. */
const resolved = {
  identityPoolId: 'eu-west-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
  userPoolId: 'eu-west-1_AbCdEfGhI',
  userPoolClientId: '4h3kq9s0ab1cd2ef3gh4ij5kl6',
};

describe('buildRuntimeConfig output, read by the console (src/config/env.ts)', () => {
  it('signed-in, one region: accepted as is', () => {
    const deployed = buildRuntimeConfig({
      region: 'eu-west-1',
      regions: ['eu-west-1'],
      allowGuest: false,
      ...resolved,
    });
    expect(parseRuntimeConfig(JSON.parse(JSON.stringify(deployed)), 'config.json')).toEqual({
      region: 'eu-west-1',
      identityPoolId: resolved.identityPoolId,
      auth: {
        mode: 'signed-in',
        userPoolId: resolved.userPoolId,
        userPoolClientId: resolved.userPoolClientId,
        authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI',
      },
    });
  });

  it('guest, several regions (default first): accepted with the region list', () => {
    const deployed = buildRuntimeConfig({
      region: 'eu-west-1',
      regions: ['eu-west-1', 'us-east-1', 'ap-southeast-2'],
      allowGuest: true,
      ...resolved,
    });
    const config = parseRuntimeConfig(JSON.parse(JSON.stringify(deployed)), 'config.json');
    expect(config.auth.mode).toBe('guest');
    expect(config.regions).toEqual(['eu-west-1', 'us-east-1', 'ap-southeast-2']);
  });

  it('China partition: the authority is the pool’s issuer there too', () => {
    const deployed = buildRuntimeConfig({
      region: 'cn-north-1',
      regions: ['cn-north-1'],
      allowGuest: false,
      identityPoolId: 'cn-north-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
      userPoolId: 'cn-north-1_AbCdEfGhI',
      userPoolClientId: resolved.userPoolClientId,
    });
    expect(parseRuntimeConfig(deployed, 'config.json').auth.authority).toBe(
      'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbCdEfGhI',
    );
  });

  it('both sides know the same two modes', () => {
    const infraModes: AuthMode[] = ['guest', 'signed-in'];
    expect([...authModeSchema.options].sort()).toEqual([...infraModes].sort());
  });

  it('the CSP lets the console reach the user pool: discovery at the authority, tokens at the hosted UI domain', () => {
    const deployed = buildRuntimeConfig({
      region: 'eu-west-1',
      regions: ['eu-west-1'],
      allowGuest: false,
      ...resolved,
    });
    const userPoolDomain = 'https://acme.auth.eu-west-1.amazoncognito.com';
    const connectSrc =
      buildContentSecurityPolicy({ regions: ['eu-west-1'], userPoolDomain })
        .split('; ')
        .find((d) => d.startsWith('connect-src '))
        ?.split(' ') ?? [];
    // Discovery and JWKS: <authority>/.well-known/…; token, userinfo, revoke: the domain.
    expect(connectSrc).toContain(originOf(deployed.auth.authority));
    expect(connectSrc).toContain(userPoolDomain);
  });
});
