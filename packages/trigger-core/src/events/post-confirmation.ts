import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { defineFamily } from '../authoring/define-family';
import { read } from '../authoring/fields';

/**
 * The sources of the PostConfirmation family.
 *
 * @example
 * const isReset = event.triggerSource === POST_CONFIRMATION_SOURCES[1]; // 'PostConfirmation_ConfirmForgotPassword'
 */
export const POST_CONFIRMATION_SOURCES = [
  'PostConfirmation_ConfirmSignUp',
  'PostConfirmation_ConfirmForgotPassword',
] as const;

/**
 * A PostConfirmation event, discriminated on `triggerSource`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
 * @example
 * if (event.triggerSource === 'PostConfirmation_ConfirmSignUp') await sendWelcome(event.request.userAttributes);
 */
export type PostConfirmationEvent = PostConfirmationTriggerEvent;

/**
 * The PostConfirmation family: fires after a user confirms sign-up or a forgotten-password reset.
 * Fails open: the user is already confirmed, so a failed side effect must not block them.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
 * @example
 * export const handler = defineTrigger(postConfirmation, { service: 'post-confirmation' }, async (event, { signal }) => {
 *   if (event.triggerSource === 'PostConfirmation_ConfirmSignUp') await ses.send(welcome(event), { abortSignal: signal });
 *   return event;
 * });
 */
export const postConfirmation = defineFamily<PostConfirmationEvent>({
  name: 'PostConfirmation',
  sources: POST_CONFIRMATION_SOURCES,
  slot: 'PostConfirmation',
  versions: ['1'],
  failurePolicy: 'return-event',
  deployment: { deployable: true },
  request: { userAttributes: read.attributes, clientMetadata: read.optional(read.attributes) },
  response: {},
});
