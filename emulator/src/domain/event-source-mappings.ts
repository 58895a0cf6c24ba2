import { randomUUID } from 'node:crypto';
import { LambdaError } from '../errors.ts';
import type { MappingRecord, RegionState, Store } from '../store.ts';
import { functionArnOf, parseFunctionName, resolveMappingFunctionArn } from './functions.ts';
import {
  checkTags,
  initialState,
  LIST_TAGS_SHAPE,
  MESSAGES,
  prepareCreate,
  prepareUpdate,
  type RuleContext,
  sourceOf,
  TAG_RESOURCE_SHAPE,
  toWire,
  UNTAG_RESOURCE_SHAPE,
  userActionReason,
} from './mapping-rules.ts';
import { validateModel } from './model-validation.ts';
import {
  type EventSourceMappingConfiguration,
  type MappingState,
  TRANSITIONAL_STATES,
} from './model.ts';
import { pageAfter } from './pagination.ts';

/** ListEventSourceMappings returns at most this many items per call (reference §6). */
export const MAPPINGS_PAGE_LIMIT = 100;

/** Filters and paging of ListEventSourceMappings (already model-validated). */
export interface ListMappingsQuery {
  /** Name, partial or full ARN, optionally qualified; matched exactly on the resolved FunctionArn. */
  functionName?: string;
  /** Exact event source ARN. */
  eventSourceArn?: string;
  marker?: string;
  /** 1..10000; pages are capped at {@link MAPPINGS_PAGE_LIMIT}. */
  maxItems?: number;
}

/** Where a pending transition ends (reference §5). */
function settledState(record: MappingRecord): MappingState {
  return record.enabled ? 'Enabled' : 'Disabled';
}

/** Current time as epoch seconds with millisecond fraction, the way AWS stamps `LastModified`. */
export function epochSeconds(): number {
  return Date.now() / 1000;
}

/**
 * Event source mappings of the emulated account: CRUD plus AWS's asynchronous state machine
 * (reference §5). Create → `Creating` → `Enabled`/`Disabled`; Update → `Enabling`/`Disabling`/
 * `Updating` → stable; Delete → `Deleting` → gone. Each transition takes `transitionMs`.
 * Update/Delete in a transitional state → `ResourceInUseException`.
 */
export class EventSourceMappings {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /**
   * @param getStore current store (replaced on reset).
   * @param getTransitionMs current per-transition delay in milliseconds (settable live).
   */
  constructor(
    private readonly getStore: () => Store,
    private readonly getTransitionMs: () => number,
  ) {}

  private ruleContext(region: string): RuleContext {
    const store = this.getStore();
    return {
      resolveFunctionArn: (name) => resolveMappingFunctionArn(store, region, name),
      mappings: () => [...store.region(region).mappings.values()].map((r) => r.config),
    };
  }

  private find(region: string, uuid: string): MappingRecord {
    const record = this.getStore().peek(region)?.mappings.get(uuid);
    if (!record) {
      throw new LambdaError(
        'ResourceNotFoundException',
        'The resource you requested does not exist.',
      );
    }
    return record;
  }

  /** Schedules the end of the current transition of `uuid` (one pending timer per mapping). */
  private schedule(state: RegionState, uuid: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(uuid);
      const record = state.mappings.get(uuid);
      if (!record) return;
      if (record.config.State === 'Deleting') {
        state.mappings.delete(uuid);
        return;
      }
      record.config.State = settledState(record);
      record.config.LastModified = epochSeconds();
    }, this.getTransitionMs());
    timer.unref();
    this.timers.set(uuid, timer);
  }

  /**
   * CreateEventSourceMapping.
   * @param region caller's region (SigV4 scope).
   * @param body decoded request body.
   * @returns the new mapping (State `Creating`, or `Disabled` for a disabled SQS mapping).
   * @throws LambdaError see {@link prepareCreate}.
   */
  create(region: string, body: Record<string, unknown>): EventSourceMappingConfiguration {
    const store = this.getStore();
    const uuid = randomUUID();
    const prepared = prepareCreate(body, uuid, this.ruleContext(region));
    const config = prepared.config;
    config.LastModified = epochSeconds();
    config.State = initialState(prepared.source, prepared.enabled);
    config.StateTransitionReason = userActionReason(prepared.source);
    config.EventSourceMappingArn = `arn:aws:lambda:${region}:${store.accountId}:event-source-mapping:${uuid}`;
    const state = store.region(region);
    state.mappings.set(uuid, { seq: state.nextSeq(), config, enabled: prepared.enabled });
    if (config.State === 'Creating') this.schedule(state, uuid);
    return toWire(config);
  }

  /**
   * GetEventSourceMapping.
   * @throws LambdaError `ResourceNotFoundException` for an unknown or fully deleted UUID.
   */
  get(region: string, uuid: string): EventSourceMappingConfiguration {
    return toWire(this.find(region, uuid).config);
  }

  /**
   * UpdateEventSourceMapping (PATCH semantics; the response already shows the new values).
   * @returns the mapping in `Enabling`, `Disabling` or `Updating`.
   * @throws LambdaError `ResourceNotFoundException`, `ResourceInUseException` (transitional
   *   state), or the validation errors of {@link prepareUpdate}.
   */
  update(
    region: string,
    uuid: string,
    body: Record<string, unknown>,
  ): EventSourceMappingConfiguration {
    const record = this.find(region, uuid);
    if (record.config.State && TRANSITIONAL_STATES.has(record.config.State)) {
      throw new LambdaError(
        'ResourceInUseException',
        'Cannot update the event source mapping because it is in use.',
      );
    }
    const prepared = prepareUpdate(body, record.config, this.ruleContext(region));
    const wasEnabled = record.config.State === 'Enabled';
    const wantEnabled = prepared.enabled ?? wasEnabled;
    const config = prepared.config;
    config.State = wantEnabled === wasEnabled ? 'Updating' : wantEnabled ? 'Enabling' : 'Disabling';
    config.StateTransitionReason = userActionReason(sourceOf(config));
    config.LastModified = epochSeconds();
    record.config = config;
    record.enabled = wantEnabled;
    this.schedule(this.getStore().region(region), uuid);
    return toWire(config);
  }

  /**
   * DeleteEventSourceMapping: answers the full mapping in `Deleting`; it disappears (404) after
   * one transition. The function is not touched.
   * @throws LambdaError `ResourceNotFoundException`, `ResourceInUseException`.
   */
  delete(region: string, uuid: string): EventSourceMappingConfiguration {
    const record = this.find(region, uuid);
    if (record.config.State && TRANSITIONAL_STATES.has(record.config.State)) {
      throw new LambdaError(
        'ResourceInUseException',
        'Cannot delete the event source mapping because it is in use.',
      );
    }
    record.config.State = 'Deleting';
    record.config.LastModified = epochSeconds();
    this.schedule(this.getStore().region(region), uuid);
    return toWire(record.config);
  }

  /**
   * ListEventSourceMappings: creation order, filters applied before paging, at most 100 per page.
   * Unknown functions or ARNs are not errors (empty list, reference §6).
   * @returns `{ EventSourceMappings, NextMarker? }` as on the wire.
   */
  list(
    region: string,
    query: ListMappingsQuery,
  ): { EventSourceMappings: EventSourceMappingConfiguration[]; NextMarker?: string } {
    const store = this.getStore();
    let functionArn: string | undefined;
    if (query.functionName !== undefined) {
      const parsed = parseFunctionName(query.functionName);
      if (!parsed) return { EventSourceMappings: [] };
      functionArn = functionArnOf(parsed, region, store.accountId);
    }
    const matching = [...(store.peek(region)?.mappings.values() ?? [])].filter(
      (r) =>
        (functionArn === undefined || r.config.FunctionArn === functionArn) &&
        (query.eventSourceArn === undefined || r.config.EventSourceArn === query.eventSourceArn),
    );
    const page = pageAfter(
      matching,
      (r) => r.seq,
      query.marker,
      Math.min(query.maxItems ?? MAPPINGS_PAGE_LIMIT, MAPPINGS_PAGE_LIMIT),
    );
    const out: { EventSourceMappings: EventSourceMappingConfiguration[]; NextMarker?: string } = {
      EventSourceMappings: page.items.map((r) => toWire(r.config)),
    };
    if (page.nextMarker !== undefined) out.NextMarker = page.nextMarker;
    return out;
  }

  /**
   * The mapping a tag operation names by ARN, after the model check of the request.
   * `arn:aws:lambda:<region>:<account>:event-source-mapping:<UUID>` of the caller's region and
   * this account; other taggable Lambda resources (functions, code signing configs…) are not
   * emulated.
   * @throws LambdaError `ValidationException` (model), `InvalidParameterValueException`
   *   `Unsupported resource type for tagging or invalid arn: …` for another resource type,
   *   `ResourceNotFoundException` `Event source mapping not found: <arn>` for a mapping that does
   *   not exist here (also another region's or account's ARN, assumed).
   */
  private tagged(
    region: string,
    input: Record<string, unknown>,
    shape: Parameters<typeof validateModel>[1],
  ): MappingRecord {
    validateModel(input, shape);
    const arn = input.Resource as string;
    const parts = arn.split(':');
    if (parts[5] !== 'event-source-mapping') {
      throw new LambdaError('InvalidParameterValueException', MESSAGES.untaggableResource(arn));
    }
    const record =
      parts[3] === region && parts[4] === this.getStore().accountId
        ? this.getStore()
            .peek(region)
            ?.mappings.get(parts[6] ?? '')
        : undefined;
    if (!record) {
      throw new LambdaError('ResourceNotFoundException', MESSAGES.taggedMappingNotFound(arn));
    }
    return record;
  }

  /**
   * TagResource on a mapping: adds the tags, replacing the values of keys it already has.
   * @param region caller's region.
   * @param resource the mapping's ARN (`Resource` path label, decoded).
   * @param body decoded JSON body (`{ Tags }`).
   * @throws LambdaError see {@link EventSourceMappings.tagged}; `ValidationException` for a
   *   missing `Tags` or a key/value outside the model; `InvalidParameterValueException` beyond
   *   50 tags or for an `aws:` key.
   */
  tagResource(region: string, resource: string, body: Record<string, unknown>): void {
    const record = this.tagged(region, { ...body, Resource: resource }, TAG_RESOURCE_SHAPE);
    const added = body.Tags as Record<string, string>;
    const merged = { ...record.config.Tags, ...added };
    checkTags(merged, Object.keys(added));
    record.config.Tags = merged;
  }

  /**
   * UntagResource on a mapping: removes the keys (unknown keys are ignored).
   * @param tagKeys the `tagKeys` query members (`undefined` when none were sent).
   * @throws LambdaError see {@link EventSourceMappings.tagged}; `ValidationException` without
   *   keys or for a key outside the model.
   */
  untagResource(region: string, resource: string, tagKeys: string[] | undefined): void {
    const record = this.tagged(
      region,
      { Resource: resource, ...(tagKeys !== undefined && { TagKeys: tagKeys }) },
      UNTAG_RESOURCE_SHAPE,
    );
    const tags = { ...record.config.Tags };
    for (const key of tagKeys ?? []) delete tags[key];
    record.config.Tags = tags;
  }

  /**
   * ListTags on a mapping.
   * @returns `{ Tags }`, `{}` when the mapping has none.
   * @throws LambdaError see {@link EventSourceMappings.tagged}.
   */
  listTags(region: string, resource: string): { Tags: Record<string, string> } {
    const record = this.tagged(region, { Resource: resource }, LIST_TAGS_SHAPE);
    return { Tags: { ...record.config.Tags } };
  }

  /** Cancels every pending transition (on reset and when the server closes). */
  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
