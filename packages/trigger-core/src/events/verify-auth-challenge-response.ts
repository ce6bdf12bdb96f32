import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { defineFamily } from '../authoring/define-family';
import { read, reply } from '../authoring/fields';

/**
 * The sources of the VerifyAuthChallengeResponse family.
 *
 * @example
 * VERIFY_AUTH_CHALLENGE_RESPONSE_SOURCES.includes(event.triggerSource); // true for every such event
 */
export const VERIFY_AUTH_CHALLENGE_RESPONSE_SOURCES = ['VerifyAuthChallengeResponse_Authentication'] as const;

/**
 * A VerifyAuthChallengeResponse event, discriminated on `triggerSource`. After parsing,
 * `response.answerCorrect` is always set (missing becomes `false`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html
 * @example
 * event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
 */
export type VerifyAuthChallengeResponseEvent = VerifyAuthChallengeResponseTriggerEvent;

/**
 * The VerifyAuthChallengeResponse family: checks the user's answer to a custom challenge. Fails
 * closed: an answer that could not be checked must not count as correct.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-verify-auth-challenge-response.html
 * @example
 * export const handler = defineTrigger(verifyAuthChallengeResponse, { service: 'verify-auth-challenge' }, async (event) => {
 *   event.response.answerCorrect = timingSafeEqualText(event.request.challengeAnswer, event.request.privateChallengeParameters.answer);
 *   return event;
 * });
 */
export const verifyAuthChallengeResponse = defineFamily<VerifyAuthChallengeResponseEvent>({
  name: 'VerifyAuthChallengeResponse',
  sources: VERIFY_AUTH_CHALLENGE_RESPONSE_SOURCES,
  slot: 'VerifyAuthChallengeResponse',
  versions: ['1'],
  failurePolicy: 'reject',
  deployment: { deployable: true },
  request: {
    userAttributes: read.attributes,
    privateChallengeParameters: read.attributes,
    challengeAnswer: read.string,
    userNotFound: read.optional(read.boolean),
    clientMetadata: read.optional(read.attributes),
  },
  response: { answerCorrect: reply.flag },
});
