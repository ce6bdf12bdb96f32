import type { CustomMessageEvent } from '@cognito-triggers/trigger-core';
import de from './templates/de.json' with { type: 'json' };
import en from './templates/en.json' with { type: 'json' };
import layout from './templates/layout.json' with { type: 'json' };

/**
 * A CustomMessage trigger source; each has its own texts (a custom e-mail sender's sources map onto these).
 *
 * @example
 * const source: MessageSource = 'CustomMessage_ForgotPassword';
 */
export type MessageSource = CustomMessageEvent['triggerSource'];

/**
 * The Mustache templates of one message. `emailBodyLink` replaces `emailBody` for pools that
 * verify e-mail addresses by link (sign-up and resent sign-up messages only).
 *
 * @example
 * const sms: string = LOCALE_TEMPLATES.en.messages.CustomMessage_SignUp.smsMessage;
 */
export interface MessageTemplates {
  emailSubject: string;
  emailBody: string;
  emailBodyLink?: string;
  smsMessage: string;
}

/**
 * The templates of an e-mail that carries no code (only a custom e-mail sender sends these).
 *
 * @example
 * const subject: string = NOTICE_TEMPLATES.en.AccountTakeOverNotification.emailSubject;
 */
export interface NoticeTemplates {
  emailSubject: string;
  emailBody: string;
}

/**
 * A message without a code, which Cognito's CustomMessage trigger never sees.
 *
 * @example
 * const notice: NoticeKind = 'AccountTakeOverNotification';
 */
export type NoticeKind = 'AccountTakeOverNotification';

/**
 * The templates of one language: every source's messages and the partials their bodies share.
 *
 * @example
 * const greeting: string = LOCALE_TEMPLATES.de.partials.greeting;
 */
export interface LocaleTemplates {
  partials: { greeting: string; footer: string };
  messages: Record<MessageSource, MessageTemplates>;
}

// `satisfies` makes the compiler check each file against the shape while keeping its language code.
const LOCALE_FILES = { en, de } as const satisfies Record<string, LocaleTemplates>;

/**
 * A language there are templates for.
 *
 * @example
 * const locale: Locale = 'de';
 */
export type Locale = keyof typeof LOCALE_FILES;

/**
 * Every language there are templates for, by its ISO 639-1 code. Adding one is adding a JSON file
 * to `templates/` and a line here; the compiler insists it covers every source (and `notices.ts`, every notice).
 *
 * @example
 * Object.keys(LOCALE_TEMPLATES); // ['en', 'de']
 */
export const LOCALE_TEMPLATES: Readonly<Record<Locale, LocaleTemplates>> = LOCALE_FILES;

/**
 * The languages there are templates for, English first.
 *
 * @example
 * LOCALES.includes('fr'); // false
 */
export const LOCALES = Object.keys(LOCALE_TEMPLATES) as Locale[];

/**
 * The HTML document every e-mail body is set in, and the partials shared by all languages.
 *
 * @example
 * Mustache.render(EMAIL_LAYOUT.html, slots, { ...EMAIL_LAYOUT.partials, body });
 */
export const EMAIL_LAYOUT: { html: string; partials: Record<string, string> } = layout;

/**
 * True when `value` names a language there are templates for.
 *
 * @example
 * isLocale('de'); // true
 */
export function isLocale(value: string): value is Locale {
  return Object.hasOwn(LOCALE_TEMPLATES, value);
}
