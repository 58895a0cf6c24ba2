import { useCallback, useEffect, useState } from 'react';

/**
 * A module's default export (e.g. a Cloudscape component) that is downloaded only when first
 * needed, so it is not part of the first page's JavaScript. Create one per module, at module level.
 */
export interface LazyExport<T> {
  /** The export once loaded; `undefined` before. */
  current: () => T | undefined;
  /**
   * Starts loading, once (again after a failure), without waiting for anything else.
   * @returns the export.
   * @throws the dynamic import's error (e.g. the chunk could not be downloaded).
   */
  load: () => Promise<T>;
}

/**
 * The URL of the module a failed dynamic import names, for a cache-busted second try: Chromium
 * and Firefox name it in the message ("Failed to fetch dynamically imported module: <url>",
 * "error loading dynamically imported module: <url>"); anything else (Safari's message, a
 * stylesheet Vite's preload could not download) names none, and the import is not tried again.
 * @param error the import's error.
 * @returns the module's URL, or null.
 */
export function failedModuleUrl(error: Error): string | null {
  const url = /dynamically imported module: (\S+)/.exec(error.message)?.[1];
  if (!url) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/**
 * Runs `importer`; when it fails naming a module URL ({@link failedModuleUrl}), imports that URL
 * once more with a cache-busting query (`?t=<ms>`), and when that fails too, throws the first
 * error. Browsers keep a failed module fetch in their module map (the HTML spec's "fetch a single
 * module script", whatwg/html#6768; Chromium 150 answers the same import at once with the same
 * error, without a request), so without a new URL a Retry once the network is back could never
 * succeed. Written here rather than `@fatso83/retry-dynamic-import`, which does the same but
 * sleeps 0.5 s or more after each failed try: a Retry pressed meanwhile joined the failing load.
 * @param importer the bare dynamic import.
 * @throws the first attempt's error.
 */
async function importWithRetry<M>(importer: () => Promise<M>): Promise<M> {
  try {
    return await importer();
  } catch (error) {
    const url = error instanceof Error ? failedModuleUrl(error) : null;
    if (!url) throw error;
    try {
      return (await import(/* @vite-ignore */ `${url}?t=${Date.now()}`)) as M;
    } catch {
      throw error;
    }
  }
}

/**
 * Wraps a dynamic import as a {@link LazyExport}.
 * @param importer e.g. `() => import('@cloudscape-design/components/flashbar')`: the bare import,
 *   so that a failed one is tried again at a cache-busted URL ({@link importWithRetry}).
 * @param pick what of the module to keep (default: its `default` export).
 */
export function lazyExport<T>(importer: () => Promise<{ default: T }>): LazyExport<T>;
export function lazyExport<M, T>(importer: () => Promise<M>, pick: (module: M) => T): LazyExport<T>;
export function lazyExport<M, T>(
  importer: () => Promise<M>,
  pick: (module: M) => T = (module) => (module as { default: T }).default,
): LazyExport<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    current: () => loaded,
    load: () =>
      (loading ??= importWithRetry(importer).then(
        (module) => (loaded = pick(module)),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
  };
}

/**
 * Starts loading a {@link LazyExport} ahead of need (e.g. when the control that opens it is hovered
 * or focused, or when a selection makes it likely), ignoring a failure: the component that renders
 * it loads it again and shows the error.
 * @param lazy the module-level {@link LazyExport}.
 */
export function preloadLazyExport<T>(lazy: LazyExport<T>): void {
  lazy.load().catch(() => undefined);
}

/** What {@link useLazyExportState} returns. */
export interface LazyExportState<T> {
  /** The export, once loaded (by this component or any other); `undefined` before. */
  value: T | undefined;
  /**
   * The error of this component's last load (e.g. a `TypeError` "Failed to fetch dynamically
   * imported module"), while it has not been tried again; `undefined` otherwise.
   */
  error: unknown;
  /** Whether the last load failed ({@link error} may itself be any value). */
  failed: boolean;
  /** Loads again after a failure (e.g. a Retry button). */
  retry: () => void;
}

/**
 * The export of a {@link LazyExport} for rendering, with the error of a failed load: the export at
 * once when it is already loaded, otherwise `undefined` until it has loaded, which starts when
 * `wanted` is true. The component re-renders with a state update when it arrives (not a Suspense
 * boundary, whose retry React puts behind other updates, such as the mappings list's while it
 * loads, for seconds). A failed load (e.g. offline) is reported in `error` and tried again when
 * `retryKey` changes or `retry()` is called.
 * @param lazy the module-level {@link LazyExport}.
 * @param wanted whether to load it now (once loaded, the export is kept).
 * @param retryKey any value; a new one after a failure loads again (e.g. the next message).
 * @returns see {@link LazyExportState}.
 */
export function useLazyExportState<T>(
  lazy: LazyExport<T>,
  wanted: boolean,
  retryKey?: unknown,
): LazyExportState<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{
    value?: T;
    failedAt?: { key: unknown; attempt: number; error: unknown };
  }>(() => ({ value: lazy.current() }));
  // Loaded meanwhile by another component (or a preload): rendered at once, without an update.
  const value = state.value ?? lazy.current();
  const failedHere =
    state.failedAt !== undefined &&
    Object.is(state.failedAt.key, retryKey) &&
    state.failedAt.attempt === attempt;
  useEffect(() => {
    if (!wanted || value !== undefined || failedHere) return;
    let active = true;
    lazy.load().then(
      (loaded) => active && setState({ value: loaded }),
      (error: unknown) => active && setState({ failedAt: { key: retryKey, attempt, error } }),
    );
    return () => {
      active = false;
    };
  }, [lazy, wanted, value, failedHere, retryKey, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    value,
    error: failedHere && value === undefined ? state.failedAt?.error : undefined,
    failed: failedHere && value === undefined,
    retry,
  };
}

/**
 * The export of a {@link LazyExport} for rendering (see {@link useLazyExportState}, without the
 * error): `undefined` while it is not loaded, and after a failed load until `retryKey` changes.
 * @param lazy the module-level {@link LazyExport}.
 * @param wanted whether to load it now (once loaded, the export is kept).
 * @param retryKey any value; a new one after a failure loads again (e.g. the next message).
 * @returns the export, or `undefined` while it is not loaded.
 */
export function useLazyExport<T>(
  lazy: LazyExport<T>,
  wanted: boolean,
  retryKey?: unknown,
): T | undefined {
  return useLazyExportState(lazy, wanted, retryKey).value;
}
