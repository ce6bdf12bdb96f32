import type { ClaimMap } from '@cognito-triggers/trigger-core';
import type { PreTokenGenerationConfig } from './config';
import { STRUCTURED_TYPES } from './mapping';

/**
 * The settings a version 1 event cannot honour: it customises the ID token only, with string
 * values. `undefined` when every setting applies.
 *
 * @example
 * const ignored = ignoredOnVersion1(config);
 * if (ignored) logger.warn('settings ignored on version 1 events', { ...ignored });
 */
export interface IgnoredOnVersion1 {
  /** Variables about the access token: ACCESS_TOKEN_CLAIMS, SCOPES_BY_GROUP. */
  variables: string[];
  /** ID_TOKEN_CLAIMS claims typed string[] or json, which need version 2 or 3. */
  idClaims: string[];
  /** ID_TOKEN_CLAIMS claims typed number or boolean, written as strings (`"12"`, `"true"`). */
  idClaimsAsStrings: string[];
}

/**
 * Lists what of `config` a version 1 event ignores. Decided per event rather than at cold start
 * because only the event says which version the pool sends.
 *
 * @example
 * ignoredOnVersion1(readConfig(envReader({ SCOPES_BY_GROUP: 'admins=api/admin' })));
 * // { variables: ['SCOPES_BY_GROUP'], idClaims: [], idClaimsAsStrings: [] }
 */
export function ignoredOnVersion1(config: PreTokenGenerationConfig): IgnoredOnVersion1 | undefined {
  const variables = [
    ...(config.accessTokenClaims.length > 0 ? ['ACCESS_TOKEN_CLAIMS'] : []),
    ...(config.scopesByGroup.size > 0 ? ['SCOPES_BY_GROUP'] : []),
  ];
  const claimsTyped = (types: ReadonlySet<string>): string[] =>
    config.idTokenClaims.filter((mapping) => types.has(mapping.type)).map((mapping) => mapping.claim);
  const idClaims = claimsTyped(STRUCTURED_TYPES);
  const idClaimsAsStrings = claimsTyped(new Set(['number', 'boolean']));
  return variables.length > 0 || idClaims.length > 0 || idClaimsAsStrings.length > 0
    ? { variables, idClaims, idClaimsAsStrings }
    : undefined;
}

/**
 * The claims of a version 1 answer, whose `claimsToAddOrOverride` takes strings only: a checked
 * number or boolean goes out as its canonical text (`" 012 "` as a number becomes `"12"`, `"TRUE"`
 * as a boolean `"true"`), so the claim keeps the value the type check accepted.
 *
 * @example
 * asVersion1Claims({ tenant_id: 'acme', seats: 12, beta: false }); // { tenant_id: 'acme', seats: '12', beta: 'false' }
 */
export function asVersion1Claims(claims: ClaimMap): Record<string, string> {
  // fromEntries defines own properties, so even a claim named __proto__ stays a claim.
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
}
