import Button from '@cloudscape-design/components/button';
import Calendar from '@cloudscape-design/components/calendar';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { Controller, type RefCallBack } from 'react-hook-form';
import { formatLocal, formatUtc } from '../../../lib/format.ts';
import type { MappingFormControl } from './mapping-form-fields.ts';

/** What a person typed into the StartingPositionTimestamp field, read as a time. */
export type TypedTimestamp =
  | { kind: 'empty' }
  /** `iso` is the form's value, e.g. `2026-05-01T12:30:00Z` (milliseconds only when typed). */
  | { kind: 'valid'; iso: string; date: Date }
  | { kind: 'invalid' };

// Date: 2026-05-01, 2026/05/01, 2026.5.1. Then optionally T, a comma or spaces, and a time:
// 12:30, 12:30:00, 12:30:00.250, 1230, 123000. Then optionally a zone: Z, UTC, GMT, +02:00, -0530.
const TYPED_TIMESTAMP =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s*[Tt]\s*|\s*,\s*|\s+)(?:(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?|(\d{2})(\d{2})(\d{2})?))?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Days in a month (1–12) of a year, leap years included. */
function daysInMonth(year: number, month: number): number {
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return last.getUTCDate();
}

/**
 * Reads what a person types as a StartingPositionTimestamp, in UTC unless a zone is typed.
 * Accepted: a date `2026-05-01`, `2026/05/01` or `2026.5.1`, then (after `T`, a comma or spaces) a
 * 24-hour time `12:30`, `12:30:00`, `12:30:00.250`, `1230` or `123000`, then optionally `Z`, `UTC`,
 * `GMT` or an offset (`+02:00`, `-0530`). A date alone means 00:00:00 UTC. Fields out of range
 * (month 13, 2026-02-30, 24:00) are invalid, as are partial texts (`2026-05`, `2026-05-01 12`).
 * @param text the input's text.
 * @returns `empty` for blank text, `valid` with the ISO 8601 text the form holds (and the schema's
 *   `parseIsoTimestamp` reads) and its `Date`, or `invalid`.
 */
export function parseTypedTimestamp(text: string): TypedTimestamp {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const m = TYPED_TIMESTAMP.exec(trimmed);
  if (!m) return { kind: 'invalid' };
  const [, y = '', , mo = '', d = '', h1, mi1, s1, frac, h2, mi2, s2, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h1 ?? h2 ?? 0);
  const minute = Number(mi1 ?? mi2 ?? 0);
  const second = Number(s1 ?? s2 ?? 0);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { kind: 'invalid' };
  }
  const millis = frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : '';
  const wall = `${y}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${millis}`;
  const upper = zone?.toUpperCase();
  const offset =
    upper === undefined || upper === 'Z' || upper === 'UTC' || upper === 'GMT'
      ? 'Z'
      : upper.includes(':') || upper.length === 3
        ? `${upper}${upper.length === 3 ? ':00' : ''}`
        : `${upper.slice(0, 3)}:${upper.slice(3)}`;
  const date = new Date(`${wall}${offset}`);
  if (Number.isNaN(date.getTime())) return { kind: 'invalid' };
  // In UTC as typed; from another zone converted (milliseconds only if they were typed).
  const converted = date.toISOString();
  const iso = offset === 'Z' ? `${wall}Z` : millis ? converted : converted.replace(/\.000Z$/, 'Z');
  return { kind: 'valid', iso, date };
}

/**
 * The text the input shows for a form value: UTC as `YYYY-MM-DD hh:mm:ss` (with milliseconds when
 * there are any), or the value itself when it is not a time (what the person typed so far).
 * @param value the form's value, e.g. `2024-06-01T12:00:00Z` or `2024-06-01T12:00:00.000Z`.
 */
export function timestampInputText(value: string): string {
  const parsed = parseTypedTimestamp(value);
  if (parsed.kind !== 'valid') return value;
  const ms = parsed.date.getUTCMilliseconds();
  return `${formatUtc(parsed.date).replace(/ UTC$/, '')}${ms ? `.${String(ms).padStart(3, '0')}` : ''}`;
}

/**
 * The form value for a typed text: its ISO 8601 text when it reads as a time, `''` when blank,
 * otherwise the text as typed (the schema then says what is wrong).
 */
function formValueOf(text: string): string {
  const parsed = parseTypedTimestamp(text);
  return parsed.kind === 'valid' ? parsed.iso : parsed.kind === 'empty' ? '' : text;
}

/**
 * Whether a calendar day is today or earlier in UTC (AWS refuses a start time in the future). The
 * calendar hands over local midnight of the day it shows.
 */
function notInFuture(day: Date): boolean {
  const now = new Date();
  const shown = Date.UTC(day.getFullYear(), day.getMonth(), day.getDate());
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return shown <= today;
}

/**
 * `StartingPositionTimestamp` as one text input in UTC that takes what a person types
 * (`2026-05-01 12:30:00`, `2026/05/01 12:30`, `2026-05-01 123000`: see
 * {@link parseTypedTimestamp}), with the time it reads shown live in UTC and local time, and a
 * calendar to pick the day. The form holds ISO 8601 text (`2024-06-01T12:00:00Z`); the schema
 * turns it into the `Date` the SDK sends (as epoch seconds) and refuses a time in the future
 * (AWS: the timestamp cannot be in the future), so the calendar offers no later day than today.
 * @param props.help constraint text (from `describeField`).
 */
export function StartingPositionTimestampField({
  control,
  help,
}: {
  control: MappingFormControl;
  help: string;
}) {
  return (
    <Controller
      control={control}
      name="StartingPositionTimestamp"
      render={({ field, fieldState }) => (
        <TimestampInput
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
          error={fieldState.error?.message}
          help={help}
        />
      )}
    />
  );
}

function TimestampInput({
  value,
  onChange,
  onBlur,
  inputRef,
  error,
  help,
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  inputRef: RefCallBack;
  error: string | undefined;
  help: string;
}) {
  // What the person typed; shown while it stands for the form's value (otherwise the value was
  // set from outside, e.g. a reset, and is shown instead).
  const [draft, setDraft] = useState(() => timestampInputText(value));
  const [calendarOpen, setCalendarOpen] = useState(false);
  const text = formValueOf(draft) === value ? draft : timestampInputText(value);
  const parsed = parseTypedTimestamp(text);
  const typeText = (next: string) => {
    setDraft(next);
    onChange(formValueOf(next));
  };
  const hint =
    parsed.kind === 'valid'
      ? `= ${formatUtc(parsed.date)} = ${formatLocal(parsed.date)}`
      : parsed.kind === 'invalid'
        ? 'Not a complete date and time yet: YYYY-MM-DD hh:mm:ss (or hh:mm), in UTC.'
        : undefined;
  return (
    <FormField
      label="StartingPositionTimestamp"
      description="With AT_TIMESTAMP: the time to start reading from, typed in UTC, e.g. 2026-05-01 12:30:00."
      constraintText={
        <>
          {hint ? (
            <span aria-live="polite">
              {hint}
              <br />
            </span>
          ) : null}
          {help}
        </>
      }
      errorText={error}
      secondaryControl={
        <Button
          formAction="none"
          iconName="calendar"
          ariaExpanded={calendarOpen}
          onClick={() => setCalendarOpen((open) => !open)}
        >
          {calendarOpen ? 'Hide calendar' : 'Choose a day'}
        </Button>
      }
    >
      <SpaceBetween size="xs">
        <Input
          ref={inputRef}
          value={text}
          onChange={({ detail }) => typeText(detail.value)}
          onBlur={() => {
            // Show what was understood: `2026/5/1 123000` becomes `2026-05-01 12:30:00`.
            if (parsed.kind === 'valid') setDraft(timestampInputText(parsed.iso));
            onBlur();
          }}
          placeholder="YYYY-MM-DD hh:mm:ss"
          invalid={error !== undefined}
          autoComplete={false}
          spellcheck={false}
        />
        {calendarOpen ? (
          <Calendar
            value={parsed.kind === 'valid' ? parsed.iso.slice(0, 10) : ''}
            isDateEnabled={notInFuture}
            ariaLabel="StartingPositionTimestamp day (UTC)"
            onChange={({ detail }) => {
              const time =
                parsed.kind === 'valid' ? timestampInputText(parsed.iso).slice(11) : '00:00:00';
              typeText(`${detail.value} ${time}`);
              setCalendarOpen(false);
            }}
            i18nStrings={{
              previousMonthAriaLabel: 'Previous month',
              nextMonthAriaLabel: 'Next month',
              todayAriaLabel: 'Today',
            }}
          />
        ) : null}
      </SpaceBetween>
    </FormField>
  );
}
