import {
  defineTrigger,
  preTokenGeneration,
  type PreTokenGenerationEvent,
  type TriggerTools,
} from '@cognito-triggers/trigger-core';
import { readConfig, type PreTokenGenerationConfig } from './config';
import { answerEvent } from './decide';
import { ignoredOnVersion1 } from './version1';

/**
 * Answers one event with the claims and scopes {@link answerEvent} maps, warns once per instance
 * about settings version 1 events cannot carry, and puts the counts on the summary line.
 *
 * @example
 * defineTrigger(preTokenGeneration, { service: 'pre-token-generation', config: readConfig }, mapClaims);
 */
function mapClaims(
  event: PreTokenGenerationEvent,
  { config, logger, annotate, coldStart }: TriggerTools<PreTokenGenerationConfig>,
): PreTokenGenerationEvent {
  // A pool sends one event version, so each instance's first event tells, once, what it ignores.
  const ignored = coldStart && event.version === '1' ? ignoredOnVersion1(config) : undefined;
  if (ignored) {
    logger.warn('settings ignored on version 1 events', {
      ...ignored,
      reason:
        'version 1 events customise the ID token only, with string values; configure the trigger for version 2 or 3',
    });
  }
  const { event: answered, report } = answerEvent(event, config);
  for (const { claim, target, reason } of report.omitted) logger.warn('claim omitted', { claim, target, reason });
  annotate({
    idClaims: report.idClaims,
    accessClaims: report.accessClaims,
    scopesAdded: report.scopesAdded,
    claimsWithoutAttribute: report.claimsWithoutAttribute,
    claimsOmitted: report.omitted.length,
  });
  return answered;
}

/**
 * The PreTokenGeneration Lambda handler: user attributes as typed claims in the ID token (every
 * event version) and the access token (versions 2 and 3), plus access-token scopes by group. It
 * fails closed: on any unexpected error the sign-in is refused with a generic message.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler,
 * // environment ID_TOKEN_CLAIMS="custom:tenant_id=tenant_id,custom:seats=seats:number"
 */
export const handler = defineTrigger(
  preTokenGeneration,
  { service: 'pre-token-generation', config: readConfig },
  mapClaims,
);
