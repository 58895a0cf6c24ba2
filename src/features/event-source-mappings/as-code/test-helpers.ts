/**
 * Test-only helpers shared by the as-code export tests (`as-code/*.test.ts` and
 * `test/as-code/*.test.ts`); the console never imports this module. The fixtures as
 * {@link MappingCode}, the two function-reference options, YAML read back as CloudFormation reads
 * it, the CloudFormation export's resources of a mapping (which SAM's plain resources must equal),
 * and the walk over every create member of the field registry that each format's test makes.
 */
import { parse } from 'yaml';

import {
  REQUEST_MEMBERS,
  type RequestMember,
  type RequestMemberName,
} from '../form/request-members';
import type { SourceType } from '../form/source-limits';
import { CFN_YAML_TAGS, toCloudFormation } from './cloudformation';
import { MAPPING_FIXTURES, hostileMapping, hostileTags } from './fixtures';
import type { MappingCode } from './mapping-code';
import { toMappingCode } from './recreate-request';

/** A parsed JSON or YAML object. */
export type Json = Record<string, unknown>;

/** Export options that write each `FunctionName` as it is. */
export const literal = { functionReference: 'literal' } as const;

/** Export options that write each `FunctionName` as a parameter, variable or prop. */
export const reference = { functionReference: 'reference' } as const;

/**
 * A fixture (`MAPPING_FIXTURES[type]`) as code, with its region and tags.
 * @param type the fixture's source type.
 * @param includeDefaults keep the members equal to Lambda's server defaults (default false).
 */
export function codeOf(type: SourceType, includeDefaults = false): MappingCode {
  const f = MAPPING_FIXTURES[type];
  return toMappingCode(f.mapping, { region: f.region, tags: f.tags, includeDefaults });
}

/**
 * The hostile mapping (`hostileMapping()`, a hostile string in every string member) with the
 * hostile tags, as code in us-east-1.
 * @param includeDefaults keep the members equal to Lambda's server defaults (default false).
 */
export function hostileCode(includeDefaults = false): MappingCode {
  return toMappingCode(hostileMapping(), {
    region: 'us-east-1',
    tags: hostileTags(),
    includeDefaults,
  });
}

/**
 * Parses YAML as CloudFormation does (YAML 1.1, the default) or as a YAML 1.2 tool does, reading
 * `!Ref Name` as `{ Ref: 'Name' }`.
 */
export function parseYaml(text: string, version: '1.1' | '1.2' = '1.1'): Json {
  return parse(text, { customTags: [...CFN_YAML_TAGS], version }) as Json;
}

/** The text of a template from its `Resources:` line to the end. */
export function resourcesSection(text: string): string {
  return text.slice(text.indexOf('Resources:\n'));
}

/**
 * The `Resources:` section of the CloudFormation export of one mapping with its literal function
 * name: a comment naming the live mapping, then its `AWS::Lambda::EventSourceMapping`.
 */
export function cloudFormationResourcesOf(code: MappingCode): string {
  return resourcesSection(toCloudFormation([code], literal).text);
}

/** Values for create members no fixture uses, so that every create member is exercised. */
export const SAMPLES: Readonly<Partial<Record<RequestMemberName, unknown>>> = {
  TumblingWindowInSeconds: 120,
};

/** Options of {@link missingCreateMembers}. */
export interface CreateMemberWalk {
  /** The mappings a member's users are looked for in (those that set it). */
  codes: readonly MappingCode[];
  /** A value per member that none of `codes` may set (default {@link SAMPLES}). */
  samples?: Readonly<Partial<Record<RequestMemberName, unknown>>>;
  /** The mapping a sample value is set on (default the Kinesis fixture). */
  sampleBase?: MappingCode;
  /**
   * `'first'` (default): the first of `codes` that sets the member, else its sample on
   * `sampleBase`; `'all'`: every one of `codes` that sets it, and its sample too.
   */
  users?: 'first' | 'all';
}

/**
 * Checks every create member of the field registry (`REQUEST_MEMBERS[].create`) on the mappings
 * that use it, so that a format's test fails naming each member its output leaves out.
 * @param walk which mappings stand for each member.
 * @param shows whether the format's output for `code` carries `member` as it should.
 * @returns the failures in registry order, `[]` when there is none:
 *   `<member> (no fixture or sample uses it)` or `<member> (<sourceType>)`.
 */
export function missingCreateMembers(
  walk: CreateMemberWalk,
  shows: (member: RequestMember, code: MappingCode) => boolean,
): string[] {
  const { codes, samples = SAMPLES, users = 'first' } = walk;
  const base = walk.sampleBase ?? codeOf('kinesis');
  const missing: string[] = [];
  for (const member of REQUEST_MEMBERS.filter((m) => m.create)) {
    const key = member.name as keyof MappingCode['request'];
    const sample = samples[member.name];
    const setting = codes.filter((c) => c.request[key] !== undefined);
    const sampled: MappingCode[] =
      sample === undefined ? [] : [{ ...base, request: { ...base.request, [key]: sample } }];
    const checked =
      users === 'all' ? [...setting, ...sampled] : [...setting.slice(0, 1), ...sampled].slice(0, 1);
    if (!checked.length) missing.push(`${member.name} (no fixture or sample uses it)`);
    for (const code of checked) {
      if (!shows(member, code)) missing.push(`${member.name} (${code.sourceType})`);
    }
  }
  return missing;
}
