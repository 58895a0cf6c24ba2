import { applyDensity, applyMode, Density, Mode } from '@cloudscape-design/global-styles';
import { useSyncExternalStore } from 'react';
import { z } from 'zod/mini';

/** `localStorage` key of the appearance preference (JSON, see {@link serializeAppearance}). */
export const APPEARANCE_STORAGE_KEY = 'esm-console:appearance';

/** Media query that is true while the operating system / browser asks for a dark scheme. */
export const DARK_SCHEME_QUERY = '(prefers-color-scheme: dark)';

/**
 * Attribute set on `<html>` once the appearance is applied. Until then `appearance.css` lets
 * the browser paint the empty page in the system's scheme (no white flash in dark mode before
 * the script has run); afterwards only Cloudscape's classes decide.
 */
export const APPEARANCE_APPLIED_ATTRIBUTE = 'data-appearance-applied';

/** Choices of the Theme menu: a fixed mode, or `system` (follow `prefers-color-scheme`). */
export const MODE_PREFERENCES = ['light', 'dark', 'system'] as const;
/** `light`, `dark` or `system` (see {@link MODE_PREFERENCES}). */
export type ModePreference = (typeof MODE_PREFERENCES)[number];

/** Cloudscape's two densities (`applyDensity`): `comfortable` (default) and `compact`. */
export const DENSITY_PREFERENCES = ['comfortable', 'compact'] as const;
/** `comfortable` or `compact` (see {@link DENSITY_PREFERENCES}). */
export type DensityPreference = (typeof DENSITY_PREFERENCES)[number];

/** What the user chose for this browser. */
export interface AppearancePreference {
  mode: ModePreference;
  density: DensityPreference;
}

/** Until the user chooses: follow the system's scheme, comfortable density. */
export const DEFAULT_APPEARANCE: Readonly<AppearancePreference> = Object.freeze({
  mode: 'system',
  density: 'comfortable',
});

// Each member falls back on its own, so one unknown value (a newer or older build's) does not
// discard the other; anything that is not an object at all gives the defaults.
const storedAppearanceSchema = z.catch(
  z.object({
    mode: z.catch(z.enum(MODE_PREFERENCES), DEFAULT_APPEARANCE.mode),
    density: z.catch(z.enum(DENSITY_PREFERENCES), DEFAULT_APPEARANCE.density),
  }),
  () => ({ ...DEFAULT_APPEARANCE }),
);

/**
 * Parses a stored preference. Never throws: missing, malformed or unknown values give
 * {@link DEFAULT_APPEARANCE} (member by member).
 * @param raw the stored string, or `null` when nothing is stored.
 */
export function parseAppearance(raw: string | null): AppearancePreference {
  if (raw === null) return { ...DEFAULT_APPEARANCE };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ...DEFAULT_APPEARANCE };
  }
  return storedAppearanceSchema.parse(value);
}

/**
 * The stored form of a preference: JSON `{"mode":"dark","density":"compact"}`.
 * @param preference what to store.
 */
export function serializeAppearance(preference: AppearancePreference): string {
  return JSON.stringify({ mode: preference.mode, density: preference.density });
}

/**
 * Reads the preference from storage. Never throws: no storage, a storage that refuses access
 * (privacy settings throw `SecurityError`) or a bad value give the defaults.
 * @param storage `localStorage`, or `null` when the browser gives none.
 */
export function readAppearance(storage: Pick<Storage, 'getItem'> | null): AppearancePreference {
  try {
    return parseAppearance(storage?.getItem(APPEARANCE_STORAGE_KEY) ?? null);
  } catch {
    return { ...DEFAULT_APPEARANCE };
  }
}

/**
 * Stores the preference under {@link APPEARANCE_STORAGE_KEY}.
 * @param storage `localStorage`, or `null`.
 * @param preference what to store.
 * @returns `false` when it could not be stored (no storage, quota, access refused): the choice
 *   then lasts for this page only.
 */
export function writeAppearance(
  storage: Pick<Storage, 'setItem'> | null,
  preference: AppearancePreference,
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(APPEARANCE_STORAGE_KEY, serializeAppearance(preference));
    return true;
  } catch {
    return false;
  }
}

/**
 * The mode to show.
 * @param mode the preference.
 * @param systemDark whether {@link DARK_SCHEME_QUERY} matches now.
 * @returns `Mode.Dark` or `Mode.Light`; `system` follows `systemDark`.
 */
export function resolveMode(mode: ModePreference, systemDark: boolean): Mode {
  if (mode === 'system') return systemDark ? Mode.Dark : Mode.Light;
  return mode === 'dark' ? Mode.Dark : Mode.Light;
}

/**
 * Applies a preference with Cloudscape's `applyMode` and `applyDensity`, which only toggle the
 * `awsui-dark-mode` and `awsui-compact-mode` classes on the target (no inline style, so the
 * Content-Security-Policy needs no `unsafe-inline`).
 * @param preference the preference.
 * @param systemDark whether {@link DARK_SCHEME_QUERY} matches now.
 * @param target element that carries the classes (Cloudscape's default: `document.body`).
 * @returns the mode applied.
 */
export function applyAppearance(
  preference: AppearancePreference,
  systemDark: boolean,
  target: Element,
): Mode {
  const mode = resolveMode(preference.mode, systemDark);
  applyMode(mode, target);
  applyDensity(preference.density === 'compact' ? Density.Compact : Density.Comfortable, target);
  return mode;
}

/** The part of a `MediaQueryList` the store uses. */
export interface ColorSchemeQuery {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

/** The part of `window` the store listens to: `storage` events from other tabs. */
export interface StorageEventSource {
  addEventListener(type: 'storage', listener: (event: StorageEvent) => void): void;
  removeEventListener(type: 'storage', listener: (event: StorageEvent) => void): void;
}

/** What {@link createAppearanceStore} reads, listens to and writes (injectable for tests). */
export interface AppearanceEnvironment {
  /** `localStorage`, or `null` when the browser refuses it. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** `matchMedia(DARK_SCHEME_QUERY)`, or `null` (then the system counts as light). */
  darkScheme: ColorSchemeQuery | null;
  /** Element that carries Cloudscape's classes (`document.body`). */
  target: Element;
  /** Element marked with {@link APPEARANCE_APPLIED_ATTRIBUTE} (`document.documentElement`). */
  root?: Element;
  /** Source of `storage` events (`window`): a choice made in another tab applies here too. */
  events?: StorageEventSource;
}

/** What the appearance store holds. */
export interface AppearanceState {
  /** The user's choice (the defaults until one is made). */
  preference: AppearancePreference;
  /** The mode shown now (`system` resolved). */
  mode: Mode;
  /** Whether the system asks for a dark scheme now. */
  systemDark: boolean;
}

/** The console's appearance: current state, changes, subscription. */
export interface AppearanceStore {
  /** The current state; the same object until something changes (for `useSyncExternalStore`). */
  getSnapshot: () => AppearanceState;
  /**
   * Changes the preference: applies it at once and stores it.
   * @param change the members to change.
   */
  set: (change: Partial<AppearancePreference>) => void;
  /** Registers a change listener; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Stops listening to the system scheme and to other tabs. */
  dispose: () => void;
}

/**
 * Reads the stored preference, applies it at once, and keeps it applied: while the mode is
 * `system`, changes of `prefers-color-scheme` apply live; a choice stored by another tab
 * (`storage` event) applies here too.
 * @param env storage, media query, target element and event source.
 * @returns the store (the app uses {@link getAppearanceStore}).
 */
export function createAppearanceStore(env: AppearanceEnvironment): AppearanceStore {
  const listeners = new Set<() => void>();
  const systemDark = () => env.darkScheme?.matches ?? false;
  const build = (preference: AppearancePreference): AppearanceState => {
    const dark = systemDark();
    const mode = applyAppearance(preference, dark, env.target);
    env.root?.setAttribute(APPEARANCE_APPLIED_ATTRIBUTE, '');
    return { preference, mode, systemDark: dark };
  };
  let state = build(readAppearance(env.storage));
  const update = (preference: AppearancePreference) => {
    const next = build(preference);
    if (
      next.mode === state.mode &&
      next.systemDark === state.systemDark &&
      next.preference.mode === state.preference.mode &&
      next.preference.density === state.preference.density
    ) {
      return;
    }
    state = next;
    listeners.forEach((listener) => listener());
  };
  const onSchemeChange = () => update(state.preference);
  const onStorage = ({ key }: StorageEvent) => {
    // `key` is null when another tab cleared the whole storage.
    if (key === APPEARANCE_STORAGE_KEY || key === null) update(readAppearance(env.storage));
  };
  env.darkScheme?.addEventListener('change', onSchemeChange);
  env.events?.addEventListener('storage', onStorage);
  return {
    getSnapshot: () => state,
    set: (change) => {
      const preference = { ...state.preference, ...change };
      writeAppearance(env.storage, preference);
      update(preference);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      env.darkScheme?.removeEventListener('change', onSchemeChange);
      env.events?.removeEventListener('storage', onStorage);
    },
  };
}

/**
 * The browser's {@link AppearanceEnvironment}: `localStorage` (or `null` where reading the
 * property throws), `matchMedia(DARK_SCHEME_QUERY)`, `document.body`, `document.documentElement`.
 * @param win the window (`window`).
 */
export function browserAppearanceEnvironment(win: Window): AppearanceEnvironment {
  let storage: Storage | null = null;
  try {
    storage = win.localStorage;
  } catch {
    // Storage disabled by the browser's privacy settings: the choice lasts for the page.
  }
  return {
    storage,
    darkScheme: typeof win.matchMedia === 'function' ? win.matchMedia(DARK_SCHEME_QUERY) : null,
    target: win.document.body,
    root: win.document.documentElement,
    events: win,
  };
}

let appStore: AppearanceStore | undefined;

/**
 * The app's appearance store, created on the first call from the browser (which applies the
 * stored preference to `document.body`). `src/main.tsx` calls it before the first render.
 */
export function getAppearanceStore(): AppearanceStore {
  appStore ??= createAppearanceStore(browserAppearanceEnvironment(window));
  return appStore;
}

/**
 * The app's appearance for a component (re-renders on every change).
 * @returns the state and `set` of {@link getAppearanceStore}.
 */
export function useAppearance(): AppearanceState & { set: AppearanceStore['set'] } {
  const store = getAppearanceStore();
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { ...state, set: store.set };
}
