import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { packageApp } from '@cognito-triggers/build';
import { LambdaFunction } from '@cognito-triggers/lambda-runtime';
import {
  cognitoClient,
  createUserPool,
  startCognitoLocal,
  startLambdaServer,
  type CognitoLocal,
  type LambdaServer,
  type LocalUserPool,
} from '@cognito-triggers/local-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliContext } from '../src/index';

// A full rehearsal offline: deploy-trigger and its rollback against the local stack's Lambda
// endpoint, seen from a user signing up through cognito-local. Version 1 (the running build)
// refuses one domain, the changed build another.
const build = (refused: string) => `export const handler = async (event) => {
  if (String(event.request?.userAttributes?.email ?? '').endsWith('@${refused}')) throw new Error('Sign-ups from ${refused} are closed.');
  return event;
};
`;

let root: string;
let fn: LambdaFunction;
let lambda: LambdaServer;
let cognito: CognitoLocal;
let pool: LocalUserPool;
let context: CliContext;
const output: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rehearsal-'));
  await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  const appDir = join(root, 'apps', 'pre-sign-up');
  await mkdir(join(appDir, 'dist'), { recursive: true });
  await writeFile(
    join(appDir, 'package.json'),
    JSON.stringify({
      name: 'pre-sign-up',
      version: '0.2.0',
      cognitoTrigger: {
        slot: 'preSignUp',
        environment: { required: [], optional: ['LOG_LEVEL'] },
        awsAccess: 'none',
        timeoutSeconds: 5,
        memoryMiB: 256,
      },
    }),
  );
  // What the local stack runs first: version 1.
  await mkdir(join(root, 'running'));
  await writeFile(join(root, 'running', 'index.mjs'), build('v1.example'));
  // The changed build, packaged as `pnpm package` would.
  await writeFile(join(appDir, 'dist', 'index.mjs'), build('v2.example'));
  await writeFile(join(appDir, 'dist', 'index.mjs.map'), '{"version":3,"sources":[],"mappings":""}');
  await packageApp(appDir, { commit: 'c0ffee1' });

  fn = new LambdaFunction({ name: 'pre-sign-up', bundlePath: join(root, 'running', 'index.mjs') });
  lambda = await startLambdaServer({ functions: { 'pre-sign-up': fn, PreSignUp: fn } });
  cognito = await startCognitoLocal({ lambdaEndpoint: lambda.endpoint, triggerFunctions: { PreSignUp: 'PreSignUp' } });
  pool = await createUserPool(cognitoClient(cognito.endpoint));
  const local = {
    region: 'us-east-1',
    endpoint: lambda.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  context = {
    cwd: root,
    environment: {},
    createClient: () => new LambdaClient({ ...local, maxAttempts: 1 }),
    createCodeDeployClient: () => new CodeDeployClient({ ...local, maxAttempts: 1 }),
    print: (line) => output.push(line),
    printError: (line) => errors.push(line),
  };
}, 120_000);

afterAll(async () => {
  await cognito?.stop();
  await lambda?.stop();
  await fn?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

let users = 0;
/** Signs a new user up from `domain` through cognito-local: 'allowed', or the error the user sees. */
async function signUpFrom(domain: string): Promise<string> {
  users += 1;
  try {
    await cognitoClient(cognito.endpoint).send(
      new SignUpCommand({ ClientId: pool.clientId, Username: `user${users}@${domain}`, Password: 'Corr3ct-Horse!' }),
    );
    return 'allowed';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('deploy and roll back against the local stack', () => {
  it('swaps the running trigger on deploy, and back on rollback', async () => {
    expect(await signUpFrom('v1.example')).toContain('Sign-ups from v1.example are closed.');
    expect(await signUpFrom('v2.example')).toBe('allowed');

    expect(await main(['pre-sign-up', '--function-name', 'pre-sign-up'], context), errors.join('\n')).toBe(0);
    expect(output.at(-1)).toBe('deployed: pre-sign-up:live moved from version 1 to 2');
    expect(await signUpFrom('v2.example')).toContain('Sign-ups from v2.example are closed.');
    expect(await signUpFrom('v1.example')).toBe('allowed');

    expect(await main(['rollback', 'pre-sign-up', '--function-name', 'pre-sign-up'], context), errors.join('\n')).toBe(
      0,
    );
    expect(output.at(-1)).toBe('rolled back: pre-sign-up:live now runs version 1');
    expect(await signUpFrom('v1.example')).toContain('Sign-ups from v1.example are closed.');
    expect(await signUpFrom('v2.example')).toBe('allowed');
  });

  it('does nothing on a second deploy of the same artifact', async () => {
    expect(await main(['pre-sign-up', '--function-name', 'pre-sign-up'], context), errors.join('\n')).toBe(0);
    expect(await main(['pre-sign-up', '--function-name', 'pre-sign-up'], context)).toBe(0);
    expect(output.at(-1)).toMatch(/^nothing to do: pre-sign-up:live already runs CodeSha256 /);
  });
});
