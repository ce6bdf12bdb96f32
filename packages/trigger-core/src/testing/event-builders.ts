/**
 * One realistic event per trigger source, as Cognito sends it (the factories in `./events` merge
 * a test's overrides into these).
 */
import type { ChallengeSessionEntry } from '../events/define-auth-challenge';
import type { PreTokenGenerationRequest, PreTokenGenerationV1Event } from '../events/pre-token-generation/types';
import type { EventsBySource, FactorySource } from './events';
import { SAMPLE_SECRETS, SAMPLE_USER, sampleUserAttributes } from './sample-data';

const CLIENT_ID = '1example23456789abcdefghij';

/**
 * The fields every sample event carries: version 1, the sample pool and client.
 *
 * @example
 * const event = { ...base('PostConfirmation_ConfirmSignUp'), request: { userAttributes: sampleUserAttributes() }, response: {} };
 */
export function base<TSource extends string>(triggerSource: TSource) {
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

/**
 * A PreTokenGeneration request of the sample user, with one group.
 *
 * @example
 * const request = { ...preTokenRequest(), scopes: [...USER_SCOPES] };
 */
export function preTokenRequest(): PreTokenGenerationRequest {
  return {
    userAttributes: sampleUserAttributes(),
    groupConfiguration: { groupsToOverride: ['readers'], iamRolesToOverride: [] },
  };
}

/**
 * The scopes of a hosted-UI sign-in that asked for OpenID, e-mail and self-service access.
 *
 * @example
 * const request = { ...preTokenRequest(), scopes: [...USER_SCOPES] };
 */
export const USER_SCOPES = ['openid', 'email', 'aws.cognito.signin.user.admin'];

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

/**
 * The sample event of every trigger source; `triggerEvent` merges overrides into a fresh one.
 *
 * @example
 * const event = builders.PreSignUp_SignUp();
 */
export const builders: { [S in FactorySource]: () => EventsBySource[S] } = {
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
