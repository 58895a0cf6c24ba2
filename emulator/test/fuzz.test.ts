import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CreateEventSourceMappingCommand,
  GetFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, fnArn, type RunningEmulator, sleep, startEmulator } from './helpers.ts';
import { type RawRequest, type RawResponse, sendRaw, signRaw } from './raw-http.ts';

const POOL = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';
/** A function name of the model's maximum length (64 characters). */
const LONG_NAME = `orders-ingest-${'x'.repeat(50)}`;
const SEED = {
  functions: [
    { FunctionName: 'orders-ingest-prod', Versions: ['1', '2'], Aliases: { live: '2' } },
    { FunctionName: LONG_NAME, Versions: ['1'], Aliases: { live: '1' } },
  ],
  mappings: [],
};
const STATIC = { accessKeyId: 'test', secretAccessKey: 'test' };
const REGIONS = ['us-east-1', 'eu-west-1'] as const;
const SIX_MB = 6 * 1024 * 1024;
/** Stands for the real mapping's ARN (requests that may not change it) or an unknown one. */
const MAPPING_ARN = encodeURIComponent(
  'arn:aws:lambda:us-east-1:123456789012:event-source-mapping:14e0db71-5d35-4eb5-b481-8945cf9d10c2',
);
const WRITES: ReadonlySet<string> = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

let emu: RunningEmulator;
let port: number;

/** Every mapping and function of the regions the fuzz signs for, as stored. */
function snapshot(): string {
  return JSON.stringify(
    REGIONS.map((region) => {
      const state = emu.app.emulator.store.peek(region);
      return {
        region,
        functions: [...(state?.functions.keys() ?? [])].sort(),
        mappings: [...(state?.mappings.values() ?? [])].map((m) => m.config),
      };
    }),
  );
}

/**
 * AWS's error format, as the Lambda (restJson1) and Cognito (awsJson1.1) protocols answer: the
 * exception name in `x-amzn-ErrorType` and a JSON object body with a `message` (or `Message`);
 * Cognito's body also names it in `__type`.
 * @returns what is wrong, or `undefined` when the answer is in AWS's format.
 */
function formatProblem(request: RawRequest, res: RawResponse): string | undefined {
  if (res.status >= 500) return `status ${res.status}`;
  if (res.status < 400) return undefined;
  const type = res.headers['x-amzn-errortype'];
  if (typeof type !== 'string' || !/^[A-Za-z]+$/.test(type)) return `x-amzn-ErrorType ${type}`;
  if (request.method === 'HEAD') return undefined; // no body on HEAD
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return `body is not JSON: ${res.body.slice(0, 120)}`;
  }
  if (typeof body !== 'object' || body === null) return 'body is not a JSON object';
  const record = body as Record<string, unknown>;
  const message = record.message ?? record.Message;
  if (typeof message !== 'string' || message === '') return 'no message';
  if ('__type' in record && record.__type !== type) return `__type ${String(record.__type)}`;
  return undefined;
}

function expectAwsError(
  request: RawRequest,
  res: RawResponse,
  status: number,
  type: string,
): Record<string, unknown> {
  expect(formatProblem(request, res)).toBeUndefined();
  expect(res.status).toBe(status);
  expect(res.headers['x-amzn-errortype']).toBe(type);
  return JSON.parse(res.body) as Record<string, unknown>;
}

beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, transitionMs: 10 });
  port = Number(new URL(emu.endpoint).port);
});
afterAll(async () => emu.close());

describe('malformed requests get AWS-format refusals (the measured cases)', () => {
  it('a 4 MB EventSourceArn is ValidationException (length before pattern), not a 500', async () => {
    const request = await signRaw(
      port,
      {
        method: 'POST',
        target: '/2015-03-31/event-source-mappings',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          FunctionName: 'orders-ingest-prod',
          EventSourceArn: `arn:aws:${'s'.repeat(4 * 1024 * 1024)}:us-east-1:123456789012:q`,
        }),
      },
      STATIC,
    );
    const body = expectAwsError(request, await sendRaw(port, request), 400, 'ValidationException');
    // Checked by length before the pattern (whose `([a-zA-Z0-9\-])+` V8 cannot run on 4 MB).
    const message = String(body.message);
    expect(message.startsWith("1 validation error detected: Value 'arn:aws:sss")).toBe(true);
    expect(
      message.endsWith(
        "' at 'eventSourceArn' failed to satisfy constraint: Member must have length less than or equal to 10000",
      ),
    ).toBe(true);
  });

  it('bodies over 6 MB are 413 RequestTooLargeException, Lambda and Cognito alike', async () => {
    const big = JSON.stringify({ IdentityPoolId: POOL, pad: 'x'.repeat(SIX_MB) });
    const cognito: RawRequest = {
      method: 'POST',
      target: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityService.GetId',
      },
      body: big,
    };
    const answer = expectAwsError(
      cognito,
      await sendRaw(port, cognito),
      413,
      'RequestTooLargeException',
    );
    expect(answer).toEqual({
      __type: 'RequestTooLargeException',
      message: `Request must be smaller than ${SIX_MB} bytes for the POST operation`,
    });
    const lambda = await signRaw(
      port,
      {
        method: 'POST',
        target: '/2015-03-31/event-source-mappings',
        headers: { 'content-type': 'application/json' },
        body: big,
      },
      STATIC,
    );
    expect(
      expectAwsError(lambda, await sendRaw(port, lambda), 413, 'RequestTooLargeException'),
    ).toEqual({
      Type: 'User',
      message: `Request must be smaller than ${SIX_MB} bytes for the POST operation`,
    });
  });

  it('bad percent-encoding, unknown methods and oversized headers answer in Lambda’s format', async () => {
    const badUrl: RawRequest = { method: 'GET', target: '/2015-03-31/functions/%ZZ/configuration' };
    expectAwsError(badUrl, await sendRaw(port, badUrl), 404, 'UnknownOperationException');
    const foo: RawRequest = { method: 'FOO', target: '/2015-03-31/functions' };
    expectAwsError(foo, await sendRaw(port, foo), 404, 'UnknownOperationException');
    const propfind: RawRequest = { method: 'PROPFIND', target: '/2015-03-31/functions' };
    expectAwsError(propfind, await sendRaw(port, propfind), 404, 'UnknownOperationException');
    const headers: RawRequest = {
      method: 'GET',
      target: '/2015-03-31/functions',
      headers: { 'x-padding': 'a'.repeat(17 * 1024) },
    };
    const res = await sendRaw(port, headers);
    expectAwsError(headers, res, 431, 'InvalidRequestContentException');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GetFunctionConfiguration takes the full ARN of a 64-character function with its alias', async () => {
    const arn = `${fnArn(LONG_NAME)}:live`;
    expect(arn.length).toBeGreaterThan(100);
    const out = await emu.lambda().send(new GetFunctionConfigurationCommand({ FunctionName: arn }));
    expect(out.FunctionArn).toBe(arn);
    // Longer than the model allows (256): ValidationException, the router does not refuse it.
    const long = await errorOf(
      emu.lambda().send(new GetFunctionConfigurationCommand({ FunctionName: 'f'.repeat(300) })),
    );
    expect(long.name).toBe('ValidationException');
    expect(long.message).toContain('Member must have length less than or equal to 256');
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzz: thousands of malformed requests, bounded in count and in time.
// ---------------------------------------------------------------------------------------------

/** Runs at most this many requests… */
const FUZZ_RUNS = 3000;
/** …and stops starting new ones after this long (2 shared cores). */
const FUZZ_TIME_MS = 40_000;

const segment = fc.oneof(
  fc.constantFrom(
    'orders-ingest-prod',
    encodeURIComponent(fnArn('orders-ingest-prod')),
    encodeURIComponent(`${fnArn(LONG_NAME)}:live`),
    '14e0db71-5d35-4eb5-b481-8945cf9d10c2',
    MAPPING_ARN,
    '%ZZ',
    '%',
    '%00',
    '..',
    '.',
    '',
    '%2F..%2F_emulator',
    '$LATEST',
    'a#b',
    '%E2%82%AC',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.integer({ min: 101, max: 3000 }).map((n) => 'a'.repeat(n)),
);

const path = fc.oneof(
  fc.constant('/2015-03-31/event-source-mappings'),
  segment.map((s) => `/2015-03-31/event-source-mappings/${s}`),
  fc.constant('/2015-03-31/functions'),
  fc
    .tuple(segment, fc.constantFrom('', '/configuration', '/versions', '/aliases', '/policy', '/'))
    .map(([s, tail]) => `/2015-03-31/functions/${s}${tail}`),
  segment.map((s) => `/2017-03-31/tags/${s}`),
  fc.constantFrom('/', '//2015-03-31/functions', '/2015-03-31', '/2020-01-01/functions', '*'),
  segment.map((s) => `/${s}`),
);

const queryValue = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom('%ZZ', '0', '-1', '10001', '1e3', 'ALL', 'arn:aws:sqs:us-east-1:123456789012:q'),
  fc.integer({ min: 200, max: 4000 }).map((n) => `arn%3Aaws%3A${'k'.repeat(n)}`),
);

const query = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'EventSourceArn',
          'FunctionName',
          'MaxItems',
          'Marker',
          'Qualifier',
          'FunctionVersion',
          'MasterRegion',
          '%ZZ',
        ),
        queryValue,
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
);

const mappingBody = fc
  .record(
    {
      // Never an existing function: no fuzzed request may legitimately create anything.
      FunctionName: fc.oneof(fc.string({ maxLength: 80 }), fc.constant('no-such-function')),
      EventSourceArn: fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.constantFrom(
          'arn:aws:sqs:us-east-1:123456789012:q',
          'arn:aws:kinesis:us-east-1:123456789012:stream/s',
          'arn:aws:sns:us-east-1:123456789012:t',
        ),
        fc.integer({ min: 1000, max: 200_000 }).map((n) => `arn:aws:${'s'.repeat(n)}::`),
      ),
      BatchSize: fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)),
      Enabled: fc.oneof(fc.boolean(), fc.string({ maxLength: 5 })),
      StartingPosition: fc.oneof(fc.constantFrom('LATEST', 'TRIM_HORIZON'), fc.string()),
      FilterCriteria: fc.anything({ maxDepth: 2 }),
      Tags: fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body));

const smallBody = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: mappingBody },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[]', 'null', '"x"', '{"__proto__":{}}') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      JSON.stringify({ IdentityPoolId: POOL }),
      JSON.stringify({ IdentityId: 'us-east-1:00000000-0000-0000-0000-000000000000' }),
      JSON.stringify({ IdentityPoolId: 'x'.repeat(100_000) }),
    ),
  },
);

/** Now and then a body over the 6 MB limit (a few per run: each is 6 MB on the wire). */
const body = fc.oneof(
  { weight: 400, arbitrary: smallBody },
  { weight: 3, arbitrary: fc.constant(SIX_MB + 1).map((n) => `{"pad":"${'x'.repeat(n)}"}`) },
);

const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/x-amz-json-1.1',
  'text/plain',
  'application/json; charset=utf-8',
  'multipart/form-data; boundary=x',
  '',
);

const authorization = fc.oneof(
  // A valid signature with the static pair: the request reaches the model checks.
  { weight: 5, arbitrary: fc.constant('static') },
  // A valid signature with read-only guest credentials: the role check.
  { weight: 2, arbitrary: fc.constant('guest') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'none',
      'garbage',
      'AWS4-HMAC-SHA256 Credential=test/20200101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=00',
    ),
  },
);

/** A method with a path of the same operation, so that most requests reach a handler. */
const operation = fc.oneof(
  fc.tuple(
    fc.constant('GET'),
    fc.tuple(path, query).map(([p, q]) => `${p}${q}`),
  ),
  fc.tuple(
    fc.constantFrom('GET', 'POST'),
    query.map((q) => `/2015-03-31/event-source-mappings${q}`),
  ),
  fc.tuple(
    fc.constantFrom('GET', 'PUT', 'DELETE'),
    segment.map((s) => `/2015-03-31/event-source-mappings/${s}`),
  ),
  fc.tuple(
    fc.constant('GET'),
    fc
      .tuple(segment, fc.constantFrom('', '/configuration', '/versions', '/aliases'), query)
      .map(([s, tail, q]) => `/2015-03-31/functions/${s}${tail}${q}`),
  ),
  fc.tuple(
    fc.constantFrom('GET', 'POST', 'DELETE'),
    fc
      .tuple(segment, fc.constantFrom('', '?tagKeys=a', '?tagKeys=a&tagKeys=b', '?tagKeys='))
      .map(([s, q]) => `/2017-03-31/tags/${s}${q}`),
  ),
  fc.tuple(fc.constant('POST'), fc.constant('/')),
);

const fuzzRequest = fc.record({
  operation: fc.oneof(
    { weight: 6, arbitrary: operation },
    {
      weight: 3,
      arbitrary: fc.tuple(
        fc.constantFrom(
          'GET',
          'POST',
          'PUT',
          'DELETE',
          'PATCH',
          'HEAD',
          'OPTIONS',
          'PROPFIND',
          'FOO',
        ),
        fc.tuple(path, query).map(([p, q]) => `${p}${q}`),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc
          .tuple(path, fc.constantFrom('#', '#/x', 'http://127.0.0.1:1'))
          .map(([p, form]) => (form.startsWith('#') ? `${p}${form}` : `${form}${p}`)),
      ),
    },
  ),
  body,
  contentType,
  authorization,
  region: fc.constantFrom(...REGIONS),
  amzTarget: fc.constantFrom(
    undefined,
    'AWSCognitoIdentityService.GetId',
    'AWSCognitoIdentityService.GetCredentialsForIdentity',
    'AWSCognitoIdentityService.DeleteIdentityPool',
    'Nope',
  ),
  padding: fc.oneof(
    { weight: 30, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 8_000, max: 20_000 }) },
  ),
});

describe('fuzz', () => {
  it(`${FUZZ_RUNS} malformed requests in at most ${FUZZ_TIME_MS / 1000} s: no 5xx, every refusal in AWS's format, data unchanged`, async () => {
    const cognito = new CognitoIdentityClient({
      region: 'us-east-1',
      endpoint: emu.endpoint,
      maxAttempts: 1,
    });
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: POOL }));
    const issued = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    cognito.destroy();
    const guest = {
      accessKeyId: issued.Credentials?.AccessKeyId ?? '',
      secretAccessKey: issued.Credentials?.SecretKey ?? '',
      sessionToken: issued.Credentials?.SessionToken ?? '',
    };
    // One real mapping, so that updates and deletes have something to aim at.
    const created = await emu.lambda().send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:fuzz-target',
      }),
    );
    await sleep(100);
    const before = snapshot();

    const statuses = new Map<string, number>();
    let sent = 0;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (input) => {
        // Aim the requests that may not change it at the real mapping (its UUID and ARN).
        const [method, fuzzedTarget] = input.operation;
        const target =
          input.authorization === 'static'
            ? fuzzedTarget
            : fuzzedTarget.replaceAll('14e0db71-5d35-4eb5-b481-8945cf9d10c2', created.UUID ?? '');
        let request: RawRequest = {
          method,
          target,
          headers: {
            ...(input.contentType !== undefined && { 'content-type': input.contentType }),
            ...(input.amzTarget !== undefined && { 'x-amz-target': input.amzTarget }),
            ...(input.padding > 0 && { 'x-padding': 'p'.repeat(input.padding) }),
            ...(input.authorization !== 'none' &&
              input.authorization !== 'static' &&
              input.authorization !== 'guest' && { authorization: input.authorization }),
          },
          ...(input.body !== undefined && { body: input.body }),
        };
        if (input.authorization === 'static' || input.authorization === 'guest') {
          request = await signRaw(
            port,
            request,
            input.authorization === 'static' ? STATIC : guest,
            input.region,
          );
        }
        const res = await sendRaw(port, request);
        sent += 1;
        const key = `${res.status} ${String(res.headers['x-amzn-errortype'] ?? '')}`.trim();
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        const problem = formatProblem(request, res);
        if (problem !== undefined) {
          throw new Error(
            `${request.method} ${request.target.slice(0, 200)} → ${res.status}: ${problem}`,
          );
        }
        // No fuzzed write may be accepted (Cognito's POST / may: GetId adds no data).
        if (res.status < 300 && WRITES.has(request.method) && target.split('?', 1)[0] !== '/') {
          throw new Error(`${request.method} ${target.slice(0, 200)} was accepted (${res.status})`);
        }
      }),
      {
        numRuns: FUZZ_RUNS,
        interruptAfterTimeLimit: FUZZ_TIME_MS,
        seed: Number(process.env.FUZZ_SEED ?? 20261201),
      },
    );
    const elapsed = Date.now() - started;
    console.info(
      `fuzz: ${sent} requests in ${elapsed} ms; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a.localeCompare(b))))}`,
    );
    expect(sent).toBeGreaterThanOrEqual(1000);
    await sleep(50); // any transition a stray write could have started
    expect(snapshot()).toEqual(before);
  }, 60_000);
});
