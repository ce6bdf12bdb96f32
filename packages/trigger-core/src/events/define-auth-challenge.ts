import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import { eventShape, responseShape } from '../shape';
import { optionalEntry } from './checks';
import { checkResultBase, optionalClientMetadata, parseBase, type TriggerFamily } from './common';

/**
 * The sources of the DefineAuthChallenge family.
 *
 * @example
 * DEFINE_AUTH_CHALLENGE_SOURCES.includes(event.triggerSource);
 */
export const DEFINE_AUTH_CHALLENGE_SOURCES = ['DefineAuthChallenge_Authentication'] as const;

/**
 * Every challenge name Cognito can report in an auth-challenge session. `@types/aws-lambda` lists
 * only the six of the original SRP flow; choice-based sign-in (`USER_AUTH`) and MFA added the rest.
 *
 * @example
 * const known = (CHALLENGE_NAMES as readonly string[]).includes(name);
 */
export const CHALLENGE_NAMES = [
  'SRP_A',
  'PASSWORD_VERIFIER',
  'PASSWORD',
  'PASSWORD_SRP',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'SMS_MFA',
  'EMAIL_MFA',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'SMS_OTP',
  'EMAIL_OTP',
  'WEB_AUTHN',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
] as const;

/**
 * A challenge name in an auth-challenge session.
 *
 * @example
 * const passwordDone = event.request.session.some((entry) => entry.challengeName === 'PASSWORD_VERIFIER' && entry.challengeResult);
 */
export type ChallengeName = (typeof CHALLENGE_NAMES)[number];

/**
 * One challenge the user already answered in this sign-in. `challengeMetadata` is what the
 * CreateAuthChallenge trigger set for a custom challenge.
 *
 * @example
 * const entry: ChallengeSessionEntry = { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'CAPTCHA' };
 */
export interface ChallengeSessionEntry {
  challengeName: ChallengeName;
  challengeResult: boolean;
  challengeMetadata?: string;
}

/**
 * Parses `request.session` of the auth-challenge triggers into new entries. An unknown challenge
 * name is an invalid event: the handler's flow logic branches on these names, and a name it was
 * not written for must not be treated as a known one.
 *
 * @example
 * const session = parseChallengeSession(request.session);
 */
export function parseChallengeSession(value: unknown): ChallengeSessionEntry[] {
  if (!Array.isArray(value)) eventShape.fail('request.session', 'must be an array');
  return value.map((item, index) => {
    const path = `request.session[${index}]`;
    const entry = eventShape.object(item, path);
    return {
      challengeName: eventShape.oneOf(entry.challengeName, CHALLENGE_NAMES, `${path}.challengeName`),
      challengeResult: eventShape.boolean(entry.challengeResult, `${path}.challengeResult`),
      ...optionalEntry(
        'challengeMetadata',
        eventShape.optionalString(entry.challengeMetadata, `${path}.challengeMetadata`),
      ),
    };
  });
}

/**
 * A DefineAuthChallenge event, discriminated on `triggerSource`; `@types/aws-lambda`'s event with
 * the session's challenge names completed. After parsing, `issueTokens` and `failAuthentication`
 * are always set (missing ones become `false`).
 *
 * @example
 * event.response.challengeName = 'CUSTOM_CHALLENGE';
 */
export type DefineAuthChallengeEvent = Omit<DefineAuthChallengeTriggerEvent, 'request'> & {
  request: Omit<DefineAuthChallengeTriggerEvent['request'], 'session'> & { session: ChallengeSessionEntry[] };
};

/**
 * The DefineAuthChallenge family: decides, after each answer in a custom authentication flow,
 * whether to issue tokens, fail, or ask another challenge. Fails closed: a broken flow must not
 * issue tokens.
 *
 * @example
 * export const handler = defineTrigger(defineAuthChallenge, { service: 'define-auth-challenge' }, async (event) => {
 *   event.response.issueTokens = event.request.session.at(-1)?.challengeResult === true;
 *   event.response.failAuthentication = !event.response.issueTokens && event.request.session.length >= 3;
 *   if (!event.response.issueTokens && !event.response.failAuthentication) event.response.challengeName = 'CUSTOM_CHALLENGE';
 *   return event;
 * });
 */
export const defineAuthChallenge: TriggerFamily<DefineAuthChallengeEvent> = {
  name: 'DefineAuthChallenge',
  sources: DEFINE_AUTH_CHALLENGE_SOURCES,
  failurePolicy: 'reject',
  parseEvent(input) {
    const { base, request, response } = parseBase(input, DEFINE_AUTH_CHALLENGE_SOURCES);
    return {
      ...base,
      request: {
        userAttributes: eventShape.stringMap(request.userAttributes, 'request.userAttributes'),
        session: parseChallengeSession(request.session),
        ...optionalEntry('userNotFound', eventShape.optionalBoolean(request.userNotFound, 'request.userNotFound')),
        ...optionalClientMetadata(request.clientMetadata),
      },
      // A new object, so nothing the handler sets can reach Cognito through the raw event.
      response: {
        ...optionalEntry('challengeName', eventShape.optionalString(response.challengeName, 'response.challengeName')),
        issueTokens: eventShape.optionalBoolean(response.issueTokens, 'response.issueTokens') ?? false,
        failAuthentication:
          eventShape.optionalBoolean(response.failAuthentication, 'response.failAuthentication') ?? false,
      },
    };
  },
  checkResult(event, result) {
    const response = checkResultBase(event, result);
    responseShape.optionalString(response.challengeName, 'response.challengeName');
    responseShape.boolean(response.issueTokens, 'response.issueTokens');
    responseShape.boolean(response.failAuthentication, 'response.failAuthentication');
    return result as DefineAuthChallengeEvent;
  },
};
