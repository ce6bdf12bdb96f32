import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CognitoTriggerField, TriggerDefinition } from '@cognito-triggers/release/registry';
import { afterEach, describe, expect, it } from 'vitest';
import { readInfraConfig, runSynthCheck } from '../src/index';
import { FIXTURE_FIELDS, SES_IDENTITY_ARN, packagedWorkspace, synthesize } from './fixture';

/** custom-email-sender's field as its package.json has it (the variable lists shortened). */
const SENDER_FIELD: CognitoTriggerField = {
  slot: 'customEmailSender',
  environment: { required: ['EMAIL_FROM', 'KMS_KEY_ARN', 'APP_NAME'], optional: ['IDEMPOTENCY_TABLE', 'LOG_LEVEL'] },
  awsAccess: 'ses-send',
  timeoutSeconds: 5,
  memoryMiB: 512,
};

const CUSTOM_EMAIL_SENDER: TriggerDefinition = {
  name: 'custom-email-sender',
  appDir: 'apps/custom-email-sender',
  userPoolTrigger: 'customEmailSender',
  environment: SENDER_FIELD.environment,
  awsAccess: 'ses-send',
  timeoutSeconds: 5,
  memoryMiB: 512,
  lambdaVersion: 'V1_0',
};

const SENDER_SETTINGS = {
  environment: { EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme' },
  sesIdentityArn: SES_IDENTITY_ARN,
};

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** The fixture's post-confirmation and pre-sign-up, plus custom-email-sender with its stage settings. */
async function withSender() {
  const base = await synthesize();
  const codePath = base.config.triggers[0]!.codePath;
  const synthesized = await synthesize({
    triggers: [
      ...base.config.triggers,
      { trigger: CUSTOM_EMAIL_SENDER, settings: SENDER_SETTINGS, codePath, version: '0.1.0' },
    ],
  });
  cleanup = async () => {
    await synthesized.remove();
    await base.remove();
  };
  const { stacks } = synthesized;
  const sender = stacks.triggerStacks.find((stack) => stack.stackName === 'test-custom-email-sender')!;
  return {
    sender: Template.fromStack(sender),
    others: stacks.triggerStacks.filter((stack) => stack !== sender).map((stack) => Template.fromStack(stack)),
    key: Template.fromStack(stacks.senderKeyStack!),
    pool: Template.fromStack(stacks.userPoolStack!),
  };
}

/** The export name under which `template` publishes the value `value` (a cross-stack reference's target). */
function exportOf(template: Template, value: unknown): string {
  const outputs = Object.values(
    template.toJSON().Outputs as Record<string, { Value: unknown; Export?: { Name: string } }>,
  );
  const exported = outputs.find((output) => output.Export && JSON.stringify(output.Value) === JSON.stringify(value));
  if (!exported?.Export) throw new Error(`no export of ${JSON.stringify(value)}`);
  return exported.Export.Name;
}

function logicalIdOf(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

describe('custom-email-sender in the CDK app', () => {
  it("gets KMS_KEY_ARN from the sender key's stack, the ARN of the very key the pool encrypts with", async () => {
    const { sender, key, pool } = await withSender();
    const keyArn = { 'Fn::ImportValue': exportOf(key, { 'Fn::GetAtt': [logicalIdOf(key, 'AWS::KMS::Key'), 'Arn'] }) };
    sender.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'test-custom-email-sender',
      Environment: { Variables: { KMS_KEY_ARN: keyArn, EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme' } },
    });
    pool.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { KMSKeyID: keyArn } });
    // For `deploy-trigger attach --kms-key-id` when the pool is not the stacks' own.
    expect(key.toJSON().Outputs).toMatchObject({
      KeyArn: { Value: { 'Fn::GetAtt': [logicalIdOf(key, 'AWS::KMS::Key'), 'Arn'] } },
    });
  });

  it('lets its role decrypt with that key only, and no other role use it', async () => {
    const { sender, key, others } = await withSender();
    const keyArn = { 'Fn::ImportValue': exportOf(key, { 'Fn::GetAtt': [logicalIdOf(key, 'AWS::KMS::Key'), 'Arn'] }) };
    const statements = Object.values(sender.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } })
          .Properties.PolicyDocument.Statement,
    );
    const kms = statements.filter((statement) => JSON.stringify(statement.Action).includes('kms:'));
    expect(kms).toEqual([{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn }]);
    expect(JSON.stringify(statements)).not.toContain('"*"');
    for (const other of others) expect(JSON.stringify(other.toJSON())).not.toContain('kms:');
  });

  it("is the pool's CustomEmailSender V1_0 through its live alias, invocable by that pool in this account only", async () => {
    const { sender, pool } = await withSender();
    const alias = { 'Fn::ImportValue': exportOf(sender, { Ref: logicalIdOf(sender, 'AWS::Lambda::Alias') }) };
    sender.hasResourceProperties('AWS::Lambda::Alias', { Name: 'live' });
    pool.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: alias }, CustomMessage: Match.absent() },
    });
    pool.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: alias,
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [logicalIdOf(pool, 'AWS::Cognito::UserPool'), 'Arn'] },
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  it("may look users up in its pool only (AdminGetUser), through a policy in the pool's stack", async () => {
    const { sender, pool, others } = await withSender();
    const fn = Object.values(sender.findResources('AWS::Lambda::Function'))[0] as {
      Properties: { Role: { 'Fn::GetAtt': [string, string] } };
    };
    const role = { 'Fn::ImportValue': exportOf(sender, { Ref: fn.Properties.Role['Fn::GetAtt'][0] }) };
    pool.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [role],
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'cognito-idp:AdminGetUser',
            Resource: { 'Fn::GetAtt': [logicalIdOf(pool, 'AWS::Cognito::UserPool'), 'Arn'] },
          },
        ],
      },
    });
    expect(Object.keys(pool.findResources('AWS::IAM::Policy'))).toHaveLength(1);
    for (const template of [sender, ...others]) expect(JSON.stringify(template.toJSON())).not.toContain('cognito-idp:');
  });

  it('with an existing pool, may look users up in that pool only, granted in its own stack', async () => {
    const base = await synthesize();
    const codePath = base.config.triggers[0]!.codePath;
    const synthesized = await synthesize({
      existingUserPool: { id: 'eu-west-1_AcmeStg01' },
      triggers: [{ trigger: CUSTOM_EMAIL_SENDER, settings: SENDER_SETTINGS, codePath, version: '0.1.0' }],
    });
    cleanup = async () => {
      await synthesized.remove();
      await base.remove();
    };
    expect(synthesized.stacks.userPoolStack).toBeUndefined();
    const sender = Template.fromStack(synthesized.stacks.triggerStacks[0]!);
    const statements = Object.values(sender.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } })
          .Properties.PolicyDocument.Statement,
    );
    const lookups = statements.filter((statement) => JSON.stringify(statement.Action).includes('cognito-idp:'));
    expect(lookups).toEqual([
      {
        Effect: 'Allow',
        Action: 'cognito-idp:AdminGetUser',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':cognito-idp:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':userpool/eu-west-1_AcmeStg01',
            ],
          ],
        },
      },
    ]);
  });

  it('refuses a pool with custom-message too, naming both apps', async () => {
    const base = await synthesize();
    cleanup = base.remove;
    const codePath = base.config.triggers[0]!.codePath;
    const message: TriggerDefinition = {
      name: 'custom-message',
      appDir: 'apps/custom-message',
      userPoolTrigger: 'customMessage',
      environment: FIXTURE_FIELDS['custom-message']!.environment,
      awsAccess: 'none',
      timeoutSeconds: 5,
      memoryMiB: 256,
    };
    await expect(
      synthesize({
        triggers: [
          { trigger: message, settings: { environment: { APP_NAME: 'Acme' } }, codePath, version: '0.1.0' },
          { trigger: CUSTOM_EMAIL_SENDER, settings: SENDER_SETTINGS, codePath, version: '0.1.0' },
        ],
      }),
    ).rejects.toThrow(
      "apps/custom-message and apps/custom-email-sender both write the pool's e-mails: with a custom e-mail sender, Cognito sends no e-mail itself",
    );
  });
});

describe('a stage with custom-email-sender', () => {
  async function stageWorkspace(files: Record<string, unknown>) {
    const workspace = await packagedWorkspace({ 'custom-email-sender': SENDER_FIELD });
    cleanup = workspace.remove;
    await mkdir(join(workspace.root, 'deploy', 'dev'), { recursive: true });
    for (const [file, content] of Object.entries(files)) {
      await writeFile(join(workspace.root, 'deploy', 'dev', file), JSON.stringify(content));
    }
    return workspace.root;
  }
  const senderFile = { environment: SENDER_SETTINGS.environment, sesIdentityArn: SES_IDENTITY_ARN };
  const postConfirmationFile = { environment: { EMAIL_FROM: 'a@acme.example' }, sesIdentityArn: SES_IDENTITY_ARN };

  it('deploys the apps its stage.json lists, and passes cdk-nag', async () => {
    const root = await stageWorkspace({
      'stage.json': { apps: ['custom-email-sender', 'post-confirmation', 'pre-sign-up'] },
      'custom-email-sender.json': senderFile,
      'post-confirmation.json': postConfirmationFile,
      // Kept for a switch back; checked, but not deployed.
      'custom-message.json': { environment: { APP_NAME: 'Acme' } },
    });
    const config = await readInfraConfig({}, root, 'dev');
    expect(config.triggers.map(({ trigger }) => trigger.name).sort()).toEqual([
      'custom-email-sender',
      'post-confirmation',
      'pre-sign-up',
    ]);
    const { dev } = await runSynthCheck(root);
    expect(dev).toEqual(
      expect.arrayContaining(['dev-cognito-custom-email-sender', 'dev-cognito-sender-key', 'dev-cognito-user-pool']),
    );
    expect(dev).not.toContain('dev-cognito-custom-message');
  });

  it('stops synthesis when a stage file gives KMS_KEY_ARN, which the stack supplies', async () => {
    const root = await stageWorkspace({
      'stage.json': { apps: ['custom-email-sender'] },
      'custom-email-sender.json': {
        ...senderFile,
        environment: { ...senderFile.environment, KMS_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/other' },
      },
    });
    await expect(readInfraConfig({}, root, 'dev')).rejects.toThrow(
      "deploy/dev/custom-email-sender.json sets KMS_KEY_ARN, which custom-email-sender's stack supplies",
    );
  });

  it('stops synthesis without a stage when the environment gives KMS_KEY_ARN', async () => {
    const root = await stageWorkspace({});
    const environment = {
      SES_IDENTITY_ARN,
      EMAIL_FROM: 'Acme <hello@acme.example>',
      APP_NAME: 'Acme',
      KMS_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/other',
      TRIGGER_APPS: 'custom-email-sender,pre-sign-up',
    };
    await expect(readInfraConfig(environment, root)).rejects.toThrow(
      "the environment of this command sets KMS_KEY_ARN, which custom-email-sender's stack supplies",
    );
    const { KMS_KEY_ARN: _given, ...withoutKey } = environment;
    const config = await readInfraConfig(withoutKey, root);
    expect(config.triggers.map(({ trigger }) => trigger.name)).toEqual(['custom-email-sender', 'pre-sign-up']);
  });

  it.each([
    [{ apps: ['custom-email-sender', 'signup-gate'] }, '"apps" names signup-gate, which is no deployable app'],
    [{ apps: [] }, '"apps" must be a list of app names, each once'],
    [{ apps: ['pre-sign-up', 'pre-sign-up'] }, '"apps" must be a list of app names, each once'],
  ])('refuses a bad apps list (%#)', async (stageFile, message) => {
    const root = await stageWorkspace({ 'stage.json': stageFile, 'custom-email-sender.json': senderFile });
    await expect(readInfraConfig({}, root, 'dev')).rejects.toThrow(message);
  });
});
