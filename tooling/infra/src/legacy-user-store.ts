import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { TriggerSettings } from '@cognito-triggers/release/registry';

/**
 * The legacy users table's layout, as apps/user-migration reads and imports it (its
 * `LEGACY_TABLE`): keyed by the normalised username, with a keys-only index on the normalised
 * e-mail address. The function writes only the attempt counter.
 *
 * @example
 * new dynamodb.Table(stack, 'LegacyUsers', { partitionKey: { name: LEGACY_USERS_TABLE.partitionKey, type: dynamodb.AttributeType.STRING } });
 */
export const LEGACY_USERS_TABLE = {
  partitionKey: 'userKey',
  emailIndexKey: 'emailKey',
  defaultEmailIndex: 'email-index',
  writableAttributes: ['userKey', 'failedAttempts', 'lockedUntil'],
} as const;

/**
 * Gives user-migration's role its legacy store and nothing more. For the table store (the
 * default) it creates the `LEGACY_TABLE_NAME` table (on-demand, point-in-time recovery, kept when
 * the stack is deleted: it holds password hashes, which the migration guide deletes on purpose
 * once done) and lets the role `GetItem` it, `Query` its e-mail index and `UpdateItem` only the
 * attempt counter, returning nothing: no `Scan`, no `PutItem`, no `DeleteItem` (the import runs
 * with the operator's credentials, not the function's). For the HTTP store it lets the role read
 * the one secret `LEGACY_VERIFY_SECRET_ARN` names, if any. Returns the table when it made one.
 *
 * @example
 * const table = grantLegacyUserStore(this, this.role, props.settings);
 */
export function grantLegacyUserStore(
  stack: Stack,
  role: iam.IRole,
  settings: TriggerSettings,
): dynamodb.Table | undefined {
  const environment = settings.environment;
  if ((environment.LEGACY_STORE ?? 'dynamodb').toLowerCase() === 'http') {
    const secretArn = environment.LEGACY_VERIFY_SECRET_ARN;
    if (secretArn) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn] }),
      );
    }
    return undefined;
  }
  const tableName = environment.LEGACY_TABLE_NAME;
  if (!tableName)
    throw new Error('user-migration keeps its legacy users in a table: its settings need LEGACY_TABLE_NAME');
  const indexName = environment.LEGACY_EMAIL_INDEX ?? LEGACY_USERS_TABLE.defaultEmailIndex;
  const table = new dynamodb.Table(stack, 'LegacyUsers', {
    tableName,
    partitionKey: { name: LEGACY_USERS_TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  table.addGlobalSecondaryIndex({
    indexName,
    partitionKey: { name: LEGACY_USERS_TABLE.emailIndexKey, type: dynamodb.AttributeType.STRING },
    projectionType: dynamodb.ProjectionType.KEYS_ONLY,
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [table.tableArn] }));
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${table.tableArn}/index/${indexName}`] }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['dynamodb:UpdateItem'],
      resources: [table.tableArn],
      conditions: {
        'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...LEGACY_USERS_TABLE.writableAttributes] },
        StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
      },
    }),
  );
  return table;
}
