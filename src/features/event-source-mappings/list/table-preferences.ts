import { useCallback, useState } from 'react';
import { PAGE_SIZES } from './list-view-state.ts';

/**
 * The mappings table's preferences (Cloudscape `CollectionPreferences`), kept per browser. Density
 * is not one of them: the preferences' "Compact mode" is the console's density
 * (`src/lib/appearance.ts`, also in the header's settings menu), one setting in two places.
 */
export interface MappingsTablePreferences {
  /** Rows per page; one of {@link PAGE_SIZES}. */
  pageSize: number;
  /** Column ids in display order, each visible or not. */
  contentDisplay: readonly { id: string; visible: boolean }[];
  /** Long values wrap onto more lines instead of ending in an ellipsis. */
  wrapLines: boolean;
  /** Keep the selection and first visible column in view when scrolling sideways. */
  stickyFirstColumn: boolean;
}

/** Rows per page unless the user chose otherwise. */
export const DEFAULT_PAGE_SIZE = 50;

/** localStorage key of the preferences (JSON). */
export const TABLE_PREFERENCES_KEY = 'esm-console:mappings-table-preferences';

/**
 * The default preferences for a set of columns.
 * @param columns every column with whether it is shown by default, in default order.
 */
export function defaultTablePreferences(
  columns: readonly { id: string; visibleByDefault: boolean }[],
): MappingsTablePreferences {
  return {
    pageSize: DEFAULT_PAGE_SIZE,
    contentDisplay: columns.map((c) => ({ id: c.id, visible: c.visibleByDefault })),
    wrapLines: false,
    stickyFirstColumn: true,
  };
}

/**
 * Reads stored preferences over the defaults: unknown columns are dropped, columns added since
 * they were stored are appended with their default visibility, invalid values are ignored.
 * @param stored the stored JSON text (or null).
 * @param defaults {@link defaultTablePreferences}.
 */
export function parseTablePreferences(
  stored: string | null,
  defaults: MappingsTablePreferences,
): MappingsTablePreferences {
  if (!stored) return defaults;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return defaults;
  }
  if (typeof raw !== 'object' || raw === null) return defaults;
  const value = raw as Partial<Record<keyof MappingsTablePreferences, unknown>>;
  const known = new Map(defaults.contentDisplay.map((c) => [c.id, c]));
  const display: { id: string; visible: boolean }[] = [];
  if (Array.isArray(value.contentDisplay)) {
    for (const item of value.contentDisplay as unknown[]) {
      const { id, visible } = (item ?? {}) as { id?: unknown; visible?: unknown };
      if (typeof id === 'string' && known.has(id) && typeof visible === 'boolean') {
        display.push({ id, visible });
        known.delete(id);
      }
    }
  }
  display.push(...known.values());
  return {
    pageSize:
      typeof value.pageSize === 'number' && PAGE_SIZES.includes(value.pageSize)
        ? value.pageSize
        : defaults.pageSize,
    contentDisplay: display,
    wrapLines: typeof value.wrapLines === 'boolean' ? value.wrapLines : defaults.wrapLines,
    stickyFirstColumn:
      typeof value.stickyFirstColumn === 'boolean'
        ? value.stickyFirstColumn
        : defaults.stickyFirstColumn,
  };
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(TABLE_PREFERENCES_KEY);
  } catch {
    return null;
  }
}

/**
 * The table preferences in state, loaded from and saved to localStorage
 * ({@link TABLE_PREFERENCES_KEY}); a browser that refuses storage keeps them for the page only.
 * @param defaults {@link defaultTablePreferences}.
 * @returns `[preferences, setPreferences]`.
 */
export function useTablePreferences(
  defaults: MappingsTablePreferences,
): [MappingsTablePreferences, (next: MappingsTablePreferences) => void] {
  const [preferences, setState] = useState(() => parseTablePreferences(readStorage(), defaults));
  const set = useCallback((next: MappingsTablePreferences) => {
    setState(next);
    try {
      window.localStorage.setItem(TABLE_PREFERENCES_KEY, JSON.stringify(next));
    } catch {
      // Storage full or refused: the preferences still apply to this page.
    }
  }, []);
  return [preferences, set];
}
