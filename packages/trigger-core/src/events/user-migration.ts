import { eventShape, responseShape, type StringMap } from '../shape';
import { checkStringMap, copyOptionalStringArray, optionalEntry, optionalStringMapEntry } from './checks';
import { checkResultBase, optionalClientMetadata, parseBase, type BaseEvent, type TriggerFamily } from './common';

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
 * @example
 * if (event.triggerSource === 'UserMigration_Authentication') await legacy.verify(event.userName, event.request.password);
 */
export type UserMigrationEvent =
  UserMigrationEventOf<'UserMigration_Authentication'> | UserMigrationEventOf<'UserMigration_ForgotPassword'>;

function parseResponse(response: Record<string, unknown>): UserMigrationResponse {
  return {
    userAttributes: eventShape.optionalStringMap(response.userAttributes, 'response.userAttributes') ?? {},
    ...optionalEntry(
      'finalUserStatus',
      response.finalUserStatus == null
        ? undefined
        : eventShape.oneOf(response.finalUserStatus, USER_MIGRATION_FINAL_STATUSES, 'response.finalUserStatus'),
    ),
    ...optionalEntry(
      'messageAction',
      response.messageAction == null
        ? undefined
        : eventShape.oneOf(response.messageAction, USER_MIGRATION_MESSAGE_ACTIONS, 'response.messageAction'),
    ),
    ...optionalEntry(
      'desiredDeliveryMediums',
      copyOptionalStringArray(eventShape, response.desiredDeliveryMediums, 'response.desiredDeliveryMediums')?.map(
        (medium, index) =>
          eventShape.oneOf(medium, USER_MIGRATION_DELIVERY_MEDIUMS, `response.desiredDeliveryMediums[${index}]`),
      ),
    ),
    ...optionalEntry(
      'forceAliasCreation',
      eventShape.optionalBoolean(response.forceAliasCreation, 'response.forceAliasCreation'),
    ),
    ...optionalEntry('enableSMSMFA', eventShape.optionalBoolean(response.enableSMSMFA, 'response.enableSMSMFA')),
  };
}

/**
 * The UserMigration family: fires when a user who is not in the pool signs in or asks to reset
 * their password, so the handler can look them up in the old user store and let Cognito create
 * them. Fails closed: a lookup that broke must not create a user.
 *
 * @example
 * export const handler = defineTrigger(userMigration, { service: 'user-migration' }, async (event) => {
 *   const user = await legacy.find(event.userName);
 *   if (!user) throw new UserFacingError('Incorrect username or password.');
 *   event.response.userAttributes = { email: user.email, email_verified: 'true' };
 *   return event;
 * });
 */
export const userMigration: TriggerFamily<UserMigrationEvent> = {
  name: 'UserMigration',
  sources: USER_MIGRATION_SOURCES,
  failurePolicy: 'reject',
  parseEvent(input) {
    const { base, request, response } = parseBase(input, USER_MIGRATION_SOURCES);
    const shared = {
      ...optionalStringMapEntry('validationData', request.validationData, 'request.validationData'),
      ...optionalClientMetadata(request.clientMetadata),
    };
    // A new response object, so nothing the handler sets can reach Cognito through the raw event.
    if (base.triggerSource === 'UserMigration_Authentication') {
      return {
        ...base,
        triggerSource: base.triggerSource,
        request: { password: eventShape.string(request.password, 'request.password'), ...shared },
        response: parseResponse(response),
      };
    }
    return { ...base, triggerSource: base.triggerSource, request: shared, response: parseResponse(response) };
  },
  checkResult(event, result) {
    const response = checkResultBase(event, result);
    checkStringMap(response.userAttributes, 'response.userAttributes');
    if (response.finalUserStatus != null) {
      responseShape.oneOf(response.finalUserStatus, USER_MIGRATION_FINAL_STATUSES, 'response.finalUserStatus');
    }
    if (response.messageAction != null) {
      responseShape.oneOf(response.messageAction, USER_MIGRATION_MESSAGE_ACTIONS, 'response.messageAction');
    }
    if (response.desiredDeliveryMediums != null) {
      responseShape
        .stringArray(response.desiredDeliveryMediums, 'response.desiredDeliveryMediums')
        .forEach((medium, index) =>
          responseShape.oneOf(medium, USER_MIGRATION_DELIVERY_MEDIUMS, `response.desiredDeliveryMediums[${index}]`),
        );
    }
    responseShape.optionalBoolean(response.forceAliasCreation, 'response.forceAliasCreation');
    responseShape.optionalBoolean(response.enableSMSMFA, 'response.enableSMSMFA');
    return result as UserMigrationEvent;
  },
};
