import { DynamoDBClient, GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { startDynalite, type Dynalite } from '@cognito-triggers/local-stack';
import { SAMPLE_SECRETS, SAMPLE_USER } from '@cognito-triggers/trigger-core/testing';
import bcrypt from 'bcryptjs';
import { createLegacyUsersTable } from '../../src/import/index';
import type { LegacyAccount } from '../../src/legacy-user';
import { accountItem } from '../../src/stores/dynamodb-item';

/**
 * A legacy account of the sample user, with a bcrypt hash (cost 4, fast) of the sample password,
 * which `triggerEvent('UserMigration_Authentication')` sends.
 *
 * @example
 * await table.put(await sampleAccount({ emailVerified: false }));
 */
export async function sampleAccount(overrides: Partial<LegacyAccount> = {}): Promise<LegacyAccount> {
  return {
    username: 'jdoe',
    email: SAMPLE_USER.email,
    emailVerified: true,
    attributes: { first_name: SAMPLE_USER.givenName, last_name: SAMPLE_USER.familyName, tenant: 'acme-42' },
    passwordHash: await bcrypt.hash(SAMPLE_SECRETS.password, 4),
    ...overrides,
  };
}

/**
 * A legacy users table on a dynalite of its own, as the trigger and the import use it.
 *
 * @example
 * const table = await startLegacyTable();
 * afterAll(() => table.stop());
 */
export interface LegacyTable {
  readonly dynalite: Dynalite;
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Writes an account as the import would, or a raw item. */
  put(account: LegacyAccount | Record<string, AttributeValue>): Promise<void>;
  /** The raw item under a key. */
  item(key: string): Promise<Record<string, AttributeValue> | undefined>;
  stop(): Promise<void>;
}

let tables = 0;

/**
 * Starts dynalite and creates a fresh legacy users table on it.
 *
 * @example
 * const table = await startLegacyTable();
 */
export async function startLegacyTable(): Promise<LegacyTable> {
  const dynalite = await startDynalite();
  const client = new DynamoDBClient({
    endpoint: dynalite.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  tables += 1;
  const tableName = `legacy-users-${tables}`;
  await createLegacyUsersTable(client, tableName);
  return {
    dynalite,
    client,
    tableName,
    async put(account) {
      const item =
        'passwordHash' in account && typeof account.passwordHash === 'string'
          ? accountItem(account as LegacyAccount)
          : (account as Record<string, AttributeValue>);
      await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
    },
    async item(key) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: { userKey: { S: key } }, ConsistentRead: true }),
      );
      return Item;
    },
    async stop() {
      client.destroy();
      await dynalite.stop();
    },
  };
}
