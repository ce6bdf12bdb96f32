import { join } from 'node:path';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ARTIFACTS_DIR, readArtifact } from '@cognito-triggers/build';
import {
  DEFAULT_FUNCTION_PREFIX,
  STAGES_DIR,
  checkStageApps,
  loadTriggers,
  readStage,
  readTriggerSettings,
  stageAppSettings,
  stageTriggers,
  type StageValue,
  type TriggerDefinition,
  type TriggerSettings,
} from '@cognito-triggers/release/registry';
import type { InfraConfig, TriggerDeployment } from './config';
import { parseNewPoolSettings } from './pool-settings';
import { ROLLOUTS, type RolloutName } from './rollout';

/**
 * A stage file's value as the function's environment gets it from CloudFormation: text as is,
 * a secret as a dynamic reference that CloudFormation resolves at deploy time, so the template
 * never holds it (SSM: String parameters; Lambda environments cannot take `ssm-secure`).
 *
 * @example
 * cloudFormationValue({ secretsManager: 'acme/prod/api', jsonKey: 'token' }); // '{{resolve:secretsmanager:acme/prod/api:SecretString:token::}}'
 */
export function cloudFormationValue(value: StageValue): string {
  if (typeof value === 'string') return value;
  if ('ssmParameter' in value) return `{{resolve:ssm:${value.ssmParameter}}}`;
  return `{{resolve:secretsmanager:${value.secretsManager}:SecretString:${value.jsonKey ?? ''}::}}`;
}

function retentionOf(text: string, where: string): logs.RetentionDays {
  const retention = Number(text);
  if (!(Object.values(logs.RetentionDays) as unknown[]).includes(retention)) {
    throw new Error(`${where} must be one of CloudWatch's retention periods, e.g. 7, 30, 90, 365 (got "${text}")`);
  }
  return retention;
}

/** `TRIGGER_APPS` (comma-separated app names) of the registry, or all of it when unset. */
function chosenTriggers(registry: Readonly<Record<string, TriggerDefinition>>, list: string | undefined) {
  const names = (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return Object.values(registry);
  const unknown = names.filter((name) => !Object.hasOwn(registry, name));
  if (unknown.length > 0) {
    throw new Error(
      `TRIGGER_APPS names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} no deployable app (apps: ${Object.keys(registry).join(', ')})`,
    );
  }
  return Object.values(registry).filter((trigger) => names.includes(trigger.name));
}

async function deploymentOf(root: string, trigger: TriggerDefinition, settings: TriggerSettings) {
  const appDir = join(root, trigger.appDir);
  const { manifest } = await readArtifact(appDir);
  return { trigger, settings, codePath: join(appDir, ARTIFACTS_DIR, manifest.zipFile), version: manifest.version };
}

/**
 * Builds the {@link InfraConfig} for `cdk synth`/`cdk deploy` from the packaged artifacts and,
 * with a `stage`, from `deploy/<stage>/` (the same files `deploy-trigger --stage` reads), else
 * from the deployer's environment. Every trigger app under `root` (each `apps/*` whose
 * package.json has a `cognitoTrigger` field) is included; an invalid field, a bad stage file, a
 * missing variable or a missing artifact stops synthesis with a message naming it.
 *
 * Without a stage: `TRIGGER_FUNCTION_PREFIX` (default `cognito-`), `USER_POOL_NAME` (default
 * `<prefix>users`), `LOG_RETENTION_DAYS` (default 30), `TRIGGER_APPS` (the apps to deploy,
 * comma-separated; default all), each trigger's variables, and `SES_IDENTITY_ARN` for triggers
 * that send e-mail. With a stage, its stage.json's `apps` chooses. Variables the stacks supply
 * (a custom sender's `KMS_KEY_ARN`) are refused from either.
 *
 * @example
 * const config = await readInfraConfig(process.env, '/path/to/repo', 'staging');
 */
export async function readInfraConfig(
  environment: Readonly<Record<string, string | undefined>>,
  root: string,
  stageName?: string,
): Promise<InfraConfig> {
  const registry = loadTriggers(root);
  const triggers = Object.values(registry);
  const deployments: TriggerDeployment[] = [];
  if (stageName === undefined) {
    const functionPrefix = environment.TRIGGER_FUNCTION_PREFIX?.trim() || DEFAULT_FUNCTION_PREFIX;
    const logRetention = retentionOf(environment.LOG_RETENTION_DAYS?.trim() || '30', 'LOG_RETENTION_DAYS');
    for (const trigger of chosenTriggers(registry, environment.TRIGGER_APPS)) {
      deployments.push(await deploymentOf(root, trigger, readTriggerSettings(trigger, environment, 'infrastructure')));
    }
    return {
      functionPrefix,
      logRetention,
      userPoolName: environment.USER_POOL_NAME?.trim() || `${functionPrefix}users`,
      triggers: deployments,
    };
  }
  const stage = readStage(root, stageName);
  checkStageApps(
    stage,
    triggers.map((trigger) => trigger.name),
  );
  const stageFile = `${STAGES_DIR}/${stage.name}/stage.json`;
  for (const trigger of stageTriggers(stage, registry)) {
    const { environment: values, sesIdentityArn } = stageAppSettings(stage, trigger);
    const settings: TriggerSettings = {
      environment: Object.fromEntries(
        Object.entries(values).map(([name, value]) => [name, cloudFormationValue(value)]),
      ),
      ...(sesIdentityArn && trigger.awsAccess === 'ses-send' ? { sesIdentityArn } : {}),
    };
    deployments.push(await deploymentOf(root, trigger, settings));
  }
  const pool = stage.userPool ? parseNewPoolSettings(stage.userPool, stageFile) : undefined;
  if (stage.rollout !== undefined && !Object.hasOwn(ROLLOUTS, stage.rollout)) {
    throw new Error(
      `${stageFile}: "rollout" must be one of ${Object.keys(ROLLOUTS).join(', ')} (got "${stage.rollout}")`,
    );
  }
  return {
    functionPrefix: stage.functionPrefix,
    logRetention: retentionOf(String(stage.logRetentionDays ?? 30), `${stageFile}: "logRetentionDays"`),
    userPoolName: pool?.name ?? `${stage.functionPrefix}users`,
    ...(pool ? { userPool: pool.settings } : {}),
    ...(stage.existingUserPool ? { existingUserPool: stage.existingUserPool } : {}),
    ...(stage.rollout === undefined ? {} : { rollout: stage.rollout as RolloutName }),
    triggers: deployments,
  };
}
