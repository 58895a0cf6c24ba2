/**
 * The CDK export checked against the real CDK: the generated TypeScript for every fixture (plus the
 * hostile mapping) type-checks with `tsc` (strict, against aws-cdk-lib 2.276.0's own types), and a
 * real `cdk synth` (the aws-cdk CLI, `--app 'tsx app.ts'`) of a tiny app holding it yields
 * `AWS::Lambda::EventSourceMapping` resources whose Properties deep-equal the CloudFormation
 * export's, read back from its YAML. Both function-reference styles are synthesised (the
 * reference style with its defaults). Also: the CloudFormation and SAM YAML parse and carry the
 * same members (a SAM event mapped back to CloudFormation names through `SAM_EVENT_TYPES`).
 *
 * The app lives in node_modules/.tmp/cdk-synth-<pid> (git-ignored, inside the repo so that
 * aws-cdk-lib and constructs resolve) and is removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { toCdk } from '../../src/features/event-source-mappings/as-code/cdk';
import { toCloudFormation } from '../../src/features/event-source-mappings/as-code/cloudformation';
import {
  resourceNames,
  type MappingCode,
} from '../../src/features/event-source-mappings/as-code/mapping-code';
import { toSam } from '../../src/features/event-source-mappings/as-code/sam';
import {
  codeOf,
  hostileCode,
  parseYaml,
  type Json,
} from '../../src/features/event-source-mappings/as-code/test-helpers';
import {
  SAM_EVENT_TYPES,
  setPath,
} from '../../src/features/event-source-mappings/form/request-members';
import { SOURCE_TYPES } from '../../src/features/event-source-mappings/form/source-limits';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(ROOT, 'node_modules', '.tmp', `cdk-synth-${process.pid}`);
const bin = (path: string): string => join(ROOT, 'node_modules', path);

const MAPPINGS: MappingCode[] = [
  ...SOURCE_TYPES.map((type) => codeOf(type)),
  // With defaults kept: more members (DynamoDB's retry and age -1, FIFO's window 0…).
  ...SOURCE_TYPES.map((type) => codeOf(type, true)),
  hostileCode(),
];
const LOGICAL_IDS = resourceNames(MAPPINGS).map((n) => n.logicalId);

/** The CloudFormation export's Properties per logical ID (literal function names). */
const cfnResources = (): Record<string, { Type: string; Properties: Json }> =>
  parseYaml(toCloudFormation(MAPPINGS, { functionReference: 'literal' }).text).Resources as Record<
    string,
    { Type: string; Properties: Json }
  >;

/** Runs a command with a time bound; on failure the error carries its output. */
function run(file: string, args: string[], timeout: number): string {
  try {
    return execFileSync(file, args, {
      cwd: DIR,
      timeout,
      encoding: 'utf8',
      env: {
        ...process.env,
        CDK_DISABLE_VERSION_CHECK: '1',
        CDK_DISABLE_CLI_TELEMETRY: '1',
        CDK_OUTDIR: undefined,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${[file, ...args].join(' ')} failed: ${e.message}\n${e.stdout}\n${e.stderr}`, {
      cause: error,
    });
  }
}

describe('CDK export, compiled and synthesised by the real CDK', () => {
  const templates: Record<string, Json> = {};

  beforeAll(() => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    writeFileSync(
      join(DIR, 'reference.ts'),
      toCdk(MAPPINGS, { functionReference: 'reference' }).text,
    );
    writeFileSync(join(DIR, 'literal.ts'), toCdk(MAPPINGS, { functionReference: 'literal' }).text);
    writeFileSync(
      join(DIR, 'app.ts'),
      [
        "import { App, Stack } from 'aws-cdk-lib';",
        "import { EventSourceMappings as Literal } from './literal';",
        "import { EventSourceMappings as Reference } from './reference';",
        '',
        'const app = new App();',
        "new Reference(new Stack(app, 'ReferenceStack'), 'Mappings');",
        "new Literal(new Stack(app, 'LiteralStack'), 'Mappings');",
        'app.synth();',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(DIR, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'commonjs',
          moduleResolution: 'node10',
          ignoreDeprecations: '6.0',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noUnusedLocals: true,
          noUnusedParameters: true,
          noImplicitReturns: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['app.ts', 'literal.ts', 'reference.ts'],
      }),
    );
  });

  afterAll(() => {
    rmSync(DIR, { recursive: true, force: true });
  });

  it('type-checks with tsc (strict) against aws-cdk-lib', () => {
    // Throws with tsc's diagnostics when the generated code does not compile.
    run(process.execPath, [bin('typescript/bin/tsc'), '-p', 'tsconfig.json'], 60_000);
  });

  it('cdk synth yields the CloudFormation export’s properties for every mapping', () => {
    const started = Date.now();
    run(
      process.execPath,
      [
        bin('aws-cdk/bin/cdk'),
        'synth',
        '--app',
        `"${process.execPath}" "${bin('tsx/dist/cli.mjs')}" app.ts`,
        '-o',
        'cdk.out',
        '--quiet',
        '--no-notices',
        '--no-version-reporting',
      ],
      80_000,
    );
    expect(Date.now() - started).toBeLessThan(80_000);
    for (const stack of ['ReferenceStack', 'LiteralStack']) {
      templates[stack] = JSON.parse(
        readFileSync(join(DIR, 'cdk.out', `${stack}.template.json`), 'utf8'),
      ) as Json;
    }

    const expected = cfnResources();
    for (const [stack, template] of Object.entries(templates)) {
      const resources = Object.values(template.Resources as Record<string, Json>).filter(
        (r) => r.Type === 'AWS::Lambda::EventSourceMapping',
      );
      expect(resources).toHaveLength(MAPPINGS.length);
      const byId = new Map(
        resources.map((r) => [
          String((r.Metadata as Json | undefined)?.['aws:cdk:path'] ?? '')
            .split('/')
            .at(-1),
          r.Properties,
        ]),
      );
      for (const id of LOGICAL_IDS) {
        expect({ stack, id, properties: byId.get(id) }).toEqual({
          stack,
          id,
          properties: expected[id]?.Properties,
        });
      }
    }
  });
});

/** A SAM event's Properties in CloudFormation names (through `SAM_EVENT_TYPES`). */
function eventToCloudFormation(type: string, properties: Json): Json {
  const eventType = SAM_EVENT_TYPES.find((t) => t.type === type);
  if (!eventType) throw new Error(`no SAM event type ${type}`);
  const out: Json = {};
  for (const [name, value] of Object.entries(properties)) {
    if (name === 'DynamicPolicyName') continue; // SAM-only: names the generated IAM policy.
    const path = eventType.properties[name];
    if (path === undefined) throw new Error(`${type} event property ${name} is not in the table`);
    setPath(out, path, value);
  }
  return out;
}

describe('CloudFormation and SAM YAML', () => {
  it.each(['literal', 'reference'] as const)(
    'parse and carry the same members for every mapping (%s function names)',
    (functionReference) => {
      const cfn = parseYaml(toCloudFormation(MAPPINGS, { functionReference }).text);
      const sam = parseYaml(toSam(MAPPINGS, { functionReference }).text);
      expect(sam.Transform).toBe('AWS::Serverless-2016-10-31');
      const cfnResources = cfn.Resources as Record<string, { Properties: Json }>;
      const samResources = sam.Resources as Record<string, { Type: string; Properties: Json }>;
      const params = (cfn.Parameters ?? {}) as Record<string, { Default: string }>;
      const samParams = (sam.Parameters ?? {}) as Record<string, { Default: string }>;
      /** A FunctionName as its literal: a parameter's Default, or the function resource's. */
      const literal = (
        value: unknown,
        parameters: Record<string, { Default: string }>,
      ): unknown => {
        if (value === null || typeof value !== 'object') return value;
        const ref = (value as { Ref: string }).Ref;
        const fn = samResources[ref];
        if (fn?.Type === 'AWS::Serverless::Function')
          return literal(fn.Properties.FunctionName, samParams);
        return parameters[ref]?.Default;
      };

      // Every SAM event, by its name (the mapping's logical ID), with its function.
      const events = new Map<string, { type: string; properties: Json; functionName: unknown }>();
      for (const resource of Object.values(samResources)) {
        if (resource.Type !== 'AWS::Serverless::Function') continue;
        for (const [id, event] of Object.entries(
          resource.Properties.Events as Record<string, { Type: string; Properties: Json }>,
        )) {
          events.set(id, {
            type: event.Type,
            properties: event.Properties,
            functionName: resource.Properties.FunctionName,
          });
        }
      }

      let asEvents = 0;
      for (const id of LOGICAL_IDS) {
        const { FunctionName, ...members } = cfnResources[id]?.Properties ?? {};
        const event = events.get(id);
        if (event) {
          asEvents += 1;
          expect({ id, members: eventToCloudFormation(event.type, event.properties) }).toEqual({
            id,
            members,
          });
          expect(literal(event.functionName, samParams)).toBe(literal(FunctionName, params));
        } else {
          const resource = samResources[id];
          expect(resource?.Type).toBe('AWS::Lambda::EventSourceMapping');
          const { FunctionName: samFunctionName, ...samMembers } = resource?.Properties ?? {};
          expect({ id, members: samMembers }).toEqual({ id, members });
          expect(literal(samFunctionName, samParams)).toBe(literal(FunctionName, params));
        }
      }
      // The fixtures have some of each: bare function names without tags become events.
      expect(asEvents).toBeGreaterThan(0);
      expect(asEvents).toBeLessThan(LOGICAL_IDS.length);
    },
  );
});
