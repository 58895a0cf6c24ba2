import { describe, expect, it } from 'vitest';
import { describeEventSource } from './event-source.ts';

describe('describeEventSource', () => {
  it.each([
    ['arn:aws:kinesis:us-east-1:123456789012:stream/orders', 'Kinesis', 'orders'],
    [
      'arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/efo-1:1700000000',
      'Kinesis',
      'orders',
    ],
    [
      'arn:aws:dynamodb:us-east-1:123456789012:table/Users/stream/2024-06-10T19:26:16.525',
      'DynamoDB Streams',
      'Users',
    ],
    ['arn:aws:sqs:us-east-1:123456789012:jobs', 'SQS', 'jobs'],
    ['arn:aws:sqs:us-east-1:123456789012:payments.fifo', 'SQS FIFO', 'payments.fifo'],
    [
      'arn:aws:kafka:us-east-1:123456789012:cluster/events/0b1c2d3e-1111-2222-3333-444455556666-2',
      'Amazon MSK',
      'events',
    ],
    [
      'arn:aws:mq:us-east-1:123456789012:broker:billing-broker:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9',
      'Amazon MQ',
      'billing-broker',
    ],
    [
      'arn:aws:rds:us-east-1:123456789012:cluster:docs-cluster',
      'Amazon DocumentDB',
      'docs-cluster',
    ],
    ['arn:aws-cn:sqs:cn-north-1:123456789012:q', 'SQS', 'q'],
  ])('%s → %s %s', (EventSourceArn, type, resourceName) => {
    expect(describeEventSource({ EventSourceArn })).toEqual({ type, resourceName });
  });

  it('treats a queue that merely contains "fifo" as standard SQS', () => {
    expect(describeEventSource({ EventSourceArn: 'arn:aws:sqs:us-east-1:1:fifo-jobs' }).type).toBe(
      'SQS',
    );
  });

  it('recognises self-managed Kafka by SelfManagedEventSource when there is no ARN', () => {
    expect(
      describeEventSource({
        SelfManagedEventSource: {
          Endpoints: {
            KAFKA_BOOTSTRAP_SERVERS: ['b-1.kafka.example:9092', 'b-2.kafka.example:9092'],
          },
        },
      }),
    ).toEqual({
      type: 'Self-managed Apache Kafka',
      resourceName: 'b-1.kafka.example:9092 +1 more',
    });
    expect(
      describeEventSource({
        SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['k:9092'] } },
      }).resourceName,
    ).toBe('k:9092');
  });

  it('gives Unknown for no source, other services and non-ARNs', () => {
    expect(describeEventSource({})).toEqual({ type: 'Unknown', resourceName: '-' });
    expect(describeEventSource({ EventSourceArn: 'arn:aws:sns:us-east-1:1:topic' })).toEqual({
      type: 'Unknown',
      resourceName: 'topic',
    });
    expect(describeEventSource({ EventSourceArn: 'queue' })).toEqual({
      type: 'Unknown',
      resourceName: 'queue',
    });
    expect(
      describeEventSource({ EventSourceArn: 'arn:aws:dynamodb:us-east-1:1:table/Users' }).type,
    ).toBe('Unknown');
  });
});
