import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { defineFamily } from '../authoring/define-family';
import { read, reply } from '../authoring/fields';
import { challengeSession, type ChallengeSessionEntry } from './define-auth-challenge';

/**
 * The sources of the CreateAuthChallenge family.
 *
 * @example
 * CREATE_AUTH_CHALLENGE_SOURCES.includes(event.triggerSource);
 */
export const CREATE_AUTH_CHALLENGE_SOURCES = ['CreateAuthChallenge_Authentication'] as const;

/**
 * A CreateAuthChallenge event, discriminated on `triggerSource`; `@types/aws-lambda`'s event with
 * the session's challenge names completed and `response.challengeMetadata` optional, as Cognito
 * treats it. After parsing, both parameter maps are always set (missing ones become `{}`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
 * @example
 * event.response.publicChallengeParameters = { question: 'What is 2 + 2?' };
 * event.response.privateChallengeParameters = { answer: '4' };
 */
export type CreateAuthChallengeEvent = Omit<CreateAuthChallengeTriggerEvent, 'request' | 'response'> & {
  request: Omit<CreateAuthChallengeTriggerEvent['request'], 'session'> & { session: ChallengeSessionEntry[] };
  response: Omit<CreateAuthChallengeTriggerEvent['response'], 'challengeMetadata'> & { challengeMetadata?: string };
};

/**
 * The CreateAuthChallenge family: creates the custom challenge DefineAuthChallenge asked for: the
 * public parameters the client shows and the private ones VerifyAuthChallengeResponse checks
 * against. Fails closed: a challenge that could not be created must not count as passed.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-create-auth-challenge.html
 * @example
 * export const handler = defineTrigger(createAuthChallenge, { service: 'create-auth-challenge' }, async (event) => {
 *   event.response.privateChallengeParameters = { answer: await sendOneTimeCode(event.request.userAttributes.email) };
 *   return event;
 * });
 */
export const createAuthChallenge = defineFamily<CreateAuthChallengeEvent>({
  name: 'CreateAuthChallenge',
  sources: CREATE_AUTH_CHALLENGE_SOURCES,
  slot: 'CreateAuthChallenge',
  versions: ['1'],
  failurePolicy: 'reject',
  deployment: { deployable: true },
  request: {
    userAttributes: read.attributes,
    challengeName: read.string,
    session: challengeSession,
    userNotFound: read.optional(read.boolean),
    clientMetadata: read.optional(read.attributes),
  },
  response: {
    publicChallengeParameters: reply.attributes,
    privateChallengeParameters: reply.attributes,
    challengeMetadata: reply.optionalString,
  },
});
