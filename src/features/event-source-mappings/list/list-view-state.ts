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
 * A part of a link the list could not read and left out of the view: one search param with its
 * value as the URL gives it (decoded) and why, e.g. `filter` `Bogus=x`, "unknown property Bogus".
 */
export interface IgnoredListViewParam {
  /** The search param's name, e.g. `filter`, `sort`, `page`, `pageSize`, `regions`. */
  param: string;
  /** Its value as the URL gives it (decoded), e.g. `Bogus=x`; `''` for an empty one. */
  value: string;
  /** Why it was left out, in a few words, e.g. `sort column Nope does not exist`. */
  reason: string;
}

/** What a link's filter tokens are checked against (see {@link readFilterToken}). */
export interface FilterTokenRules {
  /** The property keys the table offers; a token naming another is refused. */
  propertyKeys: ReadonlySet<string>;
  /**
   * The filter's properties as Cloudscape's `PropertyFilter` gets them: a token must use an
   * operator its property offers (`operators`, plus its `defaultOperator`, `=` when none, as
   * collection-hooks' filtering accepts). Absent = any operator for any property.
   */
  filteringProperties?: readonly PropertyFilterProps.FilteringProperty[];
  /** Properties whose values are numbers (`BatchSize`): a token's value must be one. */
  numberProperties?: ReadonlySet<string>;
}

/** What {@link parseListView} checks a URL against. */
export interface ListViewRules extends FilterTokenRules {
  /** Column ids that can be sorted. */
  columns: ReadonlySet<string>;
}

/** A token read from a URL, or why it could not be. */
export type FilterTokenReading = { token: MappingsFilterToken } | { reason: string };

const FREE_TEXT_OPERATORS: readonly string[] = [':', '!:'];

/** `a, b or c` (for the operators and page sizes a reason lists). */
function oneOf(values: readonly (string | number)[]): string {
  const texts = values.map(String);
  return texts.length < 2
    ? (texts[0] ?? '')
    : `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1] ?? ''}`;
}

/** The operators Cloudscape's filtering accepts for a property: its list plus its default. */
function operatorsOf(property: PropertyFilterProps.FilteringProperty): string[] {
  const listed = (property.operators ?? []).map((op) =>
    typeof op === 'string' ? op : op.operator,
  );
  const fallback = property.defaultOperator ?? '=';
  return listed.includes(fallback) ? listed : [fallback, ...listed];
}

/**
 * Reads one URL token back (see {@link formatFilterToken}), saying why when it cannot: an unknown
 * property, no operator, free text with another operator than contains / does not contain, an
 * operator the property does not offer (collection-hooks' filtering matches no row with one), or a
 * number property (`BatchSize`) compared with something that is not a number (no row matches
 * that either). `BatchSize=` and `BatchSize!=` with no value stay: they match a mapping without
 * a BatchSize (collection-hooks compares a missing value as `''`).
 * @param text e.g. `State=Disabled`.
 * @param rules what the table offers.
 * @returns `{ token }`, or `{ reason }` such as `unknown property Bogus`.
 */
export function readFilterToken(text: string, rules: FilterTokenRules): FilterTokenReading {
  const key = /^[A-Za-z]*/.exec(text)?.[0] ?? '';
  const rest = text.slice(key.length);
  const operator = OPERATORS.find((op) => rest.startsWith(op));
  const value = rest.slice(operator?.length ?? 0);
  if (key === '') {
    // Free text: Cloudscape offers contains / does not contain for it.
    if (operator && FREE_TEXT_OPERATORS.includes(operator)) return { token: { operator, value } };
    return operator
      ? { reason: `free text takes : (contains) or !: (does not contain), not ${operator}` }
      : { reason: 'not a filter: no property and no operator' };
  }
  if (!rules.propertyKeys.has(key)) return { reason: `unknown property ${key}` };
  const property = rules.filteringProperties?.find((p) => p.key === key);
  const offered = property ? operatorsOf(property) : [...OPERATORS];
  if (!operator) return { reason: `no operator after ${key} (it takes ${oneOf(offered)})` };
  if (!offered.includes(operator)) {
    return { reason: `${key} does not take ${operator} (it takes ${oneOf(offered)})` };
  }
  const emptyEquality = value === '' && (operator === '=' || operator === '!=');
  if (
    rules.numberProperties?.has(key) &&
    !emptyEquality &&
    (value.trim() === '' || !Number.isFinite(Number(value)))
  ) {
    return {
      reason: `${key} is a number; ${value === '' ? 'the value is empty' : `${value} is not`}`,
    };
  }
  return { token: { propertyKey: key, operator, value } };
}

/**
 * Reads one URL token back (see {@link formatFilterToken}); {@link readFilterToken} says why not.
 * @param text e.g. `State=Disabled`.
 * @param propertyKeys the property keys the table offers; others are refused.
 * @returns the token, or `undefined` when it names an unknown property or has no operator.
 */
export function parseFilterToken(
  text: string,
  propertyKeys: ReadonlySet<string>,
): MappingsFilterToken | undefined {
  const reading = readFilterToken(text, { propertyKeys });
  return 'token' in reading ? reading.token : undefined;
}

/** The list's view read from a URL, and the parts of it that were left out. */
export interface ListViewReading {
  view: MappingsListView;
  /** Each search param the view could not use, in the URL's order; empty for a clean URL. */
  ignored: readonly IgnoredListViewParam[];
}

/**
 * Reads the list's view from the URL and says what it could not read. Unreadable values are left
 * out (the defaults stand for them: a hand-edited or old URL still opens the list), each reported
 * once: a filter token ({@link readFilterToken}), a sort column that does not exist, a page that
 * is not a whole number of 1 or more, a page size the table does not offer ({@link PAGE_SIZES}),
 * `regions`, `match`, `state` and `problems` values other than the ones the list writes, and a
 * second value of a param that takes one (the first is used, as `URLSearchParams.get`).
 * @param params the URL's search params.
 * @param rules the filter's properties and the sortable columns.
 * @returns the view and the ignored params (empty for a URL the list wrote itself).
 */
export function readListView(params: URLSearchParams, rules: ListViewRules): ListViewReading {
  const ignored: IgnoredListViewParam[] = [];
  const ignore = (param: string, value: string, reason: string) =>
    ignored.push({ param, value, reason });
  /** The param's first value; later ones are reported. */
  const single = (param: string): string | null => {
    const [first, ...others] = params.getAll(param);
    for (const other of others) {
      ignore(param, other, `${param} is given more than once; the first (${first ?? ''}) is used`);
    }
    return first ?? null;
  };
  const tokens: MappingsFilterToken[] = [];
  for (const text of params.getAll(PARAMS.filter)) {
    const reading = readFilterToken(text, rules);
    if ('token' in reading) tokens.push(reading.token);
    else ignore(PARAMS.filter, text, reading.reason);
  }
  // Links from before the property filter: `?state=Disabled` and `?problems=1`.
  const legacyState = single('state');
  if (legacyState === 'Enabled' || legacyState === 'Disabled') {
    tokens.push({ propertyKey: 'State', operator: '=', value: legacyState });
  } else if (legacyState !== null) {
    ignore('state', legacyState, `State ${legacyState || '(empty)'} is not Enabled or Disabled`);
  }
  const problems = single('problems');
  if (problems === '1') {
    tokens.push({ propertyKey: 'Health', operator: '=', value: 'problem' });
  } else if (problems !== null) {
    ignore('problems', problems, 'problems takes only 1 (Health = problem)');
  }
  const operation = single(PARAMS.or);
  if (operation !== null && operation !== 'any') {
    ignore(PARAMS.or, operation, 'match takes only any (rows matching any filter)');
  }

  const sortText = single(PARAMS.sort);
  const descending = sortText?.startsWith('-') ?? false;
  const column = (descending ? sortText?.slice(1) : sortText) ?? '';
  const sorted = rules.columns.has(column);
  if (sortText !== null && !sorted) {
    ignore(
      PARAMS.sort,
      sortText,
      column === '' ? 'no sort column given' : `sort column ${column} does not exist`,
    );
  }

  const pageText = single(PARAMS.page);
  const page = Number(pageText);
  const pageRead = pageText !== null && Number.isInteger(page) && page >= 1;
  if (pageText !== null && !pageRead) {
    ignore(
      PARAMS.page,
      pageText,
      `page ${pageText || '(empty)'} is not a whole number of 1 or more`,
    );
  }

  const sizeText = single(PARAMS.size);
  const pageSize = Number(sizeText);
  const sizeRead = sizeText !== null && PAGE_SIZES.includes(pageSize);
  if (sizeText !== null && !sizeRead) {
    ignore(
      PARAMS.size,
      sizeText,
      `page size ${sizeText || '(empty)'} is not one of ${oneOf(PAGE_SIZES)}`,
    );
  }

  const regions = single(REGIONS_SEARCH_PARAM);
  if (regions !== null && regions !== 'all') {
    ignore(REGIONS_SEARCH_PARAM, regions, 'regions takes only all (every configured region)');
  }
  const view: MappingsListView = {
    query: { tokens, operation: operation === 'any' ? 'or' : 'and' },
    ...(sorted ? { sort: { column, descending } } : {}),
    page: pageRead ? page : 1,
    ...(sizeRead ? { pageSize } : {}),
    regions: regions === 'all' ? 'all' : 'active',
  };
  return { view, ignored };
}

/**
 * Reads the list's view from the URL. Unknown or malformed values fall back to the defaults (a
 * hand-edited or old URL still opens the list); {@link readListView} also says which.
 * @param params the URL's search params.
 * @param options.propertyKeys property keys the filter offers.
 * @param options.columns column ids that can be sorted.
 */
export function parseListView(params: URLSearchParams, options: ListViewRules): MappingsListView {
  return readListView(params, options).view;
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
