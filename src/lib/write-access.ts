import { createContext, useContext } from 'react';

/** Why write actions are disabled for a guest (Cloudscape `disabledReason`). */
export const SIGN_IN_TO_WRITE = 'Sign in to make changes.';

/** Whether the console may offer write actions, and why not when it may not. */
export type WriteAccess = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether the current session may write, provided by the auth feature's `SessionProvider` (from
 * `writeAccessOf`), so features read it without importing each other. Outside a provider: not
 * allowed, as for a read-only guest.
 */
export const WriteAccessContext = createContext<WriteAccess>({
  allowed: false,
  reason: SIGN_IN_TO_WRITE,
});

/**
 * Whether the current session may create, update, enable/disable or delete mappings.
 * @returns `{ allowed: true }`, or `{ allowed: false, reason }` (e.g. {@link SIGN_IN_TO_WRITE}).
 */
export function useWriteAccess(): WriteAccess {
  return useContext(WriteAccessContext);
}
