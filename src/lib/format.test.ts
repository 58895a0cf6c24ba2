import { describe, expect, it } from 'vitest';
import { formatDateTime, formatLocal, formatUtc } from './format.ts';

const at = new Date('2024-06-10T17:26:16Z');

describe('formatDateTime', () => {
  it('shows UTC with the local time after it', () => {
    expect(formatDateTime(at, 'Europe/Berlin')).toBe('2024-06-10 17:26:16 UTC (19:26 local)');
    expect(formatDateTime(at, 'America/New_York')).toBe('2024-06-10 17:26:16 UTC (13:26 local)');
  });

  it('names the local day when it differs from the UTC day', () => {
    expect(formatDateTime(new Date('2024-06-10T23:30:00Z'), 'Europe/Berlin')).toBe(
      '2024-06-10 23:30:00 UTC (2024-06-11 01:30 local)',
    );
    expect(formatDateTime(new Date('2024-06-10T01:00:00Z'), 'America/Los_Angeles')).toBe(
      '2024-06-10 01:00:00 UTC (2024-06-09 18:00 local)',
    );
  });

  it('shows UTC alone where the local zone is UTC at that instant', () => {
    expect(formatDateTime(at, 'UTC')).toBe('2024-06-10 17:26:16 UTC');
    // London is UTC in winter, UTC+1 in summer.
    expect(formatDateTime(new Date('2024-01-10T17:26:16Z'), 'Europe/London')).toBe(
      '2024-01-10 17:26:16 UTC',
    );
    expect(formatDateTime(at, 'Europe/London')).toBe('2024-06-10 17:26:16 UTC (18:26 local)');
  });

  it('takes epoch milliseconds and ISO text as well as Dates', () => {
    expect(formatDateTime(at.getTime(), 'UTC')).toBe('2024-06-10 17:26:16 UTC');
    expect(formatDateTime('2024-06-10T17:26:16.000Z', 'Asia/Kolkata')).toBe(
      '2024-06-10 17:26:16 UTC (22:56 local)',
    );
  });

  it('shows - for nothing or an invalid date', () => {
    expect(formatDateTime(undefined)).toBe('-');
    expect(formatDateTime('')).toBe('-');
    expect(formatDateTime('not a date')).toBe('-');
    expect(formatDateTime(new Date(Number.NaN))).toBe('-');
  });
});

describe('formatUtc and formatLocal', () => {
  it('give the UTC text and the local text with its offset', () => {
    expect(formatUtc(new Date('2026-05-01T00:00:09Z'))).toBe('2026-05-01 00:00:09 UTC');
    expect(formatLocal(at, 'Europe/Berlin')).toBe('2024-06-10 19:26:16 local (UTC+2)');
    expect(formatLocal(at, 'America/St_Johns')).toBe('2024-06-10 14:56:16 local (UTC-2:30)');
    expect(formatLocal(at, 'Asia/Kathmandu')).toBe('2024-06-10 23:11:16 local (UTC+5:45)');
    expect(formatLocal(at, 'UTC')).toBe('2024-06-10 17:26:16 local (UTC)');
  });
});
