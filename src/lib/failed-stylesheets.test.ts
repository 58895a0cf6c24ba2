import { afterEach, describe, expect, it } from 'vitest';
import { forgetFailedStylesheets } from './failed-stylesheets.ts';

const preloadError = (message: string) =>
  Object.assign(new Event('vite:preloadError', { cancelable: true }), {
    payload: new Error(message),
  });

describe('forgetFailedStylesheets', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.head.innerHTML = '';
  });

  it("removes the stylesheet link Vite's preload failed on, so the next import fetches it again", () => {
    document.head.innerHTML =
      '<link rel="stylesheet" href="/assets/key-value-pairs-x.css"><link rel="stylesheet" href="/assets/app-y.css">';
    stop = forgetFailedStylesheets();
    window.dispatchEvent(
      preloadError(
        `Unable to preload CSS for ${window.location.origin}/assets/key-value-pairs-x.css`,
      ),
    );
    expect([...document.querySelectorAll('link')].map((l) => l.getAttribute('href'))).toEqual([
      '/assets/app-y.css',
    ]);
  });

  it('leaves every link alone for another preload error', () => {
    document.head.innerHTML = '<link rel="stylesheet" href="/assets/app-y.css">';
    stop = forgetFailedStylesheets();
    window.dispatchEvent(preloadError('Failed to fetch dynamically imported module: /assets/a.js'));
    expect(document.querySelectorAll('link')).toHaveLength(1);
  });
});
