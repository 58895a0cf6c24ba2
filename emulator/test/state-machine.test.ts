import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  type LambdaClient,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, type RunningEmulator, sleep, SMALL_SEED, startEmulator } from './helpers.ts';

const TRANSITION_MS = 50;
const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:orders-events-prod';
const STREAM = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-events-prod';

let emu: RunningEmulator;
let client: LambdaClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: SMALL_SEED, transitionMs: TRANSITION_MS });
  client = emu.lambda();
});
afterAll(async () => emu.close());
beforeEach(() => emu.app.emulator.reset(undefined, TRANSITION_MS));

/** For assertions on a transitional state: long enough that a loaded machine still sees it. */
function slowTransitions(): void {
  emu.app.emulator.transitionMs = 400;
}

async function stateOf(uuid: string | undefined): Promise<string | undefined> {
  return (await client.send(new GetEventSourceMappingCommand({ UUID: uuid }))).State;
}

/** Polls until the mapping reaches `state` (fails after 2 s). */
async function waitFor(uuid: string | undefined, state: string): Promise<void> {
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    if ((await stateOf(uuid)) === state) return;
    await sleep(10);
  }
  throw new Error(`${uuid} never reached ${state} (now ${await stateOf(uuid)})`);
}

async function createStream(extra: { Enabled?: boolean } = {}): Promise<string | undefined> {
  const out = await client.send(
    new CreateEventSourceMappingCommand({
      FunctionName: 'orders-ingest-prod',
      EventSourceArn: STREAM,
      StartingPosition: 'TRIM_HORIZON',
      ...extra,
    }),
  );
  return out.UUID;
}

describe('state machine', () => {
  it('Creating → Enabled after one transition, LastModified moving forward', async () => {
    slowTransitions();
    const created = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: STREAM,
        StartingPosition: 'LATEST',
      }),
    );
    expect(created.State).toBe('Creating');
    expect(await stateOf(created.UUID)).toBe('Creating');
    await waitFor(created.UUID, 'Enabled');
    const got = await client.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
    expect(got.LastModified?.getTime()).toBeGreaterThan(
      created.LastModified?.getTime() ?? Infinity,
    );
    expect(got.StateTransitionReason).toBe('User action');
  });

  it('Creating → Disabled for a stream created with Enabled:false', async () => {
    slowTransitions();
    const uuid = await createStream({ Enabled: false });
    expect(await stateOf(uuid)).toBe('Creating');
    await waitFor(uuid, 'Disabled');
  });

  it('SQS created with Enabled:false answers Disabled directly (AWS-recorded)', async () => {
    const out = await client.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'orders-ingest-prod',
        EventSourceArn: QUEUE,
        Enabled: false,
      }),
    );
    expect(out.State).toBe('Disabled');
    await sleep(TRANSITION_MS * 2);
    expect(await stateOf(out.UUID)).toBe('Disabled');
  });

  it('Enabled → Disabling → Disabled → Enabling → Enabled', async () => {
    const uuid = await createStream();
    await waitFor(uuid, 'Enabled');
    const disabling = await client.send(
      new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: false }),
    );
    expect(disabling.State).toBe('Disabling');
    await waitFor(uuid, 'Disabled');
    const enabling = await client.send(
      new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: true }),
    );
    expect(enabling.State).toBe('Enabling');
    await waitFor(uuid, 'Enabled');
  });

  it('Updating returns to the previous stable state (Disabled stays Disabled)', async () => {
    const uuid = await createStream({ Enabled: false });
    await waitFor(uuid, 'Disabled');
    const updating = await client.send(
      new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 7 }),
    );
    expect(updating.State).toBe('Updating');
    expect(updating.BatchSize).toBe(7);
    await waitFor(uuid, 'Disabled');
  });

  it('refuses Update and Delete while Creating or Updating with ResourceInUseException', async () => {
    slowTransitions();
    const uuid = await createStream();
    const whileCreating = await errorOf(
      client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 5 })),
    );
    expect(whileCreating.name).toBe('ResourceInUseException');
    expect(whileCreating.$metadata?.httpStatusCode).toBe(400);
    const deleteWhileCreating = await errorOf(
      client.send(new DeleteEventSourceMappingCommand({ UUID: uuid })),
    );
    expect(deleteWhileCreating.name).toBe('ResourceInUseException');

    await waitFor(uuid, 'Enabled');
    await client.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 5 }));
    const whileUpdating = await errorOf(
      client.send(new DeleteEventSourceMappingCommand({ UUID: uuid })),
    );
    expect(whileUpdating.name).toBe('ResourceInUseException');
    await waitFor(uuid, 'Enabled');
    expect((await client.send(new GetEventSourceMappingCommand({ UUID: uuid }))).BatchSize).toBe(5);
  });

  it('Deleting is visible, then the mapping is gone (404)', async () => {
    const uuid = await createStream();
    await waitFor(uuid, 'Enabled');
    slowTransitions();
    const deleting = await client.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
    expect(deleting.State).toBe('Deleting');
    expect(await stateOf(uuid)).toBe('Deleting');
    const again = await errorOf(client.send(new DeleteEventSourceMappingCommand({ UUID: uuid })));
    expect(again.name).toBe('ResourceInUseException');
    await sleep(450);
    const gone = await errorOf(client.send(new GetEventSourceMappingCommand({ UUID: uuid })));
    expect(gone.name).toBe('ResourceNotFoundException');
    expect(gone.$metadata?.httpStatusCode).toBe(404);
  });

  it('each transition takes transitionMs, settable live', async () => {
    await fetch(`${emu.endpoint}/_emulator/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transitionMs: 400 }),
    });
    const uuid = await createStream();
    await sleep(150);
    expect(await stateOf(uuid)).toBe('Creating');
    await waitFor(uuid, 'Enabled');
  });

  it('reset cancels pending transitions (no timer fires into the new store)', async () => {
    const uuid = await createStream();
    emu.app.emulator.reset();
    await sleep(TRANSITION_MS * 2);
    expect(emu.app.emulator.store.region('us-east-1').mappings.has(uuid ?? '')).toBe(false);
  });
});
