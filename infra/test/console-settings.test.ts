import { describe, expect, it } from 'vitest';
import { readConsoleSettings } from '../lib/console-settings.ts';

const defaults = { region: 'eu-west-1', siteAssetPath: '/repo/dist' };
const read = (context: Record<string, unknown>) =>
  readConsoleSettings((key) => context[key], defaults);

describe('readConsoleSettings', () => {
  it('defaults to the CLI region, signed-in only, the repo build', () => {
    expect(read({})).toEqual({
      region: 'eu-west-1',
      regions: ['eu-west-1'],
      allowGuest: false,
      domainPrefix: undefined,
      siteAssetPath: '/repo/dist',
      extraCallbackUrls: [],
      webAclArn: undefined,
      domainName: undefined,
      certificateArn: undefined,
    });
  });

  it('puts the stack region first in regions, deduplicated, from a comma list or a list', () => {
    expect(
      read({ region: 'us-east-1', regions: 'eu-west-1, us-east-1,ap-south-1' }).regions,
    ).toEqual(['us-east-1', 'eu-west-1', 'ap-south-1']);
    expect(read({ regions: ['us-west-2'] }).regions).toEqual(['eu-west-1', 'us-west-2']);
  });

  it('parses allowGuest from CLI strings and cdk.json booleans, and nothing else', () => {
    expect(read({ allowGuest: 'true' }).allowGuest).toBe(true);
    expect(read({ allowGuest: true }).allowGuest).toBe(true);
    expect(read({ allowGuest: 'false' }).allowGuest).toBe(false);
    expect(() => read({ allowGuest: 'yes' })).toThrow(/"allowGuest" must be true or false/);
  });

  it('rejects region codes that are not regions', () => {
    expect(() => read({ regions: 'us-east-1,europe' })).toThrow(/Not an AWS region code: "europe"/);
    expect(() => read({ region: 'US-EAST-1' })).toThrow(/Not an AWS region code/);
  });

  it('applies Cognito domain prefix rules', () => {
    expect(read({ domainPrefix: 'acme-esm-console' }).domainPrefix).toBe('acme-esm-console');
    expect(() => read({ domainPrefix: 'Acme' })).toThrow(/lowercase letters/);
    expect(() => read({ domainPrefix: '-acme' })).toThrow(/lowercase letters/);
    expect(() => read({ domainPrefix: 'acme-aws-team' })).toThrow(/must not contain "aws"/);
    expect(() => read({ domainPrefix: 'my-cognito' })).toThrow(/must not contain "cognito"/);
  });

  it('accepts https callback URLs, and http only for localhost', () => {
    expect(
      read({ callbackUrls: 'http://localhost:5173/,https://console.example.com/' })
        .extraCallbackUrls,
    ).toEqual(['http://localhost:5173/', 'https://console.example.com/']);
    expect(() => read({ callbackUrls: 'http://console.example.com/' })).toThrow(
      /http only for localhost/,
    );
    expect(() => read({ callbackUrls: 'not-a-url' })).toThrow(/invalid URL/);
  });

  it('needs domainName and certificateArn together', () => {
    expect(() => read({ domainName: 'esm.example.com' })).toThrow(/must be given together/);
    expect(
      read({
        domainName: 'esm.example.com',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      }).domainName,
    ).toBe('esm.example.com');
  });

  it('rejects non-string values for string flags', () => {
    expect(() => read({ webAclArn: 42 })).toThrow(/"webAclArn" must be a string/);
    expect(() => read({ regions: [1, 2] })).toThrow(/comma-separated string or a list of strings/);
  });
});
