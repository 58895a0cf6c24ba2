import type { CreateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import { expect } from 'vitest';
import { ACCOUNT, errorOf } from './helpers.ts';

/** Function of {@link SMALL_SEED} used by the rule tests. */
export const FN = 'orders-ingest-prod';

const arn = (service: string, resource: string): string =>
  `arn:aws:${service}:us-east-1:${ACCOUNT}:${resource}`;

/** One event source ARN per source type (AWS's ARN forms, reference §2.1). */
export const ARNS = {
  sqs: arn('sqs', 'orders-events-prod'),
  fifo: arn('sqs', 'orders-events-prod.fifo'),
  kinesis: arn('kinesis', 'stream/orders-events-prod'),
  dynamodb: arn('dynamodb', 'table/Orders-prod/stream/2026-01-15T09:30:00.000'),
  msk: arn('kafka', 'cluster/events-prod/5a1c2b3d-4e5f-4789-abcd-ef0123456789-2'),
  mq: 'arn:aws:mq:us-east-1:123456789012:broker:ExampleMQBroker:b-24cacbb4-b295-49b7-8543-7ce7ce9dfb98',
  docdb: arn('rds', 'cluster:orders-docdb-prod'),
} as const;

/** A Secrets Manager secret ARN (the seed's MQ secret). */
export const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:MQaccess-xPhIrA';

/** Bootstrap servers of the self-managed Kafka requests. */
export const BROKERS = ['b-1.kafka.example.net:9094', 'b-2.kafka.example.net:9094'];

/** The source kinds the tests cover (SQS standard and FIFO are separate). */
export type Kind = 'sqs' | 'fifo' | 'kinesis' | 'dynamodb' | 'msk' | 'kafka' | 'mq' | 'docdb';

/** A minimal Create request AWS accepts, per source. */
export const BASE: Record<Kind, CreateEventSourceMappingCommandInput> = {
  sqs: { FunctionName: FN, EventSourceArn: ARNS.sqs },
  fifo: { FunctionName: FN, EventSourceArn: ARNS.fifo },
  kinesis: { FunctionName: FN, EventSourceArn: ARNS.kinesis, StartingPosition: 'LATEST' },
  dynamodb: { FunctionName: FN, EventSourceArn: ARNS.dynamodb, StartingPosition: 'LATEST' },
  msk: { FunctionName: FN, EventSourceArn: ARNS.msk, Topics: ['orders.created'] },
  kafka: {
    FunctionName: FN,
    SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: BROKERS } },
    Topics: ['orders.created'],
    SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }],
  },
  mq: {
    FunctionName: FN,
    EventSourceArn: ARNS.mq,
    Queues: ['ExampleQueue'],
    SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: SECRET }],
  },
  docdb: {
    FunctionName: FN,
    EventSourceArn: ARNS.docdb,
    DocumentDBEventSourceConfig: { DatabaseName: 'orders' },
  },
};

/** `BASE[kind]` with some members replaced (`undefined` removes a member). */
export function request(
  kind: Kind,
  changes: Record<string, unknown> = {},
): CreateEventSourceMappingCommandInput {
  const out: Record<string, unknown> = { ...structuredClone(BASE[kind]), ...changes };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out as unknown as CreateEventSourceMappingCommandInput;
}

/** The error a rule must produce: exception name, HTTP status and AWS's exact message. */
export interface ExpectedError {
  name: string;
  status: number;
  message: string;
}

/**
 * Asserts that a call fails with exactly this exception name, HTTP status and message.
 * @param promise the SDK call.
 * @param expected what AWS answers.
 */
export async function expectError(
  promise: Promise<unknown>,
  expected: ExpectedError,
): Promise<void> {
  const err = await errorOf(promise);
  expect({ name: err.name, status: err.$metadata?.httpStatusCode, message: err.message }).toEqual(
    expected,
  );
}

/** `InvalidParameterValueException` (400) with `message`. */
export const ipv = (message: string): ExpectedError => ({
  name: 'InvalidParameterValueException',
  status: 400,
  message,
});

/** `ValidationException` (400) for one violated model constraint. */
export const validation = (value: string, member: string, constraint: string): ExpectedError => ({
  name: 'ValidationException',
  status: 400,
  message: `1 validation error detected: Value ${value} at '${member}' failed to satisfy constraint: ${constraint}`,
});
