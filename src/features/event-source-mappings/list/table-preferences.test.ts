import { describe, expect, it } from 'vitest';
import { defaultTablePreferences, parseTablePreferences } from './table-preferences.ts';

const defaults = defaultTablePreferences([
  { id: 'UUID', visibleByDefault: true },
  { id: 'State', visibleByDefault: true },
  { id: 'Region', visibleByDefault: false },
]);

describe('table preferences', () => {
  it('uses the defaults when nothing (or garbage) is stored', () => {
    expect(parseTablePreferences(null, defaults)).toEqual(defaults);
    expect(parseTablePreferences('{not json', defaults)).toEqual(defaults);
    expect(parseTablePreferences('42', defaults)).toEqual(defaults);
  });

  it('keeps stored order and visibility, drops unknown columns and appends new ones', () => {
    const stored = JSON.stringify({
      pageSize: 100,
      wrapLines: true,
      contentDensity: 'compact',
      stickyFirstColumn: false,
      contentDisplay: [
        { id: 'State', visible: false },
        { id: 'Gone', visible: true },
        { id: 'UUID', visible: true },
      ],
    });
    // A density stored by an earlier version is dropped: the console's density is one setting.
    expect(parseTablePreferences(stored, defaults)).toEqual({
      pageSize: 100,
      wrapLines: true,
      stickyFirstColumn: false,
      contentDisplay: [
        { id: 'State', visible: false },
        { id: 'UUID', visible: true },
        { id: 'Region', visible: false },
      ],
    });
  });

  it('ignores invalid values one by one', () => {
    const stored = JSON.stringify({ pageSize: 7, wrapLines: 'yes', stickyFirstColumn: 1 });
    expect(parseTablePreferences(stored, defaults)).toEqual(defaults);
  });
});
