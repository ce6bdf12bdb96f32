import { GROUP_CLAIMS, RESERVED_CLAIMS, SCALAR_ID_TOKEN_CLAIMS } from '@cognito-triggers/trigger-core';

/**
 * The types a mapped claim can have, written after the claim name (`seats:number`). `string` is
 * the default; `string[]` splits the attribute on commas; `json` parses it.
 *
 * @example
 * CLAIM_TYPES.includes('number'); // true
 */
export const CLAIM_TYPES = ['string', 'number', 'boolean', 'string[]', 'json'] as const;

/**
 * One of {@link CLAIM_TYPES}.
 *
 * @example
 * const type: ClaimType = 'boolean';
 */
export type ClaimType = (typeof CLAIM_TYPES)[number];

/**
 * Types whose values are lists or objects: a version 1 event (strings only) and Cognito's scalar
 * ID-token claims take single values only.
 *
 * @example
 * STRUCTURED_TYPES.has('json'); // true
 */
export const STRUCTURED_TYPES: ReadonlySet<ClaimType> = new Set<ClaimType>(['string[]', 'json']);

/**
 * Claims that state the user's contact address and whether Cognito verified it. Cognito writes
 * them from its own attributes; a mapping must not, since the attribute it would copy (often a
 * custom one the user may write) would let a user assert an address or a verification that
 * Cognito never checked.
 *
 * @example
 * CONTACT_CLAIMS.includes('email_verified'); // true
 */
export const CONTACT_CLAIMS = ['email', 'email_verified', 'phone_number', 'phone_number_verified'] as const;

/**
 * Which token a mapping writes into.
 *
 * @example
 * const token: TokenKind = 'access';
 */
export type TokenKind = 'id' | 'access';

/**
 * One user attribute written into a token as a claim of a given type.
 *
 * @example
 * const mapping: ClaimMapping = { attribute: 'custom:seats', claim: 'seats', type: 'number' };
 */
export interface ClaimMapping {
  readonly attribute: string;
  readonly claim: string;
  readonly type: ClaimType;
}

const TYPES = new Set<string>(CLAIM_TYPES);
const RESERVED = new Set<string>(RESERVED_CLAIMS);
const GROUPS = new Set<string>(GROUP_CLAIMS);
const SCALAR_ID_CLAIMS = new Set<string>(SCALAR_ID_TOKEN_CLAIMS);
const CONTACT = new Set<string>(CONTACT_CLAIMS);
const NAME = /^[^\s,=]+$/;

/**
 * Parses `attribute=claim[:type]` entries separated by commas. Throws an error saying which entry
 * or claim is wrong, for the configuration reader to prefix with the variable's name. Claims
 * Cognito sets itself or takes from groups are refused here, at cold start: Cognito would fail
 * every sign-in otherwise. So are the {@link CONTACT_CLAIMS}, which a token must only carry as
 * Cognito verified them.
 *
 * @example
 * parseClaimMappings('custom:tenant_id=tenant_id,custom:seats=seats:number', 'id');
 * // [{ attribute: 'custom:tenant_id', claim: 'tenant_id', type: 'string' }, { attribute: 'custom:seats', claim: 'seats', type: 'number' }]
 */
export function parseClaimMappings(raw: string, token: TokenKind): ClaimMapping[] {
  const mappings: ClaimMapping[] = [];
  const claims = new Set<string>();
  for (const entry of raw.split(',').map((item) => item.trim())) {
    if (entry === '') continue;
    const mapping = parseEntry(entry);
    checkClaim(mapping, token);
    if (claims.has(mapping.claim)) throw new Error(`maps more than one attribute onto the claim ${mapping.claim}`);
    claims.add(mapping.claim);
    mappings.push(mapping);
  }
  return mappings;
}

function parseEntry(entry: string): ClaimMapping {
  const equals = entry.indexOf('=');
  const attribute = entry.slice(0, equals).trim();
  const target = entry.slice(equals + 1).trim();
  if (equals < 0 || !NAME.test(attribute) || !NAME.test(target)) {
    throw new Error(`has an entry "${entry}" that is not attribute=claim or attribute=claim:type`);
  }
  // Claim names may hold colons (acme:role, URLs), so the type is whatever follows the last one,
  // and such a name must spell its type out rather than have half of it taken for one.
  const colon = target.lastIndexOf(':');
  // cognito:username is a claim name, not the claim "cognito" typed "username": name it as such.
  if (colon < 0 || RESERVED.has(target) || GROUPS.has(target)) return { attribute, claim: target, type: 'string' };
  const claim = target.slice(0, colon);
  const type = target.slice(colon + 1);
  if (!isClaimType(type)) {
    throw new Error(
      `has an entry "${entry}" with the unknown type "${type}" (one of ${CLAIM_TYPES.join(', ')}); a claim name with a colon needs its type spelled out, e.g. ${target}:string`,
    );
  }
  if (claim === '') throw new Error(`has an entry "${entry}" without a claim name`);
  return { attribute, claim, type };
}

function isClaimType(type: string): type is ClaimType {
  return TYPES.has(type);
}

function checkClaim({ claim, type }: ClaimMapping, token: TokenKind): void {
  if (RESERVED.has(claim))
    throw new Error(`maps onto the claim ${claim}, which Cognito sets itself and does not let a trigger change`);
  if (GROUPS.has(claim)) throw new Error(`maps onto the claim ${claim}, which Cognito takes from the user's groups`);
  if (CONTACT.has(claim)) {
    throw new Error(
      `maps onto the claim ${claim}, which only Cognito may write: copied from another attribute it would let a user assert a contact address or verification Cognito never checked`,
    );
  }
  if (token === 'id' && SCALAR_ID_CLAIMS.has(claim) && STRUCTURED_TYPES.has(type)) {
    throw new Error(
      `maps onto the claim ${claim} as ${type}, but Cognito keeps that ID-token claim a single value; use string, number or boolean`,
    );
  }
}
