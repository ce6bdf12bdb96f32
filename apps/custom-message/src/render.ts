import {
  renderMessage as renderWith,
  TEMPLATE_SLOTS,
  type MessageSlots,
  type RenderedMessage,
} from '@cognito-triggers/email-templates';
import { LOCALE_TEMPLATES, type Locale, type MessageSource } from './templates/index';

export { TEMPLATE_SLOTS, type MessageSlots, type RenderedMessage };

/**
 * Renders one source's subject, HTML e-mail and SMS in a language with the shared templates.
 * Values are HTML-escaped in the e-mail only, and Cognito's placeholders never are: Cognito looks
 * for them character for character after the trigger returns.
 *
 * @example
 * renderMessage('en', 'CustomMessage_SignUp', { appName: 'Acme', code: '{####}' }, 'code').smsMessage;
 * // 'Acme: your verification code is {####}'
 */
export function renderMessage(
  locale: Locale,
  source: MessageSource,
  slots: MessageSlots,
  verification: 'code' | 'link',
): RenderedMessage {
  return renderWith(locale, source, slots, verification, {
    templates: LOCALE_TEMPLATES,
    insertRaw: [slots.code, slots.username, slots.link],
  });
}
