/**
 * The Terraform export read back by HashiCorp's own HCL parser (`@cdktf/hcl2json` 0.21.0, the
 * hashicorp/hcl Go parser compiled to wasm): every fixture's HCL parses, and its arguments, read
 * back with the registry's Terraform names and the provider's shapes, equal the MappingCode's
 * request (less what the provider cannot express); hostile strings round-trip exactly with no
 * interpolation or directive left.
 *
 * hcl2json answers in Terraform's JSON syntax, where a string is a template: a literal `${` is
 * written `$${` and `%{` as `%%{`, an interpolation stays `${…}`, a reference such as `var.x`
 * becomes `"${var.x}"`, and blocks are arrays of objects while map attributes are objects.
 */
import { parse } from '@cdktf/hcl2json';
import type { CreateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { MappingCode } from '../../src/features/event-source-mappings/as-code/mapping-code';
import { resourceNames } from '../../src/features/event-source-mappings/as-code/mapping-code';
import { hclString, toTerraform } from '../../src/features/event-source-mappings/as-code/terraform';
import {
  codeOf,
  hostileCode,
  type Json,
} from '../../src/features/event-source-mappings/as-code/test-helpers';
import {
  REQUEST_MEMBERS,
  type RequestMemberName,
} from '../../src/features/event-source-mappings/form/request-members';
import { SOURCE_TYPES } from '../../src/features/event-source-mappings/form/source-limits';

/**
 * The literal a parsed string denotes: `$${` → `${`, `%%{` → `%{`; any other `${` or `%{` is an
 * interpolation or a directive, which the export must never produce, so it throws.
 */
function literalOf(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`not a string: ${JSON.stringify(value)}`);
  let out = '';
  for (let i = 0; i < value.length;) {
    if (value.startsWith('$${', i) || value.startsWith('%%{', i)) {
      out += `${value.charAt(i)}{`;
      i += 3;
    } else if (value.startsWith('${', i) || value.startsWith('%{', i)) {
      throw new Error(`template sequence at ${i} of ${JSON.stringify(value)}`);
    } else {
      out += value.charAt(i);
      i += 1;
    }
  }
  return out;
}

/** The one object of a block that the provider allows once (MaxItems 1). */
function single(value: unknown, name: string): Json {
  if (!Array.isArray(value) || value.length !== 1) {
    throw new Error(`${name} is not one block: ${JSON.stringify(value)}`);
  }
  return value[0] as Json;
}

/** Repeated blocks. */
function repeated(value: unknown, name: string): Json[] {
  if (!Array.isArray(value)) throw new Error(`${name} is not a block: ${JSON.stringify(value)}`);
  return value as Json[];
}

/** A map attribute (an object, not a block). */
function map(value: unknown, name: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${name} is not a map: ${JSON.stringify(value)}`);
  }
  return value as Json;
}

const literalMap = (value: unknown, name: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(map(value, name)).map(([k, v]) => [literalOf(k), literalOf(v)]),
  );

/** Reads `[apiName, tfName]` pairs of a block body; absent arguments stay absent. */
function fields(body: Json, pairs: readonly (readonly [string, string])[]): Json {
  const out: Json = {};
  for (const [api, tf] of pairs) {
    const v = body[tf];
    if (v !== undefined) out[api] = typeof v === 'string' ? literalOf(v) : v;
  }
  return out;
}

/** `[apiName, tfName]` pairs of a source access configuration (and of a schema registry's). */
const ACCESS_FIELDS = [
  ['Type', 'type'],
  ['URI', 'uri'],
] as const;

function schemaRegistry(body: Json): Json {
  const config = body.schema_registry_config;
  if (config === undefined) return {};
  const b = single(config, 'schema_registry_config');
  return {
    SchemaRegistryConfig: {
      ...fields(b, [
        ['SchemaRegistryURI', 'schema_registry_uri'],
        ['EventRecordFormat', 'event_record_format'],
      ]),
      ...(b.access_config === undefined
        ? {}
        : {
            AccessConfigs: repeated(b.access_config, 'access_config').map((c) =>
              fields(c, ACCESS_FIELDS),
            ),
          }),
      ...(b.schema_validation_config === undefined
        ? {}
        : {
            SchemaValidationConfigs: repeated(b.schema_validation_config, 'v').map((c) =>
              fields(c, [['Attribute', 'attribute']]),
            ),
          }),
    },
  };
}

/** The blocks the provider allows once (MaxItems 1) that hold plain arguments only. */
const FIELD_BLOCKS: Partial<Record<RequestMemberName, readonly (readonly [string, string])[]>> = {
  ScalingConfig: [['MaximumConcurrency', 'maximum_concurrency']],
  DocumentDBEventSourceConfig: [
    ['DatabaseName', 'database_name'],
    ['CollectionName', 'collection_name'],
    ['FullDocument', 'full_document'],
  ],
  ProvisionedPollerConfig: [
    ['MinimumPollers', 'minimum_pollers'],
    ['MaximumPollers', 'maximum_pollers'],
    ['PollerGroupName', 'poller_group_name'],
  ],
};

/**
 * The CreateEventSourceMapping request a parsed resource says, read with the registry's Terraform
 * names and the provider's documented shapes (written here independently of the exporter).
 */
function requestOf(resource: Json, variables: Json): Json {
  const out: Json = {};
  for (const { name, terraform } of REQUEST_MEMBERS) {
    if (!terraform || resource[terraform] === undefined) continue;
    const v = resource[terraform];
    const blockFields = FIELD_BLOCKS[name];
    if (blockFields) {
      out[name] = fields(single(v, terraform), blockFields);
      continue;
    }
    switch (name) {
      case 'FunctionName': {
        const ref = /^\$\{var\.([a-z0-9_]+)\}$/.exec(String(v));
        out[name] = ref
          ? literalOf(single(variables[ref[1] ?? ''], `variable ${ref[1]}`).default)
          : literalOf(v);
        break;
      }
      case 'StartingPositionTimestamp':
        expect(literalOf(v)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        out[name] = new Date(literalOf(v));
        break;
      case 'Tags':
        out[name] = literalMap(v, terraform);
        break;
      case 'FilterCriteria': {
        const b = single(v, terraform);
        out[name] =
          b.filter === undefined
            ? {}
            : {
                Filters: repeated(b.filter, 'filter').map((f) =>
                  fields(f, [['Pattern', 'pattern']]),
                ),
              };
        break;
      }
      case 'DestinationConfig': {
        const b = single(v, terraform);
        out[name] =
          b.on_failure === undefined
            ? {}
            : {
                OnFailure: fields(single(b.on_failure, 'on_failure'), [
                  ['Destination', 'destination_arn'],
                ]),
              };
        break;
      }
      case 'SourceAccessConfigurations':
        out[name] = repeated(v, terraform).map((c) => fields(c, ACCESS_FIELDS));
        break;
      case 'SelfManagedEventSource':
        out[name] = {
          Endpoints: Object.fromEntries(
            Object.entries(literalMap(single(v, terraform).endpoints, 'endpoints')).map(
              ([k, s]) => [k, s.split(',')],
            ),
          ),
        };
        break;
      case 'AmazonManagedKafkaEventSourceConfig':
      case 'SelfManagedKafkaEventSourceConfig': {
        const b = single(v, terraform);
        out[name] = {
          ...fields(b, [['ConsumerGroupId', 'consumer_group_id']]),
          ...schemaRegistry(b),
        };
        break;
      }
      case 'MetricsConfig': {
        const b = single(v, terraform);
        out[name] =
          b.metrics === undefined ? {} : { Metrics: (b.metrics as unknown[]).map(literalOf) };
        break;
      }
      default:
        out[name] = Array.isArray(v) ? v.map(literalOf) : typeof v === 'string' ? literalOf(v) : v;
    }
  }
  return out;
}

/** The request less what provider 6.31.0 cannot express (TERRAFORM_NOT_EXPRESSIBLE). */
function expressible(request: CreateEventSourceMappingCommandInput): Json {
  const out = { ...request } as Json;
  delete out.LoggingConfig;
  if (request.DestinationConfig) {
    const { OnSuccess: _onSuccess, ...rest } = request.DestinationConfig;
    out.DestinationConfig = rest;
  }
  if (request.SelfManagedKafkaEventSourceConfig) {
    const { ConsumptionMode: _mode, ...rest } = request.SelfManagedKafkaEventSourceConfig;
    out.SelfManagedKafkaEventSourceConfig = rest;
  }
  return out;
}

const TYPE = 'aws_lambda_event_source_mapping';
const ALLOWED = new Set([
  'region',
  ...REQUEST_MEMBERS.flatMap((m) => (m.terraform ? [m.terraform] : [])),
]);

/** Parses an export and checks it against its mappings: resources, imports, variables. */
async function readBack(
  mappings: readonly MappingCode[],
  functionReference: 'literal' | 'reference',
): Promise<void> {
  const { text } = toTerraform(mappings, { functionReference });
  const json = (await parse('event-source-mappings.tf', text)) as Json;
  const resources = map(map(json.resource, 'resource')[TYPE], TYPE);
  const variables = (json.variable ?? {}) as Json;
  const names = resourceNames(mappings);
  // hcl2json sorts object keys; the order in the text is the golden tests' concern.
  expect(Object.keys(resources).sort()).toEqual(names.map((n) => n.identifier).sort());
  expect(repeated(json.import, 'import')).toEqual(
    mappings.map((m, i) => ({
      to: `\${${TYPE}.${names[i]?.identifier ?? ''}}`,
      id: `${m.UUID}@${m.region}`,
    })),
  );
  mappings.forEach((m, i) => {
    const resource = single(resources[names[i]?.identifier ?? ''], 'resource');
    expect(Object.keys(resource).filter((k) => !ALLOWED.has(k))).toEqual([]);
    expect(resource.region).toBe(m.region);
    if (functionReference === 'reference')
      expect(resource.function_name).toMatch(/^\$\{var\.\w+\}$/);
    expect(requestOf(resource, variables)).toEqual(expressible(m.request));
  });
  if (functionReference === 'reference') {
    const distinct = new Set(mappings.map((m) => m.request.FunctionName));
    expect(Object.keys(variables)).toHaveLength(distinct.size);
    for (const v of Object.values(variables)) expect(single(v, 'variable').type).toBe('${string}');
  } else {
    expect(json.variable).toBeUndefined();
  }
}

const FIXTURE_CODES = SOURCE_TYPES.map((type) => [type, codeOf(type)] as const);

describe('Terraform export read back by the HCL parser', () => {
  it('rejects invalid HCL (so a broken export fails these tests)', async () => {
    await expect(parse('x.tf', 'resource "a" "b" {\n  x = "unterminated\n}\n')).rejects.toThrow();
    await expect(parse('x.tf', 'a = "${"\n')).rejects.toThrow();
  });

  it.each(FIXTURE_CODES)(
    '%s: every argument equals the request member it comes from',
    async (_t, code) => {
      await readBack([code], 'literal');
      await readBack([code], 'reference');
    },
  );

  it('all fixtures in one file, with defaults kept too', async () => {
    await readBack(
      FIXTURE_CODES.map(([, c]) => c),
      'reference',
    );
    await readBack(
      SOURCE_TYPES.map((type) => codeOf(type, true)),
      'literal',
    );
  });

  it('the hostile mapping and tags round-trip exactly, with no interpolation left', async () => {
    const code = hostileCode();
    await readBack([code], 'literal');
    await readBack([code], 'reference');
  });

  it('any string written with hclString parses back to itself (property, 60 runs)', async () => {
    const chars = fc.constantFrom(
      ...Array.from('$%{}\\"\'\n\r\t\u0000\u0007\u007f\u2028 a~é日🚀#*/'),
    );
    const text = fc.array(chars, { maxLength: 24 }).map((cs) => cs.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 20 }), async (values) => {
        const body = values.map(
          (v, i) => `  a${i} = ${hclString(v)}\n  m${i} = { ${hclString(v)} = ${hclString(v)} }`,
        );
        const json = (await parse('p.tf', `locals {\n${body.join('\n')}\n}\n`)) as Json;
        const locals = single(json.locals, 'locals');
        values.forEach((v, i) => {
          expect(literalOf(locals[`a${i}`])).toBe(v);
          expect(literalMap(locals[`m${i}`], 'm')).toEqual({ [v]: v });
        });
      }),
      { numRuns: 60, interruptAfterTimeLimit: 60_000 },
    );
  });
});
