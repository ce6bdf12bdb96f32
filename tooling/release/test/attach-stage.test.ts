import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, readStage } from '../src/index';
import { ACCOUNT, DESCRIBED_POOL, OTHER_TRIGGERS, USER_POOL_ARN, USER_POOL_ID, aliasArn } from './described-pool';
import { FakeUserPool, mockAws } from './fake-aws';
import { poolWorkspace } from './pool-fixture';

let workspace: Awaited<ReturnType<typeof poolWorkspace>>;
let aws: ReturnType<typeof mockAws>;

async function stage(name: string, settings: Record<string, unknown>) {
  await mkdir(join(workspace.root, 'deploy', name), { recursive: true });
  await writeFile(join(workspace.root, 'deploy', name, 'stage.json'), JSON.stringify(settings));
}

/** What the trigger stack of an existing-pool stage puts on each alias (CloudFormation picks the Sid). */
function stackPermission(functionName: string) {
  aws.policies.add({
    FunctionName: functionName,
    Qualifier: 'live',
    StatementId: `${functionName}-LiveAliasExistingPoolInvoke-1A2B3C`,
    Action: 'lambda:InvokeFunction',
    Principal: 'cognito-idp.amazonaws.com',
    SourceArn: USER_POOL_ARN,
    SourceAccount: ACCOUNT,
  });
}

function settingsOf(pool: UserPoolType) {
  const { LambdaConfig: _lambdaConfig, LastModifiedDate: _modified, ...rest } = structuredClone(pool);
  return rest;
}

beforeEach(async () => {
  workspace = await poolWorkspace();
  aws = mockAws(new FakeUserPool(DESCRIBED_POOL));
  await stage('staging', { functionPrefix: 'staging-cognito-', existingUserPool: { id: USER_POOL_ID } });
});

afterEach(async () => {
  aws.cognito.restore();
  aws.lambda.restore();
  await workspace.remove();
});

describe('deploy-trigger attach|detach --stage, for a stage with an existing pool', () => {
  it("wires the stage's aliases into the stage's pool, and finds the stack's invoke permissions in place", async () => {
    stackPermission('staging-cognito-pre-sign-up');
    stackPermission('staging-cognito-post-confirmation');

    expect(
      await main(['attach', 'pre-sign-up', 'post-confirmation', '--stage', 'staging'], workspace.cli.context),
    ).toBe(0);

    expect(aws.changes()).toEqual(['UpdateUserPool']);
    expect(settingsOf(aws.pool.state)).toEqual(settingsOf(DESCRIBED_POOL));
    expect(aws.pool.state.LambdaConfig).toEqual({
      ...OTHER_TRIGGERS,
      PreSignUp: aliasArn('staging-cognito-pre-sign-up'),
      PostConfirmation: aliasArn('staging-cognito-post-confirmation'),
    });
    expect(workspace.cli.output).toContain(
      '  invoke permission: staging-cognito-pre-sign-up:live already lets this pool invoke it',
    );
  });

  it("gives no grant warning for a sender attached to its own stage's pool, whose stack granted AdminGetUser there", async () => {
    expect(await main(['attach', 'custom-email-sender', '--stage', 'staging'], workspace.cli.context)).toBe(0);
    expect(aws.pool.state.LambdaConfig?.CustomEmailSender?.LambdaArn).toBe(
      aliasArn('staging-cognito-custom-email-sender'),
    );
    expect(workspace.cli.output.filter((line) => line.includes('warning'))).toEqual([]);
  });

  it("unwires them again and leaves the stack's permissions to the stack", async () => {
    stackPermission('staging-cognito-pre-sign-up');
    expect(await main(['attach', 'pre-sign-up', '--stage', 'staging'], workspace.cli.context)).toBe(0);

    expect(await main(['detach', 'pre-sign-up', '--stage', 'staging'], workspace.cli.context)).toBe(0);

    expect(aws.pool.state.LambdaConfig).toEqual(OTHER_TRIGGERS);
    expect(aws.changes()).toEqual(['UpdateUserPool', 'UpdateUserPool']);
    expect(aws.policies.statements('staging-cognito-pre-sign-up')).toHaveLength(1);
  });

  it('accepts --user-pool-id when it names the same pool', async () => {
    expect(
      await main(
        ['attach', 'pre-sign-up', '--stage', 'staging', '--user-pool-id', USER_POOL_ID],
        workspace.cli.context,
      ),
    ).toBe(0);
    expect(aws.pool.state.LambdaConfig?.PreSignUp).toBe(aliasArn('staging-cognito-pre-sign-up'));
  });

  it.each([
    [
      'a --user-pool-id that disagrees with the stage',
      () => Promise.resolve(),
      ['attach', 'pre-sign-up', '--stage', 'staging', '--user-pool-id', 'eu-west-1_Other9'],
      `--user-pool-id eu-west-1_Other9 disagrees with deploy/staging/stage.json, whose existingUserPool.id is ${USER_POOL_ID}: drop the flag or correct the file`,
    ],
    [
      'a stage without an existing pool and no --user-pool-id',
      () => stage('prod', { userPool: { name: 'acme-users' } }),
      ['detach', 'pre-sign-up', '--stage', 'prod'],
      '--user-pool-id is required: deploy/prod/stage.json has no "existingUserPool"',
    ],
    [
      'neither a stage nor --user-pool-id',
      () => Promise.resolve(),
      ['attach', 'pre-sign-up'],
      '--user-pool-id is required (or --stage, for a stage whose stage.json has "existingUserPool")',
    ],
    [
      'a stage whose pool id is malformed',
      () => stage('qa', { existingUserPool: { id: 'acme-users' } }),
      ['attach', 'pre-sign-up', '--stage', 'qa'],
      'deploy/qa/stage.json: "existingUserPool.id" "acme-users" is not a user pool id (like eu-west-1_AbC123)',
    ],
    [
      'a stage with both an existing and a new pool',
      () => stage('qa', { existingUserPool: { id: USER_POOL_ID }, userPool: { name: 'acme-users' } }),
      ['attach', 'pre-sign-up', '--stage', 'qa'],
      'deploy/qa/stage.json: "existingUserPool" and "userPool" exclude each other',
    ],
  ])('stops before any AWS call on %s', async (_label, prepare, args, message) => {
    await prepare();
    expect(await main(args, workspace.cli.context)).toBe(2);
    expect(workspace.cli.errors[0]).toContain(message);
    expect(workspace.cli.clientsCreated()).toBe(0);
  });

  it('reads the existing pool into the stage, and refuses anything but an id', async () => {
    expect(readStage(workspace.root, 'staging').existingUserPool).toEqual({ id: USER_POOL_ID });
    await stage('qa', { existingUserPool: { id: USER_POOL_ID, arn: USER_POOL_ARN } });
    expect(() => readStage(workspace.root, 'qa')).toThrow(
      'deploy/qa/stage.json: "existingUserPool" must be { "id": "<user pool id>" }, e.g. { "id": "eu-west-1_AbC123" }',
    );
  });
});
