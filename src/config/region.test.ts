import { describe, expect, it } from 'vitest';
import { regionFromSearch, unconfiguredRegionMessage } from './region.ts';

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

describe('unconfiguredRegionMessage', () => {
  it('names the region left out and the one shown instead', () => {
    expect(unconfiguredRegionMessage('xx-nowhere-1', config, 'us-east-1')).toEqual({
      header: 'Region xx-nowhere-1 is not configured; showing us-east-1',
      content:
        'The link names region xx-nowhere-1, which config.json does not list (it lists us-east-1, eu-west-1), so it was left out.',
    });
    expect(
      unconfiguredRegionMessage('eu-west-1', { region: 'us-east-1' }, 'us-east-1')?.header,
    ).toBe('Region eu-west-1 is not configured; showing us-east-1');
  });

  it('says nothing for a configured, missing or empty region', () => {
    expect(unconfiguredRegionMessage('eu-west-1', config, 'eu-west-1')).toBeUndefined();
    expect(unconfiguredRegionMessage(null, config, 'us-east-1')).toBeUndefined();
    expect(unconfiguredRegionMessage('', config, 'us-east-1')).toBeUndefined();
  });
});
