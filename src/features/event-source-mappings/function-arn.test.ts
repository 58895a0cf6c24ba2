import { describe, expect, it } from 'vitest';
import { parseFunctionArn, parseFunctionName, type FunctionReference } from './function-arn.ts';

const ACCOUNT = '123456789012';

describe('parseFunctionName', () => {
  it.each<[string, FunctionReference]>([
    // Names and qualified names.
    ['orders', { name: 'orders' }],
    ['orders.v2_x-1', { name: 'orders.v2_x-1' }],
    ['orders:live', { name: 'orders', qualifier: 'live' }],
    ['orders:7', { name: 'orders', qualifier: '7' }],
    ['orders:$LATEST', { name: 'orders', qualifier: '$LATEST' }],
    ['orders:$LATEST.PUBLISHED', { name: 'orders', qualifier: '$LATEST.PUBLISHED' }],
    // Partial ARNs.
    [`${ACCOUNT}:function:orders`, { name: 'orders', account: ACCOUNT }],
    [`${ACCOUNT}:function:orders:live`, { name: 'orders', qualifier: 'live', account: ACCOUNT }],
    [
      `eu-west-1:${ACCOUNT}:function:orders:3`,
      { name: 'orders', qualifier: '3', account: ACCOUNT, region: 'eu-west-1' },
    ],
    ['function:orders', { name: 'orders' }],
    // Full ARNs in every partition and region family the model allows.
    [
      `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`,
      { name: 'orders', account: ACCOUNT, region: 'us-east-1', partition: 'aws' },
    ],
    [
      `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders:$LATEST`,
      {
        name: 'orders',
        qualifier: '$LATEST',
        account: ACCOUNT,
        region: 'us-east-1',
        partition: 'aws',
      },
    ],
    [
      `arn:aws-cn:lambda:cn-north-1:${ACCOUNT}:function:orders:live`,
      {
        name: 'orders',
        qualifier: 'live',
        account: ACCOUNT,
        region: 'cn-north-1',
        partition: 'aws-cn',
      },
    ],
    [
      `arn:aws-us-gov:lambda:us-gov-west-1:${ACCOUNT}:function:orders:12`,
      {
        name: 'orders',
        qualifier: '12',
        account: ACCOUNT,
        region: 'us-gov-west-1',
        partition: 'aws-us-gov',
      },
    ],
    [
      `arn:aws-iso:lambda:us-iso-east-1:${ACCOUNT}:function:orders`,
      { name: 'orders', account: ACCOUNT, region: 'us-iso-east-1', partition: 'aws-iso' },
    ],
    [
      `arn:aws-iso-b:lambda:us-isob-east-1:${ACCOUNT}:function:orders`,
      { name: 'orders', account: ACCOUNT, region: 'us-isob-east-1', partition: 'aws-iso-b' },
    ],
    [
      `arn:aws-eusc:lambda:eusc-de-east-1:${ACCOUNT}:function:orders:live`,
      {
        name: 'orders',
        qualifier: 'live',
        account: ACCOUNT,
        region: 'eusc-de-east-1',
        partition: 'aws-eusc',
      },
    ],
  ])('%s', (text, parts) => {
    expect(parseFunctionName(text)).toEqual(parts);
  });

  it.each([
    ['empty', ''],
    ['a space', 'my function'],
    ['a slash', 'orders/live'],
    ['two qualifiers', 'orders:live:extra'],
    ['an empty qualifier', 'orders:'],
    ['an empty name', `${ACCOUNT}:function:`],
    ['a short account', 'arn:aws:lambda:us-east-1:1234:function:orders'],
    ['no region', `arn:aws:lambda::${ACCOUNT}:function:orders`],
    ['an unknown region shape', `arn:aws:lambda:useast1:${ACCOUNT}:function:orders`],
    ['another service', `arn:aws:sqs:us-east-1:${ACCOUNT}:function:orders`],
    ['another partition prefix', `arn:gcp:lambda:us-east-1:${ACCOUNT}:function:orders`],
    ['a dot in the qualifier', 'orders:v1.2'],
  ])('rejects %s', (_, text) => {
    expect(parseFunctionName(text)).toBeUndefined();
  });
});

describe('parseFunctionArn', () => {
  it('splits a FunctionArn as Lambda returns it', () => {
    expect(parseFunctionArn(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders:live`)).toEqual({
      name: 'orders',
      qualifier: 'live',
      region: 'us-east-1',
      account: ACCOUNT,
      partition: 'aws',
    });
  });

  it('falls back to the whole string when it is no FunctionName', () => {
    expect(parseFunctionArn('arn:aws:lambda:us-east-1:1:function:')).toEqual({
      name: 'arn:aws:lambda:us-east-1:1:function:',
    });
    expect(parseFunctionArn('a:b:c')).toEqual({ name: 'a:b:c' });
  });
});
