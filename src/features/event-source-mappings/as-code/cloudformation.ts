/**
 * The CloudFormation export: one `AWS::Lambda::EventSourceMapping` per mapping in a YAML template,
 * written with the `yaml` library's Document API (never by string concatenation). The property
 * names come from the field registry (`REQUEST_MEMBERS[].cloudFormation`); the shapes that differ
 * from the Lambda API are converted here, after the resource's L1 types in aws-cdk-lib 2.276.0
 * (`CfnEventSourceMappingProps`, generated from the CloudFormation resource specification).
 * SAM (`sam.ts`) and the CDK (`cdk.ts`) build on {@link cloudFormationProperties}.
 */
import { Document, isMap, isScalar, Scalar, visit, type ScalarTag } from 'yaml';

import { REQUEST_MEMBERS } from '../form/request-members';
import {
  functionParameters,
  resourceNames,
  type CodeFormatOptions,
  type FunctionParameter,
  type GeneratedCode,
  type MappingCode,
} from './mapping-code';

/** A CloudFormation `Ref` in its long form; the YAML shows it as `!Ref Name`. */
export interface CfnRef {
  Ref: string;
}

/** Whether a value is exactly a {@link CfnRef} (an object whose only member is a string `Ref`). */
function isCfnRef(value: unknown): value is CfnRef {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Partial<CfnRef>).Ref === 'string'
  );
}

/**
 * The YAML tag of CloudFormation's short `!Ref` form, for the `yaml` library's `customTags`:
 * writes a {@link CfnRef} as `!Ref Name` and reads `!Ref Name` back as `{ Ref: 'Name' }`
 * (CloudFormation User Guide, "Ref": the short form is `!Ref logicalName`).
 */
const CFN_REF_TAG: ScalarTag = {
  tag: '!Ref',
  identify: isCfnRef,
  resolve: (name: string): CfnRef => ({ Ref: name }),
  createNode: (_schema, value) => {
    const node = new Scalar((value as CfnRef).Ref);
    node.tag = '!Ref';
    return node;
  },
};

/** The YAML tags CloudFormation and SAM templates use here (`!Ref`), for writing and parsing. */
export const CFN_YAML_TAGS: readonly ScalarTag[] = [CFN_REF_TAG];

/** What a template's YAML carries besides its value. */
export interface TemplateComments {
  /** Lines before the whole template (no `#`; one per entry). */
  top: readonly string[];
  /** Lines before a key, by its path (`['Resources', 'OrdersMapping']`). */
  before: ReadonlyArray<{ path: readonly string[]; lines: readonly string[] }>;
}

/**
 * Characters YAML 1.1 reads as line breaks (NEL, LS, PS) or does not allow unescaped (DEL, C1
 * controls, BOM, U+FFFE/U+FFFF; YAML 1.1 §5.1 "c-printable", §5.4 "b-char"). The `yaml` library
 * writes them raw (its double quotes are JSON's), so they are escaped as `\uXXXX` in double quotes.
 */
const UNSAFE_IN_YAML = '\\u007f-\\u009f\\u2028\\u2029\\ufeff\\ufffe\\uffff';

/**
 * Strings written double-quoted (on one line, with escapes): those with {@link UNSAFE_IN_YAML}
 * characters; those with a tab, which YAML 1.1 parsers such as PyYAML refuse in a plain scalar;
 * and those with a line break, because the `yaml` library's block scalars lose the spaces of
 * whitespace-only lines (`"\\n \\n"` is read back as `"\\n\\n"`; yaml 2.9.1).
 */
const NEEDS_DOUBLE_QUOTES = new RegExp(`[\\t\\n\\r${UNSAFE_IN_YAML}]`);

/**
 * Writes a template as YAML with comments. The document is YAML 1.1, as CloudFormation reads it,
 * so every string that YAML 1.1 would read as something else (`yes`, `on`, `12:30`, `0x1F`,
 * `2024-01-01`) is quoted, strings with a tab, a line break or an {@link UNSAFE_IN_YAML}
 * character are double-quoted on one line (those characters escaped); lines are never folded.
 * @param template the template as plain values ({@link CfnRef} for `!Ref`).
 * @param comments the comments to place (a line break inside a line becomes a space).
 * @returns the YAML text, ending with a newline. Throws `Error` when a comment path is missing.
 */
export function renderTemplateYaml(
  template: Record<string, unknown>,
  comments: TemplateComments,
): string {
  const doc = new Document(template, { version: '1.1', customTags: [...CFN_YAML_TAGS] });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && NEEDS_DOUBLE_QUOTES.test(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  // A comment line never breaks: a line break in it would end the comment (YAML 1.1 also breaks
  // at NEL, LS and PS).
  const commentLines = (lines: readonly string[]): string =>
    lines.map((line) => ` ${line.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`).join('\n');
  doc.commentBefore = commentLines(comments.top) || null;
  for (const { path, lines } of comments.before) {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const pair = isMap(parent)
      ? parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1])
      : undefined;
    if (!pair || !isScalar(pair.key)) throw new Error(`No key ${path.join('.')} in the template`);
    pair.key.commentBefore = commentLines(lines);
  }
  // Outside the double-quoted scalars above, these characters can only be in comments, where the
  // escape is harmless text.
  return doc
    .toString({ lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER })
    .replace(
      new RegExp(`[${UNSAFE_IN_YAML}]`, 'g'),
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** A property's shape in `AWS::Lambda::EventSourceMapping` (scalar, list of, or structure). */
type Shape = 'scalar' | { list: Shape } | { struct: Readonly<Record<string, Shape>> };

const struct = (members: Readonly<Record<string, Shape>>): Shape => ({ struct: members });
const listOf = (shape: Shape): Shape => ({ list: shape });
const scalars = (...names: string[]): Shape =>
  struct(Object.fromEntries(names.map((n) => [n, 'scalar' as const])));

const schemaRegistryConfig = struct({
  AccessConfigs: listOf(scalars('Type', 'URI')),
  EventRecordFormat: 'scalar',
  SchemaRegistryURI: 'scalar',
  SchemaValidationConfigs: listOf(scalars('Attribute')),
});

/**
 * The nested shapes of the resource's properties, as aws-cdk-lib 2.276.0's
 * `CfnEventSourceMapping` L1 types give them (`lambda.generated.d.ts`, and the CloudFormation
 * names in its `convert…ToCloudFormation`). Top-level properties not listed are scalars or lists
 * of scalars. A value with a member not listed here cannot be written in CloudFormation.
 */
const PROPERTY_SHAPES: Readonly<Record<string, Shape>> = {
  AmazonManagedKafkaEventSourceConfig: struct({
    ConsumerGroupId: 'scalar',
    SchemaRegistryConfig: schemaRegistryConfig,
  }),
  DestinationConfig: struct({ OnFailure: scalars('Destination') }),
  DocumentDBEventSourceConfig: scalars('CollectionName', 'DatabaseName', 'FullDocument'),
  FilterCriteria: struct({ Filters: listOf(scalars('Pattern')) }),
  LoggingConfig: scalars('SystemLogLevel'),
  MetricsConfig: struct({ Metrics: listOf('scalar') }),
  ProvisionedPollerConfig: scalars('MaximumPollers', 'MinimumPollers', 'PollerGroupName'),
  ScalingConfig: scalars('MaximumConcurrency'),
  SelfManagedEventSource: struct({
    Endpoints: struct({ KafkaBootstrapServers: listOf('scalar') }),
  }),
  SelfManagedKafkaEventSourceConfig: struct({
    ConsumerGroupId: 'scalar',
    ConsumptionMode: 'scalar',
    SchemaRegistryConfig: schemaRegistryConfig,
  }),
  SourceAccessConfigurations: listOf(scalars('Type', 'URI')),
  Tags: listOf(scalars('Key', 'Value')),
};

/** Throws when a value has a member its CloudFormation shape has not (the message names it). */
function checkShape(value: unknown, shape: Shape, path: string): void {
  if (value === null || value === undefined) return;
  if (shape === 'scalar') {
    if (typeof value === 'object' && !Array.isArray(value)) {
      throw new Error(`${path} is a structure where CloudFormation takes a value`);
    }
    if (Array.isArray(value)) value.forEach((v, i) => checkShape(v, 'scalar', `${path}[${i}]`));
    return;
  }
  if ('list' in shape) {
    if (!Array.isArray(value)) throw new Error(`${path} is not a list`);
    value.forEach((v, i) => checkShape(v, shape.list, `${path}[${i}]`));
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${path} is not a structure`);
  }
  for (const [key, v] of Object.entries(value)) {
    const member = shape.struct[key];
    if (member === undefined) {
      throw new Error(
        `${path}.${key} has no AWS::Lambda::EventSourceMapping property: CloudFormation cannot express it`,
      );
    }
    checkShape(v, member, `${path}.${key}`);
  }
}

/** Drops members whose value is `undefined` (the SDK's optional members), recursively. */
function defined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(defined);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, defined(v)]),
  );
}

/** Converts one request member's value where CloudFormation's shape differs from the API's. */
function toCloudFormationValue(name: string, value: unknown): unknown {
  switch (name) {
    case 'Tags':
      // A map in the API, a Key/Value list in CloudFormation (`Tags: List of Tag`); sorted by
      // key, as the CDK's tag manager renders them.
      return Object.entries(value as Record<string, string>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([Key, Value]) => ({ Key, Value }));
    case 'StartingPositionTimestamp':
      // A timestamp in the API, epoch seconds (Double) in CloudFormation.
      return value instanceof Date ? value.getTime() / 1000 : value;
    case 'SelfManagedEventSource': {
      // The API's Endpoints map is keyed by EndPointType; CloudFormation's Endpoints structure
      // has only KafkaBootstrapServers (the one EndPointType, KAFKA_BOOTSTRAP_SERVERS).
      const { Endpoints, ...rest } = value as { Endpoints?: Record<string, unknown> };
      if (Endpoints === undefined) return rest;
      const endpoints: Record<string, unknown> = {};
      for (const [type, servers] of Object.entries(Endpoints)) {
        if (type !== 'KAFKA_BOOTSTRAP_SERVERS') {
          throw new Error(
            `SelfManagedEventSource.Endpoints.${type} has no AWS::Lambda::EventSourceMapping property: CloudFormation cannot express it`,
          );
        }
        endpoints.KafkaBootstrapServers = servers;
      }
      return { ...rest, Endpoints: endpoints };
    }
    default:
      return value;
  }
}

/**
 * The `Properties` of the `AWS::Lambda::EventSourceMapping` that recreates a mapping, keyed by
 * the registry's `cloudFormation` names in registry order. Converted where CloudFormation differs
 * from the API (CloudFormation User Guide, `aws-resource-lambda-eventsourcemapping`; L1 types of
 * aws-cdk-lib 2.276.0): `Tags` map → `[{ Key, Value }]` sorted by key;
 * `SelfManagedEventSource.Endpoints.KAFKA_BOOTSTRAP_SERVERS` → `Endpoints.KafkaBootstrapServers`;
 * `StartingPositionTimestamp` Date → epoch seconds (a Double, fractions kept).
 * @param code the mapping.
 * @param functionName the value of `FunctionName` (the literal, or a {@link CfnRef}).
 * @returns the properties: plain values, no `undefined`.
 * @throws Error naming the member when the request has a member with a value that CloudFormation
 *   cannot express (no `cloudFormation` name, e.g. `UUID`; a nested member the resource lacks,
 *   e.g. `DestinationConfig.OnSuccess`), or a member the registry does not know.
 */
export function cloudFormationProperties(
  code: MappingCode,
  functionName: unknown,
): Record<string, unknown> {
  const request = code.request as unknown as Record<string, unknown>;
  const known = new Set<string>(REQUEST_MEMBERS.map((m) => m.name));
  for (const [name, value] of Object.entries(request)) {
    if (value !== undefined && !known.has(name)) {
      throw new Error(`${name} is not in the field registry: it has no CloudFormation property`);
    }
  }
  const properties: Record<string, unknown> = {};
  for (const member of REQUEST_MEMBERS) {
    const value = member.name === 'FunctionName' ? functionName : request[member.name];
    if (value === undefined) continue;
    if (member.cloudFormation === null) {
      throw new Error(
        `${member.name} has no AWS::Lambda::EventSourceMapping property: CloudFormation cannot express it`,
      );
    }
    if (member.name === 'FunctionName') {
      properties[member.cloudFormation] = value;
      continue;
    }
    const converted = defined(toCloudFormationValue(member.name, value));
    checkShape(converted, PROPERTY_SHAPES[member.cloudFormation] ?? 'scalar', member.name);
    properties[member.cloudFormation] = converted;
  }
  return properties;
}

// ---------------------------------------------------------------------------------------------
// The template
// ---------------------------------------------------------------------------------------------

/**
 * How each mapping's `FunctionName` is written: the literal, or a `Ref` to a `String` parameter
 * per distinct function (defaulting to the literal).
 * @returns the value per mapping (same order) and the parameters to declare (none for literals).
 */
function functionNameValues(
  mappings: readonly MappingCode[],
  options: CodeFormatOptions,
): { values: unknown[]; parameters: FunctionParameter[] } {
  if (options.functionReference === 'literal') {
    return { values: mappings.map((m) => m.request.FunctionName ?? ''), parameters: [] };
  }
  const params = functionParameters(mappings);
  const byName = new Map(params.map((p) => [p.FunctionName, p.pascal]));
  return {
    values: mappings.map((m): CfnRef => ({ Ref: byName.get(m.request.FunctionName ?? '') ?? '' })),
    parameters: params,
  };
}

/**
 * The comment lines over the template about regions. One region: `Region: us-east-1.`. Several:
 * the regions (in first-use order), and that a stack is regional (it creates its resources in the
 * region it is deployed to; `AWS::Lambda::EventSourceMapping` has no region property), so the
 * template (or the CDK construct) is to be split into a stack per region; only the comment over
 * each resource names its region.
 */
function regionLines(mappings: readonly MappingCode[], tool: 'cloudformation' | 'cdk'): string[] {
  const regions = [...new Set(mappings.map((m) => m.region))];
  if (regions.length <= 1) return [`Region: ${regions[0] ?? '-'}.`];
  const what = tool === 'cdk' ? 'This construct' : 'This template';
  const each = tool === 'cdk' ? 'mapping' : 'resource';
  return [
    `${what} has mappings of ${regions.length} regions (${regions.join(', ')}), and a stack is regional:`,
    `split it into a stack per region (the comment over each ${each} names its region).`,
  ];
}

/** The comment line over one mapping's resource: the live mapping it recreates. */
export function sourceLine(code: MappingCode): string {
  return `Exported from mapping ${code.UUID} (${code.region}, ${code.sourceType}).`;
}

/**
 * The lines that say what deploying does to the live mappings. A new stack creates new mappings,
 * and Lambda refuses a second mapping of the same source and function: Create answers
 * ResourceConflictException "An event source mapping with SQS arn … and function … already
 * exists" (reference §4, the same for streams and self-managed Kafka). When the export has a
 * Kafka mapping: its ConsumerGroupId (which the export keeps) "must be unique among all your Kafka
 * event sources" (Lambda API Reference, AmazonManagedKafkaEventSourceConfig and
 * SelfManagedKafkaEventSourceConfig), and two mappings in one group split its partitions. So the
 * live mapping is deleted first, or imported: `AWS::Lambda::EventSourceMapping` is a Cloud
 * Control resource type, whose identifier is `Id` (the mapping's UUID; `Ref` returns it), and a
 * resource import needs a `DeletionPolicy` on each imported resource (CloudFormation User Guide,
 * "Import AWS resources into a CloudFormation stack"); the CDK's `cdk import` runs that import for
 * a CDK stack. The lines are wrapped at 96 characters.
 */
function deployLines(mappings: readonly MappingCode[], tool: 'cloudformation' | 'cdk'): string[] {
  const kafka = mappings.some(
    (m) => m.sourceType === 'msk' || m.sourceType === 'self-managed-kafka',
  );
  const text = [
    'A new stack creates new mappings, and Lambda refuses a second mapping of the same source and function (ResourceConflictException)',
    kafka
      ? '. A Kafka ConsumerGroupId must also be unique among your Kafka event sources (two mappings in one group split its partitions).'
      : '.',
    tool === 'cdk'
      ? ' So delete the live mapping (UUIDs below) first, or adopt it with cdk import (a CloudFormation resource import with Id = its UUID; apply RemovalPolicy.RETAIN to the construct first).'
      : ' So delete the live mapping (UUIDs below) first, or bring it into a stack with a resource import (IaC generator, or a change set of type IMPORT with Id = its UUID; the resource needs a DeletionPolicy).',
  ].join('');
  return wrapWords(text, 96);
}

/** Words joined into lines of at most `width` characters (a longer word has a line of its own). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The comment lines that open every export: what wrote it (naming the format when given), the
 * region of the mappings (or, when they span regions, that a stack is regional), and what
 * deploying does to the live mappings ({@link deployLines}: Lambda refuses a duplicate, so delete
 * or import the live one).
 * @param mappings the exported mappings (at least one).
 * @param format the format's name for the first line (`AWS SAM`), or none.
 * @param tool what deploys it: a CloudFormation or SAM template (`cloudformation`, the default),
 *   or a CDK app (`cdk`, which imports with `cdk import`).
 * @returns the lines, without a comment marker.
 */
export function headerLines(
  mappings: readonly MappingCode[],
  format?: string,
  tool: 'cloudformation' | 'cdk' = 'cloudformation',
): string[] {
  const by = format === undefined ? '' : ` (${format})`;
  return [
    `Generated by lambda-esm-console from live event source mappings${by}.`,
    ...regionLines(mappings, tool),
    ...deployLines(mappings, tool),
  ];
}

/** What {@link renderMappingsTemplate} writes besides the template's head. */
export interface MappingsTemplate {
  /** The format's name in the first comment line ({@link headerLines}), or none. */
  format?: string;
  /** The template's `Transform` (SAM's `AWS::Serverless-2016-10-31`), or none. */
  transform?: string;
  /** The function-name parameters to declare, in order; none leaves `Parameters` out. */
  parameters: readonly FunctionParameter[];
  /** The `Resources` section. */
  resources: Record<string, unknown>;
  /** The comment lines over keys of the template (each resource's {@link sourceLine}…). */
  comments: TemplateComments['before'];
}

/**
 * A CloudFormation (or SAM) template of the mappings as YAML ({@link renderTemplateYaml}): the
 * {@link headerLines} as comments, `AWSTemplateFormatVersion: "2010-09-09"`, the `Transform` if
 * any, a `Description` with the number of mappings, a `String` parameter per function name
 * (`Default` the literal) if any, then the `Resources`.
 * @param mappings the exported mappings (at least one).
 * @param template the rest of the template.
 * @returns the YAML text, ending with a line break.
 */
export function renderMappingsTemplate(
  mappings: readonly MappingCode[],
  template: MappingsTemplate,
): string {
  const { format, transform, parameters, resources, comments } = template;
  const count =
    mappings.length === 1
      ? 'A Lambda event source mapping'
      : `${mappings.length} Lambda event source mappings`;
  const body: Record<string, unknown> = {
    AWSTemplateFormatVersion: '2010-09-09',
    ...(transform === undefined ? {} : { Transform: transform }),
    Description: `${count} exported by lambda-esm-console`,
    ...(parameters.length
      ? {
          Parameters: Object.fromEntries(
            parameters.map((p) => [
              p.pascal,
              {
                Type: 'String',
                Default: p.FunctionName,
                Description: 'FunctionName (name, ARN or qualified name) the mappings invoke.',
              },
            ]),
          ),
        }
      : {}),
    Resources: resources,
  };
  return renderTemplateYaml(body, { top: headerLines(mappings, format), before: comments });
}

/**
 * A CloudFormation template (YAML) that recreates the mappings: `AWSTemplateFormatVersion`,
 * `Description`, with `functionReference: 'reference'` a `String` parameter per distinct function
 * (`Default` the literal) and `FunctionName: !Ref <Parameter>`, and one
 * `AWS::Lambda::EventSourceMapping` per mapping under its `resourceNames` logical ID, with a
 * comment naming the live mapping's UUID and region (and, when the mappings span regions, one
 * saying a stack is regional).
 * @param mappings the mappings, in export order (at least one).
 * @param options how `FunctionName` is written.
 * @returns `event-source-mappings.yaml`, `text/yaml`.
 * @throws Error naming the member when a mapping has one CloudFormation cannot express
 *   ({@link cloudFormationProperties}).
 */
export function toCloudFormation(
  mappings: readonly MappingCode[],
  options: CodeFormatOptions,
): GeneratedCode {
  const names = resourceNames(mappings);
  const { values, parameters } = functionNameValues(mappings, options);
  const resources: Record<string, unknown> = {};
  mappings.forEach((code, i) => {
    resources[names[i]?.logicalId ?? ''] = {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: cloudFormationProperties(code, values[i]),
    };
  });
  const text = renderMappingsTemplate(mappings, {
    parameters,
    resources,
    comments: mappings.map((code, i) => ({
      path: ['Resources', names[i]?.logicalId ?? ''],
      lines: [sourceLine(code)],
    })),
  });
  return { text, fileName: 'event-source-mappings.yaml', mediaType: 'text/yaml' };
}
