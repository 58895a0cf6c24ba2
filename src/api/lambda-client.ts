import {
  GetEventSourceMappingCommand,
  LambdaClient,
  ListAliasesCommand,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-lambda';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import {
  doesIdentityRequireRefresh,
  isIdentityExpired,
  memoizeIdentityProvider,
} from '@smithy/core';
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { DeserializeMiddleware } from '@smithy/types';
import type { RuntimeConfig } from '../config/env.ts';
import { isInvalidCredentials } from './errors.ts';
import {
  addQuerySigning,
  createQuerySigningPolicy,
  querySigningSigner,
  type QuerySigningPolicy,
} from './query-signing.ts';

/**
 * Attempts per read (List/Get) call, first try included, sized for "Load all" (100
 * `ListEventSourceMappings` pages for 10,000 mappings): with 30 % of requests throttled a page
 * still fails after 8 attempts with probability 0.3^8 ≈ 7·10⁻⁵. The SDK's standard retry
 * strategy (`StandardRetryStrategy` of `@smithy/core/retry`, AWS's "standard" mode) retries only
 * throttling (429) and transient errors (500/502/503/504, timeouts, network failures, a corrected
 * clock skew), with full-jitter exponential back-off (1 s base for throttling, at most 20 s, at
 * least the server's `Retry-After`) and its retry quota; TanStack Query retries on top only what
 * is still throttled or unanswered (`src/lib/query-client.ts`).
 */
export const LAMBDA_MAX_ATTEMPTS = 8;

/**
 * Attempts per write call (Create, Update, Delete…), first try included: a throttled or
 * unanswered write is retried by the SDK with the same back-off, 5 times at most (under 30 %
 * throttling 0.3^5 ≈ 0.2 % still fail, after about 7 s of back-off on average), so the user
 * hears of a persistently throttled write in seconds rather than after the ~35 s that 8 attempts
 * can take. Lambda does not apply a throttled request, so its retry creates no duplicate.
 */
export const LAMBDA_WRITE_MAX_ATTEMPTS = 5;

/** The read operations the console calls, retried {@link LAMBDA_MAX_ATTEMPTS} times. */
const READ_COMMANDS = [
  ListEventSourceMappingsCommand,
  GetEventSourceMappingCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  ListAliasesCommand,
] as const;

/**
 * Whether a command only reads (its SDK client retries up to {@link LAMBDA_MAX_ATTEMPTS}); any
 * other command counts as a write ({@link LAMBDA_WRITE_MAX_ATTEMPTS}).
 * @param command an SDK command instance.
 */
export function isReadCommand(command: unknown): boolean {
  return READ_COMMANDS.some((Command) => command instanceof Command);
}

/** One retry the SDK is about to make (after the back-off), as {@link subscribeLambdaRetries} reports it. */
export interface LambdaRetry {
  /** Region of the client that retries. */
  region: string;
  /** The SDK's classification: `THROTTLING` (429) or `TRANSIENT` (5xx, network, timeout). */
  errorType: string;
  /** Epoch ms when the failed attempt was answered. */
  at: number;
}

const retryListeners = new Set<(retry: LambdaRetry) => void>();

/**
 * Subscribes to the SDK's retries of every Lambda client (the list shows them as progress).
 * @param listener called when an attempt failed with a retryable error, before the back-off.
 * @returns the unsubscribe function.
 */
export function subscribeLambdaRetries(listener: (retry: LambdaRetry) => void): () => void {
  retryListeners.add(listener);
  return () => retryListeners.delete(listener);
}

const sentListeners = new Set<() => void>();

/**
 * Resolves when a Lambda client next hands a signed request to the browser (`fetch`), or after
 * `timeoutMs`, whichever comes first. Start-up waits for its first request with this before the
 * first render: the render is one long task (about 150 ms on a 2-core machine), and a request whose
 * signing still awaited WebCrypto then waited for it.
 * @param timeoutMs the longest wait, in milliseconds.
 */
export function lambdaRequestSent(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sentListeners.delete(done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    sentListeners.add(done);
  });
}

/** Tells {@link lambdaRequestSent}'s waiters, next to the handler (after signing, every attempt). */
const sentNotifier: DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes> =
  (next) => (args) => {
    for (const listener of [...sentListeners]) listener();
    return next(args);
  };

/** The SDK's standard strategy, telling {@link subscribeLambdaRetries} about each retryable failure. */
class ReportingRetryStrategy extends StandardRetryStrategy {
  readonly #region: string;

  constructor(maxAttempts: number, region: string) {
    super(maxAttempts);
    this.#region = region;
  }

  override refreshRetryTokenForRetry(
    ...args: Parameters<StandardRetryStrategy['refreshRetryTokenForRetry']>
  ): ReturnType<StandardRetryStrategy['refreshRetryTokenForRetry']> {
    const [, errorInfo] = args;
    if (errorInfo.errorType === 'THROTTLING' || errorInfo.errorType === 'TRANSIENT') {
      const retry = { region: this.#region, errorType: errorInfo.errorType, at: Date.now() };
      for (const listener of retryListeners) listener(retry);
    }
    return super.refreshRetryTokenForRetry(...args);
  }
}

/**
 * The retry strategy of one region's Lambda client: the SDK's standard mode with
 * {@link LAMBDA_MAX_ATTEMPTS} (not adaptive: its client-side rate limiter would slow every
 * later page after one throttled answer, and bulk actions already pace themselves).
 * @param region the client's region (for the retry reports).
 * @param maxAttempts attempts per call, first included.
 */
export function createLambdaRetryStrategy(
  region: string,
  maxAttempts: number = LAMBDA_MAX_ATTEMPTS,
): StandardRetryStrategy {
  return new ReportingRetryStrategy(maxAttempts, region);
}

/**
 * Milliseconds one Lambda request attempt may wait for a response (Lambda's control-plane calls
 * answer well within a second or two); after it the attempt fails with a `TimeoutError`.
 */
export const LAMBDA_REQUEST_TIMEOUT_MS = 15_000;

/** The one method of `LambdaClient` the API layer uses; tests supply a fake. */
export type LambdaSender = Pick<LambdaClient, 'send'>;

/** Resolves temporary AWS credentials (access key, secret, session token, `expiration`). */
export type CredentialsProvider = ReturnType<typeof fromCognitoIdentityPool>;

/**
 * The region a Cognito identity pool lives in: the part of its ID before the colon
 * (`us-east-1:0f6e…` → `us-east-1`). The Cognito Identity client must call that region, which
 * may differ from the Lambda region.
 * @param identityPoolId `<region>:<guid>`.
 * @returns the region prefix, or `undefined` when there is no colon.
 */
export function identityPoolRegion(identityPoolId: string): string | undefined {
  const colon = identityPoolId.indexOf(':');
  return colon > 0 ? identityPoolId.slice(0, colon) : undefined;
}

/** A signed-in user's login for the identity pool's `Logins` map. */
export interface IdentityPoolLogin {
  /** `Logins` key: the provider name, e.g. `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  key: string;
  /**
   * Resolves a currently valid ID token (refreshing it first when it is about to expire). Called
   * on every credential fetch, so refreshed tokens are used.
   * @throws when the sign-in session has ended.
   */
  idToken: () => Promise<string>;
}

/** Credentials that can be fetched anew when a service refuses the current ones. */
export interface RenewableCredentials {
  /**
   * Fetches new credentials from the identity pool now, replacing the memoized ones; concurrent
   * callers share one renewal.
   * @throws the identity pool's error when no new credentials could be had.
   */
  renew: () => Promise<void>;
  /** Forgets the credentials; every later call rejects with {@link SessionClosedError}. */
  dispose: () => void;
}

/** A memoized Cognito credentials provider that can be renewed and disposed. */
export type CognitoCredentials = CredentialsProvider & RenewableCredentials;

/** Thrown by credentials and Lambda clients used after sign-out or the end of the session. */
export class SessionClosedError extends Error {
  constructor() {
    super('The session has ended: sign in again.');
    this.name = 'SessionClosedError';
  }
}

/** Options of {@link createCognitoCredentials}. */
export interface CognitoCredentialsOptions {
  /**
   * Removes the identity id the SDK cached for this pool (guests, IndexedDB). A renewal whose
   * first fetch failed calls it and tries once more with a new identity: the pool may no longer
   * know the cached one (an emulator restart, a deleted identity).
   */
  forgetCachedIdentityId?: () => Promise<void>;
}

/**
 * Credentials from the Cognito identity pool (`GetId` + `GetCredentialsForIdentity`), shared by
 * every regional Lambda client: one fetch serves them all, concurrent callers wait for the same
 * request, and new credentials are fetched when the current ones expire within 5 minutes (the
 * SDK's own rule, `isIdentityExpired`).
 *
 * - Without `login`: the pool's unauthenticated (guest) role. The SDK caches the guest identity id
 *   in IndexedDB (`aws:cognito-identity-ids`, key
 *   `aws:cognito-identity-credentials:<identityPoolId>:ANONYMOUS`; localStorage without IndexedDB).
 * - With `login`: the authenticated role; the ID token is resolved on each fetch and the identity
 *   id is kept in memory only (the SDK caches signed-in identity ids only with a
 *   `userIdentifier`, which is not given).
 *
 * `renew()` builds a new provider (the SDK's keeps its identity id in memory once resolved) and
 * fetches with it; when that fails it forgets the cached identity id and tries once more.
 * @param config validated runtime configuration (pool id, optional Cognito endpoint).
 * @param login the signed-in user's login, or `undefined` for guest credentials.
 * @param options see {@link CognitoCredentialsOptions}.
 * @returns a memoized, renewable credentials provider.
 */
export function createCognitoCredentials(
  config: Pick<RuntimeConfig, 'identityPoolId' | 'cognitoIdentityEndpoint'>,
  login?: IdentityPoolLogin,
  options: CognitoCredentialsOptions = {},
): CognitoCredentials {
  const build = (): CredentialsProvider =>
    memoizeIdentityProvider(
      fromCognitoIdentityPool({
        identityPoolId: config.identityPoolId,
        ...(login ? { logins: { [login.key]: login.idToken } } : {}),
        clientConfig: {
          region: identityPoolRegion(config.identityPoolId),
          ...(config.cognitoIdentityEndpoint ? { endpoint: config.cognitoIdentityEndpoint } : {}),
          maxAttempts: 3,
        },
      }),
      isIdentityExpired,
      doesIdentityRequireRefresh,
    ) as CredentialsProvider;
  let current: CredentialsProvider | undefined = build();
  let renewing: Promise<void> | undefined;
  const provider = ((identityProperties?: Parameters<CredentialsProvider>[0]) =>
    current
      ? current(identityProperties)
      : Promise.reject(new SessionClosedError())) as CognitoCredentials;
  provider.renew = () => {
    renewing ??= (async () => {
      let fresh = build();
      try {
        await fresh();
      } catch (error) {
        if (!options.forgetCachedIdentityId) throw error;
        await options.forgetCachedIdentityId();
        fresh = build();
        await fresh();
      }
      if (!current) throw new SessionClosedError();
      current = fresh;
    })().finally(() => {
      renewing = undefined;
    });
    return renewing;
  };
  provider.dispose = () => {
    current = undefined;
  };
  return provider;
}

/**
 * Builds a `LambdaClient` for one region.
 * @param config validated runtime configuration (its optional `lambdaEndpoint`).
 * @param region the Lambda region to call, e.g. `eu-west-1`.
 * @param credentials where the client's credentials come from (see
 *   {@link createCognitoCredentials}).
 * @param requestTimeoutMs milliseconds each attempt may wait for a response before it fails with
 *   a `TimeoutError` (default {@link LAMBDA_REQUEST_TIMEOUT_MS}).
 * @param maxAttempts attempts per call (default {@link LAMBDA_MAX_ATTEMPTS}, reads).
 * @param querySigning when given, GETs are signed in the query string while the policy is on
 *   (one round trip instead of a CORS preflight and the request; see `query-signing.ts`), with
 *   the header as the fallback; without it every request is signed in the header.
 * @returns a client whose endpoint is `config.lambdaEndpoint` when set (the emulator serves every
 *   region on one origin and takes the region from the SigV4 scope), AWS's otherwise; it retries
 *   with {@link createLambdaRetryStrategy} and corrects its clock from the responses' `Date`
 *   header (the SDK's `systemClockOffset`, applied when a skew error comes back).
 */
export function createLambdaClient(
  config: Pick<RuntimeConfig, 'lambdaEndpoint'>,
  region: string,
  credentials: CredentialsProvider,
  requestTimeoutMs: number = LAMBDA_REQUEST_TIMEOUT_MS,
  maxAttempts: number = LAMBDA_MAX_ATTEMPTS,
  querySigning?: QuerySigningPolicy,
): LambdaClient {
  const client = new LambdaClient({
    region,
    ...(config.lambdaEndpoint ? { endpoint: config.lambdaEndpoint } : {}),
    maxAttempts,
    retryStrategy: createLambdaRetryStrategy(region, maxAttempts),
    credentials,
    // Options of the SDK's default handler (FetchHttpHandler in the browser): each attempt that
    // gets no response in time fails with a TimeoutError (retried like other transient errors)
    // instead of leaving the page spinning. (Node's handler, used by the unit tests, only warns
    // unless told to throw.)
    requestHandler: { requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
    ...(querySigning ? { signerConstructor: querySigningSigner(querySigning) } : {}),
  });
  if (querySigning) addQuerySigning(client, querySigning);
  // Innermost of the last step before the handler, which calls fetch at once.
  client.middlewareStack.add(sentNotifier, {
    step: 'deserialize',
    priority: 'low',
    name: 'lambdaRequestSent',
  });
  return client;
}

/**
 * The page's one {@link QuerySigningPolicy}: the Lambda clients of {@link createRegionalLambdaClients}
 * query-sign their GETs until the first refusal turns it off for all of them.
 */
export const lambdaQuerySigning: QuerySigningPolicy = createQuerySigningPolicy();

/** The app's Lambda clients: one sender per region, and a way to drop them all. */
export type RegionalLambdaClients = ((region: string) => LambdaSender) & {
  /** Destroys every client and refuses every later call ({@link SessionClosedError}). */
  dispose: () => void;
};

/**
 * Lambda clients per region (one for reads, {@link LAMBDA_MAX_ATTEMPTS}; one for writes,
 * {@link LAMBDA_WRITE_MAX_ATTEMPTS}), created on first use, all on the same credentials. A call that
 * AWS answers with an invalid-credentials error ({@link isInvalidCredentials}:
 * `UnrecognizedClientException`, `ExpiredTokenException`, `InvalidSignatureException` — after the
 * service forgot its identities, or a clock jump past the credentials' expiry) makes the
 * credentials renew once (`credentials.renew`, shared by every call that failed with the old
 * ones; the regional clients are then built again, so none keeps the refused credentials) and is
 * sent once more; its answer, success or error, is final.
 * @param config validated runtime configuration.
 * @param credentials shared credentials provider; without `renew`, errors are passed on as they are.
 * @param querySigning the policy of query-signed GETs (default {@link lambdaQuerySigning});
 *   `null` signs every request in the header.
 * @returns `region → sender`, the same sender for the same region every time.
 */
export function createRegionalLambdaClients(
  config: Pick<RuntimeConfig, 'lambdaEndpoint'>,
  credentials: CredentialsProvider & Partial<RenewableCredentials>,
  querySigning: QuerySigningPolicy | null = lambdaQuerySigning,
): RegionalLambdaClients {
  const clients = new Map<string, LambdaClient>();
  const senders = new Map<string, LambdaSender>();
  let generation = 0;
  let disposed = false;
  let renewing: Promise<void> | undefined;
  // Two SDK clients per region: reads and writes retry a different number of times.
  const sdkClient = (region: string, read: boolean): LambdaClient => {
    if (disposed) throw new SessionClosedError();
    const key = `${region} ${read ? 'read' : 'write'}`;
    let client = clients.get(key);
    if (!client) {
      client = createLambdaClient(
        config,
        region,
        credentials,
        LAMBDA_REQUEST_TIMEOUT_MS,
        read ? LAMBDA_MAX_ATTEMPTS : LAMBDA_WRITE_MAX_ATTEMPTS,
        querySigning ?? undefined,
      );
      clients.set(key, client);
    }
    return client;
  };
  const dropClients = () => {
    for (const client of clients.values()) client.destroy();
    clients.clear();
  };
  // Calls that failed with the credentials of generation `failed` wait for one renewal.
  const renew = (failed: number): Promise<void> => {
    if (failed !== generation) return Promise.resolve();
    renewing ??= (async () => {
      await credentials.renew?.();
      dropClients();
      generation += 1;
    })().finally(() => {
      renewing = undefined;
    });
    return renewing;
  };
  // The SDK's `send` is overloaded per command; the wrapper passes its arguments through as they are.
  type AnySend = (...args: unknown[]) => Promise<unknown>;
  const sendOnce = (region: string, args: unknown[]) => {
    const client = sdkClient(region, isReadCommand(args[0]));
    return (client.send as unknown as AnySend).apply(client, args);
  };
  const senderFor = (region: string): LambdaSender => ({
    send: (async (...args: unknown[]) => {
      const sentWith = generation;
      try {
        return await sendOnce(region, args);
      } catch (error) {
        if (disposed || !credentials.renew || !isInvalidCredentials(error)) throw error;
        try {
          await renew(sentWith);
        } catch {
          throw error;
        }
        return sendOnce(region, args);
      }
    }) as unknown as LambdaClient['send'],
  });
  const clientsFor = ((region: string) => {
    let sender = senders.get(region);
    if (!sender) {
      sender = senderFor(region);
      senders.set(region, sender);
    }
    return sender;
  }) as RegionalLambdaClients;
  clientsFor.dispose = () => {
    disposed = true;
    dropClients();
    credentials.dispose?.();
  };
  return clientsFor;
}

let clientForRegion: ((region: string) => LambdaSender) | undefined;
let installed: { dispose?: () => void } | undefined;
let activeRegion: string | undefined;
const regionListeners = new Set<() => void>();

/**
 * Installs the app's Lambda clients; `src/main.tsx` calls it once credentials are decided and
 * before the first render (component tests install a fake).
 * @param clients one client for every region (a function of the region), or a single client used
 *   for all regions (tests).
 */
export function setLambdaClient(clients: LambdaSender | ((region: string) => LambdaSender)): void {
  installed = typeof clients === 'function' ? (clients as { dispose?: () => void }) : undefined;
  clientForRegion = typeof clients === 'function' ? clients : () => clients;
}

/** A sender whose every call rejects with {@link SessionClosedError}. */
const CLOSED_SENDER: LambdaSender = {
  send: (() => Promise.reject(new SessionClosedError())) as LambdaClient['send'],
};

/**
 * Ends the Lambda side of the session (sign-out, session end): the installed clients are
 * destroyed with their credentials (`dispose`), and every later {@link getLambdaClient} call gets
 * a client that rejects with {@link SessionClosedError} without sending anything, so a page
 * restored from the back/forward cache cannot call AWS with the old credentials.
 */
export function closeLambdaClients(): void {
  installed?.dispose?.();
  installed = undefined;
  clientForRegion = () => CLOSED_SENDER;
}

/**
 * The app's Lambda client for a region.
 * @param region defaults to the active region ({@link getLambdaRegion}).
 * @returns the client installed by {@link setLambdaClient} for that region.
 * @throws Error when called before {@link setLambdaClient} (a programming error).
 */
export function getLambdaClient(region: string = getLambdaRegion()): LambdaSender {
  if (!clientForRegion) {
    throw new Error('The Lambda client is used before setLambdaClient() was called.');
  }
  return clientForRegion(region);
}

/**
 * The region the console currently shows (the region selector, kept in the URL as `?region=`).
 * Query keys include it, and {@link getLambdaClient} calls it by default.
 * @returns the active region; `us-east-1` until {@link setLambdaRegion} is called (tests).
 */
export function getLambdaRegion(): string {
  return activeRegion ?? 'us-east-1';
}

/**
 * Switches the active region and notifies subscribers (e.g. the header) when it changed.
 * @param region a configured region code.
 */
export function setLambdaRegion(region: string): void {
  if (region === activeRegion) return;
  activeRegion = region;
  for (const listener of regionListeners) listener();
}

/**
 * Subscribes to region changes (for `useSyncExternalStore`).
 * @param listener called after each change.
 * @returns the unsubscribe function.
 */
export function subscribeLambdaRegion(listener: () => void): () => void {
  regionListeners.add(listener);
  return () => regionListeners.delete(listener);
}
