import { useEffect, useState } from 'react';

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
 * Wraps a dynamic import as a {@link LazyExport}.
 * @param importer e.g. `() => import('@cloudscape-design/components/flashbar')`.
 */
export function lazyExport<T>(importer: () => Promise<{ default: T }>): LazyExport<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    current: () => loaded,
    load: () =>
      (loading ??= importer().then(
        (module) => (loaded = module.default),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
  };
}

/**
 * The export of a {@link LazyExport} for rendering: at once when it is already loaded, otherwise
 * `undefined` until it has loaded, which starts when `wanted` is true. The component re-renders
 * with a state update when it arrives (not a Suspense boundary, whose retry React puts behind
 * other updates, such as the mappings list's while it loads, for seconds). A failed load (e.g.
 * offline) leaves it `undefined` and is tried again when `retryKey` changes.
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
  const [state, setState] = useState<{ value?: T; failedAt?: { key: unknown } }>(() => ({
    value: lazy.current(),
  }));
  const failedHere = state.failedAt !== undefined && Object.is(state.failedAt.key, retryKey);
  useEffect(() => {
    if (!wanted || state.value !== undefined || failedHere) return;
    let active = true;
    lazy.load().then(
      (value) => active && setState({ value }),
      () => active && setState({ failedAt: { key: retryKey } }),
    );
    return () => {
      active = false;
    };
  }, [lazy, wanted, state.value, failedHere, retryKey]);
  return state.value;
}
