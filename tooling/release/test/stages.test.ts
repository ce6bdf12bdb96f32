import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GetAliasCommand,
  GetFunctionCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  awsReferenceResolver,
  checkStageApps,
  findWorkspaceRoot,
  listStages,
  loadTriggers,
  main,
  readStage,
  stageAppSettings,
  type StageReference,
} from '../src/index';
import {
  DEPLOY_ENVIRONMENT,
  FUNCTION_ENVIRONMENT,
  MUTATING_COMMANDS,
  cliContext,
  packagedWorkspace,
  type Workspace,
  codeDeployWithoutGroups,
} from './fixture';

const lambda = mockClient(LambdaClient);
const codeDeploy = codeDeployWithoutGroups();
// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls.
afterAll(() => {
  lambda.restore();
  codeDeploy.restore();
});
let workspace: Workspace;
let deployed: Record<string, string>;

async function stage(name: string, files: Record<string, unknown>) {
  await mkdir(join(workspace.root, 'deploy', name), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await writeFile(join(workspace.root, 'deploy', name, file), JSON.stringify(content));
  }
}

beforeEach(async () => {
  lambda.reset();
  workspace = await packagedWorkspace();
  deployed = { ...FUNCTION_ENVIRONMENT };
  lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: '7', RevisionId: 'alias-rev-1' });
  lambda.on(GetFunctionCommand).callsFake((input: { Qualifier?: string }) => ({
    Configuration:
      input.Qualifier === '7'
        ? {
            CodeSha256: workspace.manifest.codeSha256,
            Runtime: 'nodejs24.x',
            Architectures: ['arm64'],
            Environment: { Variables: deployed },
          }
        : { LastUpdateStatus: 'Successful' },
  }));
  lambda.on(UpdateFunctionConfigurationCommand).resolves({ RevisionId: 'fn-rev-3' });
  lambda.on(PublishVersionCommand).resolves({ Version: '8', CodeSha256: workspace.manifest.codeSha256 });
  lambda.on(UpdateAliasCommand).resolves({ FunctionVersion: '8' });
});

afterEach(async () => {
  await workspace.remove();
});

const mutatingCalls = () =>
  lambda
    .calls()
    .map((call) => call.args[0].constructor.name)
    .filter((name) => (MUTATING_COMMANDS as readonly string[]).includes(name));

describe('deploy-trigger --stage', () => {
  it("deploys the stage's function with the stage file's environment, secrets resolved, values never printed", async () => {
    await stage('staging', {
      'stage.json': {},
      'post-confirmation.json': {
        environment: {
          EMAIL_FROM: 'Acme Staging <hello@staging.acme.example>',
          APP_NAME: { ssmParameter: '/acme/staging/app-name' },
          LOG_LEVEL: { secretsManager: 'acme/staging/logging', jsonKey: 'level' },
        },
        sesIdentityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/staging.acme.example',
      },
    });
    const asked: StageReference[] = [];
    const cli = cliContext(workspace.root, {});
    cli.context.resolveReference = (reference) => {
      asked.push(reference);
      return Promise.resolve('ssmParameter' in reference ? 'Acme Staging' : 'staging-level');
    };

    expect(await main(['post-confirmation', '--stage', 'staging'], cli.context)).toBe(0);

    expect(lambda.commandCalls(GetAliasCommand)[0]?.args[0].input.FunctionName).toBe(
      'staging-cognito-post-confirmation',
    );
    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand)[0]?.args[0].input.Environment?.Variables).toEqual({
      APP_NAME: 'Acme Staging',
      EMAIL_FROM: 'Acme Staging <hello@staging.acme.example>',
      NODE_OPTIONS: '--enable-source-maps',
      LOG_LEVEL: 'staging-level',
    });
    expect(asked).toEqual([
      { ssmParameter: '/acme/staging/app-name' },
      { secretsManager: 'acme/staging/logging', jsonKey: 'level' },
    ]);
    expect(cli.output.join('\n')).not.toContain('staging-level');
  });

  it.each([
    [
      { 'post-confirmation.json': { environment: { APP_NAME: 'Acme' } } },
      'deploy/prod/post-confirmation.json needs EMAIL_FROM, sesIdentityArn',
    ],
    [
      {
        'post-confirmation.json': { environment: { EMAIL_FROM: 'a@b.example', APP_NAMR: 'typo' }, sesIdentityArn: 'x' },
      },
      'deploy/prod/post-confirmation.json: APP_NAMR is not read by post-confirmation',
    ],
    [{ 'signup-gate.json': { environment: {} } }, 'deploy/prod/signup-gate.json: no deployable app of that name'],
    [
      {
        'post-confirmation.json': {
          environment: { EMAIL_FROM: { ssmParameter: '/acme/prod/sender' } },
          sesIdentityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/acme.example',
        },
      },
      "deploy/prod/post-confirmation.json: EMAIL_FROM must be written out, not a reference: the stack builds post-confirmation's permissions from it",
    ],
    [
      { 'post-confirmation.json': { environment: { EMAIL_FROM: { ssm: '/x' } }, sesIdentityArn: 'x' } },
      'environment.EMAIL_FROM must be a string, { "ssmParameter": "/name" } or { "secretsManager"',
    ],
  ])('stops before any AWS call on a bad stage file (%#)', async (files, message) => {
    await stage('prod', { 'stage.json': { functionPrefix: 'prod-' }, ...files });
    const cli = cliContext(workspace.root, {});
    expect(await main(['post-confirmation', '--stage', 'prod'], cli.context)).toBe(2);
    expect(cli.errors[0]).toContain(message);
    expect(cli.clientsCreated()).toBe(0);
  });

  it('names the stages there are for an unknown one', async () => {
    await stage('dev', { 'stage.json': {} });
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);
    expect(await main(['rollback', 'post-confirmation', '--stage', 'qa'], cli.context)).toBe(2);
    expect(cli.errors[0]).toBe('deploy-trigger: no stage "qa": deploy/qa/stage.json does not exist (stages: dev)');
  });
});

describe('a deploy never drops a variable silently', () => {
  it('refuses to remove a variable unset in the shell, naming it, and changes nothing', async () => {
    deployed = { ...FUNCTION_ENVIRONMENT, APP_URL: 'https://app.acme.example' };
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation', '--dry-run'], cli.context)).toBe(2);

    expect(cli.output).toContain('  environment removals: APP_URL (only with --allow-removals)');
    expect(cli.errors[0]).toBe(
      'deploy-trigger: this deploy would remove APP_URL from cognito-post-confirmation; nothing changed. Set it in this shell, or pass --allow-removals if the removal is intended',
    );
    expect(mutatingCalls()).toEqual([]);
  });

  it('removes it with --allow-removals', async () => {
    deployed = { ...FUNCTION_ENVIRONMENT, APP_URL: 'https://app.acme.example' };
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation', '--allow-removals'], cli.context)).toBe(0);

    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand)[0]?.args[0].input.Environment?.Variables).toEqual(
      FUNCTION_ENVIRONMENT,
    );
  });
});

describe('awsReferenceResolver', () => {
  it('reads SSM parameters decrypted and one field of a JSON secret', async () => {
    const ssm = mockClient(SSMClient);
    const secrets = mockClient(SecretsManagerClient);
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'from-ssm' } });
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ token: 'from-secret' }) });
    try {
      const resolve = awsReferenceResolver();
      expect(await resolve({ ssmParameter: '/acme/x' })).toBe('from-ssm');
      expect(await resolve({ secretsManager: 'acme/api', jsonKey: 'token' })).toBe('from-secret');
      await expect(resolve({ secretsManager: 'acme/api', jsonKey: 'missing' })).rejects.toThrow(
        'secret acme/api has no string field "missing"',
      );
      expect(ssm.commandCalls(GetParameterCommand)[0]?.args[0].input).toEqual({
        Name: '/acme/x',
        WithDecryption: true,
      });
    } finally {
      ssm.restore();
      secrets.restore();
    }
  });
});

describe("this repository's stages", () => {
  it('give every deployable app what it requires, and nothing it does not read', () => {
    const root = findWorkspaceRoot(import.meta.dirname);
    const triggers = Object.values(loadTriggers(root));
    expect(listStages(root)).toEqual(expect.arrayContaining(['dev', 'prod']));
    for (const name of listStages(root)) {
      const stage = readStage(root, name);
      checkStageApps(
        stage,
        triggers.map((trigger) => trigger.name),
      );
      for (const trigger of triggers)
        expect(() => stageAppSettings(stage, trigger), `${name}/${trigger.name}`).not.toThrow();
    }
  });
});
