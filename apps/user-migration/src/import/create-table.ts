import { CreateTableCommand, ResourceInUseException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LEGACY_TABLE } from '../stores/dynamodb-item';

/**
 * Creates the legacy users table as the CDK stack does (on-demand, keyed by `userKey`, with the
 * keys-only e-mail index), for a local emulator or a test. An existing table is left as it is.
 *
 * @example
 * await createLegacyUsersTable(new DynamoDBClient({ endpoint: dynalite.endpoint }), 'legacy-users');
 */
export async function createLegacyUsersTable(
  client: DynamoDBClient,
  tableName: string,
  emailIndexName: string = LEGACY_TABLE.defaultEmailIndex,
): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: LEGACY_TABLE.partitionKey, AttributeType: 'S' },
          { AttributeName: LEGACY_TABLE.emailIndexKey, AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: LEGACY_TABLE.partitionKey, KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: emailIndexName,
            KeySchema: [{ AttributeName: LEGACY_TABLE.emailIndexKey, KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
