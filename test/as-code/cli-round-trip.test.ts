/**
 * The CLI input JSON proves itself against the AWS CLI: for a mapping of every source type (the
 * `MAPPING_FIXTURES`, created in the emulator through the SDK so the emulator fills in what Lambda
 * fills in), the export of the live mapping — with and without server defaults — is fed to
 * `aws lambda create-event-source-mapping --cli-input-json file://…` (Debian's awscli v1, botocore
 * 1.43.11) after the original is deleted, and the new mapping must equal the original in every
 * member that is not read-only, tags included. Also: the generated shell script run by `sh` with the
 * real CLI recreates mappings the same way, so does the panel's usage line for several mappings
 * (`jq -c '.[]' … | while read …; do aws … --cli-input-json "$doc"; done`, which needs jq), the
 * registry's option names are the CLI's, and the one thing this CLI cannot take (Kafka's
 * ConsumptionMode) is named. Time: about 27 CLI starts of ~1 s CPU each, run concurrently (48 s
 * measured on 2 cores at a load average of 11, before the jq loop's two).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListTagsCommand,
  type CreateEventSourceMappingCommandInput,
  type EventSourceMappingConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningEmulator, sleep, startEmulator } from '../../emulator/test/helpers.ts';
import {
  CLI_INPUT_JSON_LOOP,
  toCliInputJson,
  toCliScript,
} from '../../src/features/event-source-mappings/as-code/cli.ts';
import { MAPPING_FIXTURES } from '../../src/features/event-source-mappings/as-code/fixtures.ts';
import { toMappingCode } from '../../src/features/event-source-mappings/as-code/recreate-request.ts';
import { codeOf } from '../../src/features/event-source-mappings/as-code/test-helpers.ts';
import { REQUEST_MEMBERS } from '../../src/features/event-source-mappings/form/request-members.ts';
import { parseFunctionArn } from '../../src/features/event-source-mappings/function-arn.ts';
import {
  SOURCE_TYPES,
  type SourceType,
} from '../../src/features/event-source-mappings/form/source-limits.ts';

const run = promisify(execFile);
const REGION = 'us-east-1';
/** Transitions (Creating → Enabled, Deleting → gone) take this long in the emulator. */
const TRANSITION_MS = 30;

/** Members of a mapping that are read-only (Lambda API Reference, EventSourceMappingConfiguration). */
const READ_ONLY = [
  'UUID',
  'LastModified',
  'LastProcessingResult',
  'StateTransitionReason',
  'EventSourceMappingArn',
  'FilterCriteriaError',
  '$metadata',
] as const;

/**
 * The mapping without its read-only members. `State` (settled) and `FunctionArn` stay: they are
 * what `Enabled` and `FunctionName` (with its qualifier) recreate.
 */
function comparable(mapping: EventSourceMappingConfiguration): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...mapping };
  for (const key of READ_ONLY) delete copy[key];
  return copy;
}

/** Every function the fixtures invoke, with the versions and aliases their qualifiers name. */
function seedFunctions(): {
  FunctionName: string;
  Versions: string[];
  Aliases: Record<string, string>;
}[] {
  const byName = new Map<string, { Versions: Set<string>; Aliases: Record<string, string> }>();
  for (const { mapping } of Object.values(MAPPING_FIXTURES)) {
    const { name, qualifier } = parseFunctionArn(mapping.FunctionArn ?? '');
    const fn = byName.get(name) ?? { Versions: new Set<string>(['1']), Aliases: {} };
    byName.set(name, fn);
    if (qualifier && /^\d+$/.test(qualifier)) {
      for (let v = 1; v <= Number(qualifier); v += 1) fn.Versions.add(String(v));
    } else if (qualifier) {
      fn.Aliases[qualifier] = '1';
    }
  }
  return [...byName].map(([FunctionName, fn]) => ({
    FunctionName,
    Versions: [...fn.Versions].sort((a, b) => Number(a) - Number(b)),
    Aliases: fn.Aliases,
  }));
}

/** Environment for the CLI: the static pair, no user config files (as other-clients.test.ts). */
function awsEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
}

let emu: RunningEmulator;
let lambda: LambdaClient;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({
    transitionMs: TRANSITION_MS,
    seed: { region: REGION, functions: seedFunctions(), mappings: [] },
  });
  lambda = emu.lambda({ maxAttempts: 3 });
  dir = await mkdtemp(join(tmpdir(), 'cli-round-trip-'));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

const TRANSITIONAL = new Set(['Creating', 'Enabling', 'Disabling', 'Updating', 'Deleting']);

/** Get until the mapping leaves its transitional state (at most 2 s). */
async function settled(
  UUID: string,
  client: LambdaClient = lambda,
): Promise<EventSourceMappingConfiguration> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const { $metadata: _m, ...got } = await client.send(new GetEventSourceMappingCommand({ UUID }));
    if (!TRANSITIONAL.has(got.State ?? '') || Date.now() > deadline) return got;
    await sleep(TRANSITION_MS);
  }
}

/** Delete, then Get until Lambda answers ResourceNotFoundException (at most 2 s). */
async function deleteAndWait(UUID: string, client: LambdaClient = lambda): Promise<void> {
  await client.send(new DeleteEventSourceMappingCommand({ UUID }));
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    try {
      await client.send(new GetEventSourceMappingCommand({ UUID }));
    } catch (err) {
      if ((err as Error).name === 'ResourceNotFoundException') return;
      throw err;
    }
    await sleep(TRANSITION_MS);
  }
  throw new Error(`Mapping ${UUID} was not deleted within 2 s.`);
}

/** A live mapping and its tags, as the export panel reads them. */
async function read(
  UUID: string,
  client: LambdaClient = lambda,
): Promise<{ mapping: EventSourceMappingConfiguration; tags: Record<string, string> }> {
  const mapping = await settled(UUID, client);
  const { Tags } = await client.send(
    new ListTagsCommand({ Resource: mapping.EventSourceMappingArn ?? '' }),
  );
  return { mapping, tags: Tags ?? {} };
}

/** Creates a mapping through the SDK (the "original" the user exports). */
async function createOriginal(
  request: CreateEventSourceMappingCommandInput,
  client: LambdaClient = lambda,
): Promise<string> {
  const created = await client.send(new CreateEventSourceMappingCommand(request));
  return created.UUID ?? '';
}

/** `aws lambda create-event-source-mapping --cli-input-json file://<json>` against the emulator. */
async function cliCreate(json: string, name: string): Promise<EventSourceMappingConfiguration> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, json);
  const { stdout } = await run(
    'aws',
    [
      'lambda',
      'create-event-source-mapping',
      '--cli-input-json',
      `file://${file}`,
      '--endpoint-url',
      emu.endpoint,
      '--region',
      REGION,
      '--output',
      'json',
    ],
    { env: awsEnv(), timeout: 30_000 },
  );
  return JSON.parse(stdout) as EventSourceMappingConfiguration;
}

/**
 * The mappings the generated script recreates with the real CLI: between them every kind of option
 * value (a timestamp, `--flag` and `--no-enabled`, integers, single-quoted JSON structures and
 * lists, tags). Four, not nine, to bound the file's time (one CLI start is ~1 s of CPU); the option
 * names of every member are checked against the CLI's model above, and the JSON round trips cover
 * every source type.
 */
const SCRIPT_TYPES = ['kinesis', 'dynamodb', 'sqs', 'self-managed-kafka'] as const;

/** The request each fixture's original is created with: everything the fixture holds. */
const originalRequest = (type: SourceType): CreateEventSourceMappingCommandInput =>
  codeOf(type, true).request;

/** What the installed CLI's botocore knows of CreateEventSourceMapping (its own model). */
const BOTOCORE_MODEL_SCRIPT = String.raw`
import json, botocore, botocore.session
from botocore import xform_name
op = botocore.session.get_session().get_service_model('lambda').operation_model('CreateEventSourceMapping')
members = op.input_shape.members
print(json.dumps({
  'version': botocore.__version__,
  'options': {name: '--' + xform_name(name, '-') for name in members},
  'selfManagedKafka': list(members['SelfManagedKafkaEventSourceConfig'].members),
}))
`;

describe('the registry against the installed AWS CLI', () => {
  it('every create member’s CLI option is the one awscli v1 derives from its model', async () => {
    const { stdout } = await run('python3', ['-c', BOTOCORE_MODEL_SCRIPT], {
      env: awsEnv(),
      timeout: 30_000,
    });
    const model = JSON.parse(stdout) as {
      version: string;
      options: Record<string, string>;
      selfManagedKafka: string[];
    };
    expect(model.version).toBe('1.43.11');
    const registry = Object.fromEntries(
      REQUEST_MEMBERS.filter((m) => m.create).map((m) => [m.name, m.cli]),
    );
    expect(registry).toEqual(model.options);
    // The one nested gap of this botocore: no ConsumptionMode (see the Queue-mode test below).
    expect(model.selfManagedKafka).toEqual(['ConsumerGroupId', 'SchemaRegistryConfig']);
  });
});

describe.concurrent('CLI input JSON → aws lambda create-event-source-mapping (awscli v1)', () => {
  it.each(SOURCE_TYPES)(
    '%s: recreated from the export, with and without defaults, equals the original',
    async (type) => {
      const original = await read(await createOriginal(originalRequest(type)));
      expect(original.mapping.State).toMatch(/^(Enabled|Disabled)$/);
      let current = original.mapping;
      for (const includeDefaults of [false, true]) {
        const code = toMappingCode(current, {
          region: REGION,
          tags: original.tags,
          includeDefaults,
        });
        const { text } = toCliInputJson([code], { functionReference: 'literal' });
        await deleteAndWait(current.UUID ?? '');
        const printed = await cliCreate(text, `${type}-${String(includeDefaults)}`);
        expect(printed.UUID).not.toBe(current.UUID);
        const recreated = await read(printed.UUID ?? '');
        expect(comparable(recreated.mapping), `includeDefaults ${String(includeDefaults)}`).toEqual(
          comparable(original.mapping),
        );
        expect(recreated.tags).toEqual(original.tags);
        current = recreated.mapping;
      }
    },
  );

  it('self-managed Kafka with OAuth (2026 SourceAccessTypes botocore 1.43.11 does not list): botocore does not check enums, so it round-trips', async () => {
    const seedLike = MAPPING_FIXTURES['self-managed-kafka'];
    const request: CreateEventSourceMappingCommandInput = {
      FunctionName: parseFunctionArn(seedLike.mapping.FunctionArn ?? '').name,
      SelfManagedEventSource: {
        Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['pkc-9x3v2.us-east-1.aws.confluent.cloud:9092'] },
      },
      Topics: ['orders.oauth'],
      StartingPosition: 'LATEST',
      SourceAccessConfigurations: [
        {
          Type: 'OAUTHBEARER_AUTH',
          URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka/confluent-oauth-Q7mZ2k',
        },
        { Type: 'OAUTHBEARER_SCOPE', URI: 'kafka.read kafka.write' },
        { Type: 'OAUTHBEARER_LOGICAL_CLUSTER', URI: 'lkc-9x3v2' },
      ],
    };
    const original = await read(await createOriginal(request));
    const code = toMappingCode(original.mapping, { region: REGION, includeDefaults: false });
    await deleteAndWait(original.mapping.UUID ?? '');
    const printed = await cliCreate(
      toCliInputJson([code], { functionReference: 'literal' }).text,
      'kafka-oauth',
    );
    const recreated = await read(printed.UUID ?? '');
    expect(comparable(recreated.mapping)).toEqual(comparable(original.mapping));
  });

  it('CLI v1 gap: a Kafka mapping in Queue mode cannot be recreated, botocore 1.43.11 has no ConsumptionMode', async () => {
    // SelfManagedKafkaEventSourceConfig.ConsumptionMode (2026, client-lambda 3.1164.0) is unknown
    // to botocore 1.43.11, whose parameter validation refuses the document before any request is
    // sent. The export is right (the SDK creates it); only this CLI version cannot take it. A Stream
    // mapping does not hit this: Stream is the default and is left out (recreate-request.ts).
    const base = originalRequest('self-managed-kafka');
    const { ProvisionedPollerConfig: _p, LoggingConfig: _l, MetricsConfig: _m, ...rest } = base;
    const request: CreateEventSourceMappingCommandInput = {
      ...rest,
      Topics: ['orders.queue-mode'],
      StartingPosition: undefined,
      MaximumBatchingWindowInSeconds: undefined,
      DestinationConfig: undefined,
      Tags: undefined,
      SelfManagedKafkaEventSourceConfig: {
        ConsumerGroupId: 'orders-ledger-share',
        ConsumptionMode: 'Queue',
      },
    };
    const original = await read(await createOriginal(request));
    expect(original.mapping.SelfManagedKafkaEventSourceConfig?.ConsumptionMode).toBe('Queue');
    const code = toMappingCode(original.mapping, { region: REGION, includeDefaults: false });
    expect(code.request.SelfManagedKafkaEventSourceConfig?.ConsumptionMode).toBe('Queue');
    const refused = (await cliCreate(
      toCliInputJson([code], { functionReference: 'literal' }).text,
      'kafka-queue',
    ).catch((err: unknown) => err)) as { code?: number; stderr?: string };
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      'Unknown parameter in SelfManagedKafkaEventSourceConfig: "ConsumptionMode"',
    );
    // Nothing was created: the original is still the only mapping on that topic.
    await expect(settled(original.mapping.UUID ?? '')).resolves.toMatchObject({
      Topics: ['orders.queue-mode'],
    });
  });

  it('several mappings: the usage line (jq loop over the array, --cli-input-json given the JSON text) run by sh recreates them', async () => {
    // An emulator of its own: these originals would be duplicates of the other tests' ones.
    const loopEmu = await startEmulator({
      transitionMs: TRANSITION_MS,
      seed: { region: REGION, functions: seedFunctions(), mappings: [] },
    });
    const loopDir = await mkdtemp(join(tmpdir(), 'cli-input-json-loop-'));
    try {
      const client = loopEmu.lambda({ maxAttempts: 3 });
      const types = ['sqs', 'dynamodb'] as const;
      const originals = await Promise.all(
        types.map(async (type) =>
          read(await createOriginal(originalRequest(type), client), client),
        ),
      );
      const out = toCliInputJson(
        originals.map(({ mapping, tags }) =>
          toMappingCode(mapping, { region: REGION, tags, includeDefaults: false }),
        ),
        { functionReference: 'literal' },
      );
      expect(out.fileName).toBe('create-event-source-mappings.json');
      await writeFile(join(loopDir, out.fileName), out.text);
      await Promise.all(originals.map(({ mapping }) => deleteAndWait(mapping.UUID ?? '', client)));

      // The usage line as the panel shows it, in the directory of the downloaded file; awscli v1
      // takes the endpoint from AWS_ENDPOINT_URL and the region from AWS_DEFAULT_REGION.
      const { stdout } = await run('/bin/sh', ['-c', CLI_INPUT_JSON_LOOP], {
        cwd: loopDir,
        env: { ...awsEnv(), AWS_ENDPOINT_URL: loopEmu.endpoint },
        timeout: 30_000,
      });
      const printed = stdout
        .split(/\n(?=\{)/)
        .map((chunk) => JSON.parse(chunk) as EventSourceMappingConfiguration);
      expect(printed).toHaveLength(types.length);
      for (const [i, created] of printed.entries()) {
        const original = originals[i];
        const recreated = await read(created.UUID ?? '', client);
        expect(recreated.mapping.UUID).not.toBe(original?.mapping.UUID);
        expect(comparable(recreated.mapping), types[i]).toEqual(
          comparable(original?.mapping ?? {}),
        );
        expect(recreated.tags).toEqual(original?.tags);
      }
    } finally {
      await loopEmu.close();
      await rm(loopDir, { recursive: true, force: true });
    }
  });

  it('the AWS CLI script (toCliScript, functions as variables) run by sh recreates the mappings', async () => {
    // An emulator of its own: these originals would be duplicates of the JSON tests' ones.
    const scriptEmu = await startEmulator({
      transitionMs: TRANSITION_MS,
      seed: { region: REGION, functions: seedFunctions(), mappings: [] },
    });
    try {
      const client = scriptEmu.lambda({ maxAttempts: 3 });
      const originals = await Promise.all(
        SCRIPT_TYPES.map(async (type) =>
          read(await createOriginal(originalRequest(type), client), client),
        ),
      );
      const codes = originals.map(({ mapping, tags }) =>
        toMappingCode(mapping, { region: REGION, tags, includeDefaults: false }),
      );
      const { text } = toCliScript(codes, { functionReference: 'reference' });
      await Promise.all(originals.map(({ mapping }) => deleteAndWait(mapping.UUID ?? '', client)));

      // The script names no endpoint; awscli v1 (since 1.29) takes it from AWS_ENDPOINT_URL.
      const { stdout } = await run('/bin/sh', ['-c', text], {
        env: { ...awsEnv(), AWS_ENDPOINT_URL: scriptEmu.endpoint },
        timeout: 50_000,
      });
      // Each command prints its new mapping (pretty JSON objects, one after the other).
      const printed = stdout
        .split(/\n(?=\{)/)
        .map((chunk) => JSON.parse(chunk) as EventSourceMappingConfiguration);
      expect(printed).toHaveLength(SCRIPT_TYPES.length);
      for (const [i, created] of printed.entries()) {
        const original = originals[i];
        const recreated = await read(created.UUID ?? '', client);
        expect(recreated.mapping.UUID).not.toBe(original?.mapping.UUID);
        expect(comparable(recreated.mapping), SCRIPT_TYPES[i]).toEqual(
          comparable(original?.mapping ?? {}),
        );
        expect(recreated.tags).toEqual(original?.tags);
      }
    } finally {
      await scriptEmu.close();
    }
  });
});
