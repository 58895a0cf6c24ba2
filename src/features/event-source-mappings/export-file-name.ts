/**
 * One naming scheme for every file the console offers for download (the list's CSV and JSON of
 * the view, the selection as code, the JSON kept before a bulk delete):
 *
 *     event-source-mappings-<scope>-<what>-<YYYYMMDD-HHMMSS>Z.<ext>
 *
 * e.g. `event-source-mappings-us-east-1-view-20260504-101112Z.csv`. The scope says where the
 * mappings come from (a region, `all-regions` for the all-regions view, `multiple-regions` for a
 * selection from several), so files of two regions do not overwrite each other; the time is UTC
 * (the `Z`), as every time in the console, to the second, so two downloads of the same view are
 * kept apart and sort in the order they were made.
 */

/** The scope of the all-regions view: every configured region. */
export const ALL_REGIONS_SCOPE = 'all-regions';

/** The scope of mappings from more than one region (a selection in the all-regions view). */
export const MULTIPLE_REGIONS_SCOPE = 'multiple-regions';

/** What {@link exportFileName} takes. */
export interface ExportFileNameParts {
  /**
   * Where the mappings come from: a region (`us-east-1`), {@link ALL_REGIONS_SCOPE} or
   * {@link MULTIPLE_REGIONS_SCOPE} (see {@link regionsScope}).
   */
  scope: string;
  /** What the file holds, e.g. `view`, `before-delete`, `cloudformation`. */
  what: string;
  /** The extension without its dot: `csv`, `json`, `yaml`, `tf`, `ts`, `sh`. */
  ext: string;
  /** The time to name the file by (default: now). */
  now?: Date;
}

/** Lower case, and anything but letters, digits and single hyphens turned into one hyphen. */
function slug(part: string): string {
  return part
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * An instant as a file name's time: UTC, `YYYYMMDD-HHMMSS` and `Z`, e.g. `20260504-101112Z` for
 * 2026-05-04 10:11:12.345 UTC (milliseconds dropped).
 * @param now the instant.
 * @throws RangeError for an invalid date (as `Date.prototype.toISOString`).
 */
export function fileTimestamp(now: Date): string {
  const iso = now.toISOString(); // 2026-05-04T10:11:12.345Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}Z`;
}

/**
 * The scope of a set of mappings by their regions: the region when there is one,
 * {@link MULTIPLE_REGIONS_SCOPE} when there are several.
 * @param regions each mapping's region (repeats allowed).
 * @param fallback the scope when `regions` is empty (e.g. the active region).
 */
export function regionsScope(regions: Iterable<string>, fallback: string): string {
  const distinct = new Set(regions);
  if (distinct.size > 1) return MULTIPLE_REGIONS_SCOPE;
  return [...distinct][0] ?? fallback;
}

/**
 * The download file name of an export, by the scheme above:
 * `event-source-mappings-<scope>-<what>-<YYYYMMDD-HHMMSS>Z.<ext>`. Scope and what are written in
 * lower case with anything but letters and digits as a hyphen, so the name is safe in a shell
 * command and on every file system.
 * @param parts scope, what, extension and time.
 * @returns e.g. `event-source-mappings-all-regions-view-20260504-101112Z.json`.
 * @throws RangeError for an invalid `now`.
 */
export function exportFileName({
  scope,
  what,
  ext,
  now = new Date(),
}: ExportFileNameParts): string {
  const parts = ['event-source-mappings', slug(scope), slug(what)].filter((p) => p !== '');
  return `${parts.join('-')}-${fileTimestamp(now)}.${slug(ext).replaceAll('-', '')}`;
}
