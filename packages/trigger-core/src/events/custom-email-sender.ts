import type { CustomEmailSender_AccountTakeOverNotification_UserAttributes } from 'aws-lambda';
import { eventShape } from '../authoring/checker';
import { defineFamily } from '../authoring/define-family';
import { isSource, read, type FieldReader } from '../authoring/fields';
import type { BaseEvent } from '../family';
import type { StringMap } from './values';

/**
 * The sources of the CustomEmailSender family.
 *
 * @example
 * const senderSources = new Set<string>(CUSTOM_EMAIL_SENDER_SOURCES);
 */
export const CUSTOM_EMAIL_SENDER_SOURCES = [
  'CustomEmailSender_SignUp',
  'CustomEmailSender_ResendCode',
  'CustomEmailSender_ForgotPassword',
  'CustomEmailSender_UpdateUserAttribute',
  'CustomEmailSender_VerifyUserAttribute',
  'CustomEmailSender_AdminCreateUser',
  'CustomEmailSender_AccountTakeOverNotification',
  'CustomEmailSender_Authentication',
] as const;

/**
 * The request type Cognito sends to a custom e-mail sender.
 *
 * @example
 * event.request.type === CUSTOM_EMAIL_SENDER_REQUEST_TYPE; // always, after parsing
 */
export const CUSTOM_EMAIL_SENDER_REQUEST_TYPE = 'customEmailSenderRequestV1';

/**
 * The actions threat protection reports in an account-takeover notification.
 *
 * @example
 * const blocked = event.request.userAttributes.ACCOUNT_TAKE_OVER_ACTION === ACCOUNT_TAKE_OVER_ACTIONS[0];
 */
export const ACCOUNT_TAKE_OVER_ACTIONS = ['BLOCK', 'NO_ACTION', 'MFA', 'MFA_IF_CONFIGURED', 'MFA_REQUIRED'] as const;

type Source = (typeof CUSTOM_EMAIL_SENDER_SOURCES)[number];
type CodeSource = Exclude<Source, 'CustomEmailSender_AccountTakeOverNotification'>;

/**
 * The details of an account-takeover notification, in place of user attributes. Each is optional
 * here because Cognito documents the set per risk configuration, and a notification missing one
 * must still be sent.
 *
 * @example
 * const where = [attributes.CITY, attributes.COUNTRY].filter(Boolean).join(', ');
 */
export type AccountTakeOverNotificationAttributes =
  Partial<CustomEmailSender_AccountTakeOverNotification_UserAttributes>;

/**
 * A CustomEmailSender event of one source. `request.code` is the code encrypted with the pool's
 * KMS key; decrypt it with the AWS Encryption SDK. An account-takeover notification carries no code.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-email-sender.html
 * @example
 * const event: CustomEmailSenderEventOf<'CustomEmailSender_SignUp'> = triggerEvent('CustomEmailSender_SignUp');
 */
export type CustomEmailSenderEventOf<TSource extends Source> = BaseEvent<TSource> & {
  request: {
    type: typeof CUSTOM_EMAIL_SENDER_REQUEST_TYPE;
    clientMetadata?: StringMap;
  } & (TSource extends CodeSource
    ? { code: string; userAttributes: StringMap }
    : { code: string | null; userAttributes: AccountTakeOverNotificationAttributes });
  response: object;
};

/**
 * A CustomEmailSender event, discriminated on `triggerSource`.
 *
 * @example
 * if (event.triggerSource !== 'CustomEmailSender_AccountTakeOverNotification') await sendCode(event.request.code);
 */
export type CustomEmailSenderEvent = { [S in Source]: CustomEmailSenderEventOf<S> }[Source];

/** An account-takeover notice's details; the action, when present, must be one Cognito reports. */
const takeOverAttributes: FieldReader<AccountTakeOverNotificationAttributes> = (value, path) => {
  const { ACCOUNT_TAKE_OVER_ACTION: action, ...rest } = eventShape.stringMap(value, path);
  if (action === undefined) return rest;
  return {
    ...rest,
    ACCOUNT_TAKE_OVER_ACTION: eventShape.oneOf(action, ACCOUNT_TAKE_OVER_ACTIONS, `${path}.ACCOUNT_TAKE_OVER_ACTION`),
  };
};

const isTakeOverNotice = isSource('CustomEmailSender_AccountTakeOverNotification');

/**
 * The CustomEmailSender family: Cognito hands every e-mail to this function instead of sending it,
 * with the code encrypted. Rethrows on failure: Lambda then retries the asynchronous invocation,
 * because a code that was never delivered locks the user out.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-email-sender.html
 * @example
 * export const handler = defineTrigger(customEmailSender, { service: 'custom-email-sender' }, async (event, { signal }) => {
 *   if (event.request.code !== null) await ses.send(codeEmail(await decrypt(event.request.code)), { abortSignal: signal });
 *   return event;
 * });
 */
export const customEmailSender = defineFamily<CustomEmailSenderEvent>({
  name: 'CustomEmailSender',
  sources: CUSTOM_EMAIL_SENDER_SOURCES,
  slot: 'CustomEmailSender',
  versions: ['1'],
  failurePolicy: 'rethrow',
  // tooling/infra's SenderKeyStack makes the KMS key; the pool stack sets KMSKeyID with the slot.
  deployment: { deployable: true },
  request: {
    type: read.oneOf([CUSTOM_EMAIL_SENDER_REQUEST_TYPE]),
    clientMetadata: read.optional(read.attributes),
    // An account-takeover notification has details of the attempt instead of a code.
    code: read.when(
      isTakeOverNotice,
      read.optional(read.string, () => null),
      read.string,
    ),
    userAttributes: read.when(isTakeOverNotice, takeOverAttributes, read.attributes),
  },
  response: {},
  result: 'any-object',
});
