/**
 * The local user pool's storage for `oidc-provider` (sessions, interactions, codes, tokens,
 * grants): in memory and per provider instance, so each emulator — and each test's emulator in
 * one process — starts signed out, like a new user pool. oidc-provider 8's own memory adapter
 * keeps one module-wide store and warns that it is for quick starts; this one states that the
 * in-memory choice is deliberate. It follows the library's adapter contract (`Adapter` of
 * `oidc-provider`, see its `lib/adapters/memory_adapter.js`): artifacts expire `expiresIn`
 * seconds after their last upsert (plus the clock tolerance), `findByUid` finds sessions,
 * `findByUserCode` device codes, and `revokeByGrantId` removes every token of a grant.
 */
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/** Models whose artifacts belong to a grant (revoked together). */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/** Expired entries are swept every this many upserts (lookups also skip them). */
const SWEEP_EVERY = 200;

interface Entry<T> {
  value: T;
  /** ms since the epoch; `Infinity` when the artifact has no expiry. */
  expiresAt: number;
}

class Store {
  private readonly entries = new Map<string, Entry<unknown>>();
  private upserts = 0;

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  set(key: string, value: unknown, expiresAt: number): void {
    this.entries.set(key, { value, expiresAt });
    this.upserts += 1;
    if (this.upserts % SWEEP_EVERY === 0) {
      const now = Date.now();
      for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * A fresh in-memory store and the adapter factory oidc-provider's `adapter` option takes.
 * @param clockTolerance seconds stored artifacts outlive their expiry (the provider's
 *   `clockTolerance`).
 * @returns the factory: one adapter per model name, all sharing this store.
 */
export function createMemoryAdapter(clockTolerance = 0): AdapterFactory {
  const store = new Store();
  return (model: string): Adapter => {
    const key = (id: string): string => `${model}:${id}`;
    const find = async (id: string): Promise<AdapterPayload | undefined> =>
      store.get<AdapterPayload>(key(id));
    return {
      async upsert(id, payload, expiresIn) {
        const expiresAt =
          typeof expiresIn === 'number'
            ? Date.now() + (expiresIn + clockTolerance) * 1000
            : Infinity;
        if (model === 'Session' && payload.uid !== undefined) {
          store.set(`sessionUid:${payload.uid}`, id, expiresAt);
        }
        if (payload.userCode !== undefined)
          store.set(`userCode:${payload.userCode}`, id, expiresAt);
        if (GRANTABLE.has(model) && payload.grantId !== undefined) {
          const grantKey = `grant:${payload.grantId}`;
          const members = store.get<Set<string>>(grantKey) ?? new Set<string>();
          members.add(key(id));
          // The grant index lives as long as the grant's longest-lived artifact may.
          store.set(grantKey, members, Infinity);
        }
        store.set(key(id), payload, expiresAt);
      },
      find,
      async findByUid(uid) {
        const id = store.get<string>(`sessionUid:${uid}`);
        return id === undefined ? undefined : find(id);
      },
      async findByUserCode(userCode) {
        const id = store.get<string>(`userCode:${userCode}`);
        return id === undefined ? undefined : find(id);
      },
      async consume(id) {
        const payload = store.get<AdapterPayload>(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        const grantKey = `grant:${grantId}`;
        for (const member of store.get<Set<string>>(grantKey) ?? []) store.delete(member);
        store.delete(grantKey);
      },
    };
  };
}
