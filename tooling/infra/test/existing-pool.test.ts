import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TriggerDefinition } from '@cognito-triggers/release/registry';
import { readInfraConfig, runSynthCheck } from '../src/index';
import { SES_IDENTITY_ARN, packagedWorkspace, synthesize } from './fixture';

const POOL_ID = 'eu-west-1_AcmeStg1';

let existing: Awaited<ReturnType<typeof synthesize>>;
let owned: Awaited<ReturnType<typeof synthesize>>;

beforeAll(async () => {
  existing = await synthesize({ existingUserPool: { id: POOL_ID } });
  owned = await synthesize();
});

afterAll(async () => {
  await existing.remove();
  await owned.remove();
});

/** Every resource type of every stack of the app. */
function resourceTypes(stacks: Awaited<ReturnType<typeof synthesize>>['stacks']) {
  return stacks.triggerStacks
    .flatMap((stack) => Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string }>))
    .map((resource) => resource.Type);
}

describe('a stage with an existing user pool', () => {
  it('makes no pool and no pool stack', () => {
    expect(existing.stacks.userPoolStack).toBeUndefined();
    const stackNames = existing.app.synth().stacks.map((stack) => stack.stackName);
    expect(stackNames).toEqual(['test-post-confirmation', 'test-pre-sign-up']);
    expect(resourceTypes(existing.stacks)).not.toContain('AWS::Cognito::UserPool');
  });

  it('lets exactly that pool, in the stack’s region and account, invoke each live alias', () => {
    for (const stack of existing.stacks.triggerStacks) {
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Lambda::Permission', 1);
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { Ref: 'LiveAlias9B8FFEA9' },
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':cognito-idp:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              `:userpool/${POOL_ID}`,
            ],
          ],
        },
        SourceAccount: { Ref: 'AWS::AccountId' },
      });
    }
  });

  it("refuses to deploy outside the pool's region, where Cognito could never call the function", () => {
    const rules = Template.fromStack(existing.stacks.triggerStacks[0]!).toJSON().Rules as Record<string, unknown>;
    expect(rules.ExistingPoolRegion).toEqual({
      Assertions: [
        {
          Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] },
          AssertDescription: `The user pool ${POOL_ID} is in eu-west-1: deploy this stage's stacks there`,
        },
      ],
    });
  });

  it('changes nothing else in a trigger stack, and a new-pool stage gets none of it', () => {
    existing.stacks.triggerStacks.forEach((stack, index) => {
      const withPool = Template.fromStack(owned.stacks.triggerStacks[index]!).toJSON();
      const { Resources, Rules = {}, Outputs, ...rest } = Template.fromStack(stack).toJSON();
      const { ExistingPoolRegion: _region, ...otherRules } = Rules as Record<string, unknown>;
      const permissions = Object.keys(Resources as object).filter(
        (id) => (Resources as Record<string, { Type: string }>)[id]!.Type === 'AWS::Lambda::Permission',
      );
      expect(permissions).toHaveLength(1);
      const { [permissions[0]!]: _permission, ...otherResources } = Resources as Record<string, unknown>;
      // The pool stack's import of the alias ARN is the only output a new-pool stage's trigger stack has.
      const { Outputs: withPoolOutputs, ...withPoolRest } = withPool;
      expect(Object.keys(withPoolOutputs as object)).toEqual(['ExportsOutputRefLiveAlias9B8FFEA957CE2A76']);
      expect(Outputs).toBeUndefined();
      expect({ ...rest, Resources: otherResources, Rules: otherRules }).toEqual({ Rules: {}, ...withPoolRest });
    });
    expect(resourceTypes(owned.stacks)).not.toContain('AWS::Lambda::Permission');
    expect(owned.stacks.userPoolStack).toBeDefined();
  });

  it('keeps the sender key stack for a custom sender, and gives its role the key', async () => {
    const sender: TriggerDefinition = {
      name: 'custom-email-sender',
      appDir: 'apps/custom-email-sender',
      userPoolTrigger: 'customEmailSender',
      environment: { required: [], optional: ['LOG_LEVEL'] },
      awsAccess: 'none',
      timeoutSeconds: 5,
      memoryMiB: 256,
    };
    // The fixture's zip, which lives until afterAll.
    const codePath = owned.config.triggers[0]!.codePath;
    const senders = await synthesize({
      existingUserPool: { id: POOL_ID },
      triggers: [{ trigger: sender, settings: { environment: {} }, codePath, version: '0.1.0' }],
    });
    try {
      expect(senders.stacks.senderKeyStack).toBeDefined();
      expect(senders.stacks.userPoolStack).toBeUndefined();
      const policies = Template.fromStack(senders.stacks.triggerStacks[0]!).findResources('AWS::IAM::Policy');
      expect(JSON.stringify(policies)).toContain('kms:Decrypt');
    } finally {
      await senders.remove();
    }
  });
});

describe('existingUserPool in a stage file', () => {
  it('reaches the config, and the stage synthesizes with cdk-nag, without a pool stack', async () => {
    const workspace = await packagedWorkspace();
    try {
      const dir = join(workspace.root, 'deploy', 'staging');
      await mkdir(dir, { recursive: true });
      await writeFile(
        join(dir, 'stage.json'),
        JSON.stringify({ functionPrefix: 'staging-cognito-', existingUserPool: { id: POOL_ID } }),
      );
      await writeFile(
        join(dir, 'post-confirmation.json'),
        JSON.stringify({ environment: { EMAIL_FROM: 'hello@acme.example' }, sesIdentityArn: SES_IDENTITY_ARN }),
      );
      await writeFile(join(dir, 'custom-message.json'), JSON.stringify({ environment: { APP_NAME: 'Acme' } }));

      expect((await readInfraConfig({}, workspace.root, 'staging')).existingUserPool).toEqual({ id: POOL_ID });
      expect(await runSynthCheck(workspace.root)).toEqual({
        staging: [
          'staging-cognito-custom-message',
          'staging-cognito-post-confirmation',
          'staging-cognito-pre-sign-up',
          'staging-cognito-pre-token-generation',
        ],
      });
    } finally {
      await workspace.remove();
    }
  });
});
