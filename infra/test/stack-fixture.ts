import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ConsoleStack } from '../lib/console-stack.ts';
import { readConsoleSettings, type ConsoleSettings } from '../lib/console-settings.ts';
import { makeTempDir } from './temp-dirs.ts';

/** The feature flags and settings of infra/cdk.json, so tests synthesise what `cdk synth` does. */
const CDK_JSON_CONTEXT = (
  JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

/**
 * A stand-in production build: index.html, a hashed asset and the `config.json` Vite copies from
 * public/ (which the stack must not deploy).
 */
export function makeSiteDir(): string {
  const dir = makeTempDir('esm-console-site-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app-1a2b3c.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'app-1a2b3c.js'), 'console.log("app");');
  writeFileSync(
    join(dir, 'config.json'),
    '{"region":"us-east-1","lambdaEndpoint":"http://127.0.0.1:4599"}',
  );
  return dir;
}

/** A synthesised console stack and where its cloud assembly was written. */
export interface SynthesizedConsole {
  readonly app: App;
  readonly stack: ConsoleStack;
  readonly settings: ConsoleSettings;
  readonly template: Template;
  /** Cloud assembly directory (staged assets live in `asset.<hash>/`). */
  readonly outdir: string;
}

/**
 * Builds the console stack the way infra/bin/app.ts does, with cdk.json's context plus
 * `context` (CDK context flags as the CLI would pass them: strings).
 * @param context extra context flags, e.g. `{ allowGuest: 'true' }`.
 * @param account a concrete account id, as when deploying with credentials; default none
 *   (offline synth: the account stays a token).
 * @returns the stack (not yet synthesised) and a function to synthesise its template.
 */
export function buildConsole(
  context: Record<string, string> = {},
  account?: string,
): Omit<SynthesizedConsole, 'template'> & { synth: () => Template } {
  const outdir = makeTempDir('esm-console-cdk-out-');
  const app = new App({ outdir, context: { ...CDK_JSON_CONTEXT, ...context } });
  const settings = readConsoleSettings((key) => app.node.tryGetContext(key), {
    region: 'us-east-1',
    siteAssetPath: context.siteAssetPath ?? makeSiteDir(),
  });
  const stack = new ConsoleStack(app, 'TestConsole', {
    env: { account, region: settings.region },
    settings,
  });
  return { app, stack, settings, outdir, synth: () => Template.fromStack(stack) };
}

/** {@link buildConsole} and synthesise at once. */
export function synthConsole(
  context: Record<string, string> = {},
  account?: string,
): SynthesizedConsole {
  const built = buildConsole(context, account);
  return { ...built, template: built.synth() };
}
