import { describe, expect, it } from 'vitest';

import { REQUEST_MEMBERS, SAM_EVENT_TYPES, setPath } from '../form/request-members';
import { SOURCE_TYPES, type SourceType } from '../form/source-limits';
import { cloudFormationProperties } from './cloudformation';
import { HOSTILE_STRINGS } from './fixtures';
import type { MappingCode } from './mapping-code';
import { samPlacement, toSam } from './sam';
import {
  cloudFormationResourcesOf,
  codeOf,
  hostileCode,
  literal,
  missingCreateMembers,
  parseYaml,
  reference,
  resourcesSection,
  type Json,
} from './test-helpers';

interface Resource {
  Type: string;
  Properties: Json;
}

/** A fixture SAM can take as an event: no tags, an unqualified function. */
const expressible = (type: SourceType): MappingCode => {
  const code = codeOf(type);
  const { Tags: _tags, ...request } = code.request;
  return { ...code, request: { ...request, FunctionName: `${type}-handler` } };
};

const resourcesOf = (text: string): Record<string, Resource> =>
  parseYaml(text).Resources as Record<string, Resource>;

/** A SAM event's Properties in CloudFormation names, through `SAM_EVENT_TYPES`. */
function eventToCloudFormation(type: string, properties: Json): Json {
  const eventType = SAM_EVENT_TYPES.find((t) => t.type === type);
  const out: Json = {};
  for (const [name, value] of Object.entries(properties)) {
    if (name === 'DynamicPolicyName') continue;
    const path = eventType?.properties[name];
    if (path === undefined) throw new Error(`${type} event property ${name} is not in the table`);
    setPath(out, path, value);
  }
  return out;
}

/**
 * Where each fixture goes in the SAM template: `event <type>`, or why it is a plain resource
 * ({@link samPlacement}'s reason).
 */
const PLACEMENTS: Readonly<Record<SourceType, string>> = {
  kinesis:
    "its FunctionName orders-processor:live names a version or alias (live), and SAM's Kinesis event invokes the function it is declared under; SAM's Kinesis event does not take Tags.",
  dynamodb: 'event DynamoDB',
  sqs: "its FunctionName payments-settler:7 names a version or alias (7), and SAM's SQS event invokes the function it is declared under; SAM's SQS event does not take Tags.",
  'sqs-fifo': 'event SQS',
  msk: "its FunctionName clickstream-aggregator:prod names a version or alias (prod), and SAM's MSK event invokes the function it is declared under; SAM's MSK event does not take Tags.",
  'self-managed-kafka':
    "SAM's SelfManagedKafka event does not take MaximumBatchingWindowInSeconds, DestinationConfig and Tags.",
  'mq-activemq': 'event MQ',
  'mq-rabbitmq': "SAM's MQ event does not take Tags.",
  documentdb:
    "its FunctionName catalog-indexer:live names a version or alias (live), and SAM's DocumentDB event invokes the function it is declared under; SAM's DocumentDB event does not take Tags.",
};

describe('SAM_EVENT_TYPES', () => {
  it('gives every source type exactly one SAM event type', () => {
    for (const type of SOURCE_TYPES) {
      expect(SAM_EVENT_TYPES.filter((t) => t.sourceTypes.includes(type))).toHaveLength(1);
    }
  });

  it('maps each event property to a CloudFormation property of the registry', () => {
    const names = new Set(REQUEST_MEMBERS.map((m) => m.cloudFormation));
    for (const t of SAM_EVENT_TYPES) {
      for (const path of Object.values(t.properties)) {
        expect(names.has(path.split('.')[0] ?? '')).toBe(true);
      }
      expect(t.doc.url).toMatch(
        /^https:\/\/docs\.aws\.amazon\.com\/serverless-application-model\/latest\/developerguide\/sam-property-function-[a-z]+\.html$/,
      );
    }
  });
});

describe('samPlacement', () => {
  it.each(SOURCE_TYPES.filter((t) => t !== 'self-managed-kafka'))(
    'makes a %s mapping without tags on an unqualified function an event with all its members',
    (type) => {
      const code = expressible(type);
      const placement = samPlacement(code);
      expect(placement.kind).toBe('event');
      if (placement.kind !== 'event') return;
      const { FunctionName: _fn, ...members } = cloudFormationProperties(code, '');
      expect(eventToCloudFormation(placement.eventType.type, placement.properties)).toEqual(
        members,
      );
    },
  );

  it('keeps the fixtures that SAM cannot take as resources, saying why', () => {
    const reasons = Object.fromEntries(
      SOURCE_TYPES.map((t) => {
        const p = samPlacement(codeOf(t));
        return [t, p.kind === 'resource' ? p.reason : `event ${p.eventType.type}`];
      }),
    );
    expect(reasons).toEqual(PLACEMENTS);
  });

  it('flattens self-managed Kafka into KafkaBootstrapServers and ConsumerGroupId when it can', () => {
    const code = expressible('self-managed-kafka');
    const { MaximumBatchingWindowInSeconds: _w, DestinationConfig: _d, ...request } = code.request;
    const placement = samPlacement({ ...code, request });
    expect(placement).toMatchObject({
      kind: 'event',
      properties: {
        KafkaBootstrapServers: [
          'b-1.kafka.corp.example.net:9096',
          'b-2.kafka.corp.example.net:9096',
          'b-3.kafka.corp.example.net:9096',
        ],
        Topics: ['orders.ledger'],
        ConsumerGroupId: 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f',
      },
    });
  });

  it('names a nested member SAM has no property for (Kafka ConsumptionMode)', () => {
    const code = expressible('self-managed-kafka');
    const placement = samPlacement({
      ...code,
      request: {
        ...code.request,
        MaximumBatchingWindowInSeconds: undefined,
        DestinationConfig: undefined,
        SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g', ConsumptionMode: 'Queue' },
      },
    });
    expect(placement).toEqual({
      kind: 'resource',
      reason:
        "SAM's SelfManagedKafka event does not take SelfManagedKafkaEventSourceConfig.ConsumptionMode.",
    });
  });

  it('follows the translator: MQ needs BASIC_AUTH, one topic for self-managed Kafka, accepted access types', () => {
    const mq = expressible('mq-activemq');
    expect(
      samPlacement({
        ...mq,
        request: {
          ...mq.request,
          SourceAccessConfigurations: [{ Type: 'VIRTUAL_HOST', URI: '/v' }],
        },
      }),
    ).toEqual({
      kind: 'resource',
      reason: "SAM's MQ event requires a BASIC_AUTH SourceAccessConfiguration.",
    });
    const docdb = expressible('documentdb');
    expect(
      samPlacement({
        ...docdb,
        request: {
          ...docdb.request,
          SourceAccessConfigurations: [{ Type: 'CLIENT_CERTIFICATE_TLS_AUTH', URI: 'arn:x' }],
        },
      }),
    ).toEqual({
      kind: 'resource',
      reason:
        "SAM's DocumentDB event does not take SourceAccessConfigurations of Type CLIENT_CERTIFICATE_TLS_AUTH; SAM's DocumentDB event requires a BASIC_AUTH SourceAccessConfiguration.",
    });
    const kafka = expressible('self-managed-kafka');
    expect(
      samPlacement({
        ...kafka,
        request: {
          ...kafka.request,
          MaximumBatchingWindowInSeconds: undefined,
          DestinationConfig: undefined,
          Topics: ['a', 'b'],
        },
      }),
    ).toEqual({
      kind: 'resource',
      reason: "SAM's SelfManagedKafka event takes at most 1 topic, and it has 2.",
    });
    const sqs = expressible('sqs');
    expect(
      samPlacement({
        ...sqs,
        request: {
          ...sqs.request,
          FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:sqs-handler',
        },
      }),
    ).toEqual({
      kind: 'resource',
      reason:
        "its FunctionName arn:aws:lambda:us-east-1:123456789012:function:sqs-handler is an ARN, and SAM's SQS event invokes the function it is declared under.",
    });
  });
});

/**
 * The SAM template of one mapping (literal function name) from `Resources:` on, after checking
 * that its head, but for the header comment (which names Kafka consumer groups for Kafka
 * mappings, tested in cloudformation.test.ts), is the seed ActiveMQ template's (whose whole text
 * is pinned below).
 */
function samResourcesOf(code: MappingCode): string {
  const head = (text: string): string =>
    text.slice(text.indexOf('AWSTemplateFormatVersion'), text.indexOf('Resources:\n'));
  const { text } = toSam([code], literal);
  expect(head(text)).toBe(head(toSam([codeOf('mq-activemq')], literal).text));
  return resourcesSection(text);
}

/**
 * The event (its `Type` and `Properties`, as YAML at no indentation) that the SAM template of one
 * mapping declares under its function, after checking the head ({@link samResourcesOf}) and the
 * lines above the event: the function's comment, logical ID, type, `FunctionName` and `Events`,
 * the comment naming the live mapping and the event's logical ID.
 */
function samEventOf(code: MappingCode, functionId: string, logicalId: string): string {
  const fn = code.request.FunctionName ?? '';
  const lines = samResourcesOf(code).split('\n');
  expect(lines.slice(0, 10)).toEqual([
    'Resources:',
    `  # Function ${fn}: its other properties (CodeUri, Handler, Runtime, Role…) are yours;`,
    '  # merge these Events into your AWS::Serverless::Function.',
    `  ${functionId}:`,
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    `      FunctionName: ${fn}`,
    '      Events:',
    `        # Exported from mapping ${code.UUID} (us-east-1, ${code.sourceType}).`,
    `        ${logicalId}:`,
  ]);
  return lines
    .slice(10)
    .map((line) => line.replace(/^ {10}/, ''))
    .join('\n');
}

describe('toSam golden files', () => {
  it('writes the seed ActiveMQ mapping as an MQ event of its function', () => {
    expect(toSam([codeOf('mq-activemq')], literal)).toMatchInlineSnapshot(`
      {
        "fileName": "template.yaml",
        "mediaType": "text/yaml",
        "text": "# Generated by lambda-esm-console from live event source mappings (AWS SAM).
      # Region: us-east-1.
      # A new stack creates new mappings, and Lambda refuses a second mapping of the same source and
      # function (ResourceConflictException). So delete the live mapping (UUIDs below) first, or bring
      # it into a stack with a resource import (IaC generator, or a change set of type IMPORT with Id =
      # its UUID; the resource needs a DeletionPolicy).

      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Description: A Lambda event source mapping exported by lambda-esm-console
      Resources:
        # Function telemetry-enricher-prod: its other properties (CodeUri, Handler, Runtime, Role…) are yours;
        # merge these Events into your AWS::Serverless::Function.
        TelemetryEnricherProdFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: telemetry-enricher-prod
            Events:
              # Exported from mapping 9585f67f-3776-4cf4-b714-250dafb565be (us-east-1, mq-activemq).
              TelemetryEnricherProdTelemetryActivemqProdMapping:
                Type: MQ
                Properties:
                  Broker: arn:aws:mq:us-east-1:123456789012:broker:telemetry-activemq-prod:b-e88d33b2-c7f1-4948-8318-9866c44979ee
                  Queues:
                    - telemetry.updates
                  SourceAccessConfigurations:
                    - Type: BASIC_AUTH
                      URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/telemetry-activemq-prod-0k56yo
                  BatchSize: 10
                  MaximumBatchingWindowInSeconds: 1
      ",
      }
    `);
  });

  it('writes a disabled DynamoDB mapping as a DynamoDB event', () => {
    expect(samEventOf(codeOf('dynamodb'), 'InventorySyncFunction', 'InventorySyncInventoryMapping'))
      .toMatchInlineSnapshot(`
      "Type: DynamoDB
      Properties:
        Stream: arn:aws:dynamodb:us-east-1:123456789012:table/inventory/stream/2026-03-02T08:15:44.120
        StartingPosition: LATEST
        Enabled: false
      "
    `);
  });

  it('writes an SQS FIFO mapping as an SQS event', () => {
    expect(
      samEventOf(
        codeOf('sqs-fifo'),
        'LedgerWriterFunction',
        'LedgerWriterLedgerEntriesFifoMapping',
      ),
    ).toMatchInlineSnapshot(`
      "Type: SQS
      Properties:
        Queue: arn:aws:sqs:us-east-1:123456789012:ledger-entries.fifo
      "
    `);
  });

  it.each([
    ['a Kinesis mapping on an alias', 'kinesis'],
    ['an SQS mapping on a version', 'sqs'],
    ['an MSK mapping on an alias', 'msk'],
    ['a self-managed Kafka mapping with members SAM lacks', 'self-managed-kafka'],
    ['the seed RabbitMQ mapping with tags', 'mq-rabbitmq'],
    ['a DocumentDB mapping on an alias', 'documentdb'],
  ] as const)(
    'writes %s as a resource, as the CloudFormation export writes it, saying why',
    (_title, type) => {
      const code = codeOf(type);
      const [resources, source, ...rest] = cloudFormationResourcesOf(code).split('\n');
      const reason = `  # A resource, not an event of its function: ${PLACEMENTS[type]}`;
      expect(samResourcesOf(code)).toBe([resources, source, reason, ...rest].join('\n'));
    },
  );

  it('writes expressible mappings of every event type as events, flattened where SAM flattens', () => {
    const codes = [
      expressible('kinesis'),
      expressible('msk'),
      expressible('documentdb'),
      expressible('mq-rabbitmq'),
    ];
    const { text } = toSam(codes, literal);
    expect(resourcesSection(text)).toMatchInlineSnapshot(`
      "Resources:
        # Function kinesis-handler: its other properties (CodeUri, Handler, Runtime, Role…) are yours;
        # merge these Events into your AWS::Serverless::Function.
        KinesisHandlerFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: kinesis-handler
            Events:
              # Exported from mapping 6f2b7c1e-4a3d-4e8b-9c0f-1a2b3c4d5e6f (us-east-1, kinesis).
              KinesisHandlerOrdersEventsMapping:
                Type: Kinesis
                Properties:
                  Stream: arn:aws:kinesis:us-east-1:123456789012:stream/orders-events
                  StartingPosition: AT_TIMESTAMP
                  StartingPositionTimestamp: 1777638600
                  BatchSize: 500
                  BisectBatchOnFunctionError: true
                  DestinationConfig:
                    OnFailure:
                      Destination: arn:aws:sqs:us-east-1:123456789012:orders-events-dlq
                  FilterCriteria:
                    Filters:
                      - Pattern: '{"data":{"eventType":["OrderPlaced","OrderCancelled"]}}'
                  FunctionResponseTypes:
                    - ReportBatchItemFailures
                  MaximumBatchingWindowInSeconds: 5
                  MaximumRecordAgeInSeconds: 3600
                  MaximumRetryAttempts: 3
                  MetricsConfig:
                    Metrics:
                      - EventCount
                  ParallelizationFactor: 4
        # Function msk-handler: its other properties (CodeUri, Handler, Runtime, Role…) are yours;
        # merge these Events into your AWS::Serverless::Function.
        MskHandlerFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: msk-handler
            Events:
              # Exported from mapping b7e6d5c4-a3b2-4c1d-9e0f-a1b2c3d4e5f6 (us-east-1, msk).
              MskHandlerAnalyticsProdMapping:
                Type: MSK
                Properties:
                  Stream: arn:aws:kafka:us-east-1:123456789012:cluster/analytics-prod/7d3a9f2e-1b4c-4d5e-8f6a-0b1c2d3e4f5a-3
                  Topics:
                    - clickstream.page-views
                  StartingPosition: TRIM_HORIZON
                  ConsumerGroupId: clickstream-aggregator-prod
                  SourceAccessConfigurations:
                    - Type: SASL_SCRAM_512_AUTH
                      URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_analytics-prod-Xy12Ab
                  BatchSize: 1000
                  MaximumBatchingWindowInSeconds: 2
        # Function documentdb-handler: its other properties (CodeUri, Handler, Runtime, Role…) are yours;
        # merge these Events into your AWS::Serverless::Function.
        DocumentdbHandlerFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: documentdb-handler
            Events:
              # Exported from mapping e9f8a7b6-c5d4-4e3f-a2b1-c0d9e8f7a6b5 (us-east-1, documentdb).
              DocumentdbHandlerCatalogDocdbProdMapping:
                Type: DocumentDB
                Properties:
                  Cluster: arn:aws:rds:us-east-1:123456789012:cluster:catalog-docdb-prod
                  DatabaseName: catalog
                  CollectionName: products
                  FullDocument: UpdateLookup
                  SourceAccessConfigurations:
                    - Type: BASIC_AUTH
                      URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:docdb/catalog-docdb-prod-Ab1Cd2
                  StartingPosition: LATEST
        # Function mq-rabbitmq-handler: its other properties (CodeUri, Handler, Runtime, Role…) are yours;
        # merge these Events into your AWS::Serverless::Function.
        MqRabbitmqHandlerFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: mq-rabbitmq-handler
            Events:
              # Exported from mapping dbbcce2f-fd7e-410e-a4d3-f8d883d52031 (us-east-1, mq-rabbitmq).
              MqRabbitmqHandlerGeoRabbitmqProdMapping:
                Type: MQ
                Properties:
                  Broker: arn:aws:mq:us-east-1:123456789012:broker:geo-rabbitmq-prod:b-9dde7de3-a883-455b-a55b-8f7de8fd23b6
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
});

describe('toSam', () => {
  it('refers to a function the template declares from a resource of the same function', () => {
    const event = expressible('sqs-fifo');
    const tagged = {
      ...expressible('sqs'),
      request: {
        ...expressible('sqs').request,
        FunctionName: event.request.FunctionName,
        Tags: { a: 'b' },
      },
    };
    for (const options of [literal, reference]) {
      const resources = resourcesOf(toSam([event, tagged], options).text);
      expect(Object.keys(resources)).toEqual([
        'SqsFifoHandlerFunction',
        'SqsFifoHandlerPaymentsSettlementsMapping',
      ]);
      expect(resources.SqsFifoHandlerPaymentsSettlementsMapping?.Properties.FunctionName).toEqual({
        Ref: 'SqsFifoHandlerFunction',
      });
      expect(resources.SqsFifoHandlerFunction?.Properties.FunctionName).toEqual(
        options === literal ? 'sqs-fifo-handler' : { Ref: 'SqsFifoHandlerFunctionName' },
      );
    }
  });

  it('with functionReference reference, declares only the parameters it uses', () => {
    const parameters = parseYaml(
      toSam([codeOf('dynamodb'), codeOf('kinesis')], reference).text,
    ).Parameters;
    expect(parameters).toEqual({
      InventorySyncFunctionName: {
        Type: 'String',
        Default: 'inventory-sync',
        Description: 'FunctionName (name, ARN or qualified name) the mappings invoke.',
      },
      OrdersProcessorLiveFunctionName: {
        Type: 'String',
        Default: 'orders-processor:live',
        Description: 'FunctionName (name, ARN or qualified name) the mappings invoke.',
      },
    });
  });

  it('sets DynamicPolicyName on each MQ event of a function with several (their policy names clash otherwise)', () => {
    const one = expressible('mq-activemq');
    const two = {
      ...expressible('mq-rabbitmq'),
      request: { ...expressible('mq-rabbitmq').request, FunctionName: one.request.FunctionName },
    };
    const fn = resourcesOf(toSam([one, two], literal).text).MqActivemqHandlerFunction;
    const events = fn?.Properties.Events as Record<string, Resource>;
    expect(Object.values(events).map((e) => e.Properties.DynamicPolicyName)).toEqual([true, true]);
    const single = resourcesOf(toSam([one], literal).text).MqActivemqHandlerFunction;
    expect(
      Object.values(single?.Properties.Events as Record<string, Resource>)[0]?.Properties,
    ).not.toHaveProperty('DynamicPolicyName');
  });

  it('says that a stack is regional when the mappings come from several regions', () => {
    const { text, fileName, mediaType } = toSam(
      [codeOf('dynamodb'), { ...codeOf('sqs-fifo'), region: 'eu-west-1' }],
      literal,
    );
    expect([fileName, mediaType]).toEqual(['template.yaml', 'text/yaml']);
    expect(text).toContain(
      '# This template has mappings of 2 regions (us-east-1, eu-west-1), and a stack is regional:\n' +
        '# split it into a stack per region (the comment over each resource names its region).\n',
    );
    expect(text).toContain('(eu-west-1, sqs-fifo)');
  });

  it('writes hostile strings in events and in resources so that YAML 1.1 and 1.2 read them back exactly', () => {
    const hostile = hostileCode();
    // An SQS event carrying hostile strings too (queue ARN, filters).
    const event: MappingCode = {
      UUID: 'e0e0e0e0-0000-4000-8000-000000000000',
      region: 'us-east-1',
      sourceType: 'sqs',
      request: {
        FunctionName: 'hostile-handler',
        EventSourceArn: `arn:aws:sqs:us-east-1:123456789012:${HOSTILE_STRINGS.join('')}`,
        FilterCriteria: hostile.request.FilterCriteria,
      },
    };
    const { text } = toSam([hostile, event], literal);
    expect(text).not.toMatch(/[\t\u0085\u2028\u2029]/);
    for (const version of ['1.1', '1.2'] as const) {
      const resources = parseYaml(text, version).Resources as Record<string, Resource>;
      const { FunctionName: _f, ...members } = cloudFormationProperties(hostile, '');
      const resource = resources.HostileConsumerIdAndAWSRegionMapping;
      expect(resource?.Type).toBe('AWS::Lambda::EventSourceMapping');
      expect({ ...resource?.Properties, FunctionName: undefined }).toEqual({
        ...members,
        FunctionName: undefined,
      });
      const events = resources.HostileHandlerFunction?.Properties.Events as Record<
        string,
        Resource
      >;
      const sqs = Object.values(events)[0];
      expect(sqs?.Properties.Queue).toBe(event.request.EventSourceArn);
      expect(sqs?.Properties.FilterCriteria).toEqual(hostile.request.FilterCriteria);
    }
  });
});

describe('every create member of the registry', () => {
  it('shows up in the SAM template, in the event or in the fallback resource, when a mapping uses it', () => {
    const codes = [
      ...SOURCE_TYPES.map((t) => codeOf(t)),
      ...SOURCE_TYPES.map((t) => expressible(t)),
    ];
    const walk = { codes, users: 'all', sampleBase: expressible('kinesis') } as const;
    const missing = missingCreateMembers(walk, (member, code) =>
      Object.values(resourcesOf(toSam([code], literal).text)).some((r) => {
        if (r.Type === 'AWS::Lambda::EventSourceMapping') {
          return (
            member.cloudFormation !== null && r.Properties[member.cloudFormation] !== undefined
          );
        }
        if (member.name === 'FunctionName') return r.Properties.FunctionName !== undefined;
        return Object.values(r.Properties.Events as Record<string, Resource>).some(
          (e) =>
            member.cloudFormation !== null &&
            eventToCloudFormation(e.Type, e.Properties)[member.cloudFormation] !== undefined,
        );
      }),
    );
    expect(missing).toEqual([]);
  });
});
