import { CognitoIdentity } from './domain/cognito.ts';
import { EventSourceMappings } from './domain/event-source-mappings.ts';
import { Faults } from './domain/faults.ts';
import { applySeed, resolveSeed, type SeedOption } from './seed.ts';
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
  /** The identity pool that exists. Default `us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b`. */
  identityPoolId?: string;
  /** Lifetime of issued credentials in seconds. Default 3600. */
  credentialsTtlSeconds?: number;
  /** 12-digit account id used in every ARN. Default `123456789012`. */
  accountId?: string;
}

/** Defaults of {@link EmulatorOptions}. */
export const DEFAULT_OPTIONS = {
  port: 4599,
  host: '127.0.0.1',
  seed: 'default',
  transitionMs: 1500,
  identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
  credentialsTtlSeconds: 3600,
  accountId: '123456789012',
} as const;

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
  readonly accountId: string;
  readonly mappings: EventSourceMappings;
  readonly cognito: CognitoIdentity;
  readonly faults = new Faults();
  private readonly initialSeed: SeedOption;

  /**
   * @param options emulator options (defaults applied here).
   * @throws Error if the seed cannot be loaded.
   */
  constructor(options: EmulatorOptions = {}) {
    this.accountId = options.accountId ?? DEFAULT_OPTIONS.accountId;
    this.transitionMs = options.transitionMs ?? DEFAULT_OPTIONS.transitionMs;
    this.credentialsTtlSeconds =
      options.credentialsTtlSeconds ?? DEFAULT_OPTIONS.credentialsTtlSeconds;
    this.initialSeed = options.seed ?? DEFAULT_OPTIONS.seed;
    this.store = this.seededStore(this.initialSeed);
    this.mappings = new EventSourceMappings(
      () => this.store,
      () => this.transitionMs,
    );
    this.cognito = new CognitoIdentity(
      options.identityPoolId ?? DEFAULT_OPTIONS.identityPoolId,
      () => this.credentialsTtlSeconds,
    );
  }

  private seededStore(seed: SeedOption): Store {
    const store = new Store(this.accountId);
    applySeed(store, resolveSeed(seed, this.accountId));
    return store;
  }

  /**
   * Replaces the store (pending transitions are cancelled, faults cleared). Issued credentials
   * survive, so a browser session keeps working across test resets.
   * @param seed seed to load; the start-up seed when omitted.
   * @param transitionMs new transition delay, if given.
   * @throws Error if the seed is invalid (the old store is then kept).
   */
  reset(seed?: SeedOption, transitionMs?: number): void {
    const store = this.seededStore(seed ?? this.initialSeed);
    this.mappings.cancelAll();
    this.faults.clear();
    this.store = store;
    if (transitionMs !== undefined) this.transitionMs = transitionMs;
  }

  /**
   * Credentials the SigV4 check accepts: the static pair and every pair this pool issued.
   * @param accessKeyId key id from the credential scope.
   */
  credentialsFor(accessKeyId: string): KnownCredentials | undefined {
    if (accessKeyId === STATIC_CREDENTIALS.accessKeyId) {
      return { secretAccessKey: STATIC_CREDENTIALS.secretAccessKey };
    }
    const issued = this.cognito.lookup(accessKeyId);
    return issued
      ? {
          secretAccessKey: issued.secretAccessKey,
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
