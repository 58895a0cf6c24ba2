/**
 * Syntax check of Lambda event-filter patterns (`FilterCriteria.Filters[].Pattern`), written from
 * the AWS Lambda developer guide, "Lambda event filtering → Filter rule syntax": a pattern is a
 * JSON object whose leaves are arrays of values or comparison operators; `$or` combines
 * alternative sub-patterns.
 *
 * What is accepted (everything else is invalid, and AWS answers
 * `Invalid filter pattern definition.`, reference §3.2 [AWS-rec]):
 * - the root is a non-empty JSON object (an empty pattern matches nothing useful; treated as
 *   invalid — assumed, AWS's answer to `{}` is not recorded);
 * - every member is a non-empty object (a nested field) or a non-empty array (the match values);
 * - `"$or"`: an array of at least two valid patterns;
 * - array items: strings, numbers, booleans, `null`, or an object with exactly one operator:
 *   `prefix` / `suffix` (string or `{"equals-ignore-case": string}`), `equals-ignore-case`,
 *   `wildcard`, `cidr` (strings), `exists` (boolean), `anything-but` (string, number, non-empty
 *   array of strings or of numbers, or `{prefix|suffix|equals-ignore-case|wildcard: string}`),
 *   `numeric` (`[op, number]` or `[op, number, op, number]`, op one of `= < <= > >=`).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NUMERIC_OPERATORS = new Set(['=', '<', '<=', '>', '>=']);
const STRING_OPERATORS = new Set(['equals-ignore-case', 'wildcard', 'cidr']);

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrIgnoreCase(value: Json | undefined): boolean {
  if (typeof value === 'string') return true;
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 && keys[0] === 'equals-ignore-case' && typeof value[keys[0]] === 'string'
  );
}

function validNumeric(operand: Json | undefined): boolean {
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) return false;
  for (let i = 0; i < operand.length; i += 2) {
    const op = operand[i];
    const value = operand[i + 1];
    if (typeof op !== 'string' || !NUMERIC_OPERATORS.has(op)) return false;
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  }
  return true;
}

function validAnythingBut(operand: Json | undefined): boolean {
  if (typeof operand === 'string' || typeof operand === 'number') return true;
  if (Array.isArray(operand)) {
    if (operand.length === 0) return false;
    return (
      operand.every((v) => typeof v === 'string') || operand.every((v) => typeof v === 'number')
    );
  }
  if (!isObject(operand)) return false;
  const keys = Object.keys(operand);
  const key = keys[0];
  return (
    keys.length === 1 &&
    key !== undefined &&
    ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(key) &&
    typeof operand[key] === 'string'
  );
}

function validMatchValue(item: Json): boolean {
  if (item === null || typeof item !== 'object') return true; // string, number, boolean, null
  if (Array.isArray(item)) return false;
  const keys = Object.keys(item);
  const operator = keys[0];
  if (keys.length !== 1 || operator === undefined) return false;
  const operand = item[operator];
  if (operator === 'prefix' || operator === 'suffix') return isStringOrIgnoreCase(operand);
  if (STRING_OPERATORS.has(operator)) return typeof operand === 'string';
  if (operator === 'exists') return typeof operand === 'boolean';
  if (operator === 'numeric') return validNumeric(operand);
  if (operator === 'anything-but') return validAnythingBut(operand);
  return false;
}

function validPatternObject(pattern: { [key: string]: Json }): boolean {
  const entries = Object.entries(pattern);
  if (entries.length === 0) return false;
  for (const [key, value] of entries) {
    if (key === '$or') {
      if (!Array.isArray(value) || value.length < 2) return false;
      if (!value.every((alt) => isObject(alt) && validPatternObject(alt))) return false;
    } else if (Array.isArray(value)) {
      if (value.length === 0 || !value.every(validMatchValue)) return false;
    } else if (isObject(value)) {
      if (!validPatternObject(value)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * Whether `pattern` is a syntactically valid Lambda event-filter pattern.
 * @param pattern the `Pattern` string of one filter (JSON text), or `undefined` if absent.
 * @returns `true` when it parses as JSON and follows the filter rule syntax above.
 */
export function isValidFilterPattern(pattern: string | undefined): boolean {
  if (pattern === undefined) return false;
  let parsed: Json;
  try {
    parsed = JSON.parse(pattern) as Json;
  } catch {
    return false;
  }
  return isObject(parsed) && validPatternObject(parsed);
}
