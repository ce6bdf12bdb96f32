import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * The table name the local stack gives the apps that opt in to idempotency (`IDEMPOTENCY_TABLE`).
 *
 * @example
 * environment: { IDEMPOTENCY_TABLE: LOCAL_IDEMPOTENCY_TABLE, AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint }
 */
export const LOCAL_IDEMPOTENCY_TABLE = 'idempotency';

/**
 * A DynamoDB client for a local endpoint (dynalite), with the dummy credentials it accepts.
 *
 * @example
 * const client = localDynamoDbClient(dynalite.endpoint);
 */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * Creates the idempotency table trigger-core's `once` expects (partition key `id`, a string;
 * on-demand), as tooling/infra deploys it. dynalite has no TTL deletion: `once` treats an expired
 * record as absent anyway, as it must with DynamoDB's lazy TTL.
 *
 * @example
 * await createIdempotencyTable(dynalite.endpoint);
 */
export async function createIdempotencyTable(endpoint: string, tableName = LOCAL_IDEMPOTENCY_TABLE): Promise<string> {
  const client = localDynamoDbClient(endpoint);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    return tableName;
  } finally {
    client.destroy();
  }
}
