import { LambdaError, validationError } from '../errors.ts';

/**
 * A Smithy/botocore shape with the constraints AWS enforces before running the operation
 * (model-level validation → `ValidationException`, reference §4.2). Taken from the Lambda model
 * 2015-03-31 (botocore's copy of 2026-08-07, with the members and enum values that
 * `@aws-sdk/client-lambda` 3.1164.0 added since).
 */
export type Shape =
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'timestamp' }
  | {
      type: 'string';
      min?: number;
      max?: number;
      pattern?: string;
      /** Enum values in the order AWS prints them in its message. */
      enum?: readonly string[];
    }
  | { type: 'list'; member: Shape; min?: number; max?: number }
  | { type: 'map'; key: Shape; value: Shape; min?: number; max?: number }
  | { type: 'structure'; members: Record<string, Shape>; required?: readonly string[] };

/** One failed model constraint, in the form {@link validationError} prints. */
export interface Violation {
  value: unknown;
  member: string;
  constraint: string;
}

const patternCache = new Map<string, RegExp>();

function fullMatch(pattern: string, value: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    // AWS (Java) matches the whole string. Unicode property classes (`\p{L}` in TagKey) need
    // the `u` flag; the other model patterns use escapes (`\-` outside a class) it refuses.
    re = new RegExp(`^(?:${pattern})$`, pattern.includes('\\p{') ? 'u' : '');
    patternCache.set(pattern, re);
  }
  return re.test(value);
}

/**
 * AWS's member path segment: the member name with its first letter lower-cased
 * (`BatchSize` → `batchSize`, `URI` → `uRI`).
 */
export function memberPath(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function typeError(path: string, expected: string): LambdaError {
  return new LambdaError(
    'InvalidRequestContentException',
    `Could not parse request body into json: Unexpected value type at '${path}', expected ${expected}`,
  );
}

/**
 * Appends the min/max violation of `measured` (a length, or an integer's value) to `out`,
 * worded as AWS words it: `Member must have <unit> greater than or equal to <min>` / `less than…`.
 */
function checkRange(
  value: unknown,
  measured: number,
  shape: { min?: number; max?: number },
  unit: 'length' | 'value',
  path: string,
  out: Violation[],
): void {
  if (shape.min !== undefined && measured < shape.min) {
    out.push({
      value,
      member: path,
      constraint: `Member must have ${unit} greater than or equal to ${shape.min}`,
    });
  } else if (shape.max !== undefined && measured > shape.max) {
    out.push({
      value,
      member: path,
      constraint: `Member must have ${unit} less than or equal to ${shape.max}`,
    });
  }
}

/**
 * Every constraint of a scalar shape, in the order AWS prints them inside
 * `Member must satisfy constraint: [...]`, ending with `Member must not be null`.
 */
function memberConstraints(shape: Shape): string[] {
  const parts: string[] = [];
  if (shape.type === 'string' || shape.type === 'integer') {
    const unit = shape.type === 'string' ? 'length' : 'value';
    if (shape.max !== undefined)
      parts.push(`Member must have ${unit} less than or equal to ${shape.max}`);
    if (shape.min !== undefined)
      parts.push(`Member must have ${unit} greater than or equal to ${shape.min}`);
  }
  if (shape.type === 'string') {
    if (shape.pattern !== undefined) {
      parts.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
    }
    if (shape.enum) parts.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  }
  parts.push('Member must not be null');
  return parts;
}

/**
 * Checks one JSON value against a shape, appending every constraint violation to `out`.
 * `null` counts as absent (the SDKs never send it; Coral treats it as unset).
 * @param value the decoded JSON value (not `undefined`/`null`).
 * @param shape the model shape.
 * @param path AWS's member path, e.g. `scalingConfig.maximumConcurrency`.
 * @param out collected violations, in request order.
 * @throws LambdaError `InvalidRequestContentException` when the JSON type is wrong (AWS cannot
 *   deserialise the body at all in that case).
 */
export function checkValue(value: unknown, shape: Shape, path: string, out: Violation[]): void {
  switch (shape.type) {
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value))
        throw typeError(path, 'an integer');
      checkRange(value, value, shape, 'value', path, out);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError(path, 'a boolean');
      return;
    case 'timestamp':
      // Epoch seconds; botocore sends an integer, the JS SDK a float (reference §1.1).
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw typeError(path, 'a timestamp');
      return;
    case 'string': {
      if (typeof value !== 'string') throw typeError(path, 'a string');
      if (shape.enum && !shape.enum.includes(value)) {
        out.push({
          value,
          member: path,
          constraint: `Member must satisfy enum value set: [${shape.enum.join(', ')}]`,
        });
        return;
      }
      const before = out.length;
      checkRange(value, value.length, shape, 'length', path, out);
      if (
        out.length === before &&
        shape.pattern !== undefined &&
        !fullMatch(shape.pattern, value)
      ) {
        out.push({
          value,
          member: path,
          constraint: `Member must satisfy regular expression pattern: ${shape.pattern}`,
        });
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) throw typeError(path, 'a list');
      checkRange(value, value.length, shape, 'length', path, out);
      if (shape.member.type === 'structure') {
        value.forEach((item, i) => {
          if (item !== null && item !== undefined) {
            checkValue(item, shape.member, `${path}.${i + 1}.member`, out);
          }
        });
        return;
      }
      // Scalar members: AWS reports the list once, listing every constraint of the member
      // shape (recorded for Lambda: `Value '[GET, POST, OPTIONS]' at 'cors.allowMethods' failed
      // to satisfy constraint: Member must satisfy constraint: [Member must have length less
      // than or equal to 6, …, Member must not be null]`).
      const itemViolations: Violation[] = [];
      for (const item of value) {
        if (item === null || item === undefined)
          itemViolations.push({ value, member: path, constraint: '' });
        else checkValue(item, shape.member, path, itemViolations);
      }
      if (itemViolations.length > 0) {
        out.push({
          value,
          member: path,
          constraint: `Member must satisfy constraint: [${memberConstraints(shape.member).join(', ')}]`,
        });
      }
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw typeError(path, 'a map');
      }
      const entries = Object.entries(value);
      checkRange(value, entries.length, shape, 'length', path, out);
      for (const [k, v] of entries) {
        const keyViolations: Violation[] = [];
        checkValue(k, shape.key, path, keyViolations);
        for (const kv of keyViolations) {
          out.push({
            value,
            member: path,
            constraint: `Map keys must satisfy constraint: [${kv.constraint}]`,
          });
        }
        if (v !== null && v !== undefined) checkValue(v, shape.value, `${path}.${k}`, out);
      }
      return;
    }
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw typeError(path, 'a structure');
      }
      checkStructure(value as Record<string, unknown>, shape, path, out);
      return;
    }
  }
}

function checkStructure(
  value: Record<string, unknown>,
  shape: Extract<Shape, { type: 'structure' }>,
  prefix: string,
  out: Violation[],
): void {
  for (const [name, memberShape] of Object.entries(shape.members)) {
    const path = prefix ? `${prefix}.${memberPath(name)}` : memberPath(name);
    const v = value[name];
    if (v === undefined || v === null) {
      if (shape.required?.includes(name)) {
        out.push({ value: null, member: path, constraint: 'Member must not be null' });
      }
      continue;
    }
    checkValue(v, memberShape, path, out);
  }
}

/**
 * Validates a request structure against its model shape, as AWS does before anything else.
 * Unknown members are ignored, like AWS.
 * @param input the decoded request (body members, or path/query members).
 * @param shape the operation's input shape.
 * @throws LambdaError `ValidationException` listing every violated constraint
 *   (`N validation errors detected: …`), or `InvalidRequestContentException` for a wrong JSON type.
 */
export function validateModel(
  input: Record<string, unknown>,
  shape: Extract<Shape, { type: 'structure' }>,
): void {
  const out: Violation[] = [];
  checkStructure(input, shape, '', out);
  if (out.length > 0) throw validationError(out);
}
