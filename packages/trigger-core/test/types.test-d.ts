import type {
  CreateAuthChallengeTriggerHandler,
  CustomEmailSenderTriggerEvent,
  CustomMessageTriggerHandler,
  CustomSMSSenderTriggerEvent,
  DefineAuthChallengeTriggerHandler,
  Handler,
  InboundFederationTriggerHandler,
  PostAuthenticationTriggerHandler,
  PostConfirmationTriggerHandler,
  PreAuthenticationTriggerHandler,
  PreSignUpTriggerHandler,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  PreTokenGenerationV3TriggerHandler,
  UserMigrationTriggerEvent,
  VerifyAuthChallengeResponseTriggerHandler,
} from 'aws-lambda';
import { assertType, describe, expectTypeOf, it } from 'vitest';
import {
  createAuthChallenge,
  customEmailSender,
  customMessage,
  customSmsSender,
  defineAuthChallenge,
  defineTrigger,
  inboundFederation,
  isPreTokenGenerationV2OrLater,
  postAuthentication,
  postConfirmation,
  preAuthentication,
  preSignUp,
  preTokenGeneration,
  userMigration,
  verifyAuthChallengeResponse,
  type ChallengeName,
  type ClaimMap,
  type ClaimValue,
  type PreTokenGenerationEvent,
  type PreTokenGenerationV1Event,
  type PreTokenGenerationV2Event,
  type PreTokenGenerationV3Event,
  type TriggerFamily,
} from '../src/index';
import { preTokenGenerationEvent, triggerEvent } from '../src/testing/index';

/** The handler every family gets in these tests: returns the event as it came. */
function passThrough<E extends { triggerSource: string }>(family: TriggerFamily<E>) {
  return defineTrigger(family, { service: 't' }, (event) => Promise.resolve(event));
}

describe('handlers made with defineTrigger', () => {
  it('are assignable to the @types/aws-lambda handler of their trigger', () => {
    assertType<PreSignUpTriggerHandler>(passThrough(preSignUp));
    assertType<PostConfirmationTriggerHandler>(passThrough(postConfirmation));
    assertType<PreAuthenticationTriggerHandler>(passThrough(preAuthentication));
    assertType<PostAuthenticationTriggerHandler>(passThrough(postAuthentication));
    assertType<CustomMessageTriggerHandler>(passThrough(customMessage));
    assertType<DefineAuthChallengeTriggerHandler>(passThrough(defineAuthChallenge));
    assertType<CreateAuthChallengeTriggerHandler>(passThrough(createAuthChallenge));
    assertType<VerifyAuthChallengeResponseTriggerHandler>(passThrough(verifyAuthChallengeResponse));
    assertType<InboundFederationTriggerHandler>(passThrough(inboundFederation));
    assertType<PreTokenGenerationV3TriggerHandler>(passThrough(preTokenGeneration));
  });

  // Where @types/aws-lambda is looser than what Cognito sends, our handler takes every event Cognito
  // really sends: the @types event narrowed to the documented values.
  it('take the version 1 and 2 token events, whose version @types/aws-lambda types as any string', () => {
    assertType<Handler<PreTokenGenerationTriggerEvent & { version: '1' }>>(passThrough(preTokenGeneration));
    assertType<Handler<PreTokenGenerationV2TriggerEvent & { version: '2' }>>(passThrough(preTokenGeneration));
  });

  it('take the migration events Cognito sends, whose final status is CONFIRMED or RESET_REQUIRED', () => {
    assertType<Handler<UserMigrationTriggerEvent & { response: { finalUserStatus?: 'CONFIRMED' | 'RESET_REQUIRED' } }>>(
      passThrough(userMigration),
    );
  });

  it('take the sender events Cognito sends: a versioned request type and, but for account-takeover notices, a code', () => {
    assertType<
      Handler<CustomEmailSenderTriggerEvent & { request: { type: 'customEmailSenderRequestV1'; code: string } }>
    >(passThrough(customEmailSender));
    assertType<Handler<CustomSMSSenderTriggerEvent & { request: { type: 'customSMSSenderRequestV1'; code: string } }>>(
      passThrough(customSmsSender),
    );
  });
});

describe('event types', () => {
  it('discriminate pre token generation events on version and triggerSource', () => {
    expectTypeOf<PreTokenGenerationEvent['version']>().toEqualTypeOf<'1' | '2' | '3'>();
    expectTypeOf<
      Extract<PreTokenGenerationEvent, { triggerSource: 'TokenGeneration_ClientCredentials' }>['version']
    >().toEqualTypeOf<'3'>();
    expectTypeOf<PreTokenGenerationV1Event['response']>().toHaveProperty('claimsOverrideDetails');
    expectTypeOf<PreTokenGenerationV2Event['response']>().toHaveProperty('claimsAndScopeOverrideDetails');
    expectTypeOf(preTokenGenerationEvent('TokenGeneration_ClientCredentials', '3')).toEqualTypeOf<
      Extract<PreTokenGenerationV3Event, { triggerSource: 'TokenGeneration_ClientCredentials' }>
    >();
    // @ts-expect-error client credentials exist only in version 3
    preTokenGenerationEvent('TokenGeneration_ClientCredentials', '1');
  });

  it('narrow to the version 2 and 3 response with isPreTokenGenerationV2OrLater', () => {
    const check = (event: PreTokenGenerationEvent): void => {
      if (isPreTokenGenerationV2OrLater(event)) {
        expectTypeOf(event).toEqualTypeOf<PreTokenGenerationV2Event | PreTokenGenerationV3Event>();
      } else {
        expectTypeOf(event).toEqualTypeOf<PreTokenGenerationV1Event>();
      }
    };
    check(triggerEvent('TokenGeneration_HostedAuth'));
  });

  it('accept numbers, booleans, arrays and JSON objects as claim values', () => {
    const claims: ClaimMap = {
      tier: 'gold',
      seats: 5,
      beta: true,
      roles: ['admin', 'reader'],
      mixed: ['a', 1, false],
      org: { id: 'o-1', limits: { seats: 5 }, tags: ['x', null] },
    };
    assertType<ClaimMap>(claims);
    passThrough(preTokenGeneration);
    defineTrigger(preTokenGeneration, { service: 't' }, (event) => {
      if (isPreTokenGenerationV2OrLater(event)) {
        event.response.claimsAndScopeOverrideDetails = {
          idTokenGeneration: { claimsToAddOrOverride: { seats: 5, beta: true, roles: ['admin'], org: { id: 'o-1' } } },
          accessTokenGeneration: { claimsToAddOrOverride: claims, scopesToAdd: ['api/read'] },
        };
      } else {
        event.response.claimsOverrideDetails = { claimsToAddOrOverride: { seats: 5, beta: true } };
      }
      return Promise.resolve(event);
    });
    // @ts-expect-error a Date is not a JSON value
    assertType<ClaimValue>(new Date());
    // @ts-expect-error undefined is not a claim value
    assertType<ClaimValue>(undefined);
  });

  it('know EMAIL_OTP and the other newer challenge names', () => {
    assertType<ChallengeName>('EMAIL_OTP');
    assertType<ChallengeName>('WEB_AUTHN');
    assertType<ChallengeName>('SELECT_CHALLENGE');
    // @ts-expect-error not a Cognito challenge
    assertType<ChallengeName>('CARRIER_PIGEON');
    const event = triggerEvent('DefineAuthChallenge_Authentication');
    expectTypeOf(event.request.session[0]!.challengeName).toEqualTypeOf<ChallengeName>();
  });

  it('give a user-migration sign-in the password and a forgotten-password request none', () => {
    expectTypeOf(triggerEvent('UserMigration_Authentication').request.password).toEqualTypeOf<string>();
    expectTypeOf(triggerEvent('UserMigration_ForgotPassword').request).not.toHaveProperty('password');
  });

  it('give an account-takeover notification a code that may be null and the other e-mails a code', () => {
    expectTypeOf(triggerEvent('CustomEmailSender_AccountTakeOverNotification').request.code).toEqualTypeOf<
      string | null
    >();
    expectTypeOf(triggerEvent('CustomEmailSender_SignUp').request.code).toEqualTypeOf<string>();
  });
});
