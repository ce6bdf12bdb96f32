import {
  GetAliasCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MUTATING_COMMANDS, cliContext, packagedWorkspace, codeDeployWithoutGroups } from './fixture';

const lambda = mockClient(LambdaClient);
const codeDeploy = codeDeployWithoutGroups();

// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls.
afterAll(() => {
  lambda.restore();
  codeDeploy.restore();
});

const FUNCTION = 'cognito-post-confirmation';

beforeEach(() => {
  lambda.reset();
});

/** The alias on `current`, and the published versions listed over two pages. */
function publishedVersions(current: string, pages: string[][]) {
  lambda.on(GetAliasCommand).resolves({ Name: 'live', FunctionVersion: current, RevisionId: 'alias-rev-9' });
  pages.forEach((versions, index) => {
    lambda.on(ListVersionsByFunctionCommand, { Marker: index === 0 ? undefined : `page-${index}` }).resolves({
      Versions: versions.map((version) => ({
        Version: version,
        Description: version === '$LATEST' ? '' : `post-confirmation@0.${version}.0 c0ffee`,
      })),
      ...(index < pages.length - 1 ? { NextMarker: `page-${index + 1}` } : {}),
    });
  });
  lambda.on(UpdateAliasCommand).resolves({});
}

function callNames(): string[] {
  return lambda.calls().map((call) => call.args[0].constructor.name);
}

describe('deploy-trigger rollback', () => {
  it('moves the alias to the newest published version before its current one, reading every page', async () => {
    publishedVersions('12', [
      ['$LATEST', '1', '9', '10'],
      ['11', '12', '13'],
    ]);
    const cli = cliContext(process.cwd(), {});

    expect(await main(['rollback', 'post-confirmation', '--alias', 'live'], cli.context)).toBe(0);

    expect(callNames()).toEqual([
      'GetAliasCommand',
      'ListVersionsByFunctionCommand',
      'ListVersionsByFunctionCommand',
      'UpdateAliasCommand',
    ]);
    expect(lambda.commandCalls(UpdateAliasCommand)[0]?.args[0].input).toEqual({
      FunctionName: FUNCTION,
      Name: 'live',
      FunctionVersion: '11',
      RoutingConfig: { AdditionalVersionWeights: {} },
      RevisionId: 'alias-rev-9',
    });
    expect(cli.output).toEqual([
      `rollback ${FUNCTION}:live`,
      '  1. UpdateAlias: move live from version 12 to 11 ("post-confirmation@0.11.0 c0ffee")',
      `rolled back: ${FUNCTION}:live now runs version 11`,
    ]);
  });

  it('compares versions as numbers, not as text', async () => {
    publishedVersions('10', [['2', '9', '10']]);
    const cli = cliContext(process.cwd(), {});

    expect(await main(['rollback', 'post-confirmation'], cli.context)).toBe(0);

    expect(lambda.commandCalls(UpdateAliasCommand)[0]?.args[0].input.FunctionVersion).toBe('9');
  });

  it('fails without moving the alias when there is no earlier version', async () => {
    publishedVersions('1', [['$LATEST', '1']]);
    const cli = cliContext(process.cwd(), {});

    expect(await main(['rollback', 'post-confirmation'], cli.context)).toBe(1);

    expect(lambda.commandCalls(UpdateAliasCommand)).toHaveLength(0);
    expect(cli.errors.join('\n')).toContain('no published version before 1');
  });

  it('prints the plan and moves nothing on a dry run', async () => {
    publishedVersions('3', [['1', '2', '3']]);
    const cli = cliContext(process.cwd(), {});

    expect(await main(['rollback', 'post-confirmation', '--dry-run'], cli.context)).toBe(0);

    expect(callNames().filter((name) => (MUTATING_COMMANDS as readonly string[]).includes(name))).toEqual([]);
    expect(cli.output.at(-1)).toBe('dry run: nothing changed');
  });

  it('needs no artifact and no trigger environment', async () => {
    publishedVersions('3', [['2', '3']]);
    // A workspace that knows the trigger (its package.json) but has never packaged it.
    const workspace = await packagedWorkspace();
    try {
      await rm(join(workspace.root, 'apps', 'post-confirmation', 'artifacts'), { recursive: true });
      const cli = cliContext(workspace.root, {});

      expect(await main(['rollback', 'post-confirmation'], cli.context)).toBe(0);
    } finally {
      await workspace.remove();
    }
  });

  it('fails when someone moved the alias since it was read, instead of undoing their deploy', async () => {
    publishedVersions('3', [['2', '3']]);
    lambda.on(UpdateAliasCommand).rejects(
      Object.assign(new Error('The Revision Id provided does not match the latest Revision Id.'), {
        name: 'PreconditionFailedException',
      }),
    );
    const cli = cliContext(process.cwd(), {});

    expect(await main(['rollback', 'post-confirmation'], cli.context)).toBe(1);

    expect(cli.errors.join('\n')).toContain('PreconditionFailedException');
  });
});
