import type { CustomMessageEvent, TriggerTools } from '@cognito-triggers/trigger-core';
import type { CustomMessageConfig } from './config';
import { composeMessage } from './message';

/**
 * Sets the event's response to the branded message, or leaves it untouched so Cognito sends its
 * default, and logs which by reason code (never the texts: they carry the user's name).
 *
 * @example
 * defineTrigger(customMessage, { service: 'custom-message', config: readConfig }, (event, tools) =>
 *   Promise.resolve(writeMessage(event, tools)));
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
