import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { exportFileName } from '../export-file-name.ts';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled. A value
 * starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so a spreadsheet does not run
 * it as a formula (OWASP "CSV injection"); mapping values are user-controlled (function names,
 * filter patterns…).
 * @param value the cell text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows of a view as CSV: a header line, then one line per row, CRLF line ends (RFC 4180).
 * @param columns the columns in display order: header text and the cell's plain text.
 * @param rows the rows in display order (filtered and sorted, every page).
 */
export function toCsv<Row>(
  columns: readonly { label: string; text: (row: Row) => string }[],
  rows: readonly Row[],
): string {
  const lines = [columns.map((c) => csvField(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.text(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The mappings of a view as JSON: `{ "EventSourceMappings": [...] }`, the shape of
 * `ListEventSourceMappings`' output (timestamps as ISO 8601), so tools that read the CLI's
 * `list-event-source-mappings` output read it too.
 * @param mappings the mappings in display order.
 */
export function toMappingsJson(mappings: readonly EventSourceMappingConfiguration[]): string {
  return `${JSON.stringify({ EventSourceMappings: mappings }, null, 2)}\n`;
}

/**
 * The download file name of the list's view as CSV or JSON, by the console's one scheme
 * (`exportFileName`): `event-source-mappings-<scope>-view-<UTC time>.<csv|json>`, e.g.
 * `event-source-mappings-all-regions-view-20260504-101112Z.csv`.
 * @param scope the view's region, or `all-regions` (`ALL_REGIONS_SCOPE`) for the all-regions view.
 * @param format `csv` ({@link toCsv}) or `json` ({@link toMappingsJson}).
 * @param now the time to name the file by (default: now).
 */
export function viewExportFileName(scope: string, format: 'csv' | 'json', now?: Date): string {
  return exportFileName({ scope, what: 'view', ext: format, now });
}
