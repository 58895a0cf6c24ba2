import { describe, expect, it } from 'vitest';
import { isCognitoAuthority, loginsKey } from './logins.ts';

describe('loginsKey', () => {
  it('gives Cognito’s provider name for a user pool issuer', () => {
    expect(loginsKey('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI')).toBe(
      'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI',
    );
    expect(loginsKey('https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Ab')).toBe(
      'cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Ab',
    );
  });

  it('gives host and path for the local emulator (issuer without scheme)', () => {
    expect(loginsKey('http://127.0.0.1:4599/oidc')).toBe('127.0.0.1:4599/oidc');
    expect(loginsKey('http://localhost:4660/oidc/')).toBe('localhost:4660/oidc');
    expect(loginsKey('HTTPS://idp.example.com')).toBe('idp.example.com');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => loginsKey('cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab')).toThrow(
      /Not an http\(s\) issuer URL/,
    );
    expect(() => loginsKey('https://')).toThrow();
  });
});

describe('isCognitoAuthority', () => {
  it('recognises user pool issuers only', () => {
    expect(isCognitoAuthority('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab')).toBe(
      true,
    );
    expect(isCognitoAuthority('http://127.0.0.1:4599/oidc')).toBe(false);
    expect(isCognitoAuthority('https://cognito-idp.us-east-1.amazonaws.com.evil.example/x')).toBe(
      false,
    );
  });
});
