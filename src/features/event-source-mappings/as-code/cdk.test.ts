import { readFileSync } from 'node:fs';

import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { REQUEST_MEMBERS } from '../form/request-members';
import { SOURCE_TYPES } from '../form/source-limits';
import { cdkPropName, toCdk, tsString } from './cdk';
import { cloudFormationProperties } from './cloudformation';
import { HOSTILE_STRINGS } from './fixtures';
import { resourceNames } from './mapping-code';
import {
  codeOf,
  hostileCode,
  literal,
  missingCreateMembers,
  reference,
  type Json,
} from './test-helpers';

/** The `new CfnEventSourceMapping(…)` statements of a generated module. */
const statementsOf = (text: string): string =>
  text.slice(text.indexOf('    // Exported'), text.lastIndexOf('  }\n}\n'));

/** The CloudFormation properties with the CDK's names, as the CDK props must hold them. */
function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cdkPropName(k), camel(v)]));
  }
  return value;
}

/**
 * Compiles a generated module with the TypeScript compiler (syntax only: the full type check
 * against aws-cdk-lib is test/as-code/cdk-synth.test.ts) and runs it with stand-ins for
 * `CfnEventSourceMapping` and `Construct`, returning what each `new CfnEventSourceMapping` got.
 */
function evaluate(text: string, props?: Json): { id: string; props: Json }[] {
  const out = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual(
    [],
  );
  const created: { id: string; props: Json }[] = [];
  class Construct {
    constructor(
      readonly scope: unknown,
      readonly id: string,
    ) {}
  }
  class CfnEventSourceMapping {
    constructor(_scope: unknown, id: string, mappingProps: Json) {
      created.push({ id, props: mappingProps });
    }
  }
  const modules: Record<string, unknown> = {
    'aws-cdk-lib/aws-lambda': { CfnEventSourceMapping },
    constructs: { Construct },
  };
  const exports: { EventSourceMappings?: new (scope: unknown, id: string, p?: Json) => unknown } =
    {};
  const run = new Function('require', 'exports', out.outputText) as (
    require: (name: string) => unknown,
    exports: object,
  ) => void;
  run((name) => modules[name], exports);
  if (!exports.EventSourceMappings) throw new Error('no EventSourceMappings export');
  new exports.EventSourceMappings({}, 'Mappings', props);
  return created;
}

describe('cdkPropName', () => {
  it('spells every CloudFormation property of the registry as CfnEventSourceMappingProps does', () => {
    const dts = readFileSync(
      'node_modules/aws-cdk-lib/aws-lambda/lib/lambda.generated.d.ts',
      'utf8',
    );
    const start = dts.indexOf('export interface CfnEventSourceMappingProps {');
    const body = dts.slice(start, dts.indexOf('\n}\n', start));
    const props = new Set([...body.matchAll(/^ {4}readonly (\w+)\??:/gm)].map((m) => m[1]));
    const names = REQUEST_MEMBERS.flatMap((m) => (m.cloudFormation ? [m.cloudFormation] : []));
    expect(names.map(cdkPropName).filter((n) => !props.has(n))).toEqual([]);
    expect(props.size).toBe(names.length);
  });

  it.each([
    ['DocumentDBEventSourceConfig', 'documentDbEventSourceConfig'],
    ['SchemaRegistryURI', 'schemaRegistryUri'],
    ['URI', 'uri'],
    ['KmsKeyArn', 'kmsKeyArn'],
    ['KafkaBootstrapServers', 'kafkaBootstrapServers'],
    ['OnFailure', 'onFailure'],
    ['Key', 'key'],
  ])('writes %s as %s', (name, expected) => {
    expect(cdkPropName(name)).toBe(expected);
  });
});

describe('tsString', () => {
  it.each([
    ['plain', '"plain"'],
    ['${AWS::Region} `tick`', '"${AWS::Region} `tick`"'],
    ['say "hi" \\ done', '"say \\"hi\\" \\\\ done"'],
    ['a\nb\r\tc', '"a\\nb\\r\\tc"'],
    ['ls\u2028ps\u2029', '"ls\\u2028ps\\u2029"'],
  ])('writes %j as %s', (value, expected) => {
    expect(tsString(value)).toBe(expected);
  });

  it('writes any string (any code points) as a literal that evaluates to it, on one line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 20 }),
        (values) => {
          const literals = values.map(tsString);
          for (const literal of literals) expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
          const out = ts.transpileModule(`export const v = [${literals.join(', ')}];`, {
            compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
            reportDiagnostics: true,
          });
          expect(out.diagnostics).toEqual([]);
          const exports: { v?: unknown } = {};
          (new Function('exports', out.outputText) as (e: object) => void)(exports);
          expect(exports.v).toEqual(values);
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe('toCdk golden files', () => {
  it('writes the seed ActiveMQ mapping as a whole module with a function-name prop', () => {
    expect(toCdk([codeOf('mq-activemq')], reference)).toMatchInlineSnapshot(`
      {
        "fileName": "event-source-mappings.ts",
        "mediaType": "text/typescript",
        "text": "// Generated by lambda-esm-console from live event source mappings (AWS CDK v2, TypeScript).
      // Region: us-east-1.
      // A new stack creates new mappings, and Lambda refuses a second mapping of the same source and
      // function (ResourceConflictException). So delete the live mapping (UUIDs below) first, or adopt
      // it with cdk import (a CloudFormation resource import with Id = its UUID; apply
      // RemovalPolicy.RETAIN to the construct first).
      import { CfnEventSourceMapping } from 'aws-cdk-lib/aws-lambda';
      import { Construct } from 'constructs';

      /** The functions the mappings invoke; each defaults to the FunctionName the mapping had. */
      export interface EventSourceMappingsProps {
        /** FunctionName (name, ARN or qualified name). Default: "telemetry-enricher-prod". */
        readonly telemetryEnricherProdFunctionName?: string;
      }

      /** The exported event source mapping (a CfnEventSourceMapping). */
      export class EventSourceMappings extends Construct {
        constructor(scope: Construct, id: string, props: EventSourceMappingsProps = {}) {
          super(scope, id);

          // Exported from mapping 9585f67f-3776-4cf4-b714-250dafb565be (us-east-1, mq-activemq).
          new CfnEventSourceMapping(this, "TelemetryEnricherProdTelemetryActivemqProdMapping", {
            eventSourceArn: "arn:aws:mq:us-east-1:123456789012:broker:telemetry-activemq-prod:b-e88d33b2-c7f1-4948-8318-9866c44979ee",
            functionName: props.telemetryEnricherProdFunctionName ?? "telemetry-enricher-prod",
            batchSize: 10,
            maximumBatchingWindowInSeconds: 1,
            queues: ["telemetry.updates"],
            sourceAccessConfigurations: [
              {
                type: "BASIC_AUTH",
                uri: "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/telemetry-activemq-prod-0k56yo",
              },
            ],
          });
        }
      }
      ",
      }
    `);
  });

  it('writes the seed ActiveMQ mapping with the literal function name', () => {
    // The module above less what the function-name prop adds: its interface, the constructor's
    // props parameter and the prop read before the literal.
    const withProp = toCdk([codeOf('mq-activemq')], reference).text;
    expect(toCdk([codeOf('mq-activemq')], literal).text).toBe(
      withProp
        .replace(/\/\*\* The functions the mappings invoke;[^]*?\n\}\n\n/, '')
        .replace(', props: EventSourceMappingsProps = {}', '')
        .replace('props.telemetryEnricherProdFunctionName ?? ', ''),
    );
  });

  it('writes a Kinesis mapping', () => {
    expect(statementsOf(toCdk([codeOf('kinesis')], literal).text)).toMatchInlineSnapshot(`
      "    // Exported from mapping 6f2b7c1e-4a3d-4e8b-9c0f-1a2b3c4d5e6f (us-east-1, kinesis).
          new CfnEventSourceMapping(this, "OrdersProcessorOrdersEventsMapping", {
            eventSourceArn: "arn:aws:kinesis:us-east-1:123456789012:stream/orders-events",
            functionName: "orders-processor:live",
            batchSize: 500,
            filterCriteria: {
              filters: [
                {
                  pattern: "{\\"data\\":{\\"eventType\\":[\\"OrderPlaced\\",\\"OrderCancelled\\"]}}",
                },
              ],
            },
            maximumBatchingWindowInSeconds: 5,
            parallelizationFactor: 4,
            startingPosition: "AT_TIMESTAMP",
            startingPositionTimestamp: 1777638600,
            destinationConfig: {
              onFailure: {
                destination: "arn:aws:sqs:us-east-1:123456789012:orders-events-dlq",
              },
            },
            maximumRecordAgeInSeconds: 3600,
            bisectBatchOnFunctionError: true,
            maximumRetryAttempts: 3,
            tags: [
              { key: "cost-center", value: "cc-1042" },
              { key: "env", value: "prod" },
              { key: "team", value: "orders" },
            ],
            functionResponseTypes: ["ReportBatchItemFailures"],
            metricsConfig: {
              metrics: ["EventCount"],
            },
          });
      "
    `);
  });

  it('writes a disabled DynamoDB mapping, with the defaults when asked', () => {
    expect(statementsOf(toCdk([codeOf('dynamodb'), codeOf('dynamodb', true)], literal).text))
      .toMatchInlineSnapshot(`
      "    // Exported from mapping a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d (us-east-1, dynamodb).
          new CfnEventSourceMapping(this, "InventorySyncInventoryMapping", {
            eventSourceArn: "arn:aws:dynamodb:us-east-1:123456789012:table/inventory/stream/2026-03-02T08:15:44.120",
            functionName: "inventory-sync",
            enabled: false,
            startingPosition: "LATEST",
          });

          // Exported from mapping a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d (us-east-1, dynamodb).
          new CfnEventSourceMapping(this, "InventorySyncInventoryMapping2", {
            eventSourceArn: "arn:aws:dynamodb:us-east-1:123456789012:table/inventory/stream/2026-03-02T08:15:44.120",
            functionName: "inventory-sync",
            enabled: false,
            batchSize: 100,
            maximumBatchingWindowInSeconds: 0,
            parallelizationFactor: 1,
            startingPosition: "LATEST",
            maximumRecordAgeInSeconds: -1,
            bisectBatchOnFunctionError: false,
            maximumRetryAttempts: -1,
            tumblingWindowInSeconds: 0,
            functionResponseTypes: [],
          });
      "
    `);
  });

  it('writes an SQS mapping', () => {
    expect(statementsOf(toCdk([codeOf('sqs')], literal).text)).toMatchInlineSnapshot(`
      "    // Exported from mapping 0c9e8d7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f (us-east-1, sqs).
          new CfnEventSourceMapping(this, "PaymentsSettlerPaymentsSettlementsMapping", {
            eventSourceArn: "arn:aws:sqs:us-east-1:123456789012:payments-settlements",
            functionName: "payments-settler:7",
            batchSize: 50,
            filterCriteria: {
              filters: [
                { pattern: "{\\"body\\":{\\"currency\\":[\\"EUR\\",\\"USD\\"]}}" },
                {
                  pattern: "{\\"attributes\\":{\\"ApproximateReceiveCount\\":[{\\"numeric\\":[\\">\\",3]}]}}",
                },
              ],
            },
            maximumBatchingWindowInSeconds: 10,
            tags: [
              { key: "env", value: "prod" },
              { key: "team", value: "payments" },
            ],
            functionResponseTypes: ["ReportBatchItemFailures"],
            scalingConfig: { maximumConcurrency: 20 },
            kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          });
      "
    `);
  });

  it('writes an SQS FIFO mapping', () => {
    expect(statementsOf(toCdk([codeOf('sqs-fifo')], literal).text)).toMatchInlineSnapshot(`
      "    // Exported from mapping 5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a (us-east-1, sqs-fifo).
          new CfnEventSourceMapping(this, "LedgerWriterLedgerEntriesFifoMapping", {
            eventSourceArn: "arn:aws:sqs:us-east-1:123456789012:ledger-entries.fifo",
            functionName: "ledger-writer",
          });
      "
    `);
  });

  it('writes an MSK mapping', () => {
    expect(statementsOf(toCdk([codeOf('msk')], literal).text)).toMatchInlineSnapshot(`
      "    // Exported from mapping b7e6d5c4-a3b2-4c1d-9e0f-a1b2c3d4e5f6 (us-east-1, msk).
          new CfnEventSourceMapping(this, "ClickstreamAggregatorAnalyticsProdMapping", {
            eventSourceArn: "arn:aws:kafka:us-east-1:123456789012:cluster/analytics-prod/7d3a9f2e-1b4c-4d5e-8f6a-0b1c2d3e4f5a-3",
            functionName: "clickstream-aggregator:prod",
            batchSize: 1000,
            maximumBatchingWindowInSeconds: 2,
            startingPosition: "TRIM_HORIZON",
            tags: [
              { key: "team", value: "analytics" },
            ],
            topics: ["clickstream.page-views"],
            sourceAccessConfigurations: [
              {
                type: "SASL_SCRAM_512_AUTH",
                uri: "arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_analytics-prod-Xy12Ab",
              },
            ],
            amazonManagedKafkaEventSourceConfig: { consumerGroupId: "clickstream-aggregator-prod" },
          });
      "
    `);
  });

  it('writes a self-managed Kafka mapping', () => {
    expect(statementsOf(toCdk([codeOf('self-managed-kafka')], literal).text))
      .toMatchInlineSnapshot(`
      "    // Exported from mapping c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f (us-east-1, self-managed-kafka).
          new CfnEventSourceMapping(this, "OrdersLedgerConsumerB1KafkaCorpExampleNet9096Mapping", {
            functionName: "orders-ledger-consumer",
            batchSize: 500,
            maximumBatchingWindowInSeconds: 1,
            startingPosition: "LATEST",
            destinationConfig: {
              onFailure: { destination: "kafka://orders-ledger-dlq" },
            },
            tags: [
              { key: "env", value: "prod" },
              { key: "owner", value: "platform@example.com" },
              { key: "team", value: "orders" },
            ],
            topics: ["orders.ledger"],
            sourceAccessConfigurations: [
              { type: "VPC_SUBNET", uri: "subnet:subnet-0a1b2c3d4e5f60718" },
              { type: "VPC_SUBNET", uri: "subnet:subnet-0f1e2d3c4b5a69788" },
              {
                type: "VPC_SECURITY_GROUP",
                uri: "security_group:sg-0123456789abcdef0",
              },
              {
                type: "SASL_SCRAM_256_AUTH",
                uri: "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka/onprem-orders-Qw3rTy",
              },
            ],
            selfManagedEventSource: {
              endpoints: {
                kafkaBootstrapServers: [
                  "b-1.kafka.corp.example.net:9096",
                  "b-2.kafka.corp.example.net:9096",
                  "b-3.kafka.corp.example.net:9096",
                ],
              },
            },
            selfManagedKafkaEventSourceConfig: { consumerGroupId: "c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f" },
            metricsConfig: {
              metrics: ["EventCount", "ErrorCount", "KafkaMetrics"],
            },
            loggingConfig: { systemLogLevel: "INFO" },
            provisionedPollerConfig: { minimumPollers: 2, maximumPollers: 20 },
          });
      "
    `);
  });

  it('writes the seed RabbitMQ mapping', () => {
    expect(statementsOf(toCdk([codeOf('mq-rabbitmq')], literal).text)).toMatchInlineSnapshot(`
      "    // Exported from mapping dbbcce2f-fd7e-410e-a4d3-f8d883d52031 (us-east-1, mq-rabbitmq).
          new CfnEventSourceMapping(this, "GeoFanoutProdGeoRabbitmqProdMapping", {
            eventSourceArn: "arn:aws:mq:us-east-1:123456789012:broker:geo-rabbitmq-prod:b-9dde7de3-a883-455b-a55b-8f7de8fd23b6",
            functionName: "geo-fanout-prod",
            tags: [
              { key: "env", value: "prod" },
              { key: "team", value: "geo" },
            ],
            queues: ["geo-retry"],
            sourceAccessConfigurations: [
              {
                type: "BASIC_AUTH",
                uri: "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/geo-rabbitmq-prod-6zfaUd",
              },
              { type: "VIRTUAL_HOST", uri: "/geo" },
            ],
          });
      "
    `);
  });

  it('writes a DocumentDB mapping', () => {
    expect(statementsOf(toCdk([codeOf('documentdb')], literal).text)).toMatchInlineSnapshot(`
      "    // Exported from mapping e9f8a7b6-c5d4-4e3f-a2b1-c0d9e8f7a6b5 (us-east-1, documentdb).
          new CfnEventSourceMapping(this, "CatalogIndexerCatalogDocdbProdMapping", {
            eventSourceArn: "arn:aws:rds:us-east-1:123456789012:cluster:catalog-docdb-prod",
            functionName: "catalog-indexer:live",
            startingPosition: "LATEST",
            tags: [
              { key: "team", value: "catalog" },
            ],
            sourceAccessConfigurations: [
              {
                type: "BASIC_AUTH",
                uri: "arn:aws:secretsmanager:us-east-1:123456789012:secret:docdb/catalog-docdb-prod-Ab1Cd2",
              },
            ],
            documentDbEventSourceConfig: {
              databaseName: "catalog",
              collectionName: "products",
              fullDocument: "UpdateLookup",
            },
          });
      "
    `);
  });
});

describe('toCdk', () => {
  it('creates, for every fixture, a CfnEventSourceMapping with the camelCase CloudFormation properties', () => {
    const codes = SOURCE_TYPES.map((t) => codeOf(t));
    for (const options of [literal, reference]) {
      const created = evaluate(toCdk(codes, options).text);
      expect(created.map((c) => c.props)).toEqual(
        codes.map((code) => camel(cloudFormationProperties(code, code.request.FunctionName))),
      );
      expect(created.map((c) => c.id)).toEqual(resourceNames(codes).map((n) => n.logicalId));
    }
  });

  it('with functionReference reference, takes one optional prop per function, defaulting to the literal', () => {
    const codes = [codeOf('kinesis'), codeOf('sqs'), { ...codeOf('kinesis'), UUID: 'other' }];
    const { text } = toCdk(codes, reference);
    expect(text).toContain(
      [
        'export interface EventSourceMappingsProps {',
        '  /** FunctionName (name, ARN or qualified name). Default: "orders-processor:live". */',
        '  readonly ordersProcessorLiveFunctionName?: string;',
        '  /** FunctionName (name, ARN or qualified name). Default: "payments-settler:7". */',
        '  readonly paymentsSettler7FunctionName?: string;',
        '}',
      ].join('\n'),
    );
    const given = evaluate(text, { ordersProcessorLiveFunctionName: 'orders-processor:canary' });
    expect(given.map((c) => [c.id, c.props.functionName])).toEqual([
      ['OrdersProcessorOrdersEventsMapping', 'orders-processor:canary'],
      ['PaymentsSettlerPaymentsSettlementsMapping', 'payments-settler:7'],
      ['OrdersProcessorOrdersEventsMapping2', 'orders-processor:canary'],
    ]);
  });

  it('says that a stack is regional when the mappings come from several regions', () => {
    const out = toCdk([codeOf('sqs'), { ...codeOf('kinesis'), region: 'eu-west-1' }], literal);
    expect([out.fileName, out.mediaType]).toEqual(['event-source-mappings.ts', 'text/typescript']);
    expect(out.text).toContain(
      '// This construct has mappings of 2 regions (us-east-1, eu-west-1), and a stack is regional:\n' +
        '// split it into a stack per region (the comment over each mapping names its region).\n',
    );
    expect(out.text).not.toContain('each resource names its region');
    expect(out.text).toContain(
      '    // Exported from mapping 6f2b7c1e-4a3d-4e8b-9c0f-1a2b3c4d5e6f (eu-west-1, kinesis).\n',
    );
  });

  it('writes every hostile string as a literal that evaluates to exactly that string (no interpolation)', () => {
    const code = hostileCode();
    const { text } = toCdk([code], literal);
    const [created] = evaluate(text);
    expect(created?.props).toEqual(
      camel(cloudFormationProperties(code, code.request.FunctionName)),
    );
    const tags = created?.props.tags as { key: string; value: string }[];
    expect(tags.map((t) => t.value).sort()).toEqual([...HOSTILE_STRINGS].sort());
    // One statement per line of source: no raw line break inside a literal.
    for (const line of text.split('\n')) {
      expect(line).not.toMatch(/[\r\u2028\u2029]/);
    }
  });
});

describe('every create member of the registry', () => {
  it('shows up in the CfnEventSourceMapping props under its CDK name when a mapping uses it', () => {
    const codes = SOURCE_TYPES.map((t) => codeOf(t));
    const missing = missingCreateMembers({ codes }, (member, code) => {
      const [created] = evaluate(toCdk([code], literal).text);
      return (
        member.cloudFormation !== null &&
        created?.props[cdkPropName(member.cloudFormation)] !== undefined
      );
    });
    expect(missing).toEqual([]);
  });
});
