import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GetAliasCommand,
  GetFunctionCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { packageApp, type ArtifactManifest } from '@cognito-triggers/build';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, stackSuppliedVariables } from '../src/index';
import { MUTATING_COMMANDS, cliContext, codeDeployWithoutGroups, packagedWorkspace, type Workspace } from './fixture';

/** custom-email-sender's `cognitoTrigger` field, its variable lists shortened. */
const SENDER_FIELD = {
  slot: 'customEmailSender',
  environment: { required: ['EMAIL_FROM', 'KMS_KEY_ARN', 'APP_NAME'], optional: ['LOG_LEVEL'] },
  awsAccess: 'ses-send',
  timeoutSeconds: 5,
  memoryMiB: 512,
} as const;

const STACK_KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const SENDER_FILE = {
  environment: { EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme' },
  sesIdentityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/acme.example',
};

const lambda = mockClient(LambdaClient);
const codeDeploy = codeDeployWithoutGroups();
// Test files share a process: the stubs must not outlive this file.
afterAll(() => {
  lambda.restore();
  codeDeploy.restore();
});
let workspace: Workspace;
let sender: ArtifactManifest;
let running: { codeSha256: string; variables: Record<string, string> };

async function stage(name: string, files: Record<string, unknown>) {
  await mkdir(join(workspace.root, 'deploy', name), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await writeFile(join(workspace.root, 'deploy', name, file), JSON.stringify(content));
  }
}

const mutatingCalls = () =>
  lambda
    .calls()
    .map((call) => call.args[0].constructor.name)
    .filter((name) => (MUTATING_COMMANDS as readonly string[]).includes(name));

beforeEach(async () => {
  lambda.reset();
  workspace = await packagedWorkspace();
  const appDir = join(workspace.root, 'apps', 'custom-email-sender');
  await mkdir(join(appDir, 'dist'), { recursive: true });
  await writeFile(
    join(appDir, 'package.json'),
    JSON.stringify({ name: 'custom-email-sender', version: '0.2.0', cognitoTrigger: SENDER_FIELD }),
  );
  await writeFile(join(appDir, 'dist', 'index.mjs'), 'export const handler = async (event) => event;\n');
  await writeFile(join(appDir, 'dist', 'index.mjs.map'), '{"version":3,"sources":[],"mappings":""}');
  sender = (await packageApp(appDir, { commit: 'abc1234' })).manifest;
  // What the stack deployed: the key's ARN, put there by CloudFormation, and last release's code.
  running = {
    codeSha256: 'previous-release-sha',
    variables: {
      APP_NAME: 'Acme',
      EMAIL_FROM: 'Acme <hello@acme.example>',
      KMS_KEY_ARN: STACK_KEY_ARN,
      NODE_OPTIONS: '--enable-source-maps',
    },
  };
  lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: '3', RevisionId: 'alias-rev' });
  lambda.on(GetFunctionCommand).callsFake((input: { Qualifier?: string }) => ({
    Configuration:
      input.Qualifier === '3'
        ? {
            CodeSha256: running.codeSha256,
            Runtime: 'nodejs24.x',
            Architectures: ['arm64'],
            Environment: { Variables: running.variables },
          }
        : { LastUpdateStatus: 'Successful' },
  }));
  lambda.on(UpdateFunctionCodeCommand).callsFake(() => ({ CodeSha256: sender.codeSha256, RevisionId: 'rev-code' }));
  lambda.on(UpdateFunctionConfigurationCommand).resolves({ RevisionId: 'rev-config' });
  lambda.on(PublishVersionCommand).callsFake(() => ({ Version: '4', CodeSha256: sender.codeSha256 }));
  lambda.on(UpdateAliasCommand).resolves({ FunctionVersion: '4' });
});

afterEach(async () => {
  await workspace.remove();
});

describe('a code deploy of a custom sender', () => {
  it("keeps the stack's KMS_KEY_ARN without the deployer knowing it, says so, and removes nothing", async () => {
    await stage('dev', { 'stage.json': {}, 'custom-email-sender.json': SENDER_FILE });
    const cli = cliContext(workspace.root, {});

    expect(await main(['custom-email-sender', '--stage', 'dev'], cli.context)).toBe(0);

    expect(cli.output).toContain('  environment kept from the running function (its stack sets it): KMS_KEY_ARN');
    expect(cli.output.join('\n')).not.toContain('environment removals');
    expect(cli.output.join('\n')).not.toContain(STACK_KEY_ARN);
    // Only the code changed: the environment, key included, is already what the function runs with.
    expect(mutatingCalls()).toEqual(['UpdateFunctionCodeCommand', 'PublishVersionCommand', 'UpdateAliasCommand']);
  });

  it('writes the running key ARN back when other variables change', async () => {
    await stage('dev', {
      'stage.json': {},
      'custom-email-sender.json': { ...SENDER_FILE, environment: { ...SENDER_FILE.environment, LOG_LEVEL: 'DEBUG' } },
    });
    const cli = cliContext(workspace.root, {});

    expect(await main(['custom-email-sender', '--stage', 'dev'], cli.context)).toBe(0);

    expect(cli.output).toContain('  environment changes: LOG_LEVEL');
    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand)[0]?.args[0].input.Environment?.Variables).toEqual({
      ...running.variables,
      LOG_LEVEL: 'DEBUG',
    });
  });

  it('stops before any change when the running function has no key ARN: the stacks come first', async () => {
    const { KMS_KEY_ARN: _key, ...withoutKey } = running.variables;
    running.variables = withoutKey;
    await stage('dev', { 'stage.json': {}, 'custom-email-sender.json': SENDER_FILE });
    const cli = cliContext(workspace.root, {});

    expect(await main(['custom-email-sender', '--stage', 'dev'], cli.context)).toBe(1);

    expect(cli.errors[0]).toBe(
      'deploy-trigger: Error: dev-cognito-custom-email-sender:3 has no KMS_KEY_ARN, which its stack supplies: deploy the stacks first (cdk deploy), then the code',
    );
    expect(mutatingCalls()).toEqual([]);
  });

  it('refuses a KMS_KEY_ARN from a stage file or the shell before any AWS call', async () => {
    await stage('dev', {
      'stage.json': {},
      'custom-email-sender.json': {
        ...SENDER_FILE,
        environment: { ...SENDER_FILE.environment, KMS_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/other' },
      },
    });
    const fromStage = cliContext(workspace.root, {});
    expect(await main(['custom-email-sender', '--stage', 'dev'], fromStage.context)).toBe(2);
    expect(fromStage.errors[0]).toContain(
      "deploy/dev/custom-email-sender.json sets KMS_KEY_ARN, which custom-email-sender's stack supplies",
    );
    expect(fromStage.clientsCreated()).toBe(0);

    const fromShell = cliContext(workspace.root, { ...SENDER_FILE.environment, KMS_KEY_ARN: STACK_KEY_ARN });
    expect(await main(['custom-email-sender'], fromShell.context)).toBe(2);
    expect(fromShell.errors[0]).toContain(
      "the environment of this command sets KMS_KEY_ARN, which custom-email-sender's stack supplies",
    );
    expect(fromShell.clientsCreated()).toBe(0);
  });

  it('deploys from the shell without KMS_KEY_ARN, keeping the running one', async () => {
    const cli = cliContext(workspace.root, SENDER_FILE.environment);
    expect(await main(['custom-email-sender', '--dry-run'], cli.context)).toBe(0);
    expect(cli.output).toContain('  environment kept from the running function (its stack sets it): KMS_KEY_ARN');
    expect(mutatingCalls()).toEqual([]);
  });

  it('names the stack-supplied variables of custom senders only', () => {
    expect(stackSuppliedVariables({ userPoolTrigger: 'customEmailSender' })).toEqual(['KMS_KEY_ARN']);
    expect(stackSuppliedVariables({ userPoolTrigger: 'customMessage' })).toEqual([]);
  });
});

describe("a stage's apps list", () => {
  it('refuses to deploy an app the stage does not list, before any AWS call', async () => {
    await stage('dev', { 'stage.json': { apps: ['custom-email-sender'] }, 'custom-email-sender.json': SENDER_FILE });
    const cli = cliContext(workspace.root, {});
    expect(await main(['post-confirmation', '--stage', 'dev'], cli.context)).toBe(2);
    expect(cli.errors[0]).toBe(
      'deploy-trigger: stage dev does not deploy post-confirmation: its deploy/dev/stage.json "apps" lists custom-email-sender',
    );
    expect(cli.clientsCreated()).toBe(0);
  });
});
