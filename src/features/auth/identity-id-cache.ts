/**
 * Where `fromCognitoIdentityPool` (@aws-sdk/credential-providers) caches identity
 * ids in the browser: the IndexedDB database `aws:cognito-identity-ids`, object store
 * `IdentityIds` (records `{ id, value }`), or `localStorage` when IndexedDB is unavailable. Keys
 * are `aws:cognito-identity-credentials:<identityPoolId>:<userIdentifier>`; the console only ever
 * has the guest identity (`…:ANONYMOUS`) cached there (signed-in identity ids stay in memory).
 */
export const IDENTITY_ID_DATABASE = 'aws:cognito-identity-ids';
const IDENTITY_ID_STORE = 'IdentityIds';

/**
 * Prefix of every cache key of one identity pool.
 * @param identityPoolId `<region>:<guid>`.
 */
export function identityIdKeyPrefix(identityPoolId: string): string {
  return `aws:cognito-identity-credentials:${identityPoolId}:`;
}

/** The browser storages {@link forgetCachedIdentityIds} clears (injectable for tests). */
export interface IdentityIdStorages {
  indexedDB?: IDBFactory;
  localStorage?: Storage;
}

function deleteFromIndexedDb(factory: IDBFactory, prefix: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open(IDENTITY_ID_DATABASE);
    // No database yet: nothing is cached. Abort instead of creating an empty one.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve();
    open.onblocked = () => reject(new Error('The identity id cache is locked by another tab'));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(IDENTITY_ID_STORE)) {
        db.close();
        resolve();
        return;
      }
      const tx = db.transaction(IDENTITY_ID_STORE, 'readwrite');
      tx.objectStore(IDENTITY_ID_STORE).delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => {
        db.close();
        reject(tx.error ?? new Error('Could not clear the identity id cache'));
      };
    };
  });
}

/**
 * Removes every identity id the SDK cached for an identity pool, from IndexedDB and from
 * localStorage (sign-out: the next visitor of this browser gets a new guest identity).
 * @param identityPoolId `<region>:<guid>`.
 * @param storages defaults to the page's `indexedDB` and `localStorage`.
 * @returns when both are cleared.
 * @throws Error when IndexedDB refuses the deletion (another tab holds an old version open).
 */
export async function forgetCachedIdentityIds(
  identityPoolId: string,
  storages: IdentityIdStorages = {
    indexedDB: globalThis.indexedDB,
    localStorage: globalThis.localStorage,
  },
): Promise<void> {
  const prefix = identityIdKeyPrefix(identityPoolId);
  const { localStorage } = storages;
  if (localStorage) {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const key of keys) if (key?.startsWith(prefix)) localStorage.removeItem(key);
  }
  if (storages.indexedDB) await deleteFromIndexedDb(storages.indexedDB, prefix);
}
