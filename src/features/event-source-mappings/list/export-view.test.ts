import { describe, expect, it } from 'vitest';
import { csvField, toCsv, toMappingsJson, viewExportFileName } from './export-view.ts';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
    const csv = toCsv(
      [
        { label: 'UUID', text: (r: { id: string; note: string }) => r.id },
        { label: 'Note, text', text: (r: { id: string; note: string }) => r.note },
      ],
      [
        { id: 'a', note: 'plain' },
        { id: 'b', note: 'say "hi", then\nleave' },
      ],
    );
    expect(csv).toBe('UUID,"Note, text"\r\na,plain\r\nb,"say ""hi"", then\nleave"\r\n');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('orders-ingest-prod')).toBe('orders-ingest-prod');
  });
});

describe('JSON export', () => {
  it('has the shape of ListEventSourceMappings output, timestamps in ISO 8601', () => {
    const json = toMappingsJson([
      { UUID: 'u1', State: 'Enabled', LastModified: new Date('2026-11-01T00:00:00Z') },
    ]);
    expect(JSON.parse(json)).toEqual({
      EventSourceMappings: [
        { UUID: 'u1', State: 'Enabled', LastModified: '2026-11-01T00:00:00.000Z' },
      ],
    });
  });
});

describe('the view’s download file name', () => {
  const at = new Date(Date.UTC(2026, 4, 4, 10, 11, 12, 345));

  it('names the region or all regions, the view, the UTC time and the format', () => {
    expect(viewExportFileName('eu-west-1', 'csv', at)).toBe(
      'event-source-mappings-eu-west-1-view-20260504-101112Z.csv',
    );
    expect(viewExportFileName('all-regions', 'json', at)).toBe(
      'event-source-mappings-all-regions-view-20260504-101112Z.json',
    );
  });

  it('is named at the time of the download by default', () => {
    expect(viewExportFileName('us-east-1', 'csv')).toMatch(
      /^event-source-mappings-us-east-1-view-\d{8}-\d{6}Z\.csv$/,
    );
  });
});
