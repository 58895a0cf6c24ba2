import { describe, expect, it } from 'vitest';
import { EVENT_SOURCE_ARN_PATTERN, sqsQueueUrlToArn } from './event-source-arn.ts';

describe('sqsQueueUrlToArn', () => {
  it.each([
    [
      'https://sqs.us-east-1.amazonaws.com/123456789012/orders',
      'arn:aws:sqs:us-east-1:123456789012:orders',
    ],
    [
      ' https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo ',
      'arn:aws:sqs:eu-west-1:123456789012:orders.fifo',
    ],
    [
      'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q',
      'arn:aws-cn:sqs:cn-north-1:123456789012:q',
    ],
    [
      'https://ap-south-1.queue.amazonaws.com/123456789012/q',
      'arn:aws:sqs:ap-south-1:123456789012:q',
    ],
    ['https://queue.amazonaws.com/123456789012/q', 'arn:aws:sqs:us-east-1:123456789012:q'],
  ])('turns %s into its ARN', (url, arn) => {
    expect(sqsQueueUrlToArn(url)).toBe(arn);
  });

  it.each([
    'arn:aws:sqs:us-east-1:123456789012:orders',
    'https://sqs.us-east-1.amazonaws.com/12345678901/orders',
    'https://sqs.us-east-1.amazonaws.com/123456789012/',
    'https://sqs.us-east-1.example.com/123456789012/orders',
    'https://sqs.us-east-1.amazonaws.com/123456789012/a/b',
  ])('leaves %s alone', (text) => {
    expect(sqsQueueUrlToArn(text)).toBeUndefined();
  });
});

describe('EVENT_SOURCE_ARN_PATTERN', () => {
  it.each([
    'arn:aws:sqs:us-east-1:123456789012:q',
    'arn:aws-iso:sqs:us-iso-east-1:123456789012:q',
    'arn:aws-iso-b:sqs:us-isob-east-1:123456789012:q',
    'arn:aws-eusc:sqs:eusc-de-east-1:123456789012:q',
    'arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/s',
  ])('accepts the region of %s', (arn) => {
    expect(EVENT_SOURCE_ARN_PATTERN.exec(arn)?.[3]).toBe(arn.split(':')[3]);
  });
});
