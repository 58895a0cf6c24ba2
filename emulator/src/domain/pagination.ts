import { LambdaError } from '../errors.ts';

/** A page of a listing plus the marker for the next page (absent on the last page). */
export interface Page<T> {
  items: T[];
  nextMarker?: string;
}

/**
 * Opaque marker encoding: base64url of `{"k": <key of the last item returned>}`. Keying on the
 * last item (not an offset) keeps markers valid when items are created or deleted between calls
 * (AWS markers are opaque; reference §6).
 */
function encodeMarker(key: string | number): string {
  return Buffer.from(JSON.stringify({ k: key })).toString('base64url');
}

function decodeMarker(marker: string): string | number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8'));
    if (typeof decoded === 'object' && decoded !== null && 'k' in decoded) {
      const k = (decoded as { k: unknown }).k;
      if (typeof k === 'string' || typeof k === 'number') return k;
    }
  } catch {
    // fall through to the AWS error below
  }
  // AWS's text for a foreign marker is not recorded (reference §6 "(?)").
  throw new LambdaError('InvalidParameterValueException', `Invalid marker: ${marker}`);
}

/**
 * Returns the page that follows `marker`.
 * @param items all matching items, sorted ascending by `keyOf` (keys unique).
 * @param keyOf stable sort key of an item (string or number, never mixed).
 * @param marker `Marker` from a previous `NextMarker`, or `undefined` for the first page.
 * @param pageSize items per page (≥ 1).
 * @returns the items and, only if more remain, `nextMarker` (never an empty string).
 * @throws LambdaError `InvalidParameterValueException` for a marker this server did not issue.
 */
export function pageAfter<T>(
  items: readonly T[],
  keyOf: (item: T) => string | number,
  marker: string | undefined,
  pageSize: number,
): Page<T> {
  let start = 0;
  if (marker !== undefined) {
    const after = decodeMarker(marker);
    start = items.findIndex((item) => keyOf(item) > after);
    if (start === -1) start = items.length;
  }
  const slice = items.slice(start, start + pageSize);
  const last = slice[slice.length - 1];
  if (start + pageSize < items.length && last !== undefined) {
    return { items: slice, nextMarker: encodeMarker(keyOf(last)) };
  }
  return { items: slice };
}
