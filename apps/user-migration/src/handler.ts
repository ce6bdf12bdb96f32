import {
  defineTrigger,
  UserFacingError,
  userMigration,
  type UserMigrationEvent,
  type UserMigrationResponse,
} from '@cognito-triggers/trigger-core';
import { readConfig } from './config';

/** What a user the old store does not know (or whose password is wrong) is told: it does not reveal which. */
export const NOT_MIGRATED_MESSAGE = 'Incorrect username or password.';

/**
 * A user found in the old user store: what Cognito needs to create them.
 *
 * @example
 * const user: LegacyUser = { email: 'jane@example.com', emailVerified: true };
 */
export interface LegacyUser {
  email: string;
  emailVerified: boolean;
}

/**
 * Looks the user up in the old user store; on a sign-in (`UserMigration_Authentication`) it must
 * also check `event.request.password` there. `undefined` when not found or the password is wrong.
 *
 * TODO: the team's lookup. Until it is written it finds nobody, so nobody is migrated (fail safe).
 *
 * @example
 * const user = await findLegacyUser(event);
 */
export function findLegacyUser(_event: UserMigrationEvent): Promise<LegacyUser | undefined> {
  return Promise.resolve(undefined);
}

/**
 * The response that makes Cognito create a found user: confirmed, attributes copied, no welcome message.
 *
 * @example
 * event.response = migratedResponse({ email: 'jane@example.com', emailVerified: true });
 */
export function migratedResponse(user: LegacyUser): UserMigrationResponse {
  return {
    userAttributes: { email: user.email, email_verified: user.emailVerified ? 'true' : 'false' },
    finalUserStatus: 'CONFIRMED',
    messageAction: 'SUPPRESS',
  };
}

/**
 * The user-migration Lambda handler, a Cognito UserMigration trigger: it runs when a user who is not in
 * the pool signs in or asks to reset their password, so that Cognito can create them from the old
 * user store. Until the team's lookup is written it migrates nobody: every request is refused with
 * "{@link NOT_MIGRATED_MESSAGE}". It fails closed: on an unexpected error, a bad configuration or a
 * missed deadline nobody is created.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler, code dist/user-migration.zip
 */
export const handler = defineTrigger(
  userMigration,
  { service: 'user-migration', config: readConfig },
  async (event) => {
    // TODO(user-migration): write findLegacyUser (above); pass `signal` (second argument) to its I/O so that it stops at
    // the deadline, and adapt migratedResponse (finalUserStatus 'RESET_REQUIRED' to force a new password).
    // Never log event.userName or the password.
    const user = await findLegacyUser(event);
    if (!user) throw new UserFacingError(NOT_MIGRATED_MESSAGE);
    event.response = migratedResponse(user);
    return event;
  },
);
