import { ConfigurationError, type EnvReader } from '@cognito-triggers/trigger-core';
import { parseClaimMappings, type ClaimMapping } from './mapping';
import { parseScopesByGroup, type ScopesByGroup } from './scopes';

/**
 * The pre-token-generation trigger's configuration, read once at cold start.
 *
 * @example
 * const config = readConfig(envReader({ ID_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id' }));
 */
export interface PreTokenGenerationConfig {
  /** `ID_TOKEN_CLAIMS`: attributes written into the ID token (every event version). */
  idTokenClaims: readonly ClaimMapping[];
  /** `ACCESS_TOKEN_CLAIMS`: attributes written into the access token (versions 2 and 3). */
  accessTokenClaims: readonly ClaimMapping[];
  /** `SCOPES_BY_GROUP`: access-token scopes for the members of each group (versions 2 and 3). */
  scopesByGroup: ScopesByGroup;
}

/**
 * Reads {@link PreTokenGenerationConfig} from the environment, by the names that `SETTINGS`
 * (./settings) declares; a bad value throws a
 * `ConfigurationError` naming the variable (and the claim or entry at fault).
 *
 * @example
 * defineTrigger(preTokenGeneration, { service: 'pre-token-generation', config: readConfig }, work);
 */
export function readConfig(env: EnvReader): PreTokenGenerationConfig {
  const config: PreTokenGenerationConfig = {
    idTokenClaims: env.parsed('ID_TOKEN_CLAIMS', (raw) => parseClaimMappings(raw, 'id')) ?? [],
    accessTokenClaims: env.parsed('ACCESS_TOKEN_CLAIMS', (raw) => parseClaimMappings(raw, 'access')) ?? [],
    scopesByGroup: env.parsed('SCOPES_BY_GROUP', parseScopesByGroup) ?? new Map(),
  };
  // Most likely a misspelt variable name: tokens would go out without the claims APIs authorise on.
  if (config.idTokenClaims.length === 0 && config.accessTokenClaims.length === 0 && config.scopesByGroup.size === 0) {
    throw new ConfigurationError(
      'ID_TOKEN_CLAIMS',
      'is not set, nor are ACCESS_TOKEN_CLAIMS and SCOPES_BY_GROUP: set at least one, or the trigger changes nothing',
    );
  }
  return config;
}
