import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeDeployClient,
  DeploymentGroupDoesNotExistException,
  GetDeploymentGroupCommand,
} from '@aws-sdk/client-codedeploy';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { packageApp, type ArtifactManifest } from '@cognito-triggers/build';
import type { CliContext } from '../src/index';

/** post-confirmation's `cognitoTrigger` field, as apps/post-confirmation/package.json has it. */
export const POST_CONFIRMATION_FIELD = {
  slot: 'postConfirmation',
  environment: { required: ['EMAIL_FROM'], optional: ['APP_NAME', 'SES_CONFIGURATION_SET', 'LOG_LEVEL'] },
  awsAccess: 'ses-send',
  timeoutSeconds: 5,
  memoryMiB: 512,
} as const;

/** A throwaway workspace holding a packaged post-confirmation app, as `pnpm package` leaves it. */
export interface Workspace {
  root: string;
  manifest: ArtifactManifest;
  remove(): Promise<void>;
}

/**
 * Creates a workspace with `apps/post-confirmation/artifacts/` packaged from a tiny bundle.
 *
 * @example
 * const workspace = await packagedWorkspace('console.log(1)');
 */
export async function packagedWorkspace(
  bundle = 'export const handler = async (event) => event;\n',
): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'deploy-trigger-'));
  const appDir = join(root, 'apps', 'post-confirmation');
  await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  await mkdir(join(appDir, 'dist'), { recursive: true });
  await writeFile(
    join(appDir, 'package.json'),
    JSON.stringify({ name: 'post-confirmation', version: '0.2.0', cognitoTrigger: POST_CONFIRMATION_FIELD }),
  );
  await writeFile(join(appDir, 'dist', 'index.mjs'), bundle);
  await writeFile(join(appDir, 'dist', 'index.mjs.map'), '{"version":3,"sources":[],"mappings":""}');
  const { manifest } = await packageApp(appDir, { commit: 'abc1234' });
  return { root, manifest, remove: () => rm(root, { recursive: true, force: true }) };
}

/** The environment a post-confirmation deploy runs with in these tests. */
export const DEPLOY_ENVIRONMENT = { EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme' } as const;

/** What the function's environment looks like after a deploy with {@link DEPLOY_ENVIRONMENT}. */
export const FUNCTION_ENVIRONMENT = {
  APP_NAME: 'Acme',
  EMAIL_FROM: 'Acme <hello@acme.example>',
  NODE_OPTIONS: '--enable-source-maps',
} as const;

/**
 * A CLI context that records output and counts how many Lambda clients were created.
 *
 * @example
 * const cli = cliContext(workspace.root, DEPLOY_ENVIRONMENT);
 * await main(['post-confirmation'], cli.context);
 */
export function cliContext(cwd: string, environment: Readonly<Record<string, string | undefined>>) {
  const output: string[] = [];
  const errors: string[] = [];
  let clients = 0;
  const context: CliContext = {
    cwd,
    environment,
    createClient: () => {
      clients += 1;
      return new LambdaClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    },
    createCodeDeployClient: () =>
      new CodeDeployClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
    print: (line) => output.push(line),
    printError: (line) => errors.push(line),
  };
  return {
    context,
    output,
    errors,
    clientsCreated: () => clients,
  };
}

/** Every Lambda API that changes something; a dry run or a refused deploy must call none. */
export const MUTATING_COMMANDS = [
  'UpdateFunctionCodeCommand',
  'UpdateFunctionConfigurationCommand',
  'PublishVersionCommand',
  'UpdateAliasCommand',
  'CreateAliasCommand',
  'DeleteAliasCommand',
  'PutFunctionConcurrencyCommand',
] as const;

/**
 * CodeDeploy for the deploy tests: by default no deployment group, so deploys move the alias
 * with UpdateAlias; a test sets `on(GetDeploymentGroupCommand)` to make the stack's group exist.
 *
 * @example
 * codeDeployWithoutGroups();
 */
export function codeDeployWithoutGroups() {
  const codeDeploy = mockClient(CodeDeployClient);
  codeDeploy
    .on(GetDeploymentGroupCommand)
    .rejects(new DeploymentGroupDoesNotExistException({ message: 'No Deployment Group found', $metadata: {} }));
  return codeDeploy;
}
