import {
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  ResourceNotFoundException,
  UpdateEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
} from '@aws-sdk/client-lambda';
import type { LambdaSender } from '../api/lambda-client.ts';

const metadata = (httpStatusCode: number) => ({ httpStatusCode, attempts: 1, totalRetryDelay: 0 });

/**
 * Builds a mapping as Lambda lists it (SQS by default), numbered `n` for unique UUIDs and names.
 * @param n 0-based index; UUID is `00000000-0000-4000-8000-<n padded to 12>`.
 * @param overrides fields to replace.
 */
export function fakeMapping(
  n: number,
  overrides: Partial<EventSourceMappingConfiguration> = {},
): EventSourceMappingConfiguration {
  return {
    UUID: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:fn-${n}`,
    EventSourceArn: `arn:aws:sqs:us-east-1:123456789012:queue-${n}`,
    BatchSize: 10,
    MaximumBatchingWindowInSeconds: 0,
    State: 'Enabled',
    StateTransitionReason: 'USER_INITIATED',
    LastModified: new Date(1_700_000_000_000 + n * 1000),
    ...overrides,
  };
}

/**
 * An in-memory stand-in for `LambdaClient.send` covering List/Get/UpdateEventSourceMapping, for
 * unit tests (vitest loads the SDK's Node build, so the browser client is tested in Playwright).
 * Records every command it receives; `failNext` makes the next calls reject.
 */
export class FakeLambda implements LambdaSender {
  readonly calls: { name: string; input: Record<string, unknown> }[] = [];
  private readonly failures: unknown[] = [];
  /** Called after each Get, e.g. to move a transitional state forward. */
  afterGet?: (mapping: EventSourceMappingConfiguration) => void;

  constructor(public mappings: EventSourceMappingConfiguration[] = []) {}

  /** Makes the next `count` calls reject with `error`. */
  failNext(error: unknown, count = 1) {
    for (let i = 0; i < count; i += 1) this.failures.push(error);
  }

  /** Inputs of the calls to one command, in order. */
  inputsOf(name: string) {
    return this.calls.filter((call) => call.name === name).map((call) => call.input);
  }

  send = (async (command: unknown) => {
    const input = { ...(command as { input: Record<string, unknown> }).input };
    const name = (command as object).constructor.name;
    this.calls.push({ name, input });
    await Promise.resolve();
    if (this.failures.length > 0) throw this.failures.shift();
    if (command instanceof ListEventSourceMappingsCommand) {
      const { FunctionName, EventSourceArn, Marker, MaxItems = 100 } = command.input;
      const matching = this.mappings.filter(
        (m) =>
          (!FunctionName ||
            m.FunctionArn === FunctionName ||
            m.FunctionArn?.endsWith(`:function:${FunctionName}`)) &&
          (!EventSourceArn || m.EventSourceArn === EventSourceArn),
      );
      const start = Marker ? Number(Marker) : 0;
      const end = start + Math.min(MaxItems, 100);
      return {
        $metadata: metadata(200),
        EventSourceMappings: matching.slice(start, end),
        ...(end < matching.length ? { NextMarker: String(end) } : {}),
      };
    }
    if (command instanceof GetEventSourceMappingCommand) {
      const mapping = this.find(command.input.UUID);
      const result = { $metadata: metadata(200), ...mapping };
      this.afterGet?.(mapping);
      return result;
    }
    if (command instanceof UpdateEventSourceMappingCommand) {
      const mapping = this.find(command.input.UUID);
      if (command.input.Enabled !== undefined) {
        mapping.State = command.input.Enabled ? 'Enabling' : 'Disabling';
      }
      return { $metadata: metadata(202), ...mapping };
    }
    throw new Error(`FakeLambda does not handle ${name}`);
  }) as LambdaSender['send'];

  private find(uuid: string | undefined): EventSourceMappingConfiguration {
    const mapping = this.mappings.find((m) => m.UUID === uuid);
    if (!mapping) {
      throw new ResourceNotFoundException({
        message: 'The resource you requested does not exist.',
        $metadata: metadata(404),
      });
    }
    return mapping;
  }
}
