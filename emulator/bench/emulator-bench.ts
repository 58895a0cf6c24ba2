/**
 * Emulator benchmark (not a test): `npx tsx emulator/bench/emulator-bench.ts`.
 * Prints JSON with medians in milliseconds: default seed generation, app start with the default
 * seed, listing all default-seed mappings through the SDK paginator (100 per page), and single
 * GetEventSourceMapping / CreateEventSourceMapping round trips (SigV4 verified each time).
 */
import {
  CreateEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  LambdaClient,
  paginateListEventSourceMappings,
} from '@aws-sdk/client-lambda';
import { buildApp } from '../src/app.ts';
import { generateDefaultSeed } from '../src/seed.ts';

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
  console.log(
    JSON.stringify(
      {
        seedGenerationMs: median(seedRuns),
        appStartWithDefaultSeedMs: Number(startMs.toFixed(2)),
        listAllMappingsViaSdkMs: median(listRuns),
        mappingsListed: listed,
        getMappingMs: median(getRuns),
        createMappingMs: median(createRuns),
      },
      null,
      2,
    ),
  );
}

await main();
