import {
  type CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { FastifyInstance } from 'fastify';
import { buildApp, type EmulatorOptions } from '../src/app.ts';

/** A running in-process emulator on an ephemeral 127.0.0.1 port. */
export interface RunningEmulator {
  app: FastifyInstance;
  /** e.g. `http://127.0.0.1:43121`. */
  endpoint: string;
  /** A LambdaClient on the static `test`/`test` pair (no retries unless asked). */
  lambda(options?: {
    region?: string;
    credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    maxAttempts?: number;
  }): LambdaClient;
  close(): Promise<void>;
}

/**
 * Starts `buildApp(options)` listening on an ephemeral port.
 * @param options emulator options (seed defaults to the generated default seed).
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const app = buildApp(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  const endpoint = `http://127.0.0.1:${address.port}`;
  const clients: LambdaClient[] = [];
  return {
    app,
    endpoint,
    lambda: (opts = {}) => {
      const client = new LambdaClient({
        endpoint,
        region: opts.region ?? 'us-east-1',
        credentials: opts.credentials ?? { accessKeyId: 'test', secretAccessKey: 'test' },
        maxAttempts: opts.maxAttempts ?? 1,
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const c of clients) c.destroy();
      await app.close();
    },
  };
}

/** Account of the emulator's default seed. */
export const ACCOUNT = '123456789012';

/** `arn:aws:lambda:us-east-1:123456789012:function:<name>`. */
export function fnArn(name: string, region = 'us-east-1'): string {
  return `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Captures the error a promise rejects with (fails the test if it resolves).
 * @returns the SDK error, typed loosely for assertions on `name`, `message`, `$metadata`.
 */
export async function errorOf(
  promise: Promise<unknown>,
): Promise<
  Error & { $metadata?: { httpStatusCode?: number; requestId?: string }; $response?: unknown }
> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { $metadata?: { httpStatusCode?: number; requestId?: string } };
  }
  throw new Error('expected the call to fail');
}

/** A small seed: two functions (one with versions and aliases) and no mappings. */
export const SMALL_SEED = {
  functions: [
    {
      FunctionName: 'orders-ingest-prod',
      Versions: ['1', '2', '3'],
      Aliases: { live: '3', canary: '2' },
    },
    { FunctionName: 'payments-consumer-prod' },
  ],
  mappings: [],
};

/** The identity pool the emulator serves by default. */
export const POOL_ID = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';

/**
 * Temporary credentials for a new guest identity of the pool (its unauthenticated role):
 * `GetId` then `GetCredentialsForIdentity`.
 * @param cognito a Cognito Identity client pointed at the emulator.
 * @param identityPoolId the pool (default {@link POOL_ID}).
 */
export async function guestCredentials(
  cognito: CognitoIdentityClient,
  identityPoolId = POOL_ID,
): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }> {
  const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
  const out = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  return {
    accessKeyId: out.Credentials?.AccessKeyId ?? '',
    secretAccessKey: out.Credentials?.SecretKey ?? '',
    sessionToken: out.Credentials?.SessionToken ?? '',
  };
}
