import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { deterministicZip } from '@cognito-triggers/build';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TriggerDefinition } from '@cognito-triggers/release/registry';
import { synthesize } from './fixture';

const USER_MIGRATION: TriggerDefinition = {
  name: 'user-migration',
  appDir: 'apps/user-migration',
  userPoolTrigger: 'userMigration',
  environment: {
    required: [],
    optional: [
      'LEGACY_STORE',
      'LEGACY_TABLE_NAME',
      'LEGACY_EMAIL_INDEX',
      'LEGACY_VERIFY_URL',
      'LEGACY_VERIFY_SECRET_ARN',
    ],
  },
  awsAccess: 'legacy-user-store',
  timeoutSeconds: 5,
  memoryMiB: 1769,
};
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy-verify-AbCdEf';

let tableStore: Awaited<ReturnType<typeof synthesize>>;
let httpStore: Awaited<ReturnType<typeof synthesize>>;
let table: Template;
let http: Template;

let codeDir: string;

beforeAll(async () => {
  codeDir = await mkdtemp(join(tmpdir(), 'infra-legacy-'));
  const codePath = join(codeDir, 'code.zip');
  await writeFile(
    codePath,
    deterministicZip({ 'index.mjs': new TextEncoder().encode('export const handler = async (e) => e;') }),
  );
  tableStore = await synthesize({
    triggers: [
      {
        trigger: USER_MIGRATION,
        settings: { environment: { LEGACY_TABLE_NAME: 'legacy-users' } },
        codePath,
        version: '0.1.0',
      },
    ],
  });
  httpStore = await synthesize({
    triggers: [
      {
        trigger: USER_MIGRATION,
        settings: {
          environment: {
            LEGACY_STORE: 'http',
            LEGACY_VERIFY_URL: 'https://legacy.acme.example/verify',
            LEGACY_VERIFY_SECRET_ARN: SECRET_ARN,
          },
        },
        codePath,
        version: '0.1.0',
      },
    ],
  });
  table = Template.fromStack(tableStore.stacks.triggerStacks[0]!);
  http = Template.fromStack(httpStore.stacks.triggerStacks[0]!);
});
afterAll(async () => {
  await rm(codeDir, { recursive: true, force: true });
  await tableStore?.remove();
  await httpStore?.remove();
});

/** The role's statements beyond writing its own logs. */
function storeStatements(template: Template): Record<string, unknown>[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
    Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } };
  }[];
  return policies
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
    .filter((statement) => !String(statement.Action).startsWith('logs:'));
}

describe('user-migration with the table store', () => {
  it('owns the legacy users table: on demand, recoverable, encrypted, kept when the stack goes, with a keys-only e-mail index', () => {
    table.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        TableName: 'legacy-users',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'userKey', KeyType: 'HASH' }],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'email-index',
            KeySchema: [{ AttributeName: 'emailKey', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      },
    });
  });

  it('lets the role read items, query the e-mail index and update the attempt counter only: no scan, put or delete', () => {
    const [tableId] = Object.keys(table.findResources('AWS::DynamoDB::Table'));
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    expect(storeStatements(table)).toEqual([
      { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: tableArn },
      { Effect: 'Allow', Action: 'dynamodb:Query', Resource: { 'Fn::Join': ['', [tableArn, '/index/email-index']] } },
      {
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Resource: tableArn,
        Condition: {
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['userKey', 'failedAttempts', 'lockedUntil'] },
          StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
        },
      },
    ]);
  });

  it('runs on a full vCPU (1769 MiB) with the 5 s timeout, told the table name', () => {
    table.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 1769,
      Timeout: 5,
      Environment: { Variables: Match.objectLike({ LEGACY_TABLE_NAME: 'legacy-users' }) },
    });
  });
});

describe('user-migration with the HTTP store', () => {
  it('creates no table and lets the role read the one endpoint secret, nothing else', () => {
    http.resourceCountIs('AWS::DynamoDB::Table', 0);
    expect(storeStatements(http)).toEqual([
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET_ARN },
    ]);
  });
});
