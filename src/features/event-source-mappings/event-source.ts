import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';

/** Kinds of event source a mapping can read from (reference §2.1). */
export type EventSourceType =
  | 'Kinesis'
  | 'DynamoDB Streams'
  | 'SQS'
  | 'SQS FIFO'
  | 'Amazon MSK'
  | 'Self-managed Apache Kafka'
  | 'Amazon MQ'
  | 'Amazon DocumentDB'
  | 'Unknown';

/** What the console shows about a mapping's source: its kind and the resource's short name. */
export interface EventSourceDescription {
  /** The kind of source, derived from the ARN's service (third field). */
  type: EventSourceType;
  /**
   * Stream, table, queue, cluster or broker name; for self-managed Kafka the first bootstrap
   * server (plus `+N more`); for an unrecognised ARN its resource part; `-` when there is none.
   */
  resourceName: string;
}

/**
 * Classifies a mapping's event source from `EventSourceArn`, or `SelfManagedEventSource` when there
 * is no ARN (reference §2.1):
 * - `kinesis` `stream/<name>[/consumer/<c>:<ts>]` → Kinesis, name = stream name;
 * - `dynamodb` `table/<table>/stream/<label>` → DynamoDB Streams, name = table name;
 * - `sqs` `<queue>` → SQS, or SQS FIFO iff the queue name ends in `.fifo`;
 * - `kafka` `cluster/<name>/<uuid>` → Amazon MSK, name = cluster name;
 * - `mq` `broker:<name>:<id>` → Amazon MQ, name = broker name;
 * - `rds` `cluster:<id>` → Amazon DocumentDB, name = cluster id;
 * - no ARN but `SelfManagedEventSource` → self-managed Apache Kafka.
 * @param mapping the mapping (only the two source fields are read).
 * @returns the type and resource name; never throws (unparseable input gives `Unknown`).
 */
export function describeEventSource(
  mapping: Pick<EventSourceMappingConfiguration, 'EventSourceArn' | 'SelfManagedEventSource'>,
): EventSourceDescription {
  const arn = mapping.EventSourceArn;
  if (!arn) {
    const servers = mapping.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS ?? [];
    if (mapping.SelfManagedEventSource) {
      const [first] = servers;
      return {
        type: 'Self-managed Apache Kafka',
        resourceName:
          first === undefined
            ? '-'
            : servers.length > 1
              ? `${first} +${servers.length - 1} more`
              : first,
      };
    }
    return { type: 'Unknown', resourceName: '-' };
  }
  // arn:partition:service:region:account:resource — the resource may itself contain colons.
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return { type: 'Unknown', resourceName: arn };
  const service = parts[2];
  const resource = parts.slice(5).join(':');
  const segments = resource.split('/');
  switch (service) {
    case 'kinesis':
      if (segments[0] === 'stream' && segments[1])
        return { type: 'Kinesis', resourceName: segments[1] };
      break;
    case 'dynamodb':
      if (segments[0] === 'table' && segments[1] && segments[2] === 'stream') {
        return { type: 'DynamoDB Streams', resourceName: segments[1] };
      }
      break;
    case 'sqs':
      if (resource) {
        return { type: resource.endsWith('.fifo') ? 'SQS FIFO' : 'SQS', resourceName: resource };
      }
      break;
    case 'kafka':
      if (segments[0] === 'cluster' && segments[1]) {
        return { type: 'Amazon MSK', resourceName: segments[1] };
      }
      // Cross-account MSK through a VPC connection: no cluster name in the ARN.
      if (segments[0] === 'vpc-connection') return { type: 'Amazon MSK', resourceName: resource };
      break;
    case 'mq': {
      const [kind, name] = resource.split(':');
      if (kind === 'broker' && name) return { type: 'Amazon MQ', resourceName: name };
      break;
    }
    case 'rds': {
      const [kind, id] = resource.split(':');
      if (kind === 'cluster' && id) return { type: 'Amazon DocumentDB', resourceName: id };
      break;
    }
  }
  return { type: 'Unknown', resourceName: resource || arn };
}
