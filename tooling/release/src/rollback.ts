import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { GetAliasCommand, ListVersionsByFunctionCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { shiftTraffic, type TrafficShift } from './traffic-shift';

/**
 * What a rollback will do: move `alias` from `fromVersion` to `toVersion`, the newest published
 * version older than the current one.
 *
 * @example
 * const plan = await planRollback(lambda, { functionName: 'cognito-post-confirmation', alias: 'live' });
 */
export interface RollbackPlan {
  functionName: string;
  alias: string;
  fromVersion: string;
  toVersion: string;
  /** The description of `toVersion` (`<name>@<version> <commit>` when deploy-trigger published it). */
  toDescription: string;
  aliasRevisionId: string | undefined;
}

/**
 * Finds the version to roll back to with read-only calls: the alias's version, then every
 * published version (all pages), then the newest one below the current.
 *
 * @example
 * const plan = await planRollback(lambda, { functionName, alias: 'live' });
 */
export async function planRollback(
  client: LambdaClient,
  target: { functionName: string; alias: string },
): Promise<RollbackPlan> {
  const { functionName, alias } = target;
  const current = await client.send(new GetAliasCommand({ FunctionName: functionName, Name: alias }));
  const fromVersion = current.FunctionVersion;
  if (!fromVersion || !/^\d+$/.test(fromVersion)) {
    throw new Error(`alias ${alias} of ${functionName} points at ${fromVersion ?? 'nothing'}, not a published version`);
  }

  const versions: { version: number; description: string }[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(new ListVersionsByFunctionCommand({ FunctionName: functionName, Marker: marker }));
    for (const entry of page.Versions ?? []) {
      if (entry.Version && /^\d+$/.test(entry.Version)) {
        versions.push({ version: Number(entry.Version), description: entry.Description ?? '' });
      }
    }
    marker = page.NextMarker;
  } while (marker);

  const previous = versions
    .filter((entry) => entry.version < Number(fromVersion))
    .sort((a, b) => b.version - a.version)[0];
  if (!previous)
    throw new Error(`${functionName} has no published version before ${fromVersion}: nothing to roll back to`);
  return {
    functionName,
    alias,
    fromVersion,
    toVersion: String(previous.version),
    toDescription: previous.description,
    aliasRevisionId: current.RevisionId,
  };
}

/**
 * Moves the alias back as planned. The alias's revision guards against a deploy that moved it
 * in the meantime: then this fails instead of undoing that deploy blindly. With a CodeDeploy
 * deployment group (the stack's), the move goes through it all at once: a rollback does not wait
 * for a canary.
 *
 * @example
 * await executeRollback(lambda, await planRollback(lambda, { functionName, alias: 'live' }));
 */
export async function executeRollback(
  client: LambdaClient,
  plan: RollbackPlan,
  traffic?: { codeDeploy: CodeDeployClient; shift: TrafficShift },
): Promise<void> {
  await shiftTraffic({ lambda: client, codeDeploy: traffic?.codeDeploy }, traffic?.shift ?? { kind: 'alias' }, {
    functionName: plan.functionName,
    alias: plan.alias,
    fromVersion: plan.fromVersion,
    toVersion: plan.toVersion,
    aliasRevisionId: plan.aliasRevisionId,
    allAtOnce: true,
  });
}
