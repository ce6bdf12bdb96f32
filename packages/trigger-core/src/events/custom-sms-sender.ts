import { eventShape, responseShape, type StringMap } from '../shape';
import { optionalClientMetadata, parseBase, type BaseEvent, type TriggerFamily } from './common';

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
 * @example
 * export const handler = defineTrigger(customSmsSender, { service: 'custom-sms-sender' }, async (event, { signal }) => {
 *   await sns.send(smsTo(event.request.userAttributes.phone_number, await decrypt(event.request.code)), { abortSignal: signal });
 *   return event;
 * });
 */
export const customSmsSender: TriggerFamily<CustomSMSSenderEvent> = {
  name: 'CustomSMSSender',
  sources: CUSTOM_SMS_SENDER_SOURCES,
  failurePolicy: 'rethrow',
  parseEvent(input) {
    const { base, request } = parseBase(input, CUSTOM_SMS_SENDER_SOURCES);
    return {
      ...base,
      request: {
        type: eventShape.oneOf(request.type, [CUSTOM_SMS_SENDER_REQUEST_TYPE], 'request.type'),
        code: eventShape.string(request.code, 'request.code'),
        userAttributes: eventShape.stringMap(request.userAttributes, 'request.userAttributes'),
        ...optionalClientMetadata(request.clientMetadata),
      },
      response: {},
    };
  },
  checkResult(_event, result) {
    // Cognito ignores what a sender returns. Failing here would only make Lambda retry and send
    // the message a second time, so anything object-ish passes.
    responseShape.object(result, 'result');
    return result as CustomSMSSenderEvent;
  },
};
