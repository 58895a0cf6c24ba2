/**
 * Time-zone convention of the console: every instant is shown, and typed, in **UTC** — the zone
 * of AWS's API, CLI and CloudWatch Logs, so a time copied from any of them means the same here —
 * always with the letters `UTC`, followed by the user's local time when the browser's zone differs
 * at that instant: `2024-06-10 17:26:16 UTC (19:26 local)` ({@link formatDateTime}: detail page,
 * list, state transitions) and, in the StartingPositionTimestamp field, `= 2024-06-10 19:26:16
 * local (UTC+2)` ({@link formatLocal}).
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Parts of an instant's wall-clock time in some zone (month 1–12). */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of `date` in `timeZone` (IANA name; undefined: the browser's zone). */
function wallClock(date: Date, timeZone: string | undefined): WallClock {
  const key = timeZone ?? '';
  let format = localFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      ...(timeZone ? { timeZone } : {}),
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    localFormats.set(key, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(date).map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    // Some engines still say 24 for midnight with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const utcClock = (date: Date): WallClock => ({
  year: date.getUTCFullYear(),
  month: date.getUTCMonth() + 1,
  day: date.getUTCDate(),
  hour: date.getUTCHours(),
  minute: date.getUTCMinutes(),
  second: date.getUTCSeconds(),
});

const dayText = (c: WallClock): string => `${c.year}-${pad(c.month)}-${pad(c.day)}`;
const timeText = (c: WallClock): string => `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;

/** Offset of a wall clock from UTC in minutes (positive east of Greenwich). */
function offsetMinutes(date: Date, local: WallClock): number {
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** `UTC`, `UTC+2`, `UTC-3:30`, `UTC+5:45`. */
function offsetText(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const m = abs % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${m ? `:${pad(m)}` : ''}`;
}

function toDate(value: Date | number | string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * An instant in UTC, to the second.
 * @param date a valid `Date`.
 * @returns e.g. `2024-06-10 17:26:16 UTC`.
 */
export function formatUtc(date: Date): string {
  const c = utcClock(date);
  return `${dayText(c)} ${timeText(c)} UTC`;
}

/**
 * An instant in the user's local time, to the second, with its offset from UTC.
 * @param date a valid `Date`.
 * @param timeZone IANA zone to use instead of the browser's (tests).
 * @returns e.g. `2024-06-10 19:26:16 local (UTC+2)`; `… local (UTC)` where the zone is UTC then.
 */
export function formatLocal(date: Date, timeZone?: string): string {
  const local = wallClock(date, timeZone);
  return `${dayText(local)} ${timeText(local)} local (${offsetText(offsetMinutes(date, local))})`;
}

/**
 * Formats an instant for display under the console's convention (see the top of this file): UTC,
 * then the local time when the browser's zone is not UTC at that instant (its date only when the
 * local day differs).
 * @param value a `Date` (the SDK turns epoch-seconds timestamps into Dates), epoch milliseconds,
 *   ISO 8601 text (`2024-06-10T17:26:16Z`, as the form holds it), or undefined.
 * @param timeZone IANA zone to use instead of the browser's (tests).
 * @returns e.g. `2024-06-10 17:26:16 UTC (19:26 local)`, `2024-06-10 23:30:00 UTC (2024-06-11
 *   01:30 local)`, `2024-06-10 17:26:16 UTC` in a UTC browser; `-` when there is no value or it
 *   is not a valid date.
 */
export function formatDateTime(
  value: Date | number | string | undefined,
  timeZone?: string,
): string {
  const date = toDate(value);
  if (!date) return '-';
  const utc = formatUtc(date);
  const local = wallClock(date, timeZone);
  if (offsetMinutes(date, local) === 0) return utc;
  const sameDay = dayText(local) === dayText(utcClock(date));
  return `${utc} (${sameDay ? '' : `${dayText(local)} `}${pad(local.hour)}:${pad(local.minute)} local)`;
}
