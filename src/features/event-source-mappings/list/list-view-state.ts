import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';

/** A property filter query as Cloudscape's `PropertyFilter` and collection-hooks use it. */
export type MappingsFilterQuery = PropertyFilterProps.Query;

/** One filter token: a property (absent for free text), an operator and a value. */
export type MappingsFilterToken = PropertyFilterProps.Token;

/** Which regions the list shows: the active region only, or every configured region at once. */
export type MappingsRegionScope = 'active' | 'all';

/**
 * Everything about the list's view a copied URL must carry (besides the server-side
 * `FunctionName` / `EventSourceArn` filters and the active `region`, kept by their own params).
 */
export interface MappingsListView {
  /** The property filter's tokens (and/or), applied to the loaded rows. */
  query: MappingsFilterQuery;
  /** Column sorted by (a column id of the table) and direction; absent = Lambda's order. */
  sort?: { column: string; descending: boolean };
  /** 1-based page of the filtered, sorted rows. */
  page: number;
  /** Rows per page; absent = the user's stored preference. */
  pageSize?: number;
  /** `all` = every configured region at once (`?regions=all`). */
  regions: MappingsRegionScope;
}

/** Rows-per-page choices offered by the table preferences (and accepted from a URL). */
export const PAGE_SIZES: readonly number[] = [25, 50, 100, 200];

/** The view with no filter, no sort, page 1 and the active region. */
export const DEFAULT_LIST_VIEW: MappingsListView = {
  query: { tokens: [], operation: 'and' },
  page: 1,
  regions: 'active',
};

/**
 * Operators a token may use, longest first so `!=` is not read as `!` + `=…`, `>=` before `>`.
 * The same set Cloudscape's PropertyFilter offers (`:` contains, `!:` does not contain, `=`, `!=`,
 * `^` starts with, `!^` does not start with, and the numeric comparisons).
 */
const OPERATORS = ['!:', '!=', '!^', '<=', '>=', ':', '=', '^', '<', '>'] as const;

/** Search params this module owns. */
const PARAMS = { filter: 'filter', or: 'match', sort: 'sort', page: 'page', size: 'pageSize' };

/** The URL parameter of the region scope (`?regions=all`). */
export const REGIONS_SEARCH_PARAM = 'regions';

/**
 * One token as it appears in the URL: `<propertyKey><operator><value>`, e.g. `State=Disabled`,
 * `FunctionName^orders-`, `BatchSize>=100`; free text has no property key (`:timeout`).
 * @param token a property filter token.
 */
export function formatFilterToken(token: MappingsFilterToken): string {
  return `${token.propertyKey ?? ''}${token.operator}${String(token.value ?? '')}`;
}

/**
 * Reads one URL token back (see {@link formatFilterToken}).
 * @param text e.g. `State=Disabled`.
 * @param propertyKeys the property keys the table offers; others are refused.
 * @returns the token, or `undefined` when it names an unknown property or has no operator.
 */
export function parseFilterToken(
  text: string,
  propertyKeys: ReadonlySet<string>,
): MappingsFilterToken | undefined {
  const key = /^[A-Za-z]*/.exec(text)?.[0] ?? '';
  const rest = text.slice(key.length);
  const operator = OPERATORS.find((op) => rest.startsWith(op));
  if (!operator) return undefined;
  const value = rest.slice(operator.length);
  if (key === '') {
    // Free text: Cloudscape offers contains / does not contain for it.
    return operator === ':' || operator === '!:' ? { operator, value } : undefined;
  }
  if (!propertyKeys.has(key)) return undefined;
  return { propertyKey: key, operator, value };
}

/**
 * Reads the list's view from the URL. Unknown or malformed values fall back to the defaults (a
 * hand-edited or old URL still opens the list).
 * @param params the URL's search params.
 * @param options.propertyKeys property keys the filter offers.
 * @param options.columns column ids that can be sorted.
 */
export function parseListView(
  params: URLSearchParams,
  options: { propertyKeys: ReadonlySet<string>; columns: ReadonlySet<string> },
): MappingsListView {
  const tokens = params
    .getAll(PARAMS.filter)
    .map((text) => parseFilterToken(text, options.propertyKeys))
    .filter((token): token is MappingsFilterToken => token !== undefined);
  // Links from before the property filter: `?state=Disabled` and `?problems=1`.
  const legacyState = params.get('state');
  if (legacyState === 'Enabled' || legacyState === 'Disabled') {
    tokens.push({ propertyKey: 'State', operator: '=', value: legacyState });
  }
  if (params.get('problems') === '1') {
    tokens.push({ propertyKey: 'Health', operator: '=', value: 'problem' });
  }
  const sortText = params.get(PARAMS.sort) ?? '';
  const descending = sortText.startsWith('-');
  const column = descending ? sortText.slice(1) : sortText;
  const page = Number(params.get(PARAMS.page));
  const pageSize = Number(params.get(PARAMS.size));
  return {
    query: { tokens, operation: params.get(PARAMS.or) === 'any' ? 'or' : 'and' },
    ...(options.columns.has(column) ? { sort: { column, descending } } : {}),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    ...(PAGE_SIZES.includes(pageSize) ? { pageSize } : {}),
    regions: params.get(REGIONS_SEARCH_PARAM) === 'all' ? 'all' : 'active',
  };
}

/**
 * Writes the view into a copy of the search params: other params (region, server-side filters)
 * are kept, defaults are left out so the plain list keeps a plain URL.
 * @param params the current search params.
 * @param view the view to write.
 * @returns new search params, e.g. `?filter=State%3DDisabled&sort=-LastModified&page=2`.
 */
export function withListView(params: URLSearchParams, view: MappingsListView): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of [...Object.values(PARAMS), REGIONS_SEARCH_PARAM]) next.delete(name);
  // Older URLs of the list (State select and Problems toggle) are replaced by filter tokens.
  next.delete('state');
  next.delete('problems');
  for (const token of view.query.tokens) next.append(PARAMS.filter, formatFilterToken(token));
  if (view.query.operation === 'or' && view.query.tokens.length > 1) next.set(PARAMS.or, 'any');
  if (view.sort) {
    next.set(PARAMS.sort, `${view.sort.descending ? '-' : ''}${view.sort.column}`);
  }
  if (view.page > 1) next.set(PARAMS.page, String(view.page));
  if (view.pageSize !== undefined) next.set(PARAMS.size, String(view.pageSize));
  if (view.regions === 'all') next.set(REGIONS_SEARCH_PARAM, 'all');
  return next;
}
