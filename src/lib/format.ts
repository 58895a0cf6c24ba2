const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/**
 * Formats an instant for display in the user's locale and time zone, e.g. `Jun 10, 2024, 7:26:16 PM`.
 * @param value a `Date` (the SDK turns epoch-seconds timestamps into Dates), epoch milliseconds, or
 *   undefined.
 * @returns the formatted text, or `-` when there is no value or it is not a valid date.
 */
export function formatDateTime(value: Date | number | undefined): string {
  if (value === undefined) return '-';
  const date = typeof value === 'number' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '-' : dateTimeFormat.format(date);
}
