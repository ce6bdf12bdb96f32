import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { eventShape, responseShape } from '../shape';
import { checkStringMap, optionalEntry } from './checks';
import { checkResultBase, optionalClientMetadata, parseBase, type TriggerFamily } from './common';
import { parseChallengeSession, type ChallengeSessionEntry } from './define-auth-challenge';

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
 * @example
 * export const handler = defineTrigger(createAuthChallenge, { service: 'create-auth-challenge' }, async (event) => {
 *   event.response.privateChallengeParameters = { answer: await sendOneTimeCode(event.request.userAttributes.email) };
 *   return event;
 * });
 */
export const createAuthChallenge: TriggerFamily<CreateAuthChallengeEvent> = {
  name: 'CreateAuthChallenge',
  sources: CREATE_AUTH_CHALLENGE_SOURCES,
  failurePolicy: 'reject',
  parseEvent(input) {
    const { base, request, response } = parseBase(input, CREATE_AUTH_CHALLENGE_SOURCES);
    return {
      ...base,
      request: {
        userAttributes: eventShape.stringMap(request.userAttributes, 'request.userAttributes'),
        challengeName: eventShape.string(request.challengeName, 'request.challengeName'),
        session: parseChallengeSession(request.session),
        ...optionalEntry('userNotFound', eventShape.optionalBoolean(request.userNotFound, 'request.userNotFound')),
        ...optionalClientMetadata(request.clientMetadata),
      },
      // New maps, so nothing the handler sets can reach Cognito through the raw event.
      response: {
        publicChallengeParameters:
          eventShape.optionalStringMap(response.publicChallengeParameters, 'response.publicChallengeParameters') ?? {},
        privateChallengeParameters:
          eventShape.optionalStringMap(response.privateChallengeParameters, 'response.privateChallengeParameters') ??
          {},
        ...optionalEntry(
          'challengeMetadata',
          eventShape.optionalString(response.challengeMetadata, 'response.challengeMetadata'),
        ),
      },
    };
  },
  checkResult(event, result) {
    const response = checkResultBase(event, result);
    checkStringMap(response.publicChallengeParameters, 'response.publicChallengeParameters');
    checkStringMap(response.privateChallengeParameters, 'response.privateChallengeParameters');
    responseShape.optionalString(response.challengeMetadata, 'response.challengeMetadata');
    return result as CreateAuthChallengeEvent;
  },
};
