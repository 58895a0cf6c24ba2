import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { fieldForAwsMember } from './api-error-to-form';
import { createMappingFormSchema, type MappingFormValues } from './mapping-form-schema';
import {
  MEMBER_LEAVES,
  REQUEST_MEMBERS,
  getPath,
  leafApplies,
  setPath,
  type MemberLeaf,
} from './request-members';
import { SOURCE_TYPES, UPDATABLE_FIELDS, type SourceType } from './source-limits';
import { ARNS, validValues } from './test-fixtures';
import {
  diffMapping,
  toCliCommand,
  toCreateMappingInput,
  toFormValues,
  toUpdateMappingInput,
} from './to-request';

const schema = createMappingFormSchema({ now: () => new Date('2026-01-01T00:00:00Z') });
const UUID = '6e997677-6161-4606-b9c0-7e9335472fd3';

/** Form values of `type` with `path` set (leaves nest, so the path is written in place). */
function withLeaf(type: SourceType, path: string, value: unknown, extra = {}): MappingFormValues {
  const values = structuredClone(validValues(type, extra));
  setPath(values as unknown as Record<string, unknown>, path, value);
  return values;
}

function parse(values: MappingFormValues) {
  const r = schema.safeParse(values);
  return {
    ok: r.success,
    data: r.success ? r.data : undefined,
    issues: r.success
      ? []
      : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

/** Kafka error handling and logging need provisioned mode; every leaf test gives it on Kafka. */
const provisioned = (type: SourceType) =>
  type === 'msk' || type === 'self-managed-kafka'
    ? { ProvisionedPollerConfig: { MinimumPollers: '', MaximumPollers: '', PollerGroupName: 'g' } }
    : {};

describe('the registry', () => {
  it('names every member of the Create and Update requests once, each with a CLI option', () => {
    const names = REQUEST_MEMBERS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const m of REQUEST_MEMBERS) expect(m.cli).toMatch(/^--[a-z-]+$/);
    expect(names).toEqual(
      expect.arrayContaining([
        'ProvisionedPollerConfig',
        'MetricsConfig',
        'LoggingConfig',
        'KMSKeyArn',
        'Tags',
        'UUID',
      ]),
    );
  });

  it('derives the updatable members from it', () => {
    for (const m of REQUEST_MEMBERS) {
      expect(UPDATABLE_FIELDS.has(m.name as never), m.name).toBe(m.updatable);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Each leaf, each source: valid edge values and the first invalid value on each side
// ---------------------------------------------------------------------------------------------

/**
 * The limits as AWS states them (written out, not read from the registry, so a wrong entry fails):
 * ProvisionedPollerConfig model doc of client-lambda 3.1164.0 — SQS MinimumPollers 2..200 (min 2
 * required), MaximumPollers 2..10,000; Kafka MinimumPollers 1..200, MaximumPollers 1..2,000.
 */
const AWS_INTEGER_LIMITS: Record<string, Partial<Record<SourceType, [number, number]>>> = {
  'ProvisionedPollerConfig.MinimumPollers': {
    sqs: [2, 200],
    'sqs-fifo': [2, 200],
    msk: [1, 200],
    'self-managed-kafka': [1, 200],
  },
  'ProvisionedPollerConfig.MaximumPollers': {
    sqs: [2, 10000],
    'sqs-fifo': [2, 10000],
    msk: [1, 2000],
    'self-managed-kafka': [1, 2000],
  },
};

/** Which sources take each text/enum leaf, and their options (model docs, AWS dev guide). */
const AWS_OPTIONS: Record<
  string,
  Partial<Record<SourceType, readonly string[]>> | readonly SourceType[]
> = {
  'ProvisionedPollerConfig.PollerGroupName': ['msk', 'self-managed-kafka'],
  KMSKeyArn: SOURCE_TYPES,
  'MetricsConfig.Metrics': {
    kinesis: ['EventCount'],
    dynamodb: ['EventCount'],
    sqs: ['EventCount'],
    'sqs-fifo': ['EventCount'],
    msk: ['EventCount', 'ErrorCount', 'KafkaMetrics'],
    'self-managed-kafka': ['EventCount', 'ErrorCount', 'KafkaMetrics'],
    'mq-activemq': ['EventCount'],
    'mq-rabbitmq': ['EventCount'],
    documentdb: ['EventCount'],
  },
  'LoggingConfig.SystemLogLevel': {
    msk: ['DEBUG', 'INFO', 'WARN'],
    'self-managed-kafka': ['DEBUG', 'INFO', 'WARN'],
  },
  'SelfManagedKafkaEventSourceConfig.ConsumptionMode': {
    'self-managed-kafka': ['Stream', 'Queue'],
  },
};

describe('the registry follows AWS', () => {
  it.each(MEMBER_LEAVES.map((leaf) => [leaf.path, leaf] as const))('%s', (path, leaf) => {
    if (leaf.kind === 'integer') {
      const expected = AWS_INTEGER_LIMITS[path];
      expect(expected, `${path} needs an entry above`).toBeDefined();
      for (const type of SOURCE_TYPES) {
        const limit = leaf.limits[type];
        expect(limit && [limit.min, limit.max], `${path} ${type}`).toEqual(expected?.[type]);
      }
    } else {
      const expected = AWS_OPTIONS[path];
      expect(expected, `${path} needs an entry above`).toBeDefined();
      for (const type of SOURCE_TYPES) {
        if (Array.isArray(expected)) {
          expect(leafApplies(leaf, type), `${path} ${type}`).toBe(expected.includes(type));
        } else {
          const options = (expected as Partial<Record<SourceType, readonly string[]>>)[type];
          expect(leafApplies(leaf, type), `${path} ${type}`).toBe(options !== undefined);
          if (leaf.kind !== 'text' && options) {
            const actual: Partial<Record<SourceType, readonly string[]>> = leaf.options;
            expect(actual[type]).toEqual(options);
          }
        }
      }
    }
  });
});

const cases = MEMBER_LEAVES.flatMap((leaf: MemberLeaf) =>
  SOURCE_TYPES.map((type) => [leaf.path, type, leaf] as const),
);

describe.each(cases)('%s on %s', (path, type, leaf) => {
  const applies = leafApplies(leaf, type);
  const extra = path.startsWith('ProvisionedPollerConfig') ? {} : provisioned(type);
  const accepts = (value: unknown, expected: unknown) => {
    const r = parse(withLeaf(type, path, value, extra));
    expect(r.issues).toEqual([]);
    expect(getPath(r.data, path)).toEqual(expected);
  };
  const refuses = (value: unknown) => {
    const r = parse(withLeaf(type, path, value, extra));
    expect(r.issues.map((i) => i.path)).toContain(path);
  };

  if (!applies) {
    it('does not apply: any value is ignored and never sent', () => {
      const bad = leaf.kind === 'enumList' ? ['Nope'] : 'nope';
      const r = parse(withLeaf(type, path, bad, extra));
      expect(r.ok).toBe(true);
      expect(getPath(r.data, path)).toBeUndefined();
      expect(getPath(toCreateMappingInput(r.data as never), path)).toBeUndefined();
    });
    return;
  }

  it('not set is AWS default: parses to undefined', () => {
    accepts(leaf.kind === 'enumList' ? [] : '', undefined);
  });

  switch (leaf.kind) {
    case 'integer': {
      const [min, max] = AWS_INTEGER_LIMITS[path]?.[type] ?? [NaN, NaN];
      it(`accepts ${min} and ${max}, refuses ${min - 1} and ${max + 1}`, () => {
        accepts(String(min), min);
        accepts(String(max), max);
        refuses(String(min - 1));
        refuses(String(max + 1));
        refuses('1.5');
      });
      break;
    }
    case 'text':
      it(`accepts ${leaf.maxLength} characters and its example, refuses ${leaf.maxLength + 1}`, () => {
        accepts(leaf.example, leaf.example);
        const long = leaf.example.padEnd(leaf.maxLength, 'a').slice(0, leaf.maxLength);
        accepts(long, long);
        refuses(leaf.example.padEnd(leaf.maxLength + 1, 'a'));
        refuses('has a space and #');
      });
      break;
    case 'enum':
      it('accepts each option, refuses another value', () => {
        for (const option of leaf.options[type] ?? []) {
          const r = parse(withLeaf(type, path, option, extra));
          // ConsumptionMode Queue rules out the StartingPosition the fixture sets.
          expect(getPath(r.data, path) ?? r.issues.map((i) => i.path)).toBeTruthy();
        }
        refuses('Sometimes');
      });
      break;
    case 'enumList':
      it('accepts each option alone and all together, refuses another value', () => {
        const options = leaf.options[type] ?? [];
        for (const option of options) accepts([option], [option]);
        accepts([...options], [...options]);
        refuses(['KafkaMetrics', 'Nope'].filter((v) => !options.includes(v)));
      });
      break;
  }

  it('round-trips: mapping → form → create request → form', () => {
    const valid =
      leaf.kind === 'integer'
        ? String(leaf.limits[type]?.max ?? '')
        : leaf.kind === 'text'
          ? leaf.example
          : leaf.kind === 'enum'
            ? (leaf.options[type]?.[0] ?? '')
            : [...(leaf.options[type] ?? [])];
    const r = parse(withLeaf(type, path, valid, extra));
    const input = toCreateMappingInput(r.data as never);
    expect(getPath(input, path)).toEqual(leaf.kind === 'integer' ? Number(valid) : valid);
    const back = toFormValues({
      ...input,
      UUID,
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
    } as EventSourceMappingConfiguration);
    expect(getPath(back, path)).toEqual(valid);
  });
});

// ---------------------------------------------------------------------------------------------
// Rules of the 2026 members
// ---------------------------------------------------------------------------------------------

describe('provisioned-mode rules', () => {
  const pollers = (min: string, max: string, group = '') => ({
    ProvisionedPollerConfig: { MinimumPollers: min, MaximumPollers: max, PollerGroupName: group },
  });

  it('MinimumPollers above MaximumPollers is refused on MaximumPollers', () => {
    const r = parse(validValues('msk', pollers('10', '9')));
    expect(r.issues).toEqual([
      {
        path: 'ProvisionedPollerConfig.MaximumPollers',
        message: expect.stringMatching(/at least MinimumPollers \(10\)/),
      },
    ]);
    expect(parse(validValues('msk', pollers('10', '10'))).ok).toBe(true);
  });

  it.each(['sqs', 'sqs-fifo'] as const)(
    '%s: MaximumConcurrency and provisioned mode are exclusive',
    (type) => {
      const r = parse(
        validValues(type, { ...pollers('2', ''), ScalingConfig: { MaximumConcurrency: '5' } }),
      );
      expect(r.issues.map((i) => i.path)).toEqual(['ScalingConfig.MaximumConcurrency']);
      expect(parse(validValues(type, pollers('2', ''))).ok).toBe(true);
      expect(parse(validValues(type, { ScalingConfig: { MaximumConcurrency: '5' } })).ok).toBe(
        true,
      );
    },
  );

  it.each<[string, Partial<MappingFormValues>, string]>([
    ['MaximumRetryAttempts 3', { MaximumRetryAttempts: '3' }, 'MaximumRetryAttempts'],
    [
      'MaximumRecordAgeInSeconds 60',
      { MaximumRecordAgeInSeconds: '60' },
      'MaximumRecordAgeInSeconds',
    ],
    ['bisect', { BisectBatchOnFunctionError: true }, 'BisectBatchOnFunctionError'],
    [
      'ReportBatchItemFailures',
      { FunctionResponseTypes: ['ReportBatchItemFailures'] },
      'FunctionResponseTypes',
    ],
    [
      'a kafka:// destination',
      { DestinationConfig: { OnFailure: { Destination: 'kafka://failures' } } },
      'DestinationConfig.OnFailure.Destination',
    ],
    [
      'LoggingConfig',
      { LoggingConfig: { SystemLogLevel: 'INFO' } },
      'LoggingConfig.SystemLogLevel',
    ],
  ])('Kafka: %s needs provisioned mode', (_what, values, path) => {
    for (const type of ['msk', 'self-managed-kafka'] as const) {
      const without = parse(validValues(type, values));
      expect(without.issues.map((i) => i.path)).toEqual([path]);
      expect(without.issues[0]?.message).toMatch(/needs provisioned mode/);
      expect(parse(validValues(type, { ...values, ...pollers('1', '') })).ok).toBe(true);
    }
  });

  it('Kafka: defaults and an ARN destination do not need provisioned mode', () => {
    const r = parse(
      validValues('msk', {
        MaximumRetryAttempts: '-1',
        MaximumRecordAgeInSeconds: '-1',
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
      }),
    );
    expect(r.issues).toEqual([]);
  });

  it('self-managed Kafka in Queue mode takes no StartingPosition or batching window', () => {
    const queue = (extra: Partial<MappingFormValues>) =>
      parse(
        withLeaf(
          'self-managed-kafka',
          'SelfManagedKafkaEventSourceConfig.ConsumptionMode',
          'Queue',
          extra,
        ),
      );
    expect(queue({ StartingPosition: '' }).ok).toBe(true);
    expect(queue({ StartingPosition: 'LATEST' }).issues.map((i) => i.path)).toEqual([
      'StartingPosition',
    ]);
    expect(queue({ MaximumBatchingWindowInSeconds: '1' }).issues.map((i) => i.path)).toEqual([
      'MaximumBatchingWindowInSeconds',
    ]);
    // Queue mode's default retries (0) need no provisioned mode; other values do.
    expect(queue({ MaximumRetryAttempts: '0' }).ok).toBe(true);
    expect(queue({ MaximumRetryAttempts: '-1' }).ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Update, diff, CLI and server errors
// ---------------------------------------------------------------------------------------------

describe('UpdateEventSourceMapping for the 2026 members', () => {
  const existing: EventSourceMappingConfiguration = {
    UUID,
    BatchSize: 100,
    EventSourceArn: ARNS.msk,
    FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
    StartingPosition: 'LATEST',
    State: 'Enabled',
    Topics: ['orders'],
    ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 200 },
    MetricsConfig: { Metrics: ['EventCount', 'KafkaMetrics'] },
    KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
  };
  const update = (change: (v: MappingFormValues) => void) => {
    const values = toFormValues(existing);
    change(values);
    const r = createMappingFormSchema({ existing }).safeParse(values);
    if (!r.success) throw new Error(JSON.stringify(r.error.issues));
    return toUpdateMappingInput(existing, r.data);
  };

  it('sends nothing when nothing changed, also when an AWS default is cleared', () => {
    expect(update(() => undefined)).toEqual({ UUID });
    expect(
      update((v) => {
        v.ProvisionedPollerConfig.MaximumPollers = '';
        v.MetricsConfig.Metrics = ['KafkaMetrics', 'EventCount'];
      }),
    ).toEqual({ UUID });
  });

  it('sends the changed structure whole, and the clearing value of an emptied one', () => {
    expect(
      update((v) => {
        v.ProvisionedPollerConfig.MaximumPollers = '50';
      }),
    ).toEqual({ UUID, ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 50 } });
    const cleared = update((v) => {
      v.ProvisionedPollerConfig = { MinimumPollers: '', MaximumPollers: '', PollerGroupName: '' };
      v.MetricsConfig.Metrics = [];
      v.KMSKeyArn = '';
    });
    expect(cleared).toEqual({
      UUID,
      ProvisionedPollerConfig: {},
      MetricsConfig: { Metrics: [] },
      KMSKeyArn: '',
    });
    expect(diffMapping(existing, cleared)).toEqual([
      {
        field: 'ProvisionedPollerConfig',
        old: 'MinimumPollers 1\nMaximumPollers 200',
        new: 'none',
      },
      { field: 'MetricsConfig', old: 'Metrics EventCount, KafkaMetrics', new: 'none' },
      {
        field: 'KMSKeyArn',
        old: 'arn:aws:kms:us-east-1:123456789012:key/k',
        new: 'none (not encrypted with your key)',
      },
    ]);
    expect(toCliCommand(cleared)).toBe(
      `aws lambda update-event-source-mapping --uuid ${UUID} --kms-key-arn '' --metrics-config '{"Metrics":[]}' --provisioned-poller-config '{}'`,
    );
  });

  it('never sends ConsumptionMode on update (create-only)', () => {
    const smk: EventSourceMappingConfiguration = {
      UUID,
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
      SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1.example.com:9092'] } },
      SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g', ConsumptionMode: 'Stream' },
      SourceAccessConfigurations: [{ Type: 'IAM_AUTH' }],
      State: 'Enabled',
      Topics: ['orders'],
    };
    const values = toFormValues(smk);
    expect(values.SelfManagedKafkaEventSourceConfig.ConsumptionMode).toBe('Stream');
    values.SelfManagedKafkaEventSourceConfig.ConsumptionMode = 'Queue';
    const r = createMappingFormSchema({ existing: smk }).safeParse(values);
    expect(r.success).toBe(true);
    if (r.success) expect(toUpdateMappingInput(smk, r.data)).toEqual({ UUID });
  });
});

describe('server errors on the 2026 members', () => {
  it.each([
    ['provisionedPollerConfig.maximumPollers', 'ProvisionedPollerConfig.MaximumPollers'],
    ['provisionedPollerConfig.minimumPollers', 'ProvisionedPollerConfig.MinimumPollers'],
    ['provisionedPollerConfig', 'ProvisionedPollerConfig.MinimumPollers'],
    ['metricsConfig.metrics', 'MetricsConfig.Metrics'],
    ['loggingConfig.systemLogLevel', 'LoggingConfig.SystemLogLevel'],
    ['kMSKeyArn', 'KMSKeyArn'],
    [
      'selfManagedKafkaEventSourceConfig.consumptionMode',
      'SelfManagedKafkaEventSourceConfig.ConsumptionMode',
    ],
    [
      'selfManagedKafkaEventSourceConfig.consumerGroupId',
      'SelfManagedKafkaEventSourceConfig.ConsumerGroupId',
    ],
  ])('%s → %s', (aws, field) => {
    expect(fieldForAwsMember(aws)).toBe(field);
  });
});
