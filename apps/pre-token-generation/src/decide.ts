import {
  PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE,
  type AccessTokenClaimsOverride,
  type ClaimMap,
  type PreTokenGenerationEvent,
} from '@cognito-triggers/trigger-core';
import { claimsFromAttributes, type OmittedClaim } from './claims';
import type { PreTokenGenerationConfig } from './config';
import { STRUCTURED_TYPES } from './mapping';
import { scopesForGroups } from './scopes';
import { asVersion1Claims } from './version1';

/**
 * What one answer changed, by claim name and count only: claim values and scopes stay out of logs.
 *
 * @example
 * logger.info('tokens customised', { idClaims: report.idClaims, scopesAdded: report.scopesAdded });
 */
export interface TokenReport {
  /** Claims added to or overridden in the ID token. */
  idClaims: string[];
  /** Claims added to or overridden in the access token. */
  accessClaims: string[];
  /** How many scopes the access token gained through SCOPES_BY_GROUP. */
  scopesAdded: number;
  /** Claims left out because the user has no such attribute. */
  claimsWithoutAttribute: string[];
  /** Claims left out because the attribute's value did not convert to the claim's type. */
  omitted: (OmittedClaim & { target: 'id-token' | 'access-token' })[];
}

/**
 * The event with its response set in the shape Cognito reads for the event's version:
 * `claimsOverrideDetails` (ID token only, string values) for version 1,
 * `claimsAndScopeOverrideDetails` (ID and access tokens, typed values, scopes) for versions 2
 * and 3. A client-credentials grant has no user, so it gets nothing user-based.
 *
 * @example
 * const { event: answered, report } = answerEvent(event, config);
 * return answered;
 */
export function answerEvent(
  event: PreTokenGenerationEvent,
  config: PreTokenGenerationConfig,
): { event: PreTokenGenerationEvent; report: TokenReport } {
  if (event.triggerSource === PRE_TOKEN_GENERATION_CLIENT_CREDENTIALS_SOURCE) {
    return { event: { ...event, response: { claimsAndScopeOverrideDetails: {} } }, report: emptyReport() };
  }
  const attributes = event.request.userAttributes;
  if (event.version === '1') {
    // Version 1 claims are strings: lists and JSON are left out, numbers and booleans are checked
    // and then written as text (both reported once per instance).
    const id = claimsFromAttributes(
      attributes,
      config.idTokenClaims.filter((mapping) => !STRUCTURED_TYPES.has(mapping.type)),
    );
    return {
      event: { ...event, response: { claimsOverrideDetails: claimsEntry(asVersion1Claims(id.claims)) } },
      report: {
        ...emptyReport(),
        idClaims: Object.keys(id.claims),
        claimsWithoutAttribute: id.withoutAttribute,
        omitted: id.omitted.map((item) => ({ ...item, target: 'id-token' })),
      },
    };
  }

  const id = claimsFromAttributes(attributes, config.idTokenClaims);
  const access = claimsFromAttributes(attributes, config.accessTokenClaims);
  const scopes = scopesForGroups(
    config.scopesByGroup,
    event.request.groupConfiguration.groupsToOverride ?? [],
    event.request.scopes ?? [],
  );
  const accessToken: AccessTokenClaimsOverride = {
    ...claimsEntry(access.claims),
    ...(scopes.length > 0 ? { scopesToAdd: scopes } : {}),
  };
  return {
    event: {
      ...event,
      response: {
        claimsAndScopeOverrideDetails: {
          ...(Object.keys(id.claims).length > 0 ? { idTokenGeneration: claimsEntry(id.claims) } : {}),
          ...(Object.keys(accessToken).length > 0 ? { accessTokenGeneration: accessToken } : {}),
        },
      },
    },
    report: {
      idClaims: Object.keys(id.claims),
      accessClaims: Object.keys(access.claims),
      scopesAdded: scopes.length,
      claimsWithoutAttribute: [...new Set([...id.withoutAttribute, ...access.withoutAttribute])],
      omitted: [
        ...id.omitted.map((item) => ({ ...item, target: 'id-token' as const })),
        ...access.omitted.map((item) => ({ ...item, target: 'access-token' as const })),
      ],
    },
  };
}

function claimsEntry(claims: ClaimMap): { claimsToAddOrOverride?: ClaimMap } {
  return Object.keys(claims).length > 0 ? { claimsToAddOrOverride: claims } : {};
}

function emptyReport(): TokenReport {
  return { idClaims: [], accessClaims: [], scopesAdded: 0, claimsWithoutAttribute: [], omitted: [] };
}
