import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mappingColumns, sortMappingRows } from './mapping-columns.tsx';
import { toMappingRows, type MappingRow } from './mapping-rows.ts';

const REGION = 'us-east-1';
const context = {
  now: Date.parse('2026-11-01T00:00:00Z'),
  functionStatus: () => 'unknown' as const,
};

// Few letters, both cases, digits and separators: many ties under the collator (`a` = `A`) and
// number-aware orders (`fn-2` before `fn-10`).
const text = fc
  .array(fc.constantFrom('a', 'A', 'b', 'B', '1', '2', '10', '-', ':', ' '), { maxLength: 4 })
  .map((parts) => parts.join(''));

const mapping = fc.record(
  {
    UUID: text,
    FunctionArn: fc.option(
      fc
        .tuple(text, fc.option(text, { nil: undefined }))
        .map(
          ([name, qualifier]) =>
            `arn:aws:lambda:${REGION}:123456789012:function:fn${name.replace(/[ :]/g, '')}${qualifier ? `:${qualifier.replace(/[ :]/g, '') || '1'}` : ''}`,
        ),
      { nil: undefined },
    ),
    EventSourceArn: fc.option(
      text.map((name) => `arn:aws:sqs:${REGION}:123456789012:q${name.replace(/[ :]/g, '')}`),
      { nil: undefined },
    ),
    State: fc.option(fc.constantFrom('Enabled', 'Disabled', 'Enabling', 'Creating'), {
      nil: undefined,
    }),
    StateTransitionReason: fc.option(text, { nil: undefined }),
    LastProcessingResult: fc.option(fc.oneof(fc.constantFrom('OK', 'No records processed'), text), {
      nil: undefined,
    }),
    BatchSize: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    LastModified: fc.option(
      fc.integer({ min: 0, max: 5 }).map((d) => new Date(Date.UTC(2026, 10, 1 + d))),
      { nil: undefined },
    ),
  },
  { requiredKeys: ['UUID'] },
) as fc.Arbitrary<EventSourceMappingConfiguration>;

describe('sortMappingRows', () => {
  it('orders rows as a stable sort with the column comparator does, ascending and descending', () => {
    const columns = mappingColumns({ regionLink: false });
    fc.assert(
      fc.property(
        fc.array(mapping, { maxLength: 40 }),
        fc.constantFrom(...columns),
        fc.boolean(),
        fc.nat(),
        (mappings, column, descending, cut) => {
          const all = toMappingRows(mappings, REGION, context);
          // A filtered part of the loaded rows, ranked among all of them.
          const part = all.filter((_, i) => (i + cut) % 3 !== 0);
          const direction = descending ? -1 : 1;
          const compare = column.sortingComparator as (a: MappingRow, b: MappingRow) => number;
          const expected = part.slice().sort((a, b) => compare(a, b) * direction);
          expect(sortMappingRows(part, column, descending, all).map((r) => r.key)).toEqual(
            expected.map((r) => r.key),
          );
          expect(sortMappingRows(all, column, descending).map((r) => r.key)).toEqual(
            all
              .slice()
              .sort((a, b) => compare(a, b) * direction)
              .map((r) => r.key),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts fn-2 before fn-10 and treats case as equal (the stable order keeps ties as listed)', () => {
    const rows = toMappingRows(
      ['fn-10', 'FN-2', 'fn-2', 'fn-1'].map((name, i) => ({
        UUID: `u${i}`,
        FunctionArn: `arn:aws:lambda:${REGION}:123456789012:function:${name}`,
      })),
      REGION,
      context,
    );
    const byFunction = mappingColumns({ regionLink: false }).find((c) => c.id === 'FunctionName');
    if (!byFunction) throw new Error('no Function column');
    expect(sortMappingRows(rows, byFunction, false).map((r) => r.FunctionName)).toEqual([
      'fn-1',
      'FN-2',
      'fn-2',
      'fn-10',
    ]);
    expect(sortMappingRows(rows, byFunction, true).map((r) => r.FunctionName)).toEqual([
      'fn-10',
      'FN-2',
      'fn-2',
      'fn-1',
    ]);
  });
});

describe('mappingColumns widths', () => {
  const widthOf = (columns: ReturnType<typeof mappingColumns>, id: string) =>
    columns.find((c) => c.id === id)?.width as number;
  // The last visible column takes what is left (Cloudscape sizes it "auto", down to its minWidth).
  const defaultTotal = (columns: ReturnType<typeof mappingColumns>, last = 'width') => {
    const shown = columns.filter((c) => c.visibleByDefault);
    return shown.reduce(
      (sum, c, i) =>
        sum + ((i === shown.length - 1 && last === 'minWidth' ? c.minWidth : c.width) as number),
      54,
    );
  };

  it('fit a 1280 px window as they are (about 1,232 px of table)', () => {
    const plain = mappingColumns({ regionLink: false });
    const at1280 = mappingColumns({ regionLink: false, tableWidth: 1232 });
    expect(defaultTotal(plain, 'minWidth')).toBeLessThanOrEqual(1232);
    expect(at1280.map((c) => c.width)).toEqual(plain.map((c) => c.width));
  });

  it('give the room of a wider table to Function, Event source and Health first, and leave the last column some', () => {
    const plain = mappingColumns({ regionLink: false });
    const at1440 = mappingColumns({ regionLink: false, tableWidth: 1392 });
    const room = 1392 - defaultTotal(plain);
    expect(widthOf(at1440, 'FunctionName')).toBe(
      widthOf(plain, 'FunctionName') + Math.floor(room * 0.3),
    );
    expect(widthOf(at1440, 'SourceName')).toBe(
      widthOf(plain, 'SourceName') + Math.floor(room * 0.25),
    );
    expect(widthOf(at1440, 'Health')).toBe(widthOf(plain, 'Health') + Math.floor(room * 0.1));
    expect(widthOf(at1440, 'UUID')).toBe(widthOf(plain, 'UUID'));
    // Still within the table: what is left goes to the last column.
    expect(defaultTotal(at1440)).toBeLessThanOrEqual(1392);
    const huge = mappingColumns({ regionLink: false, tableWidth: 4000 });
    expect(widthOf(huge, 'FunctionName')).toBe(320);
    expect(widthOf(huge, 'SourceName')).toBe(300);
    expect(widthOf(huge, 'Health')).toBe(200);
  });
});
