import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import { HEALTH_CLASSES, HEALTH_LABELS } from '../mapping-health.ts';
import { TRANSITIONAL_STATES } from '../mapping-state.ts';
import { MAPPING_FILTERING_PROPERTIES } from './mapping-rows.ts';

/**
 * Values a closed-set property has whether or not a loaded mapping has them: Lambda's States
 * (reference §5) and the health classes (`mapping-health.ts`), so that `Health = orphaned` is
 * taken as meant before the orphan check has found one, and `Health = orphan` is corrected then.
 */
const KNOWN_VALUES: readonly PropertyFilterProps.FilteringOption[] = [
  ...['Enabled', 'Disabled', ...TRANSITIONAL_STATES].map((value) => ({
    propertyKey: 'State',
    value,
  })),
  ...HEALTH_CLASSES.map((c) => ({ propertyKey: 'Health', value: c, label: HEALTH_LABELS[c] })),
];

/**
 * Names a user may type for a property besides its key and label: the table's column headers,
 * where they differ ("Function = orders" means FunctionName; "Event source" is the source's
 * name).
 */
const COLUMN_NAMES: Readonly<Record<string, string>> = {
  function: 'FunctionName',
  functionname: 'FunctionName',
  eventsource: 'SourceName',
  source: 'SourceName',
  sourcename: 'SourceName',
  sourcetype: 'SourceType',
  type: 'SourceType',
  qualifier: 'Qualifier',
  alias: 'Qualifier',
  version: 'Qualifier',
  reason: 'StateTransitionReason',
};

/** Free text shaped like a token: a name, an operator of the filter's, a value. */
const TOKEN_LIKE = /^\s*([A-Za-z][\w ()-]*?)\s*(!=|>=|<=|!:|!\^|=|:|>|<|\^)\s*(\S.*?)\s*$/;

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Edit distance with adjacent transpositions (optimal string alignment), for names of at most a
 * few dozen characters: `Disabeld` is 1 edit from `Disabled`, as a typist would count it, where
 * plain Levenshtein counts 2.
 */
function distance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    const previous = rows[i - 1] ?? [];
    for (let j = 1; j <= b.length; j += 1) {
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    rows.push(current);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/**
 * The property a typed name most likely means: exactly (any case, spaces and punctuation aside)
 * a property's key, label or column name ({@link COLUMN_NAMES}), else the one whose key or label
 * is within 2 edits (`Stat` → State, `BatchSise` → BatchSize), if only one is that near.
 */
function propertyNamed(name: string): PropertyFilterProps.FilteringProperty | undefined {
  const typed = normalise(name);
  if (!typed) return undefined;
  const byKey = (key: string | undefined) =>
    MAPPING_FILTERING_PROPERTIES.find((p) => p.key === key);
  const exact =
    MAPPING_FILTERING_PROPERTIES.find(
      (p) => normalise(p.key) === typed || normalise(p.propertyLabel) === typed,
    ) ?? byKey(COLUMN_NAMES[typed]);
  if (exact) return exact;
  if (typed.length < 3) return undefined;
  const near = MAPPING_FILTERING_PROPERTIES.filter(
    (p) =>
      Math.min(distance(typed, normalise(p.key)), distance(typed, normalise(p.propertyLabel))) <= 2,
  );
  return near.length === 1 ? near[0] : undefined;
}

/**
 * For `=` / `!=` on a property with a closed set of values (one without "contains": State,
 * Health, SourceType, Region), when neither a loaded mapping nor {@link KNOWN_VALUES} has the
 * typed value: the value it likely means, by its value or label in any case, as a prefix (`orphan` → orphaned),
 * or within 1 edit, a swap of two neighbours counting as one (`Disabld`, `Disabeld` → Disabled; 2 would take a valid `Creating` for `Deleting`), if
 * only one is that near.
 */
function nearestValue(
  token: PropertyFilterProps.Token,
  options: readonly PropertyFilterProps.FilteringOption[],
): string | undefined {
  const property = MAPPING_FILTERING_PROPERTIES.find((p) => p.key === token.propertyKey);
  const closed =
    property !== undefined &&
    !property.operators?.some((o) => (typeof o === 'string' ? o : o.operator) === ':');
  if (!closed || (token.operator !== '=' && token.operator !== '!=')) return undefined;
  const typed = String(token.value);
  const values = [...KNOWN_VALUES, ...options].filter(
    (o, i, all) =>
      o.propertyKey === token.propertyKey &&
      all.findIndex((p) => p.propertyKey === o.propertyKey && p.value === o.value) === i,
  );
  if (values.length === 0 || values.some((o) => o.value === typed)) return undefined;
  const lower = typed.toLowerCase();
  if (!lower) return undefined;
  const names = (o: PropertyFilterProps.FilteringOption) =>
    [o.value, o.label].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  const pick = (test: (name: string) => boolean) => {
    const found = values.filter((o) => names(o).some(test));
    return found.length === 1 ? found[0]?.value : undefined;
  };
  return (
    pick((name) => name === lower) ??
    pick((name) => name.startsWith(lower)) ??
    (lower.length >= 3 ? pick((name) => distance(name, lower) <= 1) : undefined)
  );
}

/**
 * A token of the filter that likely means another: free text that reads like a property token
 * (`free-text`), or a value no loaded mapping has that is near one they have (`value`).
 */
export interface FilterSuggestion {
  kind: 'free-text' | 'value';
  /** Position of the token in the query's tokens. */
  index: number;
  /** What was typed (`Function = orders`, `State = Disabld`). */
  typed: string;
  /** The property token it means. */
  token: PropertyFilterProps.Token;
  /** The query with the free-text token replaced by {@link token}. */
  query: PropertyFilterProps.Query;
}

/**
 * The first token of `query` that likely means another: free text that looks like a property
 * token with a misspelt or column-header name (`Function = orders-fn`, `Stat = Disabled`:
 * Cloudscape's filter takes text whose name is not exactly a property's label for free text,
 * which then matches almost nothing, silently), or a value of a closed set no loaded mapping has
 * (`State = Disabld`, `Health = orphan`: {@link nearestValue}). For free text the operator must be
 * one the property takes; an enumerated value is matched to its option in any case
 * (`state = disabled` → `Disabled`).
 * @param query the filter's query.
 * @param options the filter's suggestions (values per property).
 * @returns the suggestion, or undefined when no free-text token reads like that.
 */
export function suggestPropertyToken(
  query: PropertyFilterProps.Query,
  options: readonly PropertyFilterProps.FilteringOption[],
): FilterSuggestion | undefined {
  for (const [index, token] of query.tokens.entries()) {
    if (typeof token.value !== 'string') continue;
    if (token.propertyKey !== undefined) {
      const value = nearestValue(token, options);
      if (value === undefined) continue;
      const replacement = { ...token, value };
      return {
        kind: 'value',
        index,
        typed: `${token.propertyKey} ${token.operator} ${token.value}`,
        token: replacement,
        query: { ...query, tokens: query.tokens.map((t, i) => (i === index ? replacement : t)) },
      };
    }
    const match = TOKEN_LIKE.exec(token.value);
    if (!match) continue;
    const [, name = '', operator = '', typedValue = ''] = match;
    const property = propertyNamed(name);
    if (
      !property ||
      !property.operators?.some((o) => (typeof o === 'string' ? o : o.operator) === operator)
    )
      continue;
    const option = options.find(
      (o) =>
        o.propertyKey === property.key &&
        (o.value.toLowerCase() === typedValue.toLowerCase() ||
          o.label?.toLowerCase() === typedValue.toLowerCase()),
    );
    const replacement: PropertyFilterProps.Token = {
      propertyKey: property.key,
      operator,
      value: option?.value ?? typedValue,
    };
    return {
      kind: 'free-text',
      index,
      typed: token.value,
      token: replacement,
      query: { ...query, tokens: query.tokens.map((t, i) => (i === index ? replacement : t)) },
    };
  }
  return undefined;
}
