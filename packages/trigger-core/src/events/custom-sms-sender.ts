import { defineFamily } from '../authoring/define-family';
import { read } from '../authoring/fields';
import type { BaseEvent } from '../family';
import type { StringMap } from './values';

/**
 * The sources of the CustomSMSSender family.
 *
 * @example
 * const senderSources = new Set<string>(CUSTOM_SMS_SENDER_SOURCES);
 */
export const CUSTOM_SMS_SENDER_SOURCES = [
  'CustomSMSSender_SignUp',
  'CustomSMSSender_ResendCode',
  'CustomSMSSender_ForgotPassword',
  'CustomSMSSender_UpdateUserAttribute',
  'CustomSMSSender_VerifyUserAttribute',
  'CustomSMSSender_AdminCreateUser',
  'CustomSMSSender_Authentication',
] as const;

/**
 * The request type Cognito sends to a custom SMS sender.
 *
 * @example
 * event.request.type === CUSTOM_SMS_SENDER_REQUEST_TYPE; // always, after parsing
 */
export const CUSTOM_SMS_SENDER_REQUEST_TYPE = 'customSMSSenderRequestV1';

type Source = (typeof CUSTOM_SMS_SENDER_SOURCES)[number];

/**
 * A CustomSMSSender event of one source. `request.code` is the code encrypted with the pool's KMS
 * key; decrypt it with the AWS Encryption SDK.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-sms-sender.html
 * @example
 * const event: CustomSMSSenderEventOf<'CustomSMSSender_Authentication'> = triggerEvent('CustomSMSSender_Authentication');
 */
export type CustomSMSSenderEventOf<TSource extends Source> = BaseEvent<TSource> & {
  request: {
    type: typeof CUSTOM_SMS_SENDER_REQUEST_TYPE;
    code: string;
    userAttributes: StringMap;
    clientMetadata?: StringMap;
  };
  response: object;
};

/**
 * A CustomSMSSender event, discriminated on `triggerSource`.
 *
 * @example
 * await sns.send(smsTo(event.request.userAttributes.phone_number, await decrypt(event.request.code)));
 */
export type CustomSMSSenderEvent = { [S in Source]: CustomSMSSenderEventOf<S> }[Source];

/**
 * The CustomSMSSender family: Cognito hands every text message to this function instead of sending
 * it, with the code encrypted. Rethrows on failure: Lambda then retries the asynchronous
 * invocation, because a code that was never delivered locks the user out.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-sms-sender.html
 * @example
 * export const handler = defineTrigger(customSmsSender, { service: 'custom-sms-sender' }, async (event, { signal }) => {
 *   await sns.send(smsTo(event.request.userAttributes.phone_number, await decrypt(event.request.code)), { abortSignal: signal });
 *   return event;
 * });
 */
export const customSmsSender = defineFamily<CustomSMSSenderEvent>({
  name: 'CustomSMSSender',
  sources: CUSTOM_SMS_SENDER_SOURCES,
  slot: 'CustomSMSSender',
  versions: ['1'],
  failurePolicy: 'rethrow',
  deployment: {
    deployable: false,
    reason:
      'no app here sends SMS yet: the sender key stack and the pool wiring serve the custom e-mail sender, and the CDK user-pool stack configures no SMS delivery (an SNS role or an origination identity) nor SMS MFA',
  },
  request: {
    type: read.oneOf([CUSTOM_SMS_SENDER_REQUEST_TYPE]),
    code: read.string,
    userAttributes: read.attributes,
    clientMetadata: read.optional(read.attributes),
  },
  response: {},
  result: 'any-object',
});
