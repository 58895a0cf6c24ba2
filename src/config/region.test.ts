import { describe, expect, it } from 'vitest';
import { regionFromSearch } from './region.ts';

const config = { region: 'us-east-1', regions: ['us-east-1', 'eu-west-1'] };

describe('regionFromSearch', () => {
  it('takes a configured region from the query', () => {
    expect(regionFromSearch('?region=eu-west-1', config)).toBe('eu-west-1');
    expect(regionFromSearch(new URLSearchParams('FunctionName=x&region=us-east-1'), config)).toBe(
      'us-east-1',
    );
  });

  it('ignores a missing, unknown or unconfigured region', () => {
    expect(regionFromSearch('', config)).toBeUndefined();
    expect(regionFromSearch('?region=ap-south-1', config)).toBeUndefined();
    expect(regionFromSearch('?region=eu-west-1', { region: 'us-east-1' })).toBeUndefined();
  });
});
