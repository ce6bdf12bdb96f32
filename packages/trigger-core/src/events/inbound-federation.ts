import type { InboundFederationProviderType, InboundFederationTriggerEvent } from 'aws-lambda';
import { eventShape, type StringMap } from '../shape';
import { checkStringMap, optionalEntry } from './checks';
import { checkResultBase, parseBase, type TriggerFamily } from './common';

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
 * @example
 * event.response.userAttributesToMap = { email: event.request.attributes.idToken?.email ?? '' };
 */
export type InboundFederationEvent = InboundFederationTriggerEvent;

/** The attribute maps of `request.attributes`, which differ by provider type. */
const ATTRIBUTE_SOURCES = ['tokenResponse', 'idToken', 'userInfo', 'samlResponse'] as const;

/**
 * Parses one of the provider's attribute maps. Cognito documents them as string maps, but an IdP's
 * ID token or userInfo can carry arrays and objects (`amr`, `address`); those become their JSON
 * text rather than failing federated sign-in for a claim the handler may never read.
 */
function providerAttributes(value: unknown, path: string): StringMap | undefined {
  const object = eventShape.optionalObject(value, path);
  if (!object) return undefined;
  const map: StringMap = {};
  for (const [key, item] of Object.entries(object)) {
    if (item === null || item === undefined) continue;
    map[key] = typeof item === 'string' ? item : JSON.stringify(item);
  }
  return map;
}

/**
 * The InboundFederation family: fires when a user signs in through an external identity
 * provider, before Cognito writes the provider's attributes to the user profile. Fails closed: a
 * broken mapping must not write unchecked attributes.
 *
 * @example
 * export const handler = defineTrigger(inboundFederation, { service: 'inbound-federation' }, async (event) => event);
 */
export const inboundFederation: TriggerFamily<InboundFederationEvent> = {
  name: 'InboundFederation',
  sources: INBOUND_FEDERATION_SOURCES,
  failurePolicy: 'reject',
  parseEvent(input) {
    const { base, request, response } = parseBase(input, INBOUND_FEDERATION_SOURCES);
    const attributes = eventShape.optionalObject(request.attributes, 'request.attributes') ?? {};
    const parsedAttributes: InboundFederationEvent['request']['attributes'] = {};
    for (const source of ATTRIBUTE_SOURCES) {
      Object.assign(
        parsedAttributes,
        optionalEntry(source, providerAttributes(attributes[source], `request.attributes.${source}`)),
      );
    }
    return {
      ...base,
      request: {
        providerName: eventShape.string(request.providerName, 'request.providerName'),
        providerType: eventShape.oneOf(request.providerType, INBOUND_FEDERATION_PROVIDER_TYPES, 'request.providerType'),
        attributes: parsedAttributes,
      },
      response: {
        userAttributesToMap:
          eventShape.optionalStringMap(response.userAttributesToMap, 'response.userAttributesToMap') ?? {},
      },
    };
  },
  checkResult(event, result) {
    const response = checkResultBase(event, result);
    checkStringMap(response.userAttributesToMap, 'response.userAttributesToMap');
    return result as InboundFederationEvent;
  },
};
