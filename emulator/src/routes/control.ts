/**
 * Test-only control endpoints under `/_emulator/` (emulator contract): health, reset, stats,
 * fault injection (error or drop rules for the `count` next requests, or each matching one with
 * probability `rate`; latency, jitter, throttle/error/drop rates and clock offset), live
 * settings. No auth; CORS applies like everywhere else. Errors are plain
 * `{"message": "..."}` with 400 — this prefix is not AWS.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type EmulatorState, MAX_LATENCY_MS } from '../emulator-state.ts';
import { defaultErrorType, type FaultProfile, MAX_CLOCK_OFFSET_SECONDS } from '../domain/faults.ts';
import { DEFAULT_SEED_REGION, type SeedData, type SeedOption } from '../seed.ts';
import { rawBody } from './http.ts';

class ControlError extends Error {}

/** fastify's own refusals keep their 4xx status (a chunked body over the limit: 413); else 500. */
function fastifyClientStatus(error: unknown): number {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

function body(request: FastifyRequest): Record<string, unknown> {
  const text = rawBody(request);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ControlError('Body must be JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ControlError('Body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function optionalNonNegativeInt(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ControlError(`${name} must be a non-negative integer`);
  }
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new ControlError(`${name} must be a string`);
  return value;
}

function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

/** Members of a fault-settings body (`POST /_emulator/faults` without `status` or `drop`). */
const PROFILE_MEMBERS = [
  'latencyMs',
  'jitterMs',
  'throttleRate',
  'errorRate',
  'dropRate',
  'clockOffsetSeconds',
  'seed',
] as const;

/**
 * Reads a fault-settings body: `latencyMs`/`jitterMs` (0..10000), `throttleRate`/`errorRate`/
 * `dropRate` (0..1), `clockOffsetSeconds` (integer, ±86400), `seed` (uint32).
 * @returns the profile, or `undefined` when the body has none of those members.
 * @throws ControlError for a bad value or a member outside the list.
 */
function faultProfile(input: Record<string, unknown>): FaultProfile | undefined {
  if (!PROFILE_MEMBERS.some((m) => input[m] !== undefined)) return undefined;
  const unknown = Object.keys(input).filter(
    (k) => !(PROFILE_MEMBERS as readonly string[]).includes(k),
  );
  if (unknown.length > 0) {
    throw new ControlError(
      `Unknown fault setting ${unknown.join(', ')}; a rule needs status (or drop: true)`,
    );
  }
  const ms = (name: 'latencyMs' | 'jitterMs'): number | undefined => {
    const v = optionalNonNegativeInt(input[name], name);
    if (v !== undefined && v > MAX_LATENCY_MS) {
      throw new ControlError(`${name} must be an integer between 0 and ${MAX_LATENCY_MS}`);
    }
    return v;
  };
  const probability = (name: 'throttleRate' | 'errorRate' | 'dropRate'): number | undefined => {
    const v = input[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new ControlError(`${name} must be a number between 0 and 1`);
    }
    return v;
  };
  const offset = input.clockOffsetSeconds;
  if (
    offset !== undefined &&
    (typeof offset !== 'number' ||
      !Number.isInteger(offset) ||
      Math.abs(offset) > MAX_CLOCK_OFFSET_SECONDS)
  ) {
    throw new ControlError(
      `clockOffsetSeconds must be an integer between -${MAX_CLOCK_OFFSET_SECONDS} and ${MAX_CLOCK_OFFSET_SECONDS}`,
    );
  }
  if (input.seed !== undefined && !isSeed(input.seed)) {
    throw new ControlError('seed must be an integer between 0 and 4294967295');
  }
  const profile: FaultProfile = {};
  const latencyMs = ms('latencyMs');
  const jitterMs = ms('jitterMs');
  const throttleRate = probability('throttleRate');
  const errorRate = probability('errorRate');
  const dropRate = probability('dropRate');
  if (latencyMs !== undefined) profile.latencyMs = latencyMs;
  if (jitterMs !== undefined) profile.jitterMs = jitterMs;
  if (throttleRate !== undefined) profile.throttleRate = throttleRate;
  if (errorRate !== undefined) profile.errorRate = errorRate;
  if (dropRate !== undefined) profile.dropRate = dropRate;
  if (typeof offset === 'number') profile.clockOffsetSeconds = offset;
  if (typeof input.seed === 'number') profile.seed = input.seed;
  return profile;
}

/**
 * Counts of one region.
 * @returns `{mappings, functions, byState}`.
 */
export function regionStats(
  state: EmulatorState,
  region: string,
): { mappings: number; functions: number; byState: Record<string, number> } {
  const regionState = state.store.peek(region);
  const byState: Record<string, number> = {};
  for (const record of regionState?.mappings.values() ?? []) {
    const s = record.config.State ?? 'Unknown';
    byState[s] = (byState[s] ?? 0) + 1;
  }
  return {
    mappings: regionState?.mappings.size ?? 0,
    functions: regionState?.functions.size ?? 0,
    byState,
  };
}

function send(reply: FastifyReply, payload: unknown): FastifyReply {
  return reply
    .code(200)
    .header('content-type', 'application/json')
    .send(Buffer.from(JSON.stringify(payload)));
}

/**
 * Registers the `/_emulator/*` routes.
 * @param app the fastify instance.
 * @param state the emulator state.
 */
export function registerControlRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.register(
    async (control) => {
      control.setErrorHandler((error, _request, reply) =>
        reply
          .code(error instanceof ControlError ? 400 : fastifyClientStatus(error))
          .header('content-type', 'application/json')
          .send(
            JSON.stringify({ message: error instanceof Error ? error.message : String(error) }),
          ),
      );

      control.get('/health', async (_request, reply) => send(reply, { status: 'ok' }));

      control.post('/reset', async (request, reply) => {
        const input = body(request);
        let seed: SeedOption | undefined;
        if (
          input.seed === 'default' ||
          input.seed === 'none' ||
          (typeof input.seed === 'string' && input.seed.startsWith('default:'))
        ) {
          seed = input.seed;
        } else if (
          typeof input.seed === 'object' &&
          input.seed !== null &&
          !Array.isArray(input.seed)
        ) {
          seed = input.seed as SeedData;
        } else if (input.seed !== undefined) {
          throw new ControlError('seed must be "default", "default:N", "none" or a seed object');
        }
        const transitionMs = optionalNonNegativeInt(input.transitionMs, 'transitionMs');
        try {
          state.reset(seed, transitionMs);
        } catch (err) {
          throw new ControlError((err as Error).message);
        }
        const region =
          typeof seed === 'object' && seed.region !== undefined ? seed.region : DEFAULT_SEED_REGION;
        return send(reply, { status: 'ok', region, ...regionStats(state, region) });
      });

      control.get('/stats', async (request, reply) => {
        const region = (request.query as Record<string, unknown>).region;
        return send(
          reply,
          regionStats(state, typeof region === 'string' && region ? region : DEFAULT_SEED_REGION),
        );
      });

      const faultState = (): Record<string, unknown> => ({
        faults: state.faults.list(),
        latencyMs: state.faults.latencyMs,
        jitterMs: state.faults.jitterMs,
        clockOffsetSeconds: state.faults.clockOffsetSeconds,
      });

      control.get('/faults', async (_request, reply) => send(reply, faultState()));

      control.post('/faults', async (request, reply) => {
        const input = body(request);
        if (input.status === undefined && input.drop === undefined) {
          const profile = faultProfile(input);
          if (profile !== undefined) {
            state.faults.configure(profile);
            return send(reply, faultState());
          }
        }
        const drop = input.drop;
        if (drop !== undefined && (drop !== true || input.status !== undefined)) {
          throw new ControlError('drop must be true, without status');
        }
        const status = input.status;
        if (
          drop === undefined &&
          (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
        ) {
          throw new ControlError('status must be an integer between 400 and 599');
        }
        const countInput = optionalNonNegativeInt(input.count, 'count');
        const rate = input.rate;
        if (rate !== undefined) {
          if (typeof rate !== 'number' || !(rate > 0 && rate <= 1)) {
            throw new ControlError('rate must be a number with 0 < rate ≤ 1');
          }
          if (countInput !== undefined) {
            throw new ControlError('count and rate are alternatives: give one of them');
          }
        }
        const seed = input.seed;
        if (seed !== undefined && (rate === undefined || !isSeed(seed))) {
          throw new ControlError('seed must be an integer between 0 and 4294967295, with rate');
        }
        const method = optionalString(input.method, 'method');
        const pathPattern = optionalString(input.pathPattern, 'pathPattern');
        const filter = {
          ...(rate === undefined ? { remaining: countInput ?? 1 } : { rate }),
          ...(typeof seed === 'number' && { seed }),
          ...(method !== undefined && { method }),
          ...(pathPattern !== undefined && { pathPattern }),
        };
        if (drop === true) {
          if (input.errorType !== undefined) throw new ControlError('a drop rule has no errorType');
          state.faults.add({ drop, ...filter });
        } else {
          const errorStatus = status as number;
          const errorType =
            optionalString(input.errorType, 'errorType') ?? defaultErrorType(errorStatus);
          if (!/^[A-Za-z][A-Za-z0-9]*$/.test(errorType))
            throw new ControlError('errorType must be an exception name');
          state.faults.add({ status: errorStatus, errorType, ...filter });
        }
        return send(reply, { faults: state.faults.list() });
      });

      control.delete('/faults', async (_request, reply) => {
        state.faults.clearAll();
        return send(reply, { faults: [] });
      });

      const settings = (): Record<string, unknown> => ({
        transitionMs: state.transitionMs,
        latencyMs: state.latencyMs,
        credentialsTtlSeconds: state.credentialsTtlSeconds,
        allowGuest: state.allowGuest,
        queryAuth: state.queryAuth,
        guestAccess: state.guestAccess,
        idTokenTtlSeconds: state.idTokenTtlSeconds,
      });

      control.get('/settings', async (_request, reply) => send(reply, settings()));

      control.post('/settings', async (request, reply) => {
        const input = body(request);
        const transitionMs = optionalNonNegativeInt(input.transitionMs, 'transitionMs');
        const latencyMs = optionalNonNegativeInt(input.latencyMs, 'latencyMs');
        if (latencyMs !== undefined && latencyMs > MAX_LATENCY_MS) {
          throw new ControlError(`latencyMs must be an integer between 0 and ${MAX_LATENCY_MS}`);
        }
        const ttl = optionalNonNegativeInt(input.credentialsTtlSeconds, 'credentialsTtlSeconds');
        const idTokenTtl = optionalNonNegativeInt(input.idTokenTtlSeconds, 'idTokenTtlSeconds');
        if (idTokenTtl === 0) throw new ControlError('idTokenTtlSeconds must be at least 1');
        if (input.allowGuest !== undefined && typeof input.allowGuest !== 'boolean') {
          throw new ControlError('allowGuest must be a boolean');
        }
        if (input.queryAuth !== undefined && typeof input.queryAuth !== 'boolean') {
          throw new ControlError('queryAuth must be a boolean');
        }
        const guestAccess = input.guestAccess;
        if (
          guestAccess !== undefined &&
          guestAccess !== 'read-only' &&
          guestAccess !== 'read-write'
        ) {
          throw new ControlError('guestAccess must be "read-only" or "read-write"');
        }
        if (transitionMs !== undefined) state.transitionMs = transitionMs;
        if (latencyMs !== undefined) state.latencyMs = latencyMs;
        if (guestAccess !== undefined) state.guestAccess = guestAccess;
        if (ttl !== undefined) state.credentialsTtlSeconds = ttl;
        if (idTokenTtl !== undefined) state.idTokenTtlSeconds = idTokenTtl;
        if (typeof input.allowGuest === 'boolean') state.allowGuest = input.allowGuest;
        if (typeof input.queryAuth === 'boolean') state.queryAuth = input.queryAuth;
        return send(reply, settings());
      });
    },
    { prefix: '/_emulator' },
  );
}
