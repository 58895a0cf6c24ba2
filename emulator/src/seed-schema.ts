/**
 * The schema of a seed document (`--seed FILE.json`, `POST /_emulator/reset {"seed": {…}}`),
 * checked with the emulator's own model validation (`domain/model-validation.ts`): a mapping is
 * an `EventSourceMappingConfiguration` — the `CreateEventSourceMapping` request members (same
 * types and constraints as the API enforces) plus the members only AWS sets (`UUID`,
 * `FunctionArn`, `LastModified`, `State`…) —, a function is the subset of
 * `FunctionConfiguration` the seed format takes. Unlike AWS, which ignores unknown request
 * members, a seed refuses them: a misspelt member would otherwise load as a silently different
 * mapping.
 */
import { validationError } from './errors.ts';
import { CREATE_SHAPE } from './domain/mapping-rules.ts';
import { checkValue, type Shape, type Violation } from './domain/model-validation.ts';
import { MAPPING_STATES } from './domain/model.ts';

type StructureShape = Extract<Shape, { type: 'structure' }>;

/** A seed mapping: the Create members plus the output-only members of the configuration. */
const SEED_MAPPING_SHAPE: StructureShape = {
  type: 'structure',
  members: {
    ...CREATE_SHAPE.members,
    UUID: { type: 'string', min: 1 },
    FunctionArn: {
      type: 'string',
      pattern:
        'arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}(-gov)?-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?',
    },
    LastModified: { type: 'timestamp' },
    LastProcessingResult: { type: 'string' },
    State: { type: 'string', enum: MAPPING_STATES },
    StateTransitionReason: { type: 'string' },
    FilterCriteriaError: {
      type: 'structure',
      members: {
        ErrorCode: { type: 'string', min: 0, max: 50 },
        Message: { type: 'string', min: 0, max: 2048 },
      },
    },
    EventSourceMappingArn: { type: 'string', min: 85, max: 120 },
  },
};

/** A seed function (see `SeedFunction` in `seed.ts`), with the model's constraints. */
const SEED_FUNCTION_SHAPE: StructureShape = {
  type: 'structure',
  required: ['FunctionName'],
  members: {
    FunctionName: { type: 'string', min: 1, max: 64, pattern: '[a-zA-Z0-9-_]+' },
    Runtime: { type: 'string', min: 1 },
    Handler: { type: 'string', min: 0, max: 128, pattern: '[^\\s]+' },
    Description: { type: 'string', min: 0, max: 256 },
    MemorySize: { type: 'integer', min: 128, max: 10240 },
    Timeout: { type: 'integer', min: 1, max: 900 },
    CodeSize: { type: 'integer', min: 0 },
    LastModified: { type: 'string' },
    Role: {
      type: 'string',
      pattern: 'arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+',
    },
    Architectures: {
      type: 'list',
      min: 1,
      max: 1,
      member: { type: 'string', enum: ['x86_64', 'arm64'] },
    },
    Versions: { type: 'list', member: { type: 'string', min: 1, max: 1024, pattern: '[0-9]+' } },
    Aliases: {
      type: 'map',
      key: { type: 'string', min: 1, max: 128, pattern: '(?!^[0-9]+$)([a-zA-Z0-9-_]+)' },
      value: { type: 'string', min: 1, max: 1024, pattern: '(\\$LATEST|[0-9]+)' },
    },
  },
};

/** The seed document. */
const SEED_SHAPE: StructureShape = {
  type: 'structure',
  members: {
    region: { type: 'string', pattern: '[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d' },
    functions: { type: 'list', member: SEED_FUNCTION_SHAPE },
    mappings: { type: 'list', member: SEED_MAPPING_SHAPE },
  },
};

/** What a JSON value of a shape must be, for a wrong-type message. */
function expected(shape: Shape): string {
  switch (shape.type) {
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    case 'timestamp':
      return 'a timestamp in epoch seconds (a JSON number such as 1714521600)';
    case 'string':
      return 'a string';
    case 'list':
      return `a list of ${expected(shape.member).replace(/^an? /, '')}s`;
    case 'map':
      return 'an object (a map)';
    case 'structure':
      return 'an object';
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Walks a value against a shape: structures and lists of structures here (JSON member names in
 * the path, unknown members refused), every other value through the model's `checkValue`.
 */
function walk(value: unknown, shape: Shape, path: string, problems: string[]): void {
  if (shape.type === 'structure') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${path || 'the seed'} must be ${expected(shape)}, not ${show(value)}`);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const name of shape.required ?? []) {
      if (record[name] === undefined || record[name] === null) {
        problems.push(`${path ? `${path}.` : ''}${name} is required`);
      }
    }
    for (const [name, member] of Object.entries(record)) {
      const memberPath = path ? `${path}.${name}` : name;
      const memberShape = shape.members[name];
      if (memberShape === undefined) {
        problems.push(
          `${memberPath} is not a member (known: ${Object.keys(shape.members).join(', ')})`,
        );
      } else if (member !== null && member !== undefined) {
        walk(member, memberShape, memberPath, problems);
      }
    }
    return;
  }
  if (shape.type === 'list' && shape.member.type === 'structure') {
    if (!Array.isArray(value)) {
      problems.push(`${path} must be ${expected(shape)}, not ${show(value)}`);
      return;
    }
    value.forEach((item, i) => walk(item, shape.member, `${path}[${i}]`, problems));
    return;
  }
  const violations: Violation[] = [];
  try {
    checkValue(value, shape, path, violations);
  } catch {
    // checkValue throws only for a wrong JSON type (InvalidRequestContentException).
    problems.push(`${path} must be ${expected(shape)}, not ${show(value)}`);
    return;
  }
  if (violations.length > 0) {
    problems.push(
      validationError(violations).message.replace(/^\d+ validation errors? detected: /, ''),
    );
  }
}

/**
 * Checks a seed document against the seed schema (types, model constraints, no unknown members).
 * @param data the parsed JSON.
 * @param source what to name in the message: `Seed file <path>` or `Seed`.
 * @throws Error `<source> is invalid: <problem>; <problem>…` naming each member by its JSON path
 *   (e.g. `mappings[2].StartingPositionTimestamp must be a timestamp in epoch seconds …`),
 *   at most 10 problems.
 */
export function validateSeed(data: unknown, source: string): void {
  const problems: string[] = [];
  walk(data, SEED_SHAPE, '', problems);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 10);
  const more = problems.length - shown.length;
  throw new Error(
    `${source} is invalid: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
  );
}
