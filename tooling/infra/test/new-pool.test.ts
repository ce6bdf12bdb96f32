import { Match, Template } from 'aws-cdk-lib/assertions';
import type { TriggerDefinition } from '@cognito-triggers/release/registry';
import { afterEach, describe, expect, it } from 'vitest';
import { addNagChecks, customAttributesFor, synthesizeChecked, type InfraConfig } from '../src/index';
import { PRE_SIGN_UP, synthesize } from './fixture';

const PRE_TOKEN_GENERATION: TriggerDefinition = {
  ...PRE_SIGN_UP,
  name: 'pre-token-generation',
  appDir: 'apps/pre-token-generation',
  userPoolTrigger: 'preTokenGeneration',
  environment: { required: [], optional: ['ID_TOKEN_CLAIMS', 'ACCESS_TOKEN_CLAIMS'] },
  lambdaVersion: 'V2_0',
};

const CUSTOM_EMAIL_SENDER: TriggerDefinition = {
  ...PRE_SIGN_UP,
  name: 'custom-email-sender',
  appDir: 'apps/custom-email-sender',
  userPoolTrigger: 'customEmailSender',
  lambdaVersion: 'V1_0',
};

const CLAIMS = 'custom:tenant_id=tenant_id,custom:seats=seats:number';

let remove: (() => Promise<void>) | undefined;
afterEach(async () => {
  await remove?.();
  remove = undefined;
});

/** The fixture app with these triggers instead (the shared zip stands in for every app's code). */
async function appWith(triggers: TriggerDefinition[], overrides: Partial<InfraConfig> = {}, nag = false) {
  const base = await synthesize();
  const codePath = base.config.triggers[0]!.codePath;
  const synthesized = await synthesize(
    {
      triggers: triggers.map((trigger) => {
        const environment: Record<string, string> =
          trigger.userPoolTrigger === 'preTokenGeneration' ? { ID_TOKEN_CLAIMS: CLAIMS } : {};
        return { trigger, settings: { environment }, codePath, version: '0.1.0' };
      }),
      ...overrides,
    },
    nag ? addNagChecks : () => {},
  );
  remove = async () => {
    await synthesized.remove();
    await base.remove();
  };
  return synthesized;
}

describe('a new pool that matches the apps', () => {
  it('wires pre-token generation as PreTokenGenerationConfig V2_0, so access-token claims take effect', async () => {
    const { stacks } = await appWith([PRE_TOKEN_GENERATION]);
    const pool = Template.fromStack(stacks.userPoolStack!);
    pool.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: { 'Fn::ImportValue': Match.stringLikeRegexp('^test-pre-token-generation:') },
          LambdaVersion: 'V2_0',
        },
        PreTokenGeneration: Match.absent(),
      },
      UserPoolTier: 'ESSENTIALS',
    });
    pool.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^UserPool'), 'Arn'] },
    });
  });

  it('uses the event version the app declares', async () => {
    const { stacks } = await appWith([{ ...PRE_TOKEN_GENERATION, lambdaVersion: 'V3_0' }]);
    Template.fromStack(stacks.userPoolStack!).hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V3_0' } },
    });
  });

  it('defines the custom attributes the claim mappings read, with the declared types', async () => {
    const { stacks } = await appWith([PRE_TOKEN_GENERATION], {
      userPool: { customAttributes: { seats: 'Number', plan: 'String' } },
    });
    const schema = Template.fromStack(stacks.userPoolStack!).findResources('AWS::Cognito::UserPool');
    const attributes = (
      Object.values(schema)[0] as { Properties: { Schema: { Name: string; AttributeDataType: string }[] } }
    ).Properties.Schema;
    expect(attributes.map(({ Name, AttributeDataType }) => [Name, AttributeDataType])).toEqual([
      ['plan', 'String'],
      ['seats', 'Number'],
      ['tenant_id', 'String'],
    ]);
  });

  it('refuses a mapping onto a name no custom attribute can have, naming the app and the variable', () => {
    expect(() =>
      customAttributesFor([
        {
          trigger: PRE_TOKEN_GENERATION,
          settings: { environment: { ID_TOKEN_CLAIMS: 'custom:a-very-long-attribute-name=x' } },
        },
      ]),
    ).toThrow(
      "pre-token-generation's ID_TOKEN_CLAIMS refers to custom:a-very-long-attribute-name, which cannot be a custom attribute",
    );
  });

  it('has an app client for SRP sign-in, without a secret or user-existence errors', async () => {
    const { stacks } = await appWith([PRE_TOKEN_GENERATION]);
    Template.fromStack(stacks.userPoolStack!).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'acme-users-app',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('sends its own e-mail through SES when the settings say so', async () => {
    const { stacks } = await appWith([PRE_TOKEN_GENERATION], {
      userPool: {
        featurePlan: 'PLUS',
        email: {
          from: 'no-reply@acme.example',
          fromName: 'Acme',
          sesVerifiedDomain: 'acme.example',
          sesRegion: 'eu-west-1',
          configurationSet: 'cognito',
        },
      },
    });
    Template.fromStack(stacks.userPoolStack!).hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'Acme <no-reply@acme.example>',
        ConfigurationSet: 'cognito',
        SourceArn: { 'Fn::Join': ['', Match.arrayWith([':identity/acme.example'])] },
      },
    });
  });

  it('deploys a custom sender with a rotating KMS key that only Cognito encrypts with and only the sender decrypts with', async () => {
    const { stacks } = await appWith([CUSTOM_EMAIL_SENDER, PRE_TOKEN_GENERATION]);
    const key = Template.fromStack(stacks.senderKeyStack!);
    key.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CognitoUserPoolsEncryptCodes',
            Principal: { Service: 'cognito-idp.amazonaws.com' },
            Action: ['kms:CreateGrant', 'kms:Encrypt'],
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: { 'aws:SourceArn': Match.anyValue() },
            },
          }),
        ]),
      },
    });
    Template.fromStack(stacks.userPoolStack!).hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        KMSKeyID: { 'Fn::ImportValue': Match.stringLikeRegexp('^test-sender-key:') },
        CustomEmailSender: {
          LambdaArn: { 'Fn::ImportValue': Match.stringLikeRegexp('^test-custom-email-sender:') },
          LambdaVersion: 'V1_0',
        },
      },
    });
    const [sender, tokens] = stacks.triggerStacks;
    Template.fromStack(sender!).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: 'kms:Decrypt',
            Resource: { 'Fn::ImportValue': Match.stringLikeRegexp('^test-sender-key:') },
          },
        ]),
      },
    });
    expect(JSON.stringify(Template.fromStack(tokens!).toJSON())).not.toContain('kms:');
  });

  it('passes cdk-nag with a custom sender, SES e-mail and custom attributes', async () => {
    const synthesized = await appWith(
      [CUSTOM_EMAIL_SENDER, PRE_TOKEN_GENERATION],
      {
        userPool: {
          email: { from: 'no-reply@acme.example', sesVerifiedDomain: 'acme.example', sesRegion: 'eu-west-1' },
        },
      },
      true,
    );
    expect(
      synthesizeChecked(synthesized.app)
        .stacks.map((stack) => stack.stackName)
        .sort(),
    ).toEqual(['test-custom-email-sender', 'test-pre-token-generation', 'test-sender-key', 'test-user-pool']);
  });
});
