import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { describeEventSource } from '../event-source.ts';
import { parseFunctionArn } from '../function-arn.ts';
import {
  MEMBER_LEAVES,
  MEMBER_SECTIONS,
  getPath,
  type MemberSection,
} from '../form/request-members.ts';
import { SOURCE_LIMITS, fieldApplies, sourceTypeOfMapping } from '../form/source-limits.ts';
import { MappingStateIndicator, ProcessingResultIndicator } from './mapping-status.tsx';
import { MappingTags } from './mapping-tags.tsx';

type MappingField = keyof EventSourceMappingConfiguration;

/** One row of a group: the AWS field it shows and how (defaults to {@link renderValue}). */
interface FieldSpec {
  field: MappingField;
  render?: (mapping: EventSourceMappingConfiguration) => ReactNode;
  /** Shown as `-` even when absent. */
  always?: boolean;
}

/** `21600` → `21600 seconds (6 h)`; the hint helps with large values. */
function seconds(value: number | undefined): string {
  if (value === undefined) return '-';
  const text = `${value} second${value === 1 ? '' : 's'}`;
  if (value < 60) return text;
  const h = Math.floor(value / 3600);
  const m = Math.floor((value % 3600) / 60);
  const s = value % 60;
  const hint = [h ? `${h} h` : '', m ? `${m} min` : '', s ? `${s} s` : '']
    .filter(Boolean)
    .join(' ');
  return `${text} (${hint})`;
}

/** Generic rendering: dates formatted, booleans as true/false, lists and objects as JSON. */
function renderValue(value: unknown): ReactNode {
  if (value === undefined || value === null) return '-';
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length === 0 ? '[] (none)' : value.join(', ');
  }
  return <Box variant="code">{JSON.stringify(value, null, 2)}</Box>;
}

function Lines({ lines }: { lines: readonly ReactNode[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <Box key={index} display="block">
          {line}
        </Box>
      ))}
    </>
  );
}

const sourceFields: FieldSpec[] = [
  { field: 'EventSourceArn' },
  {
    field: 'SelfManagedEventSource',
    render: (m) => (
      <Lines lines={m.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? ['-']} />
    ),
  },
  { field: 'Topics' },
  { field: 'Queues' },
  { field: 'StartingPosition' },
  { field: 'StartingPositionTimestamp' },
  {
    field: 'SourceAccessConfigurations',
    render: (m) => (
      <Lines
        lines={(m.SourceAccessConfigurations ?? []).map((c) => `${c.Type ?? '?'}: ${c.URI ?? '-'}`)}
      />
    ),
  },
  { field: 'AmazonManagedKafkaEventSourceConfig' },
  { field: 'SelfManagedKafkaEventSourceConfig' },
  { field: 'DocumentDBEventSourceConfig' },
  {
    field: 'FilterCriteria',
    render: (m) => (
      <Lines
        lines={(m.FilterCriteria?.Filters ?? []).map((f, i) => (
          <Box key={i} variant="code">
            {f.Pattern ?? ''}
          </Box>
        ))}
      />
    ),
  },
  { field: 'FilterCriteriaError' },
  { field: 'KMSKeyArn' },
];

const functionFields: FieldSpec[] = [{ field: 'FunctionArn', always: true }];

const batchingFields: FieldSpec[] = [
  { field: 'BatchSize', always: true },
  {
    field: 'MaximumBatchingWindowInSeconds',
    render: (m) => seconds(m.MaximumBatchingWindowInSeconds),
  },
  { field: 'ParallelizationFactor' },
  {
    field: 'TumblingWindowInSeconds',
    render: (m) =>
      m.TumblingWindowInSeconds === 0
        ? '0 (no tumbling window)'
        : seconds(m.TumblingWindowInSeconds),
  },
  { field: 'ScalingConfig' },
];

const errorHandlingFields: FieldSpec[] = [
  {
    field: 'DestinationConfig',
    render: (m) => (
      <Lines
        lines={[
          `OnFailure: ${m.DestinationConfig?.OnFailure?.Destination || '-'}`,
          ...(m.DestinationConfig?.OnSuccess
            ? [`OnSuccess: ${m.DestinationConfig.OnSuccess.Destination || '-'}`]
            : []),
        ]}
      />
    ),
  },
  {
    field: 'MaximumRetryAttempts',
    render: (m) =>
      m.MaximumRetryAttempts === -1
        ? '-1 (retry until the record expires)'
        : String(m.MaximumRetryAttempts),
  },
  {
    field: 'MaximumRecordAgeInSeconds',
    render: (m) =>
      m.MaximumRecordAgeInSeconds === -1 ? '-1 (no limit)' : seconds(m.MaximumRecordAgeInSeconds),
  },
  { field: 'BisectBatchOnFunctionError' },
  { field: 'FunctionResponseTypes' },
];

const stateFields: FieldSpec[] = [
  { field: 'State', always: true, render: (m) => <MappingStateIndicator state={m.State} /> },
  { field: 'StateTransitionReason', always: true },
  {
    field: 'LastProcessingResult',
    always: true,
    render: (m) => <ProcessingResultIndicator result={m.LastProcessingResult} />,
  },
  { field: 'LastModified', always: true },
];

const identityFields: FieldSpec[] = [
  { field: 'UUID', always: true },
  { field: 'EventSourceMappingArn' },
];

/** Rows of a section's registry leaves that the mapping has (label: the AWS path). */
function leafPairs(mapping: EventSourceMappingConfiguration, section: MemberSection) {
  return MEMBER_LEAVES.filter((leaf) => leaf.section === section).flatMap((leaf) => {
    const value = getPath(mapping, leaf.path);
    // An empty list (MetricsConfig {Metrics: []} after metrics were turned off) is not set.
    const unset = value === undefined || (Array.isArray(value) && value.length === 0);
    return unset ? [] : [{ label: leaf.path, value: renderValue(value) }];
  });
}

/** Every field the groups above show; anything else Lambda returns goes to "Other fields". */
const KNOWN_FIELDS = new Set<string>([
  ...[
    sourceFields,
    functionFields,
    batchingFields,
    errorHandlingFields,
    stateFields,
    identityFields,
  ]
    .flat()
    .map((spec) => spec.field),
  'ProvisionedPollerConfig',
  'MetricsConfig',
  'LoggingConfig',
]);

function pairs(mapping: EventSourceMappingConfiguration, specs: readonly FieldSpec[]) {
  return specs
    .filter((spec) => spec.always || mapping[spec.field] !== undefined)
    .map((spec) => ({
      label: spec.field,
      value: spec.render ? spec.render(mapping) : renderValue(mapping[spec.field]),
    }));
}

function Group({
  title,
  description,
  items,
  emptyText,
}: {
  title: string;
  description?: string;
  items: { label: string; value: ReactNode }[];
  emptyText?: string;
}) {
  return (
    <Container
      header={
        <Header variant="h2" description={description}>
          {title}
        </Header>
      }
    >
      {items.length > 0 ? (
        <KeyValuePairs columns={3} items={items} ariaLabel={title} />
      ) : (
        <Box color="text-body-secondary">{emptyText}</Box>
      )}
    </Container>
  );
}

/**
 * What the Error handling group says when Lambda returned none of its fields, by source type:
 * Kafka sources (MSK, self-managed) take an on-failure destination, and retries, record age,
 * bisect and partial batch responses only in provisioned mode (AWS "Kafka event source mapping
 * retry configurations"); SQS, Amazon MQ and DocumentDB mappings take none of these fields
 * (`SOURCE_LIMITS`, from the CreateEventSourceMapping API reference).
 * @param mapping the mapping as Lambda returned it.
 * @returns one sentence.
 */
export function errorHandlingEmptyText(mapping: EventSourceMappingConfiguration): string {
  const type = sourceTypeOfMapping(mapping);
  if (type === 'msk' || type === 'self-managed-kafka') {
    return 'Lambda returned no error-handling settings for this mapping. Kafka sources take an on-failure destination; retries, record age, batch bisecting and partial batch responses need provisioned mode.';
  }
  if (type !== undefined && SOURCE_LIMITS[type].DestinationConfig === null) {
    const handling =
      type === 'sqs' || type === 'sqs-fifo' ? ' (use the queue’s redrive policy)' : '';
    return `Error-handling settings are not supported for ${SOURCE_LIMITS[type].label} mappings${handling}.`;
  }
  return 'Lambda returned no error-handling settings for this mapping.';
}

/**
 * The state group: State, StateTransitionReason, LastProcessingResult and LastModified, shown first
 * and large because they answer "is it working?".
 * @param props.mapping the mapping as Lambda returned it.
 * @param props.footer extra content (e.g. "refreshing while transitional").
 */
export function MappingStateSection({
  mapping,
  footer,
}: {
  mapping: EventSourceMappingConfiguration;
  footer?: ReactNode;
}) {
  return (
    <Container header={<Header variant="h2">State</Header>} footer={footer}>
      <KeyValuePairs columns={4} items={pairs(mapping, stateFields)} ariaLabel="State" />
    </Container>
  );
}

/**
 * Every field of a mapping, grouped: source, function, batching, error handling, and identity/other
 * (anything Lambda returns that the console does not know yet is listed there as JSON, so no field
 * is hidden). Fields that do not apply to the mapping's source type are left out. The state group
 * is {@link MappingStateSection}.
 * @param props.mapping the mapping as Lambda returned it (SDK `$metadata` is ignored).
 */
export function MappingDetails({ mapping }: { mapping: EventSourceMappingConfiguration }) {
  const source = describeEventSource(mapping);
  const type = sourceTypeOfMapping(mapping);
  const fn = mapping.FunctionArn ? parseFunctionArn(mapping.FunctionArn) : undefined;
  const otherItems = Object.entries(mapping)
    .filter(([key, value]) => !KNOWN_FIELDS.has(key) && !key.startsWith('$') && value !== undefined)
    .map(([key, value]) => ({ label: key, value: renderValue(value) }));
  return (
    <SpaceBetween size="l">
      <Group
        title="Source"
        description="Where records come from"
        items={[
          { label: 'Type', value: source.type },
          { label: 'Resource name', value: source.resourceName },
          ...pairs(mapping, sourceFields),
        ]}
      />
      <Group
        title="Function"
        description="What Lambda invokes with each batch"
        items={[
          { label: 'Function name', value: fn?.name ?? '-' },
          { label: 'Qualifier', value: fn?.qualifier ?? '- (unqualified)' },
          ...pairs(mapping, functionFields),
        ]}
      />
      <Group
        title="Batching"
        description="How records are grouped into invocations"
        items={pairs(mapping, batchingFields)}
      />
      {type && fieldApplies(type, 'ProvisionedPollerConfig') ? (
        <Group
          title={MEMBER_SECTIONS.provisioned.title}
          description="Dedicated event pollers (ProvisionedPollerConfig)"
          items={leafPairs(mapping, 'provisioned')}
          emptyText="On-demand: Lambda scales the pollers (no ProvisionedPollerConfig)."
        />
      ) : null}
      <Group
        title="Error handling"
        description="What happens when the function fails"
        items={pairs(mapping, errorHandlingFields)}
        emptyText={errorHandlingEmptyText(mapping)}
      />
      <Group
        title={MEMBER_SECTIONS.monitoring.title}
        description="Metrics and system logs (MetricsConfig, LoggingConfig)"
        items={leafPairs(mapping, 'monitoring')}
        emptyText="No event source mapping metrics or system logs are turned on."
      />
      <MappingTags arn={mapping.EventSourceMappingArn} />
      <Group title="Other fields" items={[...pairs(mapping, identityFields), ...otherItems]} />
    </SpaceBetween>
  );
}
