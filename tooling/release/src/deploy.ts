import {
  GetAliasCommand,
  GetFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { LAMBDA_TARGET, type ArtifactManifest } from '@cognito-triggers/build';
import { shiftTraffic, type TrafficShift } from './traffic-shift';

/**
 * What {@link planDeploy} needs: the artifact and where it goes.
 *
 * @example
 * const request: DeployRequest = { functionName: 'cognito-post-confirmation', alias: 'live', manifest, zip, environment };
 */
export interface DeployRequest {
  functionName: string;
  alias: string;
  manifest: ArtifactManifest;
  zip: Uint8Array;
  /** The function's full environment (see `functionEnvironment`), but what the stack supplies. */
  environment: Readonly<Record<string, string>>;
  /**
   * Variables the function's stack sets (`stackSuppliedVariables`, e.g. a custom sender's
   * `KMS_KEY_ARN`): the deploy keeps the running function's values, and stops if it has none.
   */
  stackSupplied?: readonly string[];
  /** How long to wait for each function update; Lambda usually needs a few seconds. */
  maxWaitSeconds?: number;
}

/**
 * A mutating call a deploy makes, in the order it makes them.
 *
 * @example
 * plan.steps; // ['UpdateFunctionCode', 'PublishVersion', 'UpdateAlias']
 */
export type DeployStep = 'UpdateFunctionCode' | 'UpdateFunctionConfiguration' | 'PublishVersion' | 'UpdateAlias';

/**
 * What a deploy will do, worked out with read-only calls: `steps` is empty when the alias already
 * runs this artifact with this environment.
 *
 * @example
 * const plan = await planDeploy(lambda, request);
 * if (plan.steps.length === 0) console.log('nothing to deploy');
 */
export interface DeployPlan {
  functionName: string;
  alias: string;
  /** The version the alias points at now. */
  currentVersion: string;
  deployedCodeSha256: string;
  artifactCodeSha256: string;
  /** Names of variables that are added, changed or removed (values are never printed). */
  changedVariables: string[];
  /** Of those, the ones the function has now and would lose: a deploy refuses them unless allowed. */
  removedVariables: string[];
  /** Variables the stack supplies, kept as the running function has them (names only). */
  carriedVariables: string[];
  /** The environment the new version gets: the request's, plus the carried variables' running values. */
  environment: Readonly<Record<string, string>>;
  /** The published version's description: `<name>@<version> <commit>`. */
  description: string;
  /** The alias's revision when planned: moving it fails if someone else moved it since. */
  aliasRevisionId: string | undefined;
  steps: DeployStep[];
}

/**
 * What {@link executeDeploy} did.
 *
 * @example
 * if (outcome.status === 'deployed') console.log(`now on version ${outcome.version}`);
 */
export type DeployOutcome =
  { status: 'unchanged'; version: string } | { status: 'deployed'; previousVersion: string; version: string };

/**
 * Reads the alias and the version it points at, and plans the deploy. Makes no changes.
 * Refuses a function whose runtime or architecture the artifact was not built for, since
 * uploading would break it.
 *
 * @example
 * const plan = await planDeploy(new LambdaClient({}), { functionName, alias: 'live', manifest, zip, environment });
 */
export async function planDeploy(client: LambdaClient, request: DeployRequest): Promise<DeployPlan> {
  const { functionName, alias, manifest } = request;
  const current = await client.send(new GetAliasCommand({ FunctionName: functionName, Name: alias }));
  const currentVersion = current.FunctionVersion;
  if (!currentVersion) throw new Error(`alias ${alias} of ${functionName} points at no version`);
  const deployed = await client.send(new GetFunctionCommand({ FunctionName: functionName, Qualifier: currentVersion }));
  const configuration = deployed.Configuration;
  if (!configuration?.CodeSha256) throw new Error(`${functionName}:${currentVersion} reports no CodeSha256`);

  const architectures = configuration.Architectures ?? ['x86_64'];
  if (configuration.Runtime !== LAMBDA_TARGET.runtime || !architectures.includes(LAMBDA_TARGET.architecture)) {
    throw new Error(
      `${functionName} runs ${configuration.Runtime ?? 'no managed runtime'} on ${architectures.join(',')}, but ${manifest.zipFile} is built for ${LAMBDA_TARGET.runtime} on ${LAMBDA_TARGET.architecture}: update the function's stack first`,
    );
  }

  const deployedVariables = configuration.Environment?.Variables ?? {};
  const carriedVariables = [...(request.stackSupplied ?? [])].sort();
  const lacking = carriedVariables.filter((name) => !deployedVariables[name]);
  if (lacking.length > 0) {
    throw new Error(
      `${functionName}:${currentVersion} has no ${lacking.join(', ')}, which its stack supplies: deploy the stacks first (cdk deploy), then the code`,
    );
  }
  const environment: Record<string, string> = { ...request.environment };
  for (const name of carriedVariables) environment[name] = deployedVariables[name]!;
  const changedVariables = diffVariables(deployedVariables, environment);
  const removedVariables = changedVariables.filter((name) => !Object.hasOwn(environment, name));
  const codeChanged = configuration.CodeSha256 !== manifest.codeSha256;
  const steps: DeployStep[] = [];
  if (codeChanged) steps.push('UpdateFunctionCode');
  if (changedVariables.length > 0) steps.push('UpdateFunctionConfiguration');
  if (steps.length > 0) steps.push('PublishVersion', 'UpdateAlias');
  return {
    functionName,
    alias,
    currentVersion,
    deployedCodeSha256: configuration.CodeSha256,
    artifactCodeSha256: manifest.codeSha256,
    changedVariables,
    removedVariables,
    carriedVariables,
    environment: Object.fromEntries(Object.entries(environment).sort(([a], [b]) => a.localeCompare(b))),
    description: `${manifest.name}@${manifest.version} ${manifest.commit}`,
    aliasRevisionId: current.RevisionId,
    steps,
  };
}

/**
 * Carries out a {@link DeployPlan}: upload the zip and/or the environment, wait for each update,
 * publish a version (checked against the artifact's CodeSha256, so a concurrent upload cannot be
 * published in its place), then move the alias: through CodeDeploy when `traffic` says the
 * stack made a deployment group (a canary that rolls back on its alarms), else with UpdateAlias.
 * Any failure throws before the alias moves.
 *
 * @example
 * const outcome = await executeDeploy(lambda, plan, request, { codeDeploy, shift });
 */
export async function executeDeploy(
  client: LambdaClient,
  plan: DeployPlan,
  request: DeployRequest,
  traffic?: { codeDeploy: CodeDeployClient; shift: TrafficShift },
): Promise<DeployOutcome> {
  if (plan.steps.length === 0) return { status: 'unchanged', version: plan.currentVersion };
  const { functionName } = plan;
  const waiter = { client, maxWaitTime: request.maxWaitSeconds ?? 300, minDelay: 1, maxDelay: 5 };
  let revisionId: string | undefined;

  if (plan.steps.includes('UpdateFunctionCode')) {
    const updated = await client.send(
      new UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: request.zip }),
    );
    if (updated.CodeSha256 !== plan.artifactCodeSha256) {
      throw new Error(
        `Lambda stored CodeSha256 ${updated.CodeSha256 ?? '(none)'}, expected ${plan.artifactCodeSha256}; the alias was not moved`,
      );
    }
    await waitUntilFunctionUpdatedV2(waiter, { FunctionName: functionName });
    revisionId = updated.RevisionId;
  }
  if (plan.steps.includes('UpdateFunctionConfiguration')) {
    const updated = await client.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: functionName,
        Environment: { Variables: { ...plan.environment } },
        ...(revisionId ? { RevisionId: revisionId } : {}),
      }),
    );
    await waitUntilFunctionUpdatedV2(waiter, { FunctionName: functionName });
    revisionId = updated.RevisionId;
  }

  const published = await client.send(
    new PublishVersionCommand({
      FunctionName: functionName,
      CodeSha256: plan.artifactCodeSha256,
      Description: plan.description.slice(0, 256),
      ...(revisionId ? { RevisionId: revisionId } : {}),
    }),
  );
  const version = published.Version;
  if (!version || version === '$LATEST' || published.CodeSha256 !== plan.artifactCodeSha256) {
    throw new Error(
      `PublishVersion returned version ${version ?? '(none)'} with CodeSha256 ${published.CodeSha256 ?? '(none)'}; the alias was not moved`,
    );
  }

  const move = {
    functionName,
    alias: plan.alias,
    fromVersion: plan.currentVersion,
    toVersion: version,
    aliasRevisionId: plan.aliasRevisionId,
  };
  await shiftTraffic({ lambda: client, codeDeploy: traffic?.codeDeploy }, traffic?.shift ?? { kind: 'alias' }, move);
  return { status: 'deployed', previousVersion: plan.currentVersion, version };
}

function diffVariables(deployed: Readonly<Record<string, string>>, wanted: Readonly<Record<string, string>>): string[] {
  const names = new Set([...Object.keys(deployed), ...Object.keys(wanted)]);
  return [...names].filter((name) => deployed[name] !== wanted[name]).sort();
}
