import { describe, expect, it } from 'vitest';
import {
  CUSTOM_MESSAGE_LIMITS,
  InvalidEventError,
  InvalidResponseError,
  RESERVED_CLAIMS,
  TRIGGER_FAMILIES,
  TriggerFailedError,
  createAuthChallenge,
  customEmailSender,
  customMessage,
  customMessageProblem,
  customSmsSender,
  defineAuthChallenge,
  defineTrigger,
  familyForSource,
  inboundFederation,
  isPreTokenGenerationV2OrLater,
  postAuthentication,
  preSignUp,
  preTokenGeneration,
  userMigration,
  verifyAuthChallengeResponse,
  type CognitoTriggerEvent,
  type PreTokenGenerationVersion,
  type TriggerFamily,
} from '../src/index';
import {
  FACTORY_SOURCES,
  fakeContext,
  preTokenGenerationEvent,
  triggerEvent,
  type FactorySource,
} from '../src/testing/index';

type Raw = Record<string, unknown>;

/** The factory event for a source as a plain object, to break in ways the types forbid. */
function raw(source: FactorySource): Raw {
  return structuredClone(triggerEvent(source)) as unknown as Raw;
}

function rawRequest(event: Raw): Raw {
  return event.request as Raw;
}

function familyOf(source: string): TriggerFamily<CognitoTriggerEvent> {
  const family = familyForSource(source);
  if (!family) throw new Error(`no family for ${source}`);
  return family;
}

/** Parses a factory event, lets `change` edit it as a handler would, and checks the result. */
function respond<E extends { triggerSource: string }>(
  family: TriggerFamily<E>,
  event: unknown,
  change: (event: E) => void,
): unknown {
  const parsed = family.parseEvent(event);
  change(parsed);
  return family.checkResult(parsed, parsed);
}

/** The error a call throws, for asserting its class and exact message. */
function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-error: ${String(error)}`, { cause: error });
  }
  throw new Error('did not throw');
}

function expectEventError(call: () => unknown, message: string): void {
  const error = thrown(call);
  expect(error).toBeInstanceOf(InvalidEventError);
  expect(error.message).toBe(message);
}

function expectResponseError(call: () => unknown, message: string): void {
  const error = thrown(call);
  expect(error).toBeInstanceOf(InvalidResponseError);
  expect(error.message).toBe(message);
}

const PRE_TOKEN_VARIANTS: [string, PreTokenGenerationVersion][] = [];
for (const source of preTokenGeneration.sources) {
  for (const version of ['1', '2', '3'] as const) {
    if (source !== 'TokenGeneration_ClientCredentials' || version === '3') PRE_TOKEN_VARIANTS.push([source, version]);
  }
}

function preTokenEvent(source: string, version: PreTokenGenerationVersion): unknown {
  return (preTokenGenerationEvent as (source: string, version: string) => unknown)(source, version);
}

describe('the event factories', () => {
  it('cover every source of every family', () => {
    const familySources = Object.values<TriggerFamily<CognitoTriggerEvent>>(TRIGGER_FAMILIES).flatMap((family) => [
      ...family.sources,
    ]);
    expect([...FACTORY_SOURCES].sort()).toEqual([...familySources].sort());
  });

  it.each(FACTORY_SOURCES)(
    'give a %s event that parses unchanged and passes checkResult when returned as is',
    (source) => {
      const family = familyOf(source);
      const event = triggerEvent(source);
      const parsed = family.parseEvent(event);
      expect(parsed).toEqual(event);
      expect(family.checkResult(parsed, parsed)).toBe(parsed);
    },
  );

  it.each(PRE_TOKEN_VARIANTS)(
    'give a %s version %s event that parses unchanged and passes checkResult',
    (source, version) => {
      const event = preTokenEvent(source, version);
      const parsed = preTokenGeneration.parseEvent(event);
      expect(parsed).toEqual(event);
      expect(parsed.version).toBe(version);
      expect(preTokenGeneration.checkResult(parsed, parsed)).toBe(parsed);
    },
  );

  it('read a version "0" pre-token-generation event (as cognito-local sends it) as the version 1 shape', () => {
    const event = { ...preTokenGenerationEvent('TokenGeneration_Authentication', '1'), version: '0' };
    const parsed = preTokenGeneration.parseEvent(event);
    expect(parsed.version).toBe('1');
    expect(parsed.response).toEqual({});
  });

  it('merge overrides deeply and drop attributes set to undefined', () => {
    const event = triggerEvent('PreSignUp_SignUp', {
      request: { userAttributes: { given_name: undefined, locale: 'de' } },
    });
    expect(event.request.userAttributes).toEqual({
      email: 'jane.doe@example.com',
      family_name: 'Doe-Testperson',
      locale: 'de',
    });
  });
});

describe('parsing', () => {
  it.each(FACTORY_SOURCES)(
    'builds a new %s request and response, so a handler cannot change the raw event',
    (source) => {
      const event = raw(source);
      const before = structuredClone(event);
      const parsed = familyOf(source).parseEvent(event) as unknown as Raw;
      expect(parsed.request).not.toBe(event.request);
      expect(parsed.response).not.toBe(event.response);
      Object.assign(parsed.response as Raw, { injected: true });
      const attributes = rawRequest(parsed).userAttributes as Raw | undefined;
      if (attributes) attributes.email = 'mallory@example.com';
      expect(event).toEqual(before);
    },
  );

  it('copies arrays and claim objects, which a handler could otherwise change in place', () => {
    const event = preTokenEvent('TokenGeneration_Authentication', '2') as Raw;
    Object.assign(event, {
      response: {
        claimsAndScopeOverrideDetails: { idTokenGeneration: { claimsToAddOrOverride: { org: { id: 'o-1' } } } },
      },
    });
    const before = structuredClone(event);
    const parsed = preTokenGeneration.parseEvent(event);
    if (!isPreTokenGenerationV2OrLater(parsed)) throw new Error('expected version 2');
    parsed.request.scopes?.push('admin');
    parsed.request.groupConfiguration.groupsToOverride?.push('admins');
    const org = parsed.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride?.org as Raw;
    org.id = 'o-2';
    expect(event).toEqual(before);
  });

  it('refuses an event that is not an object', () => {
    expectEventError(() => preSignUp.parseEvent('PreSignUp_SignUp'), 'event must be an object');
  });

  it("refuses another family's trigger source and names the family's own", () => {
    expectEventError(
      () => preSignUp.parseEvent(raw('PostConfirmation_ConfirmSignUp')),
      'triggerSource must be one of PreSignUp_SignUp, PreSignUp_AdminCreateUser, PreSignUp_ExternalProvider',
    );
  });

  it('refuses an event without a request', () => {
    const event = raw('CustomMessage_SignUp');
    delete event.request;
    expectEventError(() => customMessage.parseEvent(event), 'request must be an object');
  });

  const USER_ATTRIBUTE_SOURCES = FACTORY_SOURCES.filter(
    (source) =>
      !source.startsWith('UserMigration_') &&
      source !== 'InboundFederation_ExternalProvider' &&
      source !== 'TokenGeneration_ClientCredentials',
  );

  it.each(USER_ATTRIBUTE_SOURCES)('refuses a %s event whose userAttributes is not an object', (source) => {
    const event = raw(source);
    rawRequest(event).userAttributes = 'jane.doe@example.com';
    expectEventError(() => familyOf(source).parseEvent(event), 'request.userAttributes must be an object');
  });

  it('names the attribute whose value is not a string', () => {
    const event = raw('PreAuthentication_Authentication');
    rawRequest(event).userAttributes = { email: ['a@example.com'] };
    expectEventError(
      () => familyOf('PreAuthentication_Authentication').parseEvent(event),
      'request.userAttributes.email must be a string',
    );
  });

  it.each(USER_ATTRIBUTE_SOURCES.filter((source) => !source.startsWith('CustomEmailSender_AccountTakeOver')))(
    'accepts email_verified sent as the boolean true in a %s event and makes it "true"',
    (source) => {
      const event = raw(source);
      rawRequest(event).userAttributes = { email: 'jane.doe@example.com', email_verified: true };
      const parsed = familyOf(source).parseEvent(event) as unknown as Raw;
      expect(rawRequest(parsed).userAttributes).toEqual({ email: 'jane.doe@example.com', email_verified: 'true' });
    },
  );

  it('refuses a custom message event without a code placeholder', () => {
    const event = raw('CustomMessage_ForgotPassword');
    delete rawRequest(event).codeParameter;
    expectEventError(() => customMessage.parseEvent(event), 'request.codeParameter must be a string');
  });

  it('reads a custom message event without usernameParameter or linkParameter', () => {
    const event = raw('CustomMessage_Authentication');
    delete rawRequest(event).usernameParameter;
    delete rawRequest(event).linkParameter;
    const parsed = customMessage.parseEvent(event);
    expect(parsed.request.usernameParameter).toBeNull();
    expect('linkParameter' in parsed.request).toBe(false);
  });

  it('turns missing custom message texts into null, which keeps Cognito’s own message', () => {
    const event = raw('CustomMessage_SignUp');
    event.response = {};
    expect(customMessage.parseEvent(event).response).toEqual({
      smsMessage: null,
      emailMessage: null,
      emailSubject: null,
    });
  });

  it('refuses a post-authentication event without newDeviceUsed', () => {
    const event = raw('PostAuthentication_Authentication');
    delete rawRequest(event).newDeviceUsed;
    expectEventError(() => postAuthentication.parseEvent(event), 'request.newDeviceUsed must be a boolean');
  });

  it('refuses a challenge name it does not know and names the session entry', () => {
    const event = raw('DefineAuthChallenge_Authentication');
    rawRequest(event).session = [{ challengeName: 'CARRIER_PIGEON', challengeResult: true }];
    const error = thrown(() => defineAuthChallenge.parseEvent(event));
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error.message).toMatch(/^request\.session\[0\]\.challengeName must be one of SRP_A, PASSWORD_VERIFIER, /);
  });

  it('reads the newer challenge names and custom challenge metadata in a session', () => {
    const event = raw('CreateAuthChallenge_Authentication');
    rawRequest(event).session = [
      { challengeName: 'EMAIL_OTP', challengeResult: true, challengeMetadata: null },
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'CAPTCHA' },
    ];
    expect(createAuthChallenge.parseEvent(event).request.session).toEqual([
      { challengeName: 'EMAIL_OTP', challengeResult: true },
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'CAPTCHA' },
    ]);
  });

  it('defaults the auth-challenge response fields Cognito leaves empty', () => {
    const define = raw('DefineAuthChallenge_Authentication');
    define.response = { challengeName: null, issueTokens: null, failAuthentication: null };
    expect(defineAuthChallenge.parseEvent(define).response).toEqual({ issueTokens: false, failAuthentication: false });
    const create = raw('CreateAuthChallenge_Authentication');
    create.response = { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null };
    expect(createAuthChallenge.parseEvent(create).response).toEqual({
      publicChallengeParameters: {},
      privateChallengeParameters: {},
    });
    const verify = raw('VerifyAuthChallengeResponse_Authentication');
    verify.response = { answerCorrect: null };
    expect(verifyAuthChallengeResponse.parseEvent(verify).response).toEqual({ answerCorrect: false });
  });

  it('defaults missing pre sign-up flags to false', () => {
    const event = raw('PreSignUp_ExternalProvider');
    event.response = {};
    expect(preSignUp.parseEvent(event).response).toEqual({
      autoConfirmUser: false,
      autoVerifyEmail: false,
      autoVerifyPhone: false,
    });
  });

  it('requires the password of a user-migration sign-in, and has none for a forgotten password', () => {
    const event = raw('UserMigration_Authentication');
    delete rawRequest(event).password;
    expectEventError(() => userMigration.parseEvent(event), 'request.password must be a string');
    const forgot = userMigration.parseEvent(raw('UserMigration_ForgotPassword'));
    expect(forgot.request).toEqual({});
  });

  it('refuses an identity-provider type Cognito does not have', () => {
    const event = raw('InboundFederation_ExternalProvider');
    rawRequest(event).providerType = 'MySpace';
    expectEventError(
      () => inboundFederation.parseEvent(event),
      'request.providerType must be one of OIDC, SAML, Facebook, Google, SignInWithApple, LoginWithAmazon',
    );
  });

  it("keeps an identity provider's array and object claims as their JSON text", () => {
    const event = raw('InboundFederation_ExternalProvider');
    rawRequest(event).attributes = {
      idToken: { sub: 'g-1', email_verified: true, amr: ['pwd', 'mfa'], address: { country: 'NZ' } },
    };
    expect(inboundFederation.parseEvent(event).request.attributes).toEqual({
      idToken: { sub: 'g-1', email_verified: 'true', amr: '["pwd","mfa"]', address: '{"country":"NZ"}' },
    });
  });

  it('refuses a custom sender request of another type', () => {
    const event = raw('CustomSMSSender_SignUp');
    rawRequest(event).type = 'customEmailSenderRequestV1';
    expectEventError(() => customSmsSender.parseEvent(event), 'request.type must be one of customSMSSenderRequestV1');
  });

  it('requires a code in every custom e-mail but the account-takeover notification', () => {
    const signUp = raw('CustomEmailSender_SignUp');
    rawRequest(signUp).code = null;
    expectEventError(() => customEmailSender.parseEvent(signUp), 'request.code must be a string');
    const notice = raw('CustomEmailSender_AccountTakeOverNotification');
    delete rawRequest(notice).code;
    expect(customEmailSender.parseEvent(notice).request.code).toBeNull();
  });

  it('refuses an account-takeover action it does not know', () => {
    const event = raw('CustomEmailSender_AccountTakeOverNotification');
    (rawRequest(event).userAttributes as Raw).ACCOUNT_TAKE_OVER_ACTION = 'SHRUG';
    expectEventError(
      () => customEmailSender.parseEvent(event),
      'request.userAttributes.ACCOUNT_TAKE_OVER_ACTION must be one of BLOCK, NO_ACTION, MFA, MFA_IF_CONFIGURED, MFA_REQUIRED',
    );
  });

  it('refuses a pre token generation version it does not know', () => {
    const event = preTokenEvent('TokenGeneration_HostedAuth', '2') as Raw;
    event.version = '4';
    expectEventError(() => preTokenGeneration.parseEvent(event), 'version must be one of 1, 2, 3');
  });

  it('refuses a client-credentials event that is not version 3', () => {
    const event = preTokenEvent('TokenGeneration_ClientCredentials', '3') as Raw;
    event.version = '2';
    expectEventError(
      () => preTokenGeneration.parseEvent(event),
      'version must be 3 for TokenGeneration_ClientCredentials, not 2',
    );
  });

  it('reads a client-credentials event without user attributes or groups', () => {
    const event = preTokenEvent('TokenGeneration_ClientCredentials', '3') as Raw;
    event.request = { scopes: ['orders-api/read'] };
    event.response = { claimsAndScopeOverrideDetails: null };
    const parsed = preTokenGeneration.parseEvent(event);
    expect(parsed.request).toEqual({ userAttributes: {}, groupConfiguration: {}, scopes: ['orders-api/read'] });
    expect(parsed.response).toEqual({});
  });

  it('reads the null preferred role Cognito sends for a user without one', () => {
    const event = preTokenEvent('TokenGeneration_RefreshTokens', '1') as Raw;
    rawRequest(event).groupConfiguration = { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null };
    expect(preTokenGeneration.parseEvent(event).request.groupConfiguration).toEqual({
      groupsToOverride: [],
      iamRolesToOverride: [],
    });
  });

  it('tells version 2 and later events apart from version 1', () => {
    for (const [source, version] of PRE_TOKEN_VARIANTS) {
      const parsed = preTokenGeneration.parseEvent(preTokenEvent(source, version));
      expect(isPreTokenGenerationV2OrLater(parsed)).toBe(version !== '1');
    }
  });
});

describe('results', () => {
  it("refuses a result of another trigger source and asks for the event's own", () => {
    const event = preSignUp.parseEvent(raw('PreSignUp_SignUp'));
    expectResponseError(
      () => preSignUp.checkResult(event, { ...event, triggerSource: 'PreSignUp_AdminCreateUser' }),
      "result.triggerSource must be the event's own triggerSource (PreSignUp_SignUp); return the event",
    );
  });

  describe('of pre sign-up', () => {
    it('refuses a flag that is not a boolean', () => {
      expectResponseError(
        () =>
          respond(preSignUp, raw('PreSignUp_SignUp'), (event) =>
            Object.assign(event.response, { autoConfirmUser: 'yes' }),
          ),
        'response.autoConfirmUser must be a boolean',
      );
    });

    it('refuses to auto-verify an e-mail address the user does not have', () => {
      const event = raw('PreSignUp_SignUp');
      rawRequest(event).userAttributes = { phone_number: '+12065550142' };
      expectResponseError(
        () => respond(preSignUp, event, (parsed) => (parsed.response.autoVerifyEmail = true)),
        'response.autoVerifyEmail can be true only when request.userAttributes.email is set',
      );
    });

    it('refuses to auto-verify a phone number the user does not have', () => {
      expectResponseError(
        () => respond(preSignUp, raw('PreSignUp_AdminCreateUser'), (event) => (event.response.autoVerifyPhone = true)),
        'response.autoVerifyPhone can be true only when request.userAttributes.phone_number is set',
      );
    });

    it('auto-confirms and auto-verifies the attributes the user has', () => {
      const event = raw('PreSignUp_SignUp');
      rawRequest(event).userAttributes = { email: 'jane.doe@example.com', phone_number: '+12065550142' };
      expect(() =>
        respond(preSignUp, event, (parsed) =>
          Object.assign(parsed.response, { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: true }),
        ),
      ).not.toThrow();
    });
  });

  describe('of custom message', () => {
    it.each(['smsMessage', 'emailMessage'] as const)('refuses a %s without the code placeholder', (field) => {
      expectResponseError(
        () =>
          respond(
            customMessage,
            raw('CustomMessage_ForgotPassword'),
            (event) => (event.response[field] = 'Reset your password.'),
          ),
        `response.${field} must contain request.codeParameter`,
      );
    });

    it.each(['smsMessage', 'emailMessage'] as const)(
      'refuses an invitation %s without the username placeholder',
      (field) => {
        expectResponseError(
          () =>
            respond(
              customMessage,
              raw('CustomMessage_AdminCreateUser'),
              (event) => (event.response[field] = 'Your password: {####}'),
            ),
          `response.${field} must contain request.usernameParameter`,
        );
      },
    );

    it('accepts an invitation with both placeholders and a subject', () => {
      expect(() =>
        respond(customMessage, raw('CustomMessage_AdminCreateUser'), (event) =>
          Object.assign(event.response, {
            emailSubject: 'Welcome',
            emailMessage: '<p>User {username}, password {####}</p>',
            smsMessage: '{username} / {####}',
          }),
        ),
      ).not.toThrow();
    });

    it('accepts a sign-up e-mail with the verification link instead of the code', () => {
      expect(() =>
        respond(
          customMessage,
          raw('CustomMessage_SignUp'),
          (event) => (event.response.emailMessage = 'Confirm: {##Click Here##}'),
        ),
      ).not.toThrow();
    });

    it('refuses a reset e-mail with only the link placeholder, because resets use the code', () => {
      expectResponseError(
        () =>
          respond(
            customMessage,
            raw('CustomMessage_ForgotPassword'),
            (event) => (event.response.emailMessage = 'Reset: {##Click Here##}'),
          ),
        'response.emailMessage must contain request.codeParameter',
      );
    });

    it('refuses texts longer than Cognito takes and counts characters, not UTF-16 units', () => {
      const sms = (text: string) => () =>
        respond(customMessage, raw('CustomMessage_Authentication'), (event) => (event.response.smsMessage = text));
      expect(sms(`{####} ${'👋'.repeat(CUSTOM_MESSAGE_LIMITS.smsMessage - 7)}`)).not.toThrow();
      expectResponseError(
        sms(`{####} ${'x'.repeat(CUSTOM_MESSAGE_LIMITS.smsMessage - 6)}`),
        'response.smsMessage must be at most 140 characters',
      );
      expectResponseError(
        () =>
          respond(
            customMessage,
            raw('CustomMessage_Authentication'),
            (event) => (event.response.emailMessage = `{####}${'x'.repeat(20_000)}`),
          ),
        'response.emailMessage must be at most 20000 characters',
      );
      expectResponseError(
        () =>
          respond(
            customMessage,
            raw('CustomMessage_Authentication'),
            (event) => (event.response.emailSubject = 's'.repeat(141)),
          ),
        'response.emailSubject must be at most 140 characters',
      );
    });

    it('refuses a text that is not a string', () => {
      expectResponseError(
        () =>
          respond(customMessage, raw('CustomMessage_SignUp'), (event) =>
            Object.assign(event.response, { smsMessage: 42 }),
          ),
        'response.smsMessage must be a string',
      );
    });
  });

  describe('customMessageProblem', () => {
    const parsed = (source: FactorySource) => customMessage.parseEvent(raw(source));

    it('accepts texts with the placeholders Cognito needs, and no texts at all', () => {
      const invitation = parsed('CustomMessage_AdminCreateUser');
      expect(
        customMessageProblem(invitation, {
          emailSubject: 'Welcome',
          emailMessage: '{username} {####}',
          smsMessage: '{username} {####}',
        }),
      ).toBeUndefined();
      expect(customMessageProblem(invitation, { emailMessage: null, smsMessage: null })).toBeUndefined();
    });

    it('names the field and a loggable reason instead of throwing', () => {
      expect(
        customMessageProblem(parsed('CustomMessage_ForgotPassword'), {
          emailMessage: '{####}',
          smsMessage: 'Reset your password',
        }),
      ).toEqual({
        field: 'smsMessage',
        reason: 'missing-code-parameter',
      });
      expect(
        customMessageProblem(parsed('CustomMessage_AdminCreateUser'), { emailMessage: 'Password {####}' }),
      ).toEqual({
        field: 'emailMessage',
        reason: 'missing-username-parameter',
      });
      expect(customMessageProblem(parsed('CustomMessage_Authentication'), { emailSubject: 's'.repeat(141) })).toEqual({
        field: 'emailSubject',
        reason: 'too-long',
        limit: CUSTOM_MESSAGE_LIMITS.emailSubject,
      });
    });

    it('takes the verification link in place of the code only in sign-up e-mails', () => {
      expect(
        customMessageProblem(parsed('CustomMessage_ResendCode'), { emailMessage: 'Confirm: {##Click Here##}' }),
      ).toBeUndefined();
      expect(
        customMessageProblem(parsed('CustomMessage_ResendCode'), { smsMessage: 'Confirm: {##Click Here##}' }),
      ).toMatchObject({
        reason: 'missing-code-parameter',
      });
    });
  });

  describe('of pre token generation', () => {
    const v1 = () => preTokenEvent('TokenGeneration_Authentication', '1');
    const v2 = () => preTokenEvent('TokenGeneration_Authentication', '2');

    it('accepts numbers, booleans, arrays and JSON objects as version 2 claim values', () => {
      expect(() =>
        respond(preTokenGeneration, v2(), (event) => {
          if (!isPreTokenGenerationV2OrLater(event)) throw new Error('expected version 2');
          event.response.claimsAndScopeOverrideDetails = {
            idTokenGeneration: {
              claimsToAddOrOverride: {
                seats: 5,
                beta: true,
                roles: ['admin', 1, false],
                org: { id: 'o-1', tags: ['a', null] },
              },
            },
            accessTokenGeneration: {
              claimsToAddOrOverride: { tier: 'gold' },
              scopesToAdd: ['api/read'],
              scopesToSuppress: ['email'],
            },
            groupOverrideDetails: null,
          };
        }),
      ).not.toThrow();
    });

    it('accepts numbers and booleans but refuses arrays as version 1 claim values', () => {
      expect(() =>
        respond(preTokenGeneration, v1(), (event) => {
          if (event.version !== '1') throw new Error('expected version 1');
          event.response.claimsOverrideDetails = { claimsToAddOrOverride: { seats: 5, beta: true, tier: 'gold' } };
        }),
      ).not.toThrow();
      expectResponseError(
        () =>
          respond(preTokenGeneration, v1(), (event) => {
            if (event.version !== '1') throw new Error('expected version 1');
            event.response.claimsOverrideDetails = { claimsToAddOrOverride: { roles: ['admin'] } };
          }),
        'response.claimsOverrideDetails.claimsToAddOrOverride.roles must be a string, finite number or boolean',
      );
    });

    it('refuses a version 1 event answered with the version 2 response', () => {
      expectResponseError(
        () =>
          respond(preTokenGeneration, v1(), (event) =>
            Object.assign(event.response, { claimsAndScopeOverrideDetails: {} }),
          ),
        'response.claimsAndScopeOverrideDetails is the version 2 and 3 response; a version 1 event takes response.claimsOverrideDetails',
      );
    });

    it('refuses a version 2 event answered with the version 1 response', () => {
      expectResponseError(
        () =>
          respond(preTokenGeneration, v2(), (event) =>
            Object.assign(event.response, { claimsOverrideDetails: { claimsToSuppress: ['email'] } }),
          ),
        'response.claimsOverrideDetails is the version 1 response; a version 2 event takes response.claimsAndScopeOverrideDetails',
      );
    });

    it.each(RESERVED_CLAIMS)('refuses to add or override the reserved claim %s', (claim) => {
      expectResponseError(
        () =>
          respond(preTokenGeneration, v2(), (event) =>
            Object.assign(event.response, {
              claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { [claim]: 'x' } } },
            }),
          ),
        `response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride.${claim} is a claim Cognito sets itself; it cannot be added or overridden`,
      );
    });

    it('refuses a reserved claim in a version 1 response too', () => {
      expectResponseError(
        () =>
          respond(preTokenGeneration, v1(), (event) =>
            Object.assign(event.response, { claimsOverrideDetails: { claimsToAddOrOverride: { sub: 'x' } } }),
          ),
        'response.claimsOverrideDetails.claimsToAddOrOverride.sub is a claim Cognito sets itself; it cannot be added or overridden',
      );
    });

    it('refuses cognito:groups as a claim and points to groupOverrideDetails', () => {
      expectResponseError(
        () =>
          respond(preTokenGeneration, v2(), (event) =>
            Object.assign(event.response, {
              claimsAndScopeOverrideDetails: {
                idTokenGeneration: { claimsToAddOrOverride: { 'cognito:groups': ['admins'] } },
              },
            }),
          ),
        'response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.cognito:groups comes from the user’s groups; change it with groupOverrideDetails',
      );
    });

    it('refuses an object as the value of email_verified in the ID token', () => {
      expectResponseError(
        () =>
          respond(preTokenGeneration, v2(), (event) =>
            Object.assign(event.response, {
              claimsAndScopeOverrideDetails: {
                idTokenGeneration: { claimsToAddOrOverride: { email_verified: { value: true } } },
              },
            }),
          ),
        'response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.email_verified must be a string, finite number or boolean',
      );
    });

    const notJson: [string, unknown, string][] = [
      [
        'NaN',
        Number.NaN,
        'claimsToAddOrOverride.c must be a string, finite number, boolean, array of those, or JSON object',
      ],
      [
        'a function',
        () => 1,
        'claimsToAddOrOverride.c must be a string, finite number, boolean, array of those, or JSON object',
      ],
      [
        'a Date',
        new Date(0),
        'claimsToAddOrOverride.c must be a string, finite number, boolean, array of those, or JSON object',
      ],
      ['an array of objects', [{ a: 1 }], 'claimsToAddOrOverride.c[0] must be a string, finite number or boolean'],
      [
        'an object holding a bigint',
        { n: 10n },
        'claimsToAddOrOverride.c.n must be a JSON value (string, finite number, boolean, null, array or plain object)',
      ],
    ];

    it.each(notJson)('refuses %s as a claim value', (_name, value, pathAndProblem) => {
      expectResponseError(
        () =>
          respond(preTokenGeneration, v2(), (event) =>
            Object.assign(event.response, {
              claimsAndScopeOverrideDetails: { idTokenGeneration: { claimsToAddOrOverride: { c: value } } },
            }),
          ),
        `response.claimsAndScopeOverrideDetails.idTokenGeneration.${pathAndProblem}`,
      );
    });

    it('refuses a claim object that refers to itself', () => {
      const org: Raw = { id: 'o-1' };
      org.self = org;
      expectResponseError(
        () =>
          respond(preTokenGeneration, v2(), (event) =>
            Object.assign(event.response, {
              claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { org } } },
            }),
          ),
        'response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride.org.self must not refer to itself',
      );
    });

    it('ignores a claim set to undefined, which never reaches Cognito', () => {
      expect(() =>
        respond(preTokenGeneration, v2(), (event) =>
          Object.assign(event.response, {
            claimsAndScopeOverrideDetails: { idTokenGeneration: { claimsToAddOrOverride: { tier: undefined } } },
          }),
        ),
      ).not.toThrow();
    });

    it('refuses scopes that are not strings', () => {
      expectResponseError(
        () =>
          respond(preTokenGeneration, v2(), (event) =>
            Object.assign(event.response, {
              claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToAdd: ['api/read', 7] } },
            }),
          ),
        'response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToAdd[1] must be a string',
      );
    });

    it('refuses group overrides that are not arrays of strings', () => {
      expectResponseError(
        () =>
          respond(preTokenGeneration, v1(), (event) =>
            Object.assign(event.response, {
              claimsOverrideDetails: { groupOverrideDetails: { groupsToOverride: 'admins' } },
            }),
          ),
        'response.claimsOverrideDetails.groupOverrideDetails.groupsToOverride must be an array of strings',
      );
    });

    it('accepts access-token changes for a machine-to-machine grant', () => {
      expect(() =>
        respond(preTokenGeneration, triggerEvent('TokenGeneration_ClientCredentials'), (event) =>
          Object.assign(event.response, {
            claimsAndScopeOverrideDetails: {
              accessTokenGeneration: { claimsToAddOrOverride: { tenant: { id: 't-1' } }, scopesToSuppress: ['admin'] },
            },
          }),
        ),
      ).not.toThrow();
    });
  });

  describe('of the auth-challenge triggers', () => {
    it('refuses a define response whose flags are not booleans', () => {
      expectResponseError(
        () =>
          respond(defineAuthChallenge, raw('DefineAuthChallenge_Authentication'), (event) =>
            Object.assign(event.response, { issueTokens: 'true' }),
          ),
        'response.issueTokens must be a boolean',
      );
      expectResponseError(
        () =>
          respond(defineAuthChallenge, raw('DefineAuthChallenge_Authentication'), (event) =>
            Object.assign(event.response, { failAuthentication: undefined }),
          ),
        'response.failAuthentication must be a boolean',
      );
      expectResponseError(
        () =>
          respond(defineAuthChallenge, raw('DefineAuthChallenge_Authentication'), (event) =>
            Object.assign(event.response, { challengeName: 7 }),
          ),
        'response.challengeName must be a string',
      );
    });

    it('refuses challenge parameters that are not strings', () => {
      expectResponseError(
        () =>
          respond(createAuthChallenge, raw('CreateAuthChallenge_Authentication'), (event) =>
            Object.assign(event.response, { publicChallengeParameters: { digits: 6 } }),
          ),
        'response.publicChallengeParameters.digits must be a string',
      );
      expectResponseError(
        () =>
          respond(createAuthChallenge, raw('CreateAuthChallenge_Authentication'), (event) =>
            Object.assign(event.response, { privateChallengeParameters: undefined }),
          ),
        'response.privateChallengeParameters must be an object',
      );
    });

    it('accepts a created challenge with metadata', () => {
      expect(() =>
        respond(createAuthChallenge, raw('CreateAuthChallenge_Authentication'), (event) =>
          Object.assign(event.response, {
            publicChallengeParameters: { question: '2 + 2?' },
            privateChallengeParameters: { answer: '4' },
            challengeMetadata: 'ARITHMETIC',
          }),
        ),
      ).not.toThrow();
    });

    it('refuses a verify response whose answerCorrect is not a boolean', () => {
      expectResponseError(
        () =>
          respond(verifyAuthChallengeResponse, raw('VerifyAuthChallengeResponse_Authentication'), (event) =>
            Object.assign(event.response, { answerCorrect: 'yes' }),
          ),
        'response.answerCorrect must be a boolean',
      );
    });
  });

  describe('of user migration', () => {
    it('accepts a complete migrated user', () => {
      expect(() =>
        respond(userMigration, raw('UserMigration_Authentication'), (event) => {
          event.response = {
            userAttributes: { email: 'jane.doe@example.com', email_verified: 'true' },
            finalUserStatus: 'CONFIRMED',
            messageAction: 'SUPPRESS',
            desiredDeliveryMediums: ['EMAIL'],
            forceAliasCreation: false,
            enableSMSMFA: false,
          };
        }),
      ).not.toThrow();
    });

    it('refuses a final status Cognito does not allow for migrated users', () => {
      expectResponseError(
        () =>
          respond(userMigration, raw('UserMigration_Authentication'), (event) =>
            Object.assign(event.response, { finalUserStatus: 'FORCE_CHANGE_PASSWORD' }),
          ),
        'response.finalUserStatus must be one of CONFIRMED, RESET_REQUIRED',
      );
    });

    it('refuses an unknown message action and delivery medium', () => {
      expectResponseError(
        () =>
          respond(userMigration, raw('UserMigration_ForgotPassword'), (event) =>
            Object.assign(event.response, { messageAction: 'SEND' }),
          ),
        'response.messageAction must be one of SUPPRESS, RESEND',
      );
      expectResponseError(
        () =>
          respond(userMigration, raw('UserMigration_ForgotPassword'), (event) =>
            Object.assign(event.response, { desiredDeliveryMediums: ['EMAIL', 'PIGEON'] }),
          ),
        'response.desiredDeliveryMediums[1] must be one of SMS, EMAIL',
      );
    });

    it('refuses attributes that are not strings, which Cognito cannot store', () => {
      expectResponseError(
        () =>
          respond(userMigration, raw('UserMigration_Authentication'), (event) =>
            Object.assign(event.response, { userAttributes: { email_verified: true } }),
          ),
        'response.userAttributes.email_verified must be a string',
      );
    });

    it('refuses a response without attributes or with a non-boolean option', () => {
      expectResponseError(
        () =>
          respond(userMigration, raw('UserMigration_Authentication'), (event) =>
            Object.assign(event.response, { userAttributes: null }),
          ),
        'response.userAttributes must be an object',
      );
      expectResponseError(
        () =>
          respond(userMigration, raw('UserMigration_Authentication'), (event) =>
            Object.assign(event.response, { enableSMSMFA: 'no' }),
          ),
        'response.enableSMSMFA must be a boolean',
      );
    });
  });

  describe('of inbound federation', () => {
    it('refuses attributes to map that are not strings', () => {
      expectResponseError(
        () =>
          respond(inboundFederation, raw('InboundFederation_ExternalProvider'), (event) =>
            Object.assign(event.response, {
              userAttributesToMap: { email: 'jane.doe@example.com', email_verified: true },
            }),
          ),
        'response.userAttributesToMap.email_verified must be a string',
      );
    });
  });

  describe('of the custom senders', () => {
    it.each(['CustomEmailSender_SignUp', 'CustomSMSSender_Authentication'] as const)(
      'accepts any object from a %s handler, because Cognito ignores it and a retry would send twice',
      (source) => {
        const family = familyOf(source);
        const event = family.parseEvent(triggerEvent(source));
        expect(family.checkResult(event, {})).toEqual({});
        expectResponseError(() => family.checkResult(event, undefined), 'result must be an object');
      },
    );
  });
});

describe('the registry', () => {
  it('keys every family by its own name', () => {
    for (const [name, family] of Object.entries<TriggerFamily<CognitoTriggerEvent>>(TRIGGER_FAMILIES)) {
      expect(family.name).toBe(name);
    }
  });

  it('finds the family of every source and nothing for an unknown one', () => {
    for (const family of Object.values<TriggerFamily<CognitoTriggerEvent>>(TRIGGER_FAMILIES)) {
      for (const source of family.sources) expect(familyForSource(source)).toBe(family);
    }
    expect(familyForSource('PreSignUp_Nonsense')).toBeUndefined();
  });

  it('gives each family the failure policy its trigger needs', () => {
    const policies = Object.fromEntries(
      Object.values<TriggerFamily<CognitoTriggerEvent>>(TRIGGER_FAMILIES).map((family) => [
        family.name,
        family.failurePolicy,
      ]),
    );
    expect(policies).toEqual({
      PreSignUp: 'reject',
      PostConfirmation: 'return-event',
      PreAuthentication: 'reject',
      PostAuthentication: 'return-event',
      CustomMessage: 'return-event',
      PreTokenGeneration: 'reject',
      DefineAuthChallenge: 'reject',
      CreateAuthChallenge: 'reject',
      VerifyAuthChallengeResponse: 'reject',
      UserMigration: 'reject',
      InboundFederation: 'reject',
      CustomEmailSender: 'rethrow',
      CustomSMSSender: 'rethrow',
    });
  });
});

describe('families in defineTrigger', () => {
  it('fail a sign-up closed when the handler auto-verifies an e-mail the user does not have', async () => {
    const handler = defineTrigger(preSignUp, { service: 't', writeLog: () => undefined }, (event) => {
      event.response.autoVerifyEmail = true;
      return Promise.resolve(event);
    });
    const event = triggerEvent('PreSignUp_SignUp', { request: { userAttributes: { email: undefined } } });
    await expect(handler(event, fakeContext())).rejects.toBeInstanceOf(TriggerFailedError);
  });

  it('return the untouched raw event when a custom message handler writes an invalid message', async () => {
    const handler = defineTrigger(customMessage, { service: 't', writeLog: () => undefined }, (event) => {
      event.response.emailMessage = 'No code here';
      return Promise.resolve(event);
    });
    const event = triggerEvent('CustomMessage_SignUp');
    const result = await handler(event, fakeContext());
    expect(result).toBe(event);
    expect(result.response.emailMessage).toBeNull();
  });
});
