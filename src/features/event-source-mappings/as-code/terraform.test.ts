import type { CreateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';

import type { RequestMemberName } from '../form/request-members';
import type { SourceType } from '../form/source-limits';
import { HOSTILE_STRINGS, MAPPING_FIXTURES } from './fixtures';
import type { MappingCode } from './mapping-code';
import { toMappingCode } from './recreate-request';
import {
  TERRAFORM_NOT_EXPRESSIBLE,
  TERRAFORM_PROVIDER_VERSION,
  hclKey,
  hclString,
  toTerraform,
} from './terraform';
import {
  SAMPLES,
  codeOf,
  hostileCode,
  literal,
  missingCreateMembers,
  reference,
} from './test-helpers';

/** The text of the one resource block of `text` (between its header and the closing brace). */
const resourceOf = (text: string): string => {
  const start = text.indexOf('resource "aws_lambda_event_source_mapping"');
  const end = text.indexOf('\n}\n', start);
  return text.slice(start, end + 3);
};

const HEADER = `# A Lambda event source mapping with an import block: terraform plan adopts the live mapping instead of creating a new one.
# Written for the hashicorp/aws provider 6.31.0 (the region argument and the @region import ID need 6.0 or later) and Terraform 1.5 or later (import blocks).
`;

describe('hclString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\dir\\', '"C:\\\\dir\\\\"'],
    ['a\nb\r\nc\td', '"a\\nb\\r\\nc\\td"'],
    ['${var.x}', '"$${var.x}"'],
    ['%{ if x }', '"%%{ if x }"'],
    ['$${x}', '"$$${x}"'],
    ['$ and % alone, $x %d {}', '"$ and % alone, $x %d {}"'],
    [
      'nul\u0000 bell\u0007 esc\u001b del\u007f c1\u0085',
      '"nul\\u0000 bell\\u0007 esc\\u001B del\\u007F c1\\u0085"',
    ],
    ['Ünïcödé 日本語 🚀', '"Ünïcödé 日本語 🚀"'],
    ['line\u2028para\u2029', '"line\\u2028para\\u2029"'],
  ])('writes %j as %s', (value, expected) => {
    expect(hclString(value)).toBe(expected);
  });

  it('never leaves a raw line break, quote or template introducer in any hostile string', () => {
    for (const s of HOSTILE_STRINGS) {
      const inner = hclString(s).slice(1, -1);
      expect(inner).not.toMatch(/[\n\r\u2028\u2029]/);
      // Every `"` is escaped, and every `${`/`%{` is doubled.
      expect(inner.replace(/\\\\/g, '').replace(/\\"/g, '')).not.toContain('"');
      expect(inner.replace(/\$\$\{/g, '').replace(/%%\{/g, '')).not.toMatch(/[$%]\{/);
    }
  });
});

describe('hclKey', () => {
  it('keeps identifiers bare and quotes the rest (and the literal keywords)', () => {
    expect(hclKey('team')).toBe('team');
    expect(hclKey('cost-center')).toBe('cost-center');
    expect(hclKey('KAFKA_BOOTSTRAP_SERVERS')).toBe('KAFKA_BOOTSTRAP_SERVERS');
    expect(hclKey('aws:cloudformation:stack-name')).toBe('"aws:cloudformation:stack-name"');
    expect(hclKey('1st')).toBe('"1st"');
    expect(hclKey('a b')).toBe('"a b"');
    expect(hclKey('null')).toBe('"null"');
    expect(hclKey('${x}')).toBe('"$${x}"');
  });
});

describe('toTerraform golden files', () => {
  it('writes the seed ActiveMQ mapping (Queues + BASIC_AUTH) with its import block', () => {
    const out = toTerraform([codeOf('mq-activemq')], literal);
    expect(out).toEqual({
      fileName: 'event-source-mappings.tf',
      mediaType: 'text/plain',
      text: `${HEADER}
resource "aws_lambda_event_source_mapping" "telemetry_enricher_prod_telemetry_activemq_prod" {
  event_source_arn                   = "arn:aws:mq:us-east-1:123456789012:broker:telemetry-activemq-prod:b-e88d33b2-c7f1-4948-8318-9866c44979ee"
  function_name                      = "telemetry-enricher-prod"
  region                             = "us-east-1"
  batch_size                         = 10
  maximum_batching_window_in_seconds = 1
  queues                             = ["telemetry.updates"]

  source_access_configuration {
    type = "BASIC_AUTH"
    uri  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/telemetry-activemq-prod-0k56yo"
  }
}

import {
  to = aws_lambda_event_source_mapping.telemetry_enricher_prod_telemetry_activemq_prod
  id = "9585f67f-3776-4cf4-b714-250dafb565be@us-east-1"
}
`,
    });
  });

  it('writes a Kinesis mapping: AT_TIMESTAMP in RFC 3339, error handling, filter, destination, metrics, tags', () => {
    expect(resourceOf(toTerraform([codeOf('kinesis')], literal).text)).toBe(
      `resource "aws_lambda_event_source_mapping" "orders_processor_orders_events" {
  event_source_arn                   = "arn:aws:kinesis:us-east-1:123456789012:stream/orders-events"
  function_name                      = "orders-processor:live"
  region                             = "us-east-1"
  batch_size                         = 500
  maximum_batching_window_in_seconds = 5
  parallelization_factor             = 4
  starting_position                  = "AT_TIMESTAMP"
  starting_position_timestamp        = "2026-05-01T12:30:00Z"
  maximum_record_age_in_seconds      = 3600
  bisect_batch_on_function_error     = true
  maximum_retry_attempts             = 3
  function_response_types            = ["ReportBatchItemFailures"]

  tags = {
    team        = "orders"
    env         = "prod"
    cost-center = "cc-1042"
  }

  filter_criteria {
    filter {
      pattern = "{\\"data\\":{\\"eventType\\":[\\"OrderPlaced\\",\\"OrderCancelled\\"]}}"
    }
  }

  destination_config {
    on_failure {
      destination_arn = "arn:aws:sqs:us-east-1:123456789012:orders-events-dlq"
    }
  }

  metrics_config {
    metrics = ["EventCount"]
  }
}
`,
    );
  });

  it('writes a disabled DynamoDB mapping with only what differs from the defaults', () => {
    expect(resourceOf(toTerraform([codeOf('dynamodb')], literal).text)).toBe(
      `resource "aws_lambda_event_source_mapping" "inventory_sync_inventory" {
  event_source_arn  = "arn:aws:dynamodb:us-east-1:123456789012:table/inventory/stream/2026-03-02T08:15:44.120"
  function_name     = "inventory-sync"
  region            = "us-east-1"
  enabled           = false
  starting_position = "LATEST"
}
`,
    );
  });

  it('writes an SQS mapping: one filter block per filter, the KMS key, scaling_config', () => {
    expect(resourceOf(toTerraform([codeOf('sqs')], literal).text)).toBe(
      `resource "aws_lambda_event_source_mapping" "payments_settler_payments_settlements" {
  event_source_arn                   = "arn:aws:sqs:us-east-1:123456789012:payments-settlements"
  function_name                      = "payments-settler:7"
  region                             = "us-east-1"
  batch_size                         = 50
  maximum_batching_window_in_seconds = 10
  function_response_types            = ["ReportBatchItemFailures"]
  kms_key_arn                        = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

  tags = {
    team = "payments"
    env  = "prod"
  }

  filter_criteria {
    filter {
      pattern = "{\\"body\\":{\\"currency\\":[\\"EUR\\",\\"USD\\"]}}"
    }
    filter {
      pattern = "{\\"attributes\\":{\\"ApproximateReceiveCount\\":[{\\"numeric\\":[\\">\\",3]}]}}"
    }
  }

  scaling_config {
    maximum_concurrency = 20
  }
}
`,
    );
  });

  it('writes an SQS FIFO mapping with nothing but its source, function and region', () => {
    expect(resourceOf(toTerraform([codeOf('sqs-fifo')], literal).text)).toBe(
      `resource "aws_lambda_event_source_mapping" "ledger_writer_ledger_entries_fifo" {
  event_source_arn = "arn:aws:sqs:us-east-1:123456789012:ledger-entries.fifo"
  function_name    = "ledger-writer"
  region           = "us-east-1"
}
`,
    );
  });

  it('writes an MSK mapping: topics, SASL/SCRAM secret, amazon_managed_kafka_event_source_config', () => {
    expect(resourceOf(toTerraform([codeOf('msk')], literal).text)).toBe(
      `resource "aws_lambda_event_source_mapping" "clickstream_aggregator_analytics_prod" {
  event_source_arn                   = "arn:aws:kafka:us-east-1:123456789012:cluster/analytics-prod/7d3a9f2e-1b4c-4d5e-8f6a-0b1c2d3e4f5a-3"
  function_name                      = "clickstream-aggregator:prod"
  region                             = "us-east-1"
  batch_size                         = 1000
  maximum_batching_window_in_seconds = 2
  starting_position                  = "TRIM_HORIZON"
  topics                             = ["clickstream.page-views"]

  tags = {
    team = "analytics"
  }

  source_access_configuration {
    type = "SASL_SCRAM_512_AUTH"
    uri  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_analytics-prod-Xy12Ab"
  }

  amazon_managed_kafka_event_source_config {
    consumer_group_id = "clickstream-aggregator-prod"
  }
}
`,
    );
  });

  it('writes a self-managed Kafka mapping: comma-joined bootstrap servers, one block per access configuration, provisioned mode, LoggingConfig as a comment', () => {
    expect(resourceOf(toTerraform([codeOf('self-managed-kafka')], literal).text)).toBe(
      `resource "aws_lambda_event_source_mapping" "orders_ledger_consumer_b_1_kafka_corp_example_net_9096" {
  # not expressible in provider v6.31.0: LoggingConfig = {"SystemLogLevel":"INFO"}

  function_name                      = "orders-ledger-consumer"
  region                             = "us-east-1"
  batch_size                         = 500
  maximum_batching_window_in_seconds = 1
  starting_position                  = "LATEST"
  topics                             = ["orders.ledger"]

  tags = {
    team  = "orders"
    env   = "prod"
    owner = "platform@example.com"
  }

  destination_config {
    on_failure {
      destination_arn = "kafka://orders-ledger-dlq"
    }
  }

  source_access_configuration {
    type = "VPC_SUBNET"
    uri  = "subnet:subnet-0a1b2c3d4e5f60718"
  }

  source_access_configuration {
    type = "VPC_SUBNET"
    uri  = "subnet:subnet-0f1e2d3c4b5a69788"
  }

  source_access_configuration {
    type = "VPC_SECURITY_GROUP"
    uri  = "security_group:sg-0123456789abcdef0"
  }

  source_access_configuration {
    type = "SASL_SCRAM_256_AUTH"
    uri  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka/onprem-orders-Qw3rTy"
  }

  self_managed_event_source {
    endpoints = {
      KAFKA_BOOTSTRAP_SERVERS = "b-1.kafka.corp.example.net:9096,b-2.kafka.corp.example.net:9096,b-3.kafka.corp.example.net:9096"
    }
  }

  self_managed_kafka_event_source_config {
    consumer_group_id = "c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f"
  }

  metrics_config {
    metrics = ["EventCount", "ErrorCount", "KafkaMetrics"]
  }

  provisioned_poller_config {
    minimum_pollers = 2
    maximum_pollers = 20
  }
}
`,
    );
  });

  it('writes the seed RabbitMQ mapping: BASIC_AUTH and VIRTUAL_HOST blocks in order, tags', () => {
    expect(resourceOf(toTerraform([codeOf('mq-rabbitmq')], literal).text)).toBe(
      `resource "aws_lambda_event_source_mapping" "geo_fanout_prod_geo_rabbitmq_prod" {
  event_source_arn = "arn:aws:mq:us-east-1:123456789012:broker:geo-rabbitmq-prod:b-9dde7de3-a883-455b-a55b-8f7de8fd23b6"
  function_name    = "geo-fanout-prod"
  region           = "us-east-1"
  queues           = ["geo-retry"]

  tags = {
    team = "geo"
    env  = "prod"
  }

  source_access_configuration {
    type = "BASIC_AUTH"
    uri  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mq/geo-rabbitmq-prod-6zfaUd"
  }

  source_access_configuration {
    type = "VIRTUAL_HOST"
    uri  = "/geo"
  }
}
`,
    );
  });

  it('writes a DocumentDB mapping with document_db_event_source_config', () => {
    expect(resourceOf(toTerraform([codeOf('documentdb')], literal).text)).toBe(
      `resource "aws_lambda_event_source_mapping" "catalog_indexer_catalog_docdb_prod" {
  event_source_arn  = "arn:aws:rds:us-east-1:123456789012:cluster:catalog-docdb-prod"
  function_name     = "catalog-indexer:live"
  region            = "us-east-1"
  starting_position = "LATEST"

  tags = {
    team = "catalog"
  }

  source_access_configuration {
    type = "BASIC_AUTH"
    uri  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:docdb/catalog-docdb-prod-Ab1Cd2"
  }

  document_db_event_source_config {
    database_name   = "catalog"
    collection_name = "products"
    full_document   = "UpdateLookup"
  }
}
`,
    );
  });
});

describe('toTerraform', () => {
  it('with functionReference reference, declares one variable per distinct function and uses var.<name>', () => {
    const kinesis = codeOf('kinesis');
    const again: MappingCode = {
      ...codeOf('sqs'),
      request: { ...codeOf('sqs').request, FunctionName: 'orders-processor:live' },
    };
    const { text } = toTerraform([kinesis, again, codeOf('dynamodb')], reference);
    expect(text).toContain(`# 3 Lambda event source mappings, each with an import block`);
    expect(text).toContain(`variable "orders_processor_live_function_name" {
  type    = string
  default = "orders-processor:live"
}

variable "inventory_sync_function_name" {
  type    = string
  default = "inventory-sync"
}
`);
    expect(text.match(/^variable /gm)).toHaveLength(2);
    expect(text.match(/function_name += var\.orders_processor_live_function_name$/gm)).toHaveLength(
      2,
    );
    expect(text).toMatch(/function_name += var\.inventory_sync_function_name$/m);
    expect(text).not.toMatch(/function_name += "/);
    // One resource and one import block per mapping, in order, with unique names.
    expect([...text.matchAll(/^import \{\n {2}to = (\S+)\n {2}id = "([^"]+)"\n\}$/gm)]).toEqual([
      expect.arrayContaining([
        'aws_lambda_event_source_mapping.orders_processor_orders_events',
        `${kinesis.UUID}@us-east-1`,
      ]),
      expect.arrayContaining([
        'aws_lambda_event_source_mapping.orders_processor_payments_settlements',
        `${again.UUID}@us-east-1`,
      ]),
      expect.arrayContaining([
        'aws_lambda_event_source_mapping.inventory_sync_inventory',
        `${codeOf('dynamodb').UUID}@us-east-1`,
      ]),
    ]);
  });

  it('says what the import blocks do, in the plural for several mappings', () => {
    const { text } = toTerraform([codeOf('sqs'), codeOf('kinesis')], literal);
    expect(text.split('\n')[0]).toBe(
      '# 2 Lambda event source mappings, each with an import block: terraform plan adopts the live mappings instead of creating new ones.',
    );
    expect(text.match(/^import \{$/gm)).toHaveLength(2);
  });

  it("pins each resource to its mapping's region and imports it there", () => {
    const code: MappingCode = { ...codeOf('sqs-fifo'), region: 'eu-west-1' };
    const { text } = toTerraform([code], literal);
    expect(text).toMatch(/^ {2}region +?= "eu-west-1"$/m);
    expect(text).toContain(`id = "${code.UUID}@eu-west-1"`);
  });

  it('writes the StartingPosition Lambda filled in (TRIM_HORIZON on self-managed Kafka): starting_position is ForceNew, so leaving it out would plan a replacement after the import', () => {
    const f = MAPPING_FIXTURES['self-managed-kafka'];
    const code = toMappingCode(
      { ...f.mapping, StartingPosition: 'TRIM_HORIZON' },
      { region: f.region, tags: f.tags, includeDefaults: false },
    );
    const { text } = toTerraform([code], literal);
    expect(text).toMatch(/^ {2}starting_position +?= "TRIM_HORIZON"$/m);
    expect(text).toContain(`id = "${f.mapping.UUID}@us-east-1"`);
  });

  it('keeps what the provider cannot express as one-line comments carrying the value', () => {
    const code: MappingCode = {
      ...codeOf('self-managed-kafka'),
      request: {
        ...codeOf('self-managed-kafka').request,
        LoggingConfig: { SystemLogLevel: 'DEBUG' },
        DestinationConfig: {
          OnFailure: { Destination: 'kafka://dlq' },
          OnSuccess: { Destination: 'kafka://done\nnext line' },
        },
        SelfManagedKafkaEventSourceConfig: { ConsumerGroupId: 'g', ConsumptionMode: 'Queue' },
        // A member a newer SDK may add, which neither the registry nor the provider knows.
        FutureMember: { Setting: 'x' },
      } as CreateEventSourceMappingCommandInput,
    };
    const body = resourceOf(toTerraform([code], literal).text);
    const v = TERRAFORM_PROVIDER_VERSION;
    expect(body).toContain(
      `  # not expressible in provider v${v}: DestinationConfig.OnSuccess = {"Destination":"kafka://done\\nnext line"}\n` +
        `  # not expressible in provider v${v}: SelfManagedKafkaEventSourceConfig.ConsumptionMode = "Queue"\n` +
        `  # not expressible in provider v${v}: LoggingConfig = {"SystemLogLevel":"DEBUG"}\n` +
        `  # not expressible in provider v${v}: FutureMember = {"Setting":"x"}\n`,
    );
    // What the blocks can say is still said.
    expect(body).toContain(`  destination_config {
    on_failure {
      destination_arn = "kafka://dlq"
    }
  }`);
    expect(body).toContain(`  self_managed_kafka_event_source_config {
    consumer_group_id = "g"
  }`);
    expect(TERRAFORM_NOT_EXPRESSIBLE).toEqual([
      'LoggingConfig',
      'DestinationConfig.OnSuccess',
      'SelfManagedKafkaEventSourceConfig.ConsumptionMode',
    ]);
  });

  it('leaves out an on_failure without a destination (destination_arn is required by the provider)', () => {
    const kinesis = codeOf('kinesis');
    const body = resourceOf(
      toTerraform(
        [{ ...kinesis, request: { ...kinesis.request, DestinationConfig: { OnFailure: {} } } }],
        literal,
      ).text,
    );
    expect(body).toContain('\n  destination_config {}\n');
    expect(body).not.toContain('on_failure');
  });

  it('warns when a mapping has more filters than the provider accepts (5), and writes them all', () => {
    const withFilters = (n: number): string => {
      const sqs = codeOf('sqs');
      const Filters = Array.from({ length: n }, (_, i) => ({ Pattern: `{"body":{"n":[${i}]}}` }));
      return resourceOf(
        toTerraform([{ ...sqs, request: { ...sqs.request, FilterCriteria: { Filters } } }], literal)
          .text,
      );
    };
    expect(withFilters(6)).toContain(
      `  # note: provider v${TERRAFORM_PROVIDER_VERSION} accepts at most 5 filter blocks; this mapping has 6\n`,
    );
    expect(withFilters(6).match(/^ {4}filter \{$/gm)).toHaveLength(6);
    expect(withFilters(5)).not.toContain('# note:');
  });

  it('writes the Kafka schema registry and a poller group name in their provider blocks', () => {
    const code: MappingCode = {
      ...codeOf('msk'),
      request: {
        ...codeOf('msk').request,
        AmazonManagedKafkaEventSourceConfig: {
          ConsumerGroupId: 'cg',
          SchemaRegistryConfig: {
            SchemaRegistryURI: 'arn:aws:glue:us-east-1:123456789012:registry/orders',
            EventRecordFormat: 'JSON',
            AccessConfigs: [
              { Type: 'BASIC_AUTH', URI: 'arn:aws:secretsmanager:us-east-1:1:secret:s' },
            ],
            SchemaValidationConfigs: [{ Attribute: 'KEY' }, { Attribute: 'VALUE' }],
          },
        },
        ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 5, PollerGroupName: 'pg' },
      },
    };
    const body = resourceOf(toTerraform([code], literal).text);
    expect(body).toContain(`  amazon_managed_kafka_event_source_config {
    consumer_group_id = "cg"
    schema_registry_config {
      event_record_format = "JSON"
      schema_registry_uri = "arn:aws:glue:us-east-1:123456789012:registry/orders"
      access_config {
        type = "BASIC_AUTH"
        uri  = "arn:aws:secretsmanager:us-east-1:1:secret:s"
      }
      schema_validation_config {
        attribute = "KEY"
      }
      schema_validation_config {
        attribute = "VALUE"
      }
    }
  }`);
    expect(body).toContain(`  provisioned_poller_config {
    minimum_pollers   = 1
    maximum_pollers   = 5
    poller_group_name = "pg"
  }`);
  });

  it('escapes every hostile string, in keys and values, and leaves no raw line break inside a string', () => {
    const code = hostileCode();
    const { text } = toTerraform([code], reference);
    for (const s of HOSTILE_STRINGS) expect(text).toContain(hclString(s).slice(1, -1));
    // Each line is either a comment, a brace, or an argument, block or map entry.
    for (const line of text.split('\n')) {
      expect(line).toMatch(
        /^(\s*#.*|\s*\}|\s*[a-z_]+( "[^"]*")* \{\}?|\s*("(\\.|[^"\\])*"|[A-Za-z_][\w-]*) += .*|)$/,
      );
    }
  });
});

/**
 * Members Terraform cannot express, by name, with why: the test below fails for any other member
 * that a mapping uses and the HCL leaves out.
 */
const NOT_EXPRESSIBLE: ReadonlySet<RequestMemberName> = new Set<RequestMemberName>([
  'LoggingConfig', // no logging_config argument in provider 6.31.0
]);

describe('every create member of the registry', () => {
  it('shows up in the HCL under its registry name when a mapping uses it (or is listed as not expressible)', () => {
    const codes = (Object.keys(MAPPING_FIXTURES) as SourceType[]).map((t) => codeOf(t));
    const samples = { ...SAMPLES, Enabled: false };
    const missing = missingCreateMembers({ codes, samples }, (member, code) => {
      const body = resourceOf(toTerraform([code], literal).text);
      const written =
        member.terraform !== null &&
        new RegExp(`^ {2}${member.terraform} +(=|\\{)`, 'm').test(body);
      const commented = body.includes(`: ${member.name} = `);
      return NOT_EXPRESSIBLE.has(member.name) ? commented && !written : written;
    });
    expect(missing).toEqual([]);
  });
});
