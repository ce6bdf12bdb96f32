import { RemovalPolicy, Stack, type App, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { TriggerDeployment } from './config';

/**
 * The variable an app reads to opt in to idempotency (trigger-core's `once`): the table's name.
 * The deployer sets it for the apps that use it; CDK then creates that table and grants them access.
 *
 * @example
 * const tableName = deployment.settings.environment[IDEMPOTENCY_TABLE_VARIABLE];
 */
export const IDEMPOTENCY_TABLE_VARIABLE = 'IDEMPOTENCY_TABLE';

/**
 * The only calls `once` makes, hence the only ones its users may make.
 *
 * @example
 * new iam.PolicyStatement({ actions: [...IDEMPOTENCY_ACTIONS], resources: [tableArn] });
 */
export const IDEMPOTENCY_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:GetItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const;

/**
 * Props of {@link IdempotencyTableStack}.
 *
 * @example
 * const props: IdempotencyTableStackProps = { tableName: 'cognito-idempotency' };
 */
export interface IdempotencyTableStackProps extends StackProps {
  /** A fixed name, so that the deploy command and CDK give the functions the same `IDEMPOTENCY_TABLE`. */
  tableName: string;
}

/**
 * The idempotency table: partition key `id` (a SHA-256, never personal data), on-demand billing
 * (a burst of sign-ups needs no capacity planning), TTL on `expiresAt`, point-in-time recovery.
 * Its records live a day at most, so the table is deleted with the stack rather than orphaned,
 * where it would block the next deployment's table of the same name.
 *
 * @example
 * const { table } = new IdempotencyTableStack(app, 'cognito-idempotency', { tableName: 'cognito-idempotency' });
 */
export class IdempotencyTableStack extends Stack {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: IdempotencyTableStackProps) {
    super(scope, id, props);
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: props.tableName,
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}

/**
 * The statement that lets a trigger use the table named `tableName`: the four item calls `once`
 * makes, on that table only. Built from the name, so a trigger stack needs no cross-stack reference.
 *
 * @example
 * role.addToPolicy(idempotencyAccessStatement(stack, 'cognito-idempotency'));
 */
export function idempotencyAccessStatement(stack: Stack, tableName: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: [...IDEMPOTENCY_ACTIONS],
    resources: [stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: tableName })],
  });
}

/**
 * Opt-in per app: each trigger whose settings give `IDEMPOTENCY_TABLE` gets access to that table,
 * and each table name gets one {@link IdempotencyTableStack}. `stacks[i]` is `deployments[i]`'s.
 *
 * @example
 * const idempotencyTableStacks = addIdempotencyTables(app, config.triggers, triggerStacks);
 */
export function addIdempotencyTables(
  app: App,
  deployments: readonly TriggerDeployment[],
  stacks: readonly (Stack & { readonly role: iam.IRole })[],
): IdempotencyTableStack[] {
  const tables = new Map<string, IdempotencyTableStack>();
  deployments.forEach((deployment, index) => {
    const tableName = deployment.settings.environment[IDEMPOTENCY_TABLE_VARIABLE];
    const stack = stacks[index];
    if (!tableName || !stack) return;
    if (!tables.has(tableName)) {
      const stackId = `${tableName.replace(/[^A-Za-z0-9-]/g, '-')}-table`;
      tables.set(tableName, new IdempotencyTableStack(app, stackId, { tableName }));
    }
    stack.role.addToPrincipalPolicy(idempotencyAccessStatement(stack, tableName));
  });
  return [...tables.values()];
}
