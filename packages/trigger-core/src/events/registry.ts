import type { TriggerFamily, TriggerFamilyName } from '../family';
import { createAuthChallenge, type CreateAuthChallengeEvent } from './create-auth-challenge';
import { customEmailSender, type CustomEmailSenderEvent } from './custom-email-sender';
import { customMessage, type CustomMessageEvent } from './custom-message';
import { customSmsSender, type CustomSMSSenderEvent } from './custom-sms-sender';
import { defineAuthChallenge, type DefineAuthChallengeEvent } from './define-auth-challenge';
import { inboundFederation, type InboundFederationEvent } from './inbound-federation';
import { postAuthentication, type PostAuthenticationEvent } from './post-authentication';
import { postConfirmation, type PostConfirmationEvent } from './post-confirmation';
import { preAuthentication, type PreAuthenticationEvent } from './pre-authentication';
import { preSignUp, type PreSignUpEvent } from './pre-sign-up';
import { preTokenGeneration } from './pre-token-generation/family';
import type { PreTokenGenerationEvent } from './pre-token-generation/types';
import { userMigration, type UserMigrationEvent } from './user-migration';
import { verifyAuthChallengeResponse, type VerifyAuthChallengeResponseEvent } from './verify-auth-challenge-response';

/**
 * Any Cognito user-pool trigger event trigger-core types, discriminated on `triggerSource`.
 *
 * @example
 * function summary(event: CognitoTriggerEvent): string { return `${event.triggerSource} in ${event.userPoolId}`; }
 */
export type CognitoTriggerEvent =
  | PreSignUpEvent
  | PostConfirmationEvent
  | PreAuthenticationEvent
  | PostAuthenticationEvent
  | CustomMessageEvent
  | PreTokenGenerationEvent
  | DefineAuthChallengeEvent
  | CreateAuthChallengeEvent
  | VerifyAuthChallengeResponseEvent
  | UserMigrationEvent
  | InboundFederationEvent
  | CustomEmailSenderEvent
  | CustomSMSSenderEvent;

/**
 * A trigger source trigger-core knows.
 *
 * @example
 * const source: CognitoTriggerSource = 'TokenGeneration_ClientCredentials';
 */
export type CognitoTriggerSource = CognitoTriggerEvent['triggerSource'];

/**
 * The one registry of trigger families, by name: each with its trigger sources, its Cognito
 * `LambdaConfig` slot, the event versions Cognito sends it, its failure policy and whether this
 * repo's tooling can deploy it. A tool that serves several triggers (the template, a local runner,
 * the release registry, a test harness) derives its lists from here instead of keeping its own.
 *
 * @example
 * for (const family of Object.values(TRIGGER_FAMILIES)) {
 *   if (family.deployment.deployable) console.log(family.name, family.slot, family.versions.join('/'));
 * }
 */
export const TRIGGER_FAMILIES = {
  PreSignUp: preSignUp,
  PostConfirmation: postConfirmation,
  PreAuthentication: preAuthentication,
  PostAuthentication: postAuthentication,
  CustomMessage: customMessage,
  PreTokenGeneration: preTokenGeneration,
  DefineAuthChallenge: defineAuthChallenge,
  CreateAuthChallenge: createAuthChallenge,
  VerifyAuthChallengeResponse: verifyAuthChallengeResponse,
  UserMigration: userMigration,
  InboundFederation: inboundFederation,
  CustomEmailSender: customEmailSender,
  CustomSMSSender: customSmsSender,
} as const satisfies { readonly [N in TriggerFamilyName]: TriggerFamily<CognitoTriggerEvent> };

const FAMILY_BY_SOURCE: ReadonlyMap<string, TriggerFamily<CognitoTriggerEvent>> = new Map(
  Object.values<TriggerFamily<CognitoTriggerEvent>>(TRIGGER_FAMILIES).flatMap((family) =>
    family.sources.map((source) => [source, family] as const),
  ),
);

/**
 * The family a trigger source belongs to, or `undefined` for a source trigger-core does not know.
 *
 * @example
 * const family = familyForSource(rawEvent.triggerSource);
 * const event = family?.parseEvent(rawEvent);
 */
export function familyForSource(source: string): TriggerFamily<CognitoTriggerEvent> | undefined {
  return FAMILY_BY_SOURCE.get(source);
}
