import { closeLambdaClients } from '../../api/lambda-client.ts';

const listeners = new Set<() => void>();
let closed = false;

/**
 * Ends this page's session at once, before sign-out or the session-end redirect leaves the page:
 * the Lambda clients and their credentials are dropped (`closeLambdaClients`: every later call
 * rejects without being sent) and the listeners run (the app provider unmounts the pages and
 * empties the query cache). The page that remains — also when the browser restores it from the
 * back/forward cache — holds nothing of the session and can call nothing. Idempotent.
 */
export function closeSession(): void {
  if (closed) return;
  closed = true;
  closeLambdaClients();
  for (const listener of listeners) listener();
}

/**
 * Whether {@link closeSession} was called in this page (this JavaScript realm, which a
 * back/forward-cache restore keeps).
 */
export function isSessionClosed(): boolean {
  return closed;
}

/**
 * Subscribes to {@link closeSession}.
 * @param listener called once, synchronously, when the session closes.
 * @returns the unsubscribe function.
 */
export function onSessionClose(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What {@link guardBackForwardRestore} needs of `window`. */
export interface RestorableWindow {
  addEventListener: (type: 'pageshow', listener: (event: PageTransitionEvent) => void) => void;
  removeEventListener: (type: 'pageshow', listener: (event: PageTransitionEvent) => void) => void;
  document: { body: Pick<HTMLElement, 'hidden'> | null };
  location: { reload: () => void };
}

/**
 * A page restored from the back/forward cache (`pageshow` with `persisted`, HTML Living Standard
 * "Session history") comes back with its DOM and memory as they were when the user left — after a
 * sign-out, the signed-in list and its credentials. When `isStale()` says the session it showed is
 * over, the page is hidden at once and loaded again from the server, which starts from what this
 * tab now holds (the sign-in prompt after a sign-out). `Cache-Control: no-store` on index.html
 * keeps most browsers from caching such a page in the first place; this covers the others.
 * @param win the window (tests pass a stand-in).
 * @param isStale whether the restored page's session has ended (e.g. {@link isSessionClosed}, or
 *   its signed-in user is no longer in sessionStorage).
 * @returns removes the listener.
 */
export function guardBackForwardRestore(win: RestorableWindow, isStale: () => boolean): () => void {
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted || !isStale()) return;
    if (win.document.body) win.document.body.hidden = true;
    win.location.reload();
  };
  win.addEventListener('pageshow', onPageShow);
  return () => win.removeEventListener('pageshow', onPageShow);
}

/** For tests: forgets a previous {@link closeSession} and its listeners. */
export function resetSessionClosingForTests(): void {
  closed = false;
  listeners.clear();
}
