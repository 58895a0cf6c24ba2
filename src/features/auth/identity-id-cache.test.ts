import { describe, expect, it } from 'vitest';
import { forgetCachedIdentityIds, identityIdKeyPrefix } from './identity-id-cache.ts';

const POOL = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';

describe('forgetCachedIdentityIds', () => {
  it('removes the pool’s identity ids from localStorage and nothing else', async () => {
    localStorage.setItem(`${identityIdKeyPrefix(POOL)}ANONYMOUS`, 'us-east-1:guest-id');
    localStorage.setItem(`${identityIdKeyPrefix(POOL)}alice`, 'us-east-1:alice-id');
    localStorage.setItem(`${identityIdKeyPrefix('eu-west-1:other')}ANONYMOUS`, 'keep');
    localStorage.setItem('unrelated', 'keep');
    await forgetCachedIdentityIds(POOL, { localStorage });
    expect(Object.keys(localStorage).sort()).toEqual([
      `${identityIdKeyPrefix('eu-west-1:other')}ANONYMOUS`,
      'unrelated',
    ]);
    localStorage.clear();
  });

  it('uses the SDK’s key format', () => {
    expect(identityIdKeyPrefix(POOL)).toBe(`aws:cognito-identity-credentials:${POOL}:`);
  });

  it('does nothing without storages', async () => {
    await expect(forgetCachedIdentityIds(POOL, {})).resolves.toBeUndefined();
  });
});
