import type { GuestAccess } from '../../config/env.ts';
import { useSession } from './session-context.tsx';
import type { ConsoleSession } from './session.ts';

/** Why write actions are disabled for a guest (Cloudscape `disabledReason`). */
export const SIGN_IN_TO_WRITE = 'Sign in to make changes.';

/** Whether the console may offer write actions, and why not when it may not. */
export type WriteAccess = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether the current session may create, update, enable/disable or delete mappings. In guest mode
 * a user who has not signed in acts as the identity pool's unauthenticated role, which the
 * console's stack grants only Get/List calls (infra's guest role; the emulator's `read-only`
 * guest access), so write actions would end in AccessDeniedException.
 * @param session the console's session (mode and identity).
 * @param guestAccess what the guest role may do (`auth.guestAccess` in config.json; default
 *   `read-only`).
 * @returns `{ allowed: true }`, or `{ allowed: false, reason }` with {@link SIGN_IN_TO_WRITE}.
 */
export function writeAccessOf(
  session: Pick<ConsoleSession, 'identity'>,
  guestAccess: GuestAccess = 'read-only',
): WriteAccess {
  if (session.identity.kind === 'guest' && guestAccess === 'read-only') {
    return { allowed: false, reason: SIGN_IN_TO_WRITE };
  }
  return { allowed: true };
}

/**
 * {@link writeAccessOf} for the current session (its `guestAccess`, which the app provider takes
 * from the runtime configuration).
 */
export function useWriteAccess(): WriteAccess {
  const session = useSession();
  return writeAccessOf(session, session.guestAccess);
}
