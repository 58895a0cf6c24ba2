import { createContext, useContext, type ReactNode } from 'react';
import type { ConsoleSession } from './session.ts';

/** A guest session that cannot sign in (component tests that do not care about auth). */
export const GUEST_SESSION: ConsoleSession = {
  mode: 'guest',
  identity: { kind: 'guest' },
  signIn: () => Promise.reject(new Error('Sign-in is not available here.')),
  signOut: () => Promise.resolve(),
};

const SessionContext = createContext<ConsoleSession>(GUEST_SESSION);

/**
 * Provides the console's session to the pages (the header's user menu).
 * @param props.session from `startSession()`.
 */
export function SessionProvider({
  session,
  children,
}: {
  session: ConsoleSession;
  children: ReactNode;
}) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/**
 * The console's session: mode, identity, sign-in and sign-out.
 * @returns {@link GUEST_SESSION} outside a {@link SessionProvider}.
 */
export function useSession(): ConsoleSession {
  return useContext(SessionContext);
}
