/**
 * The event-source-mapping members and rules of the 2026 model (issue 9), driven with the real
 * SDK over HTTP: for each rule the valid edge values AWS accepts and the first invalid value on
 * each side, with the exception name, HTTP status and message (sources of the texts: `MESSAGES`
 * in emulator/src/domain/mapping-rules.ts; model ranges: shared/reference/models and
 * @aws-sdk/client-lambda 3.1164.0).
 */
import {
  CreateEventSourceMappingCommand,
  type CreateEventSourceMappingCommandInput,
  GetEventSourceMappingCommand,
  type LambdaClient,
  type SourceAccessConfiguration,
  type SourceAccessType,
  UpdateEventSourceMappingCommand,
  type UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fnArn, type RunningEmulator, sleep, SMALL_SEED, startEmulator } from './helpers.ts';
import {
  BROKERS,
  type ExpectedError,
  expectError,
  ipv,
  type Kind,
  request,
  SECRET,
  validation,
} from './mapping-rules-fixtures.ts';

let emu: RunningEmulator;
let client: LambdaClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 0 });
  client = emu.lambda();
});
afterAll(async () => emu.close());
beforeEach(() => emu.app.emulator.reset());

const create = (input: CreateEventSourceMappingCommandInput) =>
  client.send(new CreateEventSourceMappingCommand(input));

/** Waits (at most 100 polls) until the mapping left its transitional state. */
async function settle(uuid: string): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const got = await client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
    if (got.State === 'Enabled' || got.State === 'Disabled') return uuid;
    await sleep(5);
  }
  throw new Error(`mapping ${uuid} did not settle`);
}

/** Creates a mapping and waits until it is Enabled; returns its UUID. */
async function createSettled(kind: Kind, changes: Record<string, unknown> = {}): Promise<string> {
  return settle((await create(request(kind, changes))).UUID ?? '');
}

const KAFKA_KINDS = ['msk', 'kafka'] as const;
const PROVISIONED = { ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 10 } };
const SCOPE_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka/oauth-AbCdEf';
const SCHEMA_REGISTRY_ARN = 'arn:aws:glue:us-east-1:123456789012:registry/orders';
const x = (n: number, c = 'a'): string => c.repeat(n);

/** A self-managed Kafka request with these SourceAccessConfigurations. */
const kafkaAccess = (entries: SourceAccessConfiguration[]): CreateEventSourceMappingCommandInput =>
  request('kafka', { SourceAccessConfigurations: entries });

const oauth: SourceAccessConfiguration = { Type: 'OAUTHBEARER_AUTH', URI: SCOPE_SECRET };
const audience: SourceAccessConfiguration = {
  Type: 'OAUTHBEARER_AUDIENCE',
  URI: 'https://kafka.example.net',
};

describe('accepted at the edges (202, values echoed)', () => {
  const CASES: Array<{ label: string; input: CreateEventSourceMappingCommandInput }> = [
    {
      label: 'SQS pollers 2..2 (SQS minimum)',
      input: request('sqs', { ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 2 } }),
    },
    {
      label: 'SQS pollers 200..10000 (model maxima; the API reference says SQS 2–10,000)',
      input: request('sqs', {
        ProvisionedPollerConfig: { MinimumPollers: 200, MaximumPollers: 10000 },
      }),
    },
    {
      label: 'SQS with an empty PollerGroupName (no group)',
      input: request('sqs', {
        ProvisionedPollerConfig: { MinimumPollers: 2, PollerGroupName: '' },
      }),
    },
    ...KAFKA_KINDS.flatMap((kind) => [
      {
        label: `${kind} pollers 1..1`,
        input: request(kind, { ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 1 } }),
      },
      {
        label: `${kind} pollers 200..2000 in a group named with 128 characters`,
        input: request(kind, {
          ProvisionedPollerConfig: {
            MinimumPollers: 200,
            MaximumPollers: 2000,
            PollerGroupName: `${x(64, 'G')}-_${x(62, '9')}`,
          },
        }),
      },
      {
        label: `${kind} error handling at its edges in provisioned mode`,
        input: request(kind, {
          ...PROVISIONED,
          MaximumRetryAttempts: 10000,
          MaximumRecordAgeInSeconds: 604800,
          BisectBatchOnFunctionError: true,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlq' } },
        }),
      },
      {
        label: `${kind} retries 0 and record age 60 in provisioned mode`,
        input: request(kind, {
          ...PROVISIONED,
          MaximumRetryAttempts: 0,
          MaximumRecordAgeInSeconds: 60,
        }),
      },
      {
        label: `${kind} defaults of retries and record age (-1) without provisioned mode`,
        input: request(kind, { MaximumRetryAttempts: -1, MaximumRecordAgeInSeconds: -1 }),
      },
      {
        label: `${kind} an SQS on-failure destination without provisioned mode`,
        input: request(kind, {
          DestinationConfig: {
            OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:orders-dlq' },
          },
        }),
      },
      {
        label: `${kind} LoggingConfig DEBUG in provisioned mode`,
        input: request(kind, { ...PROVISIONED, LoggingConfig: { SystemLogLevel: 'DEBUG' } }),
      },
      {
        label: `${kind} all three metrics`,
        input: request(kind, {
          MetricsConfig: { Metrics: ['EventCount', 'ErrorCount', 'KafkaMetrics'] },
        }),
      },
    ]),
    {
      label: 'MSK Glue schema registry in provisioned mode',
      input: request('msk', {
        ...PROVISIONED,
        AmazonManagedKafkaEventSourceConfig: {
          SchemaRegistryConfig: {
            SchemaRegistryURI: SCHEMA_REGISTRY_ARN,
            EventRecordFormat: 'JSON',
            SchemaValidationConfigs: [{ Attribute: 'KEY' }, { Attribute: 'VALUE' }],
          },
        },
      }),
    },
    {
      label: 'a SchemaRegistryURI of 10000 characters',
      input: request('msk', {
        ...PROVISIONED,
        AmazonManagedKafkaEventSourceConfig: {
          SchemaRegistryConfig: { SchemaRegistryURI: `https://${x(9992)}` },
        },
      }),
    },
    {
      label: 'self-managed Kafka Confluent schema registry with OAuth in provisioned mode',
      input: request('kafka', {
        ...PROVISIONED,
        SelfManagedKafkaEventSourceConfig: {
          SchemaRegistryConfig: {
            SchemaRegistryURI: 'https://psrc-abc12.us-east-1.aws.confluent.cloud',
            EventRecordFormat: 'SOURCE',
            AccessConfigs: [{ Type: 'OAUTHBEARER_AUTH', URI: SCOPE_SECRET }],
            SchemaValidationConfigs: [{ Attribute: 'VALUE' }],
          },
        },
      }),
    },
    ...(['sqs', 'fifo', 'kinesis', 'dynamodb', 'mq', 'docdb'] as const).map((kind) => ({
      label: `${kind} MetricsConfig EventCount`,
      input: request(kind, { MetricsConfig: { Metrics: ['EventCount'] } }),
    })),
    {
      label: 'self-managed Kafka with 23 SourceAccessConfigurations (model maximum)',
      input: kafkaAccess([
        { Type: 'BASIC_AUTH', URI: SECRET },
        ...Array.from({ length: 16 }, (_, i) => ({
          Type: 'VPC_SUBNET' as const,
          URI: `subnet:subnet-0${String(i).padStart(16, '0')}`,
        })),
        ...Array.from({ length: 6 }, (_, i) => ({
          Type: 'VPC_SECURITY_GROUP' as const,
          URI: `security_group:sg-0${String(i).padStart(16, '0')}`,
        })),
      ]),
    },
    {
      label: 'OAuth with scope (a space: two scopes), audience, logical cluster and identity pool',
      input: kafkaAccess([
        oauth,
        { Type: 'OAUTHBEARER_SCOPE', URI: 'kafka.read kafka.write' },
        audience,
        { Type: 'OAUTHBEARER_LOGICAL_CLUSTER', URI: 'lkc-abc123' },
        { Type: 'OAUTHBEARER_IDENTITY_POOL', URI: 'pool-AbC1' },
      ]),
    },
    {
      label: 'a 200-character scope (URI maximum)',
      input: kafkaAccess([oauth, { Type: 'OAUTHBEARER_SCOPE', URI: x(200) }]),
    },
    { label: 'IAM_AUTH without URI', input: kafkaAccess([{ Type: 'IAM_AUTH' }]) },
    {
      label: 'IAM_OAUTHBEARER_AUTH with its audience',
      input: kafkaAccess([{ Type: 'IAM_OAUTHBEARER_AUTH' }, audience]),
    },
    {
      label: 'ConsumptionMode Queue without starting position or window',
      input: request('kafka', { SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' } }),
    },
    {
      label: 'ConsumptionMode Stream with StartingPosition and a window',
      input: request('kafka', {
        SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Stream' },
        StartingPosition: 'LATEST',
        MaximumBatchingWindowInSeconds: 5,
      }),
    },
    {
      label: 'a KMS key ARN',
      input: request('sqs', {
        KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      }),
    },
    {
      label: '50 tags (the per-resource limit)',
      input: request('sqs', {
        Tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, `v${i}`])),
      }),
    },
    {
      label: 'a 128-character tag key, a 256-character value, an empty value, letters and a space',
      input: request('kinesis', {
        Tags: { [x(128, 'k')]: x(256, 'v'), empty: '', 'équipe produit': 'Zürich +1 /a=b:c@d' },
      }),
    },
  ];

  for (const c of CASES) {
    it(c.label, async () => {
      const out = await create(c.input);
      expect(out.$metadata.httpStatusCode).toBe(202);
      // FunctionName comes back as FunctionArn; Tags are stored but never part of the mapping
      // AWS returns (ListTags answers them, tags.test.ts).
      const { FunctionName, Tags: _tags, ...sent } = c.input;
      expect(out.FunctionArn).toBe(fnArn(FunctionName ?? ''));
      expect(out).not.toHaveProperty('Tags');
      expect(out).toMatchObject(sent);
    });
  }

  it('a Queue-mode mapping has no StartingPosition (Stream mode defaults to TRIM_HORIZON)', async () => {
    const queue = await create(
      request('kafka', { SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' } }),
    );
    expect(queue.StartingPosition).toBeUndefined();
    expect(queue.SelfManagedKafkaEventSourceConfig).toEqual({
      ConsumerGroupId: queue.UUID,
      ConsumptionMode: 'Queue',
    });
    const stream = await create(request('kafka', { Topics: ['orders.shipped'] }));
    expect(stream.StartingPosition).toBe('TRIM_HORIZON');
  });
});

describe('each of the 15 SourceAccessTypes is accepted where AWS allows it', () => {
  const WHERE: Record<SourceAccessType, { kind: Kind; entries: SourceAccessConfiguration[] }> = {
    BASIC_AUTH: { kind: 'kafka', entries: [{ Type: 'BASIC_AUTH', URI: SECRET }] },
    VPC_SUBNET: {
      kind: 'kafka',
      entries: [oauth, { Type: 'VPC_SUBNET', URI: 'subnet:subnet-0123456789abcdef0' }],
    },
    VPC_SECURITY_GROUP: {
      kind: 'kafka',
      entries: [oauth, { Type: 'VPC_SECURITY_GROUP', URI: 'security_group:sg-0123456789abcdef0' }],
    },
    SASL_SCRAM_512_AUTH: { kind: 'msk', entries: [{ Type: 'SASL_SCRAM_512_AUTH', URI: SECRET }] },
    SASL_SCRAM_256_AUTH: {
      kind: 'kafka',
      entries: [{ Type: 'SASL_SCRAM_256_AUTH', URI: SECRET }],
    },
    VIRTUAL_HOST: {
      kind: 'mq',
      entries: [
        { Type: 'BASIC_AUTH', URI: SECRET },
        { Type: 'VIRTUAL_HOST', URI: '/orders' },
      ],
    },
    CLIENT_CERTIFICATE_TLS_AUTH: {
      kind: 'msk',
      entries: [{ Type: 'CLIENT_CERTIFICATE_TLS_AUTH', URI: SECRET }],
    },
    SERVER_ROOT_CA_CERTIFICATE: {
      kind: 'kafka',
      entries: [oauth, { Type: 'SERVER_ROOT_CA_CERTIFICATE', URI: SECRET }],
    },
    OAUTHBEARER_AUTH: { kind: 'kafka', entries: [oauth] },
    OAUTHBEARER_SCOPE: {
      kind: 'kafka',
      entries: [oauth, { Type: 'OAUTHBEARER_SCOPE', URI: 'kafka' }],
    },
    OAUTHBEARER_AUDIENCE: { kind: 'kafka', entries: [oauth, audience] },
    OAUTHBEARER_LOGICAL_CLUSTER: {
      kind: 'kafka',
      entries: [oauth, { Type: 'OAUTHBEARER_LOGICAL_CLUSTER', URI: 'lkc-abc123' }],
    },
    OAUTHBEARER_IDENTITY_POOL: {
      kind: 'kafka',
      entries: [oauth, { Type: 'OAUTHBEARER_IDENTITY_POOL', URI: 'pool-AbC1' }],
    },
    IAM_AUTH: { kind: 'kafka', entries: [{ Type: 'IAM_AUTH' }] },
    IAM_OAUTHBEARER_AUTH: { kind: 'kafka', entries: [{ Type: 'IAM_OAUTHBEARER_AUTH' }, audience] },
  };

  it('covers every SourceAccessType of the SDK', async () => {
    const { SourceAccessType } = await import('@aws-sdk/client-lambda');
    expect(Object.keys(WHERE).sort()).toEqual(Object.values(SourceAccessType).sort());
  });

  for (const [type, { kind, entries }] of Object.entries(WHERE)) {
    it(`${type} on ${kind}`, async () => {
      const out = await create(request(kind, { SourceAccessConfigurations: entries }));
      expect(out.SourceAccessConfigurations).toEqual(entries);
    });
  }
});

interface CreateCase {
  rule: string;
  input: CreateEventSourceMappingCommandInput;
  expected: ExpectedError;
}

const max = (n: number): string => `Member must have value less than or equal to ${n}`;
const min = (n: number): string => `Member must have value greater than or equal to ${n}`;
const provisioned = (path: string): ExpectedError =>
  ipv(
    `The '${path}' parameter requires provisioned mode (ProvisionedPollerConfig) for Kafka event sources.`,
  );

const CREATE_CASES: CreateCase[] = [
  // ---- ProvisionedPollerConfig ----
  {
    rule: 'MaximumPollers above 10000 (model)',
    input: request('sqs', { ProvisionedPollerConfig: { MaximumPollers: 10001 } }),
    expected: validation("'10001'", 'provisionedPollerConfig.maximumPollers', max(10000)),
  },
  {
    rule: 'MaximumPollers 0 (model)',
    input: request('msk', { ProvisionedPollerConfig: { MaximumPollers: 0 } }),
    expected: validation("'0'", 'provisionedPollerConfig.maximumPollers', min(1)),
  },
  {
    rule: 'MinimumPollers 0 (model)',
    input: request('kafka', { ProvisionedPollerConfig: { MinimumPollers: 0 } }),
    expected: validation("'0'", 'provisionedPollerConfig.minimumPollers', min(1)),
  },
  {
    rule: 'MinimumPollers above 200 (model)',
    input: request('sqs', { ProvisionedPollerConfig: { MinimumPollers: 201 } }),
    expected: validation("'201'", 'provisionedPollerConfig.minimumPollers', max(200)),
  },
  ...KAFKA_KINDS.map((kind) => ({
    rule: `${kind} MaximumPollers 2001 (Kafka maximum 2000)`,
    input: request(kind, { ProvisionedPollerConfig: { MaximumPollers: 2001 } }),
    expected: ipv(
      'MaximumPollers must be less than or equal to 2000 for Amazon MSK and self-managed Apache Kafka event sources.',
    ),
  })),
  {
    rule: 'SQS MaximumPollers 1 (SQS minimum 2)',
    input: request('sqs', { ProvisionedPollerConfig: { MaximumPollers: 1 } }),
    expected: ipv(
      'MinimumPollers and MaximumPollers must be at least 2 for Amazon SQS event sources.',
    ),
  },
  {
    rule: 'PollerGroupName of 129 characters',
    input: request('msk', { ProvisionedPollerConfig: { PollerGroupName: x(129) } }),
    expected: validation(
      `'${x(129)}'`,
      'provisionedPollerConfig.pollerGroupName',
      'Member must have length less than or equal to 128',
    ),
  },
  {
    rule: 'PollerGroupName with a dot',
    input: request('kafka', { ProvisionedPollerConfig: { PollerGroupName: 'orders.v2' } }),
    expected: validation(
      "'orders.v2'",
      'provisionedPollerConfig.pollerGroupName',
      'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]*',
    ),
  },
  {
    rule: 'PollerGroupName on SQS (Kafka only)',
    input: request('sqs', { ProvisionedPollerConfig: { PollerGroupName: 'orders' } }),
    expected: ipv(
      "Unsupported 'provisionedPollerConfig.pollerGroupName' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'SQS ScalingConfig together with ProvisionedPollerConfig',
    input: request('sqs', {
      ScalingConfig: { MaximumConcurrency: 10 },
      ProvisionedPollerConfig: { MinimumPollers: 2 },
    }),
    expected: ipv(
      'ScalingConfig and ProvisionedPollerConfig are mutually exclusive for Amazon SQS event sources.',
    ),
  },
  // ---- Kafka settings that need provisioned mode ----
  ...KAFKA_KINDS.flatMap((kind) => [
    {
      rule: `${kind} MaximumRetryAttempts 0 without provisioned mode`,
      input: request(kind, { MaximumRetryAttempts: 0 }),
      expected: provisioned('maximumRetryAttempts'),
    },
    {
      rule: `${kind} MaximumRecordAgeInSeconds 604800 without provisioned mode`,
      input: request(kind, { MaximumRecordAgeInSeconds: 604800 }),
      expected: provisioned('maximumRecordAgeInSeconds'),
    },
    {
      rule: `${kind} BisectBatchOnFunctionError without provisioned mode`,
      input: request(kind, { BisectBatchOnFunctionError: true }),
      expected: provisioned('bisectBatchOnFunctionError'),
    },
    {
      rule: `${kind} ReportBatchItemFailures without provisioned mode`,
      input: request(kind, { FunctionResponseTypes: ['ReportBatchItemFailures'] }),
      expected: provisioned('functionResponseTypes'),
    },
    {
      rule: `${kind} a Kafka topic on-failure destination without provisioned mode`,
      input: request(kind, { DestinationConfig: { OnFailure: { Destination: 'kafka://dlq' } } }),
      expected: provisioned('destinationConfig.onFailure.destination'),
    },
    {
      rule: `${kind} LoggingConfig without provisioned mode`,
      input: request(kind, { LoggingConfig: { SystemLogLevel: 'WARN' } }),
      expected: provisioned('loggingConfig'),
    },
    {
      rule: `${kind} MaximumRecordAgeInSeconds 59 in provisioned mode`,
      input: request(kind, { ...PROVISIONED, MaximumRecordAgeInSeconds: 59 }),
      expected: ipv(
        'MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)',
      ),
    },
  ]),
  {
    rule: 'MSK schema registry without provisioned mode',
    input: request('msk', {
      AmazonManagedKafkaEventSourceConfig: {
        SchemaRegistryConfig: { SchemaRegistryURI: SCHEMA_REGISTRY_ARN },
      },
    }),
    expected: provisioned('amazonManagedKafkaEventSourceConfig.schemaRegistryConfig'),
  },
  {
    rule: 'self-managed Kafka schema registry without provisioned mode',
    input: request('kafka', {
      SelfManagedKafkaEventSourceConfig: {
        SchemaRegistryConfig: { SchemaRegistryURI: 'https://registry.example.net' },
      },
    }),
    expected: provisioned('selfManagedKafkaEventSourceConfig.schemaRegistryConfig'),
  },
  {
    rule: 'schema registry access config URI that is no ARN (model)',
    input: request('msk', {
      ...PROVISIONED,
      AmazonManagedKafkaEventSourceConfig: {
        SchemaRegistryConfig: {
          SchemaRegistryURI: 'https://registry.example.net',
          AccessConfigs: [{ Type: 'BASIC_AUTH', URI: 'my-secret' }],
        },
      },
    }),
    expected: validation(
      "'my-secret'",
      'amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.accessConfigs.1.member.uRI',
      'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)',
    ),
  },
  {
    rule: 'an empty SchemaRegistryURI',
    input: request('msk', {
      ...PROVISIONED,
      AmazonManagedKafkaEventSourceConfig: { SchemaRegistryConfig: { SchemaRegistryURI: '' } },
    }),
    expected: validation(
      "''",
      'amazonManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryURI',
      'Member must have length greater than or equal to 1',
    ),
  },
  {
    rule: 'a SchemaRegistryURI of 10001 characters',
    input: request('kafka', {
      ...PROVISIONED,
      SelfManagedKafkaEventSourceConfig: {
        SchemaRegistryConfig: { SchemaRegistryURI: `https://${x(9993)}` },
      },
    }),
    expected: validation(
      `'https://${x(9993)}'`,
      'selfManagedKafkaEventSourceConfig.schemaRegistryConfig.schemaRegistryURI',
      'Member must have length less than or equal to 10000',
    ),
  },
  {
    rule: 'a schema registry auth type outside the enum (model + OAUTHBEARER_AUTH)',
    input: request('kafka', {
      ...PROVISIONED,
      SelfManagedKafkaEventSourceConfig: {
        SchemaRegistryConfig: {
          AccessConfigs: [{ Type: 'IAM_AUTH' as 'BASIC_AUTH', URI: SCOPE_SECRET }],
        },
      },
    }),
    expected: validation(
      "'IAM_AUTH'",
      'selfManagedKafkaEventSourceConfig.schemaRegistryConfig.accessConfigs.1.member.type',
      'Member must satisfy enum value set: [BASIC_AUTH, CLIENT_CERTIFICATE_TLS_AUTH, SERVER_ROOT_CA_CERTIFICATE, OAUTHBEARER_AUTH]',
    ),
  },
  // ---- MetricsConfig ----
  ...(['sqs', 'kinesis', 'dynamodb', 'mq', 'docdb'] as const).map((kind) => ({
    rule: `KafkaMetrics on ${kind} (Kafka only)`,
    input: request(kind, { MetricsConfig: { Metrics: ['EventCount', 'KafkaMetrics'] } }),
    expected: ipv('Unsupported metric KafkaMetrics for given event source mapping type.'),
  })),
  {
    rule: 'ErrorCount on Kinesis (Kafka only)',
    input: request('kinesis', { MetricsConfig: { Metrics: ['ErrorCount'] } }),
    expected: ipv('Unsupported metric ErrorCount for given event source mapping type.'),
  },
  {
    rule: 'four metrics (model maximum 3)',
    input: request('msk', {
      MetricsConfig: { Metrics: ['EventCount', 'ErrorCount', 'KafkaMetrics', 'EventCount'] },
    }),
    expected: validation(
      "'[EventCount, ErrorCount, KafkaMetrics, EventCount]'",
      'metricsConfig.metrics',
      'Member must have length less than or equal to 3',
    ),
  },
  // ---- SourceAccessConfigurations ----
  {
    rule: '24 SourceAccessConfigurations (model maximum 23)',
    input: kafkaAccess(
      Array.from({ length: 24 }, (_, i) => ({
        Type: 'VPC_SUBNET' as const,
        URI: `subnet:subnet-${i}`,
      })),
    ),
    expected: {
      name: 'ValidationException',
      status: 400,
      message: expect.stringMatching(
        /^1 validation error detected: Value '.*' at 'sourceAccessConfigurations' failed to satisfy constraint: Member must have length less than or equal to 23$/,
      ) as unknown as string,
    },
  },
  {
    rule: 'a 201-character URI',
    input: kafkaAccess([oauth, { Type: 'OAUTHBEARER_SCOPE', URI: x(201) }]),
    expected: validation(
      `'${x(201)}'`,
      'sourceAccessConfigurations.2.member.uRI',
      'Member must have length less than or equal to 200',
    ),
  },
  {
    rule: 'an empty URI',
    input: kafkaAccess([oauth, { Type: 'OAUTHBEARER_SCOPE', URI: '' }]),
    expected: validation(
      "''",
      'sourceAccessConfigurations.2.member.uRI',
      'Member must have length greater than or equal to 1',
    ),
  },
  {
    rule: 'a URI with a character outside the pattern',
    input: kafkaAccess([oauth, { Type: 'OAUTHBEARER_SCOPE', URI: 'kafka#read' }]),
    expected: validation(
      "'kafka#read'",
      'sourceAccessConfigurations.2.member.uRI',
      'Member must satisfy regular expression pattern: [ a-zA-Z0-9-\\/*:_+=.@-]*',
    ),
  },
  ...(
    ['OAUTHBEARER_SCOPE', 'OAUTHBEARER_LOGICAL_CLUSTER', 'OAUTHBEARER_IDENTITY_POOL'] as const
  ).map((type) => ({
    rule: `${type} without OAUTHBEARER_AUTH`,
    input: kafkaAccess([
      { Type: 'BASIC_AUTH', URI: SECRET },
      { Type: type, URI: 'value' },
    ]),
    expected: ipv(`SourceAccessConfiguration type ${type} requires OAUTHBEARER_AUTH.`),
  })),
  {
    rule: 'OAUTHBEARER_AUDIENCE without an OAuth authentication',
    input: kafkaAccess([{ Type: 'IAM_AUTH' }, audience]),
    expected: ipv(
      'SourceAccessConfiguration type OAUTHBEARER_AUDIENCE requires OAUTHBEARER_AUTH or IAM_OAUTHBEARER_AUTH.',
    ),
  },
  {
    rule: 'IAM_OAUTHBEARER_AUTH without OAUTHBEARER_AUDIENCE',
    input: kafkaAccess([{ Type: 'IAM_OAUTHBEARER_AUTH' }]),
    expected: ipv(
      'SourceAccessConfiguration type IAM_OAUTHBEARER_AUTH requires OAUTHBEARER_AUDIENCE.',
    ),
  },
  {
    rule: 'IAM_OAUTHBEARER_AUTH with OAUTHBEARER_AUTH',
    input: kafkaAccess([{ Type: 'IAM_OAUTHBEARER_AUTH' }, audience, oauth]),
    expected: ipv(
      'SourceAccessConfiguration type IAM_OAUTHBEARER_AUTH cannot be combined with OAUTHBEARER_AUTH.',
    ),
  },
  {
    rule: 'IAM_OAUTHBEARER_AUTH with OAUTHBEARER_SCOPE',
    input: kafkaAccess([
      { Type: 'IAM_OAUTHBEARER_AUTH' },
      audience,
      { Type: 'OAUTHBEARER_SCOPE', URI: 'kafka' },
    ]),
    expected: ipv('SourceAccessConfiguration type OAUTHBEARER_SCOPE requires OAUTHBEARER_AUTH.'),
  },
  {
    rule: 'IAM_AUTH with a URI',
    input: kafkaAccess([{ Type: 'IAM_AUTH', URI: SECRET }]),
    expected: ipv('SourceAccessConfiguration type IAM_AUTH does not take a URI.'),
  },
  {
    rule: 'OAUTHBEARER_SCOPE without a URI',
    input: kafkaAccess([oauth, { Type: 'OAUTHBEARER_SCOPE' }]),
    expected: ipv('SourceAccessConfiguration type OAUTHBEARER_SCOPE requires a URI.'),
  },
  {
    rule: 'OAUTHBEARER_AUTH whose URI is no secret ARN',
    input: kafkaAccess([{ Type: 'OAUTHBEARER_AUTH', URI: 'client-credentials' }]),
    expected: ipv(
      'Invalid URI for SourceAccessConfiguration type OAUTHBEARER_AUTH: client-credentials. The URI must be the ARN of a Secrets Manager secret.',
    ),
  },
  {
    rule: 'two OAUTHBEARER_SCOPE entries',
    input: kafkaAccess([
      oauth,
      { Type: 'OAUTHBEARER_SCOPE', URI: 'a' },
      { Type: 'OAUTHBEARER_SCOPE', URI: 'b' },
    ]),
    expected: ipv(
      'Only one SourceAccessConfiguration of type OAUTHBEARER_SCOPE is allowed for given event source mapping type.',
    ),
  },
  {
    rule: 'OAUTHBEARER_AUTH on MSK (self-managed Kafka only)',
    input: request('msk', { SourceAccessConfigurations: [oauth] }),
    expected: ipv(
      'Unsupported SourceAccessConfiguration type OAUTHBEARER_AUTH for given event source mapping type.',
    ),
  },
  {
    rule: 'IAM_AUTH on Amazon MQ',
    input: request('mq', { SourceAccessConfigurations: [{ Type: 'IAM_AUTH' }] }),
    expected: ipv(
      'Unsupported SourceAccessConfiguration type IAM_AUTH for given event source mapping type.',
    ),
  },
  // ---- ConsumptionMode ----
  {
    rule: 'ConsumptionMode outside the enum',
    input: request('kafka', {
      SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Batch' as 'Queue' },
    }),
    expected: validation(
      "'Batch'",
      'selfManagedKafkaEventSourceConfig.consumptionMode',
      'Member must satisfy enum value set: [Stream, Queue]',
    ),
  },
  ...(
    [
      ['StartingPosition', { StartingPosition: 'LATEST' }],
      [
        'StartingPosition',
        { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date(Date.now() - 1e6) },
      ],
      ['MaximumBatchingWindowInSeconds', { MaximumBatchingWindowInSeconds: 0 }],
    ] as const
  ).map(([member, changes]) => ({
    rule: `${Object.keys(changes).join(' + ')} in Queue mode`,
    input: request('kafka', {
      ...changes,
      SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' },
    }),
    expected: ipv(
      `Unsupported '${member.charAt(0).toLowerCase()}${member.slice(1)}' parameter for Kafka event source mappings when ConsumptionMode is Queue.`,
    ),
  })),
  // ---- Tags ----
  {
    rule: 'an empty tag key',
    input: request('sqs', { Tags: { '': 'x' } }),
    expected: validation(
      '\'{"":"x"}\'',
      'tags',
      'Map keys must satisfy constraint: [Member must have length greater than or equal to 1]',
    ),
  },
  {
    rule: 'a 129-character tag key',
    input: request('sqs', { Tags: { [x(129)]: 'x' } }),
    expected: validation(
      `'{"${x(129)}":"x"}'`,
      'tags',
      'Map keys must satisfy constraint: [Member must have length less than or equal to 128]',
    ),
  },
  {
    rule: 'a tag key with a character outside the pattern',
    input: request('sqs', { Tags: { 'team#1': 'x' } }),
    expected: validation(
      '\'{"team#1":"x"}\'',
      'tags',
      'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)]',
    ),
  },
  {
    rule: 'a 257-character tag value',
    input: request('sqs', { Tags: { team: x(257) } }),
    expected: validation(
      `'${x(257)}'`,
      'tags.team',
      'Member must have length less than or equal to 256',
    ),
  },
  {
    rule: '51 tags',
    input: request('sqs', {
      Tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
    }),
    expected: ipv('The number of tags (51) exceeds the limit of 50 tags per resource.'),
  },
  {
    rule: 'a tag key starting with aws:',
    input: request('sqs', { Tags: { 'aws:cloudformation:stack-name': 'orders' } }),
    expected: ipv(
      "Tag keys starting with 'aws:' are reserved for AWS use: aws:cloudformation:stack-name",
    ),
  },
  {
    rule: 'a KMSKeyArn of 10001 characters',
    input: request('sqs', { KMSKeyArn: `arn:aws:kms:${x(9989)}` }),
    expected: validation(
      `'arn:aws:kms:${x(9989)}'`,
      'kMSKeyArn',
      'Member must have length less than or equal to 10000',
    ),
  },
  {
    rule: 'a KMSKeyArn that is no ARN',
    input: request('sqs', { KMSKeyArn: 'alias/orders' }),
    expected: validation(
      "'alias/orders'",
      'kMSKeyArn',
      'Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()',
    ),
  },
];

describe('CreateEventSourceMapping refuses', () => {
  for (const c of CREATE_CASES) {
    it(`${c.rule} → ${c.expected.name}`, async () => {
      await expectError(create(c.input), c.expected);
    });
  }
});

describe('provisioned poller groups (Kafka)', () => {
  const grouped = (topic: string, maximum: number) =>
    request('msk', {
      Topics: [topic],
      ProvisionedPollerConfig: { MaximumPollers: maximum, PollerGroupName: 'orders' },
    });

  it('accepts MaximumPollers adding up to 2000 in a group, refuses 2001', async () => {
    await create(grouped('a.one', 1000));
    await create(grouped('a.two', 999));
    await create(grouped('a.three', 1));
    await expectError(
      create(grouped('a.four', 1)),
      ipv(
        'The MaximumPollers of the event source mappings in poller group orders would add up to 2001, more than 2000.',
      ),
    );
    // A mapping without MaximumPollers counts its default, 200.
    await expectError(
      create(
        request('kafka', {
          ProvisionedPollerConfig: { PollerGroupName: 'orders' },
        }),
      ),
      ipv(
        'The MaximumPollers of the event source mappings in poller group orders would add up to 2200, more than 2000.',
      ),
    );
  });

  it('accepts 100 mappings in a group, refuses the 101st', async () => {
    for (let i = 0; i < 100; i += 1) await create(grouped(`t.${i}`, 1));
    await expectError(
      create(grouped('t.100', 1)),
      ipv('Poller group orders already has 100 event source mappings, the maximum per group.'),
    );
  });
});

interface UpdateCase {
  rule: string;
  kind: Kind;
  create?: Record<string, unknown>;
  update: Omit<UpdateEventSourceMappingCommandInput, 'UUID'>;
  expected: ExpectedError;
}

const QUEUE = { SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' } };

const UPDATE_CASES: UpdateCase[] = [
  {
    rule: 'ConsumptionMode Stream → Queue (create-only)',
    kind: 'kafka',
    update: { SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' } },
    expected: ipv('ConsumptionMode cannot be updated after the event source mapping is created.'),
  },
  {
    rule: 'ConsumptionMode Queue → Stream (create-only)',
    kind: 'kafka',
    create: QUEUE,
    update: { SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Stream' } },
    expected: ipv('ConsumptionMode cannot be updated after the event source mapping is created.'),
  },
  {
    rule: 'a batching window on a Queue-mode mapping',
    kind: 'kafka',
    create: QUEUE,
    update: { MaximumBatchingWindowInSeconds: 1 },
    expected: ipv(
      "Unsupported 'maximumBatchingWindowInSeconds' parameter for Kafka event source mappings when ConsumptionMode is Queue.",
    ),
  },
  {
    rule: 'provisioned mode on an SQS mapping with maximum concurrency',
    kind: 'sqs',
    create: { ScalingConfig: { MaximumConcurrency: 5 } },
    update: { ProvisionedPollerConfig: { MinimumPollers: 2 } },
    expected: ipv(
      'ScalingConfig and ProvisionedPollerConfig are mutually exclusive for Amazon SQS event sources.',
    ),
  },
  {
    rule: 'maximum concurrency on an SQS mapping in provisioned mode',
    kind: 'sqs',
    create: { ProvisionedPollerConfig: { MinimumPollers: 2 } },
    update: { ScalingConfig: { MaximumConcurrency: 5 } },
    expected: ipv(
      'ScalingConfig and ProvisionedPollerConfig are mutually exclusive for Amazon SQS event sources.',
    ),
  },
  {
    rule: 'leaving provisioned mode while Kafka retries are set',
    kind: 'msk',
    create: { ...PROVISIONED, MaximumRetryAttempts: 5 },
    update: { ProvisionedPollerConfig: {} },
    expected: provisioned('maximumRetryAttempts'),
  },
  {
    rule: 'Kafka retries on a mapping without provisioned mode',
    kind: 'kafka',
    update: { MaximumRetryAttempts: 3 },
    expected: provisioned('maximumRetryAttempts'),
  },
  {
    rule: 'Kafka MaximumPollers 2001',
    kind: 'kafka',
    create: PROVISIONED,
    update: { ProvisionedPollerConfig: { MaximumPollers: 2001 } },
    expected: ipv(
      'MaximumPollers must be less than or equal to 2000 for Amazon MSK and self-managed Apache Kafka event sources.',
    ),
  },
  {
    rule: 'a poller group on SQS',
    kind: 'sqs',
    update: { ProvisionedPollerConfig: { MinimumPollers: 2, PollerGroupName: 'g' } },
    expected: ipv(
      "Unsupported 'provisionedPollerConfig.pollerGroupName' parameter for given event source mapping type.",
    ),
  },
  {
    rule: 'an OAuth scope without OAUTHBEARER_AUTH',
    kind: 'kafka',
    update: {
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: SECRET },
        { Type: 'OAUTHBEARER_SCOPE', URI: 'kafka' },
      ],
    },
    expected: ipv('SourceAccessConfiguration type OAUTHBEARER_SCOPE requires OAUTHBEARER_AUTH.'),
  },
];

describe('UpdateEventSourceMapping refuses', () => {
  for (const c of UPDATE_CASES) {
    it(`${c.rule} → ${c.expected.name}`, async () => {
      const uuid = await createSettled(c.kind, c.create);
      const before = await client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      await expectError(
        client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, ...c.update })),
        c.expected,
      );
      const after = await client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      expect({ ...after, $metadata: undefined }).toEqual({ ...before, $metadata: undefined });
    });
  }
});

describe('UpdateEventSourceMapping accepts', () => {
  const update = (uuid: string, input: Omit<UpdateEventSourceMappingCommandInput, 'UUID'>) =>
    client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, ...input }));

  it('switching SQS from maximum concurrency to provisioned mode in one call', async () => {
    const uuid = await createSettled('sqs', { ScalingConfig: { MaximumConcurrency: 5 } });
    const out = await update(uuid, {
      ScalingConfig: {},
      ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 50 },
    });
    expect(out.ScalingConfig).toBeUndefined();
    expect(out.ProvisionedPollerConfig).toEqual({ MinimumPollers: 2, MaximumPollers: 50 });
  });

  it('ProvisionedPollerConfig {} leaves provisioned mode', async () => {
    const uuid = await createSettled('msk', PROVISIONED);
    const out = await update(uuid, { ProvisionedPollerConfig: {} });
    expect(out.ProvisionedPollerConfig).toBeUndefined();
  });

  it('Kafka error handling, logging and schema registry once in provisioned mode', async () => {
    const uuid = await createSettled('kafka');
    const out = await update(uuid, {
      ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2000 },
      MaximumRetryAttempts: 10000,
      MaximumRecordAgeInSeconds: 60,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      LoggingConfig: { SystemLogLevel: 'INFO' },
      SelfManagedKafkaEventSourceConfig: {
        SchemaRegistryConfig: { SchemaRegistryURI: 'https://registry.example.net' },
      },
    });
    expect(out).toMatchObject({
      MaximumRetryAttempts: 10000,
      MaximumRecordAgeInSeconds: 60,
      LoggingConfig: { SystemLogLevel: 'INFO' },
      SelfManagedKafkaEventSourceConfig: {
        ConsumerGroupId: uuid,
        SchemaRegistryConfig: { SchemaRegistryURI: 'https://registry.example.net' },
      },
    });
  });

  it('the same ConsumptionMode again, which stays', async () => {
    const uuid = await createSettled('kafka', QUEUE);
    const out = await update(uuid, {
      BatchSize: 50,
      SelfManagedKafkaEventSourceConfig: { ConsumptionMode: 'Queue' },
    });
    expect(out.SelfManagedKafkaEventSourceConfig?.ConsumptionMode).toBe('Queue');
    await settle(uuid);
    const later = await update(uuid, { SelfManagedKafkaEventSourceConfig: {} });
    expect(later.SelfManagedKafkaEventSourceConfig).toEqual({
      ConsumerGroupId: uuid,
      ConsumptionMode: 'Queue',
    });
  });

  it('23 SourceAccessConfigurations with the OAuth types on self-managed Kafka', async () => {
    const uuid = await createSettled('kafka');
    const entries: SourceAccessConfiguration[] = [
      oauth,
      { Type: 'OAUTHBEARER_SCOPE', URI: 'kafka.read kafka.write' },
      ...Array.from({ length: 21 }, (_, i) => ({
        Type: 'VPC_SUBNET' as const,
        URI: `subnet:subnet-0${String(i).padStart(16, '0')}`,
      })),
    ];
    const out = await update(uuid, { SourceAccessConfigurations: entries });
    expect(out.SourceAccessConfigurations).toEqual(entries);
    expect(out.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS).toEqual(BROKERS);
  });
});
