/**
 * The contract between the wrapper (`defineTrigger`) and a trigger family: what the family says
 * about its events and what the wrapper does with that. Families are written with `defineFamily`
 * (`@cognito-triggers/trigger-core/authoring`); `TRIGGER_FAMILIES` lists them all.
 */
import type { BaseTriggerEvent } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';

/**
 * What the wrapper does when a handler fails unexpectedly or misses its deadline
 * (see the failure-policy table in the README):
 * - `return-event`: return the event unchanged (notifications and messages must not block the user);
 * - `reject`: fail the user's request with a generic, user-safe message (gates fail closed);
 * - `rethrow`: throw a sanitised error so Lambda retries (custom senders must deliver the code).
 *
 * @example
 * if (family.failurePolicy === 'reject') console.log(`${family.name} fails closed`);
 */
export type FailurePolicy = 'return-event' | 'reject' | 'rethrow';

/**
 * The names of the trigger families, as the template, the docs and the logs' `family` field use them.
 *
 * @example
 * const family = TRIGGER_FAMILIES['PreSignUp' satisfies TriggerFamilyName];
 */
export type TriggerFamilyName =
  | 'PreSignUp'
  | 'PostConfirmation'
  | 'PreAuthentication'
  | 'PostAuthentication'
  | 'CustomMessage'
  | 'PreTokenGeneration'
  | 'DefineAuthChallenge'
  | 'CreateAuthChallenge'
  | 'VerifyAuthChallengeResponse'
  | 'UserMigration'
  | 'InboundFederation'
  | 'CustomEmailSender'
  | 'CustomSMSSender';

/**
 * The key of a user pool's `LambdaConfig` (the Cognito API's `LambdaConfigType`) that points at a
 * family's function. Pre token generation also has `PreTokenGenerationConfig`, which chooses the
 * event version.
 *
 * @example
 * const lambdaConfig = { [preSignUp.slot]: functionArn }; // { PreSignUp: 'arn:aws:lambda:…' }
 */
export type LambdaConfigSlot =
  | 'PreSignUp'
  | 'PostConfirmation'
  | 'PreAuthentication'
  | 'PostAuthentication'
  | 'CustomMessage'
  | 'PreTokenGeneration'
  | 'DefineAuthChallenge'
  | 'CreateAuthChallenge'
  | 'VerifyAuthChallengeResponse'
  | 'UserMigration'
  | 'InboundFederation'
  | 'CustomEmailSender'
  | 'CustomSMSSender';

/**
 * Whether this repo's tooling (the CDK user-pool stack, `pnpm deploy:trigger`) can deploy an app of
 * the family with nothing but its function, and if not, why.
 *
 * @example
 * if (!family.deployment.deployable) console.log(family.deployment.reason);
 */
export type FamilyDeployment = { readonly deployable: true } | { readonly deployable: false; readonly reason: string };

/**
 * Everything the wrapper needs to know about one trigger family: its sources and Cognito slot,
 * its failure policy, and the runtime checks of its events and of the responses Cognito accepts.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 * @example
 * export const handler = defineTrigger(postConfirmation, { service: 'welcome' }, async (event) => event);
 */
export interface TriggerFamily<TEvent extends { triggerSource: string }> {
  readonly name: TriggerFamilyName;
  readonly sources: readonly TEvent['triggerSource'][];
  /** The `LambdaConfig` key a user pool sets to this family's function. */
  readonly slot: LambdaConfigSlot;
  /** The event `version`s Cognito sends this family. */
  readonly versions: readonly string[];
  readonly failurePolicy: FailurePolicy;
  readonly deployment: FamilyDeployment;
  /** Checks the parts of an event a handler relies on; throws `InvalidEventError` naming the path. */
  parseEvent(input: unknown): TEvent;
  /** Checks a handler's result against what Cognito accepts; throws `InvalidResponseError` naming the path. */
  checkResult(event: TEvent, result: unknown): TEvent;
}

/**
 * The fields every Cognito user-pool trigger event carries, typed by source.
 *
 * @example
 * type Base = BaseEvent<'PostConfirmation_ConfirmSignUp'>; // version, region, userPoolId, triggerSource, userName, callerContext
 */
export type BaseEvent<TSource extends string> = Omit<BaseTriggerEvent<TSource>, 'request' | 'response'>;
