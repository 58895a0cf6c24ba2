import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { SourceType } from '../form/source-limits';
import { cloudFormationProperties, renderTemplateYaml, toCloudFormation } from './cloudformation';
import { HOSTILE_STRINGS, MAPPING_FIXTURES } from './fixtures';
import type { MappingCode } from './mapping-code';
import {
  cloudFormationResourcesOf,
  codeOf,
  hostileCode,
  literal,
  missingCreateMembers,
  parseYaml,
  reference,
  type Json,
} from './test-helpers';

/**
 * The `Properties` of the one resource in the CloudFormation export of `code` (literal function
 * name), as YAML at no indentation, after checking the lines above them: `Resources:`, the
 * comment naming the live mapping, the logical ID and the resource type.
 */
function cloudFormationPropertiesOf(code: MappingCode, logicalId: string): string {
  const lines = cloudFormationResourcesOf(code).split('\n');
  expect(lines.slice(0, 5)).toEqual([
    'Resources:',
    `  # Exported from mapping ${code.UUID} (us-east-1, ${code.sourceType}).`,
    `  ${logicalId}:`,
    '    Type: AWS::Lambda::EventSourceMapping',
    '    Properties:',
  ]);
  return lines
    .slice(5)
    .map((line) => line.replace(/^ {6}/, ''))
    .join('\n');
}

describe('cloudFormationProperties', () => {
  it('converts Tags to a Key/Value list sorted by key, and sets FunctionName as given', () => {
    const props = cloudFormationProperties(codeOf('kinesis'), { Ref: 'Fn' });
    expect(props.FunctionName).toEqual({ Ref: 'Fn' });
    expect(props.Tags).toEqual([
      { Key: 'cost-center', Value: 'cc-1042' },
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'orders' },
    ]);
  });

  it('writes StartingPositionTimestamp as epoch seconds (a Double, fractions kept)', () => {
    const code = codeOf('kinesis');
    const at = new Date('2026-05-01T12:30:00.250Z');
    const props = cloudFormationProperties(
      { ...code, request: { ...code.request, StartingPositionTimestamp: at } },
      'fn',
    );
    expect(props.StartingPositionTimestamp).toBe(1777638600.25);
  });

  it('writes the bootstrap servers as Endpoints.KafkaBootstrapServers', () => {
    const props = cloudFormationProperties(codeOf('self-managed-kafka'), 'fn');
    expect(props.SelfManagedEventSource).toEqual({
      Endpoints: {
        KafkaBootstrapServers: [
          'b-1.kafka.corp.example.net:9096',
          'b-2.kafka.corp.example.net:9096',
          'b-3.kafka.corp.example.net:9096',
        ],
      },
    });
    expect(props.EventSourceArn).toBeUndefined();
  });

  it('names KMSKeyArn and DocumentDBEventSourceConfig as the resource does', () => {
    expect(cloudFormationProperties(codeOf('sqs'), 'fn').KmsKeyArn).toBe(
      'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    );
    expect(
      cloudFormationProperties(codeOf('documentdb'), 'fn').DocumentDBEventSourceConfig,
    ).toEqual({
      DatabaseName: 'catalog',
      CollectionName: 'products',
      FullDocument: 'UpdateLookup',
    });
  });

  it('keeps a Kafka schema registry as the resource shapes it', () => {
    const code = codeOf('msk');
    const SchemaRegistryConfig = {
      SchemaRegistryURI: 'arn:aws:glue:us-east-1:123456789012:registry/clickstream',
      EventRecordFormat: 'JSON' as const,
      AccessConfigs: [
        {
          Type: 'SERVER_ROOT_CA_CERTIFICATE' as const,
          URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ca',
        },
      ],
      SchemaValidationConfigs: [{ Attribute: 'VALUE' as const }],
    };
    const props = cloudFormationProperties(
      {
        ...code,
        request: {
          ...code.request,
          AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g', SchemaRegistryConfig },
        },
      },
      'fn',
    );
    expect(props.AmazonManagedKafkaEventSourceConfig).toEqual({
      ConsumerGroupId: 'g',
      SchemaRegistryConfig,
    });
  });

  it('throws naming a member CloudFormation cannot express', () => {
    const code = codeOf('kinesis');
    expect(() =>
      cloudFormationProperties(
        {
          ...code,
          request: {
            ...code.request,
            DestinationConfig: {
              OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:123456789012:ok' },
            },
          },
        },
        'fn',
      ),
    ).toThrow(/^DestinationConfig\.OnSuccess has no AWS::Lambda::EventSourceMapping property/);
    expect(() =>
      cloudFormationProperties(
        { ...code, request: { ...code.request, UUID: 'x' } as MappingCode['request'] },
        'fn',
      ),
    ).toThrow(/^UUID has no AWS::Lambda::EventSourceMapping property/);
    expect(() =>
      cloudFormationProperties(
        { ...code, request: { ...code.request, Foo: 1 } as MappingCode['request'] },
        'fn',
      ),
    ).toThrow(/^Foo is not in the field registry/);
    const kafka = codeOf('self-managed-kafka');
    expect(() =>
      cloudFormationProperties(
        {
          ...kafka,
          request: {
            ...kafka.request,
            SelfManagedEventSource: {
              Endpoints: { OTHER: ['x'] } as unknown as Record<'KAFKA_BOOTSTRAP_SERVERS', string[]>,
            },
          },
        },
        'fn',
      ),
    ).toThrow(/^SelfManagedEventSource\.Endpoints\.OTHER has no AWS::Lambda::EventSourceMapping/);
  });
});

describe('toCloudFormation golden files', () => {
  it('writes the seed ActiveMQ mapping (Queues + BASIC_AUTH) as a whole template', () => {
    expect(toCloudFormation([codeOf('mq-activemq')], literal)).toMatchInlineSnapshot(`
      {
        "fileName": "event-source-mappings.yaml",
        "mediaType": "text/yaml",
        "text": "# Generated by lambda-esm-console from live event source mappings.
      # Region: us-east-1.
      # A new stack creates new mappings, and Lambda refuses a second mapping of the same source and
      # function (ResourceConflictException). So delete the live mapping (UUIDs below) first, or bring
      # it into a stack with a resource import (IaC generator, or a change set of type IMPORT with Id =
      # its UUID; the resource needs a DeletionPolicy).

      AWSTemplateFormatVersion: "2010-09-09"
      Description: A Lambda event source mapping exported by lambda-esm-console
      Resources:
        # Exported from mapping 9585f67f-3776-4cf4-b714-250dafb565be (us-east-1, mq-activemq).
        TelemetryEnricherProdTelemetryActivemqProdMapping:
          Type: AWS::Lambda::EventSourceMapping
          Properties:
            EventSourceArn: arn:aws:mq:us-east-1:123456789012:broker:telemetry-activemq-prod:b-e88d33b2-c7f1-4948-8318-9866c44979ee
            FunctionName: telemetry-enricher-prod
            BatchSize: 10
            MaximumBatchingWindowInSeconds: 1
            Queues:
              - telemetry.updates
            SourceAccessConfigurations:
              - Type: BASIC_AUTH
                URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/telemetry-activemq-prod-0k56yo
      ",
      }
    `);
  });

  it('writes a Kinesis mapping: alias, AT_TIMESTAMP in epoch seconds, error handling, filter, destination, metrics, tags', () => {
    expect(cloudFormationPropertiesOf(codeOf('kinesis'), 'OrdersProcessorOrdersEventsMapping'))
      .toMatchInlineSnapshot(`
      "EventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/orders-events
      FunctionName: orders-processor:live
      BatchSize: 500
      FilterCriteria:
        Filters:
          - Pattern: '{"data":{"eventType":["OrderPlaced","OrderCancelled"]}}'
      MaximumBatchingWindowInSeconds: 5
      ParallelizationFactor: 4
      StartingPosition: AT_TIMESTAMP
      StartingPositionTimestamp: 1777638600
      DestinationConfig:
        OnFailure:
          Destination: arn:aws:sqs:us-east-1:123456789012:orders-events-dlq
      MaximumRecordAgeInSeconds: 3600
      BisectBatchOnFunctionError: true
      MaximumRetryAttempts: 3
      Tags:
        - Key: cost-center
          Value: cc-1042
        - Key: env
          Value: prod
        - Key: team
          Value: orders
      FunctionResponseTypes:
        - ReportBatchItemFailures
      MetricsConfig:
        Metrics:
          - EventCount
      "
    `);
  });

  it('writes a disabled DynamoDB mapping with only what differs from the defaults', () => {
    expect(cloudFormationPropertiesOf(codeOf('dynamodb'), 'InventorySyncInventoryMapping'))
      .toMatchInlineSnapshot(`
      "EventSourceArn: arn:aws:dynamodb:us-east-1:123456789012:table/inventory/stream/2026-03-02T08:15:44.120
      FunctionName: inventory-sync
      Enabled: false
      StartingPosition: LATEST
      "
    `);
  });

  it('writes the same DynamoDB mapping with the server defaults when asked', () => {
    expect(cloudFormationPropertiesOf(codeOf('dynamodb', true), 'InventorySyncInventoryMapping'))
      .toMatchInlineSnapshot(`
      "EventSourceArn: arn:aws:dynamodb:us-east-1:123456789012:table/inventory/stream/2026-03-02T08:15:44.120
      FunctionName: inventory-sync
      Enabled: false
      BatchSize: 100
      MaximumBatchingWindowInSeconds: 0
      ParallelizationFactor: 1
      StartingPosition: LATEST
      MaximumRecordAgeInSeconds: -1
      BisectBatchOnFunctionError: false
      MaximumRetryAttempts: -1
      TumblingWindowInSeconds: 0
      FunctionResponseTypes: []
      "
    `);
  });

  it('writes an SQS mapping: two filters, KmsKeyArn, ScalingConfig', () => {
    expect(cloudFormationPropertiesOf(codeOf('sqs'), 'PaymentsSettlerPaymentsSettlementsMapping'))
      .toMatchInlineSnapshot(`
      "EventSourceArn: arn:aws:sqs:us-east-1:123456789012:payments-settlements
      FunctionName: payments-settler:7
      BatchSize: 50
      FilterCriteria:
        Filters:
          - Pattern: '{"body":{"currency":["EUR","USD"]}}'
          - Pattern: '{"attributes":{"ApproximateReceiveCount":[{"numeric":[">",3]}]}}'
      MaximumBatchingWindowInSeconds: 10
      Tags:
        - Key: env
          Value: prod
        - Key: team
          Value: payments
      FunctionResponseTypes:
        - ReportBatchItemFailures
      ScalingConfig:
        MaximumConcurrency: 20
      KmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
      "
    `);
  });

  it('writes an SQS FIFO mapping with nothing but its source and function', () => {
    expect(cloudFormationPropertiesOf(codeOf('sqs-fifo'), 'LedgerWriterLedgerEntriesFifoMapping'))
      .toMatchInlineSnapshot(`
      "EventSourceArn: arn:aws:sqs:us-east-1:123456789012:ledger-entries.fifo
      FunctionName: ledger-writer
      "
    `);
  });

  it('writes an MSK mapping: topic, SASL/SCRAM secret, AmazonManagedKafkaEventSourceConfig', () => {
    expect(cloudFormationPropertiesOf(codeOf('msk'), 'ClickstreamAggregatorAnalyticsProdMapping'))
      .toMatchInlineSnapshot(`
      "EventSourceArn: arn:aws:kafka:us-east-1:123456789012:cluster/analytics-prod/7d3a9f2e-1b4c-4d5e-8f6a-0b1c2d3e4f5a-3
      FunctionName: clickstream-aggregator:prod
      BatchSize: 1000
      MaximumBatchingWindowInSeconds: 2
      StartingPosition: TRIM_HORIZON
      Tags:
        - Key: team
          Value: analytics
      Topics:
        - clickstream.page-views
      SourceAccessConfigurations:
        - Type: SASL_SCRAM_512_AUTH
          URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_analytics-prod-Xy12Ab
      AmazonManagedKafkaEventSourceConfig:
        ConsumerGroupId: clickstream-aggregator-prod
      "
    `);
  });

  it('writes a self-managed Kafka mapping: Endpoints.KafkaBootstrapServers, VPC and auth, provisioned mode, metrics, logging', () => {
    expect(
      cloudFormationPropertiesOf(
        codeOf('self-managed-kafka'),
        'OrdersLedgerConsumerB1KafkaCorpExampleNet9096Mapping',
      ),
    ).toMatchInlineSnapshot(`
      "FunctionName: orders-ledger-consumer
      BatchSize: 500
      MaximumBatchingWindowInSeconds: 1
      StartingPosition: LATEST
      DestinationConfig:
        OnFailure:
          Destination: kafka://orders-ledger-dlq
      Tags:
        - Key: env
          Value: prod
        - Key: owner
          Value: platform@example.com
        - Key: team
          Value: orders
      Topics:
        - orders.ledger
      SourceAccessConfigurations:
        - Type: VPC_SUBNET
          URI: subnet:subnet-0a1b2c3d4e5f60718
        - Type: VPC_SUBNET
          URI: subnet:subnet-0f1e2d3c4b5a69788
        - Type: VPC_SECURITY_GROUP
          URI: security_group:sg-0123456789abcdef0
        - Type: SASL_SCRAM_256_AUTH
          URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka/onprem-orders-Qw3rTy
      SelfManagedEventSource:
        Endpoints:
          KafkaBootstrapServers:
            - b-1.kafka.corp.example.net:9096
            - b-2.kafka.corp.example.net:9096
            - b-3.kafka.corp.example.net:9096
      SelfManagedKafkaEventSourceConfig:
        ConsumerGroupId: c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f
      MetricsConfig:
        Metrics:
          - EventCount
          - ErrorCount
          - KafkaMetrics
      LoggingConfig:
        SystemLogLevel: INFO
      ProvisionedPollerConfig:
        MinimumPollers: 2
        MaximumPollers: 20
      "
    `);
  });

  it('writes the seed RabbitMQ mapping: BASIC_AUTH and VIRTUAL_HOST in order, tags', () => {
    expect(cloudFormationPropertiesOf(codeOf('mq-rabbitmq'), 'GeoFanoutProdGeoRabbitmqProdMapping'))
      .toMatchInlineSnapshot(`
      "EventSourceArn: arn:aws:mq:us-east-1:123456789012:broker:geo-rabbitmq-prod:b-9dde7de3-a883-455b-a55b-8f7de8fd23b6
      FunctionName: geo-fanout-prod
      Tags:
        - Key: env
          Value: prod
        - Key: team
          Value: geo
      Queues:
        - geo-retry
      SourceAccessConfigurations:
        - Type: BASIC_AUTH
          URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/geo-rabbitmq-prod-6zfaUd
        - Type: VIRTUAL_HOST
          URI: /geo
      "
    `);
  });

  it('writes a DocumentDB mapping with DocumentDBEventSourceConfig', () => {
    expect(
      cloudFormationPropertiesOf(codeOf('documentdb'), 'CatalogIndexerCatalogDocdbProdMapping'),
    ).toMatchInlineSnapshot(`
      "EventSourceArn: arn:aws:rds:us-east-1:123456789012:cluster:catalog-docdb-prod
      FunctionName: catalog-indexer:live
      StartingPosition: LATEST
      Tags:
        - Key: team
          Value: catalog
      SourceAccessConfigurations:
        - Type: BASIC_AUTH
          URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:docdb/catalog-docdb-prod-Ab1Cd2
      DocumentDBEventSourceConfig:
        DatabaseName: catalog
        CollectionName: products
        FullDocument: UpdateLookup
      "
    `);
  });
});

describe('toCloudFormation', () => {
  it('with functionReference reference, declares one String parameter per distinct function and uses !Ref', () => {
    const codes = [codeOf('kinesis'), codeOf('sqs'), { ...codeOf('kinesis'), UUID: 'other' }];
    const { text } = toCloudFormation(codes, reference);
    expect(text.slice(0, text.indexOf('Resources:'))).toMatchInlineSnapshot(`
      "# Generated by lambda-esm-console from live event source mappings.
      # Region: us-east-1.
      # A new stack creates new mappings, and Lambda refuses a second mapping of the same source and
      # function (ResourceConflictException). So delete the live mapping (UUIDs below) first, or bring
      # it into a stack with a resource import (IaC generator, or a change set of type IMPORT with Id =
      # its UUID; the resource needs a DeletionPolicy).

      AWSTemplateFormatVersion: "2010-09-09"
      Description: 3 Lambda event source mappings exported by lambda-esm-console
      Parameters:
        OrdersProcessorLiveFunctionName:
          Type: String
          Default: orders-processor:live
          Description: FunctionName (name, ARN or qualified name) the mappings invoke.
        PaymentsSettler7FunctionName:
          Type: String
          Default: payments-settler:7
          Description: FunctionName (name, ARN or qualified name) the mappings invoke.
      "
    `);
    expect(text.match(/FunctionName: !Ref OrdersProcessorLiveFunctionName$/gm)).toHaveLength(2);
    expect(text).toMatch(/FunctionName: !Ref PaymentsSettler7FunctionName$/m);
    const template = parseYaml(text);
    const resources = template.Resources as Record<string, { Properties: Json }>;
    expect(Object.keys(resources)).toEqual([
      'OrdersProcessorOrdersEventsMapping',
      'PaymentsSettlerPaymentsSettlementsMapping',
      'OrdersProcessorOrdersEventsMapping2',
    ]);
    expect(resources.PaymentsSettlerPaymentsSettlementsMapping?.Properties.FunctionName).toEqual({
      Ref: 'PaymentsSettler7FunctionName',
    });
  });

  it('says that Lambda refuses a duplicate of a live mapping, and that a ConsumerGroupId is unique only for Kafka', () => {
    const header = (codes: MappingCode[]): string => {
      const { text } = toCloudFormation(codes, literal);
      return text.slice(0, text.indexOf('AWSTemplateFormatVersion'));
    };
    const oneLine = (text: string): string => text.replace(/\n# /g, ' ');
    const sqs = header([codeOf('sqs')]);
    expect(sqs).toContain('(ResourceConflictException)');
    expect(sqs).toContain('delete the live mapping (UUIDs below) first');
    expect(oneLine(sqs)).toContain('a change set of type IMPORT with Id = its UUID');
    expect(sqs).not.toContain('stay until you delete them');
    expect(sqs).not.toContain('ConsumerGroupId');
    expect(oneLine(header([codeOf('sqs'), codeOf('msk')]))).toContain(
      '(ResourceConflictException). A Kafka ConsumerGroupId must also be unique among your Kafka event sources (two mappings in one group split its partitions). So delete the live mapping',
    );
    expect(header([codeOf('self-managed-kafka')])).toContain('ConsumerGroupId must also be unique');
    // Comment lines stay short enough to read.
    for (const line of header([codeOf('msk')]).split('\n')) {
      expect(line.length).toBeLessThanOrEqual(98);
    }
  });

  it('says that a stack is regional when the mappings come from several regions', () => {
    const { text } = toCloudFormation(
      [codeOf('sqs'), { ...codeOf('kinesis'), region: 'eu-west-1' }],
      literal,
    );
    expect(text).toContain(
      '# This template has mappings of 2 regions (us-east-1, eu-west-1), and a stack is regional:\n' +
        '# split it into a stack per region (the comment over each resource names its region).\n',
    );
    // No property names the region: only the comments do.
    expect(text).not.toMatch(/^\s+Region:/m);
    expect(text).toContain(
      '  # Exported from mapping 6f2b7c1e-4a3d-4e8b-9c0f-1a2b3c4d5e6f (eu-west-1, kinesis).\n  OrdersProcessorOrdersEventsMapping:\n',
    );
  });

  it('names the file and media type for Download', () => {
    const out = toCloudFormation([codeOf('sqs')], literal);
    expect([out.fileName, out.mediaType]).toEqual(['event-source-mappings.yaml', 'text/yaml']);
    expect(out.text.endsWith('\n')).toBe(true);
  });

  it('quotes strings YAML 1.1 would read as something else', () => {
    const words = [
      'yes',
      'on',
      'Off',
      'NO',
      'y',
      '12:30',
      '0x1F',
      '1_000',
      '2024-01-01',
      '~',
      'null',
      '.inf',
      '10',
      '1e3',
    ];
    const text = renderTemplateYaml({ Values: words }, { top: [], before: [] });
    for (const version of ['1.1', '1.2'] as const) {
      expect(parseYaml(text, version).Values).toEqual(words);
    }
  });

  it('writes every hostile string so that YAML 1.1 and 1.2 parsers read it back exactly', () => {
    const code = hostileCode();
    const { text } = toCloudFormation([code], literal);
    const expected = cloudFormationProperties(code, code.request.FunctionName);
    for (const version of ['1.1', '1.2'] as const) {
      const resources = parseYaml(text, version).Resources as Record<string, { Properties: Json }>;
      expect(Object.values(resources)[0]?.Properties).toEqual(expected);
    }
    // Each hostile string is a tag value and a key suffix, read back as is.
    const tags = expected.Tags as { Key: string; Value: string }[];
    expect(tags.map((t) => t.Value).sort()).toEqual([...HOSTILE_STRINGS].sort());
    // No raw line separator, tab or C1 control is left in the text (YAML 1.1 reads U+2028 as a
    // line break).
    expect(text).not.toMatch(/[\t\u0085\u2028\u2029]/);
  });

  it('keeps each comment on its line whatever its text holds', () => {
    const text = renderTemplateYaml(
      { A: 1 },
      {
        top: ['one\nInjected: 2', 'two\u0085Nel: 3\u2028Ls: 4'],
        before: [{ path: ['A'], lines: ['x\r\nB: 5'] }],
      },
    );
    expect(text.split('\n').filter((l) => !l.startsWith('#') && l !== '')).toEqual(['A: 1']);
    expect(parseYaml(text)).toEqual({ A: 1 });
  });

  it('writes any strings (any code points) so that YAML 1.1 and 1.2 read them back exactly', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), text, (values, key) => {
        const template = { Values: values, Tags: [{ Key: key, Value: `${key} ${key}` }] };
        const yaml = renderTemplateYaml(template, { top: [], before: [] });
        for (const version of ['1.1', '1.2'] as const) {
          expect(parseYaml(yaml, version)).toEqual(template);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('escapes C1 controls, DEL and the BOM too', () => {
    const value = 'del\u007f nel\u0085 c1\u009b bom\ufeff ls\u2028 ps\u2029 tab\t';
    const text = renderTemplateYaml({ Value: value }, { top: [], before: [] });
    expect(text).toBe(
      'Value: "del\\u007f nel\\u0085 c1\\u009b bom\\ufeff ls\\u2028 ps\\u2029 tab\\t"\n',
    );
    expect(parseYaml(text).Value).toBe(value);
  });
});

describe('every create member of the registry', () => {
  it('shows up in the CloudFormation template under its registry name when a mapping uses it', () => {
    const codes = (Object.keys(MAPPING_FIXTURES) as SourceType[]).map((t) => codeOf(t));
    const missing = missingCreateMembers({ codes }, (member, code) => {
      const resources = parseYaml(toCloudFormation([code], literal).text).Resources as Record<
        string,
        { Properties: Json }
      >;
      const properties = Object.values(resources)[0]?.Properties ?? {};
      return member.cloudFormation !== null && properties[member.cloudFormation] !== undefined;
    });
    expect(missing).toEqual([]);
  });
});
