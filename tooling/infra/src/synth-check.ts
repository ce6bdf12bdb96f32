import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import {
  SES_SENDER_VARIABLE,
  listStages,
  loadTriggers,
  stackSuppliedVariables,
} from '@cognito-triggers/release/registry';
import { addNagChecks, synthesizeChecked } from './nag';
import { readInfraConfig } from './read-config';
import { defineTriggerApp } from './trigger-app';

/** An SES identity in no real account: the check synthesizes, it never deploys. */
const EXAMPLE_SES_IDENTITY = 'arn:aws:ses:us-east-1:111111111111:identity/example.com';

/**
 * The environment the check synthesizes with: every variable some trigger requires (but those
 * the stacks supply), set to a stand-in value, plus an SES identity, and realistic values where the stacks build permissions
 * from them (the sender's address, the legacy users table).
 *
 * @example
 * const environment = checkEnvironment(root); // { EMAIL_FROM: 'Example <no-reply@example.com>', APP_NAME: 'example-app-name', ... }
 */
export function checkEnvironment(root: string): Record<string, string> {
  const environment: Record<string, string> = { SES_IDENTITY_ARN: EXAMPLE_SES_IDENTITY };
  for (const trigger of Object.values(loadTriggers(root))) {
    const supplied = stackSuppliedVariables(trigger);
    for (const name of trigger.environment.required.filter((required) => !supplied.includes(required))) {
      environment[name] = `example-${name.toLowerCase().replaceAll('_', '-')}`;
    }
    // What the stacks build permissions from must look real: a sender address, a table name.
    if (trigger.awsAccess === 'ses-send') environment[SES_SENDER_VARIABLE] = 'Example <no-reply@example.com>';
    if (trigger.awsAccess === 'legacy-user-store') environment.LEGACY_TABLE_NAME = 'example-legacy-users';
  }
  return environment;
}

/**
 * CI's infrastructure check: synthesizes every stack of the CDK app for every stage in
 * `deploy/` (or, in a workspace without stages, once with stand-in values) from the packaged
 * artifacts, offline, with cdk-nag's AwsSolutions pack, into temporary folders. Returns the
 * stack names per stage; throws on a configuration problem (two apps on one slot, a bad stage
 * file, a missing artifact) or a finding, naming the stage.
 *
 * @example
 * const stacks = await runSynthCheck(findWorkspaceRoot(process.cwd()));
 */
export async function runSynthCheck(root: string): Promise<Record<string, string[]>> {
  const stages = listStages(root);
  const checked: Record<string, string[]> = {};
  for (const stage of stages.length > 0 ? stages : [undefined]) {
    const label = stage ?? '(no stage)';
    try {
      const config = await readInfraConfig(stage ? {} : checkEnvironment(root), root, stage);
      const outdir = mkdtempSync(join(tmpdir(), 'infra-check-'));
      try {
        const app = new App({ outdir });
        addNagChecks(app);
        defineTriggerApp(app, config);
        checked[label] = synthesizeChecked(app).stacks.map((entry) => entry.stackName);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    } catch (error) {
      throw new Error(`stage ${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return checked;
}
