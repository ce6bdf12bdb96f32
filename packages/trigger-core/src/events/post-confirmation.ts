import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { eventShape } from '../shape';
import { checkResultBase, optionalClientMetadata, parseBase, type TriggerFamily } from './common';

/**
 * The sources of the PostConfirmation family.
 *
 * @example
 * POST_CONFIRMATION_SOURCES.includes(event.triggerSource); // true for a PostConfirmation event
 */
export const POST_CONFIRMATION_SOURCES = [
  'PostConfirmation_ConfirmSignUp',
  'PostConfirmation_ConfirmForgotPassword',
] as const;

/**
 * A PostConfirmation event, discriminated on `triggerSource`.
 *
 * @example
 * if (event.triggerSource === 'PostConfirmation_ConfirmSignUp') sendWelcome(event);
 */
export type PostConfirmationEvent = PostConfirmationTriggerEvent;

/**
 * The PostConfirmation family: fires after a user confirms sign-up or a forgotten-password reset.
 * Fails open: the user is already confirmed, so a failed side effect must not block them.
 *
 * @example
 * export const handler = defineTrigger(postConfirmation, { service: 'post-confirmation' }, async (event) => event);
 */
export const postConfirmation: TriggerFamily<PostConfirmationEvent> = {
  name: 'PostConfirmation',
  sources: POST_CONFIRMATION_SOURCES,
  failurePolicy: 'return-event',
  parseEvent(input) {
    const { base, request } = parseBase(input, POST_CONFIRMATION_SOURCES);
    return {
      ...base,
      request: {
        userAttributes: eventShape.stringMap(request.userAttributes, 'request.userAttributes'),
        ...optionalClientMetadata(request.clientMetadata),
      },
      response: {},
    };
  },
  checkResult(event, result) {
    checkResultBase(event, result);
    return result as PostConfirmationEvent;
  },
};
