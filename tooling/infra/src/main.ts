// The CDK app's entry: cdk.json runs it through tsx, and `pnpm --filter @cognito-triggers/infra synth`
// runs it directly (then the templates go to cdk.out/ instead of a temporary folder).
// The stage: `cdk deploy --all -c stage=prod`, or `synth -- --stage prod`; without one, the environment.
import { parseArgs } from 'node:util';
import { App } from 'aws-cdk-lib';
import { findWorkspaceRoot } from '@cognito-triggers/workspace';
import { readInfraConfig } from './read-config';
import { defineTriggerApp } from './trigger-app';

try {
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  const { values } = parseArgs({ options: { stage: { type: 'string' } }, strict: false });
  const context: unknown = app.node.tryGetContext('stage');
  const stage = typeof context === 'string' ? context : typeof values.stage === 'string' ? values.stage : undefined;
  const config = await readInfraConfig(process.env, findWorkspaceRoot(process.cwd()), stage);
  defineTriggerApp(app, config);
  const assembly = app.synth();
  if (!process.env.CDK_OUTDIR) {
    console.log(`synthesized ${assembly.stacks.map((stack) => stack.stackName).join(', ')} to ${assembly.directory}`);
  }
} catch (error) {
  console.error(`infra: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
