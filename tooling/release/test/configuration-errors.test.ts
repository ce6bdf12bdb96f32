import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/index';
import { DEPLOY_ENVIRONMENT, POST_CONFIRMATION_FIELD, cliContext, packagedWorkspace, type Workspace } from './fixture';

const lambda = mockClient(LambdaClient);
// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls.
afterAll(() => lambda.restore());
let workspace: Workspace;

beforeEach(async () => {
  lambda.reset();
  workspace = await packagedWorkspace();
});

afterEach(async () => {
  await workspace.remove();
});

async function refused(args: string[], environment: Record<string, string> = DEPLOY_ENVIRONMENT): Promise<string> {
  const cli = cliContext(workspace.root, environment);
  expect(await main(args, cli.context)).toBe(2);
  expect(cli.clientsCreated()).toBe(0);
  expect(lambda.calls()).toHaveLength(0);
  return cli.errors.join('\n');
}

describe('deploy-trigger stops before any AWS call', () => {
  it('when the trigger is unknown, listing the known ones', async () => {
    expect(await refused(['pre-sign-in', '--alias', 'live'])).toContain(
      'unknown trigger "pre-sign-in"; known triggers: post-confirmation',
    );
  });

  it("when an app's cognitoTrigger field is invalid, naming the app and the field", async () => {
    const manifest = {
      name: 'post-confirmation',
      version: '0.2.0',
      cognitoTrigger: { ...POST_CONFIRMATION_FIELD, slot: 'postSignUp' },
    };
    await writeFile(join(workspace.root, 'apps', 'post-confirmation', 'package.json'), JSON.stringify(manifest));
    expect(await refused(['post-confirmation'])).toContain(
      'apps/post-confirmation/package.json: "cognitoTrigger.slot" must be one of preSignUp',
    );
  });

  it('when rolling back an unknown trigger', async () => {
    expect(await refused(['rollback', 'nope'])).toContain('unknown trigger "nope"');
  });

  it('when the trigger needs environment that is not set, naming the variable', async () => {
    expect(await refused(['post-confirmation'], { APP_NAME: 'Acme' })).toContain('post-confirmation needs EMAIL_FROM');
  });

  it('when the required variable is set but empty', async () => {
    expect(await refused(['post-confirmation'], { EMAIL_FROM: '  ' })).toContain('needs EMAIL_FROM');
  });

  it('when the sender is not one address its role could be bound to, naming the variable', async () => {
    expect(
      await refused(['post-confirmation'], {
        ...DEPLOY_ENVIRONMENT,
        EMAIL_FROM: 'hello@acme.example, eve@evil.example',
      }),
    ).toContain('EMAIL_FROM of post-confirmation must be one e-mail address');
  });

  it('when the app has not been packaged', async () => {
    await rm(join(workspace.root, 'apps', 'post-confirmation', 'artifacts'), { recursive: true });
    expect(await refused(['post-confirmation'])).toContain('run `pnpm package` first');
  });

  it('when no app is given, showing the usage', async () => {
    const message = await refused(['--alias', 'live']);
    expect(message).toContain('which app? none given');
    expect(message).toContain('usage:');
  });

  it('when an option is unknown', async () => {
    expect(await refused(['post-confirmation', '--force'])).toContain("Unknown option '--force'");
  });

  it('when the alias is a version number rather than an alias name', async () => {
    expect(await refused(['post-confirmation', '--alias', '7'])).toContain('aliases only');
  });
});
