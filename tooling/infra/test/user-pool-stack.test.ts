import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRE_SIGN_UP, synthesize } from './fixture';

let synthesized: Awaited<ReturnType<typeof synthesize>>;
let pool: Template;

beforeAll(async () => {
  synthesized = await synthesize();
  pool = Template.fromStack(synthesized.stacks.userPoolStack!);
});

afterAll(async () => {
  await synthesized.remove();
});

/** How the pool stack refers to a trigger stack's live alias ARN (Ref of an alias is its ARN). */
function aliasArnOf(stackName: string) {
  return { 'Fn::ImportValue': `${stackName}:ExportsOutputRefLiveAlias9B8FFEA957CE2A76` };
}

describe('the user pool stack', () => {
  it("points each trigger slot at its trigger's live alias ARN, not at a version or the function", () => {
    pool.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'acme-users',
      LambdaConfig: {
        PostConfirmation: aliasArnOf('test-post-confirmation'),
        PreSignUp: aliasArnOf('test-pre-sign-up'),
      },
    });
    const [postConfirmation] = synthesized.stacks.triggerStacks;
    expect(Template.fromStack(postConfirmation!).toJSON().Outputs).toEqual({
      ExportsOutputRefLiveAlias9B8FFEA957CE2A76: {
        Value: { Ref: 'LiveAlias9B8FFEA9' },
        Export: { Name: 'test-post-confirmation:ExportsOutputRefLiveAlias9B8FFEA957CE2A76' },
      },
    });
  });

  it('lets only this pool, in this account, invoke each alias', () => {
    pool.resourceCountIs('AWS::Lambda::Permission', 2);
    for (const stackName of ['test-post-confirmation', 'test-pre-sign-up']) {
      pool.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'cognito-idp.amazonaws.com',
        FunctionName: aliasArnOf(stackName),
        SourceArn: { 'Fn::GetAtt': ['UserPool6BA7E5F2', 'Arn'] },
        SourceAccount: { Ref: 'AWS::AccountId' },
      });
    }
  });

  it('wires the custom authentication challenge slots too', async () => {
    const slots = ['defineAuthChallenge', 'createAuthChallenge', 'verifyAuthChallengeResponse'] as const;
    // The zip the shared synthesis wrote; the slots, not the code, are under test.
    const codePath = synthesized.config.triggers[0]!.codePath;
    const custom = await synthesize({
      triggers: slots.map((slot) => ({
        trigger: { ...PRE_SIGN_UP, name: slot.toLowerCase(), userPoolTrigger: slot },
        settings: { environment: {} },
        codePath,
        version: '0.1.0',
      })),
    });
    try {
      Template.fromStack(custom.stacks.userPoolStack!).hasResourceProperties('AWS::Cognito::UserPool', {
        LambdaConfig: {
          DefineAuthChallenge: aliasArnOf('test-defineauthchallenge'),
          CreateAuthChallenge: aliasArnOf('test-createauthchallenge'),
          VerifyAuthChallengeResponse: aliasArnOf('test-verifyauthchallengeresponse'),
        },
      });
    } finally {
      await custom.remove();
    }
  });

  it('keeps the pool, and its users, when the stack is deleted', () => {
    pool.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { DeletionProtection: 'ACTIVE' },
    });
  });
});

describe('the CDK app', () => {
  it('synthesizes offline: environment-agnostic stacks, no context lookups', () => {
    const assembly = synthesized.app.synth();
    expect(assembly.manifest.missing).toBeUndefined();
    expect(assembly.stacks.map((stack) => [stack.stackName, stack.environment.account])).toEqual([
      ['test-post-confirmation', 'unknown-account'],
      ['test-pre-sign-up', 'unknown-account'],
      ['test-user-pool', 'unknown-account'],
    ]);
  });
});
