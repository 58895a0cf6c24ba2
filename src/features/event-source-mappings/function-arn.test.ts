import { describe, expect, it } from 'vitest';
import { parseFunctionArn } from './function-arn.ts';

describe('parseFunctionArn', () => {
  it('splits an unqualified ARN', () => {
    expect(parseFunctionArn('arn:aws:lambda:us-east-1:123456789012:function:orders')).toEqual({
      name: 'orders',
      region: 'us-east-1',
      accountId: '123456789012',
    });
  });

  it.each([
    ['$LATEST', 'arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST'],
    ['7', 'arn:aws:lambda:us-east-1:123456789012:function:orders:7'],
    ['live', 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:orders:live'],
  ])('keeps qualifier %s', (qualifier, arn) => {
    expect(parseFunctionArn(arn)).toMatchObject({ name: 'orders', qualifier });
  });

  it('accepts partial ARNs and names', () => {
    expect(parseFunctionArn('123456789012:function:orders:live')).toEqual({
      name: 'orders',
      qualifier: 'live',
      accountId: '123456789012',
    });
    expect(parseFunctionArn('orders')).toEqual({ name: 'orders' });
    expect(parseFunctionArn('orders:1')).toEqual({ name: 'orders', qualifier: '1' });
  });

  it('falls back to the whole string when it cannot parse', () => {
    expect(parseFunctionArn('arn:aws:lambda:us-east-1:1:function:')).toEqual({
      name: 'arn:aws:lambda:us-east-1:1:function:',
    });
    expect(parseFunctionArn('a:b:c')).toEqual({ name: 'a:b:c' });
  });
});
