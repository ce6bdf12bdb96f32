import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import { eventShape } from '../authoring/checker';
import { defineFamily } from '../authoring/define-family';
import { read, reply, type FieldReader } from '../authoring/fields';

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
 * Reads `request.session` of the auth-challenge triggers into new entries. An unknown challenge
 * name is an invalid event: the handler's flow logic branches on these names, and a name it was
 * not written for must not be treated as a known one.
 *
 * @example
 * request: { session: challengeSession }
 */
export const challengeSession: FieldReader<ChallengeSessionEntry[]> = (value, path) => {
  if (!Array.isArray(value)) eventShape.fail(path, 'must be an array');
  return value.map((item, index) => {
    const entryPath = `${path}[${index}]`;
    const entry = eventShape.object(item, entryPath);
    const parsed: ChallengeSessionEntry = {
      challengeName: eventShape.oneOf(entry.challengeName, CHALLENGE_NAMES, `${entryPath}.challengeName`),
      challengeResult: eventShape.boolean(entry.challengeResult, `${entryPath}.challengeResult`),
    };
    const metadata = eventShape.optionalString(entry.challengeMetadata, `${entryPath}.challengeMetadata`);
    if (metadata !== undefined) parsed.challengeMetadata = metadata;
    return parsed;
  });
};

/**
 * A DefineAuthChallenge event, discriminated on `triggerSource`; `@types/aws-lambda`'s event with
 * the session's challenge names completed. After parsing, `issueTokens` and `failAuthentication`
 * are always set (missing ones become `false`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html
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
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-define-auth-challenge.html
 * @example
 * export const handler = defineTrigger(defineAuthChallenge, { service: 'define-auth-challenge' }, async (event) => {
 *   event.response.issueTokens = event.request.session.at(-1)?.challengeResult === true;
 *   event.response.failAuthentication = !event.response.issueTokens && event.request.session.length >= 3;
 *   if (!event.response.issueTokens && !event.response.failAuthentication) event.response.challengeName = 'CUSTOM_CHALLENGE';
 *   return event;
 * });
 */
export const defineAuthChallenge = defineFamily<DefineAuthChallengeEvent>({
  name: 'DefineAuthChallenge',
  sources: DEFINE_AUTH_CHALLENGE_SOURCES,
  slot: 'DefineAuthChallenge',
  versions: ['1'],
  failurePolicy: 'reject',
  deployment: { deployable: true },
  request: {
    userAttributes: read.attributes,
    session: challengeSession,
    userNotFound: read.optional(read.boolean),
    clientMetadata: read.optional(read.attributes),
  },
  response: { challengeName: reply.optionalString, issueTokens: reply.flag, failAuthentication: reply.flag },
});
