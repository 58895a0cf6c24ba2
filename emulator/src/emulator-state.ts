import type { GuestAccess } from './authorize.ts';
import { CognitoIdentity } from './domain/cognito.ts';
import { EventSourceMappings } from './domain/event-source-mappings.ts';
import { Faults, MAX_LATENCY_MS } from './domain/faults.ts';
import { LocalUserPool, OIDC_MOUNT_PATH } from './domain/user-pool.ts';
import { applySeed, resolveSeeds, type SeedOption } from './seed.ts';
import type { KnownCredentials } from './sigv4.ts';
import { Store } from './store.ts';

/** Options of the emulator, shared by `buildApp` and the CLI (emulator contract). */
export interface EmulatorOptions {
  /** Listening port (CLI only; `buildApp` never listens). Default 4599. */
  port?: number;
  /** Listening host (CLI only). Default `127.0.0.1`. */
  host?: string;
  /** `default` (generated), `none`, a JSON file path, or a seed object. Default `default`. */
  seed?: SeedOption;
  /** Duration of each state transition in milliseconds. Default 1500. */
  transitionMs?: number;
  /**
   * Delay in milliseconds before every Lambda and Cognito Identity response, CORS preflights
   * included (a stand-in for the round trip to a regional endpoint), 0..10000. `/_emulator/*`
   * and the user pool under `/oidc` are never delayed. Default 0.
   */
  latencyMs?: number;
  /**
   * Extra delay per Lambda/Cognito answer drawn uniformly from 0..N ms (seeded PRNG), on top of
   * `latencyMs`, 0..10000. Default 0.
   */
  jitterMs?: number;
  /**
   * Probability 0..1 that a Lambda API request (signature verified) answers 429
   * `TooManyRequestsException` with `Retry-After`. Default 0.
   */
  throttleRate?: number;
  /** Probability 0..1 that a Lambda API request answers 500 `ServiceException`. Default 0. */
  errorRate?: number;
  /**
   * Probability 0..1 that a Lambda or Cognito Identity request's connection is destroyed
   * without an answer. Default 0.
   */
  dropRate?: number;
  /**
   * Seconds the emulator's clock is ahead of the host's (negative: behind), -86400..86400: SigV4
   * signing times are checked against it and the `Date` header shows it. Default 0.
   */
  clockOffsetSeconds?: number;
  /** Seed of the PRNGs behind the rates and the jitter, 0..4294967295. Default 1. */
  faultSeed?: number;
  /** The identity pool that exists. Default `us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b`. */
  identityPoolId?: string;
  /** Lifetime of issued credentials in seconds. Default 3600. */
  credentialsTtlSeconds?: number;
  /** 12-digit account id used in every ARN. Default `123456789012`. */
  accountId?: string;
  /**
   * `AllowUnauthenticatedIdentities` of the identity pool: whether GetId without `Logins` gives
   * a guest identity (read-only role). Default `true`.
   */
  allowGuest?: boolean;
  /**
   * Whether Lambda requests may carry their SigV4 signature in the query string (query
   * authentication, `X-Amz-Signature`…). `false` answers them as if the query members were
   * absent (`MissingAuthenticationTokenException` without an Authorization header): a stand-in
   * for an endpoint that does not take query authentication, for the console's fallback.
   * Default `true`.
   */
  queryAuth?: boolean;
  /**
   * What guest credentials may call: `read-only` (Get/List mappings, ListFunctions,
   * GetFunctionConfiguration, like the real guest role) or `read-write` (also create, update and
   * delete mappings). Default `read-only`.
   */
  guestAccess?: GuestAccess;
  /**
   * Origin the emulator is reached at, e.g. `http://127.0.0.1:4599`; the OIDC issuer is this plus
   * `/oidc`. Default: the address the server listens on.
   */
  publicUrl?: string;
  /** Username (email) of the test user of the local user pool. Default `alice@example.com`. */
  testUser?: string;
  /** Password of the test user. Default `Passw0rd!`. */
  testPassword?: string;
  /** Lifetime of ID (and access) tokens in seconds. Default 3600. */
  idTokenTtlSeconds?: number;
  /** Allowed OAuth redirect URIs of the console client. Default {@link DEFAULT_REDIRECT_URIS}. */
  oidcRedirectUris?: string[];
  /** Allowed post-logout redirect URIs. Default {@link DEFAULT_POST_LOGOUT_REDIRECT_URIS}. */
  oidcPostLogoutRedirectUris?: string[];
}

/** Origins the console runs at locally: `npm run dev`, `npm run preview`, the e2e preview. */
const CONSOLE_ORIGINS = [5173, 4173, 4183].flatMap((port) => [
  `http://127.0.0.1:${port}`,
  `http://localhost:${port}`,
]);

/** Default redirect URIs: `<console origin>/auth/callback`. */
export const DEFAULT_REDIRECT_URIS: readonly string[] = CONSOLE_ORIGINS.map(
  (origin) => `${origin}/auth/callback`,
);

/** Default post-logout redirect URIs: `<console origin>/`. */
export const DEFAULT_POST_LOGOUT_REDIRECT_URIS: readonly string[] = CONSOLE_ORIGINS.map(
  (origin) => `${origin}/`,
);

/** OAuth client id of the console at the local user pool. */
export const OIDC_CLIENT_ID = 'esm-console-local';

/** Defaults of {@link EmulatorOptions}. */
export const DEFAULT_OPTIONS = {
  port: 4599,
  host: '127.0.0.1',
  seed: 'default',
  transitionMs: 1500,
  latencyMs: 0,
  identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
  credentialsTtlSeconds: 3600,
  accountId: '123456789012',
  allowGuest: true,
  queryAuth: true,
  guestAccess: 'read-only',
  testUser: 'alice@example.com',
  testPassword: 'Passw0rd!',
  idTokenTtlSeconds: 3600,
} as const;

/** Largest `latencyMs` and `jitterMs` (10 s), from `domain/faults.ts`. */
export { MAX_LATENCY_MS };

/** The static key pair LocalStack users know, always accepted. */
export const STATIC_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

/**
 * Everything one emulator instance holds: the store, the mapping service with its timers, the
 * identity pool and issued credentials, injected faults and live settings.
 */
export class EmulatorState {
  store: Store;
  transitionMs: number;
  credentialsTtlSeconds: number;
  /** `AllowUnauthenticatedIdentities` of the identity pool (live setting). */
  allowGuest: boolean;
  /** What guest credentials may call (live setting). */
  guestAccess: GuestAccess;
  /** Whether query-string SigV4 signatures are taken (live setting, {@link EmulatorOptions}). */
  queryAuth: boolean;
  /** Lifetime of newly issued ID tokens in seconds (live setting). */
  idTokenTtlSeconds: number;
  readonly accountId: string;
  readonly mappings: EventSourceMappings;
  readonly cognito: CognitoIdentity;
  /** The local user pool (OIDC provider) whose ID tokens the identity pool accepts. */
  readonly userPool: LocalUserPool;
  /** Injected faults: error and drop rules, latency and jitter, clock offset (live). */
  readonly faults: Faults;
  private readonly initialSeed: SeedOption;

  /**
   * @param options emulator options (defaults applied here).
   * @throws Error if the seed cannot be loaded.
   */
  constructor(options: EmulatorOptions = {}) {
    this.accountId = options.accountId ?? DEFAULT_OPTIONS.accountId;
    this.transitionMs = options.transitionMs ?? DEFAULT_OPTIONS.transitionMs;
    this.faults = new Faults({
      latencyMs: options.latencyMs ?? DEFAULT_OPTIONS.latencyMs,
      ...(options.jitterMs !== undefined && { jitterMs: options.jitterMs }),
      ...(options.throttleRate !== undefined && { throttleRate: options.throttleRate }),
      ...(options.errorRate !== undefined && { errorRate: options.errorRate }),
      ...(options.dropRate !== undefined && { dropRate: options.dropRate }),
      ...(options.clockOffsetSeconds !== undefined && {
        clockOffsetSeconds: options.clockOffsetSeconds,
      }),
      ...(options.faultSeed !== undefined && { seed: options.faultSeed }),
    });
    this.credentialsTtlSeconds =
      options.credentialsTtlSeconds ?? DEFAULT_OPTIONS.credentialsTtlSeconds;
    this.initialSeed = options.seed ?? DEFAULT_OPTIONS.seed;
    this.store = this.seededStore(this.initialSeed);
    this.mappings = new EventSourceMappings(
      () => this.store,
      () => this.transitionMs,
    );
    this.allowGuest = options.allowGuest ?? DEFAULT_OPTIONS.allowGuest;
    this.guestAccess = options.guestAccess ?? DEFAULT_OPTIONS.guestAccess;
    this.queryAuth = options.queryAuth ?? DEFAULT_OPTIONS.queryAuth;
    this.idTokenTtlSeconds = options.idTokenTtlSeconds ?? DEFAULT_OPTIONS.idTokenTtlSeconds;
    const publicUrl = options.publicUrl?.replace(/\/+$/, '');
    this.userPool = new LocalUserPool(
      {
        clientId: OIDC_CLIENT_ID,
        redirectUris: options.oidcRedirectUris ?? DEFAULT_REDIRECT_URIS,
        postLogoutRedirectUris:
          options.oidcPostLogoutRedirectUris ?? DEFAULT_POST_LOGOUT_REDIRECT_URIS,
        username: options.testUser ?? DEFAULT_OPTIONS.testUser,
        password: options.testPassword ?? DEFAULT_OPTIONS.testPassword,
        idTokenTtlSeconds: () => this.idTokenTtlSeconds,
      },
      `${publicUrl ?? `http://${options.host ?? DEFAULT_OPTIONS.host}:${options.port ?? DEFAULT_OPTIONS.port}`}${OIDC_MOUNT_PATH}`,
      publicUrl !== undefined,
    );
    this.cognito = new CognitoIdentity({
      identityPoolId: options.identityPoolId ?? DEFAULT_OPTIONS.identityPoolId,
      accountId: this.accountId,
      ttlSeconds: () => this.credentialsTtlSeconds,
      allowGuest: () => this.allowGuest,
      loginProvider: () => ({
        key: this.userPool.loginsKey,
        issuer: this.userPool.issuer,
        clientId: OIDC_CLIENT_ID,
        keys: this.userPool.verificationKeys(),
      }),
    });
  }

  /** Delay before each Lambda/Cognito response and preflight, in ms (live setting). */
  get latencyMs(): number {
    return this.faults.latencyMs;
  }

  set latencyMs(ms: number) {
    this.faults.latencyMs = ms;
  }

  private seededStore(seed: SeedOption): Store {
    const store = new Store(this.accountId);
    for (const data of resolveSeeds(seed, this.accountId)) applySeed(store, data);
    return store;
  }

  /**
   * Replaces the store (pending transitions are cancelled, fault rules back to the start-up
   * ones; latency, jitter and clock offset stay). Issued credentials survive, so a browser
   * session keeps working across test resets.
   * @param seed seed to load; the start-up seed when omitted.
   * @param transitionMs new transition delay, if given.
   * @throws Error if the seed is invalid (the old store is then kept).
   */
  reset(seed?: SeedOption, transitionMs?: number): void {
    const store = this.seededStore(seed ?? this.initialSeed);
    this.mappings.cancelAll();
    this.faults.restoreRules();
    this.store = store;
    if (transitionMs !== undefined) this.transitionMs = transitionMs;
  }

  /**
   * Credentials the SigV4 check accepts: the static pair and every pair this pool issued (whose
   * role's actions the route-level check in `authorize.ts` enforces). Both carry the
   * current clock offset, which the signing-time check applies.
   * @param accessKeyId key id from the credential scope.
   */
  credentialsFor(accessKeyId: string): KnownCredentials | undefined {
    const clockOffsetMs = this.faults.clockOffsetSeconds * 1000;
    if (accessKeyId === STATIC_CREDENTIALS.accessKeyId) {
      return { secretAccessKey: STATIC_CREDENTIALS.secretAccessKey, clockOffsetMs };
    }
    const issued = this.cognito.lookup(accessKeyId);
    return issued
      ? {
          secretAccessKey: issued.secretAccessKey,
          clockOffsetMs,
          sessionToken: issued.sessionToken,
          expiration: issued.expiration,
        }
      : undefined;
  }

  /** Stops pending timers (server close). */
  close(): void {
    this.mappings.cancelAll();
  }
}
