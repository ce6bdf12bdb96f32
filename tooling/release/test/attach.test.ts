import { UpdateUserPoolCommand, type UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { AddPermissionCommand } from '@aws-sdk/client-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index';
import {
  ACCOUNT,
  DESCRIBED_POOL,
  KMS_KEY_ARN,
  OTHER_TRIGGERS,
  USER_POOL_ARN,
  USER_POOL_ID,
  aliasArn,
} from './described-pool';
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

const attach = (...args: string[]) => main(['attach', ...args, '--user-pool-id', USER_POOL_ID], workspace.cli.context);

/** The described pool without the fields an update legitimately changes. */
function settingsOf(pool: UserPoolType) {
  const { LambdaConfig: _lambdaConfig, LastModifiedDate: _modified, ...rest } = structuredClone(pool);
  return rest;
}

const mutatingCalls = () => aws.changes();

describe('deploy-trigger attach', () => {
  it('changes nothing in the pool but LambdaConfig, and there only the slots it attaches', async () => {
    expect(await attach('pre-sign-up', 'post-confirmation', 'pre-token-generation')).toBe(0);

    const after = aws.pool.state;
    expect(settingsOf(after)).toEqual(settingsOf(DESCRIBED_POOL));
    expect(after.LambdaConfig).toEqual({
      ...OTHER_TRIGGERS,
      PreSignUp: aliasArn('cognito-pre-sign-up'),
      PostConfirmation: aliasArn('cognito-post-confirmation'),
      PreTokenGeneration: aliasArn('cognito-pre-token-generation'),
      PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: aliasArn('cognito-pre-token-generation') },
    });
    expect(workspace.cli.output.at(-1)).toBe(
      `attached: pre-sign-up, post-confirmation, pre-token-generation to ${USER_POOL_ID}; read back: LambdaConfig as planned, every other setting as before`,
    );
  });

  it('sends UpdateUserPool every mutable setting as described, field by field', async () => {
    expect(await attach('post-confirmation')).toBe(0);

    const { AdminCreateUserConfig } = DESCRIBED_POOL;
    expect(aws.pool.updates).toEqual([
      {
        UserPoolId: USER_POOL_ID,
        Policies: DESCRIBED_POOL.Policies,
        DeletionProtection: 'ACTIVE',
        AutoVerifiedAttributes: ['email'],
        SmsVerificationMessage: DESCRIBED_POOL.SmsVerificationMessage,
        EmailVerificationMessage: DESCRIBED_POOL.EmailVerificationMessage,
        EmailVerificationSubject: DESCRIBED_POOL.EmailVerificationSubject,
        VerificationMessageTemplate: DESCRIBED_POOL.VerificationMessageTemplate,
        SmsAuthenticationMessage: DESCRIBED_POOL.SmsAuthenticationMessage,
        UserAttributeUpdateSettings: DESCRIBED_POOL.UserAttributeUpdateSettings,
        MfaConfiguration: 'OPTIONAL',
        DeviceConfiguration: DESCRIBED_POOL.DeviceConfiguration,
        EmailConfiguration: DESCRIBED_POOL.EmailConfiguration,
        SmsConfiguration: DESCRIBED_POOL.SmsConfiguration,
        UserPoolTags: DESCRIBED_POOL.UserPoolTags,
        // The deprecated twin of TemporaryPasswordValidityDays, which Cognito refuses next to it.
        AdminCreateUserConfig: {
          AllowAdminCreateUserOnly: AdminCreateUserConfig.AllowAdminCreateUserOnly,
          InviteMessageTemplate: AdminCreateUserConfig.InviteMessageTemplate,
        },
        UserPoolAddOns: DESCRIBED_POOL.UserPoolAddOns,
        AccountRecoverySetting: DESCRIBED_POOL.AccountRecoverySetting,
        PoolName: 'acme-users',
        UserPoolTier: 'PLUS',
        KeyConfiguration: DESCRIBED_POOL.KeyConfiguration,
        IssuerConfiguration: DESCRIBED_POOL.IssuerConfiguration,
        AcrConfiguration: DESCRIBED_POOL.AcrConfiguration,
        LambdaConfig: { ...OTHER_TRIGGERS, PostConfirmation: aliasArn('cognito-post-confirmation') },
      },
    ]);
  });

  it('lets exactly this pool, from its account, invoke each alias, before the pool points at it', async () => {
    expect(await attach('pre-sign-up', 'post-confirmation')).toBe(0);

    expect(aws.lambda.commandCalls(AddPermissionCommand).map((call) => call.args[0].input)).toEqual(
      ['cognito-pre-sign-up', 'cognito-post-confirmation'].map((functionName) => ({
        FunctionName: functionName,
        Qualifier: 'live',
        StatementId: `cognito-idp-${USER_POOL_ID}`,
        Action: 'lambda:InvokeFunction',
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: USER_POOL_ARN,
        SourceAccount: ACCOUNT,
      })),
    );
    expect(mutatingCalls()).toEqual(['AddPermission', 'AddPermission', 'UpdateUserPool']);
  });

  it('does nothing the second time: the slots and the permissions are already there', async () => {
    expect(await attach('pre-sign-up', 'pre-token-generation')).toBe(0);
    aws.journal.length = 0;

    expect(await attach('pre-sign-up', 'pre-token-generation')).toBe(0);

    expect(mutatingCalls()).toEqual([]);
    expect(workspace.cli.output.at(-1)).toBe(
      `nothing to do: ${USER_POOL_ID} already runs pre-sign-up, pre-token-generation`,
    );
  });

  it('prints the diff on a dry run and changes nothing', async () => {
    expect(await attach('post-confirmation', 'pre-token-generation', '--dry-run')).toBe(0);

    expect(mutatingCalls()).toEqual([]);
    expect(aws.pool.state).toEqual(DESCRIBED_POOL);
    const text = workspace.cli.output.join('\n');
    expect(text).toContain(`attach post-confirmation, pre-token-generation to user pool ${USER_POOL_ID} (acme-users)`);
    expect(text).toContain(`  LambdaConfig.PostConfirmation: (unset) -> ${aliasArn('cognito-post-confirmation')}`);
    expect(text).toContain(`  LambdaConfig.PreTokenGeneration: (unset) -> ${aliasArn('cognito-pre-token-generation')}`);
    expect(text).toContain(
      `  LambdaConfig.PreTokenGenerationConfig: (unset) -> {"LambdaArn":"${aliasArn('cognito-pre-token-generation')}","LambdaVersion":"V2_0"}`,
    );
    expect(text).toContain(
      `  invoke permission: add cognito-idp-${USER_POOL_ID} on cognito-post-confirmation:live (SourceArn ${USER_POOL_ARN}, SourceAccount ${ACCOUNT})`,
    );
    expect(text).toMatch(/ {2}carried over unchanged \(22\): Policies, DeletionProtection, .*AcrConfiguration/);
    expect(text).toContain('  AdminCreateUserConfig.UnusedAccountValidityDays: deprecated and refused by Cognito;');
    expect(text).toContain('  not sent: DcrConfiguration (Cognito keeps');
    expect(workspace.cli.output.filter((line) => line.startsWith('  LambdaConfig.'))).toHaveLength(3);
    expect(workspace.cli.output.at(-1)).toBe('dry run: nothing changed');
  });

  it('refuses a slot another function holds, naming it, and takes it over only with --replace', async () => {
    aws.pool.state.LambdaConfig = {
      ...OTHER_TRIGGERS,
      PreSignUp: 'arn:aws:lambda:eu-west-1:123456789012:function:old-gate',
    };

    expect(await attach('pre-sign-up', 'post-confirmation')).toBe(2);
    expect(workspace.cli.errors[0]).toBe(
      "deploy-trigger attach: the pool's slots are taken: LambdaConfig.PreSignUp runs arn:aws:lambda:eu-west-1:123456789012:function:old-gate, not pre-sign-up. Detach those first, or pass --replace to take them over",
    );
    expect(mutatingCalls()).toEqual([]);

    expect(await attach('pre-sign-up', '--replace')).toBe(0);
    expect(aws.pool.state.LambdaConfig?.PreSignUp).toBe(aliasArn('cognito-pre-sign-up'));
  });

  it('replaces its own earlier wiring of another alias or version without --replace', async () => {
    aws.pool.state.LambdaConfig = { ...OTHER_TRIGGERS, PreSignUp: aliasArn('cognito-pre-sign-up', 'blue') };
    expect(await attach('pre-sign-up')).toBe(0);
    expect(aws.pool.state.LambdaConfig?.PreSignUp).toBe(aliasArn('cognito-pre-sign-up'));
  });

  it('wires pre-token generation with the event version the app declares', async () => {
    const versioned = await poolWorkspace({
      'pre-token-generation': {
        slot: 'preTokenGeneration',
        environment: { required: [], optional: [] },
        awsAccess: 'none',
        timeoutSeconds: 5,
        memoryMiB: 256,
        lambdaVersion: 'V3_0',
      },
    });
    try {
      expect(
        await main(['attach', 'pre-token-generation', '--user-pool-id', USER_POOL_ID], versioned.cli.context),
      ).toBe(0);
      expect(aws.pool.state.LambdaConfig?.PreTokenGenerationConfig).toEqual({
        LambdaVersion: 'V3_0',
        LambdaArn: aliasArn('cognito-pre-token-generation'),
      });
    } finally {
      await versioned.remove();
    }
  });

  it("attaches a custom e-mail sender with the pool's KMS key, and refuses to switch the key its SMS sender uses", async () => {
    expect(await attach('custom-email-sender', '--kms-key-id', 'arn:aws:kms:eu-west-1:123456789012:key/other')).toBe(2);
    expect(workspace.cli.errors[0]).toContain(
      `LambdaConfig.KMSKeyID is ${KMS_KEY_ARN}, which the pool's senders decrypt with`,
    );

    expect(await attach('custom-email-sender')).toBe(0);
    expect(aws.pool.state.LambdaConfig).toEqual({
      ...OTHER_TRIGGERS,
      CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: aliasArn('cognito-custom-email-sender') },
    });
  });

  it('warns that a sender attached by pool id alone has no AdminGetUser grant on that pool, and says how to get one', async () => {
    expect(await attach('custom-email-sender')).toBe(0);
    const warning = workspace.cli.output.find((line) => line.startsWith('  warning: '));
    expect(warning).toContain(
      "custom-email-sender's role may call cognito-idp:AdminGetUser only on the pool of the stage",
    );
    expect(warning).toContain(`"existingUserPool": { "id": "${USER_POOL_ID}" }`);

    workspace.cli.output.length = 0;
    expect(await attach('post-confirmation')).toBe(0);
    expect(workspace.cli.output.filter((line) => line.includes('warning'))).toEqual([]);
  });

  it('asks for a KMS key when a custom sender goes into a pool that has none', async () => {
    const { KMSKeyID: _key, CustomSMSSender: _sms, ...withoutSenders } = OTHER_TRIGGERS;
    aws.pool.state.LambdaConfig = withoutSenders;
    expect(await attach('custom-email-sender')).toBe(2);
    expect(workspace.cli.errors[0]).toContain('pass --kms-key-id <key ARN>');

    expect(await attach('custom-email-sender', '--kms-key-id', KMS_KEY_ARN)).toBe(0);
    expect(aws.pool.state.LambdaConfig?.KMSKeyID).toBe(KMS_KEY_ARN);
  });

  it('refuses to write when the pool changed after the plan was made', async () => {
    const describe = aws.pool.describe.bind(aws.pool);
    let reads = 0;
    aws.pool.describe = (id) => {
      reads += 1;
      // Someone edits the pool in the console between the plan and the update.
      if (reads === 2) aws.pool.state.LastModifiedDate = new Date('2025-03-15T00:00:00.000Z');
      return describe(id);
    };
    expect(await attach('post-confirmation')).toBe(1);
    expect(workspace.cli.errors[0]).toContain(`${USER_POOL_ID} changed since the plan was made`);
    expect(aws.cognito.commandCalls(UpdateUserPoolCommand)).toHaveLength(0);
  });

  it('fails, naming the setting, when the pool reads back different from the plan', async () => {
    const update = aws.pool.update.bind(aws.pool);
    aws.pool.update = (input) => update({ ...input, UserPoolTags: {} });
    expect(await attach('post-confirmation')).toBe(1);
    expect(workspace.cli.errors[0]).toContain('UserPoolTags differs from before the update');
  });

  it('sends a deprecated account validity as the password policy setting it became', async () => {
    const { Policies } = DESCRIBED_POOL;
    const { TemporaryPasswordValidityDays: _days, ...passwordPolicy } = Policies.PasswordPolicy;
    aws.pool.state.Policies = { ...Policies, PasswordPolicy: passwordPolicy };
    aws.pool.state.AdminCreateUserConfig = { ...DESCRIBED_POOL.AdminCreateUserConfig, UnusedAccountValidityDays: 9 };

    expect(await attach('post-confirmation')).toBe(0);

    expect(aws.pool.updates[0]?.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays).toBe(9);
    expect(aws.pool.updates[0]?.AdminCreateUserConfig?.UnusedAccountValidityDays).toBeUndefined();
    expect(aws.pool.state.AdminCreateUserConfig?.UnusedAccountValidityDays).toBe(9);
  });

  it.each([
    [['pre-sign-up'], '--user-pool-id is required'],
    [['pre-sign-up', '--user-pool-id', 'not a pool'], '--user-pool-id "not a pool" is not a user pool id'],
    [['--user-pool-id', USER_POOL_ID], 'which apps to attach? none given'],
    [['signup-gate', '--user-pool-id', USER_POOL_ID], 'unknown trigger "signup-gate"'],
  ])('stops before any AWS call on %j', async (args, message) => {
    expect(await main(['attach', ...args], workspace.cli.context)).toBe(2);
    expect(workspace.cli.errors[0]).toContain(message);
    expect(workspace.cli.clientsCreated()).toBe(0);
  });

  const WRITER_FIELD = {
    environment: { required: [], optional: [] },
    awsAccess: 'none',
    timeoutSeconds: 5,
    memoryMiB: 256,
  };

  it('refuses custom-message and custom-email-sender together before any AWS call', async () => {
    const writers = await poolWorkspace({
      'custom-message': { ...WRITER_FIELD, slot: 'customMessage' },
      'custom-email-sender': { ...WRITER_FIELD, slot: 'customEmailSender' },
    });
    try {
      expect(
        await main(
          ['attach', 'custom-message', 'custom-email-sender', '--user-pool-id', USER_POOL_ID],
          writers.cli.context,
        ),
      ).toBe(2);
      expect(writers.cli.errors[0]).toContain(
        "apps/custom-message and apps/custom-email-sender both write the pool's e-mails",
      );
      expect(writers.cli.clientsCreated()).toBe(0);
    } finally {
      await writers.remove();
    }
  });

  it('refuses two apps for one slot before any AWS change', async () => {
    const twins = await poolWorkspace({
      'pre-sign-up': {
        slot: 'preSignUp',
        environment: { required: [], optional: [] },
        awsAccess: 'none',
        timeoutSeconds: 5,
        memoryMiB: 256,
      },
      'signup-gate': {
        slot: 'preSignUp',
        environment: { required: [], optional: [] },
        awsAccess: 'none',
        timeoutSeconds: 5,
        memoryMiB: 256,
      },
    });
    try {
      expect(
        await main(['attach', 'pre-sign-up', 'signup-gate', '--user-pool-id', USER_POOL_ID], twins.cli.context),
      ).toBe(2);
      expect(twins.cli.errors[0]).toContain('pre-sign-up and signup-gate both fill the preSignUp slot');
      expect(mutatingCalls()).toEqual([]);
    } finally {
      await twins.remove();
    }
  });
});
