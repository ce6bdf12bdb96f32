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
 * The response fields of a CustomMessage event that hold message text.
 *
 * @example
 * const field: CustomMessageField = 'emailSubject';
 */
export type CustomMessageField = 'smsMessage' | 'emailMessage' | 'emailSubject';

/**
 * Message texts to check; `null` or absent keeps Cognito's own text for that field.
 *
 * @example
 * const texts: CustomMessageTexts = { smsMessage: `Code: {####}`, emailMessage: null };
 */
export type CustomMessageTexts = Partial<Record<CustomMessageField, string | null>>;

/**
 * Why Cognito would not deliver a message text: a reason code that is safe to log.
 *
 * @example
 * const problem: CustomMessageProblem = { field: 'smsMessage', reason: 'too-long', limit: 140 };
 */
export type CustomMessageProblem =
  | { field: CustomMessageField; reason: 'too-long'; limit: number }
  | { field: 'smsMessage' | 'emailMessage'; reason: 'missing-code-parameter' | 'missing-username-parameter' };

/**
 * The first rule of Cognito's that `texts` break for this event, or `undefined` when Cognito
 * accepts them: a length limit ({@link CUSTOM_MESSAGE_LIMITS}), a missing `codeParameter` (a
 * sign-up e-mail may carry `linkParameter` instead), or an invitation without `usernameParameter`.
 * Lets a handler keep Cognito's default message instead of sending one the user cannot act on;
 * `customMessage.checkResult` applies the same rules.
 *
 * @example
 * const problem = customMessageProblem(event, { smsMessage: 'Your code' });
 * // { field: 'smsMessage', reason: 'missing-code-parameter' }
 */
export function customMessageProblem(
  event: CustomMessageEvent,
  texts: CustomMessageTexts,
): CustomMessageProblem | undefined {
  const { codeParameter, usernameParameter, linkParameter } = event.request;
  for (const field of MESSAGE_FIELDS) {
    const text = texts[field];
    if (text === undefined || text === null) continue;
    if (characterCount(text) > CUSTOM_MESSAGE_LIMITS[field])
      return { field, reason: 'too-long', limit: CUSTOM_MESSAGE_LIMITS[field] };
    // Without the placeholder Cognito has nowhere to put the code, and the user gets a message
    // they cannot act on. A sign-up e-mail may carry the verification link instead (pools that
    // verify by link).
    const hasLink =
      field === 'emailMessage' &&
      LINK_SOURCES.has(event.triggerSource) &&
      linkParameter !== undefined &&
      text.includes(linkParameter);
    if (!text.includes(codeParameter) && !hasLink) return { field, reason: 'missing-code-parameter' };
    // An invited user needs both their username and their temporary password.
    if (
      event.triggerSource === 'CustomMessage_AdminCreateUser' &&
      usernameParameter &&
      !text.includes(usernameParameter)
    ) {
      return { field, reason: 'missing-username-parameter' };
    }
  }
  const subject = texts.emailSubject;
  if (subject !== undefined && subject !== null && characterCount(subject) > CUSTOM_MESSAGE_LIMITS.emailSubject) {
    return { field: 'emailSubject', reason: 'too-long', limit: CUSTOM_MESSAGE_LIMITS.emailSubject };
  }
  return undefined;
}

/** What `checkResult` says for each problem: it names the placeholder, never its value (errors are logged). */
function describeProblem(problem: CustomMessageProblem): string {
  switch (problem.reason) {
    case 'too-long':
      return `must be at most ${problem.limit} characters`;
    case 'missing-code-parameter':
      return 'must contain request.codeParameter';
    case 'missing-username-parameter':
      return 'must contain request.usernameParameter';
  }
}

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
    const texts: CustomMessageTexts = {};
    for (const field of [...MESSAGE_FIELDS, 'emailSubject'] as const) {
      texts[field] = responseShape.optionalString(response[field], `response.${field}`);
    }
    const problem = customMessageProblem(event, texts);
    if (problem) responseShape.fail(`response.${problem.field}`, describeProblem(problem));
    return result as CustomMessageEvent;
  },
};
