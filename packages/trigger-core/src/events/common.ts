import type { BaseTriggerEvent } from 'aws-lambda/trigger/cognito-user-pool-trigger/_common';
import { eventShape, responseShape, type StringMap } from '../shape';

/**
 * A string-to-string map as Cognito sends it (user attributes, client metadata).
 *
 * @example
 * const clientMetadata: StringMap = { locale: "de" };
 */
export type { StringMap };

/**
 * What the wrapper does when a handler fails unexpectedly or misses its deadline
 * (see the failure-policy table in the README):
 * - `return-event`: return the event unchanged (notifications and messages must not block the user);
 * - `reject`: fail the user's request with a generic, user-safe message (gates fail closed);
 * - `rethrow`: throw a sanitised error so Lambda retries (custom senders must deliver the code).
 *
 * @example
 * const policy: FailurePolicy = 'return-event';
 */
export type FailurePolicy = 'return-event' | 'reject' | 'rethrow';

/**
 * The names of the trigger families trigger-core types, as used by the template and docs.
 *
 * @example
 * const name: TriggerFamilyName = 'PreSignUp';
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
 * Everything the wrapper needs to know about one trigger family: its sources, its failure policy,
 * and the runtime checks of its events and of the responses Cognito accepts.
 *
 * @example
 * export const handler = defineTrigger(postConfirmation, { service: 'welcome' }, async (event) => event);
 */
export interface TriggerFamily<TEvent extends { triggerSource: string }> {
  readonly name: TriggerFamilyName;
  readonly sources: readonly TEvent['triggerSource'][];
  readonly failurePolicy: FailurePolicy;
  /** Checks the parts of an event a handler relies on; throws `InvalidEventError` naming the path. */
  parseEvent(input: unknown): TEvent;
  /** Checks a handler's result against what Cognito accepts; throws `InvalidResponseError` naming the path. */
  checkResult(event: TEvent, result: unknown): TEvent;
}

/**
 * The fields every Cognito user-pool trigger event carries, typed by source.
 *
 * @example
 * const base: BaseEvent<'PostConfirmation_ConfirmSignUp'> = { version: '1', region: 'eu-west-1', userPoolId, triggerSource: 'PostConfirmation_ConfirmSignUp', userName, callerContext };
 */
export type BaseEvent<TSource extends string> = Omit<BaseTriggerEvent<TSource>, 'request' | 'response'>;

/**
 * Parses the fields common to every trigger event. Only `triggerSource` and `request` are required:
 * a handler relies on them; the rest are checked when present, because AWS's sample test events
 * leave them out.
 *
 * @example
 * const { base, request, response } = parseBase(input, ['PostConfirmation_ConfirmSignUp']);
 */
export function parseBase<TSource extends string>(
  input: unknown,
  sources: readonly TSource[],
): { base: BaseEvent<TSource>; request: Record<string, unknown>; response: Record<string, unknown> } {
  const event = eventShape.object(input, 'event');
  const triggerSource = eventShape.oneOf(event.triggerSource, sources, 'triggerSource');
  const callerContext = eventShape.optionalObject(event.callerContext, 'callerContext');
  const base: BaseEvent<TSource> = {
    version: eventShape.optionalString(event.version, 'version') ?? '1',
    region: eventShape.optionalString(event.region, 'region') ?? '',
    userPoolId: eventShape.optionalString(event.userPoolId, 'userPoolId') ?? '',
    triggerSource,
    userName: eventShape.optionalString(event.userName, 'userName') ?? '',
    callerContext: {
      awsSdkVersion: eventShape.optionalString(callerContext?.awsSdkVersion, 'callerContext.awsSdkVersion') ?? '',
      clientId: eventShape.optionalString(callerContext?.clientId, 'callerContext.clientId') ?? '',
    },
  };
  const request = eventShape.object(event.request, 'request');
  const response = eventShape.optionalObject(event.response, 'response') ?? {};
  return { base, request, response };
}

/**
 * Checks that a handler returned an event of the same trigger source with a `response` object,
 * and returns that response object for the family's own checks.
 *
 * @example
 * const response = checkResultBase(event, result);
 */
export function checkResultBase(event: { triggerSource: string }, result: unknown): Record<string, unknown> {
  const returned = responseShape.object(result, 'result');
  if (returned.triggerSource !== event.triggerSource) {
    responseShape.fail(
      'result.triggerSource',
      `must be the event's own triggerSource (${event.triggerSource}); return the event`,
    );
  }
  return responseShape.object(returned.response, 'response');
}

/**
 * Parses optional `request.clientMetadata` into a spreadable object, so the key is absent rather
 * than `undefined` when Cognito sent none.
 *
 * @example
 * const request = { userAttributes, ...optionalClientMetadata(raw.clientMetadata) };
 */
export function optionalClientMetadata(value: unknown): { clientMetadata?: StringMap } {
  const clientMetadata = eventShape.optionalStringMap(value, 'request.clientMetadata');
  return clientMetadata ? { clientMetadata } : {};
}
