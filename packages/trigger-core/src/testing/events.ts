import type { CreateAuthChallengeEvent } from '../events/create-auth-challenge';
import type { CustomEmailSenderEvent } from '../events/custom-email-sender';
import type { CustomMessageEvent } from '../events/custom-message';
import type { CustomSMSSenderEvent } from '../events/custom-sms-sender';
import type { DefineAuthChallengeEvent } from '../events/define-auth-challenge';
import type { InboundFederationEvent } from '../events/inbound-federation';
import type { PostAuthenticationEvent } from '../events/post-authentication';
import type { PostConfirmationEvent } from '../events/post-confirmation';
import type { PreAuthenticationEvent } from '../events/pre-authentication';
import type { PreSignUpEvent } from '../events/pre-sign-up';
import type {
  PreTokenGenerationV1Event,
  PreTokenGenerationV2Event,
  PreTokenGenerationV3Event,
  PreTokenGenerationVersion,
} from '../events/pre-token-generation/types';
import type { UserMigrationEvent } from '../events/user-migration';
import type { VerifyAuthChallengeResponseEvent } from '../events/verify-auth-challenge-response';
import { base, builders, preTokenRequest, USER_SCOPES } from './event-builders';

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
