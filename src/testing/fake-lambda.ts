import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListAliasesCommand,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  ResourceNotFoundException,
  UpdateEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
  type FunctionConfiguration,
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
 * A function as ListFunctions returns it, numbered `n` (`fn-<n>`), in us-east-1.
 * @param n 0-based index.
 * @param overrides fields to replace.
 */
export function fakeFunction(
  n: number,
  overrides: Partial<FunctionConfiguration> = {},
): FunctionConfiguration {
  return {
    FunctionName: `fn-${n}`,
    FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:fn-${n}`,
    Runtime: 'nodejs20.x',
    Version: '$LATEST',
    ...overrides,
  };
}

/**
 * An in-memory stand-in for `LambdaClient.send` covering List/Get/Create/Update/
 * DeleteEventSourceMapping, ListFunctions (50 per page), ListVersionsByFunction (`$LATEST` first,
 * then {@link FakeLambda.versions}, 50 per page) and ListAliases ({@link FakeLambda.aliases} and
 * {@link FakeLambda.aliasDescriptions}, pages of `MaxItems`, default 50), for unit tests (vitest
 * loads the SDK's Node build, so the browser client is tested in Playwright). Create answers
 * `Creating` with a new UUID (no validation: tests inject refusals with `failNext`); Delete answers
 * `Deleting` and removes the mapping.
 * ListVersionsByFunction and ListAliases answer AWS's 404 `ResourceNotFoundException`
 * (`Function not found: <ARN>`) for a function not in {@link FakeLambda.functions}. Records every
 * command it receives; `failNext` makes the next calls reject; `latencyMs` delays every answer and
 * `maxInFlight` is the most calls it was answering at once.
 */
export class FakeLambda implements LambdaSender {
  readonly calls: { name: string; input: Record<string, unknown> }[] = [];
  private readonly failures: unknown[] = [];
  /** Called after each Get, e.g. to move a transitional state forward. */
  afterGet?: (mapping: EventSourceMappingConfiguration) => void;
  /** The functions ListFunctions pages through. */
  functions: FunctionConfiguration[] = [];
  /** Published versions by function name (ListVersionsByFunction lists `$LATEST`, then these). */
  versions: Record<string, string[]> = {};
  /** Aliases by function name: alias name → the version it points to (ListAliases). */
  aliases: Record<string, Record<string, string>> = {};
  /** Alias descriptions by function name, then alias name (ListAliases `Description`). */
  aliasDescriptions: Record<string, Record<string, string>> = {};
  /** Milliseconds every call waits before it answers (0: a microtask). */
  latencyMs = 0;
  /** The most calls that were being answered at the same time. */
  maxInFlight = 0;
  private inFlight = 0;
  private created = 0;

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
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      else await Promise.resolve();
      if (this.failures.length > 0) throw this.failures.shift();
      return this.answer(command, name);
    } finally {
      this.inFlight -= 1;
    }
  }) as LambdaSender['send'];

  private answer(command: unknown, name: string) {
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
      const { UUID: _uuid, Enabled, FunctionName, ...changes } = command.input;
      // PATCH-like, as Lambda: members present change; an empty FilterCriteria/ScalingConfig clears.
      const record = mapping as Record<string, unknown>;
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        const empty =
          typeof value === 'object' && value !== null && Object.keys(value).length === 0;
        if (empty && (key === 'FilterCriteria' || key === 'ScalingConfig')) delete record[key];
        else record[key] = value;
      }
      if (FunctionName) {
        mapping.FunctionArn = FunctionName.startsWith('arn:')
          ? FunctionName
          : `arn:aws:lambda:us-east-1:123456789012:function:${FunctionName}`;
      }
      const before = mapping.State;
      if (Enabled !== undefined) mapping.State = Enabled ? 'Enabling' : 'Disabling';
      else if (Object.keys(changes).length > 0 || FunctionName) mapping.State = 'Updating';
      // As Lambda's: "the date that the event source mapping was last updated or that its state changed".
      if (mapping.State !== before) mapping.LastModified = new Date();
      return { $metadata: metadata(202), ...mapping };
    }
    if (command instanceof CreateEventSourceMappingCommand) {
      this.created += 1;
      const { FunctionName, Enabled, ...rest } = command.input;
      const mapping: EventSourceMappingConfiguration = {
        ...rest,
        UUID: `10000000-0000-4000-8000-${String(this.created).padStart(12, '0')}`,
        FunctionArn: FunctionName?.startsWith('arn:')
          ? FunctionName
          : `arn:aws:lambda:us-east-1:123456789012:function:${FunctionName ?? ''}`,
        State: Enabled === false ? 'Disabled' : 'Creating',
        LastModified: new Date(),
      };
      this.mappings.push(mapping);
      return { $metadata: metadata(202), ...mapping };
    }
    if (command instanceof DeleteEventSourceMappingCommand) {
      const mapping = this.find(command.input.UUID);
      this.mappings = this.mappings.filter((m) => m !== mapping);
      return { $metadata: metadata(202), ...mapping, State: 'Deleting', LastModified: new Date() };
    }
    if (command instanceof ListFunctionsCommand) {
      const start = command.input.Marker ? Number(command.input.Marker) : 0;
      const end = start + Math.min(command.input.MaxItems ?? 50, 50);
      return {
        $metadata: metadata(200),
        Functions: this.functions.slice(start, end),
        ...(end < this.functions.length ? { NextMarker: String(end) } : {}),
      };
    }
    if (command instanceof ListVersionsByFunctionCommand) {
      const fn = this.functionNamed(command.input.FunctionName);
      const base = fn.FunctionArn ?? '';
      const all = ['$LATEST', ...(this.versions[fn.FunctionName ?? ''] ?? [])].map((Version) => ({
        ...fn,
        Version,
        FunctionArn: `${base}:${Version}`,
      }));
      const start = command.input.Marker ? Number(command.input.Marker) : 0;
      const end = start + Math.min(command.input.MaxItems ?? 50, 50);
      return {
        $metadata: metadata(200),
        Versions: all.slice(start, end),
        ...(end < all.length ? { NextMarker: String(end) } : {}),
      };
    }
    if (command instanceof ListAliasesCommand) {
      const fn = this.functionNamed(command.input.FunctionName);
      const all = Object.entries(this.aliases[fn.FunctionName ?? ''] ?? {})
        .filter(
          ([, version]) =>
            !command.input.FunctionVersion || version === command.input.FunctionVersion,
        )
        .map(([Name, FunctionVersion]) => {
          const Description = this.aliasDescriptions[fn.FunctionName ?? '']?.[Name];
          return {
            AliasArn: `${fn.FunctionArn ?? ''}:${Name}`,
            Name,
            FunctionVersion,
            ...(Description === undefined ? {} : { Description }),
          };
        });
      const start = command.input.Marker ? Number(command.input.Marker) : 0;
      const end = start + (command.input.MaxItems ?? 50);
      return {
        $metadata: metadata(200),
        Aliases: all.slice(start, end),
        ...(end < all.length ? { NextMarker: String(end) } : {}),
      };
    }
    throw new Error(`FakeLambda does not handle ${name}`);
  }

  /** The function a `FunctionName` (name, ARN or partial ARN) names, or AWS's 404. */
  private functionNamed(functionName: string | undefined): FunctionConfiguration {
    const name = functionName?.includes(':function:')
      ? functionName.split(':function:')[1]?.split(':')[0]
      : functionName;
    const fn = this.functions.find((f) => f.FunctionName === name);
    if (!fn) {
      throw new ResourceNotFoundException({
        message: `Function not found: arn:aws:lambda:us-east-1:123456789012:function:${name ?? ''}`,
        $metadata: metadata(404),
      });
    }
    return fn;
  }

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
