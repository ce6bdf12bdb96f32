import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloudFormationValue, defineTriggerApp, readInfraConfig, runSynthCheck } from '../src/index';
import { SES_IDENTITY_ARN, packagedWorkspace } from './fixture';

let workspace: Awaited<ReturnType<typeof packagedWorkspace>>;

async function stage(name: string, files: Record<string, unknown>) {
  await mkdir(join(workspace.root, 'deploy', name), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await writeFile(join(workspace.root, 'deploy', name, file), JSON.stringify(content));
  }
}

const PROD = {
  'stage.json': {
    functionPrefix: 'prod-cognito-',
    logRetentionDays: 365,
    userPool: {
      name: 'acme-users',
      featurePlan: 'PLUS',
      customAttributes: { seats: 'Number' },
      email: { from: 'no-reply@acme.example', sesVerifiedDomain: 'acme.example', sesRegion: 'eu-west-1' },
    },
  },
  'post-confirmation.json': {
    environment: { EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: { ssmParameter: '/acme/prod/app-name' } },
    sesIdentityArn: SES_IDENTITY_ARN,
  },
  'custom-message.json': { environment: { APP_NAME: { secretsManager: 'acme/prod/branding', jsonKey: 'name' } } },
  'pre-token-generation.json': {
    environment: { ID_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id,custom:seats=seats:number' },
  },
};

beforeEach(async () => {
  workspace = await packagedWorkspace();
});

afterEach(async () => {
  await workspace.remove();
});

describe('stages of the CDK app', () => {
  it("builds a stage's stacks from deploy/<stage>/: its prefix, retention, pool and each app's file", async () => {
    await stage('prod', PROD);
    const config = await readInfraConfig({}, workspace.root, 'prod');
    expect(config).toMatchObject({
      functionPrefix: 'prod-cognito-',
      logRetention: 365,
      userPoolName: 'acme-users',
      userPool: { featurePlan: 'PLUS', customAttributes: { seats: 'Number' } },
    });
    const postConfirmation = config.triggers.find(({ trigger }) => trigger.name === 'post-confirmation');
    expect(postConfirmation?.settings).toEqual({
      environment: { EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: '{{resolve:ssm:/acme/prod/app-name}}' },
      sesIdentityArn: SES_IDENTITY_ARN,
    });

    const app = new App({ outdir: join(workspace.root, 'cdk.out') });
    const { triggerStacks, userPoolStack } = defineTriggerApp(app, config);
    const message = triggerStacks.find((entry) => entry.stackName === 'prod-cognito-custom-message');
    Template.fromStack(message!).hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'prod-cognito-custom-message',
      Environment: { Variables: { APP_NAME: '{{resolve:secretsmanager:acme/prod/branding:SecretString:name::}}' } },
    });
    Template.fromStack(userPoolStack!).hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'acme-users',
      UserPoolTier: 'PLUS',
    });
  });

  it('passes cdk-nag for every stage, and names the stage whose file is wrong', async () => {
    const apps = {
      'post-confirmation.json': { environment: { EMAIL_FROM: 'a@b.example' }, sesIdentityArn: SES_IDENTITY_ARN },
      'custom-message.json': { environment: { APP_NAME: 'Acme Dev' } },
    };
    await stage('prod', PROD);
    await stage('dev', { 'stage.json': {}, ...apps });
    expect(Object.keys(await runSynthCheck(workspace.root))).toEqual(['dev', 'prod']);

    await stage('qa', { 'stage.json': { userPool: { featurePlan: 'GOLD' } }, ...apps });
    await expect(runSynthCheck(workspace.root)).rejects.toThrow(
      'stage qa: deploy/qa/stage.json: "userPool.featurePlan" must be one of ESSENTIALS, PLUS',
    );
  });

  it('writes secrets as dynamic references that CloudFormation resolves, never their values', () => {
    expect(cloudFormationValue('plain')).toBe('plain');
    expect(cloudFormationValue({ ssmParameter: '/a/b' })).toBe('{{resolve:ssm:/a/b}}');
    expect(cloudFormationValue({ secretsManager: 'arn:aws:secretsmanager:eu-west-1:1:secret:x' })).toBe(
      '{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:1:secret:x:SecretString:::}}',
    );
  });
});
