import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { defineTrigger, userMigration } from '@cognito-triggers/trigger-core';
import { readConfig, type UserMigrationConfig } from './config';
import { migrateUser } from './migrate';
import { dynamoDbStore } from './stores/dynamodb-store';
import { endpointToken } from './stores/endpoint-token';
import { httpStore } from './stores/http-store';
import type { LegacyStore } from './stores/legacy-store';

export { NOT_MIGRATED_MESSAGE } from './migrate';

// AWS clients are made once per instance, on the first invocation (the configuration is only
// known then). Region and endpoints come from the SDK's standard settings (AWS_REGION,
// AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SECRETS_MANAGER), so the same bundle talks to AWS or
// to an emulator; the invocation's signal cancels every call at the deadline.
const CLIENT_OPTIONS = { maxAttempts: 2, requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 } };
let store: LegacyStore | undefined;

function storeFor(config: UserMigrationConfig): LegacyStore {
  if (store) return store;
  const { store: where, lookupBy, lockout } = config;
  if (where.kind === 'dynamodb') {
    const client = new DynamoDBClient(CLIENT_OPTIONS);
    store = dynamoDbStore({
      client,
      tableName: where.tableName,
      emailIndexName: where.emailIndexName,
      lookupBy,
      lockout,
    });
  } else {
    const token = where.secretArn
      ? endpointToken(new SecretsManagerClient(CLIENT_OPTIONS), where.secretArn)
      : undefined;
    store = httpStore({ url: where.url, timeoutMs: where.timeoutMs, ...(token ? { token } : {}) });
  }
  return store;
}

/**
 * The user-migration Lambda handler, a Cognito UserMigration trigger: when a user who is not in
 * the pool signs in (`UserMigration_Authentication`) it finds them in the legacy store, checks the
 * password they typed against the stored hash (or asks the legacy endpoint to), and lets Cognito
 * create them, confirmed and without a welcome message; on a forgotten password
 * (`UserMigration_ForgotPassword`) it finds them so that Cognito can send the reset code. An unknown
 * user, a wrong password and a locked account all get "Incorrect username or password."; a store
 * that is down, a record it cannot read, a bad configuration or the deadline fail closed.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler, environment LEGACY_TABLE_NAME=legacy-users
 */
export const handler = defineTrigger(
  userMigration,
  { service: 'user-migration', config: readConfig },
  (event, { config, signal, annotate }) => migrateUser(event, { store: storeFor(config), config, signal, annotate }),
);
