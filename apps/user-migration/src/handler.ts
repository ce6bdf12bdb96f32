import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  defineTrigger,
  userMigration,
  UserFacingError,
  type TriggerTools,
  type UserMigrationEvent,
} from '@cognito-triggers/trigger-core';
import { readConfig, type UserMigrationConfig } from './config';
import { decideMigration, NOT_MIGRATED_MESSAGE, requestProblem, summariseAnswer } from './decide';
import { LegacyDataError } from './errors';
import { dynamoDbStore } from './stores/dynamodb-store';
import { endpointToken } from './stores/endpoint-token';
import { httpStore } from './stores/http-store';
import type { LegacyStore, StoreAnswer } from './stores/legacy-store';

export { NOT_MIGRATED_MESSAGE } from './decide';

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

function refuse(annotate: TriggerTools<UserMigrationConfig>['annotate'], reason: string): never {
  annotate({ migrated: false, reason });
  throw new UserFacingError(NOT_MIGRATED_MESSAGE);
}

/**
 * Migrates the user of one UserMigration event from the legacy store ({@link decideMigration}
 * decides on its answer), or refuses with {@link NOT_MIGRATED_MESSAGE}. Everything it learns goes
 * on the summary line as non-personal fields (`store`, `found`, `lookupBy`, `verified`,
 * `hashScheme`, `failedAttempts`, `migrated`, and `reason` when not migrated); a data problem is
 * thrown as a `LegacyDataError` and an outage as the store's error, both with their `reason`, for
 * the wrapper to fail closed.
 *
 * @example
 * defineTrigger(userMigration, { service: 'user-migration', config: readConfig }, migrateUser);
 */
async function migrateUser(
  event: UserMigrationEvent,
  { config, signal, annotate }: TriggerTools<UserMigrationConfig>,
): Promise<UserMigrationEvent> {
  const store = storeFor(config);
  annotate({ store: store.kind });
  const problem = requestProblem(event);
  if (problem !== undefined) refuse(annotate, problem);

  let answer: StoreAnswer;
  try {
    if (event.triggerSource === 'UserMigration_Authentication') {
      answer = await store.authenticate(event.userName, event.request.password, signal);
      annotate({ verified: answer.outcome === 'found' });
    } else {
      answer = await store.lookup(event.userName, signal);
    }
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    annotate({ migrated: false, reason: error instanceof LegacyDataError ? error.code : 'store-unavailable' });
    throw error;
  }
  annotate(summariseAnswer(answer));
  const decision = decideMigration(event, answer, config);
  if (decision.action === 'refuse') refuse(annotate, decision.reason);
  annotate({ migrated: true, attributeNames: Object.keys(decision.response.userAttributes).sort() });
  return { ...event, response: decision.response };
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
export const handler = defineTrigger(userMigration, { service: 'user-migration', config: readConfig }, migrateUser);
