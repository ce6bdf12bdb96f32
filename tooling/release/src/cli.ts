import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { readArtifact } from '@cognito-triggers/build';
import { executeDeploy, planDeploy, type DeployPlan, type DeployRequest } from './deploy';
import {
  ReleaseConfigurationError,
  findTrigger,
  functionEnvironment,
  functionNameFor,
  readTriggerSettings,
} from './registry/index';
import { poolMain } from './pool-cli';
import { executeRollback, planRollback, type RollbackPlan } from './rollback';
import { findWorkspaceRoot } from './workspace-root';

/**
 * What {@link main} runs with; tests pass their own.
 *
 * @example
 * await main(['rollback', 'post-confirmation'], { cwd: process.cwd(), environment: process.env });
 */
export interface CliContext {
  cwd: string;
  environment: Readonly<Record<string, string | undefined>>;
  /** Created only once the configuration is known to be good, so a bad one makes no AWS call. */
  createClient?: () => LambdaClient;
  /** The same, for `attach` and `detach`, which also talk to Cognito. */
  createCognitoClient?: () => CognitoIdentityProviderClient;
  print?: (line: string) => void;
  printError?: (line: string) => void;
}

const USAGE = `usage:
  deploy-trigger <app> [--alias live] [--dry-run] [--function-name NAME]
  deploy-trigger rollback <app> [--alias live] [--dry-run] [--function-name NAME]
  deploy-trigger attach|detach <app...> --user-pool-id ID [--alias live] [--dry-run]

The function is <TRIGGER_FUNCTION_PREFIX><app> (prefix default "cognito-") unless --function-name is given.
The app's required environment (e.g. EMAIL_FROM for post-confirmation) must be set: the function gets it.`;

/**
 * `deploy-trigger`: deploys one packaged trigger to its function's alias, or rolls the alias back.
 * Returns the exit code: 0 done (or nothing to do), 1 failed in AWS, 2 configuration problem
 * (nothing was called).
 *
 * @example
 * // pnpm deploy:trigger post-confirmation --alias live --dry-run
 * process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), environment: process.env });
 */
export async function main(args: readonly string[], context: CliContext): Promise<number> {
  const print = context.print ?? ((line: string) => console.log(line));
  const printError = context.printError ?? ((line: string) => console.error(line));
  if (args[0] === 'attach' || args[0] === 'detach') return poolMain(args[0], args.slice(1), context);
  try {
    const command = parseCommand(args);
    const root = findWorkspaceRoot(context.cwd);
    // The registry of the workspace the command runs in: each app's package.json says if it deploys.
    const trigger = findTrigger(command.app, root);
    const functionName = command.functionName ?? functionNameFor(trigger.name, context.environment);
    const target = { functionName, alias: command.alias };

    if (command.kind === 'rollback') {
      const client = createClient(context);
      const plan = await planRollback(client, target);
      printRollbackPlan(plan, print);
      if (command.dryRun) {
        print('dry run: nothing changed');
        return 0;
      }
      await executeRollback(client, plan);
      print(`rolled back: ${functionName}:${command.alias} now runs version ${plan.toVersion}`);
      return 0;
    }

    const settings = readTriggerSettings(trigger, context.environment, 'function');
    const artifact = await readArtifact(join(root, trigger.appDir)).catch((error: unknown) => {
      throw new ReleaseConfigurationError('MISSING_ARTIFACT', error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    });
    const request: DeployRequest = {
      ...target,
      manifest: artifact.manifest,
      zip: artifact.zip,
      environment: functionEnvironment(settings),
    };
    const client = createClient(context);
    const plan = await planDeploy(client, request);
    printDeployPlan(plan, request, print);
    if (plan.steps.length === 0) {
      print(
        `nothing to do: ${functionName}:${command.alias} already runs CodeSha256 ${plan.artifactCodeSha256} with this environment`,
      );
      return 0;
    }
    if (command.dryRun) {
      print('dry run: nothing changed');
      return 0;
    }
    const outcome = await executeDeploy(client, plan, request);
    if (outcome.status === 'deployed') {
      print(
        `deployed: ${functionName}:${command.alias} moved from version ${outcome.previousVersion} to ${outcome.version}`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof ReleaseConfigurationError) {
      printError(`deploy-trigger: ${error.message}`);
      if (error.code === 'USAGE') printError(USAGE);
      return 2;
    }
    printError(`deploy-trigger: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return 1;
  }
}

interface Command {
  kind: 'deploy' | 'rollback';
  app: string;
  alias: string;
  dryRun: boolean;
  functionName: string | undefined;
}

function parseCommand(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        alias: { type: 'string', default: 'live' },
        'dry-run': { type: 'boolean', default: false },
        'function-name': { type: 'string' },
      },
    });
  } catch (error) {
    throw new ReleaseConfigurationError('USAGE', error instanceof Error ? error.message : String(error));
  }
  const positionals = parsed.positionals;
  const kind = positionals[0] === 'rollback' ? 'rollback' : 'deploy';
  const rest = kind === 'rollback' ? positionals.slice(1) : positionals;
  const app = rest[0];
  if (app === undefined || rest.length > 1) {
    throw new ReleaseConfigurationError(
      'USAGE',
      app === undefined ? 'which app? none given' : `one app at a time (got ${rest.join(', ')})`,
    );
  }
  const alias = parsed.values.alias;
  if (!/^[a-zA-Z][a-zA-Z0-9_-]{0,127}$/.test(alias)) {
    throw new ReleaseConfigurationError(
      'USAGE',
      `--alias "${alias}" is not an alias name (and not a version: aliases only)`,
    );
  }
  return { kind, app, alias, dryRun: parsed.values['dry-run'], functionName: parsed.values['function-name'] };
}

function createClient(context: CliContext): LambdaClient {
  return context.createClient ? context.createClient() : new LambdaClient({});
}

function printDeployPlan(plan: DeployPlan, request: DeployRequest, print: (line: string) => void): void {
  const { manifest } = request;
  print(
    `deploy ${manifest.name}@${manifest.version} (commit ${manifest.commit}) to ${plan.functionName}:${plan.alias}`,
  );
  print(`  alias ${plan.alias} runs version ${plan.currentVersion}, CodeSha256 ${plan.deployedCodeSha256}`);
  print(
    `  artifact ${manifest.zipFile}, ${(manifest.size / 1024).toFixed(1)} KiB, CodeSha256 ${plan.artifactCodeSha256}`,
  );
  if (plan.changedVariables.length > 0) print(`  environment changes: ${plan.changedVariables.join(', ')}`);
  plan.steps.forEach((step, index) => {
    const detail = {
      UpdateFunctionCode: `upload ${manifest.zipFile}`,
      UpdateFunctionConfiguration: `set the environment (${plan.changedVariables.join(', ')})`,
      PublishVersion: `publish "${plan.description}"`,
      UpdateAlias: `move ${plan.alias} from ${plan.currentVersion} to the new version`,
    }[step];
    print(`  ${index + 1}. ${step}: ${detail}`);
  });
}

function printRollbackPlan(plan: RollbackPlan, print: (line: string) => void): void {
  print(`rollback ${plan.functionName}:${plan.alias}`);
  print(
    `  1. UpdateAlias: move ${plan.alias} from version ${plan.fromVersion} to ${plan.toVersion}${plan.toDescription ? ` ("${plan.toDescription}")` : ''}`,
  );
}
