import { afterEach, describe, expect, it } from 'vitest';

import { MAPPING_FIXTURES } from './as-code/fixtures';
import { clearCloneDraft, cloneFormValues, readCloneDraft, saveCloneDraft } from './clone';
import { createMappingFormSchema } from './form/mapping-form-schema';
import { toCreateMappingInput } from './form/to-request';

describe('cloneFormValues', () => {
  it('pre-fills the create form with the mapping, its qualified function and its tags', () => {
    const { mapping, tags, region } = MAPPING_FIXTURES.kinesis;
    const { values } = cloneFormValues(mapping, region, tags);
    expect(values.sourceType).toBe('kinesis');
    expect(values.EventSourceArn).toBe(mapping.EventSourceArn);
    expect(values.FunctionName).toBe('orders-processor:live');
    expect(values.Tags.map((t) => [t.Key, t.Value])).toEqual(Object.entries(tags));
  });

  it.each(Object.entries(MAPPING_FIXTURES))(
    '%s: the form, unchanged, sends the request that recreates the mapping',
    (_type, { mapping, tags, region }) => {
      const { values } = cloneFormValues(mapping, region, tags);
      const parsed = createMappingFormSchema().safeParse(values);
      expect(parsed.error?.issues ?? []).toEqual([]);
      const request = toCreateMappingInput(parsed.data!);
      expect(request.EventSourceArn).toBe(mapping.EventSourceArn);
      expect(request.SelfManagedEventSource).toEqual(mapping.SelfManagedEventSource);
      expect(request.SourceAccessConfigurations ?? []).toEqual(
        mapping.SourceAccessConfigurations ?? [],
      );
      expect(request.Queues).toEqual(mapping.Queues);
      expect(request.Topics).toEqual(mapping.Topics);
      expect(Object.keys(request)).not.toContain('UUID');
      expect(request.Tags ?? {}).toEqual(tags);
    },
  );

  it.each(['msk', 'self-managed-kafka'] as const)(
    '%s: leaves the ConsumerGroupId out (it must be unique among Kafka event sources)',
    (type) => {
      const { mapping, region } = MAPPING_FIXTURES[type];
      const original =
        mapping.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId ??
        mapping.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId;
      expect(original).toBeTruthy();
      const start = cloneFormValues(mapping, region);
      expect(start.consumerGroupIdNotCopied).toBe(original);
      const request = toCreateMappingInput(createMappingFormSchema().parse(start.values));
      expect(request.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId).toBeUndefined();
      expect(request.SelfManagedKafkaEventSourceConfig?.ConsumerGroupId).toBeUndefined();
    },
  );

  it('refuses a mapping whose source it does not recognise', () => {
    expect(() =>
      cloneFormValues({ UUID: 'x', EventSourceArn: 'arn:aws:s3:::b' }, 'us-east-1'),
    ).toThrow(/does not recognise the event source of x/);
  });
});

describe('clone drafts', () => {
  afterEach(() => sessionStorage.clear());

  it('keeps a draft per original mapping until it is cleared', () => {
    const { mapping, region } = MAPPING_FIXTURES.sqs;
    const { values } = cloneFormValues(mapping, region);
    values.FunctionName = 'other-function:blue';
    saveCloneDraft({ UUID: 'u-1', fromRegion: 'us-east-1', values });
    expect(readCloneDraft('u-1')).toEqual({ UUID: 'u-1', fromRegion: 'us-east-1', values });
    expect(readCloneDraft('u-2')).toBeUndefined();
    clearCloneDraft('u-1');
    expect(readCloneDraft('u-1')).toBeUndefined();
  });

  it('ignores what it cannot read', () => {
    sessionStorage.setItem('lambda-esm-console:clone-draft:u-3', '{not json');
    expect(readCloneDraft('u-3')).toBeUndefined();
    sessionStorage.setItem('lambda-esm-console:clone-draft:u-4', JSON.stringify({ UUID: 'u-5' }));
    expect(readCloneDraft('u-4')).toBeUndefined();
  });
});
