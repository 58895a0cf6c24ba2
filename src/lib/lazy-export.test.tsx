import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  failedModuleUrl,
  lazyExport,
  preloadLazyExport,
  useLazyExport,
  useLazyExportState,
} from './lazy-export.ts';

/** An importer whose module the test resolves or rejects. */
function deferredImporter<T>() {
  const calls: { resolve: (value: { default: T }) => void; reject: (error: Error) => void }[] = [];
  const importer = vi.fn(
    () =>
      new Promise<{ default: T }>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  return { importer, calls };
}

describe('useLazyExport', () => {
  it('loads only when wanted, then renders the export (and at once where already loaded)', async () => {
    const { importer, calls } = deferredImporter<string>();
    const lazy = lazyExport(importer);
    const { result, rerender } = renderHook(({ wanted }) => useLazyExport(lazy, wanted), {
      initialProps: { wanted: false },
    });
    expect(result.current).toBeUndefined();
    expect(importer).not.toHaveBeenCalled();
    rerender({ wanted: true });
    expect(importer).toHaveBeenCalledTimes(1);
    expect(result.current).toBeUndefined();
    calls[0]!.resolve({ default: 'the export' });
    await vi.waitFor(() => expect(result.current).toBe('the export'));
    const later = renderHook(() => useLazyExport(lazy, false));
    expect(later.result.current).toBe('the export');
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('after a failed load, stays undefined and loads again when the retry key changes', async () => {
    const { importer, calls } = deferredImporter<string>();
    const lazy = lazyExport(importer);
    const { result, rerender } = renderHook(({ key }) => useLazyExport(lazy, true, key), {
      initialProps: { key: 1 },
    });
    calls[0]!.reject(new Error('chunk not found'));
    await vi.waitFor(() => expect(importer).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    rerender({ key: 1 });
    expect(importer).toHaveBeenCalledTimes(1);
    expect(result.current).toBeUndefined();
    rerender({ key: 2 });
    await vi.waitFor(() => expect(importer).toHaveBeenCalledTimes(2));
    calls[1]!.resolve({ default: 'loaded' });
    await vi.waitFor(() => expect(result.current).toBe('loaded'));
  });
});

describe('useLazyExportState', () => {
  it('reports a failed load with its error, and retry() loads again', async () => {
    const { importer, calls } = deferredImporter<string>();
    const lazy = lazyExport(importer);
    const { result } = renderHook(() => useLazyExportState(lazy, true));
    expect(result.current).toMatchObject({ value: undefined, failed: false, error: undefined });
    const error = new TypeError('Failed to fetch dynamically imported module: /assets/x.js');
    calls[0]!.reject(error);
    await vi.waitFor(() => expect(result.current.failed).toBe(true));
    expect(result.current.error).toBe(error);
    act(() => result.current.retry());
    expect(result.current).toMatchObject({ failed: false, error: undefined });
    await vi.waitFor(() => expect(importer).toHaveBeenCalledTimes(2));
    calls[1]!.resolve({ default: 'loaded' });
    await vi.waitFor(() => expect(result.current.value).toBe('loaded'));
    expect(result.current.failed).toBe(false);
  });

  it('shows an export preloaded meanwhile without loading it again', async () => {
    const { importer, calls } = deferredImporter<string>();
    const lazy = lazyExport(importer);
    const { result, rerender } = renderHook(({ wanted }) => useLazyExportState(lazy, wanted), {
      initialProps: { wanted: false },
    });
    preloadLazyExport(lazy);
    expect(importer).toHaveBeenCalledTimes(1);
    calls[0]!.resolve({ default: 'preloaded' });
    await vi.waitFor(() => expect(lazy.current()).toBe('preloaded'));
    // The first render after the preload has it (no extra update, nothing loaded again).
    rerender({ wanted: true });
    expect(result.current.value).toBe('preloaded');
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('a failed preload is not reported, and the component loads again when it wants it', async () => {
    const { importer, calls } = deferredImporter<string>();
    const lazy = lazyExport(importer);
    preloadLazyExport(lazy);
    calls[0]!.reject(new Error('offline'));
    await vi.waitFor(() => expect(importer).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { result } = renderHook(() => useLazyExportState(lazy, true));
    await vi.waitFor(() => expect(importer).toHaveBeenCalledTimes(2));
    expect(result.current.failed).toBe(false);
    calls[1]!.resolve({ default: 'second try' });
    await vi.waitFor(() => expect(result.current.value).toBe('second try'));
  });
});

describe('failedModuleUrl', () => {
  it('reads the module URL of Chromium’s and Firefox’s messages, and nothing else', () => {
    expect(
      failedModuleUrl(
        new TypeError(
          'Failed to fetch dynamically imported module: http://127.0.0.1:4313/assets/list-dialogs-BPEt2TyS.js',
        ),
      ),
    ).toBe('http://127.0.0.1:4313/assets/list-dialogs-BPEt2TyS.js');
    expect(
      failedModuleUrl(
        new TypeError(
          'error loading dynamically imported module: https://esm.example.com/assets/a-1.js',
        ),
      ),
    ).toBe('https://esm.example.com/assets/a-1.js');
    // Safari names no URL; a stylesheet is not a module to import again.
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeNull();
    expect(
      failedModuleUrl(new Error('Unable to preload CSS for /assets/list-dialogs-x.css')),
    ).toBeNull();
    expect(failedModuleUrl(new Error('dynamically imported module: not a url'))).toBeNull();
  });
});
