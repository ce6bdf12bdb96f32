import {
  AddPermissionCommand,
  GetPolicyCommand,
  RemovePermissionCommand,
  ResourceNotFoundException,
  type LambdaClient,
} from '@aws-sdk/client-lambda';

/** The service principal user pools invoke triggers as. */
const COGNITO_PRINCIPAL = 'cognito-idp.amazonaws.com';

/**
 * Where Cognito's invoke permission goes: the alias the pool calls, and the one pool allowed to.
 *
 * @example
 * const grant: InvokeGrant = { functionName: 'cognito-pre-sign-up', alias: 'live', userPoolId: 'eu-west-1_AbC', userPoolArn };
 */
export interface InvokeGrant {
  functionName: string;
  alias: string;
  userPoolId: string;
  userPoolArn: string;
}

/**
 * What the alias's resource policy says about a pool: `present` (a statement lets exactly this
 * pool, from its account, invoke the alias), `missing`, or `conflicting` (our statement id is
 * there with other terms, so it must be replaced).
 *
 * @example
 * if ((await invokePermissionState(lambda, grant)) !== 'present') await grantInvoke(lambda, grant);
 */
export type InvokePermissionState = 'present' | 'missing' | 'conflicting';

/**
 * The statement id used for a pool: one per pool and alias, so granting twice finds the first.
 *
 * @example
 * invokeStatementId('eu-west-1_AbC'); // 'cognito-idp-eu-west-1_AbC'
 */
export function invokeStatementId(userPoolId: string): string {
  return `cognito-idp-${userPoolId}`;
}

/**
 * The account of a user pool, from its ARN (`arn:aws:cognito-idp:<region>:<account>:userpool/<id>`).
 *
 * @example
 * userPoolAccount('arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC'); // '123456789012'
 */
export function userPoolAccount(userPoolArn: string): string {
  // Any account segment: Lambda checks it; an emulator's pools (cognito-local's "local") have their own.
  const account = /^arn:[^:]+:cognito-idp:[^:]+:([^:]+):userpool\//.exec(userPoolArn)?.[1];
  if (account === undefined) throw new Error(`"${userPoolArn}" is not a user pool ARN`);
  return account;
}

interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: { Service?: string | string[] };
  Action?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The value a statement's conditions give `key`, under whichever operator carries it. */
function conditionValue(statement: PolicyStatement, key: string): string[] {
  return Object.values(statement.Condition ?? {}).flatMap((operator) =>
    Object.entries(operator)
      .filter(([name]) => name.toLowerCase() === key.toLowerCase())
      .flatMap(([, value]) => asList(value)),
  );
}

function grantsPool(statement: PolicyStatement, grant: InvokeGrant): boolean {
  return (
    statement.Effect === 'Allow' &&
    asList(statement.Principal?.Service).includes(COGNITO_PRINCIPAL) &&
    asList(statement.Action).some((action) => action === 'lambda:InvokeFunction' || action === 'lambda:*') &&
    conditionValue(statement, 'AWS:SourceArn').includes(grant.userPoolArn) &&
    conditionValue(statement, 'AWS:SourceAccount').includes(userPoolAccount(grant.userPoolArn))
  );
}

/** The statements of the alias's resource policy (none when it has no policy). */
async function policyStatements(client: LambdaClient, grant: InvokeGrant): Promise<PolicyStatement[]> {
  try {
    const answer = await client.send(
      new GetPolicyCommand({ FunctionName: grant.functionName, Qualifier: grant.alias }),
    );
    return (JSON.parse(answer.Policy ?? '{}') as { Statement?: PolicyStatement[] }).Statement ?? [];
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return [];
    throw error;
  }
}

/**
 * Reads the alias's resource policy (no policy at all counts as `missing`).
 *
 * @example
 * const state = await invokePermissionState(lambda, grant);
 */
export async function invokePermissionState(client: LambdaClient, grant: InvokeGrant): Promise<InvokePermissionState> {
  const statements = await policyStatements(client, grant);
  if (statements.some((statement) => grantsPool(statement, grant))) return 'present';
  return statements.some((statement) => statement.Sid === invokeStatementId(grant.userPoolId))
    ? 'conflicting'
    : 'missing';
}

/**
 * Whether the alias's policy holds our statement for the pool ({@link invokeStatementId}), the
 * one detach removes; statements others wrote (a CDK stack's, say) are never touched.
 *
 * @example
 * if (await hasOwnStatement(lambda, grant)) await revokeInvoke(lambda, grant);
 */
export async function hasOwnStatement(client: LambdaClient, grant: InvokeGrant): Promise<boolean> {
  const statements = await policyStatements(client, grant);
  return statements.some((statement) => statement.Sid === invokeStatementId(grant.userPoolId));
}

/**
 * Lets the pool, and only it, invoke the alias: `SourceArn` is the pool, `SourceAccount` its
 * account (so a pool of the same id elsewhere cannot). Replaces a conflicting statement of ours.
 *
 * @example
 * await grantInvoke(lambda, grant, await invokePermissionState(lambda, grant));
 */
export async function grantInvoke(
  client: LambdaClient,
  grant: InvokeGrant,
  state: InvokePermissionState,
): Promise<void> {
  if (state === 'present') return;
  if (state === 'conflicting') await revokeInvoke(client, grant);
  await client.send(
    new AddPermissionCommand({
      FunctionName: grant.functionName,
      Qualifier: grant.alias,
      StatementId: invokeStatementId(grant.userPoolId),
      Action: 'lambda:InvokeFunction',
      Principal: COGNITO_PRINCIPAL,
      SourceArn: grant.userPoolArn,
      SourceAccount: userPoolAccount(grant.userPoolArn),
    }),
  );
}

/**
 * Removes our statement for the pool from the alias's policy; a function, alias or statement
 * that is already gone is fine.
 *
 * @example
 * await revokeInvoke(lambda, grant);
 */
export async function revokeInvoke(client: LambdaClient, grant: InvokeGrant): Promise<void> {
  try {
    await client.send(
      new RemovePermissionCommand({
        FunctionName: grant.functionName,
        Qualifier: grant.alias,
        StatementId: invokeStatementId(grant.userPoolId),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
}
