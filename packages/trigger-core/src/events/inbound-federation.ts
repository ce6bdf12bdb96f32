import type { InboundFederationProviderType, InboundFederationTriggerEvent } from 'aws-lambda';
import { eventShape } from '../authoring/checker';
import { defineFamily } from '../authoring/define-family';
import { read, reply, type FieldReader } from '../authoring/fields';
import type { StringMap } from './values';

/**
 * The sources of the InboundFederation family.
 *
 * @example
 * INBOUND_FEDERATION_SOURCES.includes(event.triggerSource);
 */
export const INBOUND_FEDERATION_SOURCES = ['InboundFederation_ExternalProvider'] as const;

/**
 * The identity-provider types Cognito names in `request.providerType`.
 *
 * @example
 * const social = INBOUND_FEDERATION_PROVIDER_TYPES.filter((type) => type !== 'OIDC' && type !== 'SAML');
 */
export const INBOUND_FEDERATION_PROVIDER_TYPES = [
  'OIDC',
  'SAML',
  'Facebook',
  'Google',
  'SignInWithApple',
  'LoginWithAmazon',
] as const satisfies readonly InboundFederationProviderType[];

/**
 * An InboundFederation event, discriminated on `triggerSource`. Return `response.userAttributesToMap`
 * with every attribute to keep: Cognito drops the ones left out, and an empty map keeps them all.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-inbound-federation.html
 * @example
 * event.response.userAttributesToMap = { email: event.request.attributes.idToken?.email ?? '' };
 */
export type InboundFederationEvent = InboundFederationTriggerEvent;

/** The attribute maps of `request.attributes`, which differ by provider type. */
const ATTRIBUTE_SOURCES = ['tokenResponse', 'idToken', 'userInfo', 'samlResponse'] as const;

/**
 * Reads one of the provider's attribute maps. Cognito documents them as string maps, but an IdP's
 * ID token or userInfo can carry arrays and objects (`amr`, `address`); those become their JSON
 * text rather than failing federated sign-in for a claim the handler may never read.
 */
function providerAttributes(value: unknown, path: string): StringMap | undefined {
  const object = eventShape.optionalObject(value, path);
  if (!object) return undefined;
  const map: StringMap = {};
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (item === null || item === undefined) continue;
    map[key] = typeof item === 'string' ? item : JSON.stringify(item);
  }
  return map;
}

/** `request.attributes`: the provider's attribute maps, which differ by provider type; absent ones stay absent. */
const providerAttributeMaps: FieldReader<InboundFederationEvent['request']['attributes']> = (value, path) => {
  const attributes = eventShape.optionalObject(value, path) ?? {};
  const maps: Record<string, StringMap> = {};
  for (const source of ATTRIBUTE_SOURCES) {
    const map = providerAttributes(attributes[source], `${path}.${source}`);
    if (map) maps[source] = map;
  }
  return maps;
};

/**
 * The InboundFederation family: fires when a user signs in through an external identity
 * provider, before Cognito writes the provider's attributes to the user profile. Fails closed: a
 * broken mapping must not write unchecked attributes.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-inbound-federation.html
 * @example
 * export const handler = defineTrigger(inboundFederation, { service: 'inbound-federation' }, async (event) => {
 *   const { email = '' } = event.request.attributes.idToken ?? {};
 *   event.response.userAttributesToMap = { email };
 *   return event;
 * });
 */
export const inboundFederation = defineFamily<InboundFederationEvent>({
  name: 'InboundFederation',
  sources: INBOUND_FEDERATION_SOURCES,
  slot: 'InboundFederation',
  versions: ['1'],
  failurePolicy: 'reject',
  deployment: {
    deployable: false,
    reason: 'the CDK user-pool stack has no slot for an inbound federation trigger',
  },
  request: {
    // Read first, as before: a malformed attribute map is the first problem reported.
    attributes: providerAttributeMaps,
    providerName: read.string,
    providerType: read.oneOf(INBOUND_FEDERATION_PROVIDER_TYPES),
  },
  response: { userAttributesToMap: reply.attributes },
});
