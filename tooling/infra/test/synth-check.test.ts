import { describe, expect, it } from 'vitest';
import { checkEnvironment, runSynthCheck } from '../src/index';
import { packagedWorkspace } from './fixture';

describe('the infrastructure check CI runs', () => {
  it('synthesizes every stack of a workspace with cdk-nag and finds nothing', async () => {
    const workspace = await packagedWorkspace();
    try {
      expect(await runSynthCheck(workspace.root)).toEqual({
        '(no stage)': [
          'cognito-custom-message',
          'cognito-post-confirmation',
          'cognito-pre-sign-up',
          'cognito-pre-token-generation',
          'cognito-user-pool',
        ],
      });
      expect(checkEnvironment(workspace.root)).toMatchObject({
        EMAIL_FROM: 'Example <no-reply@example.com>',
        APP_NAME: 'example-app-name',
      });
    } finally {
      await workspace.remove();
    }
  });

  it('fails on two apps claiming one slot, naming both', async () => {
    // What `pnpm gen trigger --name signup-gate --family PreSignUp` used to let through.
    const workspace = await packagedWorkspace({
      'signup-gate': {
        slot: 'preSignUp',
        environment: { required: [], optional: ['LOG_LEVEL'] },
        awsAccess: 'none',
        timeoutSeconds: 5,
        memoryMiB: 256,
      },
    });
    try {
      await expect(runSynthCheck(workspace.root)).rejects.toThrow(
        'stage (no stage): apps/pre-sign-up and apps/signup-gate both claim the preSignUp slot: a user pool runs one function per slot',
      );
    } finally {
      await workspace.remove();
    }
  });
});
