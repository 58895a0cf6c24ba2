/**
 * The SAM export: an AWS SAM template where each mapping is an event under its function's
 * `Events` when SAM has an event type for its source that takes every member it uses
 * (`SAM_EVENT_TYPES` in the field registry), and otherwise a plain
 * `AWS::Lambda::EventSourceMapping` resource (SAM templates take any CloudFormation resource),
 * with a comment saying why. Values come from {@link cloudFormationProperties}, so both YAML
 * exports carry the same members.
 */
import { parseFunctionName } from '../function-arn';
import { SAM_EVENT_TYPES, getPath, type SamEventType } from '../form/request-members';
import {
  cloudFormationProperties,
  renderMappingsTemplate,
  sourceLine,
  type CfnRef,
  type TemplateComments,
} from './cloudformation';
import {
  functionParameters,
  resourceNames,
  type CodeFormatOptions,
  type FunctionParameter,
  type GeneratedCode,
  type MappingCode,
} from './mapping-code';

/** How one mapping is written in the SAM template. */
export type SamPlacement =
  | {
      kind: 'event';
      /** The event type. */
      eventType: SamEventType;
      /** The event's `Properties`, SAM's names, in the event type's order. */
      properties: Record<string, unknown>;
    }
  | {
      kind: 'resource';
      /** Why it is not an event (one sentence, naming the members; reasons joined by `;`). */
      reason: string;
    };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The CloudFormation property paths (dotted) of `value` under `path` that `covered` misses. */
function uncovered(value: unknown, path: string, covered: readonly string[]): string[] {
  if (covered.includes(path)) return [];
  if (isPlainObject(value) && covered.some((p) => p.startsWith(`${path}.`))) {
    return Object.entries(value).flatMap(([key, v]) => uncovered(v, `${path}.${key}`, covered));
  }
  return [path];
}

/** Whether a `FunctionName` is a bare, unqualified function name (what a SAM event invokes). */
function isBareFunctionName(functionName: string): boolean {
  const ref = parseFunctionName(functionName);
  return ref !== undefined && ref.name === functionName && ref.qualifier === undefined;
}

const list = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;

/**
 * Where a mapping goes in the SAM template, after `SAM_EVENT_TYPES` and SAM's translator: an
 * event when its source has an event type, its `FunctionName` is a bare function name (SAM
 * events invoke the function they are declared under, never a version or an alias, nor a function
 * by ARN), every CloudFormation property it has is one the event takes, the event's required
 * properties are there, and its SourceAccessConfigurations and Topics are ones SAM's translator
 * accepts; otherwise a plain resource, with the reason.
 * @param code the mapping.
 * @returns the placement. Throws (as {@link cloudFormationProperties}) when CloudFormation cannot
 *   express a member.
 */
export function samPlacement(code: MappingCode): SamPlacement {
  const { FunctionName: _fn, ...cfn } = cloudFormationProperties(code, '');
  const functionName = code.request.FunctionName ?? '';
  const eventType = SAM_EVENT_TYPES.find((t) => t.sourceTypes.includes(code.sourceType));
  if (!eventType) {
    return { kind: 'resource', reason: `SAM has no event type for ${code.sourceType} sources.` };
  }
  const name = `SAM's ${eventType.type} event`;
  const reasons: string[] = [];
  const ref = parseFunctionName(functionName);
  if (ref?.qualifier !== undefined) {
    reasons.push(
      `its FunctionName ${functionName} names a version or alias (${ref.qualifier}), and ${name} invokes the function it is declared under`,
    );
  } else if (!ref) {
    reasons.push(`its FunctionName ${functionName} is not a function name`);
  } else if (!isBareFunctionName(functionName)) {
    reasons.push(
      `its FunctionName ${functionName} is an ARN, and ${name} invokes the function it is declared under`,
    );
  }
  const covered = Object.values(eventType.properties);
  const extra = Object.entries(cfn).flatMap(([key, value]) => uncovered(value, key, covered));
  if (extra.length) reasons.push(`${name} does not take ${list(extra)}`);

  const properties: Record<string, unknown> = {};
  for (const [samName, path] of Object.entries(eventType.properties)) {
    const value = getPath(cfn, path);
    if (value !== undefined) properties[samName] = value;
  }
  const missing = eventType.required.filter((p) => properties[p] === undefined);
  if (missing.length) reasons.push(`${name} requires ${list(missing)}, which it has not`);
  const accessTypes = (code.request.SourceAccessConfigurations ?? []).map(
    (c): string => c.Type ?? '',
  );
  const refused = [
    ...new Set(accessTypes.filter((t) => eventType.sourceAccessTypes?.includes(t) === false)),
  ];
  if (refused.length) {
    reasons.push(`${name} does not take SourceAccessConfigurations of Type ${list(refused)}`);
  }
  if (eventType.sourceAccessRequired && !accessTypes.includes(eventType.sourceAccessRequired)) {
    reasons.push(`${name} requires a ${eventType.sourceAccessRequired} SourceAccessConfiguration`);
  }
  const topics = code.request.Topics?.length ?? 0;
  if (eventType.maxTopics !== undefined && topics > eventType.maxTopics) {
    reasons.push(`${name} takes at most ${eventType.maxTopics} topic, and it has ${topics}`);
  }
  if (reasons.length) return { kind: 'resource', reason: `${reasons.join('; ')}.` };
  return { kind: 'event', eventType, properties };
}

/**
 * An AWS SAM template (YAML, `Transform: AWS::Serverless-2016-10-31`) that recreates the mappings:
 * one `AWS::Serverless::Function` per distinct function that has events (its `FunctionName`, and
 * a comment that its other properties — CodeUri, Handler, Runtime… — are the user's and these
 * Events merge into it), each mapping SAM can express as an event under that function's `Events`
 * (named by its `resourceNames` logical ID), and each other mapping as an
 * `AWS::Lambda::EventSourceMapping` with a comment saying why ({@link samPlacement}); a plain
 * resource whose function the template declares refers to it with `!Ref`, so it is created after
 * it. With `functionReference: 'reference'`, a `String` parameter per function name written
 * (`Default` the literal). Every mapping has a comment with its UUID and region; mappings from
 * several regions get a comment that a stack is regional. When a function has several MQ events,
 * each sets `DynamicPolicyName: true` (SAM otherwise names each one's policy
 * `SamAutoGeneratedAMQPolicy`, and the names clash; SAM MQ event documentation).
 * @param mappings the mappings, in export order (at least one).
 * @param options how function names are written.
 * @returns `template.yaml`, `text/yaml`.
 * @throws Error naming the member when a mapping has one CloudFormation cannot express.
 */
export function toSam(mappings: readonly MappingCode[], options: CodeFormatOptions): GeneratedCode {
  const names = resourceNames(mappings);
  const params = new Map(functionParameters(mappings).map((p) => [p.FunctionName, p]));
  const placements = mappings.map(samPlacement);

  // The parameters used, in first-use order.
  const usedParams = new Map<string, FunctionParameter>();
  const functionValue = (functionName: string): unknown => {
    if (options.functionReference === 'literal') return functionName;
    const param = params.get(functionName);
    if (param) usedParams.set(functionName, param);
    return { Ref: param?.pascal ?? '' } satisfies CfnRef;
  };

  // Functions with events, in first-use order, and their logical IDs.
  const functionIds = new Map<string, string>();
  placements.forEach((p, i) => {
    const fn = mappings[i]?.request.FunctionName ?? '';
    if (p.kind === 'event' && !functionIds.has(fn)) {
      functionIds.set(
        fn,
        (params.get(fn)?.pascal ?? '').replace(/FunctionName(\d*)$/, 'Function$1'),
      );
    }
  });
  const mqEvents = new Map<string, number>();
  placements.forEach((p, i) => {
    if (p.kind !== 'event' || p.eventType.type !== 'MQ') return;
    const fn = mappings[i]?.request.FunctionName ?? '';
    mqEvents.set(fn, (mqEvents.get(fn) ?? 0) + 1);
  });

  const resources: Record<string, unknown> = {};
  const comments: TemplateComments['before'][number][] = [];
  const functionEvents = new Map<string, Record<string, unknown>>();
  for (const [fn, id] of functionIds) {
    const events: Record<string, unknown> = {};
    functionEvents.set(fn, events);
    resources[id] = {
      Type: 'AWS::Serverless::Function',
      Properties: { FunctionName: functionValue(fn), Events: events },
    };
    comments.push({
      path: ['Resources', id],
      lines: [
        `Function ${fn}: its other properties (CodeUri, Handler, Runtime, Role…) are yours;`,
        'merge these Events into your AWS::Serverless::Function.',
      ],
    });
  }
  placements.forEach((placement, i) => {
    const code = mappings[i];
    const logicalId = names[i]?.logicalId ?? '';
    if (!code) return;
    const fn = code.request.FunctionName ?? '';
    if (placement.kind === 'event') {
      const id = functionIds.get(fn) ?? '';
      const many = (mqEvents.get(fn) ?? 0) > 1 && placement.eventType.type === 'MQ';
      const events = functionEvents.get(fn) ?? {};
      events[logicalId] = {
        Type: placement.eventType.type,
        Properties: { ...placement.properties, ...(many ? { DynamicPolicyName: true } : {}) },
      };
      comments.push({
        path: ['Resources', id, 'Properties', 'Events', logicalId],
        lines: [sourceLine(code)],
      });
      return;
    }
    const declared = functionIds.get(fn);
    const functionName: unknown = declared
      ? ({ Ref: declared } satisfies CfnRef)
      : functionValue(fn);
    resources[logicalId] = {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: cloudFormationProperties(code, functionName),
    };
    comments.push({
      path: ['Resources', logicalId],
      lines: [sourceLine(code), `A resource, not an event of its function: ${placement.reason}`],
    });
  });

  const text = renderMappingsTemplate(mappings, {
    format: 'AWS SAM',
    transform: 'AWS::Serverless-2016-10-31',
    parameters: [...usedParams.values()],
    resources,
    comments,
  });
  return { text, fileName: 'template.yaml', mediaType: 'text/yaml' };
}
