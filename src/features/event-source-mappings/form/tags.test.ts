import { describe, expect, it } from 'vitest';
import { createMappingFormSchema } from './mapping-form-schema';
import { validValues } from './test-fixtures';
import { diffTags, tagChanges, tagCliCommands, toCreateMappingInput } from './to-request';

const schema = createMappingFormSchema();
const parseTags = (rows: { Key: string; Value: string }[]) => {
  const r = schema.safeParse(validValues('sqs', { Tags: rows }));
  return {
    data: r.success ? r.data.Tags : undefined,
    issues: r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
  };
};

describe('Tags in the form (service model TagKey 1..128, TagValue 0..256; 50 per resource)', () => {
  it.each([
    ['k', 'v'],
    ['k'.repeat(128), ''],
    ['team name', 'v'.repeat(256)],
    ['cost:center/é', 'a_b.c:d/e=f+g-h@i'],
    // Spaces are part of a tag (the model's patterns allow them anywhere): kept, e.g. in a clone.
    ['a b', ' lead and trail '],
  ])('accepts %j = %j', (Key, Value) => {
    expect(parseTags([{ Key, Value }])).toEqual({ data: { [Key]: Value }, issues: [] });
  });

  it.each([
    [{ Key: '', Value: 'v' }, 'Tags.0.Key: Enter a tag key'],
    [{ Key: 'k'.repeat(129), Value: '' }, 'Tags.0.Key: A tag key is 1–128'],
    [{ Key: 'a#b', Value: '' }, 'Tags.0.Key: A tag key is 1–128'],
    [{ Key: 'aws:owner', Value: 'x' }, 'Tags.0.Key: Keys starting with aws: are reserved'],
    [{ Key: 'k', Value: 'v'.repeat(257) }, 'Tags.0.Value: A tag value is 0–256'],
  ])('refuses %j', (row, message) => {
    expect(parseTags([row]).issues[0]).toContain(message);
  });

  it('ignores blank rows, refuses a repeated key and more than 50 tags', () => {
    expect(parseTags([{ Key: '', Value: '' }])).toEqual({ data: undefined, issues: [] });
    expect(parseTags([{ Key: ' ', Value: '  ' }])).toEqual({ data: undefined, issues: [] });
    expect(
      parseTags([
        { Key: 'a', Value: '1' },
        { Key: 'a', Value: '2' },
      ]).issues,
    ).toEqual(['Tags.1.Key: The key a is already used in row 1.']);
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    expect(parseTags(rows(50)).issues).toEqual([]);
    expect(parseTags(rows(51)).issues).toEqual([
      'Tags: A mapping can have at most 50 tags; remove 1.',
    ]);
  });

  it('are sent with CreateEventSourceMapping', () => {
    const r = schema.parse(validValues('sqs', { Tags: [{ Key: 'team', Value: 'payments' }] }));
    expect(toCreateMappingInput(r).Tags).toEqual({ team: 'payments' });
  });
});

describe('tag changes of an existing mapping', () => {
  const before = { team: 'payments', env: 'prod', old: 'x' };
  const after = { team: 'orders', env: 'prod', added: '' };
  const arn =
    'arn:aws:lambda:us-east-1:123456789012:event-source-mapping:6e997677-6161-4606-b9c0-7e9335472fd3';

  it('TagResource for new and changed keys, UntagResource for removed ones', () => {
    expect(tagChanges(before, after)).toEqual({
      TagResource: { team: 'orders', added: '' },
      UntagResource: ['old'],
    });
    expect(tagChanges(before, before)).toEqual({});
    expect(tagChanges(before, undefined)).toEqual({ UntagResource: ['team', 'env', 'old'] });
  });

  it('show in the diff and as CLI commands, untag first', () => {
    const changes = tagChanges(before, after);
    expect(diffTags(before, changes)).toEqual([
      { field: 'Tags.team', old: 'payments', new: 'orders' },
      { field: 'Tags.added', old: 'not set', new: '(empty)' },
      { field: 'Tags.old', old: 'x', new: 'removed' },
    ]);
    expect(tagCliCommands(arn, changes, { region: 'us-east-1' })).toEqual([
      `aws lambda untag-resource --resource ${arn} --tag-keys old --region us-east-1`,
      `aws lambda tag-resource --resource ${arn} --tags '{"team":"orders","added":""}' --region us-east-1`,
    ]);
  });
});
