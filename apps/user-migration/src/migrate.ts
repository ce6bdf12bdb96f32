import {
  UserFacingError,
  type LogFields,
  type UserMigrationEvent,
  type UserMigrationResponse,
} from '@cognito-triggers/trigger-core';
import { cognitoAttributes } from './attribute-map';
import type { UserMigrationConfig } from './config';
import { LegacyDataError } from './errors';
import { loginProblem, type LegacyUser } from './legacy-user';
import type { LegacyStore, StoreAnswer } from './stores/legacy-store';

/**
 * What every refused migration tells the user, whatever the reason: the words Cognito itself uses
 * for a wrong password, so an unknown user, a wrong password and a locked account look alike.
 *
 * @example
 * await expect(handler(event, context)).rejects.toThrow(NOT_MIGRATED_MESSAGE);
 */
export const NOT_MIGRATED_MESSAGE = 'Incorrect username or password.';

/** Cognito's own password limit is 256 characters: a longer one never came through its API. */
const MAX_PASSWORD_LENGTH = 1_024;

/**
 * What one invocation needs besides its event.
 *
 * @example
 * await migrateUser(event, { store, config, signal, annotate });
 */
export interface MigrationTools {
  readonly store: LegacyStore;
  readonly config: UserMigrationConfig;
  readonly signal: AbortSignal;
  /** Adds fields to the invocation's summary line. */
  readonly annotate: (fields: LogFields) => void;
}

/**
 * The answer that makes Cognito create a found user: the mapped attributes, `messageAction:
 * SUPPRESS` (they have an account already: no welcome message), and on sign-in `finalUserStatus:
 * CONFIRMED` with the password they just typed. On a forgotten password Cognito chooses the status
 * itself and sends the reset code.
 *
 * @example
 * event.response = migratedResponse(user, event.triggerSource, config);
 */
export function migratedResponse(
  user: LegacyUser,
  source: UserMigrationEvent['triggerSource'],
  config: Pick<UserMigrationConfig, 'attributeMap'>,
): UserMigrationResponse {
  return {
    userAttributes: cognitoAttributes(user, config.attributeMap),
    ...(source === 'UserMigration_Authentication' ? { finalUserStatus: 'CONFIRMED' as const } : {}),
    messageAction: 'SUPPRESS',
  };
}

function refuse(annotate: MigrationTools['annotate'], reason: string): never {
  annotate({ migrated: false, reason });
  throw new UserFacingError(NOT_MIGRATED_MESSAGE);
}

/** The answer's non-personal fields, for the summary line: everything but the user. */
function summarise(answer: StoreAnswer): LogFields {
  if (answer.outcome === 'found') {
    const { outcome: _outcome, user: _user, ...fields } = answer;
    return fields;
  }
  const { outcome: _outcome, reason: _reason, ...fields } = answer;
  return fields;
}

/**
 * Migrates the user of one UserMigration event from the legacy store, or refuses with
 * {@link NOT_MIGRATED_MESSAGE}. Everything it learns goes on the summary line as non-personal
 * fields (`store`, `found`, `lookupBy`, `verified`, `hashScheme`, `failedAttempts`, `migrated`,
 * and `reason` when not migrated); a data problem is thrown as a `LegacyDataError` and an outage
 * as the store's error, both with their `reason`, for the wrapper to fail closed.
 *
 * @example
 * export const handler = defineTrigger(userMigration, { service: 'user-migration', config: readConfig },
 *   (event, { config, signal, annotate }) => migrateUser(event, { store: storeFor(config), config, signal, annotate }));
 */
export async function migrateUser(event: UserMigrationEvent, tools: MigrationTools): Promise<UserMigrationEvent> {
  const { store, annotate } = tools;
  annotate({ store: store.kind });
  if (loginProblem(event.userName) !== undefined) refuse(annotate, 'username-invalid');

  let answer: StoreAnswer;
  try {
    if (event.triggerSource === 'UserMigration_Authentication') {
      const { password } = event.request;
      if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) refuse(annotate, 'password-invalid');
      answer = await store.authenticate(event.userName, password, tools.signal);
      annotate({ verified: answer.outcome === 'found' });
    } else {
      answer = await store.lookup(event.userName, tools.signal);
    }
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    annotate({ migrated: false, reason: error instanceof LegacyDataError ? error.code : 'store-unavailable' });
    throw error;
  }
  annotate(summarise(answer));
  if (answer.outcome === 'rejected') refuse(annotate, answer.reason);

  // Cognito can send a reset code only to a verified address: creating the user without one would
  // strand them in the pool, where this trigger no longer runs for them.
  if (event.triggerSource === 'UserMigration_ForgotPassword' && !(answer.user.email && answer.user.emailVerified)) {
    refuse(annotate, 'no-verified-email');
  }
  const response = migratedResponse(answer.user, event.triggerSource, tools.config);
  annotate({ migrated: true, attributeNames: Object.keys(response.userAttributes).sort() });
  return { ...event, response };
}
