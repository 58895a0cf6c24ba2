import { createHash } from 'node:crypto';
import { LambdaError } from '../errors.ts';
import type { FunctionRecord, Store } from '../store.ts';
import type { AliasConfiguration, FunctionConfiguration } from './model.ts';
import { pageAfter } from './pagination.ts';

/**
 * `NamespacedFunctionName` constraints (Lambda model 2015-03-31 as of 2026-08-07,
 * shared/reference/models: `eusc-` and ISO regions; a full ARN needs region and account).
 */
export const FUNCTION_NAME_SHAPE = {
  type: 'string',
  min: 1,
  max: 256,
  pattern:
    '(arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:|(((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?))(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?',
} as const;

/**
 * `FunctionName` constraints of ListAliases (shape `FunctionName`: no `.` in the name, max 140;
 * Lambda model 2015-03-31 as of 2026-08-07, shared/reference/models).
 */
export const ALIAS_FUNCTION_NAME_SHAPE = {
  type: 'string',
  min: 1,
  max: 140,
  pattern:
    '(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?',
} as const;

/** `FunctionVersion` of ListAliases (shape `VersionWithLatestPublished`, same model). */
export const ALIAS_FUNCTION_VERSION_SHAPE = {
  type: 'string',
  min: 1,
  max: 1024,
  pattern: '(\\$LATEST(\\.PUBLISHED)?|[0-9]+)',
} as const;

/**
 * Page size of ListFunctions and ListVersionsByFunction ("Lambda returns up to 50 … per call",
 * API reference). ListAliases documents no cap; the emulator uses the same 50 (unverified).
 */
export const FUNCTIONS_PAGE_LIMIT = 50;

/** A `FunctionName` parameter split into its parts (reference §2.2). */
export interface ParsedFunctionName {
  name: string;
  /** Version number, alias or `$LATEST`, when given. */
  qualifier?: string;
  /** Region, when given as a full ARN. */
  region?: string;
  /** Account, when given as a (partial) ARN. */
  accountId?: string;
}

const NAME_RE = /^[a-zA-Z0-9-_.]+$/;
const QUALIFIER_RE = /^(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+)$/;

/**
 * Parses the four `FunctionName` formats: `name`, `name:qualifier`,
 * `123456789012:function:name[:qualifier]`, `arn:aws:lambda:<region>:<account>:function:name[:qualifier]`
 * (also `<region>:<account>:function:name`, which the model pattern allows).
 * @param input the raw parameter.
 * @returns the parts, or `undefined` if it matches none of the formats.
 */
export function parseFunctionName(input: string): ParsedFunctionName | undefined {
  const parts = input.split(':');
  let result: ParsedFunctionName | undefined;
  if (parts[0] === 'arn') {
    if (
      (parts.length === 7 || parts.length === 8) &&
      parts[2] === 'lambda' &&
      parts[5] === 'function'
    ) {
      result = { region: parts[3], accountId: parts[4], name: parts[6] ?? '', qualifier: parts[7] };
    }
  } else if (parts[1] === 'function' && (parts.length === 3 || parts.length === 4)) {
    result = { accountId: parts[0], name: parts[2] ?? '', qualifier: parts[3] };
  } else if (parts[2] === 'function' && (parts.length === 4 || parts.length === 5)) {
    result = { region: parts[0], accountId: parts[1], name: parts[3] ?? '', qualifier: parts[4] };
  } else if (parts.length === 1 || parts.length === 2) {
    result = { name: parts[0] ?? '', qualifier: parts[1] };
  }
  if (!result || !NAME_RE.test(result.name)) return undefined;
  if (result.qualifier === undefined) delete result.qualifier;
  else if (!QUALIFIER_RE.test(result.qualifier)) return undefined;
  return result;
}

/**
 * Builds the function ARN AWS reports for a `FunctionName` parameter: the qualifier is kept as
 * given (`name` → unqualified ARN, `name:prod` → `…:function:name:prod`; reference §1.3).
 * @param parsed the parsed parameter.
 * @param region caller's region, used when the parameter has none.
 * @param accountId caller's account, used when the parameter has none.
 */
export function functionArnOf(
  parsed: ParsedFunctionName,
  region: string,
  accountId: string,
): string {
  const base = `arn:aws:lambda:${parsed.region ?? region}:${parsed.accountId ?? accountId}:function:${parsed.name}`;
  return parsed.qualifier === undefined ? base : `${base}:${parsed.qualifier}`;
}

/**
 * Splits a function ARN (as stored on a mapping) into name and qualifier.
 * @param arn `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`.
 */
export function splitFunctionArn(arn: string): { name: string; qualifier?: string } {
  const parts = arn.split(':');
  const name = parts[6] ?? arn;
  return parts[7] === undefined ? { name } : { name, qualifier: parts[7] };
}

/**
 * Looks a function (and its qualifier) up in the caller's region.
 * @returns the record and the version the qualifier points to (`$LATEST` when unqualified),
 *   or `undefined` if the function, version or alias does not exist, or the ARN names another
 *   region/account.
 */
export function findFunction(
  store: Store,
  region: string,
  parsed: ParsedFunctionName,
): { record: FunctionRecord; version: string } | undefined {
  if (parsed.region !== undefined && parsed.region !== region) return undefined;
  if (parsed.accountId !== undefined && parsed.accountId !== store.accountId) return undefined;
  const record = store.peek(region)?.functions.get(parsed.name);
  if (!record) return undefined;
  const q = parsed.qualifier;
  if (q === undefined || q === '$LATEST') return { record, version: '$LATEST' };
  if (record.versions.has(q)) return { record, version: q };
  const aliased = record.aliases.get(q);
  if (aliased !== undefined) return { record, version: aliased };
  return undefined;
}

/**
 * Resolves the `FunctionName` of a Create/UpdateEventSourceMapping request.
 * @returns the FunctionArn to store (qualifier kept as given), or `undefined` when the function
 *   (or its version/alias) does not exist — AWS then answers `Function does not exist` (§3.2).
 */
export function resolveMappingFunctionArn(
  store: Store,
  region: string,
  functionName: string,
): string | undefined {
  const parsed = parseFunctionName(functionName);
  if (!parsed || !findFunction(store, region, parsed)) return undefined;
  return functionArnOf(parsed, region, store.accountId);
}

/**
 * GetFunctionConfiguration (reference §1.4).
 * @param functionName path label (decoded): name, partial or full ARN, optionally qualified.
 * @param qualifierParam the `Qualifier` query parameter.
 * @returns the configuration of `$LATEST`, a version or the version an alias points to, with
 *   `State`/`LastUpdateStatus`; `FunctionArn` carries the requested qualifier.
 * @throws LambdaError `ResourceNotFoundException` `Function not found: <arn>`, or
 *   `InvalidParameterValueException` when the name's qualifier and `Qualifier` disagree.
 */
export function getFunctionConfiguration(
  store: Store,
  region: string,
  functionName: string,
  qualifierParam: string | undefined,
): FunctionConfiguration {
  const parsed = parseFunctionName(functionName);
  if (!parsed) {
    throw new LambdaError('ResourceNotFoundException', `Function not found: ${functionName}`);
  }
  if (qualifierParam !== undefined) {
    if (parsed.qualifier !== undefined && parsed.qualifier !== qualifierParam) {
      throw new LambdaError(
        'InvalidParameterValueException',
        'The derived qualifier from the function name does not match the specified qualifier.',
      );
    }
    parsed.qualifier = qualifierParam;
  }
  const found = findFunction(store, region, parsed);
  if (!found) {
    throw new LambdaError(
      'ResourceNotFoundException',
      `Function not found: ${functionArnOf(parsed, region, store.accountId)}`,
    );
  }
  const base =
    found.version === '$LATEST' ? found.record.latest : found.record.versions.get(found.version);
  if (!base) {
    throw new LambdaError(
      'ResourceNotFoundException',
      `Function not found: ${functionArnOf(parsed, region, store.accountId)}`,
    );
  }
  return {
    ...base,
    FunctionArn: functionArnOf(parsed, region, store.accountId),
    State: 'Active',
    LastUpdateStatus: 'Successful',
  };
}

/**
 * ListFunctions (reference §1.4): functions sorted by name; with `FunctionVersion=ALL` each
 * function is followed by its published versions. At most 50 per page.
 * @param opts `maxItems` 1..10000 (already validated), `marker` from a previous `NextMarker`,
 *   `allVersions` for `FunctionVersion=ALL`, `masterRegion` (Lambda@Edge; none exist here).
 * @returns `{ Functions, NextMarker? }` as on the wire (state fields omitted, like AWS).
 * @throws LambdaError `InvalidParameterValueException` for a marker this server did not issue.
 */
export function listFunctions(
  store: Store,
  region: string,
  opts: { maxItems?: number; marker?: string; allVersions: boolean; masterRegion?: string },
): { Functions: FunctionConfiguration[]; NextMarker?: string } {
  const entries: Array<{ key: string; config: FunctionConfiguration }> = [];
  if (opts.masterRegion === undefined) {
    const functions = [...(store.peek(region)?.functions.values() ?? [])].sort((a, b) =>
      a.latest.FunctionName.localeCompare(b.latest.FunctionName),
    );
    for (const fn of functions) {
      entries.push({ key: `${fn.latest.FunctionName}:$LATEST`, config: fn.latest });
      if (opts.allVersions) {
        for (const [v, config] of fn.versions) {
          entries.push({ key: `${fn.latest.FunctionName}:${v.padStart(10, '0')}`, config });
        }
      }
    }
  }
  const page = pageAfter(
    entries,
    (e) => e.key,
    opts.marker,
    Math.min(opts.maxItems ?? FUNCTIONS_PAGE_LIMIT, FUNCTIONS_PAGE_LIMIT),
  );
  const out: { Functions: FunctionConfiguration[]; NextMarker?: string } = {
    Functions: page.items.map((e) => e.config),
  };
  if (page.nextMarker !== undefined) out.NextMarker = page.nextMarker;
  return out;
}

/**
 * Finds the function a ListVersionsByFunction / ListAliases `FunctionName` names. A qualifier in
 * the name is ignored (these operations list the whole function; LocalStack's AWS-validated
 * provider does the same, AWS's own answer is unrecorded).
 * @returns the record and the unqualified function ARN.
 * @throws LambdaError (404) `ResourceNotFoundException` `Function not found: <unqualified ARN>`,
 *   the text GetFunction uses (reference §1.4), also for an ARN of another region or account.
 */
function functionForListing(
  store: Store,
  region: string,
  functionName: string,
): { record: FunctionRecord; arn: string } {
  const parsed = parseFunctionName(functionName);
  if (!parsed) {
    throw new LambdaError('ResourceNotFoundException', `Function not found: ${functionName}`);
  }
  delete parsed.qualifier;
  const arn = functionArnOf(parsed, region, store.accountId);
  const found = findFunction(store, region, parsed);
  if (!found) throw new LambdaError('ResourceNotFoundException', `Function not found: ${arn}`);
  return { record: found.record, arn };
}

/**
 * ListVersionsByFunction (API reference `ListVersionsByFunction`): `$LATEST` first (its
 * `FunctionArn` qualified with `:$LATEST`, as in AWS's CLI example), then the published versions
 * in ascending number. At most {@link FUNCTIONS_PAGE_LIMIT} per page; state fields omitted like
 * ListFunctions.
 * @param functionName path label (decoded): name, partial or full ARN.
 * @param opts `maxItems` 1..10000 (already validated), `marker` from a previous `NextMarker`.
 * @returns `{ Versions, NextMarker? }` as on the wire.
 * @throws LambdaError `ResourceNotFoundException` for an unknown function,
 *   `InvalidParameterValueException` for a marker this server did not issue.
 */
export function listVersionsByFunction(
  store: Store,
  region: string,
  functionName: string,
  opts: { maxItems?: number; marker?: string },
): { Versions: FunctionConfiguration[]; NextMarker?: string } {
  const { record, arn } = functionForListing(store, region, functionName);
  const entries: Array<{ key: number; config: FunctionConfiguration }> = [
    { key: 0, config: { ...record.latest, FunctionArn: `${arn}:$LATEST` } },
  ];
  const published = [...record.versions.entries()]
    .map(([version, config]) => ({ key: Number(version), config }))
    .sort((a, b) => a.key - b.key);
  entries.push(...published);
  const page = pageAfter(
    entries,
    (e) => e.key,
    opts.marker,
    Math.min(opts.maxItems ?? FUNCTIONS_PAGE_LIMIT, FUNCTIONS_PAGE_LIMIT),
  );
  const out: { Versions: FunctionConfiguration[]; NextMarker?: string } = {
    Versions: page.items.map((e) => e.config),
  };
  if (page.nextMarker !== undefined) out.NextMarker = page.nextMarker;
  return out;
}

/**
 * ListAliases (API reference `ListAliases`): the function's aliases sorted by name, optionally
 * only those pointing at `functionVersion`. `Description` is `""` (seed aliases have none) and
 * `RevisionId` a UUID derived from function, alias and version (stable across restarts).
 * @param functionName path label (decoded): name, partial or full ARN.
 * @param opts `functionVersion` filter, `maxItems` 1..10000, `marker` (all already validated).
 * @returns `{ Aliases, NextMarker? }` as on the wire.
 * @throws LambdaError `ResourceNotFoundException` for an unknown function,
 *   `InvalidParameterValueException` for a marker this server did not issue.
 */
export function listAliases(
  store: Store,
  region: string,
  functionName: string,
  opts: { functionVersion?: string; maxItems?: number; marker?: string },
): { Aliases: AliasConfiguration[]; NextMarker?: string } {
  const { record, arn } = functionForListing(store, region, functionName);
  const aliases = [...record.aliases.entries()]
    .filter(([, version]) => opts.functionVersion === undefined || version === opts.functionVersion)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, version]): AliasConfiguration => ({
      AliasArn: `${arn}:${name}`,
      Name: name,
      FunctionVersion: version,
      Description: '',
      RevisionId: revisionId(`${arn}:${name}:${version}`),
    }));
  const page = pageAfter(
    aliases,
    (a) => a.Name,
    opts.marker,
    Math.min(opts.maxItems ?? FUNCTIONS_PAGE_LIMIT, FUNCTIONS_PAGE_LIMIT),
  );
  const out: { Aliases: AliasConfiguration[]; NextMarker?: string } = { Aliases: page.items };
  if (page.nextMarker !== undefined) out.NextMarker = page.nextMarker;
  return out;
}

/** A version-4-shaped UUID derived from `text` (deterministic RevisionId). */
function revisionId(text: string): string {
  const b = createHash('sha256').update(text).digest().subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
