import type { PreAuthenticationTriggerEvent } from 'aws-lambda';
import { defineFamily } from '../authoring/define-family';
import { read } from '../authoring/fields';

/**
 * The sources of the PreAuthentication family.
 *
 * @example
 * PRE_AUTHENTICATION_SOURCES.includes(event.triggerSource); // true for every PreAuthentication event
 */
export const PRE_AUTHENTICATION_SOURCES = ['PreAuthentication_Authentication'] as const;

/**
 * A PreAuthentication event, discriminated on `triggerSource`. `request.userNotFound` is set when
 * the pool hides user-existence errors and the user does not exist.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-authentication.html
 * @example
 * if (event.request.userNotFound) throw new UserFacingError('Incorrect username or password.');
 */
export type PreAuthenticationEvent = PreAuthenticationTriggerEvent;

/**
 * The PreAuthentication family: fires when a user tries to sign in, before Cognito checks the
 * credentials, so it can refuse the attempt. Fails closed: a gate that broke must not wave
 * sign-ins through.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-authentication.html
 * @example
 * export const handler = defineTrigger(preAuthentication, { service: 'sign-in-gate' }, async (event) => {
 *   if (await isLocked(event.userName)) throw new UserFacingError('This account is locked. Contact support.');
 *   return event;
 * });
 */
export const preAuthentication = defineFamily<PreAuthenticationEvent>({
  name: 'PreAuthentication',
  sources: PRE_AUTHENTICATION_SOURCES,
  slot: 'PreAuthentication',
  versions: ['1'],
  failurePolicy: 'reject',
  deployment: { deployable: true },
  request: {
    userAttributes: read.attributes,
    userNotFound: read.optional(read.boolean),
    validationData: read.optional(read.attributes),
    clientMetadata: read.optional(read.attributes),
  },
  response: {},
});
