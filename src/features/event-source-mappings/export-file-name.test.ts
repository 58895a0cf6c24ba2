import { describe, expect, it } from 'vitest';
import {
  ALL_REGIONS_SCOPE,
  exportFileName,
  fileTimestamp,
  MULTIPLE_REGIONS_SCOPE,
  regionsScope,
} from './export-file-name.ts';

const AT = new Date(Date.UTC(2026, 4, 4, 10, 11, 12, 345));

describe('exportFileName', () => {
  it('names the scope, what the file holds and the UTC time, with the extension', () => {
    expect(exportFileName({ scope: 'us-east-1', what: 'view', ext: 'csv', now: AT })).toBe(
      'event-source-mappings-us-east-1-view-20260504-101112Z.csv',
    );
    expect(exportFileName({ scope: ALL_REGIONS_SCOPE, what: 'view', ext: 'json', now: AT })).toBe(
      'event-source-mappings-all-regions-view-20260504-101112Z.json',
    );
    expect(
      exportFileName({
        scope: MULTIPLE_REGIONS_SCOPE,
        what: 'before-delete',
        ext: 'json',
        now: AT,
      }),
    ).toBe('event-source-mappings-multiple-regions-before-delete-20260504-101112Z.json');
    expect(
      exportFileName({ scope: 'eu-west-1', what: 'cli-input-json', ext: 'json', now: AT }),
    ).toBe('event-source-mappings-eu-west-1-cli-input-json-20260504-101112Z.json');
  });

  it('writes the time in UTC whatever the time zone, to the second, zero-padded', () => {
    expect(fileTimestamp(new Date('2026-01-02T03:04:05.999+02:00'))).toBe('20260102-010405Z');
    expect(fileTimestamp(new Date('1999-12-31T23:59:59Z'))).toBe('19991231-235959Z');
  });

  it('keeps the name safe for a shell and a file system', () => {
    const name = exportFileName({
      scope: 'US East 1/../x',
      what: 'A "b"; $c',
      ext: '.TF',
      now: AT,
    });
    expect(name).toBe('event-source-mappings-us-east-1-x-a-b-c-20260504-101112Z.tf');
    expect(name).toMatch(/^[a-z0-9.-]+Z\.[a-z0-9]+$/);
  });

  it('takes the current time by default', () => {
    const before = fileTimestamp(new Date());
    const name = exportFileName({ scope: 'us-east-1', what: 'view', ext: 'csv' });
    const after = fileTimestamp(new Date());
    const time = /-(\d{8}-\d{6}Z)\.csv$/.exec(name)?.[1] ?? '';
    expect(time >= before && time <= after).toBe(true);
  });
});

describe('regionsScope', () => {
  it('is the region of mappings from one region, multiple-regions for several', () => {
    expect(regionsScope(['eu-west-1', 'eu-west-1'], 'us-east-1')).toBe('eu-west-1');
    expect(regionsScope(['eu-west-1', 'us-east-1'], 'us-east-1')).toBe(MULTIPLE_REGIONS_SCOPE);
    expect(regionsScope([], 'us-east-1')).toBe('us-east-1');
  });
});
