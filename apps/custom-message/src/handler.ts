import {
  customMessage,
  defineTrigger,
  type CustomMessageEvent,
  type TriggerTools,
} from '@cognito-triggers/trigger-core';
import { readConfig, type CustomMessageConfig } from './config';
import { composeMessage } from './decide';

/**
 * Sets the event's response to the branded message, or leaves it untouched so Cognito sends its
 * default, and logs which by reason code (never the texts: they carry the user's name).
 *
 * Rendering is synchronous and needs no I/O: nothing here waits on the deadline.
 *
 * @example
 * defineTrigger(customMessage, { service: 'custom-message', config: readConfig }, writeMessage);
 */
export function writeMessage(
  event: CustomMessageEvent,
  { config, logger, annotate }: Pick<TriggerTools<CustomMessageConfig>, 'config' | 'logger' | 'annotate'>,
): CustomMessageEvent {
  const decision = composeMessage(event, config);
  annotate({ locale: decision.locale, localeSource: decision.localeSource });
  if (decision.action === 'keep-default') {
    annotate({ messageChoice: 'cognito-default', reason: decision.reason, field: decision.field });
    logger.warn("Cognito's default message kept", {
      reason: decision.reason,
      field: decision.field,
      locale: decision.locale,
    });
    return event;
  }
  annotate({ messageChoice: 'custom', verification: decision.verification });
  event.response.emailSubject = decision.texts.emailSubject;
  event.response.emailMessage = decision.texts.emailMessage;
  event.response.smsMessage = decision.texts.smsMessage;
  return event;
}

/**
 * The CustomMessage Lambda handler: branded, localised texts for every verification, invitation,
 * reset and MFA message. It never blocks the user: whatever goes wrong, the event is returned
 * unchanged and Cognito sends its default message, which still carries the code.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler, environment APP_NAME=Acme APP_URL=https://app.acme.example
 */
export const handler = defineTrigger(customMessage, { service: 'custom-message', config: readConfig }, writeMessage);
