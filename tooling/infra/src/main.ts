// The CDK app's entry: cdk.json runs it through tsx, and `pnpm --filter @cognito-triggers/infra synth`
// runs it directly (then the templates go to cdk.out/ instead of a temporary folder).
import { App } from 'aws-cdk-lib';
import { findWorkspaceRoot } from '@cognito-triggers/workspace';
import { readInfraConfig } from './read-config';
import { defineTriggerApp } from './trigger-app';

try {
  const config = await readInfraConfig(process.env, findWorkspaceRoot(process.cwd()));
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  defineTriggerApp(app, config);
  const assembly = app.synth();
  if (!process.env.CDK_OUTDIR) {
    console.log(`synthesized ${assembly.stacks.map((stack) => stack.stackName).join(', ')} to ${assembly.directory}`);
  }
} catch (error) {
  console.error(`infra: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
