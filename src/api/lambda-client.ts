import { LambdaClient } from '@aws-sdk/client-lambda';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import {
  doesIdentityRequireRefresh,
  isIdentityExpired,
  memoizeIdentityProvider,
} from '@smithy/core';
import type { RuntimeConfig } from '../config/env.ts';

/**
 * Attempts per logical call, first try included. The SDK retries throttling (429), 5xx and
 * transient network errors with exponential back-off; TanStack Query does not retry on top
 * (see `src/lib/query-client.ts`), so this is the only retry layer.
 */
export const LAMBDA_MAX_ATTEMPTS = 3;

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
 * @param config validated runtime configuration (pool id, optional Cognito endpoint).
 * @param login the signed-in user's login, or `undefined` for guest credentials.
 * @returns a memoized credentials provider.
 */
export function createCognitoCredentials(
  config: Pick<RuntimeConfig, 'identityPoolId' | 'cognitoIdentityEndpoint'>,
  login?: IdentityPoolLogin,
): CredentialsProvider {
  const provider = fromCognitoIdentityPool({
    identityPoolId: config.identityPoolId,
    ...(login ? { logins: { [login.key]: login.idToken } } : {}),
    clientConfig: {
      region: identityPoolRegion(config.identityPoolId),
      ...(config.cognitoIdentityEndpoint ? { endpoint: config.cognitoIdentityEndpoint } : {}),
      maxAttempts: LAMBDA_MAX_ATTEMPTS,
    },
  });
  return memoizeIdentityProvider(
    provider,
    isIdentityExpired,
    doesIdentityRequireRefresh,
  ) as CredentialsProvider;
}

/**
 * Builds a `LambdaClient` for one region.
 * @param config validated runtime configuration (its optional `lambdaEndpoint`).
 * @param region the Lambda region to call, e.g. `eu-west-1`.
 * @param credentials where the client's credentials come from (see
 *   {@link createCognitoCredentials}).
 * @param requestTimeoutMs milliseconds each attempt may wait for a response before it fails with
 *   a `TimeoutError` (default {@link LAMBDA_REQUEST_TIMEOUT_MS}).
 * @returns a client whose endpoint is `config.lambdaEndpoint` when set (the emulator serves every
 *   region on one origin and takes the region from the SigV4 scope), AWS's otherwise.
 */
export function createLambdaClient(
  config: Pick<RuntimeConfig, 'lambdaEndpoint'>,
  region: string,
  credentials: CredentialsProvider,
  requestTimeoutMs: number = LAMBDA_REQUEST_TIMEOUT_MS,
): LambdaClient {
  return new LambdaClient({
    region,
    ...(config.lambdaEndpoint ? { endpoint: config.lambdaEndpoint } : {}),
    maxAttempts: LAMBDA_MAX_ATTEMPTS,
    credentials,
    // Options of the SDK's default handler (FetchHttpHandler in the browser): each attempt that
    // gets no response in time fails with a TimeoutError (retried like other transient errors)
    // instead of leaving the page spinning. (Node's handler, used by the unit tests, only warns
    // unless told to throw.)
    requestHandler: { requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
  });
}

/**
 * One Lambda client per region, created on first use, all on the same credentials.
 * @param config validated runtime configuration.
 * @param credentials shared credentials provider.
 * @returns `region → client`, the same client for the same region every time.
 */
export function createRegionalLambdaClients(
  config: Pick<RuntimeConfig, 'lambdaEndpoint'>,
  credentials: CredentialsProvider,
): (region: string) => LambdaClient {
  const clients = new Map<string, LambdaClient>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = createLambdaClient(config, region, credentials);
      clients.set(region, client);
    }
    return client;
  };
}

let clientForRegion: ((region: string) => LambdaSender) | undefined;
let activeRegion: string | undefined;
const regionListeners = new Set<() => void>();

/**
 * Installs the app's Lambda clients; `src/main.tsx` calls it once credentials are decided and
 * before the first render (component tests install a fake).
 * @param clients one client for every region (a function of the region), or a single client used
 *   for all regions (tests).
 */
export function setLambdaClient(clients: LambdaSender | ((region: string) => LambdaSender)): void {
  clientForRegion = typeof clients === 'function' ? clients : () => clients;
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
