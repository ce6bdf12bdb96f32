import {
  ApplicationDoesNotExistException,
  CreateDeploymentCommand,
  DeploymentGroupDoesNotExistException,
  GetDeploymentGroupCommand,
  waitUntilDeploymentSuccessful,
  type CodeDeployClient,
} from '@aws-sdk/client-codedeploy';
import { UpdateAliasCommand, type LambdaClient } from '@aws-sdk/client-lambda';

/**
 * How an alias gets to a new version. `codedeploy`: the CDK stack made a deployment group
 * (application = the function, group = the alias), which owns the alias: CodeDeploy shifts
 * traffic (canary or linear) and rolls back on its alarms. `alias`: no deployment group, so
 * `UpdateAlias` moves it at once (a function made outside the stacks, or the local stack).
 *
 * @example
 * const shift: TrafficShift = { kind: 'codedeploy', application: 'cognito-pre-sign-up', group: 'live' };
 */
export type TrafficShift =
  { kind: 'alias' } | { kind: 'codedeploy'; application: string; group: string; config: string | undefined };

/**
 * Finds out which {@link TrafficShift} applies, with one read-only CodeDeploy call.
 *
 * @example
 * const shift = await findTrafficShift(codeDeploy, 'cognito-pre-sign-up', 'live');
 */
export async function findTrafficShift(
  client: CodeDeployClient,
  functionName: string,
  alias: string,
): Promise<TrafficShift> {
  try {
    const answer = await client.send(
      new GetDeploymentGroupCommand({ applicationName: functionName, deploymentGroupName: alias }),
    );
    return {
      kind: 'codedeploy',
      application: functionName,
      group: alias,
      config: answer.deploymentGroupInfo?.deploymentConfigName,
    };
  } catch (error) {
    if (error instanceof ApplicationDoesNotExistException || error instanceof DeploymentGroupDoesNotExistException) {
      return { kind: 'alias' };
    }
    throw error;
  }
}

/**
 * One move of an alias from its version to another.
 *
 * @example
 * const move: AliasMove = { functionName, alias: 'live', fromVersion: '7', toVersion: '8', aliasRevisionId };
 */
export interface AliasMove {
  functionName: string;
  alias: string;
  fromVersion: string;
  toVersion: string;
  aliasRevisionId: string | undefined;
  /** Skip the canary (a rollback must be immediate): CodeDeploy's all-at-once configuration. */
  allAtOnce?: boolean;
  /** How long to wait for CodeDeploy (a canary waits minutes before shifting the rest). */
  maxWaitSeconds?: number;
}

/**
 * Moves the alias: through CodeDeploy (its AppSpec names the two versions; this waits until the
 * deployment succeeds, and fails if CodeDeploy rolled it back), or with `UpdateAlias` guarded by
 * the alias's revision and with any weighted routing cleared.
 *
 * @example
 * await shiftTraffic({ lambda, codeDeploy }, shift, { functionName, alias: 'live', fromVersion: '7', toVersion: '8', aliasRevisionId });
 */
export async function shiftTraffic(
  clients: { lambda: LambdaClient; codeDeploy?: CodeDeployClient | undefined },
  shift: TrafficShift,
  move: AliasMove,
): Promise<{ deploymentId?: string }> {
  if (shift.kind === 'alias') {
    await clients.lambda.send(
      new UpdateAliasCommand({
        FunctionName: move.functionName,
        Name: move.alias,
        FunctionVersion: move.toVersion,
        // A weighted rollout left on the alias would keep sending traffic to an older version.
        RoutingConfig: { AdditionalVersionWeights: {} },
        ...(move.aliasRevisionId ? { RevisionId: move.aliasRevisionId } : {}),
      }),
    );
    return {};
  }
  const codeDeploy = clients.codeDeploy;
  if (!codeDeploy)
    throw new Error(`${move.functionName} has a CodeDeploy deployment group, but no CodeDeploy client was given`);
  const appSpec = {
    version: 0.0,
    Resources: [
      {
        [move.functionName]: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Name: move.functionName,
            Alias: move.alias,
            CurrentVersion: move.fromVersion,
            TargetVersion: move.toVersion,
          },
        },
      },
    ],
  };
  const created = await codeDeploy.send(
    new CreateDeploymentCommand({
      applicationName: shift.application,
      deploymentGroupName: shift.group,
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: JSON.stringify(appSpec) } },
      ...(move.allAtOnce ? { deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' } : {}),
      description: `${move.functionName}:${move.alias} ${move.fromVersion} -> ${move.toVersion}`,
    }),
  );
  const deploymentId = created.deploymentId;
  if (!deploymentId) throw new Error('CodeDeploy returned no deployment id');
  try {
    await waitUntilDeploymentSuccessful(
      { client: codeDeploy, maxWaitTime: move.maxWaitSeconds ?? 3600, minDelay: 5, maxDelay: 30 },
      { deploymentId },
    );
  } catch (error) {
    throw new Error(
      `CodeDeploy deployment ${deploymentId} did not succeed (an alarm fired, or it was stopped): ${move.alias} stays on or returns to version ${move.fromVersion}`,
      { cause: error },
    );
  }
  return { deploymentId };
}
