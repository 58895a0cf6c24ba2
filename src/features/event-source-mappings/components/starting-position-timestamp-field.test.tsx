import { fireEvent, render, screen } from '@testing-library/react';
import { useForm, useWatch } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { MappingFormControl } from './mapping-form-fields.ts';
import {
  parseTypedTimestamp,
  StartingPositionTimestampField,
  timestampInputText,
} from './starting-position-timestamp-field.tsx';

const isoOf = (text: string) => {
  const parsed = parseTypedTimestamp(text);
  return parsed.kind === 'valid' ? parsed.iso : parsed.kind;
};

describe('parseTypedTimestamp', () => {
  it.each([
    ['2026-05-01 12:30:00', '2026-05-01T12:30:00Z'],
    ['2026/05/01 12:30:00', '2026-05-01T12:30:00Z'],
    ['2026/05/01 12:30', '2026-05-01T12:30:00Z'],
    ['2026-05-01 123000', '2026-05-01T12:30:00Z'],
    ['2026-05-01 1230', '2026-05-01T12:30:00Z'],
    ['2026-05-01T12:30:00Z', '2026-05-01T12:30:00Z'],
    ['2026.5.1, 9:05', '2026-05-01T09:05:00Z'],
    ['  2026-05-01   12:30:00 UTC ', '2026-05-01T12:30:00Z'],
    ['2026-05-01 12:30:00.25', '2026-05-01T12:30:00.250Z'],
    ['2024-06-01T12:00:00.000Z', '2024-06-01T12:00:00.000Z'],
    // A date alone is midnight UTC.
    ['2026-05-01', '2026-05-01T00:00:00Z'],
    ['2024-02-29 23:59:59', '2024-02-29T23:59:59Z'],
    // A typed zone is converted to UTC.
    ['2026-05-01 14:30+02:00', '2026-05-01T12:30:00Z'],
    ['2026-05-01T07:00:00-0530', '2026-05-01T12:30:00Z'],
    ['2026-05-01 00:15 +01', '2026-04-30T23:15:00Z'],
  ])('%s → %s', (text, iso) => {
    expect(isoOf(text)).toBe(iso);
  });

  it.each([
    '2026',
    '2026-05',
    '2026-05-01 12',
    '2026-05-01 12:3',
    '2026-05-01 12:30:0',
    '2026-05-01 12345',
    '2026-13-01',
    '2026-02-29',
    '2026-04-31 10:00',
    '2026-05-01 24:00',
    '2026-05-01 12:60',
    '2026-05/01',
    '01/05/2026',
    'yesterday',
  ])('%s is not (yet) a time', (text) => {
    expect(isoOf(text)).toBe('invalid');
  });

  it('blank is empty (not set)', () => {
    expect(isoOf('')).toBe('empty');
    expect(isoOf('   ')).toBe('empty');
  });
});

describe('timestampInputText', () => {
  it('shows a form value in UTC as typed, and anything else as it is', () => {
    expect(timestampInputText('2024-06-01T12:00:00Z')).toBe('2024-06-01 12:00:00');
    expect(timestampInputText('2024-06-01T12:00:00.000Z')).toBe('2024-06-01 12:00:00');
    expect(timestampInputText('2024-06-01T12:00:00.250Z')).toBe('2024-06-01 12:00:00.250');
    expect(timestampInputText('2026-05')).toBe('2026-05');
    expect(timestampInputText('')).toBe('');
  });
});

/** The field in a bare form that shows the form's value (what the schema will read). */
function Harness({ initial = '' }: { initial?: string }) {
  const form = useForm({ defaultValues: { StartingPositionTimestamp: initial } });
  const value = useWatch({ control: form.control, name: 'StartingPositionTimestamp' });
  return (
    <>
      <StartingPositionTimestampField
        control={form.control as unknown as MappingFormControl}
        help="Must not be in the future."
      />
      <output aria-label="Form value">{value}</output>
    </>
  );
}

const formValue = () => screen.getByRole('status', { name: 'Form value' }).textContent;
const input = () =>
  screen.getByLabelText('StartingPositionTimestamp', { selector: 'input' }) as HTMLInputElement;
const typeText = (value: string) => fireEvent.change(input(), { target: { value } });

describe('StartingPositionTimestampField', () => {
  it('keeps each keystroke and holds ISO 8601 text once the time is complete', () => {
    render(<Harness />);
    for (const text of [
      '2',
      '2026/',
      '2026/05/0',
      '2026/05/01',
      '2026/05/01 12',
      '2026/05/01 1230',
    ]) {
      typeText(text);
      expect(input().value).toBe(text);
    }
    expect(formValue()).toBe('2026-05-01T12:30:00Z');
    expect(
      screen.getByText(/^= 2026-05-01 12:30:00 UTC = 2026-05-01 \d\d:\d\d:00 local \(UTC/),
    ).toBeTruthy();
    typeText('2026/05/01 123000');
    expect(input().value).toBe('2026/05/01 123000');
    expect(formValue()).toBe('2026-05-01T12:30:00Z');
    // Leaving the field shows what was understood.
    fireEvent.blur(input());
    expect(input().value).toBe('2026-05-01 12:30:00');
    expect(formValue()).toBe('2026-05-01T12:30:00Z');
  });

  it('passes an incomplete text to the form as typed, and says it is not complete yet', () => {
    render(<Harness />);
    typeText('2026-05-01 12:3');
    expect(formValue()).toBe('2026-05-01 12:3');
    expect(screen.getByText(/^Not a complete date and time yet/)).toBeTruthy();
    typeText('');
    expect(formValue()).toBe('');
    expect(screen.queryByText(/^Not a complete date and time yet/)).toBeNull();
  });

  it('shows an existing value in UTC and picks a day from the calendar, keeping the time', () => {
    render(<Harness initial="2024-06-01T08:15:00Z" />);
    expect(input().value).toBe('2024-06-01 08:15:00');
    fireEvent.click(screen.getByRole('button', { name: 'Choose a day' }));
    fireEvent.click(screen.getByText('12', { selector: '[role="grid"] *' }));
    expect(formValue()).toBe('2024-06-12T08:15:00Z');
    expect(input().value).toBe('2024-06-12 08:15:00');
    expect(screen.queryByRole('grid')).toBeNull();
  });
});
