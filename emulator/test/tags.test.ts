/**
 * Tags of event source mappings (issue 9): `Tags` on CreateEventSourceMapping, TagResource,
 * UntagResource and ListTags on `arn:aws:lambda:<region>:<account>:event-source-mapping:<UUID>`
 * (`/2017-03-31/tags/{ARN}`), driven with the real SDK over HTTP; errors with AWS's names,
 * statuses and messages (sources: `MESSAGES` in emulator/src/domain/mapping-rules.ts); which
 * roles may call them (the identity pool's signed-in and guest roles).
 */
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  type LambdaClient,
  ListTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_OAUTH_KAFKA_MAPPING_UUID } from '../src/seed.ts';
import {
  ACCOUNT,
  errorOf,
  type RunningEmulator,
  sleep,
  SMALL_SEED,
  startEmulator,
} from './helpers.ts';
import {
  type ExpectedError,
  expectError,
  ipv,
  request,
  validation,
} from './mapping-rules-fixtures.ts';
import { signIn } from './oidc-helpers.ts';

let emu: RunningEmulator;
let client: LambdaClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: 0 });
  client = emu.lambda();
});
afterAll(async () => emu.close());
beforeEach(() => emu.app.emulator.reset());

const mappingArn = (uuid: string | undefined, region = 'us-east-1'): string =>
  `arn:aws:lambda:${region}:${ACCOUNT}:event-source-mapping:${uuid}`;

const notFound = (arn: string): ExpectedError => ({
  name: 'ResourceNotFoundException',
  status: 404,
  message: `Event source mapping not found: ${arn}`,
});

/** Creates an SQS mapping (with `tags`, if given) and returns its EventSourceMappingArn. */
async function createMapping(tags?: Record<string, string>): Promise<string> {
  const out = await client.send(
    new CreateEventSourceMappingCommand(request('sqs', tags ? { Tags: tags } : {})),
  );
  expect(out.EventSourceMappingArn).toBe(mappingArn(out.UUID));
  return out.EventSourceMappingArn ?? '';
}

const listTags = async (arn: string): Promise<Record<string, string> | undefined> =>
  (await client.send(new ListTagsCommand({ Resource: arn }))).Tags;

describe('tags of a mapping', () => {
  it('Create stores Tags; ListTags answers them, Get and the Create response do not', async () => {
    const tags = { team: 'orders', 'cost center': 'CC-1042', équipe: 'Zürich' };
    const created = await client.send(
      new CreateEventSourceMappingCommand(request('sqs', { Tags: tags })),
    );
    expect(created).not.toHaveProperty('Tags');
    const arn = created.EventSourceMappingArn ?? '';
    const listed = await client.send(new ListTagsCommand({ Resource: arn }));
    expect(listed.$metadata.httpStatusCode).toBe(200);
    expect(listed.Tags).toEqual(tags);
    const got = await client.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
    expect(got).not.toHaveProperty('Tags');
  });

  it('ListTags of a mapping without tags answers {}', async () => {
    expect(await listTags(await createMapping())).toEqual({});
  });

  it('TagResource adds tags and replaces the values of existing keys (204)', async () => {
    const arn = await createMapping({ team: 'orders', env: 'prod' });
    const out = await client.send(
      new TagResourceCommand({ Resource: arn, Tags: { env: 'staging', owner: 'alice' } }),
    );
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(await listTags(arn)).toEqual({ team: 'orders', env: 'staging', owner: 'alice' });
  });

  it('UntagResource removes the keys and ignores unknown ones (204)', async () => {
    const arn = await createMapping({ team: 'orders', env: 'prod', owner: 'alice' });
    const out = await client.send(
      new UntagResourceCommand({ Resource: arn, TagKeys: ['env', 'owner', 'not-there'] }),
    );
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(await listTags(arn)).toEqual({ team: 'orders' });
  });

  it('tags survive an Update and go with the mapping on Delete', async () => {
    const arn = await createMapping({ team: 'orders' });
    const uuid = arn.split(':')[6];
    for (let i = 0; i < 100; i += 1) {
      const got = await client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      if (got.State === 'Enabled') break;
      await sleep(5);
    }
    await client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 5 }));
    expect(await listTags(arn)).toEqual({ team: 'orders' });
    for (let i = 0; i < 100; i += 1) {
      const got = await client.send(new GetEventSourceMappingCommand({ UUID: uuid }));
      if (got.State === 'Enabled') break;
      await sleep(5);
    }
    await client.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
    for (let i = 0; i < 100; i += 1) {
      const err = await errorOf(client.send(new ListTagsCommand({ Resource: arn }))).catch(
        () => undefined,
      );
      if (err) {
        expect({
          name: err.name,
          status: err.$metadata?.httpStatusCode,
          message: err.message,
        }).toEqual(notFound(arn));
        return;
      }
      await sleep(5);
    }
    throw new Error('the deleted mapping kept answering ListTags');
  });

  it('TagResource up to 50 tags in all; the 51st is refused and nothing changes', async () => {
    const arn = await createMapping(
      Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v'])),
    );
    await client.send(new TagResourceCommand({ Resource: arn, Tags: { k49: 'v' } }));
    expect(Object.keys((await listTags(arn)) ?? {})).toHaveLength(50);
    // Replacing a value keeps the count at 50.
    await client.send(new TagResourceCommand({ Resource: arn, Tags: { k0: 'new' } }));
    await expectError(
      client.send(new TagResourceCommand({ Resource: arn, Tags: { k50: 'v' } })),
      ipv('The number of tags (51) exceeds the limit of 50 tags per resource.'),
    );
    const after = (await listTags(arn)) ?? {};
    expect(Object.keys(after)).toHaveLength(50);
    expect(after.k0).toBe('new');
  });
});

describe('tag operations refuse', () => {
  const cases: Array<{
    rule: string;
    call: (arn: string) => Promise<unknown>;
    expected: (arn: string) => ExpectedError;
  }> = [
    {
      rule: 'ListTags of an unknown mapping',
      call: () =>
        client.send(
          new ListTagsCommand({ Resource: mappingArn('00000000-0000-4000-8000-000000000000') }),
        ),
      expected: () => notFound(mappingArn('00000000-0000-4000-8000-000000000000')),
    },
    {
      rule: 'TagResource of an unknown mapping',
      call: () =>
        client.send(
          new TagResourceCommand({
            Resource: mappingArn('00000000-0000-4000-8000-000000000000'),
            Tags: { a: 'b' },
          }),
        ),
      expected: () => notFound(mappingArn('00000000-0000-4000-8000-000000000000')),
    },
    {
      rule: 'UntagResource of an unknown mapping',
      call: () =>
        client.send(
          new UntagResourceCommand({
            Resource: mappingArn('00000000-0000-4000-8000-000000000000'),
            TagKeys: ['a'],
          }),
        ),
      expected: () => notFound(mappingArn('00000000-0000-4000-8000-000000000000')),
    },
    {
      rule: 'the same mapping ARN in another region',
      call: (arn) =>
        client.send(new ListTagsCommand({ Resource: arn.replace('us-east-1', 'eu-west-1') })),
      expected: (arn) => notFound(arn.replace('us-east-1', 'eu-west-1')),
    },
    {
      rule: 'a function ARN (function tags are not emulated)',
      call: () =>
        client.send(
          new ListTagsCommand({
            Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-ingest-prod`,
          }),
        ),
      expected: () =>
        ipv(
          `Unsupported resource type for tagging or invalid arn: arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-ingest-prod`,
        ),
    },
    {
      rule: 'an ARN that is no taggable resource (model)',
      call: () =>
        client.send(
          new ListTagsCommand({ Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:x` }),
        ),
      expected: () => ({
        name: 'ValidationException',
        status: 400,
        message: expect.stringMatching(
          new RegExp(
            `^1 validation error detected: Value 'arn:aws:lambda:us-east-1:${ACCOUNT}:layer:x' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:`,
          ),
        ) as unknown as string,
      }),
    },
    {
      rule: 'TagResource with a key outside the pattern',
      call: (arn) => client.send(new TagResourceCommand({ Resource: arn, Tags: { 'a#b': 'c' } })),
      expected: () =>
        validation(
          '\'{"a#b":"c"}\'',
          'tags',
          'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)]',
        ),
    },
    {
      rule: 'TagResource with a 257-character value',
      call: (arn) =>
        client.send(new TagResourceCommand({ Resource: arn, Tags: { team: 'v'.repeat(257) } })),
      expected: () =>
        validation(
          `'${'v'.repeat(257)}'`,
          'tags.team',
          'Member must have length less than or equal to 256',
        ),
    },
    {
      rule: 'TagResource with an aws: key',
      call: (arn) =>
        client.send(new TagResourceCommand({ Resource: arn, Tags: { 'aws:createdBy': 'me' } })),
      expected: () => ipv("Tag keys starting with 'aws:' are reserved for AWS use: aws:createdBy"),
    },
    {
      rule: 'UntagResource with a 129-character key',
      call: (arn) =>
        client.send(new UntagResourceCommand({ Resource: arn, TagKeys: ['k'.repeat(129)] })),
      expected: () =>
        validation(
          `'[${'k'.repeat(129)}]'`,
          'tagKeys',
          'Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*), Member must not be null]',
        ),
    },
    {
      rule: 'UntagResource without keys',
      call: (arn) => client.send(new UntagResourceCommand({ Resource: arn, TagKeys: [] })),
      expected: () => validation('null', 'tagKeys', 'Member must not be null'),
    },
  ];

  for (const c of cases) {
    it(`${c.rule} → ${c.expected('').name}`, async () => {
      const arn = await createMapping({ team: 'orders' });
      await expectError(c.call(arn), c.expected(arn));
      expect(await listTags(arn)).toEqual({ team: 'orders' });
    });
  }
});

describe('the default seed', () => {
  it('has tagged mappings, and the OAuth Kafka mapping with its tags', async () => {
    const seeded = await startEmulator({ seed: 'default', transitionMs: 0 });
    try {
      const lambda = seeded.lambda();
      const oauth = await lambda.send(
        new GetEventSourceMappingCommand({ UUID: SEED_OAUTH_KAFKA_MAPPING_UUID }),
      );
      expect(oauth.SourceAccessConfigurations?.map((e) => e.Type)).toContain('OAUTHBEARER_AUTH');
      expect(oauth.ProvisionedPollerConfig).toBeDefined();
      expect(oauth.MetricsConfig?.Metrics).toEqual(['EventCount', 'ErrorCount', 'KafkaMetrics']);
      const tags = await lambda.send(
        new ListTagsCommand({ Resource: oauth.EventSourceMappingArn ?? '' }),
      );
      expect(tags.Tags).toEqual({ team: 'orders', env: 'prod', auth: 'oauth' });
    } finally {
      await seeded.close();
    }
  });
});

describe('who may call the tag operations', () => {
  const POOL = 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b';
  let cognito: CognitoIdentityClient;

  beforeAll(() => {
    cognito = new CognitoIdentityClient({
      region: 'us-east-1',
      endpoint: emu.endpoint,
      maxAttempts: 1,
    });
  });
  afterAll(() => cognito.destroy());

  /** Identity-pool credentials: signed in with `logins`, or a guest without. */
  async function lambdaAs(logins?: Record<string, string>): Promise<LambdaClient> {
    const { IdentityId } = await cognito.send(
      new GetIdCommand({ IdentityPoolId: POOL, ...(logins && { Logins: logins }) }),
    );
    const out = await cognito.send(
      new GetCredentialsForIdentityCommand({ IdentityId, ...(logins && { Logins: logins }) }),
    );
    return emu.lambda({
      credentials: {
        accessKeyId: out.Credentials?.AccessKeyId ?? '',
        secretAccessKey: out.Credentials?.SecretKey ?? '',
        sessionToken: out.Credentials?.SessionToken ?? '',
      },
    });
  }

  it('the signed-in role may tag, untag and list tags', async () => {
    const arn = await createMapping({ team: 'orders' });
    const token = (await signIn(emu.endpoint)).id_token;
    const lambda = await lambdaAs({ [emu.app.emulator.userPool.loginsKey]: token });
    await lambda.send(new TagResourceCommand({ Resource: arn, Tags: { env: 'prod' } }));
    await lambda.send(new UntagResourceCommand({ Resource: arn, TagKeys: ['team'] }));
    expect((await lambda.send(new ListTagsCommand({ Resource: arn }))).Tags).toEqual({
      env: 'prod',
    });
  });

  it('a read-only guest may list tags but not tag or untag (AccessDeniedException 403)', async () => {
    const arn = await createMapping({ team: 'orders' });
    const lambda = await lambdaAs();
    expect((await lambda.send(new ListTagsCommand({ Resource: arn }))).Tags).toEqual({
      team: 'orders',
    });
    const guest = `arn:aws:sts::${ACCOUNT}:assumed-role/EsmConsoleGuestRole/CognitoIdentityCredentials`;
    const denied = (action: string): ExpectedError => ({
      name: 'AccessDeniedException',
      status: 403,
      message: `User: ${guest} is not authorized to perform: ${action} on resource: ${arn} because no identity-based policy allows the ${action} action`,
    });
    await expectError(
      lambda.send(new TagResourceCommand({ Resource: arn, Tags: { env: 'prod' } })),
      denied('lambda:TagResource'),
    );
    await expectError(
      lambda.send(new UntagResourceCommand({ Resource: arn, TagKeys: ['team'] })),
      denied('lambda:UntagResource'),
    );
    expect(await listTags(arn)).toEqual({ team: 'orders' });
  });
});
