import type { CreateAuthChallengeEvent } from '../events/create-auth-challenge';
import type { CustomEmailSenderEvent } from '../events/custom-email-sender';
import type { CustomMessageEvent } from '../events/custom-message';
import type { CustomSMSSenderEvent } from '../events/custom-sms-sender';
import type { ChallengeSessionEntry, DefineAuthChallengeEvent } from '../events/define-auth-challenge';
import type { InboundFederationEvent } from '../events/inbound-federation';
import type { PostAuthenticationEvent } from '../events/post-authentication';
import type { PostConfirmationEvent } from '../events/post-confirmation';
import type { PreAuthenticationEvent } from '../events/pre-authentication';
import type { PreSignUpEvent } from '../events/pre-sign-up';
import type {
  PreTokenGenerationRequest,
  PreTokenGenerationV1Event,
  PreTokenGenerationV2Event,
  PreTokenGenerationV3Event,
  PreTokenGenerationVersion,
} from '../events/pre-token-generation';
import type { UserMigrationEvent } from '../events/user-migration';
import type { VerifyAuthChallengeResponseEvent } from '../events/verify-auth-challenge-response';

/** A realistic user for test events. Every value here counts as personal data in log checks. */
export const SAMPLE_USER = {
  sub: '7d8ef9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01',
  userName: 'jane.doe@example.com',
  email: 'jane.doe@example.com',
  givenName: 'Jane',
  familyName: 'Doe-Testperson',
  phoneNumber: '+12065550142',
} as const;

/**
 * Values that must never appear in logs when a test uses {@link SAMPLE_USER} and the sample codes.
 *
 * @example
 * expect(findPersonalData(output, PERSONAL_VALUES)).toEqual([]);
 */
export const PERSONAL_VALUES: readonly string[] = [
  SAMPLE_USER.userName,
  SAMPLE_USER.email,
  SAMPLE_USER.givenName,
  SAMPLE_USER.familyName,
  SAMPLE_USER.phoneNumber,
  '{####}',
  '{username}',
];

/**
 * Secrets the sample events carry: the password a user-migration sign-in sends, the encrypted
 * code a custom sender receives and the answer to the sample custom challenge. Like
 * {@link PERSONAL_VALUES}, none may appear in logs.
 *
 * @example
 * expect(findPersonalData(output, [...PERSONAL_VALUES, ...Object.values(SAMPLE_SECRETS)])).toEqual([]);
 */
export const SAMPLE_SECRETS = {
  password: 'Correct-Horse-Battery-7',
  encryptedCode: 'AYADeBgvbz0nUDWN7gJYqWJ3aM8AAAABABVhd3MtY3J5cHRvLXB1YmxpYy1rZXkAREF4ZEtrY3ZaNlhOZw==',
  challengeAnswer: '482913',
} as const;

/** The user attributes Cognito sends for {@link SAMPLE_USER}: every value a string. */
export function sampleUserAttributes(): Record<string, string> {
  return {
    sub: SAMPLE_USER.sub,
    'cognito:user_status': 'CONFIRMED',
    email: SAMPLE_USER.email,
    email_verified: 'true',
    given_name: SAMPLE_USER.givenName,
    family_name: SAMPLE_USER.familyName,
  };
}

/**
 * The test event from the AWS documentation's post-confirmation example, as published: no
 * `triggerSource`, and `email_verified` as a boolean.
 */
export const AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT = {
  request: { userAttributes: { email: 'user@example.com', email_verified: true } },
  response: {},
} as const;

const CLIENT_ID = '1example23456789abcdefghij';

function base<TSource extends string>(triggerSource: TSource) {
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_AbCdEf123',
    triggerSource,
    userName: SAMPLE_USER.sub,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: CLIENT_ID },
  };
}

/** The attributes a user submits at sign-up: Cognito has not added `sub` or a status yet. */
function signUpAttributes(): Record<string, string> {
  return { email: SAMPLE_USER.email, given_name: SAMPLE_USER.givenName, family_name: SAMPLE_USER.familyName };
}

/** The session of a custom flow that began with SRP and a correct password. */
function passwordSession(): ChallengeSessionEntry[] {
  return [
    { challengeName: 'SRP_A', challengeResult: true },
    { challengeName: 'PASSWORD_VERIFIER', challengeResult: true },
  ];
}

/**
 * A custom message request: the code placeholder, the link placeholder (used by pools that verify
 * by link) and, for invitations only, the username placeholder.
 */
function messageRequest(userStatus: string, usernameParameter: string | null) {
  return {
    userAttributes: { ...sampleUserAttributes(), 'cognito:user_status': userStatus },
    codeParameter: '{####}',
    linkParameter: '{##Click Here##}',
    usernameParameter,
  };
}

function messageEvent<TSource extends string>(source: TSource) {
  return {
    ...base(source),
    request: messageRequest('CONFIRMED', null),
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}

function senderEvent<TSource extends string, TType extends string>(source: TSource, type: TType) {
  // A text message goes to the user's phone number, so the SMS sender's user has one.
  const userAttributes =
    type === 'customSMSSenderRequestV1'
      ? { ...sampleUserAttributes(), phone_number: SAMPLE_USER.phoneNumber, phone_number_verified: 'true' }
      : sampleUserAttributes();
  return { ...base(source), request: { type, code: SAMPLE_SECRETS.encryptedCode, userAttributes }, response: {} };
}

function preTokenRequest(): PreTokenGenerationRequest {
  return {
    userAttributes: sampleUserAttributes(),
    groupConfiguration: { groupsToOverride: ['readers'], iamRolesToOverride: [] },
  };
}

/** The scopes of a hosted-UI sign-in that asked for OpenID, e-mail and self-service access. */
const USER_SCOPES = ['openid', 'email', 'aws.cognito.signin.user.admin'];

type EventsOf<E extends { triggerSource: string }> = { [S in E['triggerSource']]: Extract<E, { triggerSource: S }> };

type ClientCredentialsEvent = Extract<
  PreTokenGenerationV3Event,
  { triggerSource: 'TokenGeneration_ClientCredentials' }
>;

/**
 * Every trigger source the factories cover, mapped to its event type. A token-generation source
 * maps to its version 1 event, except client credentials, which only version 3 has; use
 * {@link preTokenGenerationEvent} for the other versions.
 *
 * @example
 * const event: EventsBySource['CustomMessage_SignUp'] = triggerEvent('CustomMessage_SignUp');
 */
export interface EventsBySource
  extends
    EventsOf<PreSignUpEvent>,
    EventsOf<PostConfirmationEvent>,
    EventsOf<PreAuthenticationEvent>,
    EventsOf<PostAuthenticationEvent>,
    EventsOf<CustomMessageEvent>,
    EventsOf<PreTokenGenerationV1Event>,
    EventsOf<DefineAuthChallengeEvent>,
    EventsOf<CreateAuthChallengeEvent>,
    EventsOf<VerifyAuthChallengeResponseEvent>,
    EventsOf<UserMigrationEvent>,
    EventsOf<InboundFederationEvent>,
    EventsOf<CustomEmailSenderEvent>,
    EventsOf<CustomSMSSenderEvent> {
  TokenGeneration_ClientCredentials: ClientCredentialsEvent;
}

/**
 * A trigger source the factories cover.
 *
 * @example
 * const source: FactorySource = 'PreSignUp_SignUp';
 */
export type FactorySource = keyof EventsBySource;

function preSignUpEvent<TSource extends string>(source: TSource, userName: string = SAMPLE_USER.sub) {
  return {
    ...base(source),
    userName,
    request: { userAttributes: signUpAttributes() },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  };
}

function userMigrationResponse() {
  return { userAttributes: {} };
}

const builders: { [S in FactorySource]: () => EventsBySource[S] } = {
  PreSignUp_SignUp: () => preSignUpEvent('PreSignUp_SignUp'),
  PreSignUp_AdminCreateUser: () => preSignUpEvent('PreSignUp_AdminCreateUser'),
  // Federated users get a username of the provider's name and the user's id there.
  PreSignUp_ExternalProvider: () => preSignUpEvent('PreSignUp_ExternalProvider', 'Google_109876543210987654321'),
  PostConfirmation_ConfirmSignUp: () => ({
    ...base('PostConfirmation_ConfirmSignUp'),
    request: { userAttributes: sampleUserAttributes() },
    response: {},
  }),
  PostConfirmation_ConfirmForgotPassword: () => ({
    ...base('PostConfirmation_ConfirmForgotPassword'),
    request: { userAttributes: sampleUserAttributes() },
    response: {},
  }),
  PreAuthentication_Authentication: () => ({
    ...base('PreAuthentication_Authentication'),
    request: { userAttributes: sampleUserAttributes(), userNotFound: false },
    response: {},
  }),
  PostAuthentication_Authentication: () => ({
    ...base('PostAuthentication_Authentication'),
    request: { userAttributes: sampleUserAttributes(), newDeviceUsed: false },
    response: {},
  }),
  CustomMessage_SignUp: () => ({
    ...messageEvent('CustomMessage_SignUp'),
    request: messageRequest('UNCONFIRMED', null),
  }),
  // An invitation carries the username and the temporary password, which is the code.
  CustomMessage_AdminCreateUser: () => ({
    ...messageEvent('CustomMessage_AdminCreateUser'),
    request: messageRequest('FORCE_CHANGE_PASSWORD', '{username}'),
  }),
  CustomMessage_ResendCode: () => ({
    ...messageEvent('CustomMessage_ResendCode'),
    request: messageRequest('UNCONFIRMED', null),
  }),
  CustomMessage_ForgotPassword: () => messageEvent('CustomMessage_ForgotPassword'),
  CustomMessage_UpdateUserAttribute: () => messageEvent('CustomMessage_UpdateUserAttribute'),
  CustomMessage_VerifyUserAttribute: () => messageEvent('CustomMessage_VerifyUserAttribute'),
  CustomMessage_Authentication: () => messageEvent('CustomMessage_Authentication'),
  TokenGeneration_HostedAuth: () => preTokenV1('TokenGeneration_HostedAuth'),
  TokenGeneration_Authentication: () => preTokenV1('TokenGeneration_Authentication'),
  TokenGeneration_NewPasswordChallenge: () => preTokenV1('TokenGeneration_NewPasswordChallenge'),
  TokenGeneration_AuthenticateDevice: () => preTokenV1('TokenGeneration_AuthenticateDevice'),
  TokenGeneration_RefreshTokens: () => preTokenV1('TokenGeneration_RefreshTokens'),
  // A machine-to-machine grant: no user, so no attributes or groups, and the app client as userName.
  TokenGeneration_ClientCredentials: () => ({
    ...base('TokenGeneration_ClientCredentials'),
    version: '3',
    userName: CLIENT_ID,
    request: { userAttributes: {}, groupConfiguration: {}, scopes: ['orders-api/read'] },
    response: {},
  }),
  DefineAuthChallenge_Authentication: () => ({
    ...base('DefineAuthChallenge_Authentication'),
    request: { userAttributes: sampleUserAttributes(), session: passwordSession(), userNotFound: false },
    response: { issueTokens: false, failAuthentication: false },
  }),
  CreateAuthChallenge_Authentication: () => ({
    ...base('CreateAuthChallenge_Authentication'),
    request: {
      userAttributes: sampleUserAttributes(),
      challengeName: 'CUSTOM_CHALLENGE',
      session: passwordSession(),
      userNotFound: false,
    },
    response: { publicChallengeParameters: {}, privateChallengeParameters: {} },
  }),
  VerifyAuthChallengeResponse_Authentication: () => ({
    ...base('VerifyAuthChallengeResponse_Authentication'),
    request: {
      userAttributes: sampleUserAttributes(),
      privateChallengeParameters: { answer: SAMPLE_SECRETS.challengeAnswer },
      challengeAnswer: SAMPLE_SECRETS.challengeAnswer,
      userNotFound: false,
    },
    response: { answerCorrect: false },
  }),
  // The user is not in the pool yet, so the event names them by what they typed.
  UserMigration_Authentication: () => ({
    ...base('UserMigration_Authentication'),
    userName: SAMPLE_USER.userName,
    request: { password: SAMPLE_SECRETS.password },
    response: userMigrationResponse(),
  }),
  UserMigration_ForgotPassword: () => ({
    ...base('UserMigration_ForgotPassword'),
    userName: SAMPLE_USER.userName,
    request: {},
    response: userMigrationResponse(),
  }),
  InboundFederation_ExternalProvider: () => ({
    ...base('InboundFederation_ExternalProvider'),
    userName: 'Google_109876543210987654321',
    request: {
      providerName: 'Google',
      providerType: 'Google',
      attributes: {
        tokenResponse: { token_type: 'Bearer', expires_in: '3599', scope: 'openid email profile' },
        idToken: {
          sub: '109876543210987654321',
          email: SAMPLE_USER.email,
          email_verified: 'true',
          given_name: SAMPLE_USER.givenName,
          family_name: SAMPLE_USER.familyName,
        },
        userInfo: { email: SAMPLE_USER.email, given_name: SAMPLE_USER.givenName, family_name: SAMPLE_USER.familyName },
      },
    },
    response: { userAttributesToMap: {} },
  }),
  CustomEmailSender_SignUp: () => senderEvent('CustomEmailSender_SignUp', 'customEmailSenderRequestV1'),
  CustomEmailSender_ResendCode: () => senderEvent('CustomEmailSender_ResendCode', 'customEmailSenderRequestV1'),
  CustomEmailSender_ForgotPassword: () => senderEvent('CustomEmailSender_ForgotPassword', 'customEmailSenderRequestV1'),
  CustomEmailSender_UpdateUserAttribute: () =>
    senderEvent('CustomEmailSender_UpdateUserAttribute', 'customEmailSenderRequestV1'),
  CustomEmailSender_VerifyUserAttribute: () =>
    senderEvent('CustomEmailSender_VerifyUserAttribute', 'customEmailSenderRequestV1'),
  CustomEmailSender_AdminCreateUser: () =>
    senderEvent('CustomEmailSender_AdminCreateUser', 'customEmailSenderRequestV1'),
  CustomEmailSender_Authentication: () => senderEvent('CustomEmailSender_Authentication', 'customEmailSenderRequestV1'),
  // Threat protection's notice of a risky sign-in: details of the attempt instead of a code.
  CustomEmailSender_AccountTakeOverNotification: () => ({
    ...base('CustomEmailSender_AccountTakeOverNotification'),
    request: {
      type: 'customEmailSenderRequestV1',
      code: null,
      userAttributes: {
        EVENT_ID: 'a3b6c9d2-e5f8-4a1b-9c2d-3e4f5a6b7c8d',
        USER_NAME: SAMPLE_USER.userName,
        IP_ADDRESS: '203.0.113.42',
        ACCOUNT_TAKE_OVER_ACTION: 'BLOCK',
        ONE_CLICK_LINK_VALID: 'https://auth.example.com/feedback?valid=true',
        ONE_CLICK_LINK_INVALID: 'https://auth.example.com/feedback?valid=false',
        LOGIN_TIME: '2026-11-27T09:15:00Z',
        FEEDBACK_TOKEN: 'c2FtcGxlLWZlZWRiYWNrLXRva2Vu',
        CITY: 'Seattle',
        COUNTRY: 'United States',
        DEVICE_NAME: 'Firefox on Linux',
      },
    },
    response: {},
  }),
  CustomSMSSender_SignUp: () => senderEvent('CustomSMSSender_SignUp', 'customSMSSenderRequestV1'),
  CustomSMSSender_ResendCode: () => senderEvent('CustomSMSSender_ResendCode', 'customSMSSenderRequestV1'),
  CustomSMSSender_ForgotPassword: () => senderEvent('CustomSMSSender_ForgotPassword', 'customSMSSenderRequestV1'),
  CustomSMSSender_UpdateUserAttribute: () =>
    senderEvent('CustomSMSSender_UpdateUserAttribute', 'customSMSSenderRequestV1'),
  CustomSMSSender_VerifyUserAttribute: () =>
    senderEvent('CustomSMSSender_VerifyUserAttribute', 'customSMSSenderRequestV1'),
  CustomSMSSender_AdminCreateUser: () => senderEvent('CustomSMSSender_AdminCreateUser', 'customSMSSenderRequestV1'),
  CustomSMSSender_Authentication: () => senderEvent('CustomSMSSender_Authentication', 'customSMSSenderRequestV1'),
};

function preTokenV1<TSource extends PreTokenGenerationV1Event['triggerSource']>(source: TSource) {
  return { ...base(source), version: '1' as const, request: preTokenRequest(), response: {} };
}

/**
 * Every source the factories cover, in a stable order.
 *
 * @example
 * it.each(FACTORY_SOURCES)('parses %s', (source) => expect(() => familyForSource(source)?.parseEvent(triggerEvent(source))).not.toThrow());
 */
export const FACTORY_SOURCES = Object.keys(builders) as FactorySource[];

/** A recursive partial, for overriding parts of an event. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(target: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? merge(current, value) : value;
  }
  return out;
}

/**
 * A realistic event for a trigger source, as Cognito sends it, with optional overrides merged in
 * (objects merge deeply; arrays and other values replace). Set an attribute to `undefined` to drop it.
 *
 * @example
 * const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
 *   request: { userAttributes: { email_verified: 'false' } },
 * });
 */
export function triggerEvent<S extends FactorySource>(
  source: S,
  overrides?: DeepPartial<EventsBySource[S]>,
): EventsBySource[S] {
  const built = builders[source]() as unknown as Record<string, unknown>;
  const merged = merge(built, overrides ?? {});
  return dropUndefined(merged) as unknown as EventsBySource[S];
}

/**
 * The PreTokenGeneration event type of each event version.
 *
 * @example
 * type RefreshV2 = Extract<PreTokenGenerationEventsByVersion['2'], { triggerSource: 'TokenGeneration_RefreshTokens' }>;
 */
export interface PreTokenGenerationEventsByVersion {
  '1': PreTokenGenerationV1Event;
  '2': PreTokenGenerationV2Event;
  '3': PreTokenGenerationV3Event;
}

/**
 * A realistic PreTokenGeneration event of the given version, with optional overrides merged in as
 * in {@link triggerEvent}. Versions 2 and 3 also carry the requested scopes; client credentials
 * exist only in version 3.
 *
 * @example
 * const event = preTokenGenerationEvent('TokenGeneration_RefreshTokens', '2', {
 *   request: { groupConfiguration: { groupsToOverride: ['admins'] } },
 * });
 */
export function preTokenGenerationEvent<
  V extends PreTokenGenerationVersion,
  S extends PreTokenGenerationEventsByVersion[V]['triggerSource'],
>(
  source: S,
  version: V,
  overrides?: DeepPartial<Extract<PreTokenGenerationEventsByVersion[V], { triggerSource: S }>>,
): Extract<PreTokenGenerationEventsByVersion[V], { triggerSource: S }> {
  const built: Record<string, unknown> =
    source === 'TokenGeneration_ClientCredentials'
      ? { ...builders.TokenGeneration_ClientCredentials(), version }
      : {
          ...base(source),
          version,
          request: { ...preTokenRequest(), ...(version === '1' ? {} : { scopes: [...USER_SCOPES] }) },
          response: {},
        };
  return dropUndefined(merge(built, overrides ?? {})) as unknown as Extract<
    PreTokenGenerationEventsByVersion[V],
    { triggerSource: S }
  >;
}

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out[key] = isObject(item) ? dropUndefined(item) : item;
  }
  return out;
}
