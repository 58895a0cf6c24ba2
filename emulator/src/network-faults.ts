/**
 * The injected faults that act below the API (emulator contract, see `domain/faults.ts`): the
 * delay before an answer (`latencyMs` + jitter), the `Date` header of the shifted clock and
 * dropped connections. `app.ts` runs {@link applyNetworkFaults} in `onRequest` for every Lambda
 * and Cognito Identity request, CORS preflights included (a browser pays a round trip for each);
 * never for `/_emulator/*` or the user pool under `/oidc`. Error rules are applied after the
 * SigV4 check, by the Lambda routes.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorState } from './emulator-state.ts';

/**
 * Delays the request, stamps the emulator's clock on the answer and maybe drops the connection.
 * @param state the emulator state (its `faults`).
 * @param request the incoming request.
 * @param reply its reply.
 * @returns `true` when the connection was dropped: the reply is hijacked and the socket
 *   destroyed, so the caller must stop handling the request.
 */
export async function applyNetworkFaults(
  state: EmulatorState,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const { faults } = state;
  const delay = faults.nextDelayMs();
  if (delay > 0) await sleep(delay);
  // The SDKs correct their clock from `Date` (AWS SDK for JavaScript v3: `getDateHeader` in the
  // SigV4 signer's error and success handlers), as they would against a real endpoint.
  if (faults.clockOffsetSeconds !== 0) {
    reply.header('date', new Date(faults.nowMs()).toUTCString());
  }
  const path = (request.raw.url ?? request.url).split('?', 1)[0] ?? '/';
  if (faults.takeDrop(request.method, path)) {
    reply.hijack();
    request.raw.socket.destroy();
    return true;
  }
  return false;
}
