/**
 * Emulator benchmark (not a test): `npx tsx emulator/bench/emulator-bench.ts`.
 * Prints JSON with medians in milliseconds: default seed generation, app start with the default
 * seed, listing all default-seed mappings through the SDK paginator (100 per page), single
 * GetEventSourceMapping / CreateEventSourceMapping round trips (SigV4 verified each time), and the
 * scale seed `default:10000`: generating and loading it into a store, app start with it, and
 * listing its 10,000 mappings through the paginator.
 */
import {
  CreateEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  LambdaClient,
  paginateListEventSourceMappings,
} from '@aws-sdk/client-lambda';
import { buildApp } from '../src/app.ts';
import { applySeed, generateDefaultSeed, resolveSeeds } from '../src/seed.ts';
import { Store } from '../src/store.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(2));
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/** Lists every us-east-1 mapping through the SDK paginator; returns how many. */
async function listAll(client: LambdaClient): Promise<number> {
  let n = 0;
  for await (const page of paginateListEventSourceMappings({ client, pageSize: 100 }, {})) {
    n += page.EventSourceMappings?.length ?? 0;
  }
  return n;
}

/** `default:10000`: load into a store (generate + apply), app start, list all via the SDK. */
async function scaleSeed(): Promise<Record<string, number>> {
  const loadRuns: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    loadRuns.push(
      (
        await time(() => {
          const store = new Store('123456789012');
          for (const data of resolveSeeds('default:10000', '123456789012')) {
            applySeed(store, data);
          }
        })
      )[0],
    );
  }
  const [startMs, app] = await time(async () => {
    const instance = buildApp({ seed: 'default:10000', transitionMs: 10 });
    await instance.listen({ port: 0, host: '127.0.0.1' });
    return instance;
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const client = new LambdaClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const listRuns: number[] = [];
  let listed = 0;
  for (let i = 0; i < 3; i += 1) {
    const [ms, count] = await time(() => listAll(client));
    listRuns.push(ms);
    listed = count;
  }
  client.destroy();
  await app.close();
  return {
    scaleSeedLoadMs: median(loadRuns),
    appStartWithScaleSeedMs: Number(startMs.toFixed(2)),
    listAllScaleMappingsViaSdkMs: median(listRuns),
    scaleMappingsListed: listed,
  };
}

async function main(): Promise<void> {
  const seedRuns: number[] = [];
  for (let i = 0; i < 10; i += 1) seedRuns.push((await time(() => generateDefaultSeed()))[0]);

  const [startMs, app] = await time(async () => {
    const instance = buildApp({ transitionMs: 10 });
    await instance.listen({ port: 0, host: '127.0.0.1' });
    return instance;
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const client = new LambdaClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });

  const listRuns: number[] = [];
  let listed = 0;
  let firstUuid = '';
  for (let i = 0; i < 5; i += 1) {
    const [ms, count] = await time(async () => {
      let n = 0;
      for await (const page of paginateListEventSourceMappings({ client, pageSize: 100 }, {})) {
        n += page.EventSourceMappings?.length ?? 0;
        firstUuid ||= page.EventSourceMappings?.[0]?.UUID ?? '';
      }
      return n;
    });
    listRuns.push(ms);
    listed = count;
  }

  const getRuns: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    getRuns.push(
      (await time(() => client.send(new GetEventSourceMappingCommand({ UUID: firstUuid }))))[0],
    );
  }
  const createRuns: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    createRuns.push(
      (
        await time(() =>
          client.send(
            new CreateEventSourceMappingCommand({
              FunctionName: 'orders-ingest-prod',
              EventSourceArn: `arn:aws:sqs:us-east-1:123456789012:bench-${i}`,
            }),
          ),
        )
      )[0],
    );
  }

  client.destroy();
  await app.close();
  const scale = await scaleSeed();
  console.log(
    JSON.stringify(
      {
        seedGenerationMs: median(seedRuns),
        appStartWithDefaultSeedMs: Number(startMs.toFixed(2)),
        listAllMappingsViaSdkMs: median(listRuns),
        mappingsListed: listed,
        getMappingMs: median(getRuns),
        createMappingMs: median(createRuns),
        ...scale,
      },
      null,
      2,
    ),
  );
}

await main();
