import type { GroupOverrideDetails } from 'aws-lambda';
import { eventShape, responseShape, type ShapeChecker, type StringMap } from '../shape';
import { copyOptionalStringArray, optionalEntry } from './checks';
import { checkResultBase, optionalClientMetadata, parseBase, type BaseEvent, type TriggerFamily } from './common';

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

type UserSource = (typeof PRE_TOKEN_GENERATION_USER_SOURCES)[number];
type Source = (typeof PRE_TOKEN_GENERATION_SOURCES)[number];

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

const RESERVED = new Set<string>(RESERVED_CLAIMS);
const GROUPS = new Set<string>(GROUP_CLAIMS);
const SCALAR_ID_CLAIMS = new Set<string>(SCALAR_ID_TOKEN_CLAIMS);

function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Checks a value inside a JSON-object claim; `ancestors` catches cycles, which JSON cannot hold.
 * `undefined` passes: serialising the result drops it (or, in an array, writes `null`).
 */
function checkJson(checker: ShapeChecker, value: unknown, path: string, ancestors: Set<object>): void {
  if (value === undefined || value === null || isScalar(value)) return;
  if (Array.isArray(value) || isPlainObject(value)) {
    if (ancestors.has(value)) checker.fail(path, 'must not refer to itself');
    ancestors.add(value);
    if (Array.isArray(value)) value.forEach((item, index) => checkJson(checker, item, `${path}[${index}]`, ancestors));
    else for (const [key, item] of Object.entries(value)) checkJson(checker, item, `${path}.${key}`, ancestors);
    ancestors.delete(value);
    return;
  }
  checker.fail(path, 'must be a JSON value (string, finite number, boolean, null, array or plain object)');
}

/** Checks one claim value against what its token and event version take. */
function checkClaimValue(checker: ShapeChecker, value: unknown, path: string, scalarOnly: boolean): void {
  if (isScalar(value)) return;
  if (scalarOnly) checker.fail(path, 'must be a string, finite number or boolean');
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (!isScalar(item)) checker.fail(`${path}[${index}]`, 'must be a string, finite number or boolean');
    });
    return;
  }
  if (isPlainObject(value)) {
    checkJson(checker, value, path, new Set());
    return;
  }
  checker.fail(path, 'must be a string, finite number, boolean, array of those, or JSON object');
}

interface ClaimRules {
  /** Version 1 responses take scalar claim values only. */
  scalarOnly: boolean;
  /** ID-token claims Cognito keeps scalar even in version 2 and 3 responses. */
  scalarClaims: ReadonlySet<string>;
  /** Whether to refuse reserved and group claims: a handler's result, not the event Cognito sent. */
  refuseReserved: boolean;
}

function parseClaimMap(checker: ShapeChecker, value: unknown, path: string, rules: ClaimRules): ClaimMap | undefined {
  const object = checker.optionalObject(value, path);
  if (!object) return undefined;
  const claims: ClaimMap = {};
  for (const [name, claim] of Object.entries(object)) {
    // Serialising the result drops an undefined claim, so Cognito never sees it.
    if (claim === undefined) continue;
    const claimPath = `${path}.${name}`;
    if (rules.refuseReserved && RESERVED.has(name)) {
      checker.fail(claimPath, 'is a claim Cognito sets itself; it cannot be added or overridden');
    }
    if (rules.refuseReserved && GROUPS.has(name)) {
      checker.fail(claimPath, 'comes from the user’s groups; change it with groupOverrideDetails');
    }
    checkClaimValue(checker, claim, claimPath, rules.scalarOnly || rules.scalarClaims.has(name));
    // A copy, so the handler cannot reach the raw event's objects through the parsed one.
    claims[name] = structuredClone(claim) as ClaimValue;
  }
  return claims;
}

function parseGroupOverride(checker: ShapeChecker, value: unknown, path: string): GroupOverrideDetails {
  const object = checker.optionalObject(value, path) ?? {};
  return {
    ...optionalEntry(
      'groupsToOverride',
      copyOptionalStringArray(checker, object.groupsToOverride, `${path}.groupsToOverride`),
    ),
    ...optionalEntry(
      'iamRolesToOverride',
      copyOptionalStringArray(checker, object.iamRolesToOverride, `${path}.iamRolesToOverride`),
    ),
    ...optionalEntry('preferredRole', checker.optionalString(object.preferredRole, `${path}.preferredRole`)),
  };
}

/** Keeps a `null` `groupOverrideDetails` apart from an absent one: to Cognito, `null` means no groups. */
function groupOverrideEntry(
  checker: ShapeChecker,
  details: Record<string, unknown>,
  path: string,
): { groupOverrideDetails?: GroupOverride } {
  if (details.groupOverrideDetails === undefined) return {};
  if (details.groupOverrideDetails === null) return { groupOverrideDetails: null };
  return {
    groupOverrideDetails: parseGroupOverride(checker, details.groupOverrideDetails, `${path}.groupOverrideDetails`),
  };
}

/** Parses one token's changes; the access token's also carry scopes. */
function parseTokenOverride(
  checker: ShapeChecker,
  value: unknown,
  path: string,
  rules: ClaimRules,
  withScopes: boolean,
): AccessTokenClaimsOverride | undefined {
  const object = checker.optionalObject(value, path);
  if (!object) return undefined;
  const array = (key: string): string[] | undefined => copyOptionalStringArray(checker, object[key], `${path}.${key}`);
  return {
    ...optionalEntry(
      'claimsToAddOrOverride',
      parseClaimMap(checker, object.claimsToAddOrOverride, `${path}.claimsToAddOrOverride`, rules),
    ),
    ...optionalEntry('claimsToSuppress', array('claimsToSuppress')),
    ...(withScopes
      ? {
          ...optionalEntry('scopesToAdd', array('scopesToAdd')),
          ...optionalEntry('scopesToSuppress', array('scopesToSuppress')),
        }
      : {}),
  };
}

const NO_SCALAR_CLAIMS: ReadonlySet<string> = new Set();

function parseV1Details(
  checker: ShapeChecker,
  value: unknown,
  path: string,
  refuseReserved: boolean,
): ClaimsOverrideDetails | undefined {
  const details = checker.optionalObject(value, path);
  if (!details) return undefined;
  const rules = { scalarOnly: true, scalarClaims: NO_SCALAR_CLAIMS, refuseReserved };
  return { ...parseTokenOverride(checker, details, path, rules, false), ...groupOverrideEntry(checker, details, path) };
}

function parseV2Details(
  checker: ShapeChecker,
  value: unknown,
  path: string,
  refuseReserved: boolean,
): ClaimsAndScopeOverrideDetails | undefined {
  const details = checker.optionalObject(value, path);
  if (!details) return undefined;
  const idRules = { scalarOnly: false, scalarClaims: SCALAR_ID_CLAIMS, refuseReserved };
  const accessRules = { scalarOnly: false, scalarClaims: NO_SCALAR_CLAIMS, refuseReserved };
  return {
    ...optionalEntry(
      'idTokenGeneration',
      parseTokenOverride(checker, details.idTokenGeneration, `${path}.idTokenGeneration`, idRules, false),
    ),
    ...optionalEntry(
      'accessTokenGeneration',
      parseTokenOverride(checker, details.accessTokenGeneration, `${path}.accessTokenGeneration`, accessRules, true),
    ),
    ...groupOverrideEntry(checker, details, path),
  };
}

function parseRequest(request: Record<string, unknown>, source: Source): PreTokenGenerationRequest {
  // A client-credentials grant has no user, so Cognito may leave attributes and groups out.
  const userAttributes =
    source === PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE
      ? (eventShape.optionalStringMap(request.userAttributes, 'request.userAttributes') ?? {})
      : eventShape.stringMap(request.userAttributes, 'request.userAttributes');
  return {
    userAttributes,
    groupConfiguration: parseGroupOverride(eventShape, request.groupConfiguration, 'request.groupConfiguration'),
    ...optionalClientMetadata(request.clientMetadata),
  };
}

/**
 * The PreTokenGeneration family, all three event versions: fires before Cognito issues tokens, so
 * the handler can add, override and suppress claims, scopes and groups. Fails closed: tokens
 * without the claims an API authorises on must not be issued.
 *
 * @example
 * export const handler = defineTrigger(preTokenGeneration, { service: 'pre-token-generation' }, async (event) => {
 *   if (isPreTokenGenerationV2OrLater(event)) {
 *     event.response.claimsAndScopeOverrideDetails = { accessTokenGeneration: { claimsToAddOrOverride: { tier: 'gold' } } };
 *   }
 *   return event;
 * });
 */
export const preTokenGeneration: TriggerFamily<PreTokenGenerationEvent> = {
  name: 'PreTokenGeneration',
  sources: PRE_TOKEN_GENERATION_SOURCES,
  failurePolicy: 'reject',
  parseEvent(input) {
    const { base, request, response } = parseBase(input, PRE_TOKEN_GENERATION_SOURCES);
    // cognito-local sends "0" for its (version 1 shaped) events; Cognito itself sends "1", "2" or "3".
    const version =
      base.version === '0' ? '1' : eventShape.oneOf(base.version, PRE_TOKEN_GENERATION_VERSIONS, 'version');
    const parsedRequest = parseRequest(request, base.triggerSource);
    // New response objects, so nothing the handler sets can reach Cognito through the raw event.
    // Reserved claims pass here: what Cognito sent is not the handler's doing.
    const v2Response = (): { claimsAndScopeOverrideDetails?: ClaimsAndScopeOverrideDetails } =>
      optionalEntry(
        'claimsAndScopeOverrideDetails',
        parseV2Details(
          eventShape,
          response.claimsAndScopeOverrideDetails,
          'response.claimsAndScopeOverrideDetails',
          false,
        ),
      );
    if (version === '3') {
      return {
        ...base,
        version,
        request: { ...parsedRequest, ...scopesEntry(request) },
        response: v2Response(),
      };
    }
    const triggerSource = userSource(base.triggerSource, version);
    if (version === '2') {
      return {
        ...base,
        version,
        triggerSource,
        request: { ...parsedRequest, ...scopesEntry(request) },
        response: v2Response(),
      };
    }
    return {
      ...base,
      version,
      triggerSource,
      request: parsedRequest,
      response: optionalEntry(
        'claimsOverrideDetails',
        parseV1Details(eventShape, response.claimsOverrideDetails, 'response.claimsOverrideDetails', false),
      ),
    };
  },
  checkResult(event, result) {
    const response = checkResultBase(event, result);
    if (event.version === '1') {
      // Cognito reads only the shape of the event's own version and ignores the other one, which
      // would silently drop every change.
      if (response.claimsAndScopeOverrideDetails != null) {
        responseShape.fail(
          'response.claimsAndScopeOverrideDetails',
          'is the version 2 and 3 response; a version 1 event takes response.claimsOverrideDetails',
        );
      }
      parseV1Details(responseShape, response.claimsOverrideDetails, 'response.claimsOverrideDetails', true);
    } else {
      if (response.claimsOverrideDetails != null) {
        responseShape.fail(
          'response.claimsOverrideDetails',
          `is the version 1 response; a version ${event.version} event takes response.claimsAndScopeOverrideDetails`,
        );
      }
      parseV2Details(
        responseShape,
        response.claimsAndScopeOverrideDetails,
        'response.claimsAndScopeOverrideDetails',
        true,
      );
    }
    return result as PreTokenGenerationEvent;
  },
};

function scopesEntry(request: Record<string, unknown>): { scopes?: string[] } {
  return optionalEntry('scopes', copyOptionalStringArray(eventShape, request.scopes, 'request.scopes'));
}

/** Versions 1 and 2 have no machine-to-machine events. */
function userSource(source: Source, version: '1' | '2'): UserSource {
  if (source === PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE) {
    eventShape.fail('version', `must be 3 for ${PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE}, not ${version}`);
  }
  return source;
}
