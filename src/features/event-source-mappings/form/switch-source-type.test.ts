import { describe, expect, it } from 'vitest';
import { defaultFormValues } from './mapping-form-schema';
import { switchSourceType } from './switch-source-type';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:broker-AbCdEf';

describe('switchSourceType', () => {
  it('keeps the ActiveMQ BASIC_AUTH secret through a detour via SQS', () => {
    const mq = {
      ...defaultFormValues('mq-activemq'),
      FunctionName: 'orders',
      Queues: ['orders'],
      SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }],
    };
    const sqs = switchSourceType(mq, 'sqs');
    expect(sqs.sourceType).toBe('sqs');
    expect(sqs.SourceAccessConfigurations).toEqual([{ Type: 'BASIC_AUTH', URI: SECRET }]);
    const back = switchSourceType(sqs, 'mq-activemq');
    expect(back.SourceAccessConfigurations).toEqual([{ Type: 'BASIC_AUTH', URI: SECRET }]);
    expect(back.FunctionName).toBe('orders');
    expect(back.Queues).toEqual(['orders']);
  });

  it.each([
    // from, rows, to, rows kept
    ['self-managed-kafka', ['SASL_SCRAM_512_AUTH', 'VPC_SUBNET'], 'msk', ['SASL_SCRAM_512_AUTH']],
    ['self-managed-kafka', ['SASL_SCRAM_512_AUTH'], 'mq-activemq', ['BASIC_AUTH']],
    ['mq-rabbitmq', ['BASIC_AUTH', 'VIRTUAL_HOST'], 'mq-activemq', ['BASIC_AUTH']],
    ['mq-activemq', ['BASIC_AUTH'], 'self-managed-kafka', ['BASIC_AUTH']],
    ['self-managed-kafka', ['OAUTHBEARER_AUTH', 'OAUTHBEARER_SCOPE'], 'documentdb', ['BASIC_AUTH']],
    ['msk', ['CLIENT_CERTIFICATE_TLS_AUTH'], 'kinesis', ['CLIENT_CERTIFICATE_TLS_AUTH']],
  ] as const)('%s %j → %s keeps %j', (from, types, to, kept) => {
    const values = {
      ...defaultFormValues(from),
      SourceAccessConfigurations: types.map((Type) => ({ Type, URI: `${Type}-uri` })),
    };
    const next = switchSourceType(values, to);
    expect(next.SourceAccessConfigurations.map((row) => row.Type)).toEqual(kept);
  });

  it('keeps a row whose type is not chosen yet', () => {
    const values = {
      ...defaultFormValues('self-managed-kafka'),
      SourceAccessConfigurations: [{ Type: '', URI: SECRET }],
    };
    expect(switchSourceType(values, 'msk').SourceAccessConfigurations).toEqual([
      { Type: '', URI: SECRET },
    ]);
  });

  it.each([
    ['kinesis', 'AT_TIMESTAMP', 'dynamodb', ''],
    ['kinesis', 'LATEST', 'dynamodb', 'LATEST'],
    ['kinesis', 'AT_TIMESTAMP', 'msk', 'AT_TIMESTAMP'],
    ['kinesis', 'TRIM_HORIZON', 'sqs', 'TRIM_HORIZON'],
  ] as const)('%s StartingPosition %s → %s gives %j', (from, position, to, expected) => {
    const values = {
      ...defaultFormValues(from),
      StartingPosition: position,
      StartingPositionTimestamp: position === 'AT_TIMESTAMP' ? '2026-01-01T00:00:00Z' : '',
    };
    const next = switchSourceType(values, to);
    expect(next.StartingPosition).toBe(expected);
    if (expected === '') expect(next.StartingPositionTimestamp).toBe('');
  });

  it('keeps only the metrics the new source offers (no hidden KafkaMetrics on SQS)', () => {
    const kafka = {
      ...defaultFormValues('self-managed-kafka'),
      MetricsConfig: { Metrics: ['EventCount', 'KafkaMetrics', 'ErrorCount'] },
    };
    const sqs = switchSourceType(kafka, 'sqs');
    expect(sqs.MetricsConfig.Metrics).toEqual(['EventCount']);
    expect(kafka.MetricsConfig.Metrics).toEqual(['EventCount', 'KafkaMetrics', 'ErrorCount']);
    expect(switchSourceType(kafka, 'msk').MetricsConfig.Metrics).toEqual([
      'EventCount',
      'KafkaMetrics',
      'ErrorCount',
    ]);
  });

  it('does not modify its input', () => {
    const values = { ...defaultFormValues('mq-activemq'), sourceType: 'mq-activemq' as const };
    const copy = structuredClone(values);
    switchSourceType(values, 'msk');
    expect(values).toEqual(copy);
  });
});
