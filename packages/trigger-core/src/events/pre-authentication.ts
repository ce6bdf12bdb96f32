import type { PreAuthenticationTriggerEvent } from 'aws-lambda';
import { eventShape } from '../shape';
import { optionalEntry, optionalStringMapEntry } from './checks';
import { checkResultBase, optionalClientMetadata, parseBase, type TriggerFamily } from './common';

/**
 * The sources of the PreAuthentication family.
 *
 * @example
 * PRE_AUTHENTICATION_SOURCES.includes(event.triggerSource);
 */
export const PRE_AUTHENTICATION_SOURCES = ['PreAuthentication_Authentication'] as const;

/**
 * A PreAuthentication event, discriminated on `triggerSource`. `request.userNotFound` is set when
 * the pool hides user-existence errors and the user does not exist.
 *
 * @example
 * if (event.request.userNotFound) throw new UserFacingError('Incorrect username or password.');
 */
export type PreAuthenticationEvent = PreAuthenticationTriggerEvent;

/**
 * The PreAuthentication family: fires when a user tries to sign in, before Cognito checks the
 * credentials, so it can refuse the attempt. Fails closed: a gate that broke must not wave
 * sign-ins through.
 *
 * @example
 * export const handler = defineTrigger(preAuthentication, { service: 'pre-authentication' }, async (event) => event);
 */
export const preAuthentication: TriggerFamily<PreAuthenticationEvent> = {
  name: 'PreAuthentication',
  sources: PRE_AUTHENTICATION_SOURCES,
  failurePolicy: 'reject',
  parseEvent(input) {
    const { base, request } = parseBase(input, PRE_AUTHENTICATION_SOURCES);
    return {
      ...base,
      request: {
        userAttributes: eventShape.stringMap(request.userAttributes, 'request.userAttributes'),
        ...optionalEntry('userNotFound', eventShape.optionalBoolean(request.userNotFound, 'request.userNotFound')),
        ...optionalStringMapEntry('validationData', request.validationData, 'request.validationData'),
        ...optionalClientMetadata(request.clientMetadata),
      },
      response: {},
    };
  },
  checkResult(event, result) {
    checkResultBase(event, result);
    return result as PreAuthenticationEvent;
  },
};
