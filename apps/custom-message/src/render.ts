import { escapeHtml } from '@cognito-triggers/trigger-core';
import Mustache from 'mustache';
import { EMAIL_LAYOUT, LOCALE_TEMPLATES, type Locale, type MessageSource } from './templates/index';

/**
 * The values templates may use. `code`, `username` and `link` are Cognito's placeholders
 * (`{####}`, `{username}`, `{##Click Here##}`), which Cognito replaces after the trigger returns.
 *
 * @example
 * const slots: MessageSlots = { appName: 'Acme', code: '{####}' };
 */
export interface MessageSlots {
  appName: string;
  appUrl?: string | undefined;
  givenName?: string | undefined;
  code: string;
  username?: string | undefined;
  link?: string | undefined;
}

/**
 * Every slot name a template may use; a test keeps templates to these, because Mustache renders
 * a misspelt name as nothing.
 *
 * @example
 * TEMPLATE_SLOTS.includes('appName'); // true
 */
export const TEMPLATE_SLOTS = [
  'appName',
  'appUrl',
  'givenName',
  'code',
  'username',
  'link',
  'lang',
  'subject',
] as const;

/**
 * The three texts of one message, ready for the CustomMessage response.
 *
 * @example
 * event.response.smsMessage = rendered.smsMessage;
 */
export interface RenderedMessage {
  emailSubject: string;
  emailMessage: string;
  smsMessage: string;
}

const asText = (value: unknown): string => String(value);

/**
 * Renders one source's subject, HTML e-mail and SMS in a language. Values are HTML-escaped in the
 * e-mail only, and Cognito's placeholders never are: Cognito looks for them character for character.
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
  const language = LOCALE_TEMPLATES[locale];
  const templates = language.messages[source];
  const placeholders = new Set([slots.code, slots.username, slots.link].filter((value) => value !== undefined));
  const asHtml = (value: unknown): string => {
    const text = String(value);
    return placeholders.has(text) ? text : escapeHtml(text);
  };
  const body =
    verification === 'link' && templates.emailBodyLink !== undefined ? templates.emailBodyLink : templates.emailBody;
  const emailSubject = Mustache.render(templates.emailSubject, slots, {}, { escape: asText });
  const emailMessage = Mustache.render(
    EMAIL_LAYOUT.html,
    { ...slots, lang: locale, subject: emailSubject },
    { ...EMAIL_LAYOUT.partials, ...language.partials, body },
    { escape: asHtml },
  );
  return {
    emailSubject,
    emailMessage,
    smsMessage: Mustache.render(templates.smsMessage, slots, {}, { escape: asText }),
  };
}
