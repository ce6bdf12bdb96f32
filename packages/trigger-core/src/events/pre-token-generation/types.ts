/**
 * The event and response types of the PreTokenGeneration family, its three event versions, and
 * the claims Cognito keeps for itself.
 */
import type { GroupOverrideDetails } from 'aws-lambda';
import type { BaseEvent } from '../../family';
import type { StringMap } from '../values';

/**
 * The sources of a user's sign-in or refresh; every event version has them.
 *
 * @example
 * const forUser = (PRE_TOKEN_GENERATION_USER_SOURCES as readonly string[]).includes(event.triggerSource);
 */
export const PRE_TOKEN_GENERATION_USER_SOURCES = [
  'TokenGeneration_HostedAuth',
  'TokenGeneration_Authentication',
  'TokenGeneration_NewPasswordChallenge',
  'TokenGeneration_AuthenticateDevice',
  'TokenGeneration_RefreshTokens',
] as const;

/**
 * The source of a machine-to-machine client-credentials grant, sent only in version 3 events.
 *
 * @example
 * if (event.triggerSource === PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE) return machineClaims(event);
 */
export const PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE = 'TokenGeneration_ClientCredentials';

/**
 * The sources of the PreTokenGeneration family.
 *
 * @example
 * PRE_TOKEN_GENERATION_SOURCES.includes(event.triggerSource);
 */
export const PRE_TOKEN_GENERATION_SOURCES = [
  ...PRE_TOKEN_GENERATION_USER_SOURCES,
  PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE,
] as const;

/**
 * The event versions, as the pool's trigger configuration chooses them: `1` customises the ID
 * token, `2` also the access token, `3` also machine-to-machine access tokens.
 *
 * @example
 * const versions = new Set<string>(PRE_TOKEN_GENERATION_VERSIONS);
 */
export const PRE_TOKEN_GENERATION_VERSIONS = ['1', '2', '3'] as const;

/**
 * A PreTokenGeneration event version.
 *
 * @example
 * const version: PreTokenGenerationVersion = event.version;
 */
export type PreTokenGenerationVersion = (typeof PRE_TOKEN_GENERATION_VERSIONS)[number];

/**
 * Claims Cognito sets itself and does not let a trigger add or override (the pre token generation
 * page of the Cognito developer guide). Group claims are in {@link GROUP_CLAIMS}.
 *
 * @example
 * const claims = Object.fromEntries(Object.entries(wanted).filter(([name]) => !(RESERVED_CLAIMS as readonly string[]).includes(name)));
 */
export const RESERVED_CLAIMS = [
  'acr',
  'amr',
  'aud',
  'at_hash',
  'auth_time',
  'azp',
  'cognito:username',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'sub',
  'token_use',
  'event_id',
  'client_id',
  'scope',
  'username',
] as const;

/**
 * Claims that come from the user's groups: change them with `groupOverrideDetails`, not as claims.
 *
 * @example
 * GROUP_CLAIMS.includes('cognito:groups'); // true
 */
export const GROUP_CLAIMS = ['cognito:groups', 'cognito:roles', 'cognito:preferred_role'] as const;

/**
 * ID-token claims whose values Cognito keeps scalar: a version 2 or 3 response can give other
 * claims arrays and objects, not these.
 *
 * @example
 * event.response.claimsAndScopeOverrideDetails = { idTokenGeneration: { claimsToAddOrOverride: { email_verified: true } } };
 */
export const SCALAR_ID_TOKEN_CLAIMS = ['email_verified', 'phone_number_verified', 'updated_at', 'address'] as const;

/**
 * Any JSON value.
 *
 * @example
 * const value: JsonValue = { plan: 'pro', seats: 5, features: ['sso'] };
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A claim value Cognito writes into a token: a string, number or boolean, an array of those, or a
 * JSON object. (`@types/aws-lambda` allows strings only.) Version 1 events take the scalars only;
 * the response check enforces that.
 *
 * @example
 * const claims: ClaimMap = { tier: 'gold', seats: 5, beta: true, roles: ['admin'], org: { id: 'o-1' } };
 */
export type ClaimValue = string | number | boolean | (string | number | boolean)[] | { [key: string]: JsonValue };

/**
 * Claims to add or override, by name.
 *
 * @example
 * const claims: ClaimMap = { tenant: 'acme', seats: 5 };
 */
export type ClaimMap = Record<string, ClaimValue>;

/**
 * The request fields of every PreTokenGeneration event. `groupConfiguration` is the user's groups
 * and roles as Cognito would write them; a client-credentials event has no user, so it has no
 * groups and no attributes.
 *
 * @example
 * const groups = event.request.groupConfiguration.groupsToOverride ?? [];
 */
export interface PreTokenGenerationRequest {
  userAttributes: StringMap;
  groupConfiguration: GroupOverrideDetails;
  clientMetadata?: StringMap;
}

/**
 * The request of a version 2 or 3 event: also the scopes the access token would carry.
 *
 * @example
 * const canWrite = event.request.scopes?.includes('orders-api/write') ?? false;
 */
export interface PreTokenGenerationV2Request extends PreTokenGenerationRequest {
  scopes?: string[];
}

/**
 * The groups and roles to write into the tokens instead of the user's own. Cognito replaces the
 * group claims with what it is given, so `null` or an empty object removes them; copy
 * `request.groupConfiguration` to change only part of it.
 *
 * @example
 * event.response.claimsOverrideDetails = { groupOverrideDetails: { ...event.request.groupConfiguration, groupsToOverride: ['readers'] } };
 */
export type GroupOverride = GroupOverrideDetails | null;

/**
 * The version 1 response: changes to the ID token.
 *
 * @example
 * event.response.claimsOverrideDetails = { claimsToAddOrOverride: { tier: 'gold' }, claimsToSuppress: ['email'] };
 */
export interface ClaimsOverrideDetails {
  claimsToAddOrOverride?: ClaimMap;
  claimsToSuppress?: string[];
  groupOverrideDetails?: GroupOverride;
}

/**
 * Changes to one token in a version 2 or 3 response.
 *
 * @example
 * const idToken: TokenClaimsOverride = { claimsToAddOrOverride: { tier: 'gold' }, claimsToSuppress: ['email'] };
 */
export interface TokenClaimsOverride {
  claimsToAddOrOverride?: ClaimMap;
  claimsToSuppress?: string[];
}

/**
 * Changes to the access token in a version 2 or 3 response: claims and OAuth scopes.
 *
 * @example
 * const accessToken: AccessTokenClaimsOverride = { scopesToAdd: ['orders-api/read'], scopesToSuppress: ['email'] };
 */
export interface AccessTokenClaimsOverride extends TokenClaimsOverride {
  scopesToAdd?: string[];
  scopesToSuppress?: string[];
}

/**
 * The version 2 and 3 response: changes to the ID and access tokens.
 *
 * @example
 * event.response.claimsAndScopeOverrideDetails = { accessTokenGeneration: { scopesToAdd: ['api/read'] } };
 */
export interface ClaimsAndScopeOverrideDetails {
  idTokenGeneration?: TokenClaimsOverride;
  accessTokenGeneration?: AccessTokenClaimsOverride;
  groupOverrideDetails?: GroupOverride;
}

/** A source of a user's sign-in or refresh. */
export type UserSource = (typeof PRE_TOKEN_GENERATION_USER_SOURCES)[number];
/** Any PreTokenGeneration source. */
export type Source = (typeof PRE_TOKEN_GENERATION_SOURCES)[number];

type VersionedEvent<TVersion extends PreTokenGenerationVersion, TSource extends Source, TRequest, TResponse> = Omit<
  BaseEvent<TSource>,
  'version'
> & { version: TVersion; request: TRequest; response: TResponse };

/**
 * A version 1 PreTokenGeneration event, discriminated on `triggerSource`: it customises the ID token.
 *
 * @example
 * event.response.claimsOverrideDetails = { claimsToAddOrOverride: { tier: 'gold' } };
 */
export type PreTokenGenerationV1Event = {
  [S in UserSource]: VersionedEvent<
    '1',
    S,
    PreTokenGenerationRequest,
    { claimsOverrideDetails?: ClaimsOverrideDetails }
  >;
}[UserSource];

/**
 * A version 2 PreTokenGeneration event, discriminated on `triggerSource`: it customises the ID and
 * access tokens of users.
 *
 * @example
 * event.response.claimsAndScopeOverrideDetails = { accessTokenGeneration: { claimsToAddOrOverride: { roles: ['admin'] } } };
 */
export type PreTokenGenerationV2Event = {
  [S in UserSource]: VersionedEvent<
    '2',
    S,
    PreTokenGenerationV2Request,
    { claimsAndScopeOverrideDetails?: ClaimsAndScopeOverrideDetails }
  >;
}[UserSource];

/**
 * A version 3 PreTokenGeneration event, discriminated on `triggerSource`: as version 2, and also
 * for machine-to-machine client-credentials grants.
 *
 * @example
 * if (event.triggerSource === 'TokenGeneration_ClientCredentials') event.response.claimsAndScopeOverrideDetails = { accessTokenGeneration: { scopesToSuppress: ['admin'] } };
 */
export type PreTokenGenerationV3Event = {
  [S in Source]: VersionedEvent<
    '3',
    S,
    PreTokenGenerationV2Request,
    { claimsAndScopeOverrideDetails?: ClaimsAndScopeOverrideDetails }
  >;
}[Source];

/**
 * A PreTokenGeneration event of any version, discriminated on `version` and `triggerSource`.
 *
 * @example
 * if (event.version === '1') event.response.claimsOverrideDetails = { claimsToSuppress: ['email'] };
 */
export type PreTokenGenerationEvent = PreTokenGenerationV1Event | PreTokenGenerationV2Event | PreTokenGenerationV3Event;

/**
 * True for a version 2 or 3 event, which takes `response.claimsAndScopeOverrideDetails`.
 *
 * @example
 * if (isPreTokenGenerationV2OrLater(event)) event.response.claimsAndScopeOverrideDetails = { accessTokenGeneration: { scopesToAdd: ['api/read'] } };
 * else event.response.claimsOverrideDetails = { claimsToAddOrOverride: { tier: 'gold' } };
 */
export function isPreTokenGenerationV2OrLater(
  event: PreTokenGenerationEvent,
): event is PreTokenGenerationV2Event | PreTokenGenerationV3Event {
  return event.version !== '1';
}
