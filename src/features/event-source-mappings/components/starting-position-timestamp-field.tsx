import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TimeInput from '@cloudscape-design/components/time-input';
import { Controller } from 'react-hook-form';
import type { MappingFormControl } from './mapping-form-fields.ts';

const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}(?::\d{0,2}(?::\d{0,2})?)?))?/;

/**
 * Splits the form's ISO 8601 text into the date picker's `YYYY-MM-DD` and the time input's
 * `HH:mm:ss` (both UTC).
 * @param value e.g. `2024-06-01T12:00:00Z` or `2024-06-01T12:00:00.000Z`.
 * @returns `{ date, time }`, empty strings for the missing parts.
 */
export function splitTimestamp(value: string): { date: string; time: string } {
  const m = ISO_PREFIX.exec(value.trim());
  return { date: m?.[1] ?? '', time: m?.[2] ?? '' };
}

/**
 * Joins a date and a time (UTC) into the ISO 8601 text the form schema parses, e.g.
 * `2024-06-01` + `12:30:00` → `2024-06-01T12:30:00Z`. No date gives `''` (not set); no time
 * means midnight.
 */
export function joinTimestamp(date: string, time: string): string {
  if (!date) return '';
  return `${date}T${time || '00:00:00'}Z`;
}

/** Whether a calendar day is today or earlier (AWS refuses a start time in the future). */
function notInFuture(day: Date): boolean {
  const endOfToday = new Date();
  endOfToday.setHours(23, 59, 59, 999);
  return day.getTime() <= endOfToday.getTime();
}

/**
 * `StartingPositionTimestamp` as a date picker plus a 24-hour time input, in UTC. The form holds
 * ISO 8601 text (`2024-06-01T12:00:00Z`); the schema turns it into the `Date` the SDK sends (as
 * epoch seconds). Days after today cannot be picked (AWS: the timestamp cannot be in the future).
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
      render={({ field, fieldState }) => {
        const { date, time } = splitTimestamp(field.value);
        return (
          <FormField
            label="StartingPositionTimestamp"
            description="With AT_TIMESTAMP: the time to start reading from (UTC)."
            constraintText={help}
            errorText={fieldState.error?.message}
          >
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              <DatePicker
                ref={field.ref}
                value={date}
                onChange={({ detail }) => field.onChange(joinTimestamp(detail.value, time))}
                onBlur={field.onBlur}
                isDateEnabled={notInFuture}
                placeholder="YYYY/MM/DD"
                ariaLabel="StartingPositionTimestamp date (UTC)"
                invalid={fieldState.invalid}
                i18nStrings={{
                  openCalendarAriaLabel: (selected) =>
                    selected ? `Choose date, selected ${selected}` : 'Choose date',
                  previousMonthAriaLabel: 'Previous month',
                  nextMonthAriaLabel: 'Next month',
                  todayAriaLabel: 'Today',
                }}
              />
              <TimeInput
                value={time}
                onChange={({ detail }) => field.onChange(joinTimestamp(date, detail.value))}
                onBlur={field.onBlur}
                format="hh:mm:ss"
                use24Hour
                placeholder="hh:mm:ss"
                ariaLabel="StartingPositionTimestamp time (UTC)"
                invalid={fieldState.invalid}
                disabled={!date}
              />
              <span>UTC</span>
            </SpaceBetween>
          </FormField>
        );
      }}
    />
  );
}
