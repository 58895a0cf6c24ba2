import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '../src/cli-options.ts';

describe('command line', () => {
  it('parses every documented flag', () => {
    expect(
      parseCliOptions([
        '--port',
        '4600',
        '--host',
        '127.0.0.1',
        '--seed',
        'none',
        '--transition-ms',
        '0',
        '--identity-pool-id',
        'us-east-1:11111111-2222-3333-4444-555555555555',
        '--credentials-ttl-seconds',
        '900',
        '--account-id',
        '210987654321',
      ]),
    ).toEqual({
      port: 4600,
      host: '127.0.0.1',
      seed: 'none',
      transitionMs: 0,
      identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
      credentialsTtlSeconds: 900,
      accountId: '210987654321',
    });
    expect(parseCliOptions([])).toEqual({ port: 4599, host: '127.0.0.1' });
  });

  it('rejects unknown flags and bad numbers', () => {
    expect(() => parseCliOptions(['--nope'])).toThrow();
    expect(() => parseCliOptions(['--port', 'x'])).toThrow('--port must be an integer');
    expect(() => parseCliOptions(['--transition-ms', '-1'])).toThrow('--transition-ms');
    expect(() => parseCliOptions(['--account-id', '123'])).toThrow(
      '--account-id must be 12 digits',
    );
  });

  it('starts, prints its URL, serves, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'emulator/src/server.ts', '--port', '0', '--seed', 'none'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
    );
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line: ${output}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^Lambda emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    });
    const health = await fetch(`${url}/_emulator/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const stats = await (await fetch(`${url}/_emulator/stats`)).json();
    expect(stats).toEqual({ mappings: 0, functions: 0, byState: {} });
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  }, 30_000);
});
