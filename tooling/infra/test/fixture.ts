import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { deterministicZip, packageApp } from '@cognito-triggers/build';
import type { CognitoTriggerField, TriggerDefinition } from '@cognito-triggers/release/registry';
import { defineTriggerApp, type InfraConfig } from '../src/index';

/**
 * The `cognitoTrigger` fields of the fixture workspace's apps: the four shipped triggers' slots and
 * access, with a shorter variable list than the real apps (the config reader is under test, not them).
 */
export const FIXTURE_FIELDS: Readonly<Record<string, CognitoTriggerField>> = {
  'post-confirmation': {
    slot: 'postConfirmation',
    environment: { required: ['EMAIL_FROM'], optional: ['APP_NAME', 'SES_CONFIGURATION_SET', 'LOG_LEVEL'] },
    awsAccess: 'ses-send',
    timeoutSeconds: 5,
    memoryMiB: 512,
  },
  'pre-sign-up': {
    slot: 'preSignUp',
    environment: { required: [], optional: ['LOG_LEVEL'] },
    awsAccess: 'none',
    timeoutSeconds: 5,
    memoryMiB: 256,
  },
  'custom-message': {
    slot: 'customMessage',
    environment: { required: ['APP_NAME'], optional: ['APP_URL', 'LOG_LEVEL'] },
    awsAccess: 'none',
    timeoutSeconds: 5,
    memoryMiB: 256,
  },
  'pre-token-generation': {
    slot: 'preTokenGeneration',
    environment: { required: [], optional: ['ID_TOKEN_CLAIMS', 'LOG_LEVEL'] },
    awsAccess: 'none',
    timeoutSeconds: 5,
    memoryMiB: 256,
  },
};

/** A trigger that sends e-mail, to check the SES statement of its role. */
export const POST_CONFIRMATION: TriggerDefinition = {
  name: 'post-confirmation',
  appDir: 'apps/post-confirmation',
  userPoolTrigger: 'postConfirmation',
  environment: { required: ['EMAIL_FROM'], optional: ['APP_NAME', 'SES_CONFIGURATION_SET', 'LOG_LEVEL'] },
  awsAccess: 'ses-send',
  timeoutSeconds: 5,
  memoryMiB: 512,
};

/** A trigger without AWS access, shaped like the ones to come, to check the "logs only" role. */
export const PRE_SIGN_UP: TriggerDefinition = {
  name: 'pre-sign-up',
  appDir: 'apps/pre-sign-up',
  userPoolTrigger: 'preSignUp',
  environment: { required: [], optional: ['LOG_LEVEL'] },
  awsAccess: 'none',
  timeoutSeconds: 5,
  memoryMiB: 256,
};

export const SES_IDENTITY_ARN = 'arn:aws:ses:eu-west-1:123456789012:identity/acme.example';

/**
 * Synthesizes the app for post-confirmation and a logs-only pre-sign-up, from throwaway zips,
 * into a temporary folder; nothing here needs an AWS account.
 *
 * @example
 * const { app, stacks, remove } = await synthesize();
 */
export async function synthesize(overrides: Partial<InfraConfig> = {}, prepare: (app: App) => void = () => {}) {
  const dir = await mkdtemp(join(tmpdir(), 'infra-'));
  const codePath = join(dir, 'code.zip');
  await writeFile(
    codePath,
    deterministicZip({ 'index.mjs': new TextEncoder().encode('export const handler = async (e) => e;') }),
  );
  const config: InfraConfig = {
    functionPrefix: 'test-',
    logRetention: logs.RetentionDays.ONE_MONTH,
    userPoolName: 'acme-users',
    triggers: [
      {
        trigger: POST_CONFIRMATION,
        settings: {
          environment: { EMAIL_FROM: 'Acme <hello@acme.example>', SES_CONFIGURATION_SET: 'transactional' },
          sesIdentityArn: SES_IDENTITY_ARN,
        },
        codePath,
        version: '0.2.0',
      },
      { trigger: PRE_SIGN_UP, settings: { environment: { LOG_LEVEL: 'DEBUG' } }, codePath, version: '0.1.0' },
    ],
    ...overrides,
  };
  const app = new App({ outdir: join(dir, 'cdk.out') });
  prepare(app);
  const stacks = defineTriggerApp(app, config);
  return { app, stacks, config, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A workspace with the {@link FIXTURE_FIELDS} apps packaged, plus `extraFields` apps (a
 * `cognitoTrigger` field each, or `undefined` for an app that is not deployed), for the config reader.
 *
 * @example
 * const root = await packagedWorkspace();
 */
export async function packagedWorkspace(
  extraFields: Readonly<Record<string, unknown>> = {},
): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'infra-workspace-'));
  for (const [name, cognitoTrigger] of Object.entries({ ...FIXTURE_FIELDS, ...extraFields })) {
    const appDir = join(root, 'apps', name);
    await mkdir(join(appDir, 'dist'), { recursive: true });
    await writeFile(join(appDir, 'package.json'), JSON.stringify({ name, version: '0.3.0', cognitoTrigger }));
    await writeFile(join(appDir, 'dist', 'index.mjs'), 'export const handler = async (e) => e;');
    await writeFile(join(appDir, 'dist', 'index.mjs.map'), '{}');
    await packageApp(appDir, { commit: 'abc' });
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
