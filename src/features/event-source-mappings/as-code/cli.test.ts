import { execFileSync } from 'node:child_process';

import type { CreateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';

import { REQUEST_MEMBERS } from '../form/request-members';
import { SOURCE_TYPES } from '../form/source-limits';
import {
  CLI_INPUT_JSON_LOOP,
  cliInputJsonLoop,
  cliInputJsonUsage,
  toCliInputJson,
  toCliScript,
} from './cli';
import { HOSTILE_STRINGS, hostileTags } from './fixtures';
import { CODE_FORMATS, type MappingCode } from './mapping-code';
import { CODE_FORMAT_INFO, renderCode } from './render-code';
import { codeOf, hostileCode } from './test-helpers';

/**
 * Stands in for `aws`: prints each call's argument count, then each argument, NUL-terminated (shell
 * builtins only, so no process per call; an argument cannot hold a NUL).
 */
const FAKE_AWS = `aws() { printf '%s\\0' "$#"; for arg in "$@"; do printf '%s\\0' "$arg"; done; }`;

/**
 * Runs a generated script in `/bin/sh` with `aws` replaced by {@link FAKE_AWS}.
 * @returns the argument vectors of the `aws` calls, in order.
 */
function runScript(script: string, env: Record<string, string> = {}): string[][] {
  const stdout = execFileSync('/bin/sh', ['-c', `${FAKE_AWS}\n${script}`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    timeout: 20_000,
  });
  const fields = stdout.split('\0').slice(0, -1);
  const calls: string[][] = [];
  for (let i = 0; i < fields.length;) {
    const count = Number(fields[i]);
    calls.push(fields.slice(i + 1, i + 1 + count));
    i += 1 + count;
  }
  return calls;
}

/** A request with every Create member set (the type makes a new SDK member fail to compile). */
const EVERY_MEMBER: Required<CreateEventSourceMappingCommandInput> = {
  EventSourceArn:
    'arn:aws:kafka:us-east-1:123456789012:cluster/c/abcd1234-ab12-cd34-ef56-abcdef123456-2',
  FunctionName: 'every-member:live',
  Enabled: false,
  BatchSize: 500,
  FilterCriteria: { Filters: [{ Pattern: '{"value":{"a":[1]}}' }] },
  KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  MetricsConfig: { Metrics: ['EventCount', 'ErrorCount'] },
  LoggingConfig: { SystemLogLevel: 'WARN' },
  ScalingConfig: { MaximumConcurrency: 5 },
  MaximumBatchingWindowInSeconds: 3,
  ParallelizationFactor: 2,
  StartingPosition: 'AT_TIMESTAMP',
  StartingPositionTimestamp: new Date('2026-05-01T12:30:00.000Z'),
  DestinationConfig: { OnFailure: { Destination: 'kafka://dlq' } },
  MaximumRecordAgeInSeconds: 600,
  BisectBatchOnFunctionError: true,
  MaximumRetryAttempts: 2,
  Tags: { team: 'a' },
  TumblingWindowInSeconds: 30,
  Topics: ['t'],
  Queues: ['q'],
  SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: 'arn:aws:secretsmanager:x' }],
  SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b-1:9092'] } },
  FunctionResponseTypes: ['ReportBatchItemFailures'],
  AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g1' },
  SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g2', ConsumptionMode: 'Stream' },
  DocumentDBEventSourceConfig: { DatabaseName: 'db', CollectionName: 'c', FullDocument: 'Default' },
  ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 10, PollerGroupName: 'p' },
};
const MEMBER_BY_FLAG = new Map(REQUEST_MEMBERS.map((m) => [m.cli as string, m.name as string]));
/** The boolean members (`--x` / `--no-x`), read off {@link EVERY_MEMBER}. */
const BOOLEAN_MEMBERS = new Set(
  Object.entries(EVERY_MEMBER)
    .filter(([, v]) => typeof v === 'boolean')
    .map(([k]) => k),
);

/**
 * Reads `aws lambda create-event-source-mapping` arguments back into a request, as the CLI does:
 * `--x value`, `--flag` / `--no-flag` for booleans, JSON for structures and lists, numbers for
 * integers, `StartingPositionTimestamp` as a Date. Also returns `--region`.
 */
function parseArgs(argv: readonly string[]): { region?: string; request: Record<string, unknown> } {
  expect(argv.slice(0, 2)).toEqual(['lambda', 'create-event-source-mapping']);
  const request: Record<string, unknown> = {};
  let region: string | undefined;
  for (let i = 2; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--region') {
      region = argv[(i += 1)];
      continue;
    }
    const negated = MEMBER_BY_FLAG.get(arg.replace(/^--no-/, '--'));
    if (arg.startsWith('--no-') && negated && BOOLEAN_MEMBERS.has(negated)) {
      request[negated] = false;
      continue;
    }
    const member = MEMBER_BY_FLAG.get(arg);
    if (!member) throw new Error(`Unknown option ${arg}`);
    if (BOOLEAN_MEMBERS.has(member)) {
      request[member] = true;
      continue;
    }
    const value = argv[(i += 1)] ?? '';
    if (member === 'StartingPositionTimestamp') request[member] = new Date(value);
    else if (/^[[{]/.test(value)) request[member] = JSON.parse(value);
    else if (/^-?\d+$/.test(value)) request[member] = Number(value);
    else request[member] = value;
  }
  return region === undefined ? { request } : { region, request };
}

const EVERY_MEMBER_CODE: MappingCode = {
  UUID: '00000000-0000-4000-8000-000000000000',
  region: 'us-east-1',
  sourceType: 'msk',
  request: EVERY_MEMBER,
};

describe('toCliScript', () => {
  it('is a POSIX sh script: shebang, set -eu, a comment naming each UUID, one command each', () => {
    const mappings = [codeOf('kinesis'), codeOf('mq-activemq')];
    const { text, fileName, mediaType } = toCliScript(mappings, { functionReference: 'literal' });
    expect(fileName).toBe('create-event-source-mappings.sh');
    expect(mediaType).toBe('text/x-shellscript');
    const lines = text.split('\n');
    expect(lines[0]).toBe('#!/bin/sh');
    expect(lines).toContain('set -eu');
    expect(text.endsWith('\n')).toBe(true);
    expect(lines).toContain(
      '# Mapping 6f2b7c1e-4a3d-4e8b-9c0f-1a2b3c4d5e6f (Amazon Kinesis) in us-east-1',
    );
    expect(lines).toContain(
      '# Mapping 9585f67f-3776-4cf4-b714-250dafb565be (Amazon MQ (ActiveMQ)) in us-east-1',
    );
    expect(text.match(/^aws lambda create-event-source-mapping \\$/gm)).toHaveLength(2);
    execFileSync('/bin/sh', ['-n', '-c', text], { timeout: 10_000 });
  });

  it('renders the seed’s Amazon MQ mapping as the console’s own CLI command', () => {
    const { text } = toCliScript([codeOf('mq-activemq')], { functionReference: 'literal' });
    expect(text).toContain(
      [
        'aws lambda create-event-source-mapping \\',
        '    --event-source-arn arn:aws:mq:us-east-1:123456789012:broker:telemetry-activemq-prod:b-e88d33b2-c7f1-4948-8318-9866c44979ee \\',
        '    --function-name telemetry-enricher-prod \\',
        '    --batch-size 10 \\',
        '    --maximum-batching-window-in-seconds 1 \\',
        `    --queues '["telemetry.updates"]' \\`,
        `    --source-access-configurations '[{"Type":"BASIC_AUTH","URI":"arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/telemetry-activemq-prod-0k56yo"}]' \\`,
        '    --region us-east-1',
      ].join('\n'),
    );
  });

  it.each(SOURCE_TYPES)('%s: the shell passes exactly the request to aws', (type) => {
    for (const includeDefaults of [false, true]) {
      const mapping = codeOf(type, includeDefaults);
      const [call, ...rest] = runScript(
        toCliScript([mapping], { functionReference: 'literal' }).text,
      );
      expect(rest).toEqual([]);
      expect(parseArgs(call ?? [])).toEqual({ region: 'us-east-1', request: mapping.request });
    }
  });

  it('hostile strings reach aws intact', () => {
    const mapping = hostileCode(true);
    const script = toCliScript([mapping], { functionReference: 'literal' }).text;
    execFileSync('/bin/sh', ['-n', '-c', script], { timeout: 10_000 });
    const calls = runScript(script);
    expect(calls).toHaveLength(1);
    expect(parseArgs(calls[0] ?? [])).toEqual({ region: 'us-east-1', request: mapping.request });
    const { request } = parseArgs(calls[0] ?? []);
    expect(request.Tags).toEqual(hostileTags());
    const patterns = (request.FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map(
      (f) => (JSON.parse(f.Pattern) as { value: { text: string[] } }).value.text[0],
    );
    expect(patterns).toEqual(HOSTILE_STRINGS);
  });

  it('with functionReference reference: one variable per function, defaulted, overridable', () => {
    const mappings = [codeOf('kinesis'), codeOf('sqs'), codeOf('kinesis')];
    const { text } = toCliScript(mappings, { functionReference: 'reference' });
    expect(text).toContain(': "${ORDERS_PROCESSOR_LIVE_FUNCTION_NAME:=orders-processor:live}"');
    expect(text).toContain(': "${PAYMENTS_SETTLER_7_FUNCTION_NAME:=payments-settler:7}"');
    expect(text.match(/--function-name "\$ORDERS_PROCESSOR_LIVE_FUNCTION_NAME"/g)).toHaveLength(2);
    expect(text).not.toMatch(/--function-name orders-processor/);

    const names = (env?: Record<string, string>) =>
      runScript(text, env).map((argv) => argv[argv.indexOf('--function-name') + 1]);
    expect(names()).toEqual([
      'orders-processor:live',
      'payments-settler:7',
      'orders-processor:live',
    ]);
    expect(names({ ORDERS_PROCESSOR_LIVE_FUNCTION_NAME: 'orders-processor:blue' })).toEqual([
      'orders-processor:blue',
      'payments-settler:7',
      'orders-processor:blue',
    ]);
  });

  it('keeps a $LATEST qualifier (and a name with quotes or braces) literal in the default', () => {
    const names = ['fn:$LATEST', 'odd"na`me\\', 'brace}$(id)\nnext'];
    const mappings = names.map((FunctionName) => ({
      ...codeOf('sqs-fifo'),
      request: { ...codeOf('sqs-fifo').request, FunctionName },
    }));
    const script = toCliScript(mappings, { functionReference: 'reference' }).text;
    const passed = runScript(script).map((argv) => argv[argv.indexOf('--function-name') + 1]);
    expect(passed).toEqual(names);
  });

  it('names every create member of the registry that a request using it does not produce', () => {
    const script = toCliScript([EVERY_MEMBER_CODE], { functionReference: 'literal' }).text;
    const [call] = runScript(script);
    const json = JSON.parse(
      toCliInputJson([EVERY_MEMBER_CODE], { functionReference: 'literal' }).text,
    ) as Record<string, unknown>;
    const scriptRequest = parseArgs(call ?? []).request;
    const creatable = REQUEST_MEMBERS.filter((m) => m.create).map((m) => m.name as string);
    const missingInScript = creatable.filter((name) => !(name in scriptRequest));
    const missingInJson = creatable.filter((name) => !(name in json));
    expect({ missingInScript, missingInJson }).toEqual({ missingInScript: [], missingInJson: [] });
    // …and the SDK's Create request has no member the registry lacks.
    expect(Object.keys(EVERY_MEMBER).filter((k) => !creatable.includes(k))).toEqual([]);
    expect(scriptRequest).toEqual(EVERY_MEMBER);
  });

  it('refuses an empty export', () => {
    expect(() => toCliScript([], { functionReference: 'literal' })).toThrow('No mapping');
  });
});

describe('toCliInputJson', () => {
  it('one mapping: the request document, 2-space JSON, timestamp as ISO 8601', () => {
    const mapping = codeOf('kinesis');
    const out = toCliInputJson([mapping], { functionReference: 'literal' });
    expect(out.fileName).toBe('create-event-source-mapping.json');
    expect(out.mediaType).toBe('application/json');
    expect(out.text).toBe(`${JSON.stringify(mapping.request, null, 2)}\n`);
    expect(out.text).toContain('\n  "FunctionName": "orders-processor:live",\n');
    expect(out.text).toContain('"StartingPositionTimestamp": "2026-05-01T12:30:00.000Z"');
    const parsed = JSON.parse(out.text) as Record<string, unknown>;
    expect({
      ...parsed,
      StartingPositionTimestamp: new Date(String(parsed.StartingPositionTimestamp)),
    }).toEqual(mapping.request);
  });

  it('several mappings: an array of documents in export order; functionReference does not apply', () => {
    const mappings = SOURCE_TYPES.map((t) => codeOf(t));
    const literal = toCliInputJson(mappings, { functionReference: 'literal' }).text;
    expect(toCliInputJson(mappings, { functionReference: 'reference' }).text).toBe(literal);
    const parsed = JSON.parse(literal) as Array<{ FunctionName: string }>;
    expect(parsed).toHaveLength(SOURCE_TYPES.length);
    expect(parsed.map((d) => d.FunctionName)).toEqual(mappings.map((m) => m.request.FunctionName));
  });

  it('several mappings: a plural file name, and the usage line loops over the array with jq', () => {
    const out = toCliInputJson([codeOf('sqs'), codeOf('kinesis')], {
      functionReference: 'literal',
    });
    expect(out.fileName).toBe('create-event-source-mappings.json');
    expect(CLI_INPUT_JSON_LOOP).toBe(
      `jq -c '.[]' create-event-source-mappings.json | while IFS= read -r doc; do aws lambda create-event-source-mapping --cli-input-json "$doc"; done`,
    );
    expect(cliInputJsonUsage(2)).toBe(
      `An array of 2 request documents, one per mapping. Create them all with: ${CLI_INPUT_JSON_LOOP}`,
    );
    expect(cliInputJsonUsage(1)).toBe(
      'The request as a document for aws lambda create-event-source-mapping --cli-input-json file://create-event-source-mapping.json.',
    );
    // The panel shows these lines.
    expect(CODE_FORMAT_INFO['cli-input-json'].usage(3)).toBe(cliInputJsonUsage(3));
  });

  it('the usage line names the file the panel downloads', () => {
    const many = 'event-source-mappings-eu-west-1-cli-input-json-20260504-101112Z.json';
    expect(CODE_FORMAT_INFO['cli-input-json'].usage(2, many)).toBe(
      `An array of 2 request documents, one per mapping. Create them all with: jq -c '.[]' ${many} | while IFS= read -r doc; do aws lambda create-event-source-mapping --cli-input-json "$doc"; done`,
    );
    expect(CODE_FORMAT_INFO['cli-input-json'].usage(1, many)).toBe(
      `The request as a document for aws lambda create-event-source-mapping --cli-input-json file://${many}.`,
    );
    expect(() => cliInputJsonLoop('a b;rm -rf.json')).toThrow('Not a plain file name');
  });

  it('each format’s download extension is that of its generated file', () => {
    const mappings = [codeOf('sqs')];
    for (const format of CODE_FORMATS) {
      const { fileName } = renderCode(format, mappings, { functionReference: 'literal' });
      expect([format, fileName.slice(fileName.lastIndexOf('.') + 1)]).toEqual([
        format,
        CODE_FORMAT_INFO[format].extension,
      ]);
    }
  });

  it('hostile strings survive JSON', () => {
    const mapping = hostileCode(true);
    const parsed = JSON.parse(toCliInputJson([mapping], { functionReference: 'literal' }).text) as {
      Tags: Record<string, string>;
      Topics: string[];
    };
    expect(parsed.Tags).toEqual(hostileTags());
    expect(parsed.Topics).toEqual(mapping.request.Topics);
  });
});
