import { ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getLambdaClient, SessionClosedError, setLambdaClient } from '../../api/lambda-client.ts';
import {
  closeSession,
  guardBackForwardRestore,
  isSessionClosed,
  onSessionClose,
  resetSessionClosingForTests,
  type RestorableWindow,
} from './session-closing.ts';

/** A window stand-in that can fire `pageshow`. */
function fakeWindow() {
  const listeners = new Set<(event: PageTransitionEvent) => void>();
  const win = {
    addEventListener: (_type: 'pageshow', l: (event: PageTransitionEvent) => void) =>
      void listeners.add(l),
    removeEventListener: (_type: 'pageshow', l: (event: PageTransitionEvent) => void) =>
      void listeners.delete(l),
    document: { body: { hidden: false } },
    location: { reload: vi.fn() },
  } satisfies RestorableWindow;
  const pageshow = (persisted: boolean) => {
    for (const l of listeners) l({ persisted } as PageTransitionEvent);
  };
  return { win, pageshow, listeners };
}

afterEach(() => resetSessionClosingForTests());

describe('guardBackForwardRestore', () => {
  it('hides and reloads a page restored from the back/forward cache after its session ended', () => {
    const { win, pageshow } = fakeWindow();
    let stale = false;
    guardBackForwardRestore(win, () => stale);
    pageshow(true);
    expect(win.location.reload).not.toHaveBeenCalled();
    stale = true;
    pageshow(false); // an ordinary load is not a restore
    expect(win.location.reload).not.toHaveBeenCalled();
    pageshow(true);
    expect(win.document.body.hidden).toBe(true);
    expect(win.location.reload).toHaveBeenCalledTimes(1);
  });

  it('stops listening when its cleanup runs', () => {
    const { win, listeners } = fakeWindow();
    const stop = guardBackForwardRestore(win, () => true);
    expect(listeners.size).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('closeSession', () => {
  it('drops the Lambda clients, tells the listeners once, and says so', async () => {
    const send = vi.fn(() => Promise.resolve({}));
    const dispose = vi.fn();
    setLambdaClient(Object.assign(() => ({ send }), { dispose }) as never);
    const listener = vi.fn();
    onSessionClose(listener);
    expect(isSessionClosed()).toBe(false);
    closeSession();
    closeSession();
    expect(isSessionClosed()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(dispose).toHaveBeenCalledTimes(1);
    await expect(
      getLambdaClient('us-east-1').send(new ListEventSourceMappingsCommand({})),
    ).rejects.toBeInstanceOf(SessionClosedError);
    expect(send).not.toHaveBeenCalled();
  });
});
