import {
  ListEventSourceMappingsCommand,
  GetEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { setLambdaClient, setLambdaRegion, type LambdaSender } from '../../api/lambda-client.ts';
import { mappingQueries } from './queries.ts';

/** A client per region that records which region served each command. */
function regionalClients(calls: string[]) {
  return (region: string): LambdaSender => ({
    send: ((command: unknown) => {
      if (command instanceof ListEventSourceMappingsCommand) {
        calls.push(`${region} List`);
        return Promise.resolve({ EventSourceMappings: [{ UUID: `${region}-mapping` }] });
      }
      if (command instanceof GetEventSourceMappingCommand) {
        calls.push(`${region} Get ${command.input.UUID}`);
        return Promise.resolve({ UUID: command.input.UUID, State: 'Enabled' });
      }
      return Promise.reject(new Error('unexpected command'));
    }) as LambdaSender['send'],
  });
}

describe('mappingQueries keys are per region', () => {
  afterEach(() => setLambdaRegion('us-east-1'));

  it('puts the active region after the root, so regions never share cache entries', () => {
    setLambdaRegion('us-east-1');
    expect(mappingQueries.all()).toEqual(['event-source-mappings', 'us-east-1']);
    expect(mappingQueries.list({ FunctionName: ' f ' }).queryKey).toEqual([
      'event-source-mappings',
      'us-east-1',
      'list',
      { FunctionName: 'f' },
    ]);
    const east = mappingQueries.detail('abc').queryKey;
    setLambdaRegion('eu-west-1');
    expect(mappingQueries.detail('abc').queryKey).toEqual([
      'event-source-mappings',
      'eu-west-1',
      'detail',
      'abc',
    ]);
    expect(mappingQueries.detail('abc').queryKey).not.toEqual(east);
    expect(mappingQueries.lists()).toEqual(['event-source-mappings', 'eu-west-1', 'list']);
  });

  it('fetches with the client of the region in the key, whatever the active region is now', async () => {
    const calls: string[] = [];
    setLambdaClient(regionalClients(calls));
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    setLambdaRegion('eu-west-1');
    const westList = mappingQueries.list({});
    const westDetail = mappingQueries.detail('abc');
    setLambdaRegion('us-east-1');
    await queryClient.fetchInfiniteQuery(westList);
    await queryClient.fetchQuery(westDetail);
    await queryClient.fetchInfiniteQuery(mappingQueries.list({}));
    expect(calls).toEqual(['eu-west-1 List', 'eu-west-1 Get abc', 'us-east-1 List']);
    // Invalidating the active region's lists leaves the other region's cache alone.
    await queryClient.invalidateQueries({ queryKey: mappingQueries.lists() });
    expect(queryClient.getQueryState(westList.queryKey)?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(mappingQueries.list({}).queryKey)?.isInvalidated).toBe(true);
  });
});
