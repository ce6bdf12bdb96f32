import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  GetDeploymentGroupCommand,
} from '@aws-sdk/client-codedeploy';
import {
  GetAliasCommand,
  GetFunctionCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index';
import { DEPLOY_ENVIRONMENT, FUNCTION_ENVIRONMENT, cliContext, packagedWorkspace, type Workspace } from './fixture';

const lambda = mockClient(LambdaClient);
const codeDeploy = mockClient(CodeDeployClient);
// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls.
afterAll(() => {
  lambda.restore();
  codeDeploy.restore();
});
let workspace: Workspace;
const FUNCTION = 'cognito-post-confirmation';

beforeEach(async () => {
  lambda.reset();
  codeDeploy.reset();
  workspace = await packagedWorkspace();
  // The stack's deployment group: application = the function, group = the alias.
  codeDeploy.on(GetDeploymentGroupCommand).resolves({
    deploymentGroupInfo: { deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' },
  });
  codeDeploy.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-ABC123' });
  lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: '7', RevisionId: 'alias-rev-1' });
  lambda.on(GetFunctionCommand).callsFake((input: { Qualifier?: string }) => ({
    Configuration:
      input.Qualifier === '7'
        ? {
            CodeSha256: 'b2xkIGNvZGUgb2xkIGNvZGUgb2xkIGNvZGUgb2xkIGM=',
            Runtime: 'nodejs24.x',
            Architectures: ['arm64'],
            Environment: { Variables: FUNCTION_ENVIRONMENT },
          }
        : { LastUpdateStatus: 'Successful' },
  }));
  lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: workspace.manifest.codeSha256, RevisionId: 'fn-rev-2' });
  lambda.on(PublishVersionCommand).resolves({ Version: '8', CodeSha256: workspace.manifest.codeSha256 });
  lambda
    .on(ListVersionsByFunctionCommand)
    .resolves({ Versions: [{ Version: '6', Description: 'post-confirmation@0.1.0 a' }, { Version: '7' }] });
});

afterEach(async () => {
  await workspace.remove();
});

function deployment() {
  const input = codeDeploy.commandCalls(CreateDeploymentCommand)[0]?.args[0].input;
  return { ...input, appSpec: JSON.parse(input?.revision?.appSpecContent?.content ?? '{}') as unknown };
}

describe('one owner of live: the stack’s CodeDeploy deployment group', () => {
  it('publishes the version and lets CodeDeploy shift live to it, never moving the alias itself', async () => {
    codeDeploy.on(GetDeploymentCommand).resolves({ deploymentInfo: { status: 'Succeeded' } });
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation'], cli.context)).toBe(0);

    expect(lambda.commandCalls(UpdateAliasCommand)).toHaveLength(0);
    expect(deployment()).toMatchObject({
      applicationName: FUNCTION,
      deploymentGroupName: 'live',
      appSpec: {
        version: 0,
        Resources: [
          {
            [FUNCTION]: {
              Type: 'AWS::Lambda::Function',
              Properties: { Name: FUNCTION, Alias: 'live', CurrentVersion: '7', TargetVersion: '8' },
            },
          },
        ],
      },
    });
    expect(deployment().deploymentConfigName).toBeUndefined();
    expect(cli.output).toContain(
      '  3. CreateDeployment: CodeDeploy cognito-post-confirmation/live shifts live from 7 to the new version (CodeDeployDefault.LambdaCanary10Percent5Minutes; rolled back on its alarms)',
    );
  });

  it('fails when CodeDeploy rolls the deployment back on an alarm', async () => {
    codeDeploy.on(GetDeploymentCommand).resolves({ deploymentInfo: { status: 'Failed' } });
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation'], cli.context)).toBe(1);

    expect(cli.errors[0]).toContain(
      'CodeDeploy deployment d-ABC123 did not succeed (an alarm fired, or it was stopped): live stays on or returns to version 7',
    );
  });

  it('rolls back through CodeDeploy at once, without a canary', async () => {
    codeDeploy.on(GetDeploymentCommand).resolves({ deploymentInfo: { status: 'Succeeded' } });
    const cli = cliContext(workspace.root, {});

    expect(await main(['rollback', 'post-confirmation'], cli.context)).toBe(0);

    expect(deployment()).toMatchObject({
      deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
      appSpec: { Resources: [{ [FUNCTION]: { Properties: { CurrentVersion: '7', TargetVersion: '6' } } }] },
    });
    expect(lambda.commandCalls(UpdateAliasCommand)).toHaveLength(0);
  });
});
