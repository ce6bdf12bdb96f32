/**
 * trigger-core: typed Cognito user-pool trigger events, a JSON logger that never writes personal
 * data, and `defineTrigger`, the safe-return wrapper every app in this repo is built on.
 *
 * The main entry is what a trigger app needs. Writing a new family: `./authoring`. Tests:
 * `./testing`.
 *
 * @example
 * import { defineTrigger, postConfirmation } from '@cognito-triggers/trigger-core';
 * export const handler = defineTrigger(postConfirmation, { service: 'welcome' }, async (event) => event);
 */

// The wrapper: deadline, failure policy, one summary log line per invocation.
export { defineTrigger, GENERIC_USER_MESSAGE } from './trigger';
export type { LambdaHandler, TriggerHandler, TriggerOptions, TriggerTools } from './trigger';

// The families, and the one registry of them (slot, sources, versions, failure policy, deployability).
export { postConfirmation, type PostConfirmationEvent } from './events/post-confirmation';
export { preSignUp, type PreSignUpEvent } from './events/pre-sign-up';
export { preAuthentication, type PreAuthenticationEvent } from './events/pre-authentication';
export { postAuthentication, type PostAuthenticationEvent } from './events/post-authentication';
export {
  CUSTOM_MESSAGE_LIMITS,
  characterCount,
  customMessage,
  customMessageProblem,
  type CustomMessageEvent,
  type CustomMessageField,
  type CustomMessageProblem,
  type CustomMessageTexts,
} from './events/custom-message';
export { preTokenGeneration } from './events/pre-token-generation/family';
export {
  GROUP_CLAIMS,
  PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE,
  RESERVED_CLAIMS,
  SCALAR_ID_TOKEN_CLAIMS,
  isPreTokenGenerationV2OrLater,
  type AccessTokenClaimsOverride,
  type ClaimMap,
  type ClaimValue,
  type ClaimsAndScopeOverrideDetails,
  type ClaimsOverrideDetails,
  type GroupOverride,
  type JsonValue,
  type PreTokenGenerationEvent,
  type PreTokenGenerationRequest,
  type PreTokenGenerationV1Event,
  type PreTokenGenerationV2Event,
  type PreTokenGenerationV2Request,
  type PreTokenGenerationV3Event,
  type PreTokenGenerationVersion,
  type TokenClaimsOverride,
} from './events/pre-token-generation/types';
export {
  defineAuthChallenge,
  type ChallengeName,
  type ChallengeSessionEntry,
  type DefineAuthChallengeEvent,
} from './events/define-auth-challenge';
export { createAuthChallenge, type CreateAuthChallengeEvent } from './events/create-auth-challenge';
export {
  verifyAuthChallengeResponse,
  type VerifyAuthChallengeResponseEvent,
} from './events/verify-auth-challenge-response';
export {
  userMigration,
  type UserMigrationEvent,
  type UserMigrationEventOf,
  type UserMigrationResponse,
} from './events/user-migration';
export { inboundFederation, type InboundFederationEvent } from './events/inbound-federation';
export {
  customEmailSender,
  type AccountTakeOverNotificationAttributes,
  type CustomEmailSenderEvent,
  type CustomEmailSenderEventOf,
} from './events/custom-email-sender';
export { customSmsSender, type CustomSMSSenderEvent, type CustomSMSSenderEventOf } from './events/custom-sms-sender';
export {
  TRIGGER_FAMILIES,
  familyForSource,
  type CognitoTriggerEvent,
  type CognitoTriggerSource,
} from './events/registry';
export type {
  BaseEvent,
  FailurePolicy,
  FamilyDeployment,
  LambdaConfigSlot,
  TriggerFamily,
  TriggerFamilyName,
} from './family';
export { isTrueAttribute, type StringMap } from './events/values';

// Errors: a user-safe rejection, and what the wrapper raises and logs.
export {
  ConfigurationError,
  DeadlineExceededError,
  InvalidEventError,
  InvalidResponseError,
  TriggerError,
  TriggerFailedError,
  UserFacingError,
  type TriggerErrorCode,
} from './errors';

// Logging without personal data.
export { createLogger, type LogFields, type LogLevel, type LogValue, type Logger, type LoggerOptions } from './logger';
export { scrubPersonalData } from './scrub';

// Configuration: the one reader of the environment.
export { envReader, type EnvReader, type Environment } from './config';

// E-mail bodies: user values escaped for HTML.
export { escapeHtml } from './html';

// Exactly-once side effects over DynamoDB (opt-in: an app passes its own client and table).
export {
  eventIdempotencyKey,
  idempotencyKey,
  once,
  type IdempotencyClient,
  type IdempotencyStore,
  type OnceOptions,
  type OnceResult,
} from './idempotency';
