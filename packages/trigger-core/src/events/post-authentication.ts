import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { defineFamily } from '../authoring/define-family';
import { read } from '../authoring/fields';

/**
 * The sources of the PostAuthentication family.
 *
 * @example
 * POST_AUTHENTICATION_SOURCES.includes(event.triggerSource); // true for every PostAuthentication event
 */
export const POST_AUTHENTICATION_SOURCES = ['PostAuthentication_Authentication'] as const;

/**
 * A PostAuthentication event, discriminated on `triggerSource`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-authentication.html
 * @example
 * if (event.request.newDeviceUsed) await notifyNewDevice(event.request.userAttributes.sub);
 */
export type PostAuthenticationEvent = PostAuthenticationTriggerEvent;

/**
 * The PostAuthentication family: fires after a user signed in, for audit and notification side
 * effects. Fails open: the user is already authenticated, so a failed side effect must not sign
 * them out again.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-authentication.html
 * @example
 * export const handler = defineTrigger(postAuthentication, { service: 'sign-in-audit' }, async (event, { annotate }) => {
 *   annotate({ newDevice: event.request.newDeviceUsed });
 *   return event;
 * });
 */
export const postAuthentication = defineFamily<PostAuthenticationEvent>({
  name: 'PostAuthentication',
  sources: POST_AUTHENTICATION_SOURCES,
  slot: 'PostAuthentication',
  versions: ['1'],
  failurePolicy: 'return-event',
  deployment: { deployable: true },
  request: {
    userAttributes: read.attributes,
    newDeviceUsed: read.boolean,
    clientMetadata: read.optional(read.attributes),
  },
  response: {},
});
