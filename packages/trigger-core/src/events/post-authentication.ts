import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { eventShape } from '../shape';
import { checkResultBase, optionalClientMetadata, parseBase, type TriggerFamily } from './common';

/**
 * The sources of the PostAuthentication family.
 *
 * @example
 * POST_AUTHENTICATION_SOURCES.includes(event.triggerSource);
 */
export const POST_AUTHENTICATION_SOURCES = ['PostAuthentication_Authentication'] as const;

/**
 * A PostAuthentication event, discriminated on `triggerSource`.
 *
 * @example
 * if (event.request.newDeviceUsed) await notifyNewDevice(event.request.userAttributes.sub);
 */
export type PostAuthenticationEvent = PostAuthenticationTriggerEvent;

/**
 * The PostAuthentication family: fires after a user signed in, for audit and notification side
 * effects. Fails open: the user is already authenticated, so a failed side effect must not sign
 * them out again.
 *
 * @example
 * export const handler = defineTrigger(postAuthentication, { service: 'post-authentication' }, async (event) => event);
 */
export const postAuthentication: TriggerFamily<PostAuthenticationEvent> = {
  name: 'PostAuthentication',
  sources: POST_AUTHENTICATION_SOURCES,
  failurePolicy: 'return-event',
  parseEvent(input) {
    const { base, request } = parseBase(input, POST_AUTHENTICATION_SOURCES);
    return {
      ...base,
      request: {
        userAttributes: eventShape.stringMap(request.userAttributes, 'request.userAttributes'),
        newDeviceUsed: eventShape.boolean(request.newDeviceUsed, 'request.newDeviceUsed'),
        ...optionalClientMetadata(request.clientMetadata),
      },
      response: {},
    };
  },
  checkResult(event, result) {
    checkResultBase(event, result);
    return result as PostAuthenticationEvent;
  },
};
