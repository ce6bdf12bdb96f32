import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInfraConfig } from '../src/index';
import { SES_IDENTITY_ARN, packagedWorkspace } from './fixture';

let workspace: Awaited<ReturnType<typeof packagedWorkspace>>;
const ENVIRONMENT = { EMAIL_FROM: 'hello@acme.example', SES_IDENTITY_ARN, APP_NAME: 'Acme' };

beforeEach(async () => {
  workspace = await packagedWorkspace();
});

afterEach(async () => {
  await workspace.remove();
});

describe('readInfraConfig', () => {
  it('deploys each registered trigger from its packaged artifact with the settings in the environment', async () => {
    const config = await readInfraConfig(
      { ...ENVIRONMENT, TRIGGER_FUNCTION_PREFIX: 'staging-', LOG_RETENTION_DAYS: '90' },
      workspace.root,
    );
    expect(config).toMatchObject({ functionPrefix: 'staging-', logRetention: 90, userPoolName: 'staging-users' });
    const triggers = config.triggers.map(({ trigger, codePath, version, settings }) => ({
      name: trigger.name,
      codePath,
      version,
      settings,
    }));
    expect(triggers.map((trigger) => trigger.name).sort()).toEqual([
      'custom-message',
      'post-confirmation',
      'pre-sign-up',
      'pre-token-generation',
    ]);
    expect(triggers.find((trigger) => trigger.name === 'post-confirmation')).toEqual({
      name: 'post-confirmation',
      codePath: join(workspace.root, 'apps', 'post-confirmation', 'artifacts', 'post-confirmation-0.3.0.zip'),
      version: '0.3.0',
      settings: {
        environment: { EMAIL_FROM: 'hello@acme.example', APP_NAME: 'Acme' },
        sesIdentityArn: SES_IDENTITY_ARN,
      },
    });
    expect(triggers.find((trigger) => trigger.name === 'custom-message')?.settings).toEqual({
      environment: { APP_NAME: 'Acme' },
    });
  });

  it('deploys every app whose package.json has a cognitoTrigger field, and no other', async () => {
    const more = await packagedWorkspace({
      'login-gate': {
        slot: 'preAuthentication',
        environment: { required: [], optional: ['LOG_LEVEL'] },
        awsAccess: 'none',
        timeoutSeconds: 5,
        memoryMiB: 256,
      },
      'not-yet-deployed': undefined,
    });
    try {
      const config = await readInfraConfig(ENVIRONMENT, more.root);
      const slots = Object.fromEntries(config.triggers.map(({ trigger }) => [trigger.name, trigger.userPoolTrigger]));
      expect(slots).toEqual({
        'custom-message': 'customMessage',
        'login-gate': 'preAuthentication',
        'post-confirmation': 'postConfirmation',
        'pre-sign-up': 'preSignUp',
        'pre-token-generation': 'preTokenGeneration',
      });
    } finally {
      await more.remove();
    }
  });

  it('stops at an invalid cognitoTrigger field, naming the app and the field', async () => {
    const bad = await packagedWorkspace({ 'login-gate': { slot: 'preSignIn' } });
    try {
      await expect(readInfraConfig(ENVIRONMENT, bad.root)).rejects.toThrow(
        'apps/login-gate/package.json: "cognitoTrigger.slot" must be one of',
      );
    } finally {
      await bad.remove();
    }
  });

  it('names the missing SES identity for a trigger that sends e-mail', async () => {
    await expect(
      readInfraConfig({ EMAIL_FROM: 'hello@acme.example', APP_NAME: 'Acme' }, workspace.root),
    ).rejects.toThrow('needs SES_IDENTITY_ARN');
  });

  it('accepts only retention periods CloudWatch offers', async () => {
    await expect(readInfraConfig({ ...ENVIRONMENT, LOG_RETENTION_DAYS: '31' }, workspace.root)).rejects.toThrow(
      'LOG_RETENTION_DAYS',
    );
  });

  it('asks for pnpm package when an artifact is missing', async () => {
    await rm(join(workspace.root, 'apps', 'custom-message', 'artifacts'), { recursive: true });
    await expect(readInfraConfig(ENVIRONMENT, workspace.root)).rejects.toThrow('run `pnpm package` first');
  });
});
