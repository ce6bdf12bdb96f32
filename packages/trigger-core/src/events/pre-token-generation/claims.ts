/**
 * Reading and checking the claim, scope and group changes of PreTokenGeneration responses. The
 * same functions read what Cognito sent (with `eventShape`) and check what a handler returns
 * (with `responseShape`, also refusing the claims Cognito sets itself).
 */
import type { GroupOverrideDetails } from 'aws-lambda';
import type { ShapeChecker } from '../../authoring/checker';
import {
  GROUP_CLAIMS,
  RESERVED_CLAIMS,
  SCALAR_ID_TOKEN_CLAIMS,
  type AccessTokenClaimsOverride,
  type ClaimMap,
  type ClaimValue,
  type ClaimsAndScopeOverrideDetails,
  type ClaimsOverrideDetails,
  type GroupOverride,
} from './types';

const RESERVED = new Set<string>(RESERVED_CLAIMS);
const GROUPS = new Set<string>(GROUP_CLAIMS);
const SCALAR_ID_CLAIMS = new Set<string>(SCALAR_ID_TOKEN_CLAIMS);
const NO_SCALAR_CLAIMS: ReadonlySet<string> = new Set();

function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

/** An object JSON can hold: a plain object, not a Date, Map or class instance. */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Sets `key` only when `value` is defined, so an absent field stays absent. */
function setDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function copyOptionalStrings(checker: ShapeChecker, value: unknown, path: string): string[] | undefined {
  const array = checker.optionalStringArray(value, path);
  return array ? [...array] : undefined;
}

/**
 * Checks a value inside a JSON-object claim; `ancestors` catches cycles, which JSON cannot hold.
 * `undefined` passes: serialising the result drops it (or, in an array, writes `null`).
 */
function checkJson(checker: ShapeChecker, value: unknown, path: string, ancestors: Set<object>): void {
  if (value === undefined || value === null || isScalar(value)) return;
  if (Array.isArray(value) || isJsonObject(value)) {
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
  if (isJsonObject(value)) {
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

function readClaimMap(checker: ShapeChecker, value: unknown, path: string, rules: ClaimRules): ClaimMap | undefined {
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

/**
 * Reads groups and roles (the request's `groupConfiguration`, a response's `groupOverrideDetails`)
 * into new arrays; a missing object reads as `{}`.
 *
 * @example
 * const groups = readGroupOverride(eventShape, raw.request.groupConfiguration, 'request.groupConfiguration');
 */
export function readGroupOverride(checker: ShapeChecker, value: unknown, path: string): GroupOverrideDetails {
  const object = checker.optionalObject(value, path) ?? {};
  const groups: GroupOverrideDetails = {};
  setDefined(
    groups,
    'groupsToOverride',
    copyOptionalStrings(checker, object.groupsToOverride, `${path}.groupsToOverride`),
  );
  setDefined(
    groups,
    'iamRolesToOverride',
    copyOptionalStrings(checker, object.iamRolesToOverride, `${path}.iamRolesToOverride`),
  );
  setDefined(groups, 'preferredRole', checker.optionalString(object.preferredRole, `${path}.preferredRole`));
  return groups;
}

/** Keeps a `null` `groupOverrideDetails` apart from an absent one: to Cognito, `null` means no groups. */
function setGroupOverride(
  target: { groupOverrideDetails?: GroupOverride },
  checker: ShapeChecker,
  details: Record<string, unknown>,
  path: string,
): void {
  const value = details.groupOverrideDetails;
  if (value === undefined) return;
  target.groupOverrideDetails =
    value === null ? null : readGroupOverride(checker, value, `${path}.groupOverrideDetails`);
}

/** Reads one token's changes; the access token's also carry scopes. */
function readTokenOverride(
  checker: ShapeChecker,
  value: unknown,
  path: string,
  rules: ClaimRules,
  withScopes: boolean,
): AccessTokenClaimsOverride | undefined {
  const object = checker.optionalObject(value, path);
  if (!object) return undefined;
  const token: AccessTokenClaimsOverride = {};
  const claims = readClaimMap(checker, object.claimsToAddOrOverride, `${path}.claimsToAddOrOverride`, rules);
  setDefined(token, 'claimsToAddOrOverride', claims);
  for (const key of withScopes ? TOKEN_LISTS_WITH_SCOPES : TOKEN_LISTS) {
    setDefined(token, key, copyOptionalStrings(checker, object[key], `${path}.${key}`));
  }
  return token;
}

const TOKEN_LISTS = ['claimsToSuppress'] as const;
const TOKEN_LISTS_WITH_SCOPES = ['claimsToSuppress', 'scopesToAdd', 'scopesToSuppress'] as const;

/**
 * Reads a version 1 `claimsOverrideDetails`; with `refuseReserved` (a handler's result) also
 * refuses the claims Cognito keeps for itself.
 *
 * @example
 * readV1Details(responseShape, response.claimsOverrideDetails, 'response.claimsOverrideDetails', true);
 */
export function readV1Details(
  checker: ShapeChecker,
  value: unknown,
  path: string,
  refuseReserved: boolean,
): ClaimsOverrideDetails | undefined {
  const details = checker.optionalObject(value, path);
  if (!details) return undefined;
  const rules = { scalarOnly: true, scalarClaims: NO_SCALAR_CLAIMS, refuseReserved };
  const read: ClaimsOverrideDetails = { ...readTokenOverride(checker, details, path, rules, false) };
  setGroupOverride(read, checker, details, path);
  return read;
}

/**
 * Reads a version 2 or 3 `claimsAndScopeOverrideDetails`, as {@link readV1Details} does version 1's.
 *
 * @example
 * readV2Details(eventShape, raw.response.claimsAndScopeOverrideDetails, 'response.claimsAndScopeOverrideDetails', false);
 */
export function readV2Details(
  checker: ShapeChecker,
  value: unknown,
  path: string,
  refuseReserved: boolean,
): ClaimsAndScopeOverrideDetails | undefined {
  const details = checker.optionalObject(value, path);
  if (!details) return undefined;
  const idRules = { scalarOnly: false, scalarClaims: SCALAR_ID_CLAIMS, refuseReserved };
  const accessRules = { scalarOnly: false, scalarClaims: NO_SCALAR_CLAIMS, refuseReserved };
  const read: ClaimsAndScopeOverrideDetails = {};
  setDefined(
    read,
    'idTokenGeneration',
    readTokenOverride(checker, details.idTokenGeneration, `${path}.idTokenGeneration`, idRules, false),
  );
  setDefined(
    read,
    'accessTokenGeneration',
    readTokenOverride(checker, details.accessTokenGeneration, `${path}.accessTokenGeneration`, accessRules, true),
  );
  setGroupOverride(read, checker, details, path);
  return read;
}
