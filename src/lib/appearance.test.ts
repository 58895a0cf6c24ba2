import { describe, expect, it } from 'vitest';
import {
  APPEARANCE_APPLIED_ATTRIBUTE,
  APPEARANCE_STORAGE_KEY,
  applyAppearance,
  createAppearanceStore,
  parseAppearance,
  readAppearance,
  resolveMode,
  writeAppearance,
  type AppearanceEnvironment,
} from './appearance.ts';

/** A `localStorage` stand-in; `refuse` makes every access throw like a blocked storage. */
function fakeStorage(initial: Record<string, string> = {}, refuse = false) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem(key: string) {
      if (refuse) throw new DOMException('The operation is insecure.', 'SecurityError');
      return values.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      if (refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      values.set(key, value);
    },
  };
}

/** A `matchMedia('(prefers-color-scheme: dark)')` whose answer the test changes. */
function fakeDarkScheme(matches: boolean) {
  const listeners = new Set<() => void>();
  return {
    matches,
    addEventListener: (_type: string, listener: () => void) => void listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => void listeners.delete(listener),
    /** The system switches scheme. */
    change(next: boolean) {
      this.matches = next;
      listeners.forEach((listener) => listener());
    },
    listenerCount: () => listeners.size,
  };
}

/** A `window` stand-in for `storage` events: `emit` is another tab writing `key`. */
function fakeStorageEvents() {
  const listeners = new Set<(event: StorageEvent) => void>();
  return {
    addEventListener: (_type: string, listener: (event: StorageEvent) => void) =>
      void listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: StorageEvent) => void) =>
      void listeners.delete(listener),
    emit: (key: string | null) =>
      listeners.forEach((listener) => listener(new StorageEvent('storage', { key }))),
  };
}

function environment(
  stored: Record<string, string> = {},
  systemDark = false,
): AppearanceEnvironment & {
  storage: ReturnType<typeof fakeStorage>;
  darkScheme: ReturnType<typeof fakeDarkScheme>;
  events: ReturnType<typeof fakeStorageEvents>;
} {
  return {
    storage: fakeStorage(stored),
    darkScheme: fakeDarkScheme(systemDark),
    target: document.createElement('div'),
    root: document.createElement('html'),
    events: fakeStorageEvents(),
  };
}

const classes = (element: Element) => [...element.classList].sort();

describe('parseAppearance / readAppearance', () => {
  it('reads a stored choice', () => {
    expect(parseAppearance('{"mode":"dark","density":"compact"}')).toEqual({
      mode: 'dark',
      density: 'compact',
    });
  });

  it('gives the defaults (system, comfortable) for nothing, bad JSON or a non-object', () => {
    for (const raw of [null, '', '{', 'null', '"dark"', '[1]']) {
      expect(parseAppearance(raw)).toEqual({ mode: 'system', density: 'comfortable' });
    }
  });

  it('keeps a valid member when the other is unknown', () => {
    expect(parseAppearance('{"mode":"sepia","density":"compact"}')).toEqual({
      mode: 'system',
      density: 'compact',
    });
    expect(parseAppearance('{"mode":"light"}')).toEqual({ mode: 'light', density: 'comfortable' });
  });

  it('reads the esm-console:appearance key, and survives a storage that throws', () => {
    const storage = fakeStorage({ [APPEARANCE_STORAGE_KEY]: '{"mode":"light"}' });
    expect(readAppearance(storage).mode).toBe('light');
    expect(readAppearance(fakeStorage({}, true))).toEqual({
      mode: 'system',
      density: 'comfortable',
    });
    expect(readAppearance(null).mode).toBe('system');
  });
});

describe('writeAppearance', () => {
  it('stores JSON under esm-console:appearance, and reports a refused write', () => {
    const storage = fakeStorage();
    expect(writeAppearance(storage, { mode: 'dark', density: 'compact' })).toBe(true);
    expect(storage.values.get('esm-console:appearance')).toBe(
      '{"mode":"dark","density":"compact"}',
    );
    expect(writeAppearance(fakeStorage({}, true), { mode: 'dark', density: 'compact' })).toBe(
      false,
    );
    expect(writeAppearance(null, { mode: 'dark', density: 'compact' })).toBe(false);
  });
});

describe('resolveMode / applyAppearance', () => {
  it('follows the system only for "system"', () => {
    expect(resolveMode('system', true)).toBe('dark');
    expect(resolveMode('system', false)).toBe('light');
    expect(resolveMode('light', true)).toBe('light');
    expect(resolveMode('dark', false)).toBe('dark');
  });

  it('toggles Cloudscape’s dark and compact classes and nothing else (no inline style)', () => {
    const target = document.createElement('div');
    target.classList.add('other');
    applyAppearance({ mode: 'dark', density: 'compact' }, false, target);
    expect(classes(target)).toEqual(['awsui-compact-mode', 'awsui-dark-mode', 'other']);
    applyAppearance({ mode: 'system', density: 'comfortable' }, false, target);
    expect(classes(target)).toEqual(['other']);
    expect(target.getAttribute('style')).toBeNull();
  });
});

describe('createAppearanceStore', () => {
  it('applies the stored choice at once (dark persists across a reload)', () => {
    const env = environment({ [APPEARANCE_STORAGE_KEY]: '{"mode":"dark","density":"compact"}' });
    const store = createAppearanceStore(env);
    expect(classes(env.target)).toEqual(['awsui-compact-mode', 'awsui-dark-mode']);
    expect(store.getSnapshot().mode).toBe('dark');
    expect(env.root?.hasAttribute(APPEARANCE_APPLIED_ATTRIBUTE)).toBe(true);
  });

  it('follows the system until the user chooses, live', () => {
    const env = environment({}, true);
    const store = createAppearanceStore(env);
    expect(classes(env.target)).toEqual(['awsui-dark-mode']);
    let notified = 0;
    store.subscribe(() => (notified += 1));

    env.darkScheme.change(false);
    expect(classes(env.target)).toEqual([]);
    expect(store.getSnapshot()).toMatchObject({ mode: 'light', systemDark: false });
    expect(notified).toBe(1);
    // Nothing was chosen, so nothing is stored.
    expect(env.storage.values.size).toBe(0);
  });

  it('keeps a chosen mode when the system changes, and stores the choice', () => {
    const env = environment({}, false);
    const store = createAppearanceStore(env);
    const before = store.getSnapshot();
    store.set({ mode: 'dark' });
    expect(classes(env.target)).toEqual(['awsui-dark-mode']);
    expect(store.getSnapshot()).not.toBe(before);
    expect(env.storage.values.get(APPEARANCE_STORAGE_KEY)).toBe(
      '{"mode":"dark","density":"comfortable"}',
    );

    env.darkScheme.change(true);
    env.darkScheme.change(false);
    expect(classes(env.target)).toEqual(['awsui-dark-mode']);

    store.set({ mode: 'system' });
    expect(classes(env.target)).toEqual([]);
    expect(parseAppearance(env.storage.values.get(APPEARANCE_STORAGE_KEY) ?? null).mode).toBe(
      'system',
    );
    // A new store (the next page load) starts from what was stored.
    store.set({ density: 'compact' });
    const reloaded = environment(Object.fromEntries(env.storage.values));
    createAppearanceStore(reloaded);
    expect(classes(reloaded.target)).toEqual(['awsui-compact-mode']);
  });

  it('keeps the snapshot when nothing changes', () => {
    const store = createAppearanceStore(environment());
    const before = store.getSnapshot();
    store.set({ mode: 'system' });
    expect(store.getSnapshot()).toBe(before);
  });

  it('still applies a choice when storage refuses it (for this page only)', () => {
    const env = { ...environment(), storage: fakeStorage({}, true) };
    const store = createAppearanceStore(env);
    store.set({ mode: 'dark' });
    expect(classes(env.target)).toEqual(['awsui-dark-mode']);
    expect(store.getSnapshot().preference.mode).toBe('dark');
  });

  it('applies a choice another tab stored (storage event)', () => {
    const env = environment();
    const store = createAppearanceStore(env);
    env.storage.values.set(APPEARANCE_STORAGE_KEY, '{"mode":"dark","density":"compact"}');
    env.events.emit('some-other-key');
    expect(classes(env.target)).toEqual([]);
    env.events.emit(APPEARANCE_STORAGE_KEY);
    expect(classes(env.target)).toEqual(['awsui-compact-mode', 'awsui-dark-mode']);
    expect(store.getSnapshot().preference).toEqual({ mode: 'dark', density: 'compact' });
  });

  it('stops listening on dispose', () => {
    const env = environment({}, false);
    const store = createAppearanceStore(env);
    expect(env.darkScheme.listenerCount()).toBe(1);
    store.dispose();
    expect(env.darkScheme.listenerCount()).toBe(0);
    env.darkScheme.change(true);
    expect(classes(env.target)).toEqual([]);
  });
});
