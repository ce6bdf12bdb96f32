import type { LegacyUser } from './legacy-user';

/**
 * One legacy attribute copied into a Cognito attribute.
 *
 * @example
 * const mapping: AttributeMapping = { from: 'first_name', to: 'given_name' };
 */
export interface AttributeMapping {
  readonly from: string;
  readonly to: string;
}

/**
 * Cognito's standard attributes a mapping may write. `email` and `email_verified` come from the
 * legacy user's own fields (never a mapping), `phone_number_verified` is never claimed, and `sub`,
 * `username`, `identities` and `cognito:*` are Cognito's own.
 *
 * @example
 * MAPPABLE_STANDARD_ATTRIBUTES.includes('given_name'); // true
 */
export const MAPPABLE_STANDARD_ATTRIBUTES = [
  'address',
  'birthdate',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
] as const;

const STANDARD = new Set<string>(MAPPABLE_STANDARD_ATTRIBUTES);
const LEGACY_NAME = /^[A-Za-z0-9_.:-]{1,64}$/;
// Cognito's custom attribute names: 1 to 20 characters after the prefix.
const CUSTOM = /^custom:[A-Za-z0-9_-]{1,20}$/;

/**
 * Parses `ATTRIBUTE_MAP`: `legacy=cognito` entries separated by commas, e.g.
 * `first_name=given_name,tenant=custom:tenant_id`. Throws an error naming the entry that is wrong,
 * for the configuration reader to prefix with the variable's name.
 *
 * @example
 * parseAttributeMap('first_name=given_name'); // [{ from: 'first_name', to: 'given_name' }]
 * parseAttributeMap('verified=email_verified'); // throws: email_verified comes from the legacy user's emailVerified
 */
export function parseAttributeMap(raw: string): AttributeMapping[] {
  const mappings: AttributeMapping[] = [];
  const targets = new Set<string>();
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [from, to, extra] = entry.split('=').map((part) => part.trim());
    if (!from || !to || extra !== undefined) throw new Error(`entry "${entry}" must be legacy_name=cognito_attribute`);
    if (!LEGACY_NAME.test(from))
      throw new Error(`entry "${entry}": the legacy name must be letters, digits and _ . : -`);
    if (to === 'email' || to === 'email_verified') {
      throw new Error(`entry "${entry}": ${to} comes from the legacy user's email and emailVerified, not a mapping`);
    }
    if (!STANDARD.has(to) && !CUSTOM.test(to)) {
      throw new Error(
        `entry "${entry}": ${to} is not an attribute a migration may set (a standard one such as given_name, or custom:name)`,
      );
    }
    if (targets.has(to)) throw new Error(`entry "${entry}": ${to} is mapped twice`);
    targets.add(to);
    mappings.push({ from, to });
  }
  return mappings;
}

/**
 * The Cognito attributes of a migrated user: `email` and `email_verified` from the legacy user's
 * own fields (`email_verified` is `"true"` only when the legacy store says so), then every mapped
 * attribute the user has a non-empty value for.
 *
 * @example
 * cognitoAttributes({ username: 'jdoe', email: 'jane@example.com', emailVerified: true, attributes: { first_name: 'Jane' } },
 *   [{ from: 'first_name', to: 'given_name' }]);
 * // { email: 'jane@example.com', email_verified: 'true', given_name: 'Jane' }
 */
export function cognitoAttributes(user: LegacyUser, mappings: readonly AttributeMapping[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (user.email !== undefined) {
    attributes.email = user.email;
    attributes.email_verified = user.emailVerified ? 'true' : 'false';
  }
  for (const { from, to } of mappings) {
    // Own properties only: a mapping from "constructor" must not copy Object.prototype's.
    const value = Object.hasOwn(user.attributes, from) ? user.attributes[from] : undefined;
    if (value) attributes[to] = value;
  }
  return attributes;
}
