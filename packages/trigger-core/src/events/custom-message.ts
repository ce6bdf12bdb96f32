import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { responseShape } from '../authoring/checker';
import { defineFamily } from '../authoring/define-family';
import { read, reply } from '../authoring/fields';

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
 * Length in characters (Unicode code points), the unit Cognito's message limits are given in; a
 * string's `length` counts UTF-16 units and would count an emoji twice.
 *
 * @example
 * if (characterCount(sms) > CUSTOM_MESSAGE_LIMITS.smsMessage) sms = shorterText;
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * A CustomMessage event, discriminated on `triggerSource`; `@types/aws-lambda`'s event with
 * `request.linkParameter` optional, because Cognito sends it only where a message can carry a
 * verification link. After parsing, the three response texts are always set (missing ones become
 * `null`, which keeps Cognito's own text).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
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
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 * @example
 * export const handler = defineTrigger(customMessage, { service: 'custom-message' }, async (event) => {
 *   event.response.smsMessage = `Your code: ${event.request.codeParameter}`;
 *   return event;
 * });
 */
export const customMessage = defineFamily<CustomMessageEvent>({
  name: 'CustomMessage',
  sources: CUSTOM_MESSAGE_SOURCES,
  slot: 'CustomMessage',
  versions: ['1'],
  failurePolicy: 'return-event',
  deployment: { deployable: true },
  request: {
    userAttributes: read.attributes,
    codeParameter: read.string,
    usernameParameter: read.optional(read.string, () => null),
    linkParameter: read.optional(read.string),
    clientMetadata: read.optional(read.attributes),
  },
  // Missing texts become null: on failure the wrapper returns the raw event, which must still hold
  // Cognito's nulls rather than a half-written message.
  response: { smsMessage: reply.message, emailMessage: reply.message, emailSubject: reply.message },
  checkResponse(event, response) {
    const problem = customMessageProblem(event, response);
    if (problem) responseShape.fail(`response.${problem.field}`, describeProblem(problem));
  },
});
