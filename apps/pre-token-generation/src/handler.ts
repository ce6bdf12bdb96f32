import { defineTrigger, preTokenGeneration } from '@cognito-triggers/trigger-core';
import { readConfig } from './config';
import { answerEvent } from './response';
import { ignoredOnVersion1 } from './version1';

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
  (event, { config, logger, annotate, coldStart }) => {
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
  },
);
