/**
 * Test fixtures for the mapping form tests: realistic ARNs per source type and minimal valid form
 * values for each type. Test-only; not imported by application code.
 */
import type { CreateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';

import { defaultFormValues, type MappingFormValues } from './mapping-form-schema';
import type { SourceType } from './source-limits';

/** An ARN of each kind of source (account 123456789012, us-east-1). */
export const ARNS = {
  kinesis: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
  kinesisConsumer:
    'arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/lambda-efo:1718000000',
  dynamodb: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-06-10T19:26:16.525',
  sqs: 'arn:aws:sqs:us-east-1:123456789012:orders',
  sqsFifo: 'arn:aws:sqs:us-east-1:123456789012:orders.fifo',
  msk: 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/abcd1234-ab12-cd34-ef56-abcdef123456-2',
  mq: 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-0123abcd-4567-89ab-cdef-0123456789ab',
  documentdb: 'arn:aws:rds:us-east-1:123456789012:cluster:orders',
} as const;

/** A Secrets Manager secret ARN. */
export const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-AbCdEf';

/** The 2020-11-05 seed's request shape: Amazon MQ with `Queues` and one `BASIC_AUTH` secret. */
export const SEED_MQ_REQUEST: CreateEventSourceMappingCommandInput = {
  FunctionName: 'MyFunction',
  EventSourceArn:
    'arn:aws:mq:us-west-2:111122223333:broker:ExampleMQBroker:b-24cacbb4-b295-49b7-8543-7ce7ce9dfb98',
  Queues: ['ExampleQueue'],
  SourceAccessConfigurations: [
    {
      Type: 'BASIC_AUTH',
      URI: 'arn:aws:secretsmanager:us-west-2:111122223333:secret:ExampleMQBrokerUserPassword-xPBMTt',
    },
  ],
  BatchSize: 100,
};

const ARN_FOR: Record<SourceType, string> = {
  kinesis: ARNS.kinesis,
  dynamodb: ARNS.dynamodb,
  sqs: ARNS.sqs,
  'sqs-fifo': ARNS.sqsFifo,
  msk: ARNS.msk,
  'self-managed-kafka': '',
  'mq-activemq': ARNS.mq,
  'mq-rabbitmq': ARNS.mq,
  documentdb: ARNS.documentdb,
};

/**
 * The smallest set of form values the schema accepts for `type`, plus `overrides`.
 * @param type the source type.
 * @param overrides fields to replace.
 */
export function validValues(
  type: SourceType,
  overrides: Partial<MappingFormValues> = {},
): MappingFormValues {
  const v = defaultFormValues(type);
  v.FunctionName = 'my-function';
  v.EventSourceArn = ARN_FOR[type];
  switch (type) {
    case 'kinesis':
    case 'dynamodb':
    case 'msk':
    case 'documentdb':
      v.StartingPosition = 'LATEST';
      break;
    default:
      break;
  }
  if (type === 'msk' || type === 'self-managed-kafka') v.Topics = ['orders'];
  if (type === 'mq-activemq' || type === 'mq-rabbitmq') v.Queues = ['orders'];
  if (type === 'mq-activemq' || type === 'mq-rabbitmq' || type === 'documentdb') {
    v.SourceAccessConfigurations = [{ Type: 'BASIC_AUTH', URI: SECRET }];
  }
  if (type === 'self-managed-kafka') {
    v.SelfManagedEventSource = { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: 'b-1.example.com:9092' } };
    v.SourceAccessConfigurations = [{ Type: 'SASL_SCRAM_512_AUTH', URI: SECRET }];
  }
  if (type === 'documentdb') v.DocumentDBEventSourceConfig.DatabaseName = 'shop';
  return { ...v, ...overrides };
}
