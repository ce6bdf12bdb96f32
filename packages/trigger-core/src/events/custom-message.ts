import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { eventShape, responseShape } from '../shape';
import { characterCount, optionalEntry } from './checks';
import { checkResultBase, optionalClientMetadata, parseBase, type TriggerFamily } from './common';

export { characterCount };

/**
 * The sources of the CustomMessage family.
 *
 * @example
 * const messageSources = new Set<string>(CUSTOM_MESSAGE_SOURCES);
 */
export const CUSTOM_MESSAGE_SOURCES = [
  'CustomMessage_SignUp',
  'CustomMessage_AdminCreateUser',
  'CustomMessage_ResendCode',
  'CustomMessage_ForgotPassword',
  'CustomMessage_UpdateUserAttribute',
  'CustomMessage_VerifyUserAttribute',
  'CustomMessage_Authentication',
] as const;

/**
 * The longest message texts Cognito accepts, in characters (the limits of its message templates:
 * `EmailMessage` up to 20,000, `EmailSubject` and `SMSMessage` up to 140).
 *
 * @example
 * if (characterCount(text) > CUSTOM_MESSAGE_LIMITS.smsMessage) text = shortVersion;
 */
export const CUSTOM_MESSAGE_LIMITS = {
  emailMessage: 20_000,
  emailSubject: 140,
  smsMessage: 140,
} as const;

/**
 * A CustomMessage event, discriminated on `triggerSource`; `@types/aws-lambda`'s event with
 * `request.linkParameter` optional, because Cognito sends it only where a message can carry a
 * verification link. After parsing, the three response texts are always set (missing ones become
 * `null`, which keeps Cognito's own text).
 *
 * @example
 * event.response.emailSubject = 'Your verification code';
 * event.response.emailMessage = `Your code is ${event.request.codeParameter}`;
 */
export type CustomMessageEvent = WithOptionalLinkParameter<CustomMessageTriggerEvent>;

/** Makes `request.linkParameter` optional in each member of the union. */
type WithOptionalLinkParameter<E> = E extends { request: { linkParameter: string } }
  ? Omit<E, 'request'> & { request: Omit<E['request'], 'linkParameter'> & { linkParameter?: string } }
  : never;

/** The sources whose e-mail can confirm the address by link rather than by code. */
const LINK_SOURCES: ReadonlySet<string> = new Set(['CustomMessage_SignUp', 'CustomMessage_ResendCode']);

/** The message texts a handler sets, in the order they are checked. */
const MESSAGE_FIELDS = ['smsMessage', 'emailMessage'] as const;

/**
 * The CustomMessage family: fires before Cognito sends a verification, invitation, reset or MFA
 * message, so the handler can write its own text. Fails open: on failure Cognito sends its default
 * message rather than none.
 *
 * @example
 * export const handler = defineTrigger(customMessage, { service: 'custom-message' }, async (event) => {
 *   event.response.smsMessage = `Your code: ${event.request.codeParameter}`;
 *   return event;
 * });
 */
export const customMessage: TriggerFamily<CustomMessageEvent> = {
  name: 'CustomMessage',
  sources: CUSTOM_MESSAGE_SOURCES,
  failurePolicy: 'return-event',
  parseEvent(input) {
    const { base, request, response } = parseBase(input, CUSTOM_MESSAGE_SOURCES);
    return {
      ...base,
      request: {
        userAttributes: eventShape.stringMap(request.userAttributes, 'request.userAttributes'),
        codeParameter: eventShape.string(request.codeParameter, 'request.codeParameter'),
        usernameParameter: eventShape.optionalString(request.usernameParameter, 'request.usernameParameter') ?? null,
        ...optionalEntry('linkParameter', eventShape.optionalString(request.linkParameter, 'request.linkParameter')),
        ...optionalClientMetadata(request.clientMetadata),
      },
      // A new object: on failure the wrapper returns the raw event, which must still hold
      // Cognito's nulls rather than a half-written message.
      response: {
        smsMessage: eventShape.optionalString(response.smsMessage, 'response.smsMessage') ?? null,
        emailMessage: eventShape.optionalString(response.emailMessage, 'response.emailMessage') ?? null,
        emailSubject: eventShape.optionalString(response.emailSubject, 'response.emailSubject') ?? null,
      },
    };
  },
  checkResult(event, result) {
    const response = checkResultBase(event, result);
    const { codeParameter, usernameParameter, linkParameter } = event.request;
    for (const field of MESSAGE_FIELDS) {
      const path = `response.${field}`;
      const text = responseShape.optionalString(response[field], path);
      if (text === undefined) continue;
      if (characterCount(text) > CUSTOM_MESSAGE_LIMITS[field]) {
        responseShape.fail(path, `must be at most ${CUSTOM_MESSAGE_LIMITS[field]} characters`);
      }
      // Without the placeholder Cognito has nowhere to put the code, and the user gets a message
      // they cannot act on. A sign-up e-mail may carry the verification link instead (pools that
      // verify by link). The messages name the placeholder, never its value: errors are logged.
      const hasLink =
        field === 'emailMessage' &&
        LINK_SOURCES.has(event.triggerSource) &&
        linkParameter !== undefined &&
        text.includes(linkParameter);
      if (!text.includes(codeParameter) && !hasLink) {
        responseShape.fail(path, 'must contain request.codeParameter');
      }
      // An invited user needs both their username and their temporary password.
      if (event.triggerSource === 'CustomMessage_AdminCreateUser' && usernameParameter && !text.includes(usernameParameter)) {
        responseShape.fail(path, 'must contain request.usernameParameter');
      }
    }
    const subject = responseShape.optionalString(response.emailSubject, 'response.emailSubject');
    if (subject !== undefined && characterCount(subject) > CUSTOM_MESSAGE_LIMITS.emailSubject) {
      responseShape.fail('response.emailSubject', `must be at most ${CUSTOM_MESSAGE_LIMITS.emailSubject} characters`);
    }
    return result as CustomMessageEvent;
  },
};
