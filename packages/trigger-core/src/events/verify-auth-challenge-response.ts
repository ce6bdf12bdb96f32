import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { eventShape, responseShape } from '../shape';
import { optionalEntry } from './checks';
import { checkResultBase, optionalClientMetadata, parseBase, type TriggerFamily } from './common';

/**
 * The sources of the VerifyAuthChallengeResponse family.
 *
 * @example
 * VERIFY_AUTH_CHALLENGE_RESPONSE_SOURCES.includes(event.triggerSource);
 */
export const VERIFY_AUTH_CHALLENGE_RESPONSE_SOURCES = ['VerifyAuthChallengeResponse_Authentication'] as const;

/**
 * A VerifyAuthChallengeResponse event, discriminated on `triggerSource`. After parsing,
 * `response.answerCorrect` is always set (missing becomes `false`).
 *
 * @example
 * event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
 */
export type VerifyAuthChallengeResponseEvent = VerifyAuthChallengeResponseTriggerEvent;

/**
 * The VerifyAuthChallengeResponse family: checks the user's answer to a custom challenge. Fails
 * closed: an answer that could not be checked must not count as correct.
 *
 * @example
 * export const handler = defineTrigger(verifyAuthChallengeResponse, { service: 'verify-auth-challenge' }, async (event) => {
 *   event.response.answerCorrect = timingSafeEqualText(event.request.challengeAnswer, event.request.privateChallengeParameters.answer);
 *   return event;
 * });
 */
export const verifyAuthChallengeResponse: TriggerFamily<VerifyAuthChallengeResponseEvent> = {
  name: 'VerifyAuthChallengeResponse',
  sources: VERIFY_AUTH_CHALLENGE_RESPONSE_SOURCES,
  failurePolicy: 'reject',
  parseEvent(input) {
    const { base, request, response } = parseBase(input, VERIFY_AUTH_CHALLENGE_RESPONSE_SOURCES);
    return {
      ...base,
      request: {
        userAttributes: eventShape.stringMap(request.userAttributes, 'request.userAttributes'),
        privateChallengeParameters: eventShape.stringMap(
          request.privateChallengeParameters,
          'request.privateChallengeParameters',
        ),
        challengeAnswer: eventShape.string(request.challengeAnswer, 'request.challengeAnswer'),
        ...optionalEntry('userNotFound', eventShape.optionalBoolean(request.userNotFound, 'request.userNotFound')),
        ...optionalClientMetadata(request.clientMetadata),
      },
      // A new object, so nothing the handler sets can reach Cognito through the raw event.
      response: {
        answerCorrect: eventShape.optionalBoolean(response.answerCorrect, 'response.answerCorrect') ?? false,
      },
    };
  },
  checkResult(event, result) {
    const response = checkResultBase(event, result);
    responseShape.boolean(response.answerCorrect, 'response.answerCorrect');
    return result as VerifyAuthChallengeResponseEvent;
  },
};
