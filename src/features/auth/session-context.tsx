import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { WriteAccessContext } from '../../lib/write-access.ts';
import type { ConsoleSession } from './session.ts';
import { writeAccessOf } from './write-access.ts';

/** A guest session that cannot sign in (component tests that do not care about auth). */
export const GUEST_SESSION: ConsoleSession = {
  mode: 'guest',
  identity: { kind: 'guest' },
  signIn: () => Promise.reject(new Error('Sign-in is not available here.')),
  signOut: () => Promise.resolve(),
};

const SessionContext = createContext<ConsoleSession>(GUEST_SESSION);

/**
 * Provides the console's session to the pages (the header's user menu), and whether it may write
 * (`useWriteAccess()` of `src/lib/write-access.ts`, from {@link writeAccessOf}).
 * @param props.session from `startSession()`.
 */
export function SessionProvider({
  session,
  children,
}: {
  session: ConsoleSession;
  children: ReactNode;
}) {
  const writeAccess = useMemo(() => writeAccessOf(session, session.guestAccess), [session]);
  return (
    <SessionContext.Provider value={session}>
      <WriteAccessContext.Provider value={writeAccess}>{children}</WriteAccessContext.Provider>
    </SessionContext.Provider>
  );
}

/**
 * The console's session: mode, identity, sign-in and sign-out.
 * @returns {@link GUEST_SESSION} outside a {@link SessionProvider}.
 */
export function useSession(): ConsoleSession {
  return useContext(SessionContext);
}
