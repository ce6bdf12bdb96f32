import { defineFamily } from '../authoring/define-family';
import { isSource, read, reply } from '../authoring/fields';
import type { BaseEvent } from '../family';
import type { StringMap } from './values';

/**
 * The sources of the UserMigration family.
 *
 * @example
 * USER_MIGRATION_SOURCES.includes(event.triggerSource);
 */
export const USER_MIGRATION_SOURCES = ['UserMigration_Authentication', 'UserMigration_ForgotPassword'] as const;

/**
 * The statuses a migrated user can be given; Cognito refuses the others `@types/aws-lambda` allows.
 *
 * @example
 * event.response.finalUserStatus = user.mustChangePassword ? 'RESET_REQUIRED' : 'CONFIRMED';
 */
export const USER_MIGRATION_FINAL_STATUSES = ['CONFIRMED', 'RESET_REQUIRED'] as const;

/**
 * What Cognito does with the welcome message of a migrated user.
 *
 * @example
 * event.response.messageAction = 'SUPPRESS'; // migrate silently
 */
export const USER_MIGRATION_MESSAGE_ACTIONS = ['SUPPRESS', 'RESEND'] as const;

/**
 * Where Cognito sends a migrated user's welcome message.
 *
 * @example
 * event.response.desiredDeliveryMediums = ['EMAIL'];
 */
export const USER_MIGRATION_DELIVERY_MEDIUMS = ['SMS', 'EMAIL'] as const;

/**
 * What a UserMigration handler returns: the user's attributes in the new pool and how Cognito
 * creates them.
 *
 * @example
 * event.response = { userAttributes: { email, email_verified: 'true' }, finalUserStatus: 'CONFIRMED', messageAction: 'SUPPRESS' };
 */
export interface UserMigrationResponse {
  userAttributes: StringMap;
  finalUserStatus?: (typeof USER_MIGRATION_FINAL_STATUSES)[number];
  messageAction?: (typeof USER_MIGRATION_MESSAGE_ACTIONS)[number];
  desiredDeliveryMediums?: (typeof USER_MIGRATION_DELIVERY_MEDIUMS)[number][];
  forceAliasCreation?: boolean;
  enableSMSMFA?: boolean;
}

/**
 * A UserMigration event of one source. Only a sign-in carries the password the user typed; a
 * forgotten-password request has none to check.
 *
 * @example
 * const event: UserMigrationEventOf<'UserMigration_ForgotPassword'> = triggerEvent('UserMigration_ForgotPassword');
 */
export type UserMigrationEventOf<TSource extends (typeof USER_MIGRATION_SOURCES)[number]> = BaseEvent<TSource> & {
  request: (TSource extends 'UserMigration_Authentication' ? { password: string } : unknown) & {
    validationData?: StringMap;
    clientMetadata?: StringMap;
  };
  response: UserMigrationResponse;
};

/**
 * A UserMigration event, discriminated on `triggerSource`. After parsing, `response.userAttributes`
 * is always set (missing becomes `{}`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 * @example
 * if (event.triggerSource === 'UserMigration_Authentication') await legacy.verify(event.userName, event.request.password);
 */
export type UserMigrationEvent =
  UserMigrationEventOf<'UserMigration_Authentication'> | UserMigrationEventOf<'UserMigration_ForgotPassword'>;

/**
 * The UserMigration family: fires when a user who is not in the pool signs in or asks to reset
 * their password, so the handler can look them up in the old user store and let Cognito create
 * them. Fails closed: a lookup that broke must not create a user.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 * @example
 * export const handler = defineTrigger(userMigration, { service: 'user-migration' }, async (event) => {
 *   const user = await legacy.find(event.userName);
 *   if (!user) throw new UserFacingError('Incorrect username or password.');
 *   event.response.userAttributes = { email: user.email, email_verified: 'true' };
 *   return event;
 * });
 */
export const userMigration = defineFamily<UserMigrationEvent>({
  name: 'UserMigration',
  sources: USER_MIGRATION_SOURCES,
  slot: 'UserMigration',
  versions: ['1'],
  failurePolicy: 'reject',
  deployment: { deployable: true },
  request: {
    // Only a sign-in carries the password the user typed.
    password: read.when(isSource('UserMigration_Authentication'), read.string),
    validationData: read.optional(read.attributes),
    clientMetadata: read.optional(read.attributes),
  },
  response: {
    userAttributes: reply.attributes,
    finalUserStatus: reply.optionalOneOf(USER_MIGRATION_FINAL_STATUSES),
    messageAction: reply.optionalOneOf(USER_MIGRATION_MESSAGE_ACTIONS),
    desiredDeliveryMediums: reply.optionalListOf(USER_MIGRATION_DELIVERY_MEDIUMS),
    forceAliasCreation: reply.optionalBoolean,
    enableSMSMFA: reply.optionalBoolean,
  },
});
