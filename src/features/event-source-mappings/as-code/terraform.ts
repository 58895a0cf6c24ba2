/**
 * The Terraform export: HCL for the AWS provider's `aws_lambda_event_source_mapping` resource, one
 * per mapping, each with an `import` block so `terraform plan` adopts the live mapping.
 *
 * Shapes follow hashicorp/aws {@link TERRAFORM_PROVIDER_VERSION}: the resource's documentation
 * (website/docs/r/lambda_event_source_mapping.html.markdown of the 6.x line, with `region`), the
 * CHANGELOG through 6.31.0 (`provisioned_poller_config.poller_group_name` since 6.28.0; no
 * `logging_config`) and the schema's kinds (internal/service/lambda/event_source_mapping.go: blocks
 * are lists of MaxItems 1 except the `source_access_configuration` and `filter` sets; `topics` and
 * `function_response_types` are string sets, `queues` a string list): nested structures are blocks
 * (`destination_config { on_failure { destination_arn } }`, `filter_criteria { filter { pattern } }`
 * one `filter` per filter, one `source_access_configuration { type, uri }` per entry…),
 * `self_managed_event_source.endpoints` is a map of comma-joined strings, `tags` a map,
 * `topics`/`queues`/`function_response_types` lists, `starting_position_timestamp` RFC 3339, and
 * the top-level `region` argument (provider 6.0 and later, "Enhanced Region Support") pins each
 * resource to its mapping's region. Argument names come from the field registry
 * (`form/request-members.ts`, `terraform`). What the provider cannot express is kept as a
 * `# not expressible …` comment carrying the value, never dropped silently.
 *
 * HCL is written by a small emitter with tested string escaping ({@link hclString}): HashiCorp has
 * no JavaScript HCL writer (`@cdktf/hcl2json` only parses; the tests use it to read the output back).
 */
import type { CreateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';

import { REQUEST_MEMBER_BY_NAME, REQUEST_MEMBERS } from '../form/request-members';
import type { RequestMemberName } from '../form/request-members';
import { functionParameters, resourceNames } from './mapping-code';
import type { CodeFormatOptions, GeneratedCode, MappingCode } from './mapping-code';

/** The hashicorp/aws provider release whose documentation and schema this export follows. */
export const TERRAFORM_PROVIDER_VERSION = '6.31.0';

/** The Terraform resource type written. */
export const TERRAFORM_RESOURCE_TYPE = 'aws_lambda_event_source_mapping';

/**
 * Request members, or members of nested structures, that `aws_lambda_event_source_mapping` has no
 * argument for in provider {@link TERRAFORM_PROVIDER_VERSION} (its schema and CHANGELOG): they are
 * written as `# not expressible in provider v…: <Member> = <value>` comments.
 * - `LoggingConfig` (ESM system logs): no `logging_config` argument.
 * - `DestinationConfig.OnSuccess`: the `destination_config` block has `on_failure` only.
 * - `SelfManagedKafkaEventSourceConfig.ConsumptionMode`: its block has `consumer_group_id` and
 *   `schema_registry_config` only.
 */
export const TERRAFORM_NOT_EXPRESSIBLE = [
  'LoggingConfig',
  'DestinationConfig.OnSuccess',
  'SelfManagedKafkaEventSourceConfig.ConsumptionMode',
] as const;

// ---------------------------------------------------------------------------------------------
// HCL text
// ---------------------------------------------------------------------------------------------

/**
 * A quoted HCL string literal that Terraform reads back as exactly `value`, with nothing
 * interpolated (HCL native syntax spec, "Template Expressions" and "Quoted Templates"): `"` → `\"`,
 * `\` → `\\`, newline → `\n`, CR → `\r`, tab → `\t`, other C0/C1 controls, DEL and the line and
 * paragraph separators U+2028/U+2029 (line breaks to editors, not to HCL) → `\uXXXX`, and
 * the template introducers `${` → `$${` and `%{` → `%%{` (a `$` or `%` not followed by `{` stays).
 * @param value any string.
 * @returns the literal, quotes included. Never throws.
 */
export function hclString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if ((ch === '$' || ch === '%') && value.charAt(i + 1) === '{') {
      out += `${ch}${ch}{`;
      i++;
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** HCL identifiers (spec: ID_Start, then ID_Continue or `-`), ASCII subset. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * An object key: bare when it is an identifier other than `true`/`false`/`null` (which HCL reads
 * as literals), quoted with {@link hclString} otherwise (`"aws:cloudformation:stack-name"`).
 * @param key the key.
 * @returns the key as HCL. Never throws.
 */
export function hclKey(key: string): string {
  return IDENTIFIER.test(key) && !['true', 'false', 'null'].includes(key) ? key : hclString(key);
}

/** One line of a body. */
type Item =
  | { kind: 'attr'; key: string; value: string }
  | { kind: 'map'; key: string; entries: readonly (readonly [string, string])[] }
  | { kind: 'block'; type: string; labels: readonly string[]; body: readonly Item[] }
  | { kind: 'comment'; text: string }
  | { kind: 'blank' };

const attr = (key: string, value: string): Item => ({ kind: 'attr', key, value });
const block = (type: string, body: readonly Item[], labels: readonly string[] = []): Item => ({
  kind: 'block',
  type,
  labels,
  body,
});
const comment = (text: string): Item => ({ kind: 'comment', text });

/** Aligns the `=` of runs of consecutive one-line attributes, as `terraform fmt` does. */
function alignedAttrs(items: readonly Item[], start: number, pad: string): [string[], number] {
  let end = start;
  while (end < items.length && items[end]?.kind === 'attr') end++;
  const run = items.slice(start, end) as Extract<Item, { kind: 'attr' }>[];
  const width = Math.max(...run.map((a) => a.key.length));
  return [run.map((a) => `${pad}${a.key.padEnd(width)} = ${a.value}`), end];
}

function renderItems(items: readonly Item[], depth: number): string[] {
  const pad = '  '.repeat(depth);
  const lines: string[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i];
    if (!item) break;
    switch (item.kind) {
      case 'attr': {
        const [run, end] = alignedAttrs(items, i, pad);
        lines.push(...run);
        i = end;
        continue;
      }
      case 'map': {
        if (item.entries.length === 0) {
          lines.push(`${pad}${item.key} = {}`);
          break;
        }
        const keys = item.entries.map(([k]) => hclKey(k));
        const width = Math.max(...keys.map((k) => k.length));
        lines.push(`${pad}${item.key} = {`);
        item.entries.forEach(([, v], n) => {
          lines.push(`${pad}  ${(keys[n] ?? '').padEnd(width)} = ${v}`);
        });
        lines.push(`${pad}}`);
        break;
      }
      case 'block': {
        const head = [item.type, ...item.labels.map(hclString)].join(' ');
        if (item.body.length === 0) lines.push(`${pad}${head} {}`);
        else lines.push(`${pad}${head} {`, ...renderItems(item.body, depth + 1), `${pad}}`);
        break;
      }
      case 'comment':
        lines.push(`${pad}# ${item.text}`);
        break;
      case 'blank':
        lines.push('');
        break;
    }
    i++;
  }
  return lines;
}

/**
 * Joins items, putting a blank line between groups the way the provider's examples read:
 * one-line attributes together, then each multi-line attribute and each block apart.
 */
function spaced(groups: readonly (readonly Item[])[]): Item[] {
  const out: Item[] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    if (out.length > 0) out.push({ kind: 'blank' });
    out.push(...group);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

const str = (v: string): string => hclString(v);
const list = (values: readonly string[]): string => `[${values.map(str).join(', ')}]`;

/** RFC 3339 in UTC; whole seconds without a fraction, as the provider writes it back. */
function rfc3339(value: Date | string | number): string {
  return new Date(value).toISOString().replace(/\.000Z$/, 'Z');
}

/** A one-line, comment-safe rendering of an API value (JSON; dates as RFC 3339). */
function commentValue(value: unknown): string {
  const json = JSON.stringify(value, (_k, v: unknown) => (v instanceof Date ? rfc3339(v) : v)) as
    string | undefined;
  // JSON.stringify escapes CR and LF; U+2028/2029 and NEL are not HCL line ends, but are escaped
  // here so no editor shows the comment broken.
  return (json ?? String(value)).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A scalar as an HCL literal, or `undefined` when it is not a string, number or boolean. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return str(rfc3339(value));
  return undefined;
}

/** Attributes for the set members of a structure: `[tfName, apiName]` pairs, in that order. */
function attrsOf<T extends object>(
  source: T | undefined,
  pairs: readonly (readonly [string, keyof T & string])[],
): Item[] {
  const items: Item[] = [];
  for (const [tf, api] of pairs) {
    const value = scalar(source?.[api]);
    if (value !== undefined) items.push(attr(tf, value));
  }
  return items;
}

type Request = CreateEventSourceMappingCommandInput;

/** What a member renders to: attributes/maps (go first), blocks, and not-expressible comments. */
interface Rendered {
  attrs?: Item[];
  maps?: Item[];
  blocks?: Item[];
  notExpressible?: string[];
  /** Other remarks (comments) about what the provider will make of it. */
  notes?: string[];
}

/** The provider's most `filter_criteria.filter` blocks (documentation: "Set of up to 5 filter"). */
const MAX_FILTERS = 5;

const notExpressible = (path: string, value: unknown): string =>
  `not expressible in provider v${TERRAFORM_PROVIDER_VERSION}: ${path} = ${commentValue(value)}`;

/** The schema registry block of both Kafka configs (provider 6.x `schema_registry_config`). */
function schemaRegistryBlock(
  config: NonNullable<Request['AmazonManagedKafkaEventSourceConfig']>['SchemaRegistryConfig'],
): Item[] {
  if (!config) return [];
  return [
    block('schema_registry_config', [
      ...attrsOf(config, [
        ['event_record_format', 'EventRecordFormat'],
        ['schema_registry_uri', 'SchemaRegistryURI'],
      ]),
      ...(config.AccessConfigs ?? []).map((c) =>
        block(
          'access_config',
          attrsOf(c, [
            ['type', 'Type'],
            ['uri', 'URI'],
          ]),
        ),
      ),
      ...(config.SchemaValidationConfigs ?? []).map((c) =>
        block('schema_validation_config', attrsOf(c, [['attribute', 'Attribute']])),
      ),
    ]),
  ];
}

/**
 * Bespoke shapes, per request member, with the argument name from the registry (`tf`). Members
 * missing here are written generically (a scalar or a list of strings) or, if structured, as a
 * not-expressible comment (which the registry test reports).
 */
const RENDERERS: Partial<
  Record<RequestMemberName, (value: never, tf: string, member: string) => Rendered>
> = {
  StartingPositionTimestamp: (value: Date, tf) => ({ attrs: [attr(tf, str(rfc3339(value)))] }),
  Tags: (value: Record<string, string>, tf) => ({
    maps: [
      {
        kind: 'map',
        key: tf,
        entries: Object.entries(value).map(([k, v]) => [k, str(v)] as const),
      },
    ],
  }),
  FilterCriteria: (value: NonNullable<Request['FilterCriteria']>, tf) => {
    const filters = value.Filters ?? [];
    return {
      blocks: [
        block(
          tf,
          filters.map((f) => block('filter', attrsOf(f, [['pattern', 'Pattern']]))),
        ),
      ],
      // Lambda takes up to 10 with a raised quota; the provider's `filter` set stops at 5
      // (documentation: "Set of up to 5 filter"), so terraform validate will say so.
      notes:
        filters.length > MAX_FILTERS
          ? [
              `note: provider v${TERRAFORM_PROVIDER_VERSION} accepts at most ${MAX_FILTERS} filter blocks; this mapping has ${filters.length}`,
            ]
          : [],
    };
  },
  DestinationConfig: (value: NonNullable<Request['DestinationConfig']>, tf, member) => {
    // `on_failure.destination_arn` is Required in the provider's schema: an `OnFailure: {}` (as
    // Lambda echoes "no destination") is left out rather than written as an invalid empty block.
    const onFailure = value.OnFailure?.Destination === undefined ? undefined : value.OnFailure;
    return {
      blocks: [
        block(
          tf,
          onFailure
            ? [block('on_failure', attrsOf(onFailure, [['destination_arn', 'Destination']]))]
            : [],
        ),
      ],
      notExpressible:
        value.OnSuccess === undefined
          ? []
          : [notExpressible(`${member}.OnSuccess`, value.OnSuccess)],
    };
  },
  SourceAccessConfigurations: (value: NonNullable<Request['SourceAccessConfigurations']>, tf) => ({
    blocks: value.map((c) =>
      block(
        tf,
        attrsOf(c, [
          ['type', 'Type'],
          ['uri', 'URI'],
        ]),
      ),
    ),
  }),
  SelfManagedEventSource: (value: NonNullable<Request['SelfManagedEventSource']>, tf) => ({
    blocks: [
      block(tf, [
        {
          kind: 'map',
          key: 'endpoints',
          // The provider's `endpoints` is a map of strings: "the value should be a string with a
          // comma separated list of broker endpoints" (provider documentation).
          entries: Object.entries(value.Endpoints ?? {}).map(
            ([k, servers]) => [k, str((servers ?? []).join(','))] as const,
          ),
        },
      ]),
    ],
  }),
  AmazonManagedKafkaEventSourceConfig: (
    value: NonNullable<Request['AmazonManagedKafkaEventSourceConfig']>,
    tf,
  ) => ({
    blocks: [
      block(tf, [
        ...attrsOf(value, [['consumer_group_id', 'ConsumerGroupId']]),
        ...schemaRegistryBlock(value.SchemaRegistryConfig),
      ]),
    ],
  }),
  SelfManagedKafkaEventSourceConfig: (
    value: NonNullable<Request['SelfManagedKafkaEventSourceConfig']>,
    tf,
    member,
  ) => ({
    blocks: [
      block(tf, [
        ...attrsOf(value, [['consumer_group_id', 'ConsumerGroupId']]),
        ...schemaRegistryBlock(value.SchemaRegistryConfig),
      ]),
    ],
    notExpressible:
      value.ConsumptionMode === undefined
        ? []
        : [notExpressible(`${member}.ConsumptionMode`, value.ConsumptionMode)],
  }),
  ScalingConfig: (value: NonNullable<Request['ScalingConfig']>, tf) => ({
    blocks: [block(tf, attrsOf(value, [['maximum_concurrency', 'MaximumConcurrency']]))],
  }),
  DocumentDBEventSourceConfig: (
    value: NonNullable<Request['DocumentDBEventSourceConfig']>,
    tf,
  ) => ({
    blocks: [
      block(
        tf,
        attrsOf(value, [
          ['database_name', 'DatabaseName'],
          ['collection_name', 'CollectionName'],
          ['full_document', 'FullDocument'],
        ]),
      ),
    ],
  }),
  MetricsConfig: (value: NonNullable<Request['MetricsConfig']>, tf) => ({
    blocks: [block(tf, value.Metrics ? [attr('metrics', list(value.Metrics))] : [])],
  }),
  ProvisionedPollerConfig: (value: NonNullable<Request['ProvisionedPollerConfig']>, tf) => ({
    blocks: [
      block(
        tf,
        attrsOf(value, [
          ['minimum_pollers', 'MinimumPollers'],
          ['maximum_pollers', 'MaximumPollers'],
          ['poller_group_name', 'PollerGroupName'],
        ]),
      ),
    ],
  }),
};

/** Renders one member generically: a scalar attribute or a list of strings. */
function renderGeneric(value: unknown, tf: string, member: string): Rendered {
  const one = scalar(value);
  if (one !== undefined) return { attrs: [attr(tf, one)] };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return { attrs: [attr(tf, list(value))] };
  }
  return { notExpressible: [notExpressible(member, value)] };
}

/** The body of one mapping's resource. */
function resourceBody(mapping: MappingCode, functionName: string): Item[] {
  const request = mapping.request as unknown as Readonly<Record<string, unknown>>;
  const attrs: Item[] = [];
  const maps: Item[] = [];
  const blocks: Item[] = [];
  const notes: string[] = [];
  // Registry order, then anything the registry does not know (kept as a comment).
  const known = REQUEST_MEMBERS.map((m) => m.name as string);
  const names = [...known, ...Object.keys(request).filter((k) => !known.includes(k))];
  for (const name of names) {
    const value = request[name];
    if (value === undefined || value === null) continue;
    const member = REQUEST_MEMBER_BY_NAME.get(name as RequestMemberName);
    const tf = member?.terraform;
    if (!member || !tf) {
      notes.push(notExpressible(name, value));
      continue;
    }
    if (name === 'FunctionName') {
      attrs.push(attr(tf, functionName));
      continue;
    }
    const render = RENDERERS[member.name] as
      ((value: unknown, tf: string, member: string) => Rendered) | undefined;
    const out = render ? render(value, tf, name) : renderGeneric(value, tf, name);
    attrs.push(...(out.attrs ?? []));
    maps.push(...(out.maps ?? []));
    blocks.push(...(out.blocks ?? []));
    notes.push(...(out.notExpressible ?? []), ...(out.notes ?? []));
  }
  // `region` (provider 6.0+, "Enhanced Region Support") right after the identity arguments.
  const identity = attrs.filter(
    (a) => a.kind === 'attr' && (a.key === 'function_name' || a.key === 'event_source_arn'),
  );
  const rest = attrs.filter((a) => !identity.includes(a));
  return spaced([
    notes.map(comment),
    [...identity, attr('region', str(mapping.region)), ...rest],
    ...maps.map((m) => [m]),
    ...blocks.map((b) => [b]),
  ]);
}

/**
 * Renders mappings as Terraform HCL: a header comment saying what the import blocks do (in the
 * singular for one mapping) and naming the provider version, then per mapping a
 * `resource "aws_lambda_event_source_mapping" "<identifier>"` (identifier from
 * `resourceNames`) with its `region` and the arguments of its request (registry names, provider
 * shapes), and an `import { to = …, id = "<UUID>@<region>" }` block (the provider's Enhanced
 * Region Support guide: "To import a resource in a specific Region, append `@<region>` to the
 * import ID", so the import finds the mapping whatever the provider's default region). With
 * `functionReference: 'reference'`, each distinct function becomes
 * `variable "<snake>" { type = string, default = "<FunctionName>" }` and the resources say
 * `function_name = var.<snake>`. Members the provider cannot express
 * ({@link TERRAFORM_NOT_EXPRESSIBLE}, or any member without a Terraform name) become
 * `# not expressible in provider v<version>: <Member> = <JSON value>` comments in the resource;
 * more filters than the provider's 5 get a `# note:` saying so (all are written).
 * @param mappings the mappings, in export order.
 * @param options how the function is written.
 * @returns the text (ending in a newline), `event-source-mappings.tf`, `text/plain`. Never throws.
 */
export function toTerraform(
  mappings: readonly MappingCode[],
  options: CodeFormatOptions,
): GeneratedCode {
  const names = resourceNames(mappings);
  const parameters = functionParameters(mappings);
  const variableOf = new Map(parameters.map((p) => [p.FunctionName, p.snake]));
  const reference = options.functionReference === 'reference';

  const header: Item[] = [
    comment(
      mappings.length === 1
        ? 'A Lambda event source mapping with an import block: terraform plan adopts the live mapping instead of creating a new one.'
        : `${mappings.length} Lambda event source mappings, each with an import block: terraform plan adopts the live mappings instead of creating new ones.`,
    ),
    comment(
      `Written for the hashicorp/aws provider ${TERRAFORM_PROVIDER_VERSION} (the region argument and the @region import ID need 6.0 or later) and Terraform 1.5 or later (import blocks).`,
    ),
  ];
  const variables = reference
    ? parameters.map((p) =>
        block(
          'variable',
          [attr('type', 'string'), attr('default', str(p.FunctionName))],
          [p.snake],
        ),
      )
    : [];
  const resources = mappings.flatMap((mapping, i) => {
    const identifier = names[i]?.identifier ?? `mapping_${i + 1}`;
    const literal = mapping.request.FunctionName ?? '';
    const functionName = reference ? `var.${variableOf.get(literal) ?? ''}` : str(literal);
    return [
      block('resource', resourceBody(mapping, functionName), [TERRAFORM_RESOURCE_TYPE, identifier]),
      block('import', [
        attr('to', `${TERRAFORM_RESOURCE_TYPE}.${identifier}`),
        attr('id', str(`${mapping.UUID}@${mapping.region}`)),
      ]),
    ];
  });
  const items = spaced([header, ...variables.map((v) => [v]), ...resources.map((r) => [r])]);
  return {
    text: `${renderItems(items, 0).join('\n')}\n`,
    fileName: 'event-source-mappings.tf',
    mediaType: 'text/plain',
  };
}
