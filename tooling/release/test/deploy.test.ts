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
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index';
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

const FUNCTION = 'cognito-post-confirmation';
const OLD_SHA = 'b2xkIGNvZGUgb2xkIGNvZGUgb2xkIGNvZGUgb2xkIGM=';

beforeEach(async () => {
  lambda.reset();
  workspace = await packagedWorkspace();
});

afterEach(async () => {
  await workspace.remove();
});

/** What `GetFunction` without a qualifier ($LATEST, polled by the waiter) reports, in turn; the last repeats. */
let updateStatuses: ('Successful' | 'InProgress' | 'Failed')[];

/** A function whose `live` alias runs version 7 with `codeSha256` and `variables`. */
function deployedFunction(
  codeSha256: string,
  variables: Record<string, string> = { ...FUNCTION_ENVIRONMENT },
  architecture = 'arm64',
) {
  lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: '7', RevisionId: 'alias-rev-1' });
  lambda.on(GetFunctionCommand).callsFake((input: { Qualifier?: string }) => {
    if (input.Qualifier === '7') {
      return {
        Configuration: {
          FunctionName: FUNCTION,
          Version: '7',
          CodeSha256: codeSha256,
          Runtime: 'nodejs24.x',
          Architectures: [architecture],
          Environment: { Variables: variables },
        },
      };
    }
    const status = updateStatuses.length > 1 ? updateStatuses.shift() : updateStatuses[0];
    return { Configuration: { LastUpdateStatus: status } };
  });
}

/** Lambda accepting the upload and, unless told otherwise, finishing each update at once. */
function acceptingUpdates(statuses: typeof updateStatuses = ['Successful']) {
  updateStatuses = [...statuses];
  lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: workspace.manifest.codeSha256, RevisionId: 'fn-rev-2' });
  lambda.on(UpdateFunctionConfigurationCommand).resolves({ RevisionId: 'fn-rev-3' });
  lambda.on(PublishVersionCommand).resolves({ Version: '8', CodeSha256: workspace.manifest.codeSha256 });
  lambda.on(UpdateAliasCommand).resolves({ FunctionVersion: '8' });
}

function callNames(): string[] {
  return lambda.calls().map((call) => call.args[0].constructor.name);
}

describe('deploy-trigger', () => {
  it('uploads the zip, waits for the update, publishes a described version, then moves the alias', async () => {
    deployedFunction(OLD_SHA);
    acceptingUpdates();
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation', '--alias', 'live'], cli.context)).toBe(0);

    expect(callNames()).toEqual([
      'GetAliasCommand',
      'GetFunctionCommand',
      'UpdateFunctionCodeCommand',
      'GetFunctionCommand',
      'PublishVersionCommand',
      'UpdateAliasCommand',
    ]);
    const upload = lambda.commandCalls(UpdateFunctionCodeCommand)[0]?.args[0].input;
    expect(upload?.FunctionName).toBe(FUNCTION);
    expect(upload?.ZipFile?.byteLength).toBe(workspace.manifest.size);
    expect(lambda.commandCalls(PublishVersionCommand)[0]?.args[0].input).toEqual({
      FunctionName: FUNCTION,
      CodeSha256: workspace.manifest.codeSha256,
      Description: 'post-confirmation@0.2.0 abc1234',
      RevisionId: 'fn-rev-2',
    });
    expect(lambda.commandCalls(UpdateAliasCommand)[0]?.args[0].input).toEqual({
      FunctionName: FUNCTION,
      Name: 'live',
      FunctionVersion: '8',
      RoutingConfig: { AdditionalVersionWeights: {} },
      RevisionId: 'alias-rev-1',
    });
    expect(cli.output.at(-1)).toBe(`deployed: ${FUNCTION}:live moved from version 7 to 8`);
  });

  it('does nothing when the alias already runs the artifact with the same environment', async () => {
    deployedFunction(workspace.manifest.codeSha256);
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation', '--alias', 'live'], cli.context)).toBe(0);

    expect(callNames()).toEqual(['GetAliasCommand', 'GetFunctionCommand']);
    expect(cli.output.at(-1)).toMatch(/^nothing to do: /);
  });

  it('sets only the environment, then publishes and moves the alias, when just a variable changed', async () => {
    deployedFunction(workspace.manifest.codeSha256, { ...FUNCTION_ENVIRONMENT, APP_NAME: 'Old name' });
    acceptingUpdates();
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation'], cli.context)).toBe(0);

    expect(callNames()).toEqual([
      'GetAliasCommand',
      'GetFunctionCommand',
      'UpdateFunctionConfigurationCommand',
      'GetFunctionCommand',
      'PublishVersionCommand',
      'UpdateAliasCommand',
    ]);
    expect(lambda.commandCalls(UpdateFunctionConfigurationCommand)[0]?.args[0].input.Environment).toEqual({
      Variables: FUNCTION_ENVIRONMENT,
    });
    expect(cli.output.join('\n')).toContain('environment changes: APP_NAME');
    expect(cli.output.join('\n')).not.toContain('Old name');
  });

  it('waits while Lambda reports the update in progress before publishing', async () => {
    deployedFunction(OLD_SHA);
    acceptingUpdates(['InProgress', 'Successful']);
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation'], cli.context)).toBe(0);

    const names = callNames();
    expect(names.slice(2, 5)).toEqual(['UpdateFunctionCodeCommand', 'GetFunctionCommand', 'GetFunctionCommand']);
    expect(names.slice(-2)).toEqual(['PublishVersionCommand', 'UpdateAliasCommand']);
  });

  it('never moves the alias when publishing the version fails', async () => {
    deployedFunction(OLD_SHA);
    acceptingUpdates();
    lambda.on(PublishVersionCommand).rejects(new Error('CodeSha256 does not match'));
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation'], cli.context)).toBe(1);

    expect(lambda.commandCalls(UpdateAliasCommand)).toHaveLength(0);
    expect(cli.errors.join('\n')).toContain('CodeSha256 does not match');
  });

  it('never moves the alias when Lambda publishes other code than the artifact', async () => {
    deployedFunction(OLD_SHA);
    acceptingUpdates();
    lambda.on(PublishVersionCommand).resolves({ Version: '8', CodeSha256: OLD_SHA });
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation'], cli.context)).toBe(1);

    expect(lambda.commandCalls(UpdateAliasCommand)).toHaveLength(0);
    expect(cli.errors.join('\n')).toContain('the alias was not moved');
  });

  it('neither publishes nor moves the alias when the code update fails', async () => {
    deployedFunction(OLD_SHA);
    acceptingUpdates(['Failed']);
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation'], cli.context)).toBe(1);

    expect(lambda.commandCalls(PublishVersionCommand)).toHaveLength(0);
    expect(lambda.commandCalls(UpdateAliasCommand)).toHaveLength(0);
  });

  it('prints the plan and makes only read-only calls on a dry run', async () => {
    deployedFunction(OLD_SHA);
    acceptingUpdates();
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation', '--alias', 'live', '--dry-run'], cli.context)).toBe(0);

    expect(callNames().filter((name) => (MUTATING_COMMANDS as readonly string[]).includes(name))).toEqual([]);
    expect(cli.output).toEqual([
      `deploy post-confirmation@0.2.0 (commit abc1234) to ${FUNCTION}:live`,
      `  alias live runs version 7, CodeSha256 ${OLD_SHA}`,
      `  artifact post-confirmation-0.2.0.zip, ${(workspace.manifest.size / 1024).toFixed(1)} KiB, CodeSha256 ${workspace.manifest.codeSha256}`,
      '  1. UpdateFunctionCode: upload post-confirmation-0.2.0.zip',
      '  2. PublishVersion: publish "post-confirmation@0.2.0 abc1234"',
      '  3. UpdateAlias: move live from 7 to the new version',
      'dry run: nothing changed',
    ]);
  });

  it('refuses to upload to a function built for another architecture', async () => {
    deployedFunction(OLD_SHA, { ...FUNCTION_ENVIRONMENT }, 'x86_64');
    acceptingUpdates();
    const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);

    expect(await main(['post-confirmation'], cli.context)).toBe(1);

    expect(callNames()).toEqual(['GetAliasCommand', 'GetFunctionCommand']);
    expect(cli.errors.join('\n')).toContain('update the function');
  });

  it('deploys to the function named by TRIGGER_FUNCTION_PREFIX', async () => {
    deployedFunction(workspace.manifest.codeSha256);
    const cli = cliContext(workspace.root, { ...DEPLOY_ENVIRONMENT, TRIGGER_FUNCTION_PREFIX: 'staging-cognito-' });

    expect(await main(['post-confirmation'], cli.context)).toBe(0);

    expect(lambda.commandCalls(GetAliasCommand)[0]?.args[0].input).toEqual({
      FunctionName: 'staging-cognito-post-confirmation',
      Name: 'live',
    });
  });
});
