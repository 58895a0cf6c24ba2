import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { mappingsJsonFileName } from './download.ts';

const AT = new Date(Date.UTC(2026, 4, 4, 10, 11, 12, 345));

/** A mapping as Lambda returns it, of a function in `region`. */
function mappingIn(region: string, n: number): EventSourceMappingConfiguration {
  return {
    UUID: `00000000-0000-4000-8000-00000000000${n}`,
    FunctionArn: `arn:aws:lambda:${region}:123456789012:function:fn-${n}`,
  };
}

describe('mappingsJsonFileName (the JSON kept before a bulk delete)', () => {
  it('names the region, what it is and the UTC time, by the console’s one scheme', () => {
    expect(mappingsJsonFileName([mappingIn('eu-west-1', 1), mappingIn('eu-west-1', 2)], AT)).toBe(
      'event-source-mappings-eu-west-1-before-delete-20260504-101112Z.json',
    );
  });

  it('says multiple-regions for mappings of several regions', () => {
    expect(mappingsJsonFileName([mappingIn('eu-west-1', 1), mappingIn('us-east-1', 2)], AT)).toBe(
      'event-source-mappings-multiple-regions-before-delete-20260504-101112Z.json',
    );
  });
});
