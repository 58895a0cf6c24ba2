import { describe, expect, it } from 'vitest';

import {
  createMappingFormSchema,
  defaultFormValues,
  functionNameError,
  mappingFormSchema,
  parseIsoTimestamp,
  type MappingFormInput,
  type MappingFormValues,
} from './mapping-form-schema';
import { SOURCE_TYPES, type SourceType } from './source-limits';
import { ARNS, SECRET, validValues } from './test-fixtures';

const NOW = new Date('2025-01-15T12:00:00.000Z');
const schema = createMappingFormSchema({ now: () => NOW });

/** Parses and returns `{ ok, data, issues: [{path, message}] }`. */
function parse(values: unknown, s = schema) {
  const r = s.safeParse(values);
  return {
    ok: r.success,
    data: r.success ? r.data : undefined,
    issues: r.success
      ? []
      : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

/** Sets a value at a dotted form path (numbers index arrays). */
function withPath(values: MappingFormValues, path: string, value: unknown): MappingFormValues {
  const copy = structuredClone(values) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  target[keys[keys.length - 1] as string] = value;
  return copy as unknown as MappingFormValues;
}

/** Reads a dotted path from parsed output. */
function readPath(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], data);
}

// Compile-time check: the flat form values type is accepted by the schema's input type.
const _assignable: MappingFormInput = defaultFormValues('sqs');
void _assignable;

describe('minimal valid values', () => {
  it.each(SOURCE_TYPES)('%s parses', (type) => {
    const r = parse(validValues(type));
    expect(r.issues).toEqual([]);
    expect(r.data?.sourceType).toBe(type);
  });

  it('rejects an unknown source type at sourceType', () => {
    const r = parse({ ...validValues('sqs'), sourceType: 'sns' });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.path).toBe('sourceType');
  });
});

/**
 * Integer rules: [type, form path, lowest valid, highest valid, first invalid below, first invalid
 * above, extra valid values]. Expected numbers are written out from the AWS docs (not read from the
 * limits table), so a wrong table entry fails here.
 */
type IntRow = [SourceType, string, number, number, number, number, number[]];
const INTEGER_RULES: IntRow[] = [
  // BatchSize: CreateEventSourceMapping BatchSize per-source maxima.
  ['kinesis', 'BatchSize', 1, 10000, 0, 10001, []],
  ['dynamodb', 'BatchSize', 1, 10000, 0, 10001, []],
  ['sqs', 'BatchSize', 1, 10000, 0, 10001, []],
  ['sqs-fifo', 'BatchSize', 1, 10, 0, 11, []],
  ['msk', 'BatchSize', 1, 10000, 0, 10001, []],
  ['self-managed-kafka', 'BatchSize', 1, 10000, 0, 10001, []],
  ['mq-activemq', 'BatchSize', 1, 10000, 0, 10001, []],
  ['mq-rabbitmq', 'BatchSize', 1, 10000, 0, 10001, []],
  ['documentdb', 'BatchSize', 1, 10000, 0, 10001, []],
  // MaximumBatchingWindowInSeconds 0..300 (all but SQS FIFO).
  ['kinesis', 'MaximumBatchingWindowInSeconds', 0, 300, -1, 301, []],
  ['dynamodb', 'MaximumBatchingWindowInSeconds', 0, 300, -1, 301, []],
  ['sqs', 'MaximumBatchingWindowInSeconds', 0, 300, -1, 301, []],
  ['msk', 'MaximumBatchingWindowInSeconds', 0, 300, -1, 301, []],
  ['self-managed-kafka', 'MaximumBatchingWindowInSeconds', 0, 300, -1, 301, []],
  ['mq-activemq', 'MaximumBatchingWindowInSeconds', 0, 300, -1, 301, []],
  ['mq-rabbitmq', 'MaximumBatchingWindowInSeconds', 0, 300, -1, 301, []],
  ['documentdb', 'MaximumBatchingWindowInSeconds', 0, 300, -1, 301, []],
  // ParallelizationFactor 1..10 (Kinesis, DynamoDB).
  ['kinesis', 'ParallelizationFactor', 1, 10, 0, 11, []],
  ['dynamodb', 'ParallelizationFactor', 1, 10, 0, 11, []],
  // MaximumRecordAgeInSeconds −1 or 60..604800.
  ['kinesis', 'MaximumRecordAgeInSeconds', 60, 604800, 59, 604801, [-1]],
  ['dynamodb', 'MaximumRecordAgeInSeconds', 60, 604800, 59, 604801, [-1]],
  // MaximumRetryAttempts −1..10000.
  ['kinesis', 'MaximumRetryAttempts', -1, 10000, -2, 10001, [0]],
  ['dynamodb', 'MaximumRetryAttempts', -1, 10000, -2, 10001, [0]],
  // TumblingWindowInSeconds 0..900.
  ['kinesis', 'TumblingWindowInSeconds', 0, 900, -1, 901, []],
  ['dynamodb', 'TumblingWindowInSeconds', 0, 900, -1, 901, []],
  // ScalingConfig.MaximumConcurrency 2..1000 (SQS).
  ['sqs', 'ScalingConfig.MaximumConcurrency', 2, 1000, 1, 1001, []],
  ['sqs-fifo', 'ScalingConfig.MaximumConcurrency', 2, 1000, 1, 1001, []],
];

describe.each(INTEGER_RULES)('%s %s', (type, path, min, max, below, above, extra) => {
  // SQS needs a window for BatchSize > 10 (tested separately); give one so only the range is tested.
  const base =
    type === 'sqs' && path === 'BatchSize'
      ? validValues(type, { MaximumBatchingWindowInSeconds: '1' })
      : validValues(type);

  it.each([min, max, ...extra])('accepts %i', (n) => {
    const r = parse(withPath(base, path, String(n)));
    expect(r.issues).toEqual([]);
    expect(readPath(r.data, path)).toBe(n);
  });

  it.each([
    [below, 'low'],
    [above, 'high'],
  ])('rejects %i (too %s) at the field, naming the range', (n, side) => {
    const r = parse(withPath(base, path, String(n)));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.path).toBe(path);
    expect(r.issues[0]?.message).toContain(`too ${side}`);
    expect(r.issues[0]?.message).toContain(max.toLocaleString('en-US'));
  });

  it.each(['1.5', 'abc', '1e3'])('rejects non-integer %s', (raw) => {
    const r = parse(withPath(base, path, raw));
    expect(r.issues[0]?.path).toBe(path);
    expect(r.issues[0]?.message).toMatch(/whole number/);
  });

  it('treats empty as the AWS default (omitted)', () => {
    const r = parse(withPath(base, path, ''));
    expect(r.issues).toEqual([]);
    expect(readPath(r.data, path)).toBeUndefined();
  });
});

describe('MaximumRecordAgeInSeconds between the sentinel and 60', () => {
  it.each(['0', '1', '-2'])('rejects %s with the AWS rule in words', (raw) => {
    const r = parse(validValues('kinesis', { MaximumRecordAgeInSeconds: raw }));
    expect(r.issues[0]?.message).toBe(
      `MaximumRecordAgeInSeconds for Amazon Kinesis must be -1 (infinite) or 60–604,800 seconds; ${raw} is too ${raw === '-2' ? 'low' : 'low'}.`,
    );
  });
});

describe('SQS: BatchSize above 10 needs a batching window ≥ 1 second', () => {
  it.each([
    ['11', '', false],
    ['11', '0', false],
    ['10000', '0', false],
    ['11', '1', true],
    ['10', '', true],
    ['10', '0', true],
    ['', '', true],
    ['1', '300', true],
  ])('BatchSize %j window %j → ok=%s', (batch, window, ok) => {
    const r = parse(
      validValues('sqs', { BatchSize: batch, MaximumBatchingWindowInSeconds: window }),
    );
    expect(r.ok).toBe(ok);
    if (!ok) {
      expect(r.issues).toEqual([
        {
          path: 'MaximumBatchingWindowInSeconds',
          message:
            'SQS BatchSize above 10 needs MaximumBatchingWindowInSeconds of at least 1 second; set a window of 1–300 seconds, or lower BatchSize to 10.',
        },
      ]);
    }
  });

  it.each(['kinesis', 'dynamodb'] as const)(
    'does not apply to %s (AWS accepts 100 records with window 0)',
    (type) => {
      expect(
        parse(validValues(type, { BatchSize: '11', MaximumBatchingWindowInSeconds: '0' })).ok,
      ).toBe(true);
    },
  );
});

describe('SQS FIFO', () => {
  it('has no batching window: a stale value is dropped, never sent', () => {
    const r = parse(validValues('sqs-fifo', { MaximumBatchingWindowInSeconds: '5' }));
    expect(r.ok).toBe(true);
    expect(r.data?.MaximumBatchingWindowInSeconds).toBeUndefined();
  });
});

describe('StartingPosition', () => {
  it.each([
    ['kinesis', true],
    ['dynamodb', true],
    ['msk', true],
    ['documentdb', true],
    ['self-managed-kafka', false],
  ] as const)('%s requires one: %s', (type, required) => {
    const r = parse(validValues(type, { StartingPosition: '' }));
    expect(r.ok).toBe(!required);
    if (required) expect(r.issues[0]?.path).toBe('StartingPosition');
  });

  it.each(['sqs', 'sqs-fifo', 'mq-activemq', 'mq-rabbitmq'] as const)(
    'does not apply to %s (dropped)',
    (type) => {
      const r = parse(validValues(type, { StartingPosition: 'LATEST' }));
      expect(r.ok).toBe(true);
      expect(r.data?.StartingPosition).toBeUndefined();
    },
  );

  it.each([
    ['kinesis', true],
    ['msk', true],
    ['self-managed-kafka', true],
    ['documentdb', true],
    ['dynamodb', false],
  ] as const)('AT_TIMESTAMP on %s allowed: %s', (type, allowed) => {
    const r = parse(
      validValues(type, {
        StartingPosition: 'AT_TIMESTAMP',
        StartingPositionTimestamp: '2024-06-01T00:00:00Z',
      }),
    );
    expect(r.ok).toBe(allowed);
    if (!allowed) {
      expect(r.issues[0]).toEqual({
        path: 'StartingPosition',
        message:
          'Amazon DynamoDB Streams supports StartingPosition TRIM_HORIZON or LATEST only; choose one of those.',
      });
    }
  });

  it('rejects a value outside the enum', () => {
    expect(
      parse(validValues('kinesis', { StartingPosition: 'OLDEST' as 'LATEST' })).issues[0]?.path,
    ).toBe('StartingPosition');
  });
});

describe('StartingPositionTimestamp', () => {
  const at = (ts: string, position: MappingFormValues['StartingPosition'] = 'AT_TIMESTAMP') =>
    parse(validValues('kinesis', { StartingPosition: position, StartingPositionTimestamp: ts }));

  it('AT_TIMESTAMP without a timestamp → ask for one', () => {
    expect(at('').issues).toEqual([
      {
        path: 'StartingPositionTimestamp',
        message:
          'Enter StartingPositionTimestamp: AT_TIMESTAMP needs the time to start reading from.',
      },
    ]);
  });

  it('AT_TIMESTAMP with a timestamp → a Date', () => {
    const r = at('2024-06-01T12:00:00Z');
    expect(r.data?.StartingPositionTimestamp).toEqual(new Date('2024-06-01T12:00:00Z'));
  });

  it.each(['LATEST', 'TRIM_HORIZON'] as const)('a timestamp with %s → clear it', (position) => {
    expect(at('2024-06-01T12:00:00Z', position).issues[0]?.path).toBe('StartingPositionTimestamp');
    expect(at('2024-06-01T12:00:00Z', position).issues[0]?.message).toMatch(
      /^Clear StartingPositionTimestamp/,
    );
  });

  it('accepts exactly now, rejects 1 ms later (cannot be in the future)', () => {
    expect(at('2025-01-15T12:00:00.000Z').ok).toBe(true);
    expect(at('2025-01-15T12:00:00.001Z').issues[0]).toEqual({
      path: 'StartingPositionTimestamp',
      message: 'StartingPositionTimestamp cannot be in the future; enter a time at or before now.',
    });
  });

  it.each(['yesterday', '2024-02-30T00:00:00Z', '2024-13-01T00:00', '2024-06-01'])(
    'rejects %s',
    (ts) => {
      expect(at(ts).issues[0]?.path).toBe('StartingPositionTimestamp');
    },
  );

  it.each([
    ['2024-06-01T12:00:00Z', '2024-06-01T12:00:00.000Z'],
    ['2024-06-01T12:00', '2024-06-01T12:00:00.000Z'],
    ['2024-06-01 12:00:30.250', '2024-06-01T12:00:30.250Z'],
    ['2024-06-01T14:00:00+02:00', '2024-06-01T12:00:00.000Z'],
    ['2024-06-01T14:00:00+0200', '2024-06-01T12:00:00.000Z'],
  ])('parseIsoTimestamp(%s) = %s (no offset = UTC)', (input, iso) => {
    expect(parseIsoTimestamp(input)?.toISOString()).toBe(iso);
  });
});

describe('FunctionName (AWS pattern and lengths)', () => {
  const name64 = 'f'.repeat(64);
  it.each([
    'my-function',
    'my_function.v2',
    'my-function:prod',
    'my-function:1',
    'my-function:$LATEST',
    '123456789012:function:my-function',
    '123456789012:function:my-function:prod',
    'arn:aws:lambda:us-east-1:123456789012:function:my-function',
    'arn:aws:lambda:us-east-1:123456789012:function:my-function:prod',
    'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:my-function',
    name64,
    `my-function:${'a'.repeat(128)}`,
  ])('accepts %s', (name) => {
    expect(functionNameError(name)).toBeUndefined();
    expect(parse(validValues('sqs', { FunctionName: name })).ok).toBe(true);
  });

  it.each([
    ['', /Enter the function name/],
    [`${name64}f`, /at most 64 characters/],
    ['my function', /Enter a function name/],
    ['my-function:a:b', /Enter a function name/],
    ['arn:aws:lambda:us-east-1:123456789012:my-function', /needs “function:”/],
    [`my-function:${'a'.repeat(129)}`, /at most 128 characters/],
    [
      `arn:aws:lambda:us-east-1:123456789012:function:${'f'.repeat(64)}:${'a'.repeat(150)}`,
      /at most 256 characters/,
    ],
  ])('rejects %j', (name, message) => {
    const r = parse(validValues('sqs', { FunctionName: name }));
    expect(r.issues[0]?.path).toBe('FunctionName');
    expect(r.issues[0]?.message).toMatch(message);
  });
});

describe('EventSourceArn must match the source type', () => {
  it.each([
    [
      'sqs',
      ARNS.sqsFifo,
      /This ARN is Amazon SQS \(FIFO queue\), but the source type is Amazon SQS \(standard queue\)/,
    ],
    ['sqs-fifo', ARNS.sqs, /This ARN is Amazon SQS \(standard queue\)/],
    ['kinesis', ARNS.sqs, /Change the source type to Amazon SQS/],
    ['mq-activemq', ARNS.kinesis, /This ARN is Amazon Kinesis/],
    ['kinesis', ARNS.mq, /This ARN is an Amazon MQ broker/],
    ['dynamodb', 'arn:aws:dynamodb:us-east-1:123456789012:table/orders', /stream ARN/],
    ['sqs', 'arn:aws:sns:us-east-1:123456789012:topic', /cannot read from “sns”/],
    ['sqs', '', /Enter the ARN of the Amazon SQS \(standard queue\) source/],
    ['sqs', 'not-an-arn', /Enter an ARN of the form/],
  ] as const)('%s with %s', (type, arn, message) => {
    const r = parse(validValues(type, { EventSourceArn: arn }));
    expect(r.issues[0]?.path).toBe('EventSourceArn');
    expect(r.issues[0]?.message).toMatch(message);
  });

  it.each([
    ['kinesis', ARNS.kinesisConsumer],
    ['mq-activemq', ARNS.mq],
    ['mq-rabbitmq', ARNS.mq],
  ] as const)('%s accepts %s', (type, arn) => {
    expect(parse(validValues(type, { EventSourceArn: arn })).ok).toBe(true);
  });

  it('self-managed Kafka has no ARN (a stale value is dropped)', () => {
    const r = parse(validValues('self-managed-kafka', { EventSourceArn: ARNS.sqs }));
    expect(r.ok).toBe(true);
    expect(r.data?.EventSourceArn).toBeUndefined();
  });
});

describe('Topics and Queues: exactly one', () => {
  it.each([
    ['msk', 'Topics'],
    ['self-managed-kafka', 'Topics'],
    ['mq-activemq', 'Queues'],
    ['mq-rabbitmq', 'Queues'],
  ] as const)('%s %s: none → error at .0; two → error; one → ok', (type, field) => {
    expect(parse(validValues(type, { [field]: [''] })).issues[0]?.path).toBe(`${field}.0`);
    expect(parse(validValues(type, { [field]: [] })).issues[0]?.path).toBe(`${field}.0`);
    expect(parse(validValues(type, { [field]: ['a-1', 'b-2'] })).issues[0]?.message).toMatch(
      /exactly one/,
    );
    expect(readPath(parse(validValues(type, { [field]: ['orders'] })).data, field)).toEqual([
      'orders',
    ]);
  });

  it.each([
    ['orders.v1', true],
    ['o'.repeat(249), true],
    ['o'.repeat(250), false],
    ['.orders', false],
    ['my topic', false],
  ])('topic %j valid=%s', (topic, ok) => {
    expect(parse(validValues('msk', { Topics: [topic] })).ok).toBe(ok);
  });

  it.each([
    ['q'.repeat(1000), true],
    ['q'.repeat(1001), false],
    ['queue with spaces/and:colons', true],
  ])('queue of length %#: valid=%s', (queue, ok) => {
    expect(parse(validValues('mq-activemq', { Queues: [queue] })).ok).toBe(ok);
  });

  it.each(['kinesis', 'sqs', 'documentdb'] as const)('%s ignores Topics and Queues', (type) => {
    const r = parse(validValues(type, { Topics: ['x', 'y'], Queues: [] }));
    expect(r.ok).toBe(true);
    expect(r.data?.Topics).toBeUndefined();
    expect(r.data?.Queues).toBeUndefined();
  });
});

const sac = (...rows: [string, string][]) => rows.map(([Type, URI]) => ({ Type, URI }));
const SUBNET = 'subnet:subnet-0123456789abcdef0';
const SG = 'security_group:sg-0123456789abcdef0';

describe('SourceAccessConfigurations', () => {
  it.each<[SourceType, ReturnType<typeof sac>, string | null, RegExp | null]>([
    // Amazon MQ: exactly one BASIC_AUTH; VIRTUAL_HOST only for RabbitMQ.
    ['mq-activemq', sac(['BASIC_AUTH', SECRET]), null, null],
    ['mq-activemq', [], 'SourceAccessConfigurations', /Add a BASIC_AUTH entry/],
    [
      'mq-activemq',
      sac(['BASIC_AUTH', SECRET], ['BASIC_AUTH', SECRET]),
      'SourceAccessConfigurations.1.Type',
      /Only one BASIC_AUTH/,
    ],
    [
      'mq-activemq',
      sac(['BASIC_AUTH', SECRET], ['VIRTUAL_HOST', '/']),
      'SourceAccessConfigurations.1.Type',
      /does not accept VIRTUAL_HOST/,
    ],
    [
      'mq-activemq',
      sac(['BASIC_AUTH', 'my-secret']),
      'SourceAccessConfigurations.0.URI',
      /Secrets Manager secret ARN/,
    ],
    [
      'mq-activemq',
      sac(['BASIC_AUTH', '']),
      'SourceAccessConfigurations.0.URI',
      /Enter the Secrets Manager secret ARN/,
    ],
    ['mq-activemq', sac(['', SECRET]), 'SourceAccessConfigurations.0.Type', /Choose a type/],
    ['mq-rabbitmq', sac(['BASIC_AUTH', SECRET], ['VIRTUAL_HOST', '/']), null, null],
    [
      'mq-rabbitmq',
      sac(['VIRTUAL_HOST', '/']),
      'SourceAccessConfigurations',
      /Add a BASIC_AUTH entry/,
    ],
    [
      'mq-rabbitmq',
      sac(['BASIC_AUTH', SECRET], ['VIRTUAL_HOST', '/'], ['VIRTUAL_HOST', 'prod']),
      'SourceAccessConfigurations.2.Type',
      /Only one VIRTUAL_HOST/,
    ],
    [
      'mq-rabbitmq',
      sac(['BASIC_AUTH', SECRET], ['VIRTUAL_HOST', 'v#h']),
      'SourceAccessConfigurations.1.URI',
      /1–200 characters/,
    ],
    // A space is allowed since the 2026-08 model (OAuth scopes need one).
    ['mq-rabbitmq', sac(['BASIC_AUTH', SECRET], ['VIRTUAL_HOST', 'v h']), null, null],
    ['mq-rabbitmq', sac(['BASIC_AUTH', SECRET], ['VIRTUAL_HOST', 'v'.repeat(200)]), null, null],
    [
      'mq-rabbitmq',
      sac(['BASIC_AUTH', SECRET], ['VIRTUAL_HOST', 'v'.repeat(201)]),
      'SourceAccessConfigurations.1.URI',
      /1–200 characters/,
    ],
    // Self-managed Kafka, the seven types of client-lambda 3.1164.0.
    ['self-managed-kafka', sac(['OAUTHBEARER_AUTH', SECRET]), null, null],
    [
      'self-managed-kafka',
      sac(
        ['OAUTHBEARER_AUTH', SECRET],
        ['OAUTHBEARER_SCOPE', 'kafka:read kafka:write'],
        ['OAUTHBEARER_AUDIENCE', 'https://kafka.example.com'],
        ['OAUTHBEARER_LOGICAL_CLUSTER', 'lkc-abc123'],
        ['OAUTHBEARER_IDENTITY_POOL', 'pool-AbCd'],
      ),
      null,
      null,
    ],
    [
      'self-managed-kafka',
      sac(['OAUTHBEARER_AUTH', 'not-a-secret']),
      'SourceAccessConfigurations.0.URI',
      /Secrets Manager secret ARN/,
    ],
    [
      'self-managed-kafka',
      sac(['SASL_SCRAM_512_AUTH', SECRET], ['OAUTHBEARER_SCOPE', 'read']),
      'SourceAccessConfigurations.1.Type',
      /OAUTHBEARER_SCOPE needs OAUTHBEARER_AUTH as well/,
    ],
    ['self-managed-kafka', sac(['IAM_AUTH', '']), null, null],
    [
      'self-managed-kafka',
      sac(['IAM_AUTH', 'arn:aws:iam::123456789012:role/r']),
      'SourceAccessConfigurations.0.URI',
      /takes no URI/,
    ],
    [
      'self-managed-kafka',
      sac(['IAM_OAUTHBEARER_AUTH', ''], ['OAUTHBEARER_AUDIENCE', 'https://kafka.example.com']),
      null,
      null,
    ],
    [
      'self-managed-kafka',
      sac(['IAM_OAUTHBEARER_AUTH', '']),
      'SourceAccessConfigurations.0.Type',
      /needs OAUTHBEARER_AUDIENCE/,
    ],
    [
      'self-managed-kafka',
      sac(
        ['IAM_OAUTHBEARER_AUTH', ''],
        ['OAUTHBEARER_AUDIENCE', 'aud'],
        ['OAUTHBEARER_LOGICAL_CLUSTER', 'lkc-1'],
      ),
      'SourceAccessConfigurations.2.Type',
      /OAUTHBEARER_LOGICAL_CLUSTER cannot be used with IAM_OAUTHBEARER_AUTH/,
    ],
    [
      'self-managed-kafka',
      sac(['OAUTHBEARER_AUTH', SECRET], ['IAM_AUTH', '']),
      'SourceAccessConfigurations.1.Type',
      /Use one authentication method/,
    ],
    // MSK does not take the self-managed OAuth types.
    [
      'msk',
      sac(['OAUTHBEARER_AUTH', SECRET]),
      'SourceAccessConfigurations.0.Type',
      /does not accept OAUTHBEARER_AUTH/,
    ],
    // DocumentDB: exactly one BASIC_AUTH.
    ['documentdb', [], 'SourceAccessConfigurations', /Add a BASIC_AUTH entry/],
    [
      'documentdb',
      sac(['BASIC_AUTH', SECRET], ['VPC_SUBNET', SUBNET]),
      'SourceAccessConfigurations.1.Type',
      /does not accept VPC_SUBNET/,
    ],
    // Self-managed Kafka: at least one; one auth method; subnet and security group together.
    ['self-managed-kafka', [], 'SourceAccessConfigurations', /requires at least one/],
    ['self-managed-kafka', sac(['BASIC_AUTH', SECRET]), null, null],
    ['self-managed-kafka', sac(['SASL_SCRAM_256_AUTH', SECRET]), null, null],
    [
      'self-managed-kafka',
      sac(['CLIENT_CERTIFICATE_TLS_AUTH', SECRET], ['SERVER_ROOT_CA_CERTIFICATE', SECRET]),
      null,
      null,
    ],
    ['self-managed-kafka', sac(['VPC_SUBNET', SUBNET], ['VPC_SECURITY_GROUP', SG]), null, null],
    [
      'self-managed-kafka',
      sac(
        ['VPC_SUBNET', SUBNET],
        ['VPC_SUBNET', 'subnet:subnet-01234567'],
        ['VPC_SECURITY_GROUP', SG],
        ['SASL_SCRAM_512_AUTH', SECRET],
      ),
      null,
      null,
    ],
    [
      'self-managed-kafka',
      sac(['VPC_SUBNET', SUBNET]),
      'SourceAccessConfigurations',
      /Add a VPC_SECURITY_GROUP entry/,
    ],
    [
      'self-managed-kafka',
      sac(['VPC_SECURITY_GROUP', SG]),
      'SourceAccessConfigurations',
      /Add a VPC_SUBNET entry/,
    ],
    [
      'self-managed-kafka',
      sac(['BASIC_AUTH', SECRET], ['SASL_SCRAM_256_AUTH', SECRET]),
      'SourceAccessConfigurations.1.Type',
      /Use one authentication method/,
    ],
    [
      'self-managed-kafka',
      sac(['VIRTUAL_HOST', '/']),
      'SourceAccessConfigurations.0.Type',
      /does not accept VIRTUAL_HOST/,
    ],
    [
      'self-managed-kafka',
      sac(['VPC_SUBNET', 'subnet-0123'], ['VPC_SECURITY_GROUP', SG]),
      'SourceAccessConfigurations.0.URI',
      /subnet:subnet-<id>/,
    ],
    [
      'self-managed-kafka',
      sac(['VPC_SUBNET', SUBNET], ['VPC_SECURITY_GROUP', 'sg-0123456789abcdef0']),
      'SourceAccessConfigurations.1.URI',
      /security_group:sg-<id>/,
    ],
    // Amazon MSK: optional (IAM); SCRAM-512 or mTLS only.
    ['msk', [], null, null],
    ['msk', sac(['SASL_SCRAM_512_AUTH', SECRET]), null, null],
    ['msk', sac(['CLIENT_CERTIFICATE_TLS_AUTH', SECRET]), null, null],
    [
      'msk',
      sac(['SASL_SCRAM_256_AUTH', SECRET]),
      'SourceAccessConfigurations.0.Type',
      /does not accept SASL_SCRAM_256_AUTH/,
    ],
    [
      'msk',
      sac(['BASIC_AUTH', SECRET]),
      'SourceAccessConfigurations.0.Type',
      /does not accept BASIC_AUTH/,
    ],
    [
      'msk',
      sac(['SASL_SCRAM_512_AUTH', SECRET], ['CLIENT_CERTIFICATE_TLS_AUTH', SECRET]),
      'SourceAccessConfigurations.1.Type',
      /Use one authentication method/,
    ],
  ])('%s %j → %s', (type, rows, path, message) => {
    const r = parse(validValues(type, { SourceAccessConfigurations: rows }));
    if (path === null) {
      expect(r.issues).toEqual([]);
      // IAM types are sent without a URI.
      expect(r.data?.SourceAccessConfigurations).toEqual(
        rows.map((row) => (row.URI === '' ? { Type: row.Type } : row)),
      );
    } else {
      expect(r.issues[0]?.path).toBe(path);
      expect(r.issues[0]?.message).toMatch(message as RegExp);
    }
  });

  it('allows 23 entries and rejects 24 (service model 2026-08)', () => {
    const many = (n: number) => [
      { Type: 'SASL_SCRAM_512_AUTH', URI: SECRET },
      { Type: 'VPC_SECURITY_GROUP', URI: SG },
      ...Array.from({ length: n - 2 }, () => ({ Type: 'VPC_SUBNET', URI: SUBNET })),
    ];
    expect(
      parse(validValues('self-managed-kafka', { SourceAccessConfigurations: many(23) })).ok,
    ).toBe(true);
    const r = parse(validValues('self-managed-kafka', { SourceAccessConfigurations: many(24) }));
    expect(r.issues).toEqual([
      { path: 'SourceAccessConfigurations', message: 'At most 23 entries are allowed; remove 1.' },
    ]);
  });

  it('keeps an entry of a type this console does not know, as loaded, and does not block on it', () => {
    const r = parse(
      validValues('self-managed-kafka', {
        SourceAccessConfigurations: sac(
          ['SASL_SCRAM_512_AUTH', SECRET],
          ['FUTURE_AUTH_TYPE', 'any value: kept'],
        ),
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.data?.SourceAccessConfigurations).toEqual([
      { Type: 'SASL_SCRAM_512_AUTH', URI: SECRET },
      { Type: 'FUTURE_AUTH_TYPE', URI: 'any value: kept' },
    ]);
  });

  it('sends IAM types without a URI', () => {
    const r = parse(
      validValues('self-managed-kafka', { SourceAccessConfigurations: sac(['IAM_AUTH', '']) }),
    );
    expect(r.data?.SourceAccessConfigurations).toEqual([{ Type: 'IAM_AUTH' }]);
  });

  it.each(['kinesis', 'dynamodb', 'sqs', 'sqs-fifo'] as const)('%s ignores them', (type) => {
    const r = parse(validValues(type, { SourceAccessConfigurations: sac(['VIRTUAL_HOST', 'x']) }));
    expect(r.ok).toBe(true);
    expect(r.data?.SourceAccessConfigurations).toBeUndefined();
  });
});

describe('self-managed Kafka bootstrap servers', () => {
  const servers = (value: string) =>
    parse(
      validValues('self-managed-kafka', {
        SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: value } },
      }),
    );
  const path = 'SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS';

  it('splits on commas and whitespace', () => {
    expect(
      readPath(servers('b-1.example.com:9092, b-2.example.com:9094\n10.0.0.1:9092').data, path),
    ).toEqual(['b-1.example.com:9092', 'b-2.example.com:9094', '10.0.0.1:9092']);
  });

  it.each([
    ['', /at least one bootstrap server/],
    ['b-1.example.com', /is not host:port/],
    ['b-1.example.com:123456', /is not host:port/],
    [
      Array.from({ length: 11 }, (_, i) => `b${i}:9092`).join(','),
      /at most 10 bootstrap servers; remove 1/,
    ],
  ])('rejects %j', (value, message) => {
    const r = servers(value);
    expect(r.issues[0]?.path).toBe(path);
    expect(r.issues[0]?.message).toMatch(message);
  });

  it('accepts 10 servers', () => {
    expect(servers(Array.from({ length: 10 }, (_, i) => `b${i}:9092`).join(',')).ok).toBe(true);
  });
});

describe('consumer group id (MSK, self-managed Kafka)', () => {
  it.each([
    ['msk', 'AmazonManagedKafkaEventSourceConfig'],
    ['self-managed-kafka', 'SelfManagedKafkaEventSourceConfig'],
  ] as const)(
    '%s: empty → AWS generates; 200 chars or a space ok (model 2026-08); 201 or # → error',
    (type, field) => {
      const set = (id: string) => parse(validValues(type, { [field]: { ConsumerGroupId: id } }));
      expect(readPath(set('').data, `${field}.ConsumerGroupId`)).toBeUndefined();
      expect(readPath(set('g'.repeat(200)).data, `${field}.ConsumerGroupId`)).toBe('g'.repeat(200));
      expect(set('g'.repeat(201)).issues[0]?.path).toBe(`${field}.ConsumerGroupId`);
      expect(readPath(set('my group').data, `${field}.ConsumerGroupId`)).toBe('my group');
      expect(set('my#group').issues[0]?.path).toBe(`${field}.ConsumerGroupId`);
    },
  );

  it('the MSK config is ignored for self-managed Kafka and vice versa', () => {
    const r = parse(
      validValues('msk', {
        SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'bad#group', ConsumptionMode: '' },
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.data?.SelfManagedKafkaEventSourceConfig).toBeUndefined();
  });
});

describe('DocumentDB config', () => {
  const doc = (config: Partial<MappingFormValues['DocumentDBEventSourceConfig']>) =>
    parse(
      validValues('documentdb', {
        DocumentDBEventSourceConfig: {
          DatabaseName: 'shop',
          CollectionName: '',
          FullDocument: '',
          ...config,
        },
      }),
    );

  it.each([
    [{ DatabaseName: '' }, 'DocumentDBEventSourceConfig.DatabaseName'],
    [{ DatabaseName: 'shop.v2' }, 'DocumentDBEventSourceConfig.DatabaseName'],
    [{ DatabaseName: 'd'.repeat(64) }, 'DocumentDBEventSourceConfig.DatabaseName'],
    [{ CollectionName: 'system.users' }, 'DocumentDBEventSourceConfig.CollectionName'],
    [{ CollectionName: '$orders' }, 'DocumentDBEventSourceConfig.CollectionName'],
    [{ CollectionName: 'c'.repeat(58) }, 'DocumentDBEventSourceConfig.CollectionName'],
    [{ FullDocument: 'Everything' as 'Default' }, 'DocumentDBEventSourceConfig.FullDocument'],
  ])('%j → error at %s', (config, path) => {
    expect(doc(config).issues[0]?.path).toBe(path);
  });

  it('accepts the edges and parses to the request shape', () => {
    expect(
      doc({
        DatabaseName: 'd'.repeat(63),
        CollectionName: 'c'.repeat(57),
        FullDocument: 'UpdateLookup',
      }).data?.DocumentDBEventSourceConfig,
    ).toEqual({
      DatabaseName: 'd'.repeat(63),
      CollectionName: 'c'.repeat(57),
      FullDocument: 'UpdateLookup',
    });
  });
});

describe('DestinationConfig.OnFailure (only Kinesis, DynamoDB, MSK, self-managed Kafka)', () => {
  const path = 'DestinationConfig.OnFailure.Destination';
  // A kafka:// topic needs provisioned mode (kafka-retry-configurations): given here.
  const dest = (type: SourceType, d: string) =>
    parse(
      validValues(type, {
        DestinationConfig: { OnFailure: { Destination: d } },
        ...(d.startsWith('kafka://')
          ? {
              ProvisionedPollerConfig: {
                MinimumPollers: '1',
                MaximumPollers: '',
                PollerGroupName: '',
              },
            }
          : {}),
      }),
    );

  it.each<[SourceType, string, boolean]>([
    ['kinesis', 'arn:aws:sqs:us-east-1:123456789012:dlq', true],
    ['kinesis', 'arn:aws:sns:us-east-1:123456789012:failures', true],
    ['dynamodb', 'arn:aws:s3:::failed-batches', true],
    ['kinesis', 'kafka://failures', false],
    ['msk', 'kafka://failures', true],
    ['self-managed-kafka', 'kafka://failures', true],
    ['msk', 'kafka://.hidden', false],
    ['kinesis', 'arn:aws:lambda:us-east-1:123456789012:function:f', false],
    ['kinesis', 'arn:aws:sqs:::dlq', false],
    ['kinesis', 'dlq', false],
    ['kinesis', `arn:aws:sqs:us-east-1:123456789012:${'q'.repeat(315)}`, true],
    ['kinesis', `arn:aws:sqs:us-east-1:123456789012:${'q'.repeat(316)}`, false],
  ])('%s %s valid=%s', (type, d, ok) => {
    const r = dest(type, d);
    expect(r.ok).toBe(ok);
    if (!ok) expect(r.issues[0]?.path).toBe(path);
    else expect(readPath(r.data, path)).toBe(d);
  });

  it.each(['sqs', 'sqs-fifo', 'mq-activemq', 'mq-rabbitmq', 'documentdb'] as const)(
    '%s does not support it (dropped)',
    (type) => {
      const r = dest(type, 'arn:aws:sqs:us-east-1:123456789012:dlq');
      expect(r.ok).toBe(true);
      expect(r.data?.DestinationConfig).toBeUndefined();
    },
  );
});

describe('FunctionResponseTypes', () => {
  it.each<[SourceType, boolean]>([
    ['kinesis', true],
    ['dynamodb', true],
    ['sqs', true],
    ['sqs-fifo', true],
    // Kafka: in provisioned mode (given here; without it see the provisioned-mode rules).
    ['msk', true],
    ['self-managed-kafka', true],
    ['mq-activemq', false],
    ['documentdb', false],
  ])('%s applies=%s', (type, applies) => {
    const r = parse(
      validValues(type, {
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ProvisionedPollerConfig: { MinimumPollers: '2', MaximumPollers: '', PollerGroupName: '' },
      }),
    );
    expect(r.data?.FunctionResponseTypes).toEqual(
      applies ? ['ReportBatchItemFailures'] : undefined,
    );
  });

  it('rejects other values', () => {
    const r = parse(
      validValues('sqs', {
        FunctionResponseTypes: ['ReportEverything' as 'ReportBatchItemFailures'],
      }),
    );
    expect(r.issues[0]?.path).toBe('FunctionResponseTypes');
  });
});

describe('FilterCriteria', () => {
  const filters = (...patterns: string[]) =>
    parse(
      validValues('sqs', { FilterCriteria: { Filters: patterns.map((Pattern) => ({ Pattern })) } }),
    );

  it('keeps valid patterns verbatim', () => {
    const pattern = '{ "body": { "status": ["active"], "count": [{ "numeric": [">", 0] }] } }';
    expect(filters(pattern).data?.FilterCriteria).toEqual({ Filters: [{ Pattern: pattern }] });
  });

  it.each([
    ['', /Enter a JSON filter pattern/],
    ['{"body": ', /not valid JSON/],
    ['["active"]', /must be a JSON object/],
    ['{"body": {"status": "active"}}', /at “body.status” in a list/],
    ['{"body": {}}', /is empty/],
    ['{"body": {"status": []}}', /empty list at “body.status”/],
    ['{}', /is empty/],
  ])('%j → error at the pattern', (pattern, message) => {
    const r = filters('{"a": ["b"]}', pattern);
    expect(r.issues[0]?.path).toBe('FilterCriteria.Filters.1.Pattern');
    expect(r.issues[0]?.message).toMatch(message);
  });

  it('accepts a 4,096-character pattern and rejects 4,097', () => {
    const pad = (n: number) => `{"a": ["${'x'.repeat(n - 11)}"]}`;
    expect(pad(4096)).toHaveLength(4096);
    expect(filters(pad(4096)).ok).toBe(true);
    expect(filters(pad(4097)).issues[0]?.message).toMatch(/at most 4,096 characters/);
  });

  it('accepts up to 10 filters (a raised quota; Lambda judges the account) and rejects 11; a known quota of 5 rejects 6', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `{"n": [${i}]}`);
    expect(filters(...many(10)).ok).toBe(true);
    expect(filters(...many(11)).issues).toEqual([
      {
        path: 'FilterCriteria.Filters',
        message: 'At most 10 filters are allowed even with a raised quota; remove 1.',
      },
    ]);
    const known = createMappingFormSchema({ now: () => NOW, maxFilters: 5 });
    const six = many(6).map((Pattern) => ({ Pattern }));
    expect(
      parse(validValues('sqs', { FilterCriteria: { Filters: six } }), known).issues[0]?.message,
    ).toBe('At most 5 filters are allowed for this account (Lambda quota); remove 1.');
  });
});

describe('edit mode: the 500 ms default window cannot be restored', () => {
  it.each<[SourceType, number | undefined, string, boolean]>([
    ['msk', 5, '', false],
    ['msk', 5, '0', true],
    ['msk', undefined, '', true],
    ['mq-activemq', 2, '', false],
    ['documentdb', 2, '', false],
    ['self-managed-kafka', 1, '', false],
    ['kinesis', 5, '', true],
    ['sqs', 5, '', true],
  ])('%s existing window %s, form %j → ok=%s', (type, existingWindow, value, ok) => {
    const edit = createMappingFormSchema({
      now: () => NOW,
      existing: { MaximumBatchingWindowInSeconds: existingWindow },
    });
    const r = parse(validValues(type, { MaximumBatchingWindowInSeconds: value }), edit);
    expect(r.ok).toBe(ok);
    if (!ok) {
      expect(r.issues[0]?.path).toBe('MaximumBatchingWindowInSeconds');
      expect(r.issues[0]?.message).toMatch(/cannot restore the 500 ms default/);
    }
  });
});

describe('fields that do not apply are dropped, whatever they hold', () => {
  it('SQS with garbage in every stream/Kafka/MQ/DocumentDB field still parses', () => {
    const r = parse(
      validValues('sqs', {
        ParallelizationFactor: 'abc',
        StartingPosition: 'AT_TIMESTAMP',
        StartingPositionTimestamp: 'not a date',
        MaximumRecordAgeInSeconds: '5',
        MaximumRetryAttempts: '-9',
        BisectBatchOnFunctionError: true,
        TumblingWindowInSeconds: '9999',
        Topics: [],
        Queues: [],
        SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: 'nope' } },
        DocumentDBEventSourceConfig: { DatabaseName: '', CollectionName: '$', FullDocument: '' },
      }),
    );
    expect(r.issues).toEqual([]);
    const data = r.data as Record<string, unknown>;
    for (const key of [
      'ParallelizationFactor',
      'StartingPosition',
      'StartingPositionTimestamp',
      'MaximumRecordAgeInSeconds',
      'MaximumRetryAttempts',
      'BisectBatchOnFunctionError',
      'TumblingWindowInSeconds',
      'Topics',
      'Queues',
      'SelfManagedEventSource',
      'DocumentDBEventSourceConfig',
    ]) {
      expect(data[key], key).toBeUndefined();
    }
  });

  it('the default schema uses the real clock', () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const r = mappingFormSchema.safeParse(
      validValues('kinesis', {
        StartingPosition: 'AT_TIMESTAMP',
        StartingPositionTimestamp: future,
      }),
    );
    expect(r.success).toBe(false);
  });
});

describe('number inputs', () => {
  it('accepts numbers as well as strings (e.g. valueAsNumber) and trims strings', () => {
    const r = parse({ ...validValues('kinesis'), BatchSize: 500, ParallelizationFactor: ' 2 ' });
    expect(r.data?.BatchSize).toBe(500);
    expect(r.data?.ParallelizationFactor).toBe(2);
  });
});

describe('missing nested objects (keys left out of the values)', () => {
  it('a missing DocumentDBEventSourceConfig asks for the database', () => {
    const { DocumentDBEventSourceConfig: _omit, ...rest } = validValues('documentdb');
    expect(parse(rest).issues[0]).toEqual({
      path: 'DocumentDBEventSourceConfig.DatabaseName',
      message: 'Enter the DocumentDB database to read from.',
    });
  });

  it('missing optional objects and lists parse to “not set”', () => {
    const {
      DestinationConfig: _d,
      FilterCriteria: _f,
      FunctionResponseTypes: _r,
      ...rest
    } = validValues('kinesis');
    const r = parse(rest);
    expect(r.issues).toEqual([]);
    expect(r.data?.DestinationConfig).toEqual({ OnFailure: { Destination: undefined } });
    expect(r.data?.FilterCriteria).toEqual({ Filters: [] });
    expect(r.data?.FunctionResponseTypes).toEqual([]);
  });

  it('a missing bootstrap-server list asks for one', () => {
    const { SelfManagedEventSource: _s, ...rest } = validValues('self-managed-kafka');
    expect(parse(rest).issues[0]?.path).toBe(
      'SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS',
    );
  });
});

describe('Enabled', () => {
  it.each([
    [true, true],
    [false, false],
    [undefined, true],
    [null, true],
  ])('%s → %s (missing = AWS default true)', (value, expected) => {
    expect(parse({ ...validValues('sqs'), Enabled: value }).data?.Enabled).toBe(expected);
  });
});

describe('only the keys a source needs', () => {
  it.each([
    [{ sourceType: 'sqs', FunctionName: 'f', EventSourceArn: ARNS.sqs }],
    [
      {
        sourceType: 'kinesis',
        FunctionName: 'f',
        EventSourceArn: ARNS.kinesis,
        StartingPosition: 'LATEST',
      },
    ],
    [
      {
        sourceType: 'mq-rabbitmq',
        FunctionName: 'f',
        EventSourceArn: ARNS.mq,
        Queues: ['q'],
        SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }],
      },
    ],
  ])('%j parses', (values) => {
    const r = parse(values);
    expect(r.issues).toEqual([]);
    expect(r.data?.Enabled).toBe(true);
  });

  it('a missing required key still gets a message that says what to enter', () => {
    expect(
      parse({ sourceType: 'kinesis', FunctionName: 'f', EventSourceArn: ARNS.kinesis }).issues,
    ).toEqual([
      {
        path: 'StartingPosition',
        message:
          'Choose a StartingPosition (TRIM_HORIZON, LATEST, AT_TIMESTAMP): Amazon Kinesis requires one.',
      },
    ]);
    expect(parse({ sourceType: 'sqs', EventSourceArn: ARNS.sqs }).issues[0]?.path).toBe(
      'FunctionName',
    );
  });
});
