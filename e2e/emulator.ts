import {
  DeleteEventSourceMappingCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
} from '@aws-sdk/client-lambda';
import { spawn, type ChildProcess } from 'node:child_process';
import { E2E_TRANSITION_MS, EMULATOR_URL } from './ports.ts';

/** `GET /_emulator/stats` answer. */
export interface EmulatorStats {
  mappings: number;
  functions: number;
  byState: Record<string, number>;
}

/**
 * Drives the e2e emulator from the test process: its test-only control endpoints
 * (`/_emulator/*`) and, for changes "made by someone else", the real Lambda API through the SDK
 * (Node build, static test/test credentials).
 */
export class Emulator {
  /** A Lambda client (Node) pointed at the emulator, as another user or tool would use. */
  readonly lambda: LambdaClient;

  /** @param url the emulator's base URL (default: the suite's, {@link EMULATOR_URL}). */
  constructor(readonly url: string = EMULATOR_URL) {
    this.lambda = new LambdaClient({
      region: 'us-east-1',
      endpoint: url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  }

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/_emulator/${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(
        `${method} /_emulator/${path}: HTTP ${response.status} ${await response.text()}`,
      );
    }
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }

  /**
   * Replaces the store with a seed (default: the default seed), restores the transition delay a
   * previous test may have changed, and clears faults.
   */
  async reset({
    seed = 'default',
    transitionMs = E2E_TRANSITION_MS,
  }: { seed?: unknown; transitionMs?: number } = {}) {
    await this.control('POST', 'reset', { seed, transitionMs });
    await this.updateSettings({
      guestAccess: 'read-only',
      allowGuest: true,
      queryAuth: true,
      credentialsTtlSeconds: 3600,
      idTokenTtlSeconds: 3600,
    });
    await this.control('DELETE', 'faults');
  }

  /** Mapping counts in a region (default us-east-1). */
  stats(region = 'us-east-1'): Promise<EmulatorStats> {
    return this.control('GET', `stats?region=${region}`) as Promise<EmulatorStats>;
  }

  /**
   * Answers the next `count` matching Lambda requests with an AWS-format error, or (with `rate`)
   * each matching request with that probability until {@link clearFaults}.
   * @param fault e.g. `{ method: 'GET', pathPattern: 'event-source-mappings', status: 500, count: 3 }`
   *   or `{ status: 429, errorType: 'TooManyRequestsException', rate: 0.3 }`.
   */
  async injectFault(
    fault: {
      method?: string;
      pathPattern?: string;
      status: number;
      errorType?: string;
    } & ({ count: number } | { rate: number; seed?: number }),
  ) {
    await this.control('POST', 'faults', fault);
  }

  /**
   * Sets live fault settings (`POST /_emulator/faults` with a profile): `latencyMs` and
   * `jitterMs` (a fixed plus a uniform `0..jitterMs` delay before each Lambda/Cognito answer),
   * `throttleRate` (429 `TooManyRequestsException` with `Retry-After`), `errorRate` (500),
   * `dropRate` (connection dropped), `clockOffsetSeconds` (the emulator's clock for SigV4 and its
   * `Date` header), `seed`. Cleared by {@link clearFaults} and {@link reset}.
   */
  async setFaults(profile: {
    latencyMs?: number;
    jitterMs?: number;
    throttleRate?: number;
    errorRate?: number;
    dropRate?: number;
    clockOffsetSeconds?: number;
    seed?: number;
  }) {
    await this.control('POST', 'faults', profile);
  }

  /** Removes every injected fault. */
  async clearFaults() {
    await this.control('DELETE', 'faults');
  }

  /** All mappings of a region (every page), through the SDK. */
  async allMappings(): Promise<EventSourceMappingConfiguration[]> {
    const all: EventSourceMappingConfiguration[] = [];
    let Marker: string | undefined;
    for (let page = 0; page < 1000; page += 1) {
      const answer = await this.lambda.send(
        new ListEventSourceMappingsCommand({ MaxItems: 100, ...(Marker ? { Marker } : {}) }),
      );
      all.push(...(answer.EventSourceMappings ?? []));
      Marker = answer.NextMarker;
      if (!Marker) break;
    }
    return all;
  }

  /**
   * Changes live settings: `transitionMs` (delay of each state transition), `guestAccess`
   * (`read-only` is the real stack's guest role; `read-write` lets guests write), `allowGuest`,
   * `queryAuth` (`false`: query-signed requests are answered as if unsigned), and the lifetimes
   * (seconds) of issued AWS credentials and of ID/access tokens (new ones only).
   */
  async updateSettings(settings: {
    transitionMs?: number;
    guestAccess?: 'read-only' | 'read-write';
    allowGuest?: boolean;
    queryAuth?: boolean;
    credentialsTtlSeconds?: number;
    idTokenTtlSeconds?: number;
  }) {
    await this.control('POST', 'settings', settings);
  }

  /** The first page of mappings (up to 100), optionally filtered. */
  async firstMappings(
    filters: { FunctionName?: string; EventSourceArn?: string } = {},
  ): Promise<EventSourceMappingConfiguration[]> {
    const page = await this.lambda.send(new ListEventSourceMappingsCommand(filters));
    return page.EventSourceMappings ?? [];
  }

  /** A mapping in the given State (from the first page), or throws. */
  async someMapping(state: string): Promise<EventSourceMappingConfiguration & { UUID: string }> {
    const mapping = (await this.firstMappings()).find((m) => m.State === state && m.UUID);
    if (!mapping?.UUID) throw new Error(`The seed's first page has no ${state} mapping`);
    return mapping as EventSourceMappingConfiguration & { UUID: string };
  }

  /** `UpdateEventSourceMapping { UUID, Enabled }` through the SDK. */
  setEnabled(UUID: string, Enabled: boolean) {
    return this.lambda.send(new UpdateEventSourceMappingCommand({ UUID, Enabled }));
  }

  /** `DeleteEventSourceMapping { UUID }` through the SDK. */
  delete(UUID: string) {
    return this.lambda.send(new DeleteEventSourceMappingCommand({ UUID }));
  }
}

/**
 * An emulator process of the test's own (`npm run emulator`), on its own port, that the test can
 * stop and start again: a restart forgets every identity and credential it issued, as a restarted
 * emulator (or a new identity pool) does.
 */
export class DedicatedEmulator {
  #process: ChildProcess | undefined;

  /**
   * @param port the port to listen on (not the suite's).
   * @param args more CLI options, e.g. `['--seed', 'default']`.
   */
  constructor(
    readonly port: number,
    readonly args: readonly string[] = [],
  ) {}

  /** Base URL, e.g. `http://127.0.0.1:4660`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits (at most 30 s) until `/_emulator/health` answers. */
  async start(): Promise<void> {
    if (this.#process) throw new Error('The dedicated emulator is already running');
    this.#process = spawn(
      'npm',
      [
        'run',
        '--silent',
        'emulator',
        '--',
        '--port',
        String(this.port),
        '--host',
        '127.0.0.1',
        ...this.args,
      ],
      { stdio: 'ignore', detached: true },
    );
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const healthy = await fetch(`${this.url}/_emulator/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await this.stop();
    throw new Error(`The dedicated emulator on port ${this.port} did not start within 30 s`);
  }

  /** Stops the process (its whole group: npm and the emulator) and waits until the port is free. */
  async stop(): Promise<void> {
    const child = this.#process;
    this.#process = undefined;
    if (!child?.pid) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const up = await fetch(`${this.url}/_emulator/health`)
        .then(() => true)
        .catch(() => false);
      if (!up) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
