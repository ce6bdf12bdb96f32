import type { PreTokenGenerationConfig } from './config';
import { STRUCTURED_TYPES } from './mapping';

/**
 * The settings a version 1 event cannot honour: it customises the ID token only, with single
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
}

/**
 * Lists what of `config` a version 1 event ignores. Decided per event rather than at cold start
 * because only the event says which version the pool sends.
 *
 * @example
 * ignoredOnVersion1(readConfig(envReader({ SCOPES_BY_GROUP: 'admins=api/admin' })));
 * // { variables: ['SCOPES_BY_GROUP'], idClaims: [] }
 */
export function ignoredOnVersion1(config: PreTokenGenerationConfig): IgnoredOnVersion1 | undefined {
  const variables = [
    ...(config.accessTokenClaims.length > 0 ? ['ACCESS_TOKEN_CLAIMS'] : []),
    ...(config.scopesByGroup.size > 0 ? ['SCOPES_BY_GROUP'] : []),
  ];
  const idClaims = config.idTokenClaims
    .filter((mapping) => STRUCTURED_TYPES.has(mapping.type))
    .map((mapping) => mapping.claim);
  return variables.length > 0 || idClaims.length > 0 ? { variables, idClaims } : undefined;
}
