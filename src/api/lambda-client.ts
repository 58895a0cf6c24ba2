import { LambdaClient } from '@aws-sdk/client-lambda';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import type { RuntimeConfig } from '../config/env.ts';

/**
 * Attempts per logical call, first try included. The SDK retries throttling (429), 5xx and
 * transient network errors with exponential back-off; TanStack Query does not retry on top
 * (see `src/lib/query-client.ts`), so this is the only retry layer.
 */
export const LAMBDA_MAX_ATTEMPTS = 3;

/** The one method of `LambdaClient` the API layer uses; tests supply a fake. */
export type LambdaSender = Pick<LambdaClient, 'send'>;

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

/**
 * Builds the app's `LambdaClient` from the validated runtime configuration, with guest
 * (unauthenticated) credentials from the Cognito identity pool.
 * @param config validated runtime configuration.
 * @returns a client whose endpoint is `config.lambdaEndpoint` when set, AWS's otherwise.
 */
export function createLambdaClient(config: RuntimeConfig): LambdaClient {
  return new LambdaClient({
    region: config.region,
    ...(config.lambdaEndpoint ? { endpoint: config.lambdaEndpoint } : {}),
    maxAttempts: LAMBDA_MAX_ATTEMPTS,
    credentials: fromCognitoIdentityPool({
      identityPoolId: config.identityPoolId,
      clientConfig: {
        region: identityPoolRegion(config.identityPoolId) ?? config.region,
        ...(config.cognitoIdentityEndpoint ? { endpoint: config.cognitoIdentityEndpoint } : {}),
        maxAttempts: LAMBDA_MAX_ATTEMPTS,
      },
    }),
  });
}

let appClient: LambdaSender | undefined;

/**
 * Installs the app's single Lambda client; `src/main.tsx` calls it once, after the configuration
 * is validated and before the first render (component tests install a fake).
 * @param client the client every fetcher in `src/api` uses by default.
 */
export function setLambdaClient(client: LambdaSender): void {
  appClient = client;
}

/**
 * The app's Lambda client.
 * @returns the client installed by {@link setLambdaClient}.
 * @throws Error when called before {@link setLambdaClient} (a programming error).
 */
export function getLambdaClient(): LambdaSender {
  if (!appClient) throw new Error('The Lambda client is used before setLambdaClient() was called.');
  return appClient;
}
