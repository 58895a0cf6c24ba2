import { describe, expect, it } from 'vitest';
import { matchesViewFilter, parseViewFilter, withViewFilter } from './mapping-view-filter.ts';

describe('mapping view filter', () => {
  it('reads and writes ?state=…&problems=1, ignoring unknown values', () => {
    expect(parseViewFilter(new URLSearchParams('state=transitional&problems=1'))).toEqual({
      state: 'transitional',
      problemsOnly: true,
    });
    expect(parseViewFilter(new URLSearchParams('state=Bogus'))).toEqual({
      state: 'all',
      problemsOnly: false,
    });
    const params = new URLSearchParams('FunctionName=f&state=Enabled');
    expect(withViewFilter(params, { state: 'all', problemsOnly: true }).toString()).toBe(
      'FunctionName=f&problems=1',
    );
  });

  it('matches State (transitional = any of the five) and PROBLEM: results', () => {
    const view = { state: 'transitional', problemsOnly: true } as const;
    expect(matchesViewFilter({ State: 'Updating', LastProcessingResult: 'PROBLEM: x' }, view)).toBe(
      true,
    );
    expect(matchesViewFilter({ State: 'Updating', LastProcessingResult: 'OK' }, view)).toBe(false);
    expect(matchesViewFilter({ State: 'Enabled', LastProcessingResult: 'PROBLEM: x' }, view)).toBe(
      false,
    );
    expect(
      matchesViewFilter({ State: 'Disabled' }, { state: 'Disabled', problemsOnly: false }),
    ).toBe(true);
  });
});
