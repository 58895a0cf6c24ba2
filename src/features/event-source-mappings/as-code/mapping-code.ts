/**
 * What every "as code" export reads, and the names they share. A live mapping is first turned into
 * a {@link MappingCode} — the CreateEventSourceMapping request that recreates it (`recreate-request.ts`)
 * plus where it lives — and each format (`cli.ts`, `cloudformation.ts`, `sam.ts`, `terraform.ts`,
 * `cdk.ts`) renders a list of them. Member names per format come from the field registry
 * (`form/request-members.ts`: `cloudFormation`, `terraform`).
 */
import type { CreateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';

import { describeEventSource } from '../event-source';
import { parseFunctionName } from '../function-arn';
import type { SourceType } from '../form/source-limits';

/** One mapping, ready for export. */
export interface MappingCode {
  /** The live mapping's `UUID` (Terraform's import ID; a suffix of resource names when needed). */
  UUID: string;
  /** The region the mapping lives in (`us-east-1`). */
  region: string;
  /** Its source type, from `sourceTypeOfMapping`. */
  sourceType: SourceType;
  /**
   * The CreateEventSourceMapping request that recreates it: no read-only member, `FunctionName`
   * with its qualifier (from `FunctionArn`), `Enabled` from `State`, `Tags` from ListTags (absent
   * when it has none).
   */
  request: CreateEventSourceMappingCommandInput;
}

/** The formats of the "as code" panel, in tab order. */
export const CODE_FORMATS = [
  'cli',
  'cli-input-json',
  'cloudformation',
  'sam',
  'terraform',
  'cdk',
] as const;

/** One export format. */
export type CodeFormat = (typeof CODE_FORMATS)[number];

/** How a format writes the function each mapping invokes. */
export type FunctionReferenceStyle =
  /** The `FunctionName` as the mapping has it (`orders-processor:live`). */
  | 'literal'
  /**
   * A parameter / variable / prop per distinct function, defaulting to the literal, so the code
   * drops into a stack that owns the function (CloudFormation `Parameters` + `!Ref`, Terraform
   * `variable` + `var.…`, a CDK prop, a shell variable).
   */
  | 'reference';

/** Options every format takes. */
export interface CodeFormatOptions {
  functionReference: FunctionReferenceStyle;
}

/** A rendered export. */
export interface GeneratedCode {
  /** The whole text (ends with a newline). */
  text: string;
  /**
   * The format's plain file name (`event-source-mappings.tf`), its extension the download's; the
   * panel downloads it named by `exportFileName` (`event-source-mappings-<region>-terraform-<UTC
   * time>.tf`).
   */
  fileName: string;
  /** The media type for Download (`text/yaml`, `application/json`…). */
  mediaType: string;
}

/** A function a mapping invokes, and the parameter names formats give it. */
export interface FunctionParameter {
  /** The literal `FunctionName`, qualifier included. */
  FunctionName: string;
  /** PascalCase, unique in the export: CloudFormation/SAM parameter, CDK prop (camelCased). */
  pascal: string;
  /** snake_case, unique in the export: Terraform variable, shell variable (upper-cased). */
  snake: string;
}

/** Names of one mapping's resource in the export. */
export interface ResourceNames {
  /** CloudFormation logical ID / CDK construct ID: `[A-Za-z0-9]+`, unique in the export. */
  logicalId: string;
  /** Terraform resource name: `[a-z_][a-z0-9_]*`, unique in the export. */
  identifier: string;
}

const words = (text: string): string[] => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
const pascal = (parts: readonly string[]): string =>
  parts.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
const snake = (parts: readonly string[]): string => parts.map((w) => w.toLowerCase()).join('_');

/** Makes names unique by appending 2, 3… to repeats (first one keeps its name). */
function uniquify(names: readonly string[], join: (name: string, n: number) => string): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : join(name, count);
  });
}

/**
 * Resource names for each mapping, from its function name and its source's resource name
 * (`orders-processor` + `orders-queue` → `OrdersProcessorOrdersQueueMapping` /
 * `orders_processor_orders_queue`), unique within the list (repeats get `2`, `3`…), safe for
 * CloudFormation logical IDs (alphanumeric) and Terraform identifiers (start with a letter).
 * @param mappings the exported mappings, in export order.
 * @returns one entry per mapping, same order. Never throws.
 */
export function resourceNames(mappings: readonly MappingCode[]): ResourceNames[] {
  const parts = mappings.map((m) => {
    const fn = parseFunctionName(m.request.FunctionName ?? '')?.name ?? m.request.FunctionName;
    const source = describeEventSource(m.request).resourceName.replace(/ \+\d+ more$/, '');
    const all = [...words(fn ?? ''), ...words(source === '-' ? '' : source)];
    return all.length ? all : ['event', 'source'];
  });
  const lead = (w: string[]): string[] => (/^[A-Za-z]/.test(w[0] ?? '') ? w : ['m', ...w]);
  const logical = uniquify(
    parts.map((w) => `${pascal(lead(w))}Mapping`),
    (n, i) => `${n}${i}`,
  );
  const identifiers = uniquify(
    parts.map((w) => snake(lead(w))),
    (n, i) => `${n}_${i}`,
  );
  return mappings.map((_, i) => ({
    logicalId: logical[i] ?? '',
    identifier: identifiers[i] ?? '',
  }));
}

/**
 * The distinct functions the mappings invoke, in first-use order, with parameter names
 * (`orders-processor:live` → `OrdersProcessorLiveFunctionName` / `orders_processor_live_function_name`).
 * @param mappings the exported mappings.
 * @returns one entry per distinct `FunctionName`. Never throws.
 */
export function functionParameters(mappings: readonly MappingCode[]): FunctionParameter[] {
  const names = [...new Set(mappings.map((m) => m.request.FunctionName ?? ''))];
  const parts = names.map((name) => {
    const ref = parseFunctionName(name);
    const w = words(ref ? [ref.name, ref.qualifier ?? ''].join(' ') : name);
    return /^[A-Za-z]/.test(w[0] ?? '') ? w : ['fn', ...w];
  });
  const pascals = uniquify(
    parts.map((w) => `${pascal(w)}FunctionName`),
    (n, i) => `${n}${i}`,
  );
  const snakes = uniquify(
    parts.map((w) => `${snake(w)}_function_name`),
    (n, i) => `${n}_${i}`,
  );
  return names.map((FunctionName, i) => ({
    FunctionName,
    pascal: pascals[i] ?? '',
    snake: snakes[i] ?? '',
  }));
}
