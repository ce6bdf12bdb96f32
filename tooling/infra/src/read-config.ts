import { join } from 'node:path';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ARTIFACTS_DIR, readArtifact } from '@cognito-triggers/build';
import { DEFAULT_FUNCTION_PREFIX, loadTriggers, readTriggerSettings } from '@cognito-triggers/release/registry';
import type { InfraConfig, TriggerDeployment } from './config';

/**
 * Builds the {@link InfraConfig} for `cdk synth`/`cdk deploy` from the deployer's environment
 * (the same variables `deploy-trigger` reads) and the packaged artifacts. Every trigger app under
 * `root` (each `apps/*` whose package.json has a `cognitoTrigger` field) is included; an invalid
 * field, a missing variable or a missing artifact stops synthesis with a message naming it.
 *
 * - `TRIGGER_FUNCTION_PREFIX` (default `cognito-`), `USER_POOL_NAME` (default `<prefix>users`)
 * - `LOG_RETENTION_DAYS` (default 30; one of CloudWatch's allowed values)
 * - each trigger's variables, and `SES_IDENTITY_ARN` for triggers that send e-mail
 *
 * @example
 * const config = await readInfraConfig(process.env, '/path/to/repo');
 */
export async function readInfraConfig(
  environment: Readonly<Record<string, string | undefined>>,
  root: string,
): Promise<InfraConfig> {
  const functionPrefix = environment.TRIGGER_FUNCTION_PREFIX?.trim() || DEFAULT_FUNCTION_PREFIX;
  const retentionText = environment.LOG_RETENTION_DAYS?.trim() || '30';
  const retention = Number(retentionText);
  if (!(Object.values(logs.RetentionDays) as unknown[]).includes(retention)) {
    throw new Error(
      `LOG_RETENTION_DAYS must be one of CloudWatch's retention periods, e.g. 7, 30, 90, 365 (got "${retentionText}")`,
    );
  }
  const triggers: TriggerDeployment[] = [];
  for (const trigger of Object.values(loadTriggers(root))) {
    const settings = readTriggerSettings(trigger, environment, 'infrastructure');
    const appDir = join(root, trigger.appDir);
    const { manifest } = await readArtifact(appDir);
    triggers.push({
      trigger,
      settings,
      codePath: join(appDir, ARTIFACTS_DIR, manifest.zipFile),
      version: manifest.version,
    });
  }
  return {
    functionPrefix,
    logRetention: retention as logs.RetentionDays,
    userPoolName: environment.USER_POOL_NAME?.trim() || `${functionPrefix}users`,
    triggers,
  };
}
