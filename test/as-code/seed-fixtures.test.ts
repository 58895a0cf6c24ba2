/**
 * The Amazon MQ fixtures are the emulator's default-seed mappings: what Get and ListTags answer for
 * them must stay what `MAPPING_FIXTURES` holds, so the golden tests and the e2e export of the seed's
 * MQ mapping describe the same mapping.
 */
import { GetEventSourceMappingCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningEmulator, startEmulator } from '../../emulator/test/helpers.ts';
import { MAPPING_FIXTURES } from '../../src/features/event-source-mappings/as-code/fixtures.ts';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());

describe('fixtures taken from the default seed', () => {
  it.each(['mq-activemq', 'mq-rabbitmq'] as const)(
    '%s is the seed mapping as Get and ListTags answer it',
    async (type) => {
      const fixture = MAPPING_FIXTURES[type];
      const lambda = emu.lambda();
      const { $metadata: _m, ...got } = await lambda.send(
        new GetEventSourceMappingCommand({ UUID: fixture.mapping.UUID }),
      );
      expect(got).toEqual(fixture.mapping);
      const { Tags } = await lambda.send(
        new ListTagsCommand({ Resource: got.EventSourceMappingArn ?? '' }),
      );
      expect(Tags).toEqual(fixture.tags);
    },
  );
});
