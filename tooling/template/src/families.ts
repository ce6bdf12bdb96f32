import { TRIGGER_FAMILIES, type FailurePolicy, type TriggerFamilyName } from '@cognito-triggers/trigger-core';
import { deployEnvironment, slotNameOf, type AppSettings, type SlotName } from '@cognito-triggers/workspace';

/**
 * What the generator needs to know about one trigger family beyond what trigger-core says (its
 * sources, failure policy, slot and deployability come from trigger-core's registry, so they never drift).
 *
 * @example
 * const { coreExport } = FAMILY_TEMPLATES.PreSignUp; // 'preSignUp'
 */
export interface FamilyTemplate {
  /** The family object trigger-core exports, passed to `defineTrigger`. */
  coreExport: string;
  /** The event type trigger-core exports for the family. */
  eventType: string;
  /** The folder under `templates/families/` holding its handler and test templates. */
  dir: string;
  /** What the generated handler does until the team writes its logic (README, docs). */
  defaultBehaviour: string;
  /** The event the bundle test sends to the built function, as an expression over the testing factories. */
  bundleEvent: string;
  /** What that invocation ends with, as an object literal `toMatchObject` checks. */
  bundleExpectation: string;
}

const returnsEvent = (source: string): string => `{ ok: true, payload: { triggerSource: '${source}' } }`;

/**
 * The template data of every family trigger-core types. `satisfies` makes a family added to
 * trigger-core a type error here until it has templates.
 *
 * @example
 * for (const [name, template] of Object.entries(FAMILY_TEMPLATES)) console.log(name, template.dir);
 */
export const FAMILY_TEMPLATES = {
  PreSignUp: {
    coreExport: 'preSignUp',
    eventType: 'PreSignUpEvent',
    dir: 'pre-sign-up',
    defaultBehaviour:
      'lets every sign-up through as Cognito would without a trigger: not auto-confirmed, nothing auto-verified',
    bundleEvent: "triggerEvent('PreSignUp_SignUp')",
    bundleExpectation:
      "{ ok: true, payload: { triggerSource: 'PreSignUp_SignUp', response: { autoConfirmUser: false } } }",
  },
  PostConfirmation: {
    coreExport: 'postConfirmation',
    eventType: 'PostConfirmationEvent',
    dir: 'post-confirmation',
    defaultBehaviour: 'does nothing and returns the event',
    bundleEvent: "triggerEvent('PostConfirmation_ConfirmSignUp')",
    bundleExpectation: returnsEvent('PostConfirmation_ConfirmSignUp'),
  },
  PreAuthentication: {
    coreExport: 'preAuthentication',
    eventType: 'PreAuthenticationEvent',
    dir: 'pre-authentication',
    defaultBehaviour: 'lets every sign-in through as Cognito would without a trigger',
    bundleEvent: "triggerEvent('PreAuthentication_Authentication')",
    bundleExpectation: returnsEvent('PreAuthentication_Authentication'),
  },
  PostAuthentication: {
    coreExport: 'postAuthentication',
    eventType: 'PostAuthenticationEvent',
    dir: 'post-authentication',
    defaultBehaviour: 'does nothing and returns the event',
    bundleEvent: "triggerEvent('PostAuthentication_Authentication')",
    bundleExpectation: returnsEvent('PostAuthentication_Authentication'),
  },
  CustomMessage: {
    coreExport: 'customMessage',
    eventType: 'CustomMessageEvent',
    dir: 'custom-message',
    defaultBehaviour: 'returns the event unchanged, so Cognito sends its default message',
    bundleEvent: "triggerEvent('CustomMessage_SignUp')",
    bundleExpectation:
      "{ ok: true, payload: { triggerSource: 'CustomMessage_SignUp', response: { emailMessage: null } } }",
  },
  PreTokenGeneration: {
    coreExport: 'preTokenGeneration',
    eventType: 'PreTokenGenerationEvent',
    dir: 'pre-token-generation',
    defaultBehaviour: 'changes no claim, scope or group: Cognito issues its default tokens (event versions 1, 2 and 3)',
    bundleEvent: "preTokenGenerationEvent('TokenGeneration_Authentication', '2')",
    bundleExpectation: "{ ok: true, payload: { triggerSource: 'TokenGeneration_Authentication', response: {} } }",
  },
  DefineAuthChallenge: {
    coreExport: 'defineAuthChallenge',
    eventType: 'DefineAuthChallengeEvent',
    dir: 'define-auth-challenge',
    defaultBehaviour:
      'runs one custom challenge after the password (SRP) steps: tokens only after a correct answer, failure after a failed step, an unknown user or 3 wrong answers',
    bundleEvent: "triggerEvent('DefineAuthChallenge_Authentication')",
    bundleExpectation:
      "{ ok: true, payload: { response: { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false } } }",
  },
  CreateAuthChallenge: {
    coreExport: 'createAuthChallenge',
    eventType: 'CreateAuthChallengeEvent',
    dir: 'create-auth-challenge',
    defaultBehaviour:
      'creates a random 6-digit one-time-code challenge that is delivered to nobody yet, so no answer can pass until the team delivers it',
    bundleEvent: "triggerEvent('CreateAuthChallenge_Authentication')",
    bundleExpectation:
      "{ ok: true, payload: { response: { publicChallengeParameters: { challenge: 'ONE_TIME_CODE' }, challengeMetadata: 'ONE_TIME_CODE' } } }",
  },
  VerifyAuthChallengeResponse: {
    coreExport: 'verifyAuthChallengeResponse',
    eventType: 'VerifyAuthChallengeResponseEvent',
    dir: 'verify-auth-challenge-response',
    defaultBehaviour: 'answers `answerCorrect: false` to every answer (fail safe) until the team writes the check',
    bundleEvent: "triggerEvent('VerifyAuthChallengeResponse_Authentication')",
    bundleExpectation: '{ ok: true, payload: { response: { answerCorrect: false } } }',
  },
  UserMigration: {
    coreExport: 'userMigration',
    eventType: 'UserMigrationEvent',
    dir: 'user-migration',
    defaultBehaviour:
      'migrates nobody: the legacy lookup is a stub that finds no one, so every request is refused with "Incorrect username or password."',
    bundleEvent: "triggerEvent('UserMigration_Authentication')",
    bundleExpectation:
      "{ ok: false, error: { errorType: 'UserFacingError', errorMessage: 'Incorrect username or password.' } }",
  },
  InboundFederation: {
    coreExport: 'inboundFederation',
    eventType: 'InboundFederationEvent',
    dir: 'inbound-federation',
    defaultBehaviour: "returns an empty `userAttributesToMap`, which keeps the pool's own attribute mapping",
    bundleEvent: "triggerEvent('InboundFederation_ExternalProvider')",
    bundleExpectation: '{ ok: true, payload: { response: { userAttributesToMap: {} } } }',
  },
  CustomEmailSender: {
    coreExport: 'customEmailSender',
    eventType: 'CustomEmailSenderEvent',
    dir: 'custom-email-sender',
    defaultBehaviour:
      'sends nothing and logs an ERROR line "message not sent" on every invocation, so an unfinished sender is visible rather than silent',
    bundleEvent: "triggerEvent('CustomEmailSender_SignUp')",
    bundleExpectation: "{ ok: true, payload: { triggerSource: 'CustomEmailSender_SignUp' } }",
  },
  CustomSMSSender: {
    coreExport: 'customSmsSender',
    eventType: 'CustomSMSSenderEvent',
    dir: 'custom-sms-sender',
    defaultBehaviour:
      'sends nothing and logs an ERROR line "message not sent" on every invocation, so an unfinished sender is visible rather than silent',
    bundleEvent: "triggerEvent('CustomSMSSender_SignUp')",
    bundleExpectation: "{ ok: true, payload: { triggerSource: 'CustomSMSSender_SignUp' } }",
  },
} as const satisfies { readonly [N in TriggerFamilyName]: FamilyTemplate };

/**
 * Every family name, in trigger-core's registry order.
 *
 * @example
 * FAMILY_NAMES.includes('PreSignUp'); // true
 */
export const FAMILY_NAMES = Object.keys(TRIGGER_FAMILIES) as TriggerFamilyName[];

/**
 * What the failure policy means for someone reading the generated README.
 *
 * @example
 * FAILURE_POLICY_TEXT.reject; // 'fails closed: ...'
 */
export const FAILURE_POLICY_TEXT: Readonly<Record<FailurePolicy, string>> = {
  'return-event':
    'fails open: on an unexpected error, a bad configuration or a missed deadline the wrapper returns the event unchanged, so the user is never blocked; the details go to the log',
  reject:
    'fails closed: on an unexpected error, a bad configuration or a missed deadline the wrapper refuses the request with a generic message safe to show to users; the details go to the log',
  rethrow:
    'retries: on an unexpected error, a bad configuration or a missed deadline the wrapper throws a sanitised error, so Lambda retries the invocation; the details go to the log',
};

/**
 * The trigger sources of a family, from trigger-core's registry.
 *
 * @example
 * sourcesOf('PostConfirmation'); // ['PostConfirmation_ConfirmSignUp', 'PostConfirmation_ConfirmForgotPassword']
 */
export function sourcesOf(family: TriggerFamilyName): readonly string[] {
  return TRIGGER_FAMILIES[family].sources;
}

/**
 * Whether the repo's tooling can deploy an app of the family, from trigger-core's registry: the
 * `cognitoTrigger.slot` its generated package.json gets (which makes it deployable), or why not
 * (the generated README says so).
 *
 * @example
 * deploymentOf('PreSignUp'); // { slot: 'preSignUp' }
 * deploymentOf('InboundFederation'); // { reason: 'the CDK user-pool stack has no slot for an inbound federation trigger' }
 */
export function deploymentOf(family: TriggerFamilyName): { slot: SlotName } | { reason: string } {
  const { deployment, slot } = TRIGGER_FAMILIES[family];
  return deployment.deployable ? { slot: slotNameOf(slot) } : { reason: deployment.reason };
}

/**
 * The failure policy trigger-core applies to a family.
 *
 * @example
 * failurePolicyOf('CustomSMSSender'); // 'rethrow'
 */
export function failurePolicyOf(family: TriggerFamilyName): FailurePolicy {
  return TRIGGER_FAMILIES[family].failurePolicy;
}

/**
 * The settings a generated app starts with, as its `src/settings.ts` declares them (a test
 * renders an app and checks that its files agree): `LOG_LEVEL`, which trigger-core reads.
 *
 * @example
 * settingsTable(STARTER_SETTINGS); // the README's configuration table of a new app
 */
export const STARTER_SETTINGS = {
  LOG_LEVEL: {
    default: 'INFO',
    readBy: 'trigger-core',
    meaning: '`DEBUG`, `INFO`, `WARN` or `ERROR` (else `AWS_LAMBDA_LOG_LEVEL`)',
  },
} as const satisfies AppSettings;

/**
 * What a deployable generated app starts with: it reads only `LOG_LEVEL`, may call no AWS API,
 * and gets the smallest memory the shipped triggers use; the team widens it when its code needs more.
 *
 * @example
 * cognitoTriggerField('preAuthentication').awsAccess; // 'none'
 */
export function cognitoTriggerField(slot: string): GeneratedCognitoTrigger {
  return {
    slot,
    environment: deployEnvironment(STARTER_SETTINGS),
    awsAccess: 'none',
    timeoutSeconds: 5,
    memoryMiB: 256,
  };
}

/**
 * The `cognitoTrigger` field of a generated app's package.json (the release tooling's registry
 * reads and checks it; this package does not depend on that one, so the shape is repeated here).
 *
 * @example
 * const field: GeneratedCognitoTrigger = cognitoTriggerField('preSignUp');
 */
export interface GeneratedCognitoTrigger {
  slot: string;
  environment: { required: string[]; optional: string[] };
  awsAccess: 'none';
  timeoutSeconds: number;
  memoryMiB: number;
}
