import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { lazyExport, useLazyExport } from './lazy-export.ts';

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
