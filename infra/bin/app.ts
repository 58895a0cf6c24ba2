import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConsoleStack } from '../lib/console-stack.ts';
import { readConsoleSettings } from '../lib/console-settings.ts';

// The CDK app: `npm run synth` / `npm run deploy` (see infra/README.md). No lookups: the stack
// needs only a region (context `region`, else the CLI's default region, else us-east-1) and an
// account token, so `cdk synth` works offline.
const app = new App();
const settings = readConsoleSettings((key) => app.node.tryGetContext(key), {
  region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1',
  siteAssetPath: fileURLToPath(new URL('../../dist', import.meta.url)),
});
const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'LambdaEsmConsole';
new ConsoleStack(app, stackName, {
  stackName,
  description: 'lambda-esm-console: static site, CloudFront, Cognito and least-privilege roles',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: settings.region },
  settings,
});
// cdk-nag's AWS Solutions checks run as a policy-validation plugin on every synth: a finding
// that is not acknowledged (with a reason, in console-stack.ts) fails `cdk synth`.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
