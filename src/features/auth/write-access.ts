import type { GuestAccess } from '../../config/env.ts';
import { SIGN_IN_TO_WRITE, type WriteAccess } from '../../lib/write-access.ts';
import type { ConsoleSession } from './session.ts';

/**
 * Whether the current session may create, update, enable/disable or delete mappings. In guest mode
 * a user who has not signed in acts as the identity pool's unauthenticated role, which the
 * console's stack grants only Get/List calls (infra's guest role; the emulator's `read-only`
 * guest access), so write actions would end in AccessDeniedException.
 * @param session the console's session (mode and identity).
 * @param guestAccess what the guest role may do (`auth.guestAccess` in config.json; default
 *   `read-only`).
 * @returns `{ allowed: true }`, or `{ allowed: false, reason }` with `SIGN_IN_TO_WRITE`. The
 *   session provider hands it to `useWriteAccess()` (`src/lib/write-access.ts`).
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
