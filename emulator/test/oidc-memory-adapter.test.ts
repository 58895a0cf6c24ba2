import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../src/domain/oidc-memory-adapter.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the user pool’s oidc-provider storage', () => {
  it('keeps each store apart: a second emulator does not know the first one’s sessions', async () => {
    const first = createMemoryAdapter()('Session');
    const second = createMemoryAdapter()('Session');
    await first.upsert('s1', { uid: 'u1', accountId: 'alice' }, 60);
    expect(await first.find('s1')).toMatchObject({ accountId: 'alice' });
    expect(await first.findByUid('u1')).toMatchObject({ accountId: 'alice' });
    expect(await second.find('s1')).toBeUndefined();
    expect(await second.findByUid('u1')).toBeUndefined();
  });

  it('forgets an artifact once expiresIn plus the clock tolerance has passed', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const codes = createMemoryAdapter(15)('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    vi.setSystemTime(1_000_000 + 74_000);
    expect(await codes.find('c1')).toBeDefined();
    vi.setSystemTime(1_000_000 + 75_000);
    expect(await codes.find('c1')).toBeUndefined();
  });

  it('consume marks the artifact; revokeByGrantId removes every token of the grant', async () => {
    const factory = createMemoryAdapter();
    const refresh = factory('RefreshToken');
    const access = factory('AccessToken');
    await refresh.upsert('r1', { grantId: 'g1' }, 60);
    await access.upsert('a1', { grantId: 'g1' }, 60);
    await access.upsert('a2', { grantId: 'g2' }, 60);
    await refresh.consume('r1');
    expect((await refresh.find('r1'))?.consumed).toEqual(expect.any(Number));
    await refresh.revokeByGrantId('g1');
    expect(await refresh.find('r1')).toBeUndefined();
    expect(await access.find('a1')).toBeUndefined();
    expect(await access.find('a2')).toBeDefined();
    await access.destroy('a2');
    expect(await access.find('a2')).toBeUndefined();
  });

  it('finds a device code by its user code', async () => {
    const devices = createMemoryAdapter()('DeviceCode');
    await devices.upsert('d1', { userCode: 'ABCD-EFGH' }, 60);
    expect(await devices.findByUserCode('ABCD-EFGH')).toMatchObject({ userCode: 'ABCD-EFGH' });
  });
});
