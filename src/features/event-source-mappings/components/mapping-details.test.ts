import { describe, expect, it } from 'vitest';
import { errorHandlingEmptyText } from './mapping-details.tsx';

describe('errorHandlingEmptyText', () => {
  it('tells Kafka sources that most settings need provisioned mode', () => {
    const msk = errorHandlingEmptyText({
      EventSourceArn:
        'arn:aws:kafka:us-east-1:123456789012:cluster/c/0123abcd-4567-89ab-cdef-0123456789ab-1',
    });
    expect(msk).toMatch(/^Lambda returned no error-handling settings for this mapping\./);
    expect(msk).toMatch(/need provisioned mode/);
    expect(
      errorHandlingEmptyText({
        SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b:9092'] } },
      }),
    ).toMatch(/need provisioned mode/);
  });

  it('says the settings are not supported for SQS, MQ and DocumentDB', () => {
    expect(errorHandlingEmptyText({ EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' })).toBe(
      'Error-handling settings are not supported for Amazon SQS (standard queue) mappings (use the queue’s redrive policy).',
    );
    expect(
      errorHandlingEmptyText({
        EventSourceArn:
          'arn:aws:mq:us-east-1:123456789012:broker:b:b-0123abcd-4567-89ab-cdef-0123456789ab',
      }),
    ).toMatch(/^Error-handling settings are not supported for Amazon MQ \(ActiveMQ\) mappings\.$/);
  });

  it('says Lambda returned none for a stream source without them', () => {
    expect(
      errorHandlingEmptyText({
        EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
      }),
    ).toBe('Lambda returned no error-handling settings for this mapping.');
  });
});
