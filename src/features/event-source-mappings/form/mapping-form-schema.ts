/**
 * zod 4 schemas for the create/edit mapping form: one object schema per source type, derived from
 * the per-source table in `source-limits.ts`, joined in a discriminated union on `sourceType`.
 *
 * Form values are what a react-hook-form holds: numbers as strings (`''` = "use AWS's default",
 * i.e. the field is omitted from the request), booleans, and string arrays/rows. Parsing coerces
 * them to request-ready values (numbers, `Date`, trimmed strings, arrays). Every issue carries the
 * path of the form field to change and a message that says what to change.
 *
 * Fields that do not apply to the chosen source type are accepted in any shape and parse to
 * `undefined`, so stale values of hidden fields never block submission and are never sent.
 *
 * Cross-field rules run after every field of the object parsed (zod 4 skips object refinements
 * while field issues remain).
 */
import type {
  EventSourceMappingConfiguration,
  EventSourcePosition,
  FullDocument,
  FunctionResponseType,
  SourceAccessType,
} from '@aws-sdk/client-lambda';
import { z } from 'zod';

import {
  COMMON_LIMITS,
  allowedRangeText,
  SOURCE_ACCESS_TYPES,
  SOURCE_LIMITS,
  isKnownSourceAccessType,
  detectSourceType,
  detectionMatches,
  type DestinationKind,
  type IntegerLimit,
  type SourceAccessRule,
  type SourceType,
} from './source-limits';
import {
  LEAF_MEMBER_NAMES,
  MEMBER_LEAVES,
  leafApplies,
  leavesOf,
  setPath,
  type LeafFormValues,
  type LeafPath,
  type MemberLeaf,
  type RequestMemberName,
} from './request-members';

// ---------------------------------------------------------------------------------------------
// Form values (what the form holds)
// ---------------------------------------------------------------------------------------------

/** One SourceAccessConfiguration row as the form holds it. */
export interface SourceAccessRow {
  /** AWS `Type`, e.g. `BASIC_AUTH`; `''` while the user has not chosen. */
  Type: string;
  /** AWS `URI`: a secret ARN, `subnet:…`, `security_group:…` or a virtual host name. */
  URI: string;
}

/**
 * Every field of the form, for every source type: the bespoke members ({@link BespokeFormValues})
 * and the registry's leaves ({@link LeafFormValues}, e.g. `ProvisionedPollerConfig.MinimumPollers`).
 */
export type MappingFormValues = BespokeFormValues & LeafFormValues;

/**
 * The members with a bespoke schema and widget. Numeric fields are strings (`''` = AWS default);
 * `Topics`/`Queues` hold one string each (`Topics.0`, `Queues.0`); bootstrap servers are one
 * comma-separated string. Names and nesting follow AWS's request, so a field's form path equals its
 * request path (e.g. `DestinationConfig.OnFailure.Destination`).
 */
export interface BespokeFormValues {
  /** The discriminator: which kind of source the mapping reads. */
  sourceType: SourceType;
  FunctionName: string;
  /** Unused for self-managed Kafka. */
  EventSourceArn: string;
  Enabled: boolean;
  BatchSize: string;
  MaximumBatchingWindowInSeconds: string;
  ParallelizationFactor: string;
  /** `''` = not chosen. */
  StartingPosition: '' | EventSourcePosition;
  /** ISO 8601, e.g. `2024-06-01T12:00:00Z`; without an offset it is read as UTC. */
  StartingPositionTimestamp: string;
  MaximumRecordAgeInSeconds: string;
  MaximumRetryAttempts: string;
  BisectBatchOnFunctionError: boolean;
  DestinationConfig: { OnFailure: { Destination: string } };
  TumblingWindowInSeconds: string;
  FunctionResponseTypes: FunctionResponseType[];
  FilterCriteria: { Filters: { Pattern: string }[] };
  Topics: string[];
  Queues: string[];
  SourceAccessConfigurations: SourceAccessRow[];
  SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: string } };
  ScalingConfig: { MaximumConcurrency: string };
  AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: string };
  SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: string };
  DocumentDBEventSourceConfig: {
    DatabaseName: string;
    CollectionName: string;
    /** `''` = AWS default (`Default`). */
    FullDocument: '' | FullDocument;
  };
  /** Tag rows; a row with neither key nor value is ignored. */
  Tags: TagRow[];
}

/** One tag as the form holds it. */
export interface TagRow {
  Key: string;
  Value: string;
}

/** Form paths (react-hook-form `name`s) that issues and API errors can point at. */
export type MappingFieldPath =
  | Exclude<
      keyof MappingFormValues,
      | 'DestinationConfig'
      | 'FilterCriteria'
      | 'Topics'
      | 'Queues'
      | 'SelfManagedEventSource'
      | 'ScalingConfig'
      | 'AmazonManagedKafkaEventSourceConfig'
      | 'SelfManagedKafkaEventSourceConfig'
      | 'DocumentDBEventSourceConfig'
      | 'Tags'
      | keyof LeafFormValues
    >
  | 'Tags'
  | `Tags.${number}.Key`
  | `Tags.${number}.Value`
  | 'DestinationConfig.OnFailure.Destination'
  | 'FilterCriteria.Filters'
  | `FilterCriteria.Filters.${number}.Pattern`
  | 'Topics.0'
  | 'Queues.0'
  | `SourceAccessConfigurations.${number}.Type`
  | `SourceAccessConfigurations.${number}.URI`
  | 'SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS'
  | 'ScalingConfig.MaximumConcurrency'
  | 'AmazonManagedKafkaEventSourceConfig.ConsumerGroupId'
  | 'SelfManagedKafkaEventSourceConfig.ConsumerGroupId'
  | 'DocumentDBEventSourceConfig.DatabaseName'
  | 'DocumentDBEventSourceConfig.CollectionName'
  | 'DocumentDBEventSourceConfig.FullDocument'
  | LeafPath;

/**
 * Initial values for a new mapping of `type`: every number empty (AWS default), Enabled true,
 * one empty topic/queue, an empty BASIC_AUTH row where one is required (MQ, DocumentDB), and every
 * registry leaf not set.
 * @param type the source type.
 * @returns a fresh object (safe to mutate).
 */
export function defaultFormValues(type: SourceType): MappingFormValues {
  const needsBasicAuth =
    SOURCE_LIMITS[type].SourceAccessConfigurations?.exactlyOne === 'BASIC_AUTH';
  const values: BespokeFormValues = {
    sourceType: type,
    FunctionName: '',
    EventSourceArn: '',
    Enabled: true,
    BatchSize: '',
    MaximumBatchingWindowInSeconds: '',
    ParallelizationFactor: '',
    StartingPosition: '',
    StartingPositionTimestamp: '',
    MaximumRecordAgeInSeconds: '',
    MaximumRetryAttempts: '',
    BisectBatchOnFunctionError: false,
    DestinationConfig: { OnFailure: { Destination: '' } },
    TumblingWindowInSeconds: '',
    FunctionResponseTypes: [],
    FilterCriteria: { Filters: [] },
    Topics: [''],
    Queues: [''],
    SourceAccessConfigurations: needsBasicAuth ? [{ Type: 'BASIC_AUTH', URI: '' }] : [],
    SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: '' } },
    ScalingConfig: { MaximumConcurrency: '' },
    AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: '' },
    SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: '' },
    DocumentDBEventSourceConfig: { DatabaseName: '', CollectionName: '', FullDocument: '' },
    Tags: [],
  };
  for (const leaf of MEMBER_LEAVES) {
    setPath(values as unknown as Record<string, unknown>, leaf.path, emptyLeafValue(leaf));
  }
  return values as MappingFormValues;
}

/** A leaf's "not set" value in the form: `[]` for enum lists, `''` otherwise. */
export function emptyLeafValue(leaf: MemberLeaf): string | string[] {
  return leaf.kind === 'enumList' ? [] : '';
}

// ---------------------------------------------------------------------------------------------
// Field validators
// ---------------------------------------------------------------------------------------------

/** Inputs a text-like field accepts (missing keys count as empty). */
type TextIn = string | null | undefined;
/** Inputs a numeric field accepts: the form's string, or a number from a numeric input. */
type NumberIn = string | number | null | undefined;

const fmt = (n: number): string => n.toLocaleString('en-US');

const text = (v: TextIn | number): string =>
  (v === null || v === undefined ? '' : String(v)).trim();

/** An object field that treats a missing (null/undefined) value as `{}`, keeping nested issue paths. */
function objectOrEmpty<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess((v) => (v === null || v === undefined ? {} : v), z.object(shape));
}

/** A field that does not apply to the source type: accepts anything, parses to `undefined`. */
function notApplicable<Out, In>(): z.ZodType<Out | undefined, In> {
  return z
    .unknown()
    .optional()
    .transform((): undefined => undefined) as unknown as z.ZodType<Out | undefined, In>;
}

/**
 * An optional integer field (`''` → `undefined`, i.e. AWS default) checked against `limit`.
 * @param name AWS field name used in messages.
 * @param sourceLabel source display name used in messages.
 */
function integerField(
  limit: IntegerLimit,
  name: string,
  sourceLabel: string,
): z.ZodType<number | undefined, NumberIn> {
  return z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((raw, ctx): number | undefined => {
      const s = text(raw);
      if (s === '') return undefined;
      const allowed = allowedRangeText(limit);
      if (!/^-?\d+$/.test(s)) {
        ctx.addIssue({
          code: 'custom',
          message: `Enter ${name} as a whole number: ${allowed}.`,
        });
        return z.NEVER;
      }
      const n = Number(s);
      if (limit.sentinel && n === limit.sentinel.value) return n;
      if (n < limit.min || n > limit.max) {
        const side = n > limit.max ? 'high' : 'low';
        ctx.addIssue({
          code: 'custom',
          message: `${name} for ${sourceLabel} must be ${allowed}; ${s} is too ${side}.`,
        });
        return z.NEVER;
      }
      return n;
    });
}

const FUNCTION_NAME_PATTERN =
  /^(arn:(?:aws[a-zA-Z-]*)?:lambda:)?((?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d:)?(\d{12}:)?(function:)?([a-zA-Z0-9_.-]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9_-]+))?$/;

/**
 * Checks a FunctionName against AWS's pattern and lengths (service model `NamespacedFunctionName`:
 * 1..256 characters, name/partial ARN/full ARN with optional `:version` or `:alias`; a bare name is
 * at most 64 characters, a qualifier at most 128).
 * @param value the FunctionName as entered.
 * @returns an error message, or `undefined` when valid.
 */
export function functionNameError(value: string): string | undefined {
  const s = value.trim();
  if (s === '') return 'Enter the function name or ARN (e.g. my-function or my-function:prod).';
  if (s.length > COMMON_LIMITS.functionNameMaxLength) {
    return `FunctionName must be at most ${COMMON_LIMITS.functionNameMaxLength} characters in total; it has ${s.length}.`;
  }
  const m = FUNCTION_NAME_PATTERN.exec(s);
  if (!m) {
    return 'Enter a function name (letters, digits, - _ .), optionally followed by :version or :alias, or a function ARN like arn:aws:lambda:us-east-1:123456789012:function:my-function.';
  }
  const [, arnPrefix, region, account, functionPart, name = '', qualifier] = m;
  if ((arnPrefix || region) && !functionPart) {
    return 'A function ARN needs “function:” before the name, e.g. arn:aws:lambda:us-east-1:123456789012:function:my-function.';
  }
  if (arnPrefix && !(region && account)) {
    return 'A full function ARN needs a region and account ID: arn:aws:lambda:<region>:<account-id>:function:<name>.';
  }
  if (name.length > COMMON_LIMITS.functionNameOnlyMaxLength) {
    return `The function name part must be at most ${COMMON_LIMITS.functionNameOnlyMaxLength} characters; “${name}” has ${name.length}.`;
  }
  if (qualifier && qualifier.length > COMMON_LIMITS.qualifierMaxLength) {
    return `The version or alias after “:” must be at most ${COMMON_LIMITS.qualifierMaxLength} characters.`;
  }
  return undefined;
}

const functionNameField = z
  .union([z.string(), z.null()])
  .optional()
  .transform((raw, ctx): string => {
    const error = functionNameError(text(raw));
    if (error) {
      ctx.addIssue({ code: 'custom', message: error });
      return z.NEVER;
    }
    return text(raw);
  });

function eventSourceArnField(type: SourceType): z.ZodType<string | undefined, TextIn> {
  const limits = SOURCE_LIMITS[type];
  if (limits.arnService === null) return notApplicable<string, TextIn>();
  return z
    .union([z.string(), z.null()])
    .optional()
    .transform((raw, ctx): string => {
      const s = text(raw);
      if (s === '') {
        ctx.addIssue({
          code: 'custom',
          message: `Enter the ARN of the ${limits.label} source, e.g. ${limits.example}.`,
        });
        return z.NEVER;
      }
      const detected = detectSourceType(s);
      if (detected.kind === 'invalid' || detected.kind === 'unsupported') {
        ctx.addIssue({ code: 'custom', message: detected.message });
        return z.NEVER;
      }
      if (!detectionMatches(detected, type)) {
        const what =
          detected.kind === 'detected' ? SOURCE_LIMITS[detected.type].label : 'an Amazon MQ broker';
        ctx.addIssue({
          code: 'custom',
          message: `This ARN is ${what}, but the source type is ${limits.label}. Change the source type to ${what}, or enter an ARN for ${limits.label}.`,
        });
        return z.NEVER;
      }
      return s;
    });
}

function startingPositionField(
  type: SourceType,
): z.ZodType<EventSourcePosition | undefined, TextIn> {
  const rule = SOURCE_LIMITS[type].StartingPosition;
  if (!rule) return notApplicable<EventSourcePosition, TextIn>();
  const label = SOURCE_LIMITS[type].label;
  return z
    .union([z.string(), z.null()])
    .optional()
    .transform((raw, ctx): EventSourcePosition | undefined => {
      const s = text(raw);
      if (s === '') {
        if (rule.required) {
          ctx.addIssue({
            code: 'custom',
            message: `Choose a StartingPosition (${rule.options.join(', ')}): ${label} requires one.`,
          });
          return z.NEVER;
        }
        return undefined;
      }
      const option = rule.options.find((o) => o === s);
      if (!option) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} supports StartingPosition ${rule.options.join(' or ')} only; choose one of those.`,
        });
        return z.NEVER;
      }
      return option;
    });
}

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO 8601 date-time (`YYYY-MM-DDTHH:mm[:ss[.sss]][Z|±HH:MM]`); without an offset the
 * time is read as UTC so the result does not depend on the browser's time zone.
 * @param value the text entered.
 * @returns the Date, or `undefined` when the text is not such a date-time (or names a day that
 *   does not exist, e.g. 2024-02-30).
 */
export function parseIsoTimestamp(value: string): Date | undefined {
  const m = ISO_TIMESTAMP.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '00', frac = '', zone = 'Z'] = m;
  const normalizedZone =
    zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${frac}${normalizedZone}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject overflowing fields (Date would roll 2024-02-30 over to March).
  const check = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)),
  );
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi) ||
    check.getUTCSeconds() !== Number(sec)
  ) {
    return undefined;
  }
  return date;
}

function timestampField(type: SourceType): z.ZodType<Date | undefined, TextIn | Date> {
  if (!SOURCE_LIMITS[type].StartingPosition?.options.includes('AT_TIMESTAMP')) {
    return notApplicable<Date, TextIn | Date>();
  }
  return z
    .union([z.string(), z.date(), z.null()])
    .optional()
    .transform((raw, ctx): Date | undefined => {
      if (raw instanceof Date) return raw;
      const s = text(raw);
      if (s === '') return undefined;
      const date = parseIsoTimestamp(s);
      if (!date) {
        ctx.addIssue({
          code: 'custom',
          message:
            'Enter a valid StartingPositionTimestamp in UTC: a date and a time, e.g. 2026-05-01 12:30:00.',
        });
        return z.NEVER;
      }
      return date;
    });
}

/** A checkbox; missing counts as false (AWS default of BisectBatchOnFunctionError). */
const BOOLEAN = z
  .union([z.boolean(), z.null()])
  .optional()
  .transform((v) => v === true);
/** `Enabled`; missing counts as true (AWS default: "Default: True"). */
const ENABLED = z
  .union([z.boolean(), z.null()])
  .optional()
  .transform((v) => v !== false);

function booleanField(
  applies: boolean,
): z.ZodType<boolean | undefined, boolean | null | undefined> {
  return applies ? BOOLEAN : notApplicable<boolean, boolean | null | undefined>();
}

const DESTINATION_ARN =
  /^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-]+):([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)?:(\d{12})?:(.+)$/;
const KAFKA_DESTINATION = /^kafka:\/\/[^.][a-zA-Z0-9_.-]{0,248}$/;

const DESTINATION_WORDS: Record<DestinationKind, string> = {
  sqs: 'an SQS queue ARN',
  sns: 'an SNS topic ARN',
  s3: 'an S3 bucket ARN',
  kafka: 'kafka://<topic>',
};

/**
 * Checks an on-failure destination against the kinds a source accepts (AWS_DOCS.onFailure;
 * service model `DestinationArn`: 0..350 characters, `kafka://<topic>` or an ARN).
 * @returns an error message, or `undefined` when valid.
 */
export function destinationError(
  value: string,
  kinds: readonly DestinationKind[],
): string | undefined {
  const accepted = kinds.map((k) => DESTINATION_WORDS[k]).join(', ');
  if (value.length > COMMON_LIMITS.destinationMaxLength) {
    return `The destination must be at most ${COMMON_LIMITS.destinationMaxLength} characters.`;
  }
  if (value.startsWith('kafka://')) {
    if (!kinds.includes('kafka')) return `Kafka topics are not accepted here; enter ${accepted}.`;
    return KAFKA_DESTINATION.test(value)
      ? undefined
      : 'Enter the Kafka topic as kafka://<topic> (up to 249 characters: letters, digits, - _ .).';
  }
  const m = DESTINATION_ARN.exec(value);
  const service = m?.[2];
  if (!m || service === undefined || !kinds.some((k) => k === service)) {
    return `Enter ${accepted} for records of failed batches.`;
  }
  if (service === 's3' ? !/^[^:/]+$/.test(m[5] ?? '') : !(m[3] && m[4])) {
    return service === 's3'
      ? 'Enter an S3 bucket ARN: arn:aws:s3:::<bucket>.'
      : `Enter a complete ${service.toUpperCase()} ARN with region and account ID, e.g. arn:aws:${service}:us-east-1:123456789012:<name>.`;
  }
  return undefined;
}

function destinationConfigField(
  type: SourceType,
): z.ZodType<{ OnFailure: { Destination: string | undefined } } | undefined, unknown> {
  const kinds = SOURCE_LIMITS[type].DestinationConfig;
  if (!kinds) return notApplicable();
  return objectOrEmpty({
    OnFailure: objectOrEmpty({
      Destination: z
        .union([z.string(), z.null()])
        .optional()
        .transform((raw, ctx) => {
          const s = text(raw);
          if (s === '') return undefined;
          const error = destinationError(s, kinds);
          if (error) {
            ctx.addIssue({ code: 'custom', message: error });
            return z.NEVER;
          }
          return s;
        }),
    }),
  });
}

const FUNCTION_RESPONSE_TYPES: readonly FunctionResponseType[] = ['ReportBatchItemFailures'];

function functionResponseTypesField(
  applies: boolean,
): z.ZodType<FunctionResponseType[] | undefined, unknown> {
  if (!applies) return notApplicable();
  return z
    .union([z.array(z.string()), z.null()])
    .optional()
    .transform((raw, ctx): FunctionResponseType[] => {
      const out: FunctionResponseType[] = [];
      for (const item of raw ?? []) {
        const t = FUNCTION_RESPONSE_TYPES.find((f) => f === item);
        if (!t) {
          ctx.addIssue({
            code: 'custom',
            message: `FunctionResponseTypes accepts only ReportBatchItemFailures; remove “${item}”.`,
          });
          return z.NEVER;
        }
        if (!out.includes(t)) out.push(t);
      }
      return out;
    });
}

/**
 * Checks one filter pattern: JSON text (up to 4,096 characters) whose top level is a non-empty
 * object, and whose leaves are arrays (event filtering syntax, AWS_DOCS.filtering: values to match
 * are always listed in arrays, e.g. `{"body": {"status": ["active"]}}`).
 * @returns an error message, or `undefined` when the pattern is acceptable.
 */
export function filterPatternError(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'Enter a JSON filter pattern, or remove this filter.';
  if (pattern.length > COMMON_LIMITS.filterPatternMaxLength) {
    return `A filter pattern must be at most ${fmt(COMMON_LIMITS.filterPatternMaxLength)} characters; this one has ${fmt(pattern.length)}.`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(pattern);
  } catch (e) {
    return `This filter pattern is not valid JSON (${e instanceof Error ? e.message : String(e)}). Fix the JSON, e.g. {"body": {"status": ["active"]}}.`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return 'A filter pattern must be a JSON object, e.g. {"body": {"status": ["active"]}}.';
  }
  return leafProblem(parsed, []);
}

function leafProblem(value: unknown, path: string[]): string | undefined {
  const where = path.length ? ` at “${path.join('.')}”` : '';
  if (Array.isArray(value)) {
    return value.length === 0
      ? `An empty list${where} never matches; add the values to match or remove the key.`
      : undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return `Put the value${where} in a list: values to match are always arrays, e.g. [${JSON.stringify(value)}].`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) {
    return `The object${where || ' (the whole pattern)'} is empty; add a key to match on.`;
  }
  for (const [key, child] of entries) {
    const problem = leafProblem(child, [...path, key]);
    if (problem) return problem;
  }
  return undefined;
}

function filterCriteriaField(
  maxFilters: number,
): z.ZodType<{ Filters: { Pattern: string }[] }, unknown> {
  // `.nullish()` rather than a union with null/undefined: a union would hide the nested issues.
  return z
    .object({
      Filters: z
        .array(z.object({ Pattern: z.union([z.string(), z.null()]).optional() }))
        .nullish()
        .transform((raw, ctx) => {
          const filters = raw ?? [];
          if (filters.length > maxFilters) {
            ctx.addIssue({
              code: 'custom',
              message: `At most ${maxFilters} filters are allowed${maxFilters === COMMON_LIMITS.maxRaisedFilters ? ' even with a raised quota' : ' for this account (Lambda quota)'}; remove ${filters.length - maxFilters}.`,
            });
          }
          const out: { Pattern: string }[] = [];
          filters.forEach((f, i) => {
            const pattern = f.Pattern ?? '';
            const error = filterPatternError(pattern);
            if (error) ctx.addIssue({ code: 'custom', message: error, path: [i, 'Pattern'] });
            out.push({ Pattern: pattern });
          });
          return out;
        }),
    })
    .nullish()
    .transform((raw) => ({ Filters: raw?.Filters ?? [] }));
}

const TOPIC_PATTERN = /^[^.][a-zA-Z0-9_.-]+$/;

/** `Topics` or `Queues`: exactly one item (service model min = max = 1). */
function singleItemListField(
  kind: 'Topics' | 'Queues',
  applies: boolean,
): z.ZodType<string[] | undefined, unknown> {
  if (!applies) return notApplicable();
  return z
    .union([z.array(z.union([z.string(), z.null()]).optional()), z.null()])
    .optional()
    .transform((raw, ctx): string[] => {
      const items = (raw ?? []).map((v) => text(v));
      const nonEmpty = items.filter((v) => v !== '');
      if (nonEmpty.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: [0],
          message:
            nonEmpty.length === 0
              ? kind === 'Topics'
                ? 'Enter the Kafka topic to read (exactly one).'
                : 'Enter the Amazon MQ queue to read (exactly one).'
              : `${kind} takes exactly one ${kind === 'Topics' ? 'topic' : 'queue'}; remove the others.`,
        });
        return z.NEVER;
      }
      const [value = ''] = nonEmpty;
      if (kind === 'Topics') {
        if (value.length > COMMON_LIMITS.topicMaxLength || !TOPIC_PATTERN.test(value)) {
          ctx.addIssue({
            code: 'custom',
            path: [0],
            message: `Enter a topic name of 2–${COMMON_LIMITS.topicMaxLength} characters: letters, digits, - _ . (not starting with “.”).`,
          });
          return z.NEVER;
        }
      } else if (value.length > COMMON_LIMITS.queueMaxLength) {
        ctx.addIssue({
          code: 'custom',
          path: [0],
          message: `The queue name must be at most ${fmt(COMMON_LIMITS.queueMaxLength)} characters.`,
        });
        return z.NEVER;
      }
      return [value];
    });
}

const URI_PATTERN = /^[ a-zA-Z0-9/*:_+=.@-]+$/;
const SECRET_ARN =
  /^arn:aws[a-zA-Z-]*:secretsmanager:[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d:\d{12}:secret:[a-zA-Z0-9/_+=.@-]+$/;
const SUBNET_URI = /^subnet:subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
const SECURITY_GROUP_URI = /^security_group:sg-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

/**
 * Checks a SourceAccessConfiguration URI for its Type (AWS_DOCS.sourceAccess; service model `URI`
 * 1..200 characters of `[ a-zA-Z0-9-/*:_+=.@-]`, a space allowed since the 2026-08 model). IAM
 * types (`uriKind: 'none'`) take no URI.
 * @returns an error message, or `undefined` when valid.
 */
export function sourceAccessUriError(type: SourceAccessType, uri: string): string | undefined {
  const info = SOURCE_ACCESS_TYPES[type];
  if (info.uriKind === 'none') {
    return uri === '' ? undefined : `${type} takes no URI (the execution role is used); clear it.`;
  }
  if (uri === '') {
    return info?.uriKind === 'secret-arn'
      ? `Enter the Secrets Manager secret ARN for ${type}, e.g. ${info.example}.`
      : `Enter the URI for ${type}${info ? `, e.g. ${info.example}` : ''}.`;
  }
  if (uri.length > COMMON_LIMITS.sourceAccessUriMaxLength || !URI_PATTERN.test(uri)) {
    return `The URI must be 1–${COMMON_LIMITS.sourceAccessUriMaxLength} characters of letters, digits, spaces and - / * : _ + = . @`;
  }
  switch (info?.uriKind) {
    case 'secret-arn':
      return SECRET_ARN.test(uri)
        ? undefined
        : `${type} needs a Secrets Manager secret ARN: arn:aws:secretsmanager:<region>:<account-id>:secret:<name>.`;
    case 'subnet':
      return SUBNET_URI.test(uri)
        ? undefined
        : 'Enter the subnet as subnet:subnet-<id>, e.g. subnet:subnet-0123456789abcdef0.';
    case 'security-group':
      return SECURITY_GROUP_URI.test(uri)
        ? undefined
        : 'Enter the security group as security_group:sg-<id>, e.g. security_group:sg-0123456789abcdef0.';
    default:
      return undefined;
  }
}

interface SourceAccessOut {
  /**
   * A type of the source's allowed list, or (kept as loaded) one this console does not know: the
   * SDK's closed union cannot name those, so they are carried through as its type unchanged.
   */
  Type: SourceAccessType;
  /** Absent for the IAM types, which take no URI. */
  URI?: string;
}

function sourceAccessField(type: SourceType): z.ZodType<SourceAccessOut[] | undefined, unknown> {
  const rule: SourceAccessRule | null = SOURCE_LIMITS[type].SourceAccessConfigurations;
  if (!rule) return notApplicable();
  const label = SOURCE_LIMITS[type].label;
  const row = z.object({
    Type: z.union([z.string(), z.null()]).optional(),
    URI: z.union([z.string(), z.null()]).optional(),
  });
  return z
    .union([z.array(row), z.null()])
    .optional()
    .transform((raw, ctx): SourceAccessOut[] => {
      const rows = raw ?? [];
      const out: SourceAccessOut[] = [];
      let rowErrors = false;
      rows.forEach((r, i) => {
        const t = text(r.Type);
        if (t !== '' && !isKnownSourceAccessType(t)) {
          // A type from a newer API than this console's: kept exactly as loaded; Lambda judges it.
          const uri = r.URI ?? '';
          const kept = t as SourceAccessType;
          out.push(uri === '' ? { Type: kept } : { Type: kept, URI: uri });
          return;
        }
        const allowedType = rule.allowed.find((a) => a === t);
        if (!allowedType) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'Type'],
            message:
              t === ''
                ? `Choose a type (${rule.allowed.join(', ')}), or remove this row.`
                : `${label} does not accept ${t}; choose ${rule.allowed.join(', ')}, or remove this row.`,
          });
          rowErrors = true;
          return;
        }
        const uri = text(r.URI);
        const error = sourceAccessUriError(allowedType, uri);
        if (error) {
          ctx.addIssue({ code: 'custom', path: [i, 'URI'], message: error });
          rowErrors = true;
          return;
        }
        out.push(
          SOURCE_ACCESS_TYPES[allowedType].uriKind === 'none'
            ? { Type: allowedType }
            : { Type: allowedType, URI: uri },
        );
      });
      if (rows.length > COMMON_LIMITS.sourceAccessMaxItems) {
        ctx.addIssue({
          code: 'custom',
          message: `At most ${COMMON_LIMITS.sourceAccessMaxItems} entries are allowed; remove ${rows.length - COMMON_LIMITS.sourceAccessMaxItems}.`,
        });
      }
      if (rowErrors) return out;
      const indexesOf = (t: SourceAccessType): number[] =>
        out.flatMap((c, i) => (c.Type === t ? [i] : []));
      if (rule.exactlyOne) {
        const found = indexesOf(rule.exactlyOne);
        if (found.length === 0) {
          ctx.addIssue({
            code: 'custom',
            message: `Add a ${rule.exactlyOne} entry with the ARN of the Secrets Manager secret that holds the ${label} user name and password: ${label} requires exactly one.`,
          });
        }
        for (const extra of found.slice(1)) {
          ctx.addIssue({
            code: 'custom',
            path: [extra, 'Type'],
            message: `Only one ${rule.exactlyOne} entry is allowed; remove this one.`,
          });
        }
      }
      if (rule.atLeastOne && out.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Add an authentication entry (${(rule.atMostOneOf ?? rule.allowed).join(', ')}) or VPC access (VPC_SUBNET and VPC_SECURITY_GROUP): ${label} requires at least one.`,
        });
      }
      if (rule.atMostOneOf) {
        const chosen = out.flatMap((c, i) => (rule.atMostOneOf?.includes(c.Type) ? [i] : []));
        for (const extra of chosen.slice(1)) {
          const first = out[chosen[0] ?? 0]?.Type ?? '';
          ctx.addIssue({
            code: 'custom',
            path: [extra, 'Type'],
            message:
              out[extra]?.Type === first
                ? `Only one ${first} entry is allowed; remove this one.`
                : `Use one authentication method: ${first} is already set, so remove this ${out[extra]?.Type ?? ''} entry (or the other one).`,
          });
        }
      }
      out.forEach((entry, i) => {
        if (!isKnownSourceAccessType(entry.Type)) return;
        const info = SOURCE_ACCESS_TYPES[entry.Type];
        const present = (t: SourceAccessType) => out.some((c) => c.Type === t);
        if (info.requiresOneOf && !info.requiresOneOf.some(present)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'Type'],
            message: `${entry.Type} needs ${info.requiresOneOf.join(' or ')} as well; add it, or remove this entry.`,
          });
        }
        for (const excluded of info.excludes ?? []) {
          const at = out.findIndex((c) => c.Type === excluded);
          if (at >= 0) {
            ctx.addIssue({
              code: 'custom',
              path: [at, 'Type'],
              message: `${excluded} cannot be used with ${entry.Type}; remove this entry.`,
            });
          }
        }
      });
      if (rule.together) {
        const [a, b] = rule.together;
        const hasA = indexesOf(a).length > 0;
        const hasB = indexesOf(b).length > 0;
        if (hasA !== hasB) {
          ctx.addIssue({
            code: 'custom',
            message: `Add a ${hasA ? b : a} entry: ${a} and ${b} must be given together for VPC access.`,
          });
        }
      }
      return out;
    });
}

const ENDPOINT_PATTERN =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\.)*(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]):[0-9]{1,5}$/;

function selfManagedEventSourceField(
  applies: boolean,
): z.ZodType<{ Endpoints: { KAFKA_BOOTSTRAP_SERVERS: string[] } } | undefined, unknown> {
  if (!applies) return notApplicable();
  return objectOrEmpty({
    Endpoints: objectOrEmpty({
      KAFKA_BOOTSTRAP_SERVERS: z
        .union([z.string(), z.array(z.string()), z.null()])
        .optional()
        .transform((raw, ctx): string[] => {
          const joined = Array.isArray(raw) ? raw.join(',') : text(raw);
          const servers = joined.split(/[\s,]+/).filter((s) => s !== '');
          if (servers.length === 0) {
            ctx.addIssue({
              code: 'custom',
              message:
                'Enter at least one bootstrap server as host:port, e.g. b-1.example.com:9092.',
            });
            return z.NEVER;
          }
          if (servers.length > COMMON_LIMITS.bootstrapServersMaxItems) {
            ctx.addIssue({
              code: 'custom',
              message: `Enter at most ${COMMON_LIMITS.bootstrapServersMaxItems} bootstrap servers; remove ${servers.length - COMMON_LIMITS.bootstrapServersMaxItems}.`,
            });
            return z.NEVER;
          }
          const bad = servers.find(
            (s) => s.length > COMMON_LIMITS.bootstrapServerMaxLength || !ENDPOINT_PATTERN.test(s),
          );
          if (bad !== undefined) {
            ctx.addIssue({
              code: 'custom',
              message: `“${bad}” is not host:port; enter each bootstrap server as host:port, e.g. b-1.example.com:9092.`,
            });
            return z.NEVER;
          }
          return servers;
        }),
    }),
  });
}

function scalingConfigField(
  limit: IntegerLimit | null,
  label: string,
): z.ZodType<{ MaximumConcurrency: number | undefined } | undefined, unknown> {
  if (!limit) return notApplicable();
  return z
    .object({ MaximumConcurrency: integerField(limit, 'MaximumConcurrency', label) })
    .nullish()
    .transform((raw) => ({ MaximumConcurrency: raw?.MaximumConcurrency }));
}

// Model 2026-08: a space is allowed.
const CONSUMER_GROUP_ID = /^[ a-zA-Z0-9/*:_+=.@-]+$/;

function consumerGroupField(
  applies: boolean,
  name: RequestMemberName,
  type: SourceType,
): z.ZodType<({ ConsumerGroupId: string | undefined } & LeafOutputs) | undefined, unknown> {
  if (!applies) return notApplicable();
  return z
    .object({
      ...leafShape(name, type),
      ConsumerGroupId: z
        .union([z.string(), z.null()])
        .optional()
        .transform((raw, ctx) => {
          const s = text(raw);
          if (s === '') return undefined;
          if (s.length > COMMON_LIMITS.consumerGroupIdMaxLength || !CONSUMER_GROUP_ID.test(s)) {
            ctx.addIssue({
              code: 'custom',
              message: `Enter a consumer group ID of 1–${COMMON_LIMITS.consumerGroupIdMaxLength} characters: letters, digits, spaces and - / * : _ + = . @ (or leave it empty to let AWS generate one).`,
            });
            return z.NEVER;
          }
          return s;
        }),
    })
    .nullish()
    .transform((raw) => ({ ...raw, ConsumerGroupId: raw?.ConsumerGroupId }));
}

const DATABASE_NAME = /^[^ /.$"]+$/;
const COLLECTION_NAME = /^(?!system\.)[_a-zA-Z0-9][^$]*$/;
const FULL_DOCUMENTS: readonly FullDocument[] = ['UpdateLookup', 'Default'];

interface DocumentDbOut {
  DatabaseName: string;
  CollectionName: string | undefined;
  FullDocument: FullDocument | undefined;
}

function documentDbField(applies: boolean): z.ZodType<DocumentDbOut | undefined, unknown> {
  if (!applies) return notApplicable();
  const optionalText = z.union([z.string(), z.null()]).optional();
  return objectOrEmpty({
    DatabaseName: optionalText.transform((raw, ctx) => {
      const s = text(raw);
      if (s === '' || s.length > COMMON_LIMITS.databaseNameMaxLength || !DATABASE_NAME.test(s)) {
        ctx.addIssue({
          code: 'custom',
          message:
            s === ''
              ? 'Enter the DocumentDB database to read from.'
              : `Enter a database name of 1–${COMMON_LIMITS.databaseNameMaxLength} characters without spaces, / . $ or ".`,
        });
        return z.NEVER;
      }
      return s;
    }),
    CollectionName: optionalText.transform((raw, ctx) => {
      const s = text(raw);
      if (s === '') return undefined;
      if (s.length > COMMON_LIMITS.collectionNameMaxLength || !COLLECTION_NAME.test(s)) {
        ctx.addIssue({
          code: 'custom',
          message: `Enter a collection name of 1–${COMMON_LIMITS.collectionNameMaxLength} characters that starts with a letter, digit or _, has no $, and does not start with “system.” (or leave it empty for all collections).`,
        });
        return z.NEVER;
      }
      return s;
    }),
    FullDocument: optionalText.transform((raw, ctx): FullDocument | undefined => {
      const s = text(raw);
      if (s === '') return undefined;
      const value = FULL_DOCUMENTS.find((f) => f === s);
      if (!value) {
        ctx.addIssue({ code: 'custom', message: 'Choose FullDocument UpdateLookup or Default.' });
        return z.NEVER;
      }
      return value;
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------------------------

/** Tag key and value characters (service model `TagKey`/`TagValue`: `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`). */
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Limits of tags on a Lambda resource (service model; Lambda quotas: 50 tags per resource). */
export const TAG_LIMITS = { maxTags: 50, keyMaxLength: 128, valueMaxLength: 256 } as const;

/**
 * `Tags`: rows of key and value → a map. Keys 1–128 and values 0–256 characters of letters,
 * digits, spaces and `_ . : / = + - @` (service model `TagKey`, `TagValue`); a key may not start
 * with `aws:` (reserved by AWS) or repeat; at most 50 tags (Lambda's tag quota). Keys and values
 * are kept exactly, spaces included; rows of only spaces are ignored. Parses to `undefined` when
 * there are none.
 */
function tagsField(): z.ZodType<Record<string, string> | undefined, unknown> {
  const row = z.object({
    Key: z.union([z.string(), z.null()]).optional(),
    Value: z.union([z.string(), z.null()]).optional(),
  });
  return z
    .union([z.array(row), z.null()])
    .optional()
    .transform((raw, ctx) => {
      const out: Record<string, string> = {};
      const seen = new Map<string, number>();
      let count = 0;
      (raw ?? []).forEach((r, i) => {
        // Kept exactly as typed (AWS's patterns allow spaces anywhere, so a leading or trailing
        // space is part of the tag, e.g. in a clone); only a row of nothing but spaces is blank.
        const key = r.Key ?? '';
        const value = r.Value ?? '';
        if (key.trim() === '' && value.trim() === '') return;
        count += 1;
        const issue = (leaf: 'Key' | 'Value', message: string) =>
          ctx.addIssue({ code: 'custom', path: [i, leaf], message });
        if (key.trim() === '') return issue('Key', 'Enter a tag key, or remove this row.');
        if (key.length > TAG_LIMITS.keyMaxLength || !TAG_PATTERN.test(key)) {
          return issue(
            'Key',
            `A tag key is 1–${TAG_LIMITS.keyMaxLength} characters of letters, digits, spaces and _ . : / = + - @.`,
          );
        }
        if (/^aws:/i.test(key)) return issue('Key', 'Keys starting with aws: are reserved by AWS.');
        if (seen.has(key))
          return issue('Key', `The key ${key} is already used in row ${(seen.get(key) ?? 0) + 1}.`);
        if (value.length > TAG_LIMITS.valueMaxLength || !TAG_PATTERN.test(value)) {
          return issue(
            'Value',
            `A tag value is 0–${TAG_LIMITS.valueMaxLength} characters of letters, digits, spaces and _ . : / = + - @.`,
          );
        }
        seen.set(key, i);
        out[key] = value;
      });
      if (count > TAG_LIMITS.maxTags) {
        ctx.addIssue({
          code: 'custom',
          message: `A mapping can have at most ${TAG_LIMITS.maxTags} tags; remove ${count - TAG_LIMITS.maxTags}.`,
        });
      }
      return Object.keys(out).length > 0 ? out : undefined;
    });
}

// ---------------------------------------------------------------------------------------------
// Registry leaves (request-members.ts): one generic validator per kind
// ---------------------------------------------------------------------------------------------

/** What a leaf parses to: a number, a string, a string list, or `undefined` (not set). */
type LeafOutput = number | string | string[] | undefined;
/** Parsed leaves of one structure, by member name. */
type LeafOutputs = { [member: string]: LeafOutput };

/**
 * The validator of one leaf for a source type: `''`/`[]` parse to `undefined` (not set, AWS's
 * default); integers against the source's limits, text against the model's pattern and length,
 * enum values against the source's options. A leaf that does not apply accepts anything and
 * parses to `undefined`.
 * @param leaf a registry leaf.
 * @param type the source type.
 */
export function leafField(leaf: MemberLeaf, type: SourceType): z.ZodType<LeafOutput, unknown> {
  const name = leaf.path;
  const label = SOURCE_LIMITS[type].label;
  if (!leafApplies(leaf, type)) return notApplicable<LeafOutput, unknown>();
  switch (leaf.kind) {
    case 'integer': {
      const limit = leaf.limits[type];
      return limit ? integerField(limit, name, label) : notApplicable<LeafOutput, unknown>();
    }
    case 'text':
      return z
        .union([z.string(), z.null()])
        .optional()
        .transform((raw, ctx): string | undefined => {
          const s = text(raw);
          if (s === '') return undefined;
          if (s.length > leaf.maxLength || !leaf.pattern.test(s)) {
            ctx.addIssue({
              code: 'custom',
              message: `Enter ${name} as ${leaf.patternText}, at most ${fmt(leaf.maxLength)} characters, e.g. ${leaf.example}.`,
            });
            return z.NEVER;
          }
          return s;
        });
    case 'enum': {
      const options = leaf.options[type] ?? [];
      return z
        .union([z.string(), z.null()])
        .optional()
        .transform((raw, ctx): string | undefined => {
          const s = text(raw);
          if (s === '') return undefined;
          if (!options.includes(s)) {
            ctx.addIssue({
              code: 'custom',
              message: `${label} takes ${name} ${options.join(', ')}; ${s} is not one of them.`,
            });
            return z.NEVER;
          }
          return s;
        });
    }
    case 'enumList': {
      const options = leaf.options[type] ?? [];
      return z
        .union([z.array(z.string()), z.null()])
        .optional()
        .transform((raw, ctx): string[] | undefined => {
          const list = [...new Set(raw ?? [])];
          const refused = list.filter((v) => !options.includes(v));
          if (refused.length > 0) {
            ctx.addIssue({
              code: 'custom',
              message: `${label} takes ${name} ${options.join(', ')}; untick ${refused.join(', ')}.`,
            });
            return z.NEVER;
          }
          return list.length > 0 ? list : undefined;
        });
    }
  }
}

/**
 * The zod shape of a structure's leaves (`{ MinimumPollers: …, MaximumPollers: … }`).
 * @param name the request member.
 * @param type the source type.
 */
function leafShape(
  name: RequestMemberName,
  type: SourceType,
): Record<string, z.ZodType<LeafOutput, unknown>> {
  return Object.fromEntries(
    leavesOf(name).map((leaf) => [leaf.path.slice(name.length + 1), leafField(leaf, type)]),
  );
}

/**
 * Fields of the request members made only of leaves (ProvisionedPollerConfig, MetricsConfig,
 * LoggingConfig, KMSKeyArn). A structure parses to `undefined` when none of its leaves is set, so
 * it is left out of the request.
 * @param type the source type.
 */
function leafMemberFields(type: SourceType) {
  const fields: Record<string, z.ZodType<LeafOutputs | LeafOutput, unknown>> = {};
  for (const name of LEAF_MEMBER_NAMES) {
    const [only] = leavesOf(name);
    if (only && only.path === name) {
      fields[name] = leafField(only, type);
      continue;
    }
    fields[name] = objectOrEmpty(leafShape(name, type)).transform((value) =>
      Object.values(value).some((v) => v !== undefined) ? (value as LeafOutputs) : undefined,
    );
  }
  return fields as {
    ProvisionedPollerConfig: z.ZodType<
      { MinimumPollers?: number; MaximumPollers?: number; PollerGroupName?: string } | undefined,
      unknown
    >;
    MetricsConfig: z.ZodType<{ Metrics?: string[] } | undefined, unknown>;
    LoggingConfig: z.ZodType<{ SystemLogLevel?: string } | undefined, unknown>;
    KMSKeyArn: z.ZodType<string | undefined, unknown>;
  };
}

// ---------------------------------------------------------------------------------------------
// Per-source schemas
// ---------------------------------------------------------------------------------------------

/** Options for {@link createMappingFormSchema}. */
export interface MappingFormSchemaOptions {
  /** Clock for "StartingPositionTimestamp cannot be in the future" (default `new Date()`). */
  now?: () => Date;
  /**
   * The account's filters-per-mapping quota, when known (default: 10, the most a raised quota
   * allows; above the account's real quota Lambda refuses, and the form shows its message).
   */
  maxFilters?: number;
  /**
   * Edit mode: the mapping being edited. Enables the rule that a batching window set on a Kafka,
   * MQ or DocumentDB mapping cannot be cleared (AWS cannot restore the 500 ms default).
   */
  existing?: Pick<EventSourceMappingConfiguration, 'MaximumBatchingWindowInSeconds'>;
}

function sourceObject<T extends SourceType>(type: T, options: MappingFormSchemaOptions) {
  const l = SOURCE_LIMITS[type];
  const maybeInt = (
    limit: IntegerLimit | null,
    name: string,
  ): z.ZodType<number | undefined, NumberIn> =>
    limit ? integerField(limit, name, l.label) : notApplicable<number, NumberIn>();
  return z.object({
    sourceType: z.literal(type),
    FunctionName: functionNameField,
    EventSourceArn: eventSourceArnField(type),
    Enabled: ENABLED,
    BatchSize: integerField(l.BatchSize, 'BatchSize', l.label),
    MaximumBatchingWindowInSeconds: maybeInt(
      l.MaximumBatchingWindowInSeconds,
      'MaximumBatchingWindowInSeconds',
    ),
    ParallelizationFactor: maybeInt(l.ParallelizationFactor, 'ParallelizationFactor'),
    StartingPosition: startingPositionField(type),
    StartingPositionTimestamp: timestampField(type),
    MaximumRecordAgeInSeconds: maybeInt(l.MaximumRecordAgeInSeconds, 'MaximumRecordAgeInSeconds'),
    MaximumRetryAttempts: maybeInt(l.MaximumRetryAttempts, 'MaximumRetryAttempts'),
    BisectBatchOnFunctionError: booleanField(l.BisectBatchOnFunctionError),
    DestinationConfig: destinationConfigField(type),
    TumblingWindowInSeconds: maybeInt(l.TumblingWindowInSeconds, 'TumblingWindowInSeconds'),
    FunctionResponseTypes: functionResponseTypesField(l.FunctionResponseTypes),
    FilterCriteria: filterCriteriaField(options.maxFilters ?? COMMON_LIMITS.maxRaisedFilters),
    Topics: singleItemListField('Topics', l.Topics),
    Queues: singleItemListField('Queues', l.Queues),
    SourceAccessConfigurations: sourceAccessField(type),
    SelfManagedEventSource: selfManagedEventSourceField(l.SelfManagedEventSource),
    ScalingConfig: scalingConfigField(l.ScalingConfig, l.label),
    AmazonManagedKafkaEventSourceConfig: consumerGroupField(
      l.consumerGroupConfig === 'AmazonManagedKafkaEventSourceConfig',
      'AmazonManagedKafkaEventSourceConfig',
      type,
    ),
    SelfManagedKafkaEventSourceConfig: consumerGroupField(
      l.consumerGroupConfig === 'SelfManagedKafkaEventSourceConfig',
      'SelfManagedKafkaEventSourceConfig',
      type,
    ),
    DocumentDBEventSourceConfig: documentDbField(l.DocumentDBEventSourceConfig),
    Tags: tagsField(),
    ...leafMemberFields(type),
  });
}

type SourceObject<T extends SourceType> = ReturnType<typeof sourceObject<T>>;
type SourceValue<T extends SourceType> = z.output<SourceObject<T>>;

/**
 * Cross-field rules of one source type. Issues point at the field to change.
 * - SQS standard: BatchSize above 10 needs MaximumBatchingWindowInSeconds ≥ 1 (CreateEventSourceMapping,
 *   MaximumBatchingWindowInSeconds "Related setting"; AWS message "Maximum batch window in seconds
 *   must be greater than 0 if maximum batch size is greater than 10", reference §3.2). Applied to SQS
 *   only: Kinesis/DynamoDB default to BatchSize 100 with window 0 and AWS accepts that (reference).
 * - AT_TIMESTAMP needs StartingPositionTimestamp; a timestamp needs AT_TIMESTAMP; it cannot be in the
 *   future (CreateEventSourceMapping, StartingPositionTimestamp).
 * - Edit only: a window set on a 500 ms-default source cannot be cleared (MaximumBatchingWindowInSeconds doc).
 * - Provisioned mode, Kafka error handling and ConsumptionMode: see {@link provisionedModeRules}.
 */
function crossFieldRules<T extends SourceType>(
  type: T,
  options: MappingFormSchemaOptions,
): (value: SourceValue<T>, ctx: z.RefinementCtx) => void {
  const l = SOURCE_LIMITS[type];
  return (value, ctx) => {
    if (l.batchSizeOver10NeedsWindow && l.MaximumBatchingWindowInSeconds) {
      const batch = value.BatchSize ?? l.BatchSize.default ?? 0;
      const window =
        value.MaximumBatchingWindowInSeconds ?? l.MaximumBatchingWindowInSeconds.default ?? 0;
      if (batch > 10 && window < 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['MaximumBatchingWindowInSeconds'],
          message: `SQS BatchSize above 10 needs MaximumBatchingWindowInSeconds of at least 1 second; set a window of 1–300 seconds, or lower BatchSize to 10.`,
        });
      }
    }
    if (
      value.StartingPosition === 'AT_TIMESTAMP' &&
      value.StartingPositionTimestamp === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['StartingPositionTimestamp'],
        message:
          'Enter StartingPositionTimestamp: AT_TIMESTAMP needs the time to start reading from.',
      });
    }
    if (value.StartingPositionTimestamp !== undefined) {
      if (value.StartingPosition !== 'AT_TIMESTAMP') {
        ctx.addIssue({
          code: 'custom',
          path: ['StartingPositionTimestamp'],
          message:
            'Clear StartingPositionTimestamp, or set StartingPosition to AT_TIMESTAMP: a timestamp is only used with AT_TIMESTAMP.',
        });
      } else if (
        value.StartingPositionTimestamp.getTime() > (options.now?.() ?? new Date()).getTime()
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['StartingPositionTimestamp'],
          message:
            'StartingPositionTimestamp cannot be in the future; enter a time at or before now.',
        });
      }
    }
    provisionedModeRules(type, value, ctx);
    const window = l.MaximumBatchingWindowInSeconds;
    if (
      window &&
      window.default === undefined &&
      value.MaximumBatchingWindowInSeconds === undefined &&
      options.existing?.MaximumBatchingWindowInSeconds !== undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['MaximumBatchingWindowInSeconds'],
        message: `AWS cannot restore the ${window.defaultLabel} default batching window once it is set; enter 0–300 seconds (currently ${options.existing.MaximumBatchingWindowInSeconds}), or create a new mapping.`,
      });
    }
  };
}

/** The members of a parsed source value the provisioned-mode rules read. */
interface ProvisionedRuleInput {
  ProvisionedPollerConfig?:
    { MinimumPollers?: number; MaximumPollers?: number; PollerGroupName?: string } | undefined;
  ScalingConfig?: { MaximumConcurrency?: number | undefined } | undefined;
  LoggingConfig?: { SystemLogLevel?: string } | undefined;
  MaximumRetryAttempts?: number | undefined;
  MaximumRecordAgeInSeconds?: number | undefined;
  BisectBatchOnFunctionError?: boolean | undefined;
  FunctionResponseTypes?: readonly string[] | undefined;
  DestinationConfig?: { OnFailure: { Destination: string | undefined } } | undefined;
  StartingPosition?: string | undefined;
  StartingPositionTimestamp?: Date | undefined;
  MaximumBatchingWindowInSeconds?: number | undefined;
  SelfManagedKafkaEventSourceConfig?: LeafOutputs | undefined;
}

/**
 * Rules of the 2026 members, each issue on the field to change:
 * - MinimumPollers ≤ MaximumPollers (ProvisionedPollerConfig model doc);
 * - SQS: ScalingConfig.MaximumConcurrency and provisioned mode are exclusive (AWS "services-sqs-
 *   scaling": "you can't use maximum concurrency with provisioned mode");
 * - Kafka: MaximumRetryAttempts, MaximumRecordAgeInSeconds, BisectBatchOnFunctionError,
 *   ReportBatchItemFailures, a `kafka://` on-failure topic and LoggingConfig need provisioned mode
 *   (kafka-retry-configurations, esm-logging); a value at its default (-1, or 0 retries in Queue
 *   mode) does not count;
 * - self-managed Kafka in Queue mode takes no StartingPosition, StartingPositionTimestamp or
 *   MaximumBatchingWindowInSeconds (SelfManagedKafkaEventSourceConfig.ConsumptionMode doc).
 */
function provisionedModeRules(
  type: SourceType,
  value: ProvisionedRuleInput,
  ctx: z.RefinementCtx,
): void {
  const pollers = value.ProvisionedPollerConfig;
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: path.split('.'), message });
  if (
    pollers?.MinimumPollers !== undefined &&
    pollers.MaximumPollers !== undefined &&
    pollers.MinimumPollers > pollers.MaximumPollers
  ) {
    issue(
      'ProvisionedPollerConfig.MaximumPollers',
      `MaximumPollers must be at least MinimumPollers (${pollers.MinimumPollers}); raise it or lower MinimumPollers.`,
    );
  }
  const provisioned = pollers !== undefined;
  if (
    (type === 'sqs' || type === 'sqs-fifo') &&
    provisioned &&
    value.ScalingConfig?.MaximumConcurrency !== undefined
  ) {
    issue(
      'ScalingConfig.MaximumConcurrency',
      'Clear ScalingConfig.MaximumConcurrency, or the provisioned pollers: SQS takes one or the other, not both.',
    );
  }
  if (type !== 'msk' && type !== 'self-managed-kafka') return;
  const queueMode = value.SelfManagedKafkaEventSourceConfig?.ConsumptionMode === 'Queue';
  if (queueMode) {
    for (const name of [
      'StartingPosition',
      'StartingPositionTimestamp',
      'MaximumBatchingWindowInSeconds',
    ] as const) {
      if (value[name] !== undefined) {
        issue(name, `Clear ${name}: a Kafka mapping in Queue mode does not take it.`);
      }
    }
  }
  if (provisioned) return;
  const needing: [boolean, string, string][] = [
    [
      value.MaximumRetryAttempts !== undefined &&
        value.MaximumRetryAttempts !== (queueMode ? 0 : -1),
      'MaximumRetryAttempts',
      'MaximumRetryAttempts',
    ],
    [
      value.MaximumRecordAgeInSeconds !== undefined && value.MaximumRecordAgeInSeconds !== -1,
      'MaximumRecordAgeInSeconds',
      'MaximumRecordAgeInSeconds',
    ],
    [
      value.BisectBatchOnFunctionError === true,
      'BisectBatchOnFunctionError',
      'BisectBatchOnFunctionError',
    ],
    [
      (value.FunctionResponseTypes ?? []).length > 0,
      'FunctionResponseTypes',
      'ReportBatchItemFailures',
    ],
    [
      value.DestinationConfig?.OnFailure.Destination?.startsWith('kafka://') === true,
      'DestinationConfig.OnFailure.Destination',
      'A kafka:// on-failure topic',
    ],
    [value.LoggingConfig !== undefined, 'LoggingConfig.SystemLogLevel', 'LoggingConfig'],
  ];
  for (const [set, path, what] of needing) {
    if (set) {
      issue(
        path,
        `${what} needs provisioned mode on Kafka: set MinimumPollers or MaximumPollers under Provisioned mode, or clear this.`,
      );
    }
  }
}

/**
 * The schema of one source type: its field validators plus its cross-field rules.
 * @param type the source type.
 * @param options clock, filter quota and (edit mode) the existing mapping.
 */
export function createSourceSchema<T extends SourceType>(
  type: T,
  options: MappingFormSchemaOptions = {},
) {
  return sourceObject(type, options).superRefine(crossFieldRules(type, options));
}

/**
 * The form schema: a discriminated union on `sourceType` of the nine per-source schemas.
 * @param options clock, filter quota and (edit mode) the existing mapping.
 * @returns a zod schema; parse form values (e.g. {@link MappingFormValues}) with it.
 */
export function createMappingFormSchema(options: MappingFormSchemaOptions = {}) {
  return z.discriminatedUnion('sourceType', [
    createSourceSchema('kinesis', options),
    createSourceSchema('dynamodb', options),
    createSourceSchema('sqs', options),
    createSourceSchema('sqs-fifo', options),
    createSourceSchema('msk', options),
    createSourceSchema('self-managed-kafka', options),
    createSourceSchema('mq-activemq', options),
    createSourceSchema('mq-rabbitmq', options),
    createSourceSchema('documentdb', options),
  ]);
}

/** The create-mode form schema with the real clock and the default filter quota. */
export const mappingFormSchema = createMappingFormSchema();

/** What the form schema accepts (a union per source type; {@link MappingFormValues} is assignable). */
export type MappingFormInput = z.input<typeof mappingFormSchema>;
/**
 * What the form schema produces: request-ready values. Fields that do not apply to the source type
 * are `undefined`; `''` numeric fields are `undefined` (AWS default).
 */
export type MappingFormOutput = z.output<typeof mappingFormSchema>;
