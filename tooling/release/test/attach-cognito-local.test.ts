import {
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
  type CreateUserPoolRequest,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient, startCognitoLocal, type CognitoLocal } from '@cognito-triggers/local-stack';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index';
import { aliasArn } from './described-pool';
import { FakeLambdaPolicies, mockAws, FakeUserPool } from './fake-aws';
import { poolWorkspace } from './pool-fixture';

// The real user pool API of cognito-local (its DescribeUserPool and UpdateUserPool), with Lambda's
// permission calls mocked: cognito-local runs triggers from its own configuration, not LambdaConfig.
let cognito: CognitoLocal;
let client: CognitoIdentityProviderClient;
let workspace: Awaited<ReturnType<typeof poolWorkspace>>;

const OTHER_TEAM = 'arn:aws:lambda:eu-west-1:123456789012:function:legacy-audit:prod';

/** A pool with every setting cognito-local stores, and another team's trigger. */
const POOL: CreateUserPoolRequest = {
  PoolName: 'acme-users',
  Policies: {
    PasswordPolicy: {
      MinimumLength: 12,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: false,
      TemporaryPasswordValidityDays: 3,
    },
  },
  LambdaConfig: { PreAuthentication: OTHER_TEAM },
  AutoVerifiedAttributes: ['email'],
  UsernameAttributes: ['email'],
  SmsVerificationMessage: 'Your Acme code is {####}',
  EmailVerificationMessage: 'Your Acme code is {####}',
  EmailVerificationSubject: 'Your Acme code',
  VerificationMessageTemplate: {
    SmsMessage: 'Your Acme code is {####}',
    EmailMessage: 'Your Acme code is {####}',
    EmailSubject: 'Your Acme code',
    DefaultEmailOption: 'CONFIRM_WITH_CODE',
  },
  SmsAuthenticationMessage: 'Your Acme sign-in code is {####}',
  UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
  MfaConfiguration: 'OPTIONAL',
  DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
  EmailConfiguration: {
    SourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/acme.example',
    EmailSendingAccount: 'DEVELOPER',
    From: 'Acme <no-reply@acme.example>',
  },
  SmsConfiguration: {
    SnsCallerArn: 'arn:aws:iam::123456789012:role/acme-sms',
    ExternalId: 'acme',
    SnsRegion: 'eu-west-1',
  },
  UserPoolTags: { team: 'identity' },
  AdminCreateUserConfig: {
    AllowAdminCreateUserOnly: true,
    InviteMessageTemplate: {
      EmailSubject: 'Welcome',
      EmailMessage: 'Hi {username}, {####}',
      SMSMessage: '{username} {####}',
    },
  },
  UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
  AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }] },
  Schema: [{ Name: 'tenant_id', AttributeDataType: 'String', Mutable: true }],
};

beforeAll(async () => {
  cognito = await startCognitoLocal({ lambdaEndpoint: 'http://127.0.0.1:9', triggerFunctions: {} });
  client = cognitoClient(cognito.endpoint);
}, 90_000);

afterAll(async () => {
  client?.destroy();
  await cognito?.stop();
});

let userPoolId: string;
let aws: ReturnType<typeof mockAws>;

beforeEach(async (context) => {
  const created = await client.send(new CreateUserPoolCommand(POOL));
  userPoolId = created.UserPool?.Id ?? '';
  workspace = await poolWorkspace();
  workspace.cli.context.createCognitoClient = () => cognitoClient(cognito.endpoint);
  // Only the Lambda side is mocked; FakeUserPool is unused because Cognito calls go to cognito-local.
  aws = mockAws(new FakeUserPool({}), new FakeLambdaPolicies());
  aws.cognito.restore();
  context.onTestFinished(async () => {
    aws.lambda.restore();
    await workspace.remove();
  });
});

async function described(): Promise<UserPoolType> {
  const answer = await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
  return answer.UserPool ?? {};
}

/**
 * The pool with the one difference attach makes on purpose taken out: the deprecated
 * AdminCreateUserConfig.UnusedAccountValidityDays, which Cognito refuses in an update next to a
 * password policy and then reports mirrored from TemporaryPasswordValidityDays. cognito-local
 * reports its own default (7) instead, and drops it once an update leaves it out.
 */
function comparable(pool: UserPoolType) {
  const copy = structuredClone(pool);
  delete copy.AdminCreateUserConfig?.UnusedAccountValidityDays;
  return copy;
}

function withoutLambdaConfig(pool: UserPoolType) {
  const { LambdaConfig: _lambdaConfig, ...rest } = comparable(pool);
  return rest;
}

describe('attach and detach against cognito-local', () => {
  it('cognito-local, like Cognito, resets the settings UpdateUserPool is not given', async () => {
    await client.send(new UpdateUserPoolCommand({ UserPoolId: userPoolId, LambdaConfig: {} }));
    const after = await described();
    expect(after.EmailConfiguration).toBeUndefined();
    expect(after.Policies).toBeUndefined();
  });

  it('attaches the triggers and changes nothing else, then detaches back to the pool as it was', async () => {
    const before = await described();
    const apps = ['pre-sign-up', 'post-confirmation', 'pre-token-generation'];

    expect(await main(['attach', ...apps, '--user-pool-id', userPoolId], workspace.cli.context)).toBe(0);

    const attached = await described();
    expect(withoutLambdaConfig(attached)).toEqual(withoutLambdaConfig(before));
    expect(attached.LambdaConfig).toEqual({
      PreAuthentication: OTHER_TEAM,
      PreSignUp: aliasArn('cognito-pre-sign-up'),
      PostConfirmation: aliasArn('cognito-post-confirmation'),
      PreTokenGeneration: aliasArn('cognito-pre-token-generation'),
      PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: aliasArn('cognito-pre-token-generation') },
    });
    expect(aws.policies.statements('cognito-post-confirmation')[0]?.Condition).toEqual({
      StringEquals: { 'AWS:SourceAccount': 'local' },
      ArnLike: { 'AWS:SourceArn': before.Arn },
    });

    expect(await main(['detach', ...apps, '--user-pool-id', userPoolId], workspace.cli.context)).toBe(0);

    expect(comparable(await described())).toEqual(comparable(before));
    expect(aws.policies.statements('cognito-post-confirmation')).toEqual([]);
  });
});
