import {
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  type EventSourceMappingConfiguration,
} from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { setLambdaClient, setLambdaRegion, type LambdaSender } from '../../api/lambda-client.ts';
import {
  accountFromQueryData,
  accountOfLambdaArn,
  accountQuery,
  findAccountId,
} from './account-queries.ts';

const FN = 'arn:aws:lambda:eu-west-1:210987654321:function:orders-ingest-eu-prod';

describe('accountOfLambdaArn', () => {
  it('reads the account of Lambda ARNs in every partition', () => {
    expect(accountOfLambdaArn(FN)).toBe('210987654321');
    expect(accountOfLambdaArn(`${FN}:live`)).toBe('210987654321');
    expect(accountOfLambdaArn('arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f')).toBe(
      '123456789012',
    );
    expect(accountOfLambdaArn('arn:aws:sqs:eu-west-1:210987654321:queue')).toBeUndefined();
    expect(accountOfLambdaArn(undefined)).toBeUndefined();
  });
});

describe('accountFromQueryData', () => {
  it('finds a FunctionArn in a mapping, a page, or infinite-query pages', () => {
    const mapping: EventSourceMappingConfiguration = { UUID: 'u', FunctionArn: FN };
    expect(accountFromQueryData(mapping)).toBe('210987654321');
    expect(accountFromQueryData({ EventSourceMappings: [mapping] })).toBe('210987654321');
    expect(
      accountFromQueryData({
        pages: [{ EventSourceMappings: [] }, { Functions: [{ FunctionArn: FN }] }],
        pageParams: [undefined, 'm'],
      }),
    ).toBe('210987654321');
  });

  it('finds nothing in data without functions', () => {
    expect(accountFromQueryData({ pages: [{ EventSourceMappings: [] }] })).toBeUndefined();
    expect(accountFromQueryData('123456789012')).toBeUndefined();
    expect(accountFromQueryData(null)).toBeUndefined();
  });
});

describe('findAccountId', () => {
  afterEach(() => setLambdaRegion('us-east-1'));

  function fakeClient(functions: string[], mappings: string[], calls: string[]): LambdaSender {
    return {
      send: ((command: unknown) => {
        if (command instanceof ListFunctionsCommand) {
          calls.push(`ListFunctions ${JSON.stringify(command.input)}`);
          return Promise.resolve({ Functions: functions.map((FunctionArn) => ({ FunctionArn })) });
        }
        if (command instanceof ListEventSourceMappingsCommand) {
          calls.push(`ListEventSourceMappings ${JSON.stringify(command.input)}`);
          return Promise.resolve({
            EventSourceMappings: mappings.map((FunctionArn) => ({ FunctionArn })),
          });
        }
        return Promise.reject(new Error('unexpected command'));
      }) as LambdaSender['send'],
    };
  }

  it('asks one function of the region, then one mapping when there is no function', async () => {
    const calls: string[] = [];
    const clients = new Map([
      ['us-east-1', fakeClient([FN], [], calls)],
      ['eu-west-1', fakeClient([], [FN], calls)],
      ['ap-south-1', fakeClient([], [], calls)],
    ]);
    setLambdaClient((region) => clients.get(region)!);
    await expect(findAccountId('us-east-1')).resolves.toBe('210987654321');
    expect(calls).toEqual(['ListFunctions {"MaxItems":1}']);
    calls.length = 0;
    await expect(findAccountId('eu-west-1')).resolves.toBe('210987654321');
    expect(calls).toEqual([
      'ListFunctions {"MaxItems":1}',
      'ListEventSourceMappings {"MaxItems":1}',
    ]);
    await expect(findAccountId('ap-south-1')).resolves.toBeNull();
  });

  it('keys the lookup by region', () => {
    setLambdaRegion('eu-west-1');
    expect(accountQuery().queryKey).toEqual(['account', 'eu-west-1']);
    expect(accountQuery('us-east-1').queryKey).toEqual(['account', 'us-east-1']);
  });
});
