import { RemovePermissionCommand } from '@aws-sdk/client-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index';
import { DESCRIBED_POOL, OTHER_TRIGGERS, USER_POOL_ARN, USER_POOL_ID, aliasArn } from './described-pool';
import { FakeUserPool, mockAws } from './fake-aws';
import { poolWorkspace } from './pool-fixture';

let workspace: Awaited<ReturnType<typeof poolWorkspace>>;
let aws: ReturnType<typeof mockAws>;

beforeEach(async () => {
  workspace = await poolWorkspace();
  aws = mockAws(new FakeUserPool(DESCRIBED_POOL));
});

afterEach(async () => {
  aws.cognito.restore();
  aws.lambda.restore();
  await workspace.remove();
});

const run = (command: 'attach' | 'detach', ...args: string[]) =>
  main([command, ...args, '--user-pool-id', USER_POOL_ID], workspace.cli.context);

/** Everything but the modification date, which every update moves. */
function withoutDate(pool: object) {
  const { LastModifiedDate: _date, ...rest } = structuredClone(pool) as { LastModifiedDate?: Date };
  return rest;
}

describe('deploy-trigger detach', () => {
  it('leaves the pool exactly as it was before the attach, other teams’ triggers included', async () => {
    expect(await run('attach', 'pre-sign-up', 'post-confirmation', 'pre-token-generation')).toBe(0);
    expect(await run('detach', 'pre-sign-up', 'post-confirmation', 'pre-token-generation')).toBe(0);

    expect(withoutDate(aws.pool.state)).toEqual(withoutDate(DESCRIBED_POOL));
    expect(aws.pool.state.LambdaConfig).toEqual(OTHER_TRIGGERS);
    expect(workspace.cli.output.at(-1)).toBe(
      `detached: pre-sign-up, post-confirmation, pre-token-generation from ${USER_POOL_ID}; read back: LambdaConfig as planned, every other setting as before`,
    );
  });

  it('removes only the statements it added, after the pool stops calling the alias', async () => {
    expect(await run('attach', 'pre-sign-up')).toBe(0);
    // Another statement on the alias, e.g. the CDK stack's: detach must keep it.
    aws.policies.add({
      FunctionName: 'cognito-pre-sign-up',
      Qualifier: 'live',
      StatementId: 'cdk-invoke',
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: USER_POOL_ARN,
    });
    aws.lambda.resetHistory();
    aws.journal.length = 0;

    expect(await run('detach', 'pre-sign-up')).toBe(0);

    expect(aws.lambda.commandCalls(RemovePermissionCommand).map((call) => call.args[0].input)).toEqual([
      { FunctionName: 'cognito-pre-sign-up', Qualifier: 'live', StatementId: `cognito-idp-${USER_POOL_ID}` },
    ]);
    expect(aws.policies.statements('cognito-pre-sign-up').map((statement) => statement.Sid)).toEqual(['cdk-invoke']);
    expect(aws.changes()).toEqual(['UpdateUserPool', 'RemovePermission']);
  });

  it('leaves a slot that another function holds, and says so', async () => {
    // login-audit fills preAuthentication, which legacy-audit holds in the fixture.
    expect(await run('detach', 'login-audit')).toBe(0);

    expect(aws.pool.updates).toEqual([]);
    expect(workspace.cli.output).toContain(
      `  LambdaConfig.PreAuthentication runs ${OTHER_TRIGGERS.PreAuthentication}, not login-audit: left as it is`,
    );
    expect(workspace.cli.output.at(-1)).toBe(`nothing to do: ${USER_POOL_ID} already runs none of login-audit`);
  });

  it('keeps the KMS key while the SMS sender still needs it, and drops it with the last sender of ours', async () => {
    expect(await run('attach', 'custom-email-sender')).toBe(0);
    expect(await run('detach', 'custom-email-sender')).toBe(0);
    expect(aws.pool.state.LambdaConfig).toEqual(OTHER_TRIGGERS);

    const { CustomSMSSender: _sms, KMSKeyID, ...rest } = OTHER_TRIGGERS;
    aws.pool.state.LambdaConfig = rest;
    expect(await run('attach', 'custom-email-sender', '--kms-key-id', KMSKeyID ?? '')).toBe(0);
    expect(await run('detach', 'custom-email-sender')).toBe(0);
    expect(aws.pool.state.LambdaConfig).toEqual(rest);
  });

  it('prints what it would remove on a dry run and changes nothing', async () => {
    expect(await run('attach', 'post-confirmation')).toBe(0);
    const attached = structuredClone(aws.pool.state);

    expect(await run('detach', 'post-confirmation', '--dry-run')).toBe(0);

    expect(aws.pool.state).toEqual(attached);
    expect(workspace.cli.output).toContain(
      `  LambdaConfig.PostConfirmation: ${aliasArn('cognito-post-confirmation')} -> (unset)`,
    );
    expect(workspace.cli.output).toContain(
      `  invoke permission: remove cognito-idp-${USER_POOL_ID} from cognito-post-confirmation:live`,
    );
    expect(workspace.cli.output.at(-1)).toBe('dry run: nothing changed');
  });

  it('refuses attach-only options', async () => {
    expect(await run('detach', 'pre-sign-up', '--replace')).toBe(2);
    expect(workspace.cli.errors[0]).toContain('--replace and --kms-key-id are for attach only');
  });
});
