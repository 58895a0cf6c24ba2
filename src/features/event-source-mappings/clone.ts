/**
 * Cloning a mapping: the create form pre-filled with everything of the mapping but its read-only
 * members (the same CreateEventSourceMapping request the "as code" exports write), and a draft of
 * that form kept in this tab's sessionStorage, so that choosing another region (which reloads the
 * page's data) or reloading the tab loses nothing typed.
 */
import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';

import type { MappingFormFields } from './components/mapping-form-fields';
import { toMappingCode } from './as-code/recreate-request';
import { requestToFormValues } from './form/to-request';
import { sourceTypeOfMapping } from './form/source-limits';

/** A clone's starting values, and what was deliberately not copied. */
export interface CloneStart {
  /** The create form's values. */
  values: MappingFormFields;
  /**
   * The original's Kafka `ConsumerGroupId`, left out: it "must be unique among all your Kafka
   * event sources" (AWS, AmazonManagedKafkaEventSourceConfig / SelfManagedKafkaEventSourceConfig),
   * and two mappings in one group split the topic's partitions. Lambda generates one when none is
   * sent.
   */
  consumerGroupIdNotCopied?: string;
}

/**
 * Create-form values that recreate a mapping: `toMappingCode` (no read-only member, FunctionName
 * with its qualifier, Enabled from State, the tags), server defaults left empty so the form shows
 * them as defaults — except the Kafka ConsumerGroupId, which a clone must not share.
 * @param mapping a Get/List response.
 * @param region the region it was read in.
 * @param tags its tags (ListTags), when read.
 * @returns the values; throws `Error` when the source type cannot be recognised.
 */
export function cloneFormValues(
  mapping: EventSourceMappingConfiguration,
  region: string,
  tags?: Record<string, string>,
): CloneStart {
  const type = sourceTypeOfMapping(mapping);
  if (!type) throw new Error(`The console does not recognise the event source of ${mapping.UUID}.`);
  const { request } = toMappingCode(mapping, {
    region,
    includeDefaults: false,
    ...(tags ? { tags } : {}),
  });
  const values = requestToFormValues(request, type);
  const groupId =
    values.AmazonManagedKafkaEventSourceConfig.ConsumerGroupId ||
    values.SelfManagedKafkaEventSourceConfig.ConsumerGroupId;
  values.AmazonManagedKafkaEventSourceConfig.ConsumerGroupId = '';
  values.SelfManagedKafkaEventSourceConfig.ConsumerGroupId = '';
  return groupId ? { values, consumerGroupIdNotCopied: groupId } : { values };
}

/** A clone in progress: the form's values and where the original lives. */
export interface CloneDraft {
  /** The original mapping's UUID. */
  UUID: string;
  /** The region the original was read in. */
  fromRegion: string;
  /** The form's values as last typed. */
  values: MappingFormFields;
  /**
   * Set when the draft is kept for a region switch the user chose on the clone page (the page
   * reloads its data there), so that the page does not announce it as a restored draft.
   */
  regionSwitch?: boolean;
}

const draftKey = (uuid: string) => `lambda-esm-console:clone-draft:${uuid}`;

/**
 * The draft of a clone of a mapping, if this tab has one.
 * @param uuid the original mapping's UUID.
 * @returns the draft, or `undefined` (none, storage unavailable, or unreadable). Never throws.
 */
export function readCloneDraft(uuid: string): CloneDraft | undefined {
  try {
    const text = sessionStorage.getItem(draftKey(uuid));
    if (!text) return undefined;
    const draft = JSON.parse(text) as Partial<CloneDraft>;
    return draft.UUID === uuid && typeof draft.fromRegion === 'string' && draft.values
      ? (draft as CloneDraft)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the draft of a clone for this tab (sessionStorage). A full or unavailable storage is
 * ignored: the clone still works, only without the draft.
 * @param draft the draft.
 */
export function saveCloneDraft(draft: CloneDraft): void {
  try {
    sessionStorage.setItem(draftKey(draft.UUID), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: nothing to keep the draft in.
  }
}

/**
 * Forgets the draft of a clone (after Create, or Cancel).
 * @param uuid the original mapping's UUID.
 */
export function clearCloneDraft(uuid: string): void {
  try {
    sessionStorage.removeItem(draftKey(uuid));
  } catch {
    // Nothing stored.
  }
}
