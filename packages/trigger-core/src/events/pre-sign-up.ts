import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { eventShape, responseShape } from '../shape';
import { optionalStringMapEntry } from './checks';
import { checkResultBase, optionalClientMetadata, parseBase, type TriggerFamily } from './common';

/**
 * The sources of the PreSignUp family.
 *
 * @example
 * const federated = event.triggerSource === PRE_SIGN_UP_SOURCES[2];
 */
export const PRE_SIGN_UP_SOURCES = [
  'PreSignUp_SignUp',
  'PreSignUp_AdminCreateUser',
  'PreSignUp_ExternalProvider',
] as const;

/**
 * A PreSignUp event, discriminated on `triggerSource`. The response's three flags are always set
 * after parsing (missing ones become `false`), so a handler can flip one without building the rest.
 *
 * @example
 * if (event.triggerSource === 'PreSignUp_ExternalProvider') event.response.autoConfirmUser = true;
 */
export type PreSignUpEvent = PreSignUpTriggerEvent;

/**
 * The PreSignUp family: fires before Cognito creates a user, so it can refuse the sign-up or
 * auto-confirm and auto-verify the user. Fails closed: a gate that broke must not let sign-ups
 * through unchecked.
 *
 * @example
 * export const handler = defineTrigger(preSignUp, { service: 'pre-sign-up' }, async (event) => {
 *   if (!event.request.userAttributes.email?.endsWith('@example.com')) throw new UserFacingError('Use your work e-mail.');
 *   return event;
 * });
 */
export const preSignUp: TriggerFamily<PreSignUpEvent> = {
  name: 'PreSignUp',
  sources: PRE_SIGN_UP_SOURCES,
  failurePolicy: 'reject',
  parseEvent(input) {
    const { base, request, response } = parseBase(input, PRE_SIGN_UP_SOURCES);
    return {
      ...base,
      request: {
        userAttributes: eventShape.stringMap(request.userAttributes, 'request.userAttributes'),
        ...optionalStringMapEntry('validationData', request.validationData, 'request.validationData'),
        ...optionalClientMetadata(request.clientMetadata),
      },
      // A new object: the wrapper returns the raw event when the handler fails, and what the
      // handler set on a shared response would then reach Cognito unchecked.
      response: {
        autoConfirmUser: eventShape.optionalBoolean(response.autoConfirmUser, 'response.autoConfirmUser') ?? false,
        autoVerifyEmail: eventShape.optionalBoolean(response.autoVerifyEmail, 'response.autoVerifyEmail') ?? false,
        autoVerifyPhone: eventShape.optionalBoolean(response.autoVerifyPhone, 'response.autoVerifyPhone') ?? false,
      },
    };
  },
  checkResult(event, result) {
    const response = checkResultBase(event, result);
    responseShape.boolean(response.autoConfirmUser, 'response.autoConfirmUser');
    const autoVerifyEmail = responseShape.boolean(response.autoVerifyEmail, 'response.autoVerifyEmail');
    const autoVerifyPhone = responseShape.boolean(response.autoVerifyPhone, 'response.autoVerifyPhone');
    // Cognito fails the whole sign-up when asked to verify an attribute the user does not have.
    const attributes = event.request.userAttributes;
    if (autoVerifyEmail && !attributes.email) {
      responseShape.fail('response.autoVerifyEmail', 'can be true only when request.userAttributes.email is set');
    }
    if (autoVerifyPhone && !attributes.phone_number) {
      responseShape.fail(
        'response.autoVerifyPhone',
        'can be true only when request.userAttributes.phone_number is set',
      );
    }
    return result as PreSignUpEvent;
  },
};
