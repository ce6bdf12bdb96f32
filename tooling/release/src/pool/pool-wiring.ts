import { isDeepStrictEqual } from 'node:util';
import {
  DescribeUserPoolCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
  type LambdaConfigType,
  type UpdateUserPoolRequest,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetAliasCommand, ResourceNotFoundException, type LambdaClient } from '@aws-sdk/client-lambda';
import type { TriggerDefinition } from '../registry/index';
import {
  grantInvoke,
  hasOwnStatement,
  invokePermissionState,
  revokeInvoke,
  type InvokeGrant,
  type InvokePermissionState,
} from './invoke-permission';
import {
  attachedLambdaConfig,
  detachedLambdaConfig,
  functionArnsIn,
  lambdaConfigChanges,
  type LambdaConfigChange,
  type TriggerAttachment,
} from './lambda-config';
import { UPDATE_FIELDS, carriedSettings, type SettingAdjustment } from './update-fields';

/**
 * What to attach to (or detach from) an existing pool.
 *
 * @example
 * const request: PoolWiringRequest = { mode: 'attach', userPoolId: 'eu-west-1_AbC', alias: 'live', replace: false,
 *   triggers: [{ trigger: findTrigger('pre-sign-up'), functionName: 'cognito-pre-sign-up' }] };
 */
export interface PoolWiringRequest {
  mode: 'attach' | 'detach';
  userPoolId: string;
  alias: string;
  triggers: readonly { trigger: TriggerDefinition; functionName: string }[];
  /** Take over slots another function holds (attach only). */
  replace: boolean;
  /** The KMS key for custom senders (attach only; default: the pool's). */
  kmsKeyId?: string | undefined;
}

/**
 * What attach or detach will do, worked out with read-only calls.
 *
 * @example
 * const plan = await planPoolWiring(lambda, cognito, request);
 * for (const change of plan.changes) console.log(change.key, change.before, '->', change.after);
 */
export interface PoolWiringPlan {
  mode: PoolWiringRequest['mode'];
  userPoolId: string;
  userPoolArn: string;
  poolName: string | undefined;
  /** The description's LastModifiedDate (ms): the update is refused if the pool changed since. */
  lastModified: number | undefined;
  before: LambdaConfigType;
  after: LambdaConfigType;
  changes: LambdaConfigChange[];
  /** The whole UpdateUserPool request: the described settings, with `after` as LambdaConfig. */
  input: UpdateUserPoolRequest;
  /** The request fields sent exactly as described. */
  carried: string[];
  /** Described values sent in another form, and why. */
  adjustments: SettingAdjustment[];
  /** Request fields left out on purpose, and why. */
  omitted: { field: string; why: string }[];
  /** Invoke permissions to grant (attach, with their current state) or our statements to revoke (detach). */
  grants: { grant: InvokeGrant; state: InvokePermissionState }[];
  /** Slots detach leaves because another function holds them. */
  leftAlone: string[];
}

async function describePool(cognito: CognitoIdentityProviderClient, userPoolId: string): Promise<UserPoolType> {
  const described = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
  if (!described.UserPool) throw new Error(`DescribeUserPool returned no pool for ${userPoolId}`);
  return described.UserPool;
}

/** The alias ARN; for a detach of a function that is gone, the ARN it had in the pool's account. */
async function aliasArnOf(lambda: LambdaClient, functionName: string, alias: string, pool: UserPoolType, mode: string) {
  try {
    const answer = await lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: alias }));
    if (!answer.AliasArn) throw new Error(`GetAlias returned no ARN for ${functionName}:${alias}`);
    return answer.AliasArn;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException) || mode !== 'detach') throw error;
    const [, partition, , region, account] = (pool.Arn ?? '').split(':');
    return `arn:${partition}:lambda:${region}:${account}:function:${functionName}:${alias}`;
  }
}

/**
 * Plans attaching or detaching: reads each alias (its ARN), the pool (DescribeUserPool) and, for
 * attach, each alias's resource policy. Refuses, before any change, slots taken by another
 * function (unless `replace`) and custom senders without a KMS key.
 *
 * @example
 * const plan = await planPoolWiring(new LambdaClient({}), new CognitoIdentityProviderClient({}), request);
 */
export async function planPoolWiring(
  lambda: LambdaClient,
  cognito: CognitoIdentityProviderClient,
  request: PoolWiringRequest,
): Promise<PoolWiringPlan> {
  const pool = await describePool(cognito, request.userPoolId);
  const userPoolArn = pool.Arn;
  if (!userPoolArn) throw new Error(`DescribeUserPool gave no ARN for ${request.userPoolId}`);
  const attachments: (TriggerAttachment & { functionName: string })[] = [];
  for (const { trigger, functionName } of request.triggers) {
    const aliasArn = await aliasArnOf(lambda, functionName, request.alias, pool, request.mode);
    attachments.push({ trigger, aliasArn, functionName });
  }

  const before = pool.LambdaConfig ?? {};
  let after: LambdaConfigType;
  let leftAlone: string[] = [];
  if (request.mode === 'attach') {
    after = attachedLambdaConfig(before, attachments, { replace: request.replace, kmsKeyId: request.kmsKeyId });
  } else {
    ({ config: after, leftAlone } = detachedLambdaConfig(before, attachments));
  }
  const changes = lambdaConfigChanges(before, after);

  const grants: PoolWiringPlan['grants'] = [];
  for (const { functionName, aliasArn } of attachments) {
    const grant = { functionName, alias: request.alias, userPoolId: request.userPoolId, userPoolArn };
    const wired = functionArnsIn(after).includes(aliasArn);
    // Attach grants what the pool will invoke; detach revokes what it no longer invokes.
    if (request.mode === 'attach' && wired) grants.push({ grant, state: await invokePermissionState(lambda, grant) });
    if (request.mode === 'detach' && !wired && (await hasOwnStatement(lambda, grant))) {
      grants.push({ grant, state: 'present' });
    }
  }

  const { settings, adjustments } = carriedSettings(pool);
  const omitted = Object.entries(UPDATE_FIELDS).flatMap(([field, handling]) =>
    handling.kind === 'omitted' ? [{ field, why: handling.why }] : [],
  );
  return {
    mode: request.mode,
    userPoolId: request.userPoolId,
    userPoolArn,
    poolName: pool.Name,
    lastModified: pool.LastModifiedDate?.getTime(),
    before,
    after,
    changes,
    input: { UserPoolId: request.userPoolId, ...settings, LambdaConfig: after },
    carried: Object.keys(settings),
    adjustments,
    omitted,
    grants,
    leftAlone,
  };
}

/**
 * What {@link executePoolWiring} did.
 *
 * @example
 * if (outcome.updated) console.log('the pool now runs the new triggers');
 */
export interface PoolWiringOutcome {
  updated: boolean;
  granted: number;
  revoked: number;
}

/**
 * Carries out a plan. Attach grants invoke permissions first, so the pool never calls an alias
 * it may not invoke; detach revokes them last. Just before UpdateUserPool the pool is read again
 * and the update refused if it changed since the plan; afterwards it is read once more, and any
 * difference from the plan (a trigger, or any other setting) is an error that names it.
 *
 * @example
 * const outcome = await executePoolWiring(lambda, cognito, plan);
 */
export async function executePoolWiring(
  lambda: LambdaClient,
  cognito: CognitoIdentityProviderClient,
  plan: PoolWiringPlan,
): Promise<PoolWiringOutcome> {
  let granted = 0;
  let revoked = 0;
  if (plan.mode === 'attach') {
    for (const { grant, state } of plan.grants) {
      if (state === 'present') continue;
      await grantInvoke(lambda, grant, state);
      granted += 1;
    }
  }
  if (plan.changes.length > 0) {
    const current = await describePool(cognito, plan.userPoolId);
    if (current.LastModifiedDate?.getTime() !== plan.lastModified) {
      throw new Error(
        `${plan.userPoolId} changed since the plan was made (LastModifiedDate ${current.LastModifiedDate?.toISOString() ?? 'none'}); nothing was written to the pool: run the command again`,
      );
    }
    await cognito.send(new UpdateUserPoolCommand(plan.input));
    verifyUpdate(plan, await describePool(cognito, plan.userPoolId));
  }
  if (plan.mode === 'detach') {
    for (const { grant } of plan.grants) {
      await revokeInvoke(lambda, grant);
      revoked += 1;
    }
  }
  return { updated: plan.changes.length > 0, granted, revoked };
}

function verifyUpdate(plan: PoolWiringPlan, pool: UserPoolType): void {
  const problems = lambdaConfigChanges(plan.after, pool.LambdaConfig ?? {}).map(
    (change) => `LambdaConfig.${change.key} is ${change.after ?? '(unset)'}, expected ${change.before ?? '(unset)'}`,
  );
  const { settings } = carriedSettings(pool);
  const planned: Record<string, unknown> = { ...plan.input };
  const now: Record<string, unknown> = { ...settings };
  for (const field of new Set([...plan.carried, ...Object.keys(now)])) {
    if (!isDeepStrictEqual(now[field], planned[field])) problems.push(`${field} differs from before the update`);
  }
  if (problems.length > 0) {
    throw new Error(
      `UpdateUserPool did not leave ${plan.userPoolId} as planned: ${problems.join('; ')}. The settings before the update are in the plan printed above`,
    );
  }
}
