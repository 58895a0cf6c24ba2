/**
 * The CDK export: a TypeScript construct with one `CfnEventSourceMapping` (aws-cdk-lib
 * `aws-lambda` L1) per mapping, whose props are the camelCase of {@link cloudFormationProperties}
 * — so `cdk synth` yields the CloudFormation export's properties (test/as-code/cdk-synth.test.ts).
 * Strings are written as `JSON.stringify`'d literals (double-quoted TypeScript strings, which never
 * interpolate `${`), never pasted into code.
 */
import { cloudFormationProperties, headerLines, sourceLine } from './cloudformation';
import {
  functionParameters,
  resourceNames,
  type CodeFormatOptions,
  type GeneratedCode,
  type MappingCode,
} from './mapping-code';

/**
 * A CloudFormation property name as the CDK's L1 props spell it (jsii's camelCase, as in
 * `lambda.generated.d.ts`): words split at case changes, an upper-case run being one word
 * (`DocumentDBEventSourceConfig` → `documentDbEventSourceConfig`, `SchemaRegistryURI` →
 * `schemaRegistryUri`, `URI` → `uri`, `KmsKeyArn` → `kmsKeyArn`).
 */
export function cdkPropName(cloudFormationName: string): string {
  const words = cloudFormationName.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [
    cloudFormationName,
  ];
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

/** TypeScript source to be written as is (an expression). */
class TsExpression {
  constructor(readonly code: string) {}
}

/**
 * A string as a TypeScript literal: `JSON.stringify`'s double-quoted form (valid TypeScript, no
 * interpolation), with U+2028/U+2029 escaped as well so the line stays one line in any editor.
 */
export function tsString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The CloudFormation properties with CDK prop names, recursively (Tags' Key/Value too). */
function toCdkProps(value: unknown): unknown {
  if (value instanceof TsExpression) return value;
  if (Array.isArray(value)) return value.map(toCdkProps);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [cdkPropName(key), toCdkProps(v)]),
    );
  }
  return value;
}

const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

/** Writes a value as a TypeScript expression, indented for the given depth (2 spaces each). */
function tsValue(value: unknown, depth: number): string {
  if (value instanceof TsExpression) return value.code;
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} is not a number CloudFormation takes`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  const pad = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (Array.isArray(value)) {
    const items = value.map((v) => tsValue(v, depth + 1));
    const inline = `[${items.join(', ')}]`;
    if (value.every(isScalar) && inline.length + pad.length <= 80) return inline;
    return `[\n${items.map((i) => `${pad}${i},`).join('\n')}\n${close}]`;
  }
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${k}: ${tsValue(v, depth + 1)}`);
    if (!members.length) return '{}';
    const inline = `{ ${members.join(', ')} }`;
    if (Object.values(value).every(isScalar) && inline.length + pad.length <= 80) return inline;
    return `{\n${members.map((m) => `${pad}${m},`).join('\n')}\n${close}}`;
  }
  throw new Error(`Cannot write ${String(value)} in TypeScript`);
}

/** Text for a `//` or JSDoc comment: one line (no JavaScript line terminator), no comment closer. */
const commentText = (text: string): string =>
  text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '*\\/');

/**
 * A TypeScript module (CDK v2) with an exported construct `EventSourceMappings` whose constructor
 * creates one `new CfnEventSourceMapping(this, '<logicalId>', { … })` per mapping, the props being
 * the camelCase of {@link cloudFormationProperties} (tags as `{ key, value }`); each with a
 * comment naming the live mapping's UUID and region. With `functionReference: 'reference'`, an
 * `EventSourceMappingsProps` interface with one optional `readonly <camel>FunctionName: string`
 * per function, each defaulting to the literal. Mappings from several regions get a comment that
 * a stack is regional.
 * @param mappings the mappings, in export order (at least one).
 * @param options how function names are written.
 * @returns `event-source-mappings.ts`, `text/typescript`.
 * @throws Error naming the member when a mapping has one CloudFormation cannot express.
 */
export function toCdk(mappings: readonly MappingCode[], options: CodeFormatOptions): GeneratedCode {
  const names = resourceNames(mappings);
  const params = functionParameters(mappings).map((p) => ({
    ...p,
    prop: cdkPropName(p.pascal),
  }));
  const reference = options.functionReference === 'reference';
  const propOf = new Map(params.map((p) => [p.FunctionName, p.prop]));

  const statements = mappings.map((code, i) => {
    const fn = code.request.FunctionName ?? '';
    const functionName = reference
      ? new TsExpression(`props.${propOf.get(fn) ?? ''} ?? ${tsString(fn)}`)
      : fn;
    const props = toCdkProps(cloudFormationProperties(code, functionName));
    return [
      `    // ${commentText(sourceLine(code))}`,
      `    new CfnEventSourceMapping(this, ${tsString(names[i]?.logicalId ?? '')}, ${tsValue(props, 2)});`,
    ].join('\n');
  });

  const header = headerLines(mappings, 'AWS CDK v2, TypeScript', 'cdk').map(
    (line) => `// ${commentText(line)}`,
  );

  const propsInterface = reference
    ? [
        '/** The functions the mappings invoke; each defaults to the FunctionName the mapping had. */',
        'export interface EventSourceMappingsProps {',
        ...params.flatMap((p) => [
          `  /** FunctionName (name, ARN or qualified name). Default: ${commentText(tsString(p.FunctionName))}. */`,
          `  readonly ${p.prop}?: string;`,
        ]),
        '}',
        '',
      ]
    : [];

  const text = [
    ...header,
    "import { CfnEventSourceMapping } from 'aws-cdk-lib/aws-lambda';",
    "import { Construct } from 'constructs';",
    '',
    ...propsInterface,
    `/** ${mappings.length === 1 ? 'The exported event source mapping (a CfnEventSourceMapping).' : `The ${mappings.length} exported event source mappings, one CfnEventSourceMapping each.`} */`,
    'export class EventSourceMappings extends Construct {',
    reference
      ? '  constructor(scope: Construct, id: string, props: EventSourceMappingsProps = {}) {'
      : '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    '',
    statements.join('\n\n'),
    '  }',
    '}',
    '',
  ].join('\n');
  return { text, fileName: 'event-source-mappings.ts', mediaType: 'text/typescript' };
}
