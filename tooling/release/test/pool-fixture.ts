import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { CliContext } from '../src/index';

const field = (slot: string, extra: Record<string, unknown> = {}) => ({
  slot,
  environment: { required: [], optional: ['LOG_LEVEL'] },
  awsAccess: 'none',
  timeoutSeconds: 5,
  memoryMiB: 256,
  ...extra,
});

/** The apps of the pool tests' workspace and their `cognitoTrigger` fields. */
export const POOL_APPS: Readonly<Record<string, unknown>> = {
  'pre-sign-up': field('preSignUp'),
  'post-confirmation': field('postConfirmation'),
  'pre-token-generation': field('preTokenGeneration'),
  'custom-email-sender': field('customEmailSender'),
  'login-audit': field('preAuthentication'),
};

/**
 * A throwaway workspace with {@link POOL_APPS} (package.json files only: attach needs no artifact)
 * and a CLI context whose clients aws-sdk-client-mock intercepts.
 *
 * @example
 * const workspace = await poolWorkspace();
 * await main(['attach', 'pre-sign-up', '--user-pool-id', USER_POOL_ID], workspace.cli.context);
 */
export async function poolWorkspace(apps: Readonly<Record<string, unknown>> = POOL_APPS) {
  const root = await mkdtemp(join(tmpdir(), 'pool-wiring-'));
  await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  for (const [name, cognitoTrigger] of Object.entries(apps)) {
    await mkdir(join(root, 'apps', name), { recursive: true });
    await writeFile(
      join(root, 'apps', name, 'package.json'),
      JSON.stringify({ name, version: '0.1.0', cognitoTrigger }),
    );
  }
  const output: string[] = [];
  const errors: string[] = [];
  let clients = 0;
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const context: CliContext = {
    cwd: root,
    environment: {},
    createClient: () => {
      clients += 1;
      return new LambdaClient({ region: 'eu-west-1', credentials });
    },
    createCognitoClient: () => {
      clients += 1;
      return new CognitoIdentityProviderClient({ region: 'eu-west-1', credentials });
    },
    print: (line) => output.push(line),
    printError: (line) => errors.push(line),
  };
  return {
    root,
    cli: { context, output, errors, clientsCreated: () => clients },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
