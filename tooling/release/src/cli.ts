import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { readArtifact } from '@cognito-triggers/build';
import { executeDeploy, planDeploy, type DeployPlan, type DeployRequest } from './deploy';
import {
  ReleaseConfigurationError,
  checkStageApps,
  checkStageDeploys,
  findTrigger,
  functionEnvironment,
  functionNameFor,
  loadTriggers,
  readStage,
  readTriggerSettings,
  stackSuppliedVariables,
  stageAppSettings,
} from './registry/index';
import { awsReferenceResolver, resolvedEnvironment, type ResolveReference } from './stage-values';
import { findTrafficShift, type TrafficShift } from './traffic-shift';
import { parsePoolCommand, poolMain, type PoolCommand } from './pool-cli';
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
  /** CodeDeploy, which shifts `live` when the stack made a deployment group. */
  createCodeDeployClient?: () => CodeDeployClient;
  /** Reads the secrets a stage file refers to (default: SSM Parameter Store and Secrets Manager). */
  resolveReference?: ResolveReference;
  print?: (line: string) => void;
  printError?: (line: string) => void;
}

const USAGE = `usage:
  deploy-trigger <app> [--stage NAME] [--alias live] [--dry-run] [--allow-removals] [--function-name NAME]
  deploy-trigger rollback <app> [--stage NAME] [--alias live] [--dry-run] [--function-name NAME]
  deploy-trigger attach|detach <app...> (--user-pool-id ID | --stage NAME) [--alias live] [--dry-run]

With --stage, the function is <the stage's functionPrefix><app> and its environment is deploy/<stage>/<app>.json
(secrets resolved from SSM Parameter Store or Secrets Manager). Without it, the function is
<TRIGGER_FUNCTION_PREFIX><app> (prefix default "cognito-") and the app's variables come from this shell.
A deploy that would remove a variable from the function stops unless --allow-removals is given.`;

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
    const stage = command.stage === undefined ? undefined : readStage(root, command.stage);
    if (stage) {
      checkStageApps(stage, Object.keys(loadTriggers(root)));
      checkStageDeploys(stage, trigger.name);
    }
    const prefixed = stage ? { TRIGGER_FUNCTION_PREFIX: stage.functionPrefix } : context.environment;
    const functionName = command.functionName ?? functionNameFor(trigger.name, prefixed);
    const target = { functionName, alias: command.alias };

    if (command.kind === 'rollback') {
      const client = createClient(context);
      const plan = await planRollback(client, target);
      const traffic = await trafficOf(context, target);
      printRollbackPlan(plan, traffic.shift, print);
      if (command.dryRun) {
        print('dry run: nothing changed');
        return 0;
      }
      await executeRollback(client, plan, traffic);
      print(`rolled back: ${functionName}:${command.alias} now runs version ${plan.toVersion}`);
      return 0;
    }

    // Checked before any AWS call; references are resolved after the artifact is known to be good.
    const staged = stage ? stageAppSettings(stage, trigger) : undefined;
    const settings = staged ? undefined : readTriggerSettings(trigger, context.environment, 'function');
    const artifact = await readArtifact(join(root, trigger.appDir)).catch((error: unknown) => {
      throw new ReleaseConfigurationError('MISSING_ARTIFACT', error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    });
    const variables = staged
      ? await resolvedEnvironment(staged, context.resolveReference ?? awsReferenceResolver())
      : (settings?.environment ?? {});
    const request: DeployRequest = {
      ...target,
      manifest: artifact.manifest,
      zip: artifact.zip,
      environment: functionEnvironment({ environment: variables }),
      stackSupplied: stackSuppliedVariables(trigger),
    };
    const client = createClient(context);
    const plan = await planDeploy(client, request);
    const traffic = await trafficOf(context, target);
    printDeployPlan(plan, request, traffic.shift, print);
    if (plan.removedVariables.length > 0 && !command.allowRemovals) {
      throw new ReleaseConfigurationError(
        'UNAPPROVED_REMOVALS',
        `this deploy would remove ${plan.removedVariables.join(', ')} from ${functionName}; nothing changed. Set ${plan.removedVariables.length === 1 ? 'it' : 'them'} ${stage ? `in deploy/${stage.name}/${trigger.name}.json` : 'in this shell'}, or pass --allow-removals if the removal is intended`,
      );
    }
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
    const outcome = await executeDeploy(client, plan, request, traffic);
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

/**
 * A deploy or rollback command line, checked (no file read, no AWS call).
 *
 * @example
 * const command: DeployCommand = { kind: 'rollback', app: 'pre-sign-up', alias: 'live', dryRun: true,
 *   allowRemovals: false, stage: 'prod', functionName: undefined };
 */
export interface DeployCommand {
  kind: 'deploy' | 'rollback';
  app: string;
  alias: string;
  dryRun: boolean;
  allowRemovals: boolean;
  stage: string | undefined;
  functionName: string | undefined;
}

/**
 * Checks a `deploy-trigger` command line the way {@link main} does before anything else: the
 * subcommand, every flag and its value, the app count, the alias name. Reads no file and calls
 * no AWS API; a problem is a `USAGE` {@link ReleaseConfigurationError}.
 *
 * @example
 * parseCommandLine(['attach', 'pre-sign-up', '--stage', 'staging', '--dry-run']).kind; // 'attach'
 */
export function parseCommandLine(args: readonly string[]): DeployCommand | PoolCommand {
  return args[0] === 'attach' || args[0] === 'detach' ? parsePoolCommand(args[0], args.slice(1)) : parseCommand(args);
}

function parseCommand(args: readonly string[]): DeployCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        alias: { type: 'string', default: 'live' },
        'dry-run': { type: 'boolean', default: false },
        'allow-removals': { type: 'boolean', default: false },
        stage: { type: 'string' },
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
  return {
    kind,
    app,
    alias,
    dryRun: parsed.values['dry-run'],
    allowRemovals: parsed.values['allow-removals'],
    stage: parsed.values.stage,
    functionName: parsed.values['function-name'],
  };
}

/** The alias's owner: the stack's CodeDeploy deployment group if there is one, else UpdateAlias. */
async function trafficOf(
  context: CliContext,
  target: { functionName: string; alias: string },
): Promise<{ codeDeploy: CodeDeployClient; shift: TrafficShift }> {
  const codeDeploy = context.createCodeDeployClient ? context.createCodeDeployClient() : new CodeDeployClient({});
  return { codeDeploy, shift: await findTrafficShift(codeDeploy, target.functionName, target.alias) };
}

/** The plan's last step: who moves the alias, and how. */
function shiftStep(shift: TrafficShift, alias: string, from: string, to: string, rollback: boolean): string {
  if (shift.kind === 'alias') return `UpdateAlias: move ${alias} from ${from} to ${to}`;
  const how = rollback ? 'CodeDeployDefault.LambdaAllAtOnce' : (shift.config ?? 'its deployment configuration');
  return `CreateDeployment: CodeDeploy ${shift.application}/${shift.group} shifts ${alias} from ${from} to ${to} (${how}; rolled back on its alarms)`;
}

function createClient(context: CliContext): LambdaClient {
  return context.createClient ? context.createClient() : new LambdaClient({});
}

function printDeployPlan(
  plan: DeployPlan,
  request: DeployRequest,
  shift: TrafficShift,
  print: (line: string) => void,
): void {
  const { manifest } = request;
  print(
    `deploy ${manifest.name}@${manifest.version} (commit ${manifest.commit}) to ${plan.functionName}:${plan.alias}`,
  );
  print(`  alias ${plan.alias} runs version ${plan.currentVersion}, CodeSha256 ${plan.deployedCodeSha256}`);
  print(
    `  artifact ${manifest.zipFile}, ${(manifest.size / 1024).toFixed(1)} KiB, CodeSha256 ${plan.artifactCodeSha256}`,
  );
  if (plan.carriedVariables.length > 0) {
    print(`  environment kept from the running function (its stack sets it): ${plan.carriedVariables.join(', ')}`);
  }
  if (plan.changedVariables.length > 0) print(`  environment changes: ${plan.changedVariables.join(', ')}`);
  if (plan.removedVariables.length > 0) {
    print(`  environment removals: ${plan.removedVariables.join(', ')} (only with --allow-removals)`);
  }
  plan.steps.forEach((step, index) => {
    const line = {
      UpdateFunctionCode: `${step}: upload ${manifest.zipFile}`,
      UpdateFunctionConfiguration: `${step}: set the environment (${plan.changedVariables.join(', ')})`,
      PublishVersion: `${step}: publish "${plan.description}"`,
      UpdateAlias: shiftStep(shift, plan.alias, plan.currentVersion, 'the new version', false),
    }[step];
    print(`  ${index + 1}. ${line}`);
  });
}

function printRollbackPlan(plan: RollbackPlan, shift: TrafficShift, print: (line: string) => void): void {
  print(`rollback ${plan.functionName}:${plan.alias}`);
  const step = shiftStep(shift, plan.alias, `version ${plan.fromVersion}`, plan.toVersion, true);
  print(`  1. ${step}${plan.toDescription ? ` ("${plan.toDescription}")` : ''}`);
}
