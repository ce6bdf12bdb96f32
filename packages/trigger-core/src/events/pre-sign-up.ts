import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { responseShape } from '../authoring/checker';
import { defineFamily } from '../authoring/define-family';
import { read, reply } from '../authoring/fields';

/**
 * The sources of the PreSignUp family.
 *
 * @example
 * const federated = event.triggerSource === PRE_SIGN_UP_SOURCES[2]; // 'PreSignUp_ExternalProvider'
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
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 * @example
 * if (event.triggerSource === 'PreSignUp_AdminCreateUser') event.response.autoConfirmUser = true;
 */
export type PreSignUpEvent = PreSignUpTriggerEvent;

/**
 * The PreSignUp family: fires before Cognito creates a user, so it can refuse the sign-up or
 * auto-confirm and auto-verify the user. Fails closed: a gate that broke must not let sign-ups
 * through unchecked.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 * @example
 * export const handler = defineTrigger(preSignUp, { service: 'pre-sign-up' }, async (event) => {
 *   if (!event.request.userAttributes.email?.endsWith('@example.com')) throw new UserFacingError('Use your work e-mail.');
 *   return event;
 * });
 */
export const preSignUp = defineFamily<PreSignUpEvent>({
  name: 'PreSignUp',
  sources: PRE_SIGN_UP_SOURCES,
  slot: 'PreSignUp',
  versions: ['1'],
  failurePolicy: 'reject',
  deployment: { deployable: true },
  request: {
    userAttributes: read.attributes,
    validationData: read.optional(read.attributes),
    clientMetadata: read.optional(read.attributes),
  },
  response: { autoConfirmUser: reply.flag, autoVerifyEmail: reply.flag, autoVerifyPhone: reply.flag },
  // Cognito fails the whole sign-up when asked to verify an attribute the user does not have.
  checkResponse(event, response) {
    const attributes = event.request.userAttributes;
    if (response.autoVerifyEmail === true && !attributes.email) {
      responseShape.fail('response.autoVerifyEmail', 'can be true only when request.userAttributes.email is set');
    }
    if (response.autoVerifyPhone === true && !attributes.phone_number) {
      responseShape.fail(
        'response.autoVerifyPhone',
        'can be true only when request.userAttributes.phone_number is set',
      );
    }
  },
});
