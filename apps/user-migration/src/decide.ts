import type { LogFields, UserMigrationEvent, UserMigrationResponse } from '@cognito-triggers/trigger-core';
import { cognitoAttributes } from './attribute-map';
import type { UserMigrationConfig } from './config';
import { loginProblem, type LegacyUser } from './legacy-user';
import type { StoreAnswer } from './stores/legacy-store';

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
 * Why an event is refused before the legacy store is asked, or `undefined` when it may be: a
 * username that cannot be a legacy login, or a sign-in password that is empty or too long.
 *
 * @example
 * requestProblem(event); // 'password-invalid' for an empty password
 */
export function requestProblem(event: UserMigrationEvent): 'username-invalid' | 'password-invalid' | undefined {
  if (loginProblem(event.userName) !== undefined) return 'username-invalid';
  if (event.triggerSource === 'UserMigration_Authentication') {
    const { password } = event.request;
    if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return 'password-invalid';
  }
  return undefined;
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

/**
 * What to do with the store's answer: migrate the user with {@link migratedResponse}, or refuse,
 * with the reason for the summary line.
 *
 * @example
 * const decision = decideMigration(event, answer, config);
 * if (decision.action === 'refuse') throw new UserFacingError(NOT_MIGRATED_MESSAGE);
 */
export type MigrationDecision =
  | { readonly action: 'migrate'; readonly response: UserMigrationResponse }
  | { readonly action: 'refuse'; readonly reason: string };

/**
 * Decides one migration from the legacy store's answer. A rejected lookup is refused with its
 * reason; so is a forgotten password of a user without a verified address, since Cognito can send
 * a reset code only to a verified one and would strand them in the pool, where this trigger no
 * longer runs for them.
 *
 * @example
 * decideMigration(event, { outcome: 'rejected', reason: 'user-not-found', found: false }, config);
 * // { action: 'refuse', reason: 'user-not-found' }
 */
export function decideMigration(
  event: UserMigrationEvent,
  answer: StoreAnswer,
  config: Pick<UserMigrationConfig, 'attributeMap'>,
): MigrationDecision {
  if (answer.outcome === 'rejected') return { action: 'refuse', reason: answer.reason };
  if (event.triggerSource === 'UserMigration_ForgotPassword' && !(answer.user.email && answer.user.emailVerified)) {
    return { action: 'refuse', reason: 'no-verified-email' };
  }
  return { action: 'migrate', response: migratedResponse(answer.user, event.triggerSource, config) };
}

/**
 * The answer's non-personal fields, for the summary line: everything but the user (and the reason,
 * which the refusal logs itself).
 *
 * @example
 * annotate(summariseAnswer(answer)); // e.g. { found: true, lookupBy: 'username', hashScheme: … }
 */
export function summariseAnswer(answer: StoreAnswer): LogFields {
  if (answer.outcome === 'found') {
    const { outcome: _outcome, user: _user, ...fields } = answer;
    return fields;
  }
  const { outcome: _outcome, reason: _reason, ...fields } = answer;
  return fields;
}
