import FormField from '@cloudscape-design/components/form-field';
import Tiles, { type TilesProps } from '@cloudscape-design/components/tiles';
import type { Ref } from 'react';
import { SOURCE_LIMITS, SOURCE_TYPES, type SourceType } from '../form/source-limits.ts';

/** What each tile says below the source's name: what the mapping reads. */
const DESCRIPTIONS: Readonly<Record<SourceType, string>> = {
  kinesis: 'Data stream ARN, or an enhanced fan-out consumer ARN',
  dynamodb: 'The stream ARN of a table with DynamoDB Streams enabled',
  sqs: 'Standard queue ARN',
  'sqs-fifo': 'FIFO queue ARN (name ends in .fifo)',
  msk: 'MSK cluster ARN and one topic',
  'self-managed-kafka': 'Bootstrap servers (no ARN) and one topic',
  'mq-activemq': 'Broker ARN and one queue',
  'mq-rabbitmq': 'Broker ARN and one queue (optional virtual host)',
  documentdb: 'DocumentDB cluster ARN and database',
};

/** Props of {@link SourceTypePicker}. */
export interface SourceTypePickerProps {
  /** The chosen type; `''` while none is chosen. */
  value: SourceType | '';
  /** Called with the type the user picked. */
  onChange: (type: SourceType) => void;
  /** Shown below the tiles (e.g. "Choose the kind of event source"). */
  errorText?: string;
  /** Below the label (e.g. how ARN detection works). */
  description?: string;
  /** Focus target for react-hook-form (first field in error). */
  tilesRef?: Ref<TilesProps.Ref>;
}

/**
 * The nine kinds of event source a mapping can read, as tiles: Kinesis, DynamoDB Streams, SQS
 * standard, SQS FIFO, Amazon MSK, self-managed Kafka, Amazon MQ (ActiveMQ, RabbitMQ) and DocumentDB.
 * Names come from `SOURCE_LIMITS`; the choice decides which fields the form shows.
 */
export function SourceTypePicker({
  value,
  onChange,
  errorText,
  description,
  tilesRef,
}: SourceTypePickerProps) {
  return (
    <FormField label="Source type" description={description} errorText={errorText} stretch>
      <Tiles
        ref={tilesRef}
        value={value || null}
        onChange={({ detail }) => onChange(detail.value as SourceType)}
        columns={3}
        ariaRequired
        items={SOURCE_TYPES.map((type) => ({
          value: type,
          label: SOURCE_LIMITS[type].label,
          description: DESCRIPTIONS[type],
        }))}
      />
    </FormField>
  );
}
