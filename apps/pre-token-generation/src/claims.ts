import type { ClaimMap, StringMap } from '@cognito-triggers/trigger-core';
import { convertAttribute, type ConversionFailure } from './convert';
import type { ClaimMapping } from './mapping';

/**
 * A claim left out because its attribute's value did not convert to the claim's type.
 *
 * @example
 * const omitted: OmittedClaim = { claim: 'seats', reason: 'not-a-number' };
 */
export interface OmittedClaim {
  readonly claim: string;
  readonly reason: ConversionFailure;
}

/**
 * The claims of one token, and what was left out: claims whose value did not convert, and
 * claims whose attribute the user does not have.
 *
 * @example
 * const { claims, omitted, withoutAttribute } = claimsFromAttributes(attributes, mappings);
 */
export interface MappedClaims {
  claims: ClaimMap;
  omitted: OmittedClaim[];
  withoutAttribute: string[];
}

/**
 * Writes the user's attributes into claims as `mappings` say. A missing attribute leaves its claim
 * out; a value that does not convert (seats="many" as a number) too, reported in `omitted`: a
 * wrong type in a token would mislead every API that reads it.
 *
 * @example
 * claimsFromAttributes({ 'custom:seats': '5' }, [{ attribute: 'custom:seats', claim: 'seats', type: 'number' }]).claims;
 * // { seats: 5 }
 */
export function claimsFromAttributes(attributes: StringMap, mappings: readonly ClaimMapping[]): MappedClaims {
  const entries: [string, ClaimMap[string]][] = [];
  const omitted: OmittedClaim[] = [];
  const withoutAttribute: string[] = [];
  for (const { attribute, claim, type } of mappings) {
    const raw = Object.hasOwn(attributes, attribute) ? attributes[attribute] : undefined;
    if (raw === undefined) {
      withoutAttribute.push(claim);
      continue;
    }
    const converted = convertAttribute(raw, type);
    if (converted.ok) entries.push([claim, converted.value]);
    else omitted.push({ claim, reason: converted.reason });
  }
  // fromEntries defines own properties, so even a claim named __proto__ stays a claim.
  return { claims: Object.fromEntries(entries), omitted, withoutAttribute };
}
