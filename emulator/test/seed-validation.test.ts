import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { validateSeed } from '../src/seed-schema.ts';
import { generateDefaultSeed, generateScaleSeed, generateSecondRegionSeed } from '../src/seed.ts';
import { SMALL_SEED, startEmulator } from './helpers.ts';

const DDB_STREAM = 'arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2026-01-01T00:00:00.000';

/** A valid Kinesis-style mapping of `file-fn`, to break one member at a time. */
const MAPPING = {
  FunctionName: 'file-fn',
  EventSourceArn: DDB_STREAM,
  StartingPosition: 'LATEST',
  BatchSize: 100,
};

function seedFile(data: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'emulator-seed-')), 'bad-seed.json');
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

/** The message `buildApp` throws for a seed file with `data`, and the file's path. */
function startupError(data: unknown): { message: string; file: string } {
  const file = seedFile(data);
  try {
    buildApp({ seed: file });
  } catch (err) {
    return { message: (err as Error).message, file };
  }
  throw new Error('the seed was accepted');
}

describe('seed files are checked against the seed schema at start-up', () => {
  it('an ISO string for StartingPositionTimestamp: names the file and the member', () => {
    const { message, file } = startupError({
      functions: [{ FunctionName: 'file-fn' }],
      mappings: [
        MAPPING,
        {
          ...MAPPING,
          StartingPosition: 'AT_TIMESTAMP',
          StartingPositionTimestamp: '2026-05-01T00:00:00Z',
        },
      ],
    });
    expect(message).toBe(
      `Seed file ${file} is invalid: mappings[1].StartingPositionTimestamp must be a timestamp in epoch seconds (a JSON number such as 1714521600), not "2026-05-01T00:00:00Z"`,
    );
  });

  it('an unknown member, at any depth, is refused (a typo would load a different mapping)', () => {
    const { message, file } = startupError({
      mappings: [{ ...MAPPING, BatchSze: 10, DestinationConfig: { OnFailure: { Destiny: 'x' } } }],
    });
    expect(message).toContain(`Seed file ${file} is invalid: `);
    expect(message).toContain('mappings[0].BatchSze is not a member (known: EventSourceArn,');
    expect(message).toContain('mappings[0].DestinationConfig.OnFailure.Destiny is not a member');
    expect(startupError({ mapings: [] }).message).toContain(
      'mapings is not a member (known: region, functions, mappings)',
    );
  });

  it('wrong types and the model’s constraints, in AWS’s words, all listed', () => {
    const { message } = startupError({
      region: 'moon-1',
      functions: [{ FunctionName: 'file-fn', MemorySize: '128MB' }, { Runtime: 'nodejs22.x' }],
      mappings: [{ ...MAPPING, BatchSize: 20_000, State: 'Running', Enabled: 'yes' }],
    });
    expect(message).toContain(
      "Value 'moon-1' at 'region' failed to satisfy constraint: Member must satisfy regular expression pattern",
    );
    expect(message).toContain('functions[0].MemorySize must be an integer, not "128MB"');
    expect(message).toContain('functions[1].FunctionName is required');
    expect(message).toContain(
      "Value '20000' at 'mappings[0].BatchSize' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
    expect(message).toContain(
      "Value 'Running' at 'mappings[0].State' failed to satisfy constraint: Member must satisfy enum value set: [Creating, Enabling, Enabled, Disabling, Disabled, Updating, Deleting]",
    );
    expect(message).toContain('mappings[0].Enabled must be true or false, not "yes"');
  });

  it('a file that is not JSON or not an object', () => {
    const notJson = startupError('{"mappings": [');
    expect(notJson.message).toMatch(new RegExp(`^Seed file ${notJson.file} is not JSON: `));
    const list = startupError([]);
    expect(list.message).toBe(`Seed file ${list.file} must contain a JSON object`);
  });

  it('the generated seeds and the tests’ seed match the schema', () => {
    expect(() => validateSeed(generateDefaultSeed(), 'default')).not.toThrow();
    expect(() => validateSeed(generateSecondRegionSeed(), 'default')).not.toThrow();
    expect(() => validateSeed(generateScaleSeed(700), 'default:700')).not.toThrow();
    expect(() => validateSeed(SMALL_SEED, 'small')).not.toThrow();
  });

  it('POST /_emulator/reset with a bad seed object: 400 naming the member; the store is kept', async () => {
    const emu = await startEmulator({ seed: SMALL_SEED });
    try {
      const res = await fetch(`${emu.endpoint}/_emulator/reset`, {
        method: 'POST',
        body: JSON.stringify({ seed: { mappings: [{ ...MAPPING, BatchSize: '10' }] } }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        message: 'Seed is invalid: mappings[0].BatchSize must be an integer, not "10"',
      });
      const stats = await (await fetch(`${emu.endpoint}/_emulator/stats`)).json();
      expect(stats).toMatchObject({ functions: 2 });
    } finally {
      await emu.close();
    }
  });

  it('the CLI stops with the message (no stack trace) and exit code 1', async () => {
    const file = seedFile({ mappings: [{ ...MAPPING, StartingPositionTimestamp: '2026-05-01' }] });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'emulator/src/server.ts', '--port', '0', '--seed', file],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code] = (await once(child, 'exit')) as [number | null];
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(stdout).not.toContain('listening');
    expect(stderr).toContain(
      `Seed file ${file} is invalid: mappings[0].StartingPositionTimestamp must be a timestamp in epoch seconds`,
    );
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 30_000);
});
