import { describe, expect, it } from 'vitest';
import * as authoring from '../src/authoring/index';
import * as main from '../src/index';
import { InvalidEventError, InvalidResponseError, TRIGGER_FAMILIES, type TriggerFamily } from '../src/index';

describe('the main entry', () => {
  it('exports at most 40 runtime values, each named on purpose', () => {
    const values = Object.keys(main).sort();
    expect(values.length).toBeLessThanOrEqual(40);
    expect(values).toEqual(
      [
        // the wrapper
        'defineTrigger',
        'GENERIC_USER_MESSAGE',
        // the families and their registry
        'postConfirmation',
        'preSignUp',
        'preAuthentication',
        'postAuthentication',
        'customMessage',
        'preTokenGeneration',
        'defineAuthChallenge',
        'createAuthChallenge',
        'verifyAuthChallengeResponse',
        'userMigration',
        'inboundFederation',
        'customEmailSender',
        'customSmsSender',
        'TRIGGER_FAMILIES',
        'familyForSource',
        // what handlers of some families need
        'CUSTOM_MESSAGE_LIMITS',
        'characterCount',
        'customMessageProblem',
        'GROUP_CLAIMS',
        'PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE',
        'RESERVED_CLAIMS',
        'SCALAR_ID_TOKEN_CLAIMS',
        'isPreTokenGenerationV2OrLater',
        'isTrueAttribute',
        // errors
        'ConfigurationError',
        'DeadlineExceededError',
        'InvalidEventError',
        'InvalidResponseError',
        'TriggerError',
        'TriggerFailedError',
        'UserFacingError',
        // logging, configuration, e-mail
        'createLogger',
        'scrubPersonalData',
        'envReader',
        'escapeHtml',
        // exactly-once side effects
        'once',
        'idempotencyKey',
        'eventIdempotencyKey',
      ].sort(),
    );
  });
});

describe('the registry of families', () => {
  it('gives each family its Cognito slot, event versions and deployability', () => {
    const table = Object.values<TriggerFamily<main.CognitoTriggerEvent>>(TRIGGER_FAMILIES).map((family) => [
      family.name,
      family.slot,
      family.versions.join(','),
      family.deployment.deployable,
    ]);
    expect(table).toEqual([
      ['PreSignUp', 'PreSignUp', '1', true],
      ['PostConfirmation', 'PostConfirmation', '1', true],
      ['PreAuthentication', 'PreAuthentication', '1', true],
      ['PostAuthentication', 'PostAuthentication', '1', true],
      ['CustomMessage', 'CustomMessage', '1', true],
      ['PreTokenGeneration', 'PreTokenGeneration', '1,2,3', true],
      ['DefineAuthChallenge', 'DefineAuthChallenge', '1', true],
      ['CreateAuthChallenge', 'CreateAuthChallenge', '1', true],
      ['VerifyAuthChallengeResponse', 'VerifyAuthChallengeResponse', '1', true],
      ['UserMigration', 'UserMigration', '1', true],
      ['InboundFederation', 'InboundFederation', '1', false],
      ['CustomEmailSender', 'CustomEmailSender', '1', true],
      ['CustomSMSSender', 'CustomSMSSender', '1', false],
    ]);
  });

  it('says why a family cannot be deployed yet', () => {
    for (const family of Object.values<TriggerFamily<main.CognitoTriggerEvent>>(TRIGGER_FAMILIES)) {
      if (!family.deployment.deployable) expect(family.deployment.reason).toMatch(/CDK user-pool stack/);
    }
  });
});

describe('defineFamily (./authoring)', () => {
  type ReviewEvent = {
    version: string;
    region: string;
    userPoolId: string;
    triggerSource: 'Review_Requested';
    userName: string;
    callerContext: { awsSdkVersion: string; clientId: string };
    request: { reviewer: string; notes?: string };
    response: { approved: boolean };
  };
  const { defineFamily, read, reply } = authoring;
  const review = defineFamily<ReviewEvent>({
    name: 'PreSignUp',
    sources: ['Review_Requested'],
    slot: 'PreSignUp',
    versions: ['1'],
    failurePolicy: 'reject',
    deployment: { deployable: true },
    request: { reviewer: read.string, notes: read.optional(read.string) },
    response: { approved: reply.flag },
  });
  const event = { triggerSource: 'Review_Requested', request: { reviewer: 'r-1' } };

  it('derives every path from its key and fills the defaults a handler relies on', () => {
    expect(review.parseEvent(event)).toEqual({
      version: '1',
      region: '',
      userPoolId: '',
      triggerSource: 'Review_Requested',
      userName: '',
      callerContext: { awsSdkVersion: '', clientId: '' },
      request: { reviewer: 'r-1' },
      response: { approved: false },
    });
    expect(() => review.parseEvent({ ...event, request: { reviewer: 7 } })).toThrow(
      new InvalidEventError('request.reviewer', 'must be a string'),
    );
    const parsed = review.parseEvent(event);
    expect(() => review.checkResult(parsed, { ...parsed, response: { approved: 'yes' } })).toThrow(
      new InvalidResponseError('response.approved', 'must be a boolean'),
    );
  });
});
