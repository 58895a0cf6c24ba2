/**
 * Seed data: the JSON format accepted by `--seed FILE.json` and `POST /_emulator/reset`, how it
 * is loaded into the store, the deterministic default seed (≥ 1,500 mappings over ≥ 200
 * functions, every source type; reference §1.3 for which members AWS fills per source) and the
 * deterministic scale seed `default:N` (N mappings with every health class, for fleet-size tests).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  applyResponseDefaults,
  detectEventSource,
  userActionReason,
} from './domain/mapping-rules.ts';
import {
  type EventSourceMappingConfiguration,
  type FunctionConfiguration,
  MAPPING_STATES,
  type MappingState,
  type SourceAccessConfiguration,
  TRANSITIONAL_STATES,
} from './domain/model.ts';
import { mulberry32 } from './domain/prng.ts';
import { validateSeed } from './seed-schema.ts';
import type { FunctionRecord, Store } from './store.ts';

/** A function in a seed. Only `FunctionName` is required; the rest get plausible defaults. */
export interface SeedFunction {
  FunctionName: string;
  Runtime?: string;
  Handler?: string;
  Description?: string;
  /** MB. */
  MemorySize?: number;
  /** Seconds. */
  Timeout?: number;
  /** Bytes. */
  CodeSize?: number;
  /** ISO-8601, e.g. `2026-05-03T10:22:31.000+0000`. */
  LastModified?: string;
  Role?: string;
  Architectures?: string[];
  /** Published version numbers, e.g. `["1","2","3"]`. */
  Versions?: string[];
  /** Alias name → version number (or `$LATEST`). */
  Aliases?: Record<string, string>;
}

/**
 * A mapping in a seed: `EventSourceMappingConfiguration` wire members, where `FunctionName` may
 * replace `FunctionArn`, `Enabled` may replace `State` (default `Enabled`), and `UUID`,
 * `LastModified` (epoch seconds), `EventSourceMappingArn`, `StateTransitionReason` and the
 * per-source defaults are filled in when absent.
 *
 * `State` may be any of the seven states. A transitional one (`Creating`, `Enabling`,
 * `Disabling`, `Updating`, `Deleting`) is loaded as it is and never advanced — a **stuck**
 * mapping, as when AWS leaves one in a transitional state for hours: no transition timer runs,
 * Get/List keep answering that State and its `LastModified`, and Update/Delete answer
 * `ResourceInUseException` like any mapping in transition.
 */
export interface SeedMapping extends EventSourceMappingConfiguration {
  FunctionName?: string;
  Enabled?: boolean;
}

/** Seed document. `region` defaults to `us-east-1`. */
export interface SeedData {
  region?: string;
  functions?: SeedFunction[];
  mappings?: SeedMapping[];
}

/**
 * What `--seed` / `reset` accept: a named seed (`default`, `default:N` — see
 * {@link generateScaleSeed} —, `none`), a JSON file path, or a seed object.
 */
export type SeedOption = 'default' | 'none' | `default:${number}` | string | SeedData;

/** Largest N of the scale seed `default:N`. */
export const SCALE_SEED_MAX_MAPPINGS = 50_000;

/**
 * Reads the N of a `default:N` seed option.
 * @param option a seed option string.
 * @returns N (1..{@link SCALE_SEED_MAX_MAPPINGS}), or `undefined` when the option is not of the
 *   `default:` form.
 * @throws Error `Seed default:<x>: N must be an integer from 1 to 50000` for any other N.
 */
export function scaleSeedSize(option: string): number | undefined {
  if (!option.startsWith('default:')) return undefined;
  const raw = option.slice('default:'.length);
  const n = /^[0-9]{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > SCALE_SEED_MAX_MAPPINGS) {
    throw new Error(
      `Seed ${option}: N must be an integer from 1 to ${SCALE_SEED_MAX_MAPPINGS} (default:N generates N mappings)`,
    );
  }
  return n;
}

/** Account and region the default seed lives in. */
export const DEFAULT_SEED_REGION = 'us-east-1';

/**
 * Resolves a seed option to seed data (one region).
 * @param option `default`, `default:N`, `none`, a path to a JSON file, or a seed object.
 * @param accountId account the generated seeds' ARNs use.
 * @throws Error if the file cannot be read or is not a JSON object, if a file or object does
 *   not match the seed schema (`seed-schema.ts`: the message names the file and each bad
 *   member), or for a bad `default:N`.
 */
export function resolveSeed(option: SeedOption, accountId: string): SeedData {
  if (typeof option !== 'string') {
    validateSeed(option, 'Seed');
    return option;
  }
  if (option === 'default') return generateDefaultSeed(accountId);
  const scale = scaleSeedSize(option);
  if (scale !== undefined) return generateScaleSeed(scale, accountId);
  if (option === 'none') return {};
  const text = readFileSync(option, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`Seed file ${option} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Seed file ${option} must contain a JSON object`);
  }
  validateSeed(parsed, `Seed file ${option}`);
  return parsed as SeedData;
}

function sha(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function isoLambdaDate(epochSeconds: number): string {
  return new Date(Math.floor(epochSeconds) * 1000).toISOString().replace('Z', '+0000');
}

function functionRecord(seed: SeedFunction, region: string, accountId: string): FunctionRecord {
  const name = seed.FunctionName;
  const digest = sha(name);
  const arn = `arn:aws:lambda:${region}:${accountId}:function:${name}`;
  const latest: FunctionConfiguration = {
    FunctionName: name,
    FunctionArn: arn,
    Runtime: seed.Runtime ?? 'nodejs20.x',
    Role: seed.Role ?? `arn:aws:iam::${accountId}:role/service-role/${name}-role`,
    Handler: seed.Handler ?? 'index.handler',
    CodeSize: seed.CodeSize ?? 1024 + (digest.readUInt32BE(0) % 5_000_000),
    Description: seed.Description ?? '',
    Timeout: seed.Timeout ?? 3,
    MemorySize: seed.MemorySize ?? 128,
    LastModified: seed.LastModified ?? '2026-01-15T09:30:00.000+0000',
    CodeSha256: digest.toString('base64'),
    Version: '$LATEST',
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: uuidFrom(sha(`${name}:rev`)),
    PackageType: 'Zip',
    Architectures: seed.Architectures ?? ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
  };
  const versions = new Map<string, FunctionConfiguration>();
  for (const v of seed.Versions ?? []) {
    versions.set(v, {
      ...latest,
      FunctionArn: `${arn}:${v}`,
      Version: v,
      CodeSha256: sha(`${name}:${v}`).toString('base64'),
      RevisionId: uuidFrom(sha(`${name}:${v}:rev`)),
    });
  }
  return { latest, versions, aliases: new Map(Object.entries(seed.Aliases ?? {})) };
}

/**
 * Replaces the contents of one region with the seed's functions and mappings. Mappings in a
 * transitional State stay in it (stuck; see {@link SeedMapping}).
 * @param store target store (the seed's region is overwritten, others are untouched).
 * @param seed seed data.
 * @throws Error for a mapping whose source cannot be detected or whose State is not one of the
 *   seven states.
 */
export function applySeed(store: Store, seed: SeedData): void {
  const region = seed.region ?? DEFAULT_SEED_REGION;
  const state = store.region(region);
  state.functions.clear();
  state.mappings.clear();
  const now = Date.now() / 1000;
  for (const fn of seed.functions ?? []) {
    if (typeof fn?.FunctionName !== 'string') throw new Error('Seed function without FunctionName');
    state.functions.set(fn.FunctionName, functionRecord(fn, region, store.accountId));
  }
  for (const [i, m] of (seed.mappings ?? []).entries()) {
    const { FunctionName, Enabled, ...wire } = structuredClone(m);
    const config: EventSourceMappingConfiguration = wire;
    let source;
    try {
      source = detectEventSource(
        config.EventSourceArn,
        config.SelfManagedEventSource !== undefined,
      );
    } catch {
      throw new Error(`Seed mapping #${i}: unrecognized event source`);
    }
    if (
      config.State !== undefined &&
      !(MAPPING_STATES as readonly string[]).includes(config.State)
    ) {
      throw new Error(`Seed mapping #${i}: State must be one of ${MAPPING_STATES.join(', ')}`);
    }
    config.UUID ??= randomUUID();
    if (config.FunctionArn === undefined) {
      if (FunctionName === undefined) throw new Error(`Seed mapping #${i}: no FunctionArn`);
      config.FunctionArn = FunctionName.startsWith('arn:')
        ? FunctionName
        : `arn:aws:lambda:${region}:${store.accountId}:function:${FunctionName}`;
    }
    config.State ??= Enabled === false ? 'Disabled' : 'Enabled';
    config.StateTransitionReason ??= userActionReason(source);
    config.LastModified ??= now;
    config.EventSourceMappingArn ??= `arn:aws:lambda:${region}:${store.accountId}:event-source-mapping:${config.UUID}`;
    applyResponseDefaults(source, config);
    state.mappings.set(config.UUID, {
      seq: state.nextSeq(),
      config,
      // Where a stuck mapping would settle if it ever did (it does not: no timer is scheduled).
      enabled:
        config.State === 'Enabled' ||
        config.State === 'Enabling' ||
        (config.State !== 'Disabled' && config.State !== 'Disabling' && Enabled !== false),
    });
  }
}

// ------------------------------------------------------------------------------------------
// Deterministic default seed
// ------------------------------------------------------------------------------------------

function uuidFrom(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  }
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted pick from empty list');
    return last[0];
  }
  uuid(): string {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i += 1) bytes[i] = this.int(0, 255);
    return uuidFrom(bytes);
  }
  chars(alphabet: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i += 1) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }
}

// prettier-ignore
const DOMAINS = [
  'orders', 'payments', 'inventory', 'shipping', 'billing', 'invoices', 'customers', 'accounts',
  'notifications', 'email', 'sms', 'catalog', 'search', 'pricing', 'promotions', 'cart',
  'checkout', 'fraud', 'risk', 'ledger', 'reporting', 'analytics', 'clickstream', 'telemetry',
  'audit', 'returns', 'refunds', 'subscriptions', 'loyalty', 'reviews', 'recommendations',
  'media', 'thumbnails', 'documents', 'devices', 'sensors', 'fleet', 'tracking', 'warehouse',
  'fulfillment', 'partners', 'webhooks', 'crm', 'tickets', 'chat', 'identity', 'sessions', 'geo',
  'tax', 'currency',
] as const;
// prettier-ignore
const ROLES = [
  'ingest', 'processor', 'consumer', 'handler', 'worker', 'sync', 'indexer', 'aggregator',
  'enricher', 'projector', 'archiver', 'replicator', 'fanout', 'dlq-redrive', 'notifier',
  'validator',
] as const;
// prettier-ignore
const QUEUE_SUFFIXES = [
  'events', 'jobs', 'commands', 'tasks', 'retry', 'inbound', 'outbound', 'updates', 'requests',
  'work',
] as const;
const EVENTS = [
  'created',
  'updated',
  'deleted',
  'settled',
  'changed',
  'completed',
  'failed',
] as const;
const RUNTIMES = [
  ['nodejs20.x', 'index.handler'],
  ['nodejs22.x', 'index.handler'],
  ['nodejs18.x', 'index.handler'],
  ['python3.12', 'app.handler'],
  ['python3.13', 'lambda_function.lambda_handler'],
  ['python3.11', 'app.lambda_handler'],
  ['java21', 'com.example.events.Handler::handleRequest'],
  ['provided.al2023', 'bootstrap'],
  ['dotnet8', 'Consumer::Consumer.Function::FunctionHandler'],
  ['ruby3.3', 'function.handler'],
] as const;

type SeedSourceKind =
  | 'sqs'
  | 'sqs-fifo'
  | 'kinesis'
  | 'kinesis-consumer'
  | 'dynamodb'
  | 'msk'
  | 'kafka'
  | 'activemq'
  | 'rabbitmq'
  | 'docdb';

const SOURCE_WEIGHTS: ReadonlyArray<readonly [SeedSourceKind, number]> = [
  ['sqs', 33],
  ['sqs-fifo', 8],
  ['kinesis', 12],
  ['kinesis-consumer', 4],
  ['dynamodb', 15],
  ['msk', 8],
  ['kafka', 7],
  ['activemq', 5],
  ['rabbitmq', 4],
  ['docdb', 4],
];

const KAFKA_PROBLEMS = [
  'PROBLEM: Cluster failed to authorize Lambda.',
  'PROBLEM: SASL authentication failed.',
  'PROBLEM: Server failed to authenticate Lambda.',
  'PROBLEM: Lambda failed to authenticate server.',
  'PROBLEM: Provided certificate or private key is invalid.',
  'PROBLEM: Function call failed',
];
const LAMBDA_DISABLE_REASONS = [
  'ESM_CONFIG_NOT_VALID',
  'EVENT_SOURCE_AUTHN_ERROR',
  'EVENT_SOURCE_AUTHZ_ERROR',
  'FUNCTION_CONFIG_NOT_VALID',
];

/** Number of mappings and functions in the default seed. */
export const DEFAULT_SEED_SIZE = {
  mappings: 1600,
  functionNames: 232,
  orphanFunctions: 6,
} as const;

interface SeedFn {
  name: string;
  domain: string;
  env: string;
  versions: string[];
  aliases: Record<string, string>;
  orphan: boolean;
}

function pascal(text: string): string {
  return text
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** The seed's fixed reference instant, 2026-11-01T00:00:00Z, in epoch seconds. */
const SEED_REFERENCE_EPOCH_SECONDS = Date.UTC(2026, 10, 1) / 1000;

/**
 * ARN builders for one seeded region: `arn(service, resource)` and `secret(path)`, a Secrets
 * Manager secret ARN with the 6-character random suffix AWS appends (drawn from `rng`, so the
 * seed stays deterministic).
 */
function arnBuilders(
  rng: Rng,
  region: string,
  accountId: string,
): { arn: (service: string, resource: string) => string; secret: (path: string) => string } {
  const arn = (service: string, resource: string): string =>
    `arn:aws:${service}:${region}:${accountId}:${resource}`;
  const secret = (path: string): string =>
    arn(
      'secretsmanager',
      `secret:${path}-${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 6)}`,
    );
  return { arn, secret };
}

/**
 * The seed functions of the generated function names that still exist (orphans' functions are
 * deleted): plausible runtime, memory, timeout, size, role and architecture drawn from `rng`, in
 * order (the same draws as always, so seeds stay deterministic).
 * @param fns generated functions.
 * @param rng the seed's PRNG.
 * @param base reference instant (epoch seconds); `LastModified` falls in the 300 days before it.
 * @param accountId account of the role ARNs.
 */
function seedFunctionsOf(
  fns: readonly SeedFn[],
  rng: Rng,
  base: number,
  accountId: string,
): SeedFunction[] {
  return fns
    .filter((f) => !f.orphan)
    .map((f) => {
      const [runtime, handler] = rng.pick(RUNTIMES);
      return {
        FunctionName: f.name,
        Runtime: runtime,
        Handler: handler,
        Description: `${pascal(f.domain)} ${f.name.slice(f.domain.length + 1, -(f.env.length + 1)).replace(/-/g, ' ')} (${f.env})`,
        MemorySize: rng.pick([128, 256, 512, 1024, 1769, 2048, 3008]),
        Timeout: rng.pick([3, 10, 30, 60, 120, 300, 900]),
        CodeSize: rng.int(2_000, 48_000_000),
        LastModified: isoLambdaDate(base - rng.int(0, 300 * 86400)),
        Role: `arn:aws:iam::${accountId}:role/service-role/${f.name}-role-${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 8)}`,
        Architectures: [rng.chance(0.35) ? 'arm64' : 'x86_64'],
        Versions: f.versions,
        Aliases: f.aliases,
      };
    });
}

/**
 * Builds the default seed. Deterministic: a fixed-seed PRNG and a fixed reference instant
 * (2026-11-01T00:00:00Z) give the same names, UUIDs and timestamps on every run;
 * `LastModified` values spread over the ~10 months before that instant.
 * @param accountId account used in every ARN (default seed uses `123456789012`).
 * @returns seed data for `us-east-1`.
 */
export function generateDefaultSeed(accountId = '123456789012'): SeedData {
  const rng = new Rng(0x5eed2026);
  const region = DEFAULT_SEED_REGION;
  const base = SEED_REFERENCE_EPOCH_SECONDS;
  const { arn, secret } = arnBuilders(rng, region, accountId);

  // Functions
  // A few well-known names first, so docs and tests can rely on them.
  const fns: SeedFn[] = [
    {
      name: 'orders-ingest-prod',
      domain: 'orders',
      env: 'prod',
      versions: ['1', '2', '3', '4', '5'],
      aliases: { live: '5', canary: '4' },
      orphan: false,
    },
    {
      name: 'payments-processor-prod',
      domain: 'payments',
      env: 'prod',
      versions: ['1', '2'],
      aliases: { live: '2' },
      orphan: false,
    },
    {
      name: 'inventory-sync-staging',
      domain: 'inventory',
      env: 'staging',
      versions: [],
      aliases: {},
      orphan: false,
    },
  ];
  const names = new Set<string>(fns.map((f) => f.name));
  while (fns.length < DEFAULT_SEED_SIZE.functionNames) {
    const domain = rng.pick(DOMAINS);
    const env = rng.weighted([
      ['prod', 5],
      ['staging', 3],
      ['dev', 2],
    ] as const);
    const name = `${domain}-${rng.pick(ROLES)}-${env}`;
    if (names.has(name)) continue;
    names.add(name);
    const versions: string[] = [];
    const aliases: Record<string, string> = {};
    if (rng.chance(0.4)) {
      const count = rng.int(1, 12);
      for (let v = 1; v <= count; v += 1) versions.push(String(v));
      aliases.live = String(count);
      if (count > 1 && rng.chance(0.4)) aliases.canary = String(count - 1);
      if (env === 'prod' && rng.chance(0.5)) aliases.prod = String(count);
    }
    fns.push({ name, domain, env, versions, aliases, orphan: false });
  }
  // A few functions were deleted after their mappings were created (orphans, reference §3.2).
  for (let i = 0; i < DEFAULT_SEED_SIZE.orphanFunctions; i += 1) {
    const fn = fns[10 + i * 37];
    if (fn) {
      fn.orphan = true;
      fn.versions = [];
      fn.aliases = {};
    }
  }

  const functions = seedFunctionsOf(fns, rng, base, accountId);

  // Mappings: every function gets one, the rest go to a skewed few (hub consumers).
  const mappings: SeedMapping[] = [];
  const taken = new Set<string>();
  const order: SeedFn[] = [...fns];
  const living = fns.filter((f) => !f.orphan);
  while (order.length < DEFAULT_SEED_SIZE.mappings * 3) {
    // Skewed towards the first functions, so a few hubs own dozens of mappings.
    const fn = living[Math.floor(Math.pow(rng.float(), 1.8) * living.length)];
    if (fn) order.push(fn);
  }
  for (const fn of order) {
    // The last place is the fixed OAuth mapping below.
    if (mappings.length >= DEFAULT_SEED_SIZE.mappings - 1) break;
    const kind = rng.weighted(SOURCE_WEIGHTS);
    const mapping = buildMapping(rng, fn, kind, { arn, secret, base });
    const qualifierChoice = pickQualifier(rng, fn);
    mapping.FunctionArn = `arn:aws:lambda:${region}:${accountId}:function:${fn.name}${qualifierChoice}`;
    const key = duplicateKey(mapping);
    if (taken.has(key)) continue;
    taken.add(key);
    decorateState(rng, mapping, kind, fn.orphan);
    mappings.push(mapping);
  }
  withNewerSettings(mappings);
  mappings.push(oauthKafkaMapping(region, accountId, base));
  return { region, functions, mappings };
}

/** UUID of the default seed's self-managed Kafka mapping with OAuth (OAUTHBEARER_AUTH…). */
export const SEED_OAUTH_KAFKA_MAPPING_UUID = uuidFrom(sha('seed:self-managed-kafka-oauth'));

/**
 * A self-managed Kafka mapping (Confluent Cloud style) authenticating with SASL/OAUTHBEARER: the
 * 3.1164.0 SourceAccessTypes OAUTHBEARER_AUTH, _SCOPE (two scopes: a space), _AUDIENCE,
 * _LOGICAL_CLUSTER and _IDENTITY_POOL, in provisioned mode with all three metrics and tags.
 * Fixed values (no PRNG draw), so tests can name it by {@link SEED_OAUTH_KAFKA_MAPPING_UUID}.
 */
function oauthKafkaMapping(region: string, accountId: string, base: number): SeedMapping {
  return {
    UUID: SEED_OAUTH_KAFKA_MAPPING_UUID,
    LastModified: base - 2 * 86400,
    FunctionArn: `arn:aws:lambda:${region}:${accountId}:function:orders-ingest-prod`,
    SelfManagedEventSource: {
      Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['pkc-9x3v2.us-east-1.aws.confluent.cloud:9092'] },
    },
    Topics: ['orders.placed'],
    StartingPosition: 'LATEST',
    BatchSize: 500,
    SourceAccessConfigurations: [
      {
        Type: 'OAUTHBEARER_AUTH',
        URI: `arn:aws:secretsmanager:${region}:${accountId}:secret:kafka/confluent-oauth-Q7mZ2k`,
      },
      { Type: 'OAUTHBEARER_SCOPE', URI: 'kafka.read kafka.write' },
      { Type: 'OAUTHBEARER_AUDIENCE', URI: 'https://confluent.cloud/kafka' },
      { Type: 'OAUTHBEARER_LOGICAL_CLUSTER', URI: 'lkc-9x3v2' },
      { Type: 'OAUTHBEARER_IDENTITY_POOL', URI: 'pool-W8nq' },
    ],
    SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-ingest-prod-oauth' },
    ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 10 },
    MetricsConfig: { Metrics: ['EventCount', 'ErrorCount', 'KafkaMetrics'] },
    Tags: { team: 'orders', env: 'prod', auth: 'oauth' },
  };
}

/**
 * The newer settings on some generated mappings, chosen by position (no PRNG draw, so the rest
 * of the seed is unchanged): tags (`team`, `env` from the function name) on every third;
 * provisioned mode on every fourth Kafka mapping (with all three metrics, system logs on every
 * other one) and on every ninth standard SQS mapping without maximum concurrency (the two are
 * exclusive); EventCount metrics on every tenth Kinesis or DynamoDB mapping.
 */
function withNewerSettings(mappings: SeedMapping[]): void {
  mappings.forEach((m, i) => {
    const name = m.FunctionArn?.split(':')[6] ?? '';
    if (i % 3 === 0 && name !== '') {
      const parts = name.split('-');
      m.Tags = { team: parts[0] ?? name, env: parts[parts.length - 1] ?? '' };
    }
    const service = m.EventSourceArn?.split(':')[2];
    const kafka = m.SelfManagedEventSource !== undefined || service === 'kafka';
    if (kafka && i % 4 === 0) {
      m.ProvisionedPollerConfig = {
        MinimumPollers: 1 + (i % 3),
        MaximumPollers: 10 * (1 + (i % 5)),
      };
      m.MetricsConfig = { Metrics: ['EventCount', 'ErrorCount', 'KafkaMetrics'] };
      if (i % 8 === 0) m.LoggingConfig = { SystemLogLevel: 'INFO' };
    }
    const sqs = service === 'sqs' && !(m.EventSourceArn ?? '').endsWith('.fifo');
    if (sqs && i % 9 === 0 && m.ScalingConfig === undefined) {
      m.ProvisionedPollerConfig = { MinimumPollers: 2, MaximumPollers: 20 + (i % 50) };
    }
    if ((service === 'kinesis' || service === 'dynamodb') && i % 10 === 0) {
      m.MetricsConfig = { Metrics: ['EventCount'] };
    }
  });
}

/** Region of the default seed's second, small data set (the console's region switch). */
export const SECOND_SEED_REGION = 'eu-west-1';

/** Number of mappings and functions in the second region of the default seed. */
export const SECOND_SEED_SIZE = { mappings: 20, functions: 8 } as const;

// prettier-ignore
const SECOND_REGION_FUNCTIONS = [
  ['orders', 'ingest'], ['payments', 'processor'], ['invoices', 'archiver'], ['tax', 'validator'],
  ['shipping', 'tracker'], ['customers', 'sync'], ['audit', 'aggregator'], ['catalog', 'indexer'],
] as const;

const SECOND_REGION_KINDS: readonly SeedSourceKind[] = [
  'sqs',
  'dynamodb',
  'kinesis',
  'sqs-fifo',
  'msk',
  'rabbitmq',
  'docdb',
  'kafka',
];

/**
 * Builds the second region of the default seed: {@link SECOND_SEED_SIZE} mappings over a few
 * `*-eu-prod` functions in {@link SECOND_SEED_REGION}, so that switching regions shows different
 * data. Deterministic like {@link generateDefaultSeed} (own PRNG seed, same reference instant).
 * @param accountId account used in every ARN.
 * @returns seed data for `eu-west-1`.
 */
export function generateSecondRegionSeed(accountId = '123456789012'): SeedData {
  const rng = new Rng(0xe0e51);
  const region = SECOND_SEED_REGION;
  const base = SEED_REFERENCE_EPOCH_SECONDS;
  const { arn, secret } = arnBuilders(rng, region, accountId);
  const fns: SeedFn[] = SECOND_REGION_FUNCTIONS.map(([domain, role]) => ({
    name: `${domain}-${role}-eu-prod`,
    domain,
    env: 'prod',
    versions: [],
    aliases: {},
    orphan: false,
  }));
  const functions: SeedFunction[] = fns.map((f) => ({
    FunctionName: f.name,
    Runtime: 'nodejs22.x',
    Handler: 'index.handler',
    Description: `${pascal(f.domain)} (eu-west-1)`,
    MemorySize: 512,
    Timeout: 60,
    LastModified: isoLambdaDate(base - rng.int(0, 60 * 86400)),
    Architectures: ['arm64'],
  }));
  const mappings: SeedMapping[] = [];
  const taken = new Set<string>();
  for (let i = 0; mappings.length < SECOND_SEED_SIZE.mappings; i += 1) {
    const fn = fns[i % fns.length];
    const kind = SECOND_REGION_KINDS[i % SECOND_REGION_KINDS.length];
    if (!fn || !kind) throw new Error('empty second-region seed tables');
    const mapping = buildMapping(rng, fn, kind, { arn, secret, base });
    mapping.FunctionArn = `arn:aws:lambda:${region}:${accountId}:function:${fn.name}`;
    const key = duplicateKey(mapping);
    if (taken.has(key)) continue;
    taken.add(key);
    decorateState(rng, mapping, kind, false);
    mappings.push(mapping);
  }
  return { region, functions, mappings };
}

/**
 * Resolves a seed option to the seed data of every region it fills: the default seed is
 * `us-east-1` ({@link generateDefaultSeed}) plus `eu-west-1` ({@link generateSecondRegionSeed});
 * `default:N` is the scale seed in `us-east-1` ({@link generateScaleSeed}) plus the same
 * `eu-west-1`; any other option is one region (see {@link resolveSeed}).
 * @param option `default`, `default:N`, `none`, a path to a JSON file, or a seed object.
 * @param accountId account the generated seeds' ARNs use.
 * @throws Error if the file cannot be read or is not a JSON object, or for a bad `default:N`.
 */
export function resolveSeeds(option: SeedOption, accountId: string): SeedData[] {
  if (option === 'default') {
    return [generateDefaultSeed(accountId), generateSecondRegionSeed(accountId)];
  }
  const scale = typeof option === 'string' ? scaleSeedSize(option) : undefined;
  return scale !== undefined
    ? [generateScaleSeed(scale, accountId), generateSecondRegionSeed(accountId)]
    : [resolveSeed(option, accountId)];
}

function pickQualifier(rng: Rng, fn: SeedFn): string {
  const aliases = Object.keys(fn.aliases);
  if (aliases.length > 0 && rng.chance(0.45)) return `:${rng.pick(aliases)}`;
  if (fn.versions.length > 0 && rng.chance(0.15)) return `:${rng.pick(fn.versions)}`;
  return '';
}

function duplicateKey(m: SeedMapping): string {
  if (m.SelfManagedEventSource) {
    return `${m.FunctionArn}|${m.SelfManagedEventSource.Endpoints?.KAFKA_BOOTSTRAP_SERVERS?.[0]}|${m.Topics?.[0]}`;
  }
  return `${m.FunctionArn}|${m.EventSourceArn}|${m.Topics?.[0] ?? ''}|${m.Queues?.[0] ?? ''}`;
}

interface SeedHelpers {
  arn: (service: string, resource: string) => string;
  secret: (path: string) => string;
  base: number;
}

const MSK_CLUSTER_IDS = [
  '5a1c2b3d-4e5f-4789-abcd-ef0123456789-2',
  '9f8e7d6c-5b4a-4321-8fed-cba987654321-5',
];

function filterFor(rng: Rng, domain: string, kind: SeedSourceKind): string {
  const event = rng.pick(EVENTS);
  if (kind === 'sqs' || kind === 'sqs-fifo') {
    return JSON.stringify({ body: { eventType: [`${pascal(domain)}${pascal(event)}`] } });
  }
  if (kind === 'dynamodb') {
    return JSON.stringify({ eventName: [rng.pick(['INSERT', 'MODIFY', 'REMOVE'])] });
  }
  return JSON.stringify({ data: { type: [`${domain}.${event}`] } });
}

function buildMapping(rng: Rng, fn: SeedFn, kind: SeedSourceKind, h: SeedHelpers): SeedMapping {
  const { domain, env } = fn;
  const m: SeedMapping = {
    UUID: rng.uuid(),
    LastModified: Math.round((h.base - rng.int(0, 300 * 86400) - rng.float()) * 1000) / 1000,
  };
  const maybeFilter = (p: number): void => {
    if (rng.chance(p)) m.FilterCriteria = { Filters: [{ Pattern: filterFor(rng, domain, kind) }] };
  };
  const streamOptions = (): void => {
    m.BatchSize = rng.pick([100, 100, 100, 10, 25, 200, 500, 1000, 5000, 10000]);
    m.MaximumBatchingWindowInSeconds = rng.pick([0, 0, 0, 1, 5, 10, 30]);
    m.ParallelizationFactor = rng.pick([1, 1, 1, 1, 2, 4, 10]);
    if (rng.chance(0.4)) {
      m.DestinationConfig = {
        OnFailure: {
          Destination: rng.chance(0.7)
            ? h.arn('sqs', `${fn.name}-dlq`)
            : h.arn('sns', `${domain}-alerts-${env}`),
        },
      };
    }
    m.MaximumRecordAgeInSeconds = rng.chance(0.6) ? -1 : rng.pick([3600, 21600, 86400, 604800]);
    m.BisectBatchOnFunctionError = rng.chance(0.3);
    m.MaximumRetryAttempts = rng.chance(0.5) ? -1 : rng.pick([0, 2, 3, 5, 10, 100]);
    m.TumblingWindowInSeconds = rng.chance(0.1) ? rng.pick([60, 120, 300]) : 0;
    m.FunctionResponseTypes = rng.chance(0.35) ? ['ReportBatchItemFailures'] : [];
    maybeFilter(0.12);
  };
  switch (kind) {
    case 'sqs': {
      const partition = rng.chance(0.3) ? `-${rng.int(1, 8)}` : '';
      m.EventSourceArn = h.arn('sqs', `${domain}-${rng.pick(QUEUE_SUFFIXES)}${partition}-${env}`);
      m.BatchSize = rng.pick([1, 5, 10, 10, 10, 10, 20, 50, 100, 500, 1000, 10000]);
      m.MaximumBatchingWindowInSeconds =
        m.BatchSize > 10 ? rng.int(1, 20) : rng.pick([0, 0, 0, 1, 5]);
      m.FunctionResponseTypes = rng.chance(0.45) ? ['ReportBatchItemFailures'] : [];
      if (rng.chance(0.25)) {
        m.ScalingConfig = { MaximumConcurrency: rng.pick([2, 5, 10, 20, 50, 100, 250]) };
      }
      maybeFilter(0.15);
      if (rng.chance(0.1)) m.MetricsConfig = { Metrics: ['EventCount'] };
      break;
    }
    case 'sqs-fifo':
      m.EventSourceArn = h.arn('sqs', `${domain}-${rng.pick(QUEUE_SUFFIXES)}-${env}.fifo`);
      m.BatchSize = rng.int(1, 10);
      m.MaximumBatchingWindowInSeconds = 0;
      m.FunctionResponseTypes = rng.chance(0.5) ? ['ReportBatchItemFailures'] : [];
      maybeFilter(0.1);
      break;
    case 'kinesis':
    case 'kinesis-consumer': {
      const stream = `${domain}-${rng.pick(['events', 'stream', 'changes', 'firehose-src'])}-${env}`;
      m.EventSourceArn =
        kind === 'kinesis'
          ? h.arn('kinesis', `stream/${stream}`)
          : h.arn(
              'kinesis',
              `stream/${stream}/consumer/${fn.name}-efo:${Math.floor(h.base) - rng.int(300, 400) * 86400}`,
            );
      streamOptions();
      const position = rng.weighted([
        ['LATEST', 5],
        ['TRIM_HORIZON', 4],
        ['AT_TIMESTAMP', 1],
      ] as const);
      m.StartingPosition = position;
      if (position === 'AT_TIMESTAMP') {
        m.StartingPositionTimestamp = Math.floor(
          (m.LastModified ?? h.base) - rng.int(1, 30) * 86400,
        );
      }
      break;
    }
    case 'dynamodb': {
      const table = `${pascal(domain)}${rng.pick(['', 'Items', 'Events', 'State', 'Index'])}-${env}`;
      const label = new Date((h.base - rng.int(200 * 86400, 900 * 86400) - rng.float()) * 1000)
        .toISOString()
        .slice(0, 23);
      m.EventSourceArn = h.arn('dynamodb', `table/${table}/stream/${label}`);
      streamOptions();
      m.StartingPosition = rng.chance(0.55) ? 'LATEST' : 'TRIM_HORIZON';
      break;
    }
    case 'msk': {
      const cluster = rng.pick(['events', 'analytics', 'payments']);
      m.EventSourceArn = h.arn('kafka', `cluster/${cluster}-${env}/${rng.pick(MSK_CLUSTER_IDS)}`);
      m.Topics = [`${domain}.${rng.pick(EVENTS)}`];
      m.BatchSize = rng.pick([100, 100, 500, 1000, 10000]);
      if (rng.chance(0.4)) m.MaximumBatchingWindowInSeconds = rng.pick([1, 5, 10]);
      m.StartingPosition = rng.chance(0.6) ? 'LATEST' : 'TRIM_HORIZON';
      m.AmazonManagedKafkaEventSourceConfig = {
        ConsumerGroupId: rng.chance(0.5) ? `${fn.name}-cg` : (m.UUID ?? ''),
      };
      const auth = rng.weighted([
        ['iam', 5],
        ['scram', 4],
        ['mtls', 1],
      ] as const);
      if (auth === 'scram') {
        m.SourceAccessConfigurations = [
          { Type: 'SASL_SCRAM_512_AUTH', URI: h.secret(`AmazonMSK_${cluster}-${env}`) },
        ];
      } else if (auth === 'mtls') {
        m.SourceAccessConfigurations = [
          {
            Type: 'CLIENT_CERTIFICATE_TLS_AUTH',
            URI: h.secret(`msk/${cluster}-${env}/client-cert`),
          },
        ];
      }
      maybeFilter(0.08);
      break;
    }
    case 'kafka': {
      const cluster = rng.pick(['onprem-kafka', 'confluent', 'legacy-kafka']);
      m.SelfManagedEventSource = {
        Endpoints: {
          KAFKA_BOOTSTRAP_SERVERS: [1, 2, 3].map(
            (i) => `b-${i}.${cluster}.${env}.corp.example.net:9094`,
          ),
        },
      };
      m.Topics = [`${domain}.${rng.pick(EVENTS)}`];
      m.BatchSize = rng.pick([100, 100, 500, 1000]);
      if (rng.chance(0.3)) m.MaximumBatchingWindowInSeconds = rng.pick([1, 5]);
      m.StartingPosition = rng.chance(0.5) ? 'LATEST' : 'TRIM_HORIZON';
      const access: SourceAccessConfiguration[] = [
        { Type: 'VPC_SUBNET', URI: `subnet:subnet-0${rng.chars('0123456789abcdef', 16)}` },
        { Type: 'VPC_SUBNET', URI: `subnet:subnet-0${rng.chars('0123456789abcdef', 16)}` },
        {
          Type: 'VPC_SECURITY_GROUP',
          URI: `security_group:sg-0${rng.chars('0123456789abcdef', 16)}`,
        },
      ];
      const auth = rng.pick([
        'SASL_SCRAM_512_AUTH',
        'SASL_SCRAM_256_AUTH',
        'BASIC_AUTH',
        'CLIENT_CERTIFICATE_TLS_AUTH',
      ]);
      access.push({ Type: auth, URI: h.secret(`kafka/${cluster}-${env}`) });
      if (auth === 'CLIENT_CERTIFICATE_TLS_AUTH') {
        access.push({
          Type: 'SERVER_ROOT_CA_CERTIFICATE',
          URI: h.secret(`kafka/${cluster}-root-ca`),
        });
      }
      m.SourceAccessConfigurations = access;
      m.SelfManagedKafkaEventSourceConfig = {
        ConsumerGroupId: rng.chance(0.4) ? `${fn.name}-group` : (m.UUID ?? ''),
      };
      break;
    }
    case 'activemq':
    case 'rabbitmq': {
      const engine = kind === 'activemq' ? 'activemq' : 'rabbitmq';
      const broker = `${domain}-${engine}-${env}`;
      const brokerId = `b-${uuidFrom(sha(broker))}`;
      m.EventSourceArn = h.arn('mq', `broker:${broker}:${brokerId}`);
      m.Queues = [
        kind === 'activemq'
          ? `${domain}.${rng.pick(QUEUE_SUFFIXES)}`
          : `${domain}-${rng.pick(QUEUE_SUFFIXES)}`,
      ];
      m.BatchSize = rng.pick([10, 100, 100, 100, 1000]);
      if (rng.chance(0.3)) m.MaximumBatchingWindowInSeconds = rng.pick([1, 5, 10]);
      m.SourceAccessConfigurations = [{ Type: 'BASIC_AUTH', URI: h.secret(`mq/${broker}`) }];
      if (kind === 'rabbitmq') {
        m.SourceAccessConfigurations.push({
          Type: 'VIRTUAL_HOST',
          URI: rng.chance(0.7) ? '/' : `/${domain}`,
        });
      }
      maybeFilter(0.05);
      break;
    }
    case 'docdb': {
      const cluster = `${domain}-docdb-${env}`;
      m.EventSourceArn = h.arn('rds', `cluster:${cluster}`);
      m.DocumentDBEventSourceConfig = {
        DatabaseName: domain.replace(/-/g, '_'),
        ...(rng.chance(0.7)
          ? {
              CollectionName: rng.pick([
                domain.replace(/-/g, '_'),
                'events',
                'documents',
                'history',
              ]),
            }
          : {}),
        FullDocument: rng.chance(0.5) ? 'UpdateLookup' : 'Default',
      };
      m.SourceAccessConfigurations = [{ Type: 'BASIC_AUTH', URI: h.secret(`docdb/${cluster}`) }];
      m.StartingPosition = rng.chance(0.6) ? 'LATEST' : 'TRIM_HORIZON';
      m.BatchSize = rng.pick([100, 100, 500, 1000]);
      if (rng.chance(0.3)) m.MaximumBatchingWindowInSeconds = rng.pick([1, 5, 10]);
      break;
    }
  }
  return m;
}

function decorateState(rng: Rng, m: SeedMapping, kind: SeedSourceKind, orphan: boolean): void {
  const isSqs = kind === 'sqs' || kind === 'sqs-fifo';
  const isKafka = kind === 'msk' || kind === 'kafka';
  const isStream = kind === 'kinesis' || kind === 'kinesis-consumer' || kind === 'dynamodb';
  const userReason = isStream ? 'User action' : 'USER_INITIATED';
  const disabled = rng.chance(0.16);
  m.State = disabled ? 'Disabled' : 'Enabled';
  m.StateTransitionReason = userReason;
  if (disabled && (isKafka || kind === 'activemq' || kind === 'rabbitmq') && rng.chance(0.3)) {
    // Lambda stopped the mapping itself (reference §5: MQ/Kafka reason codes).
    m.StateTransitionReason = rng.pick(LAMBDA_DISABLE_REASONS);
  }
  if (isSqs) return; // SQS mappings never report LastProcessingResult (§1.3).
  if (orphan) {
    m.LastProcessingResult = 'PROBLEM: Function not found';
    return;
  }
  const roll = rng.float();
  if (!disabled && roll < 0.1) {
    m.LastProcessingResult = isKafka ? rng.pick(KAFKA_PROBLEMS) : 'PROBLEM: Function call failed';
  } else if (roll < 0.32) {
    m.LastProcessingResult = 'No records processed';
  } else {
    m.LastProcessingResult = 'OK';
  }
}

// ------------------------------------------------------------------------------------------
// Deterministic scale seed (`default:N`)
// ------------------------------------------------------------------------------------------

/**
 * Health classes of the scale seed's mappings, as a fleet view tells them apart from the wire
 * members (State, StateTransitionReason, LastProcessingResult, FunctionArn).
 */
export type ScaleHealthClass =
  | 'healthy'
  | 'disabled-by-user'
  | 'disabled-by-lambda'
  | 'problem'
  | 'stuck'
  | 'orphan-function'
  | 'orphan-qualifier';

/**
 * `LastProcessingResult` texts of the scale seed by cause. `functionError` and `notFound` are
 * the texts of reference §5 and the default seed; the Kafka authentication texts
 * ({@link KAFKA_PROBLEMS}) are the error headings of AWS's "Troubleshooting Kafka event source
 * mapping errors" page; the throttling and connection texts follow the Lambda console's wording
 * as recalled (exact strings unverified).
 */
const SCALE_PROBLEMS = {
  functionError: 'PROBLEM: Function call failed',
  throttled: 'PROBLEM: Function call throttled',
  kafkaNetwork:
    'PROBLEM: Connection error. Your VPC must be able to connect to Lambda and STS, as well as Secrets Manager if authentication is required. You can provide access by configuring PrivateLink or a NAT Gateway.',
  network: 'PROBLEM: Connection error. Please check your event source connection configuration.',
  notFound: 'PROBLEM: Function not found',
} as const;

/** The five transitional states, dealt round-robin to stuck mappings. */
const STUCK_STATES: readonly MappingState[] = MAPPING_STATES.filter((s) =>
  TRANSITIONAL_STATES.has(s),
);

/** Aliases that existed once; mappings on them are orphans by qualifier. */
const DELETED_ALIASES = ['blue', 'green', 'beta', 'previous', 'v1'] as const;

interface ScaleSeedFn extends SeedFn {
  /** Qualifiers (a deleted version, a deleted alias) that mappings may still name. */
  deleted: string[];
}

/**
 * Builds the scale seed `default:N` for `us-east-1`: exactly `n` mappings over about `n / 7`
 * functions (every source type, the default seed's per-source shapes), with every health class
 * in fleet-like proportions (from N ≈ 1,000 each class is present; default:10000 has, roughly:
 * healthy 80 %, Disabled by user 12 %, problem 4 %, Disabled by Lambda 3 %, orphans 1 %, stuck
 * 0.5 %):
 * - healthy: `Enabled`, `LastProcessingResult` `OK` / `No records processed` (SQS has none, §1.3);
 * - disabled by user: `Disabled` with `User action` (streams) / `USER_INITIATED`;
 * - disabled by Lambda: `Disabled` on Kafka, Amazon MQ and DocumentDB with
 *   `StateTransitionReason` `ESM_CONFIG_NOT_VALID`, `EVENT_SOURCE_AUTHN_ERROR`,
 *   `EVENT_SOURCE_AUTHZ_ERROR` or `FUNCTION_CONFIG_NOT_VALID` (AWS's "Troubleshoot Amazon MQ event
 *   source mapping errors" codes; DocumentDB, which Lambda disables when change-stream events
 *   expired, gets `ESM_CONFIG_NOT_VALID` — the code AWS uses there is not documented);
 * - problem: `Enabled` with `PROBLEM: …` (function error, throttled, Kafka authentication,
 *   network/VPC) on sources that report a result (not SQS);
 * - stuck: a transitional State with a `LastModified` 2 hours to 9 days before the reference
 *   instant, never advanced (see {@link SeedMapping});
 * - orphan by function: the function was deleted (2 % of the functions, one mapping each);
 * - orphan by qualifier: the function exists, the mapping's alias or version does not.
 *
 * Deterministic: a fixed PRNG seed and the reference instant 2026-11-01T00:00:00Z give the same
 * data for the same `n` (and the same functions for any `n` with the same `round(n / 7)`).
 * @param n number of mappings, 1..{@link SCALE_SEED_MAX_MAPPINGS}.
 * @param accountId account used in every ARN.
 * @returns seed data for `us-east-1`.
 * @throws Error for an `n` outside 1..50000.
 */
export function generateScaleSeed(n: number, accountId = '123456789012'): SeedData {
  if (!Number.isInteger(n) || n < 1 || n > SCALE_SEED_MAX_MAPPINGS) {
    throw new Error(`Scale seed: N must be an integer from 1 to ${SCALE_SEED_MAX_MAPPINGS}`);
  }
  const rng = new Rng(0x5ca1ab1e);
  const region = DEFAULT_SEED_REGION;
  const base = SEED_REFERENCE_EPOCH_SECONDS;
  const helpers: SeedHelpers = { ...arnBuilders(rng, region, accountId), base };

  const functionCount = Math.max(1, Math.round(n / 7));
  const fns: ScaleSeedFn[] = [];
  const names = new Set<string>();
  while (fns.length < functionCount) {
    const domain = rng.pick(DOMAINS);
    const role = rng.pick(ROLES);
    const env = rng.weighted([
      ['prod', 5],
      ['staging', 3],
      ['dev', 2],
    ] as const);
    // 2,400 domain × role × env names; larger fleets number their shards (orders-ingest-2-prod).
    let name = `${domain}-${role}-${env}`;
    for (let shard = 2; names.has(name); shard += 1) name = `${domain}-${role}-${shard}-${env}`;
    names.add(name);
    const versions: string[] = [];
    const aliases: Record<string, string> = {};
    const deleted: string[] = [];
    if (rng.chance(0.4)) {
      const count = rng.int(1, 12);
      // Old versions are often deleted: the first ones may be gone.
      const first = count > 2 && rng.chance(0.3) ? rng.int(2, count - 1) : 1;
      for (let v = first; v <= count; v += 1) versions.push(String(v));
      aliases.live = String(count);
      if (count > first && rng.chance(0.4)) aliases.canary = String(count - 1);
      if (env === 'prod' && rng.chance(0.5)) aliases.prod = String(count);
      if (first > 1) deleted.push(String(first - 1));
      if (rng.chance(0.3)) deleted.push(rng.pick(DELETED_ALIASES));
    }
    fns.push({ name, domain, env, versions, aliases, orphan: false, deleted });
  }
  // Deleted functions, spread over the list (their mappings are orphans).
  const orphanCount = functionCount >= 10 ? Math.max(1, Math.round(functionCount * 0.02)) : 0;
  for (let i = 0; i < orphanCount; i += 1) {
    const fn = fns[Math.floor(((i + 0.5) * functionCount) / orphanCount)];
    if (fn) Object.assign(fn, { orphan: true, versions: [], aliases: {}, deleted: [] });
  }

  const functions = seedFunctionsOf(fns, rng, base, accountId);

  // Every function gets one mapping (orphans exactly one), the rest go to a skewed few.
  const mappings: SeedMapping[] = [];
  const taken = new Set<string>();
  const living = fns.filter((f) => !f.orphan);
  const counters = { stuck: 0, lambda: 0 };
  const maxAttempts = n * 20 + fns.length;
  for (let attempt = 0; mappings.length < n && attempt < maxAttempts; attempt += 1) {
    const fn =
      attempt < fns.length
        ? fns[attempt]
        : living[Math.floor(Math.pow(rng.float(), 1.8) * living.length)];
    if (!fn) continue;
    const kind = rng.weighted(SOURCE_WEIGHTS);
    const mapping = buildMapping(rng, fn, kind, helpers);
    let qualifier: string;
    let health: ScaleHealthClass;
    if (fn.orphan) {
      qualifier = '';
      health = 'orphan-function';
    } else if (fn.deleted.length > 0 && rng.chance(0.04)) {
      qualifier = `:${rng.pick(fn.deleted)}`;
      health = 'orphan-qualifier';
    } else {
      qualifier = pickQualifier(rng, fn);
      health = scaleHealth(rng, kind);
    }
    mapping.FunctionArn = `arn:aws:lambda:${region}:${accountId}:function:${fn.name}${qualifier}`;
    const key = duplicateKey(mapping);
    if (taken.has(key)) continue;
    taken.add(key);
    decorateScaleState(rng, mapping, kind, health, counters, base);
    mappings.push(mapping);
  }
  if (mappings.length < n) {
    throw new Error(`Scale seed: only ${mappings.length} distinct mappings for N=${n}`);
  }
  return { region, functions, mappings };
}

function lambdaMayDisable(kind: SeedSourceKind): boolean {
  return (
    kind === 'msk' ||
    kind === 'kafka' ||
    kind === 'activemq' ||
    kind === 'rabbitmq' ||
    kind === 'docdb'
  );
}

/** Health class of a mapping on an existing function and qualifier, by source type. */
function scaleHealth(rng: Rng, kind: SeedSourceKind): ScaleHealthClass {
  const reports = kind !== 'sqs' && kind !== 'sqs-fifo';
  const weights: Array<readonly [ScaleHealthClass, number]> = [
    ['stuck', 0.5],
    ['disabled-by-user', 12],
    ['disabled-by-lambda', lambdaMayDisable(kind) ? 10 : 0],
    ['problem', reports ? 7 : 0],
  ];
  weights.push(['healthy', 100 - weights.reduce((sum, [, w]) => sum + w, 0)]);
  return rng.weighted(weights);
}

function decorateScaleState(
  rng: Rng,
  m: SeedMapping,
  kind: SeedSourceKind,
  health: ScaleHealthClass,
  counters: { stuck: number; lambda: number },
  base: number,
): void {
  const reports = kind !== 'sqs' && kind !== 'sqs-fifo';
  const isKafka = kind === 'msk' || kind === 'kafka';
  const isStream = kind === 'kinesis' || kind === 'kinesis-consumer' || kind === 'dynamodb';
  m.State = 'Enabled';
  m.StateTransitionReason = isStream ? 'User action' : 'USER_INITIATED';
  const idle = (): string => (rng.chance(0.75) ? 'OK' : 'No records processed');
  let result: string | undefined = idle();
  switch (health) {
    case 'healthy':
      break;
    case 'disabled-by-user':
      m.State = 'Disabled';
      break;
    case 'disabled-by-lambda': {
      m.State = 'Disabled';
      const code =
        kind === 'docdb'
          ? 'ESM_CONFIG_NOT_VALID'
          : (LAMBDA_DISABLE_REASONS[counters.lambda++ % LAMBDA_DISABLE_REASONS.length] ?? '');
      m.StateTransitionReason = code;
      if (isKafka && code === 'EVENT_SOURCE_AUTHN_ERROR')
        result = 'PROBLEM: SASL authentication failed.';
      else if (isKafka && code === 'EVENT_SOURCE_AUTHZ_ERROR') {
        result = 'PROBLEM: Cluster failed to authorize Lambda.';
      } else if (code === 'FUNCTION_CONFIG_NOT_VALID') result = SCALE_PROBLEMS.functionError;
      break;
    }
    case 'problem':
      result = isKafka
        ? rng.weighted([
            [rng.pick(KAFKA_PROBLEMS.slice(0, -1)), 5],
            [SCALE_PROBLEMS.kafkaNetwork, 3],
            [SCALE_PROBLEMS.functionError, 2],
          ] as const)
        : isStream
          ? rng.weighted([
              [SCALE_PROBLEMS.functionError, 6],
              [SCALE_PROBLEMS.throttled, 4],
            ] as const)
          : rng.weighted([
              [SCALE_PROBLEMS.network, 5],
              [SCALE_PROBLEMS.functionError, 5],
            ] as const);
      break;
    case 'stuck':
      m.State = STUCK_STATES[counters.stuck++ % STUCK_STATES.length] ?? 'Updating';
      // Hours to days before the reference instant, to the millisecond like AWS.
      m.LastModified =
        Math.round((base - rng.int(2 * 3600, 9 * 86400) - rng.float()) * 1000) / 1000;
      break;
    case 'orphan-function':
    case 'orphan-qualifier':
      result = SCALE_PROBLEMS.notFound;
      break;
  }
  if (reports) m.LastProcessingResult = result;
}
