/**
 * A page's code is loaded with Vite's preload helper, which first adds a `<link rel="stylesheet">`
 * for each of the page's stylesheets and, when one cannot be downloaded (offline), rejects the
 * import with "Unable to preload CSS for <url>" and leaves that link in the document. On the next
 * try the helper finds the link, takes the stylesheet for loaded and goes on without it: the page
 * would open unstyled once the network is back. Installed at start-up, this removes such a link
 * when Vite reports the failure (`vite:preloadError`, whose `payload` is the error), so the next
 * import of the page downloads the stylesheet again. The failure itself still reaches the caller.
 * @param target where Vite dispatches the event (the window).
 * @returns removes the listener.
 */
export function forgetFailedStylesheets(target: Window = window): () => void {
  const onPreloadError = (event: Event) => {
    const { payload } = event as Event & { payload?: unknown };
    const message = payload instanceof Error ? payload.message : '';
    const url = /^Unable to preload CSS for (.+)$/.exec(message)?.[1];
    if (!url) return;
    const href = new URL(url, target.location.href).href;
    for (const link of target.document.querySelectorAll<HTMLLinkElement>(
      'link[rel="stylesheet"]',
    )) {
      if (link.href === href) link.remove();
    }
  };
  target.addEventListener('vite:preloadError', onPreloadError);
  return () => target.removeEventListener('vite:preloadError', onPreloadError);
}
