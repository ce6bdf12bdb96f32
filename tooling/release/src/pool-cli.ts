import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { CliContext } from './cli';
import { executePoolWiring, planPoolWiring, type PoolWiringPlan, type PoolWiringRequest } from './pool/pool-wiring';
import { userPoolAccount } from './pool/invoke-permission';
import {
  ReleaseConfigurationError,
  STAGES_DIR,
  USER_POOL_ID,
  emailWriterConflictMessage,
  findTrigger,
  functionNameFor,
  readStage,
  type StageConfig,
  type TriggerDefinition,
} from './registry/index';
import { findWorkspaceRoot } from './workspace-root';

/**
 * The usage text of `deploy-trigger attach` and `detach`.
 *
 * @example
 * printError(POOL_USAGE);
 */
export const POOL_USAGE = `usage:
  deploy-trigger attach <app...> (--user-pool-id ID | --stage NAME) [--alias live] [--kms-key-id ARN] [--replace] [--dry-run]
  deploy-trigger detach <app...> (--user-pool-id ID | --stage NAME) [--alias live] [--dry-run]

Wires the apps' aliases into an existing user pool (or unwires them) without owning the pool:
only LambdaConfig changes; every other setting is read with DescribeUserPool and written back.
With --stage, the functions are the stage's, and the pool is its "existingUserPool" unless --user-pool-id names it.`;

/**
 * An `attach` or `detach` command line, checked (no file read, no AWS call).
 *
 * @example
 * const command: PoolCommand = parsePoolCommand('attach', ['pre-sign-up', '--stage', 'staging', '--dry-run']);
 */
export interface PoolCommand {
  kind: PoolWiringRequest['mode'];
  apps: string[];
  /** As given; with a stage, {@link poolIdOf} falls back to its `existingUserPool`. */
  userPoolId: string | undefined;
  stage: string | undefined;
  alias: string;
  kmsKeyId: string | undefined;
  replace: boolean;
  dryRun: boolean;
}

/**
 * Parses the arguments after `attach` or `detach`: unknown flags, no app, a malformed pool id,
 * neither a pool id nor a stage, or attach-only flags on detach are a `USAGE` error.
 *
 * @example
 * parsePoolCommand('detach', ['post-confirmation', '--user-pool-id', 'eu-west-1_AbC123']).userPoolId; // 'eu-west-1_AbC123'
 */
export function parsePoolCommand(mode: PoolWiringRequest['mode'], args: readonly string[]): PoolCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        'user-pool-id': { type: 'string' },
        stage: { type: 'string' },
        alias: { type: 'string', default: 'live' },
        'kms-key-id': { type: 'string' },
        replace: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new ReleaseConfigurationError('USAGE', error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const userPoolId = values['user-pool-id'];
  if (positionals.length === 0) throw new ReleaseConfigurationError('USAGE', `which apps to ${mode}? none given`);
  if (userPoolId !== undefined && !USER_POOL_ID.test(userPoolId)) {
    throw new ReleaseConfigurationError(
      'USAGE',
      `--user-pool-id "${userPoolId}" is not a user pool id (like eu-west-1_AbC123)`,
    );
  }
  if (userPoolId === undefined && values.stage === undefined) {
    throw new ReleaseConfigurationError(
      'USAGE',
      '--user-pool-id is required (or --stage, for a stage whose stage.json has "existingUserPool")',
    );
  }
  if (mode === 'detach' && (values.replace || values['kms-key-id'] !== undefined)) {
    throw new ReleaseConfigurationError('USAGE', '--replace and --kms-key-id are for attach only');
  }
  return {
    kind: mode,
    apps: positionals,
    userPoolId,
    stage: values.stage,
    alias: values.alias,
    kmsKeyId: values['kms-key-id'],
    replace: values.replace,
    dryRun: values['dry-run'],
  };
}

/**
 * The pool a command wires: `--user-pool-id`, else the stage's `existingUserPool.id`. Both given
 * and different is a `USAGE` error (one of them is wrong, and the pool is not ours to guess).
 *
 * @example
 * poolIdOf(parsePoolCommand('attach', ['pre-sign-up', '--stage', 'staging']), readStage(root, 'staging')); // 'eu-west-1_AcmeStg1'
 */
export function poolIdOf(command: PoolCommand, stage: StageConfig | undefined): string {
  const staged = stage?.existingUserPool?.id;
  const file = stage ? `${STAGES_DIR}/${stage.name}/stage.json` : undefined;
  if (command.userPoolId !== undefined && staged !== undefined && command.userPoolId !== staged) {
    throw new ReleaseConfigurationError(
      'USAGE',
      `--user-pool-id ${command.userPoolId} disagrees with ${file}, whose existingUserPool.id is ${staged}: drop the flag or correct the file`,
    );
  }
  const userPoolId = command.userPoolId ?? staged;
  if (userPoolId === undefined) {
    throw new ReleaseConfigurationError(
      'USAGE',
      `--user-pool-id is required: ${file} has no "existingUserPool" (its pool, if any, is the CDK user-pool stack's)`,
    );
  }
  return userPoolId;
}

/**
 * `deploy-trigger attach|detach`: plans, prints the diff, and (unless `--dry-run`) applies it.
 * Exit codes as {@link main}'s: 0 done, 1 failed in AWS, 2 configuration problem (no AWS call).
 *
 * @example
 * process.exitCode = await poolMain('attach', ['pre-sign-up', '--user-pool-id', 'eu-west-1_AbC', '--dry-run'], context);
 */
export async function poolMain(
  mode: PoolWiringRequest['mode'],
  args: readonly string[],
  context: CliContext,
): Promise<number> {
  const print = context.print ?? ((line: string) => console.log(line));
  const printError = context.printError ?? ((line: string) => console.error(line));
  try {
    const command = parsePoolCommand(mode, args);
    const { apps } = command;
    const root = findWorkspaceRoot(context.cwd);
    const stage = command.stage === undefined ? undefined : readStage(root, command.stage);
    const userPoolId = poolIdOf(command, stage);
    // The stage's functions (its functionPrefix), else TRIGGER_FUNCTION_PREFIX's.
    const prefixed = stage ? { TRIGGER_FUNCTION_PREFIX: stage.functionPrefix } : context.environment;
    const triggers = apps.map((app) => {
      const trigger = findTrigger(app, root);
      return { trigger, functionName: functionNameFor(trigger.name, prefixed) };
    });
    // Checked among the apps given only: what the pool runs already is its owner's choice.
    const definitions = triggers.map(({ trigger }) => trigger);
    const writers = mode === 'attach' ? emailWriterConflictMessage(definitions) : undefined;
    if (writers) throw new ReleaseConfigurationError('USAGE', writers);
    const lambda = context.createClient ? context.createClient() : new LambdaClient({});
    const cognito = context.createCognitoClient ? context.createCognitoClient() : new CognitoIdentityProviderClient({});
    const request: PoolWiringRequest = {
      mode,
      userPoolId,
      alias: command.alias,
      triggers,
      replace: command.replace,
      kmsKeyId: command.kmsKeyId,
    };
    const plan = await planPoolWiring(lambda, cognito, request);
    printPlan(plan, apps, print);
    const ungranted = mode === 'attach' ? senderGrantWarning(definitions, stage, userPoolId) : undefined;
    if (ungranted) print(`  warning: ${ungranted}`);
    const pendingGrants = plan.grants.filter(({ state }) => mode === 'detach' || state !== 'present');
    if (plan.changes.length === 0 && pendingGrants.length === 0) {
      print(`nothing to do: ${userPoolId} already ${mode === 'attach' ? 'runs' : 'runs none of'} ${apps.join(', ')}`);
      return 0;
    }
    if (command.dryRun) {
      print('dry run: nothing changed');
      return 0;
    }
    await executePoolWiring(lambda, cognito, plan);
    print(
      `${mode === 'attach' ? 'attached' : 'detached'}: ${apps.join(', ')} ${mode === 'attach' ? 'to' : 'from'} ${userPoolId}; read back: LambdaConfig as planned, every other setting as before`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ReleaseConfigurationError) {
      printError(`deploy-trigger ${mode}: ${error.message}`);
      if (error.code === 'USAGE') printError(POOL_USAGE);
      return 2;
    }
    printError(`deploy-trigger ${mode}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return 1;
  }
}

/**
 * The custom e-mail sender's role is granted `AdminGetUser` (for an account-takeover notice that
 * names no address) on one pool only, by the stack of the stage it is deployed with. Attaching it to
 * any other pool works for every code e-mail but not for those notices, so the plan says so and how
 * to fix it rather than leaving the first such notice to fail in production.
 */
function senderGrantWarning(
  triggers: readonly TriggerDefinition[],
  stage: StageConfig | undefined,
  userPoolId: string,
): string | undefined {
  const sender = triggers.find(({ userPoolTrigger }) => userPoolTrigger === 'customEmailSender');
  if (!sender || stage?.existingUserPool?.id === userPoolId) return undefined;
  return (
    `${sender.name}'s role may call cognito-idp:AdminGetUser only on the pool of the stage it was deployed with, ` +
    `and decrypt only with that stage's sender key; for ${userPoolId}, set "existingUserPool": { "id": "${userPoolId}" } ` +
    `in the stage's stage.json and deploy it, or account-takeover notices without an email attribute will fail`
  );
}

function printPlan(plan: PoolWiringPlan, apps: readonly string[], print: (line: string) => void): void {
  const direction = plan.mode === 'attach' ? 'to' : 'from';
  print(`${plan.mode} ${apps.join(', ')} ${direction} user pool ${plan.userPoolId} (${plan.poolName ?? 'no name'})`);
  for (const change of plan.changes) {
    print(`  LambdaConfig.${change.key}: ${change.before ?? '(unset)'} -> ${change.after ?? '(unset)'}`);
  }
  for (const note of plan.leftAlone) print(`  ${note}`);
  const account = userPoolAccount(plan.userPoolArn);
  for (const { grant, state } of plan.grants) {
    const target = `${grant.functionName}:${grant.alias}`;
    if (plan.mode === 'detach') {
      print(`  invoke permission: remove cognito-idp-${plan.userPoolId} from ${target}`);
    } else if (state === 'present') {
      print(`  invoke permission: ${target} already lets this pool invoke it`);
    } else {
      print(
        `  invoke permission: ${state === 'conflicting' ? 'replace' : 'add'} cognito-idp-${plan.userPoolId} on ${target} (SourceArn ${plan.userPoolArn}, SourceAccount ${account})`,
      );
    }
  }
  print(`  carried over unchanged (${plan.carried.length}): ${plan.carried.join(', ')}`);
  for (const { setting, why } of plan.adjustments) print(`  ${setting}: ${why}`);
  for (const { field, why } of plan.omitted) print(`  not sent: ${field} (${why})`);
}
