import { escapeHtml } from '@cognito-triggers/trigger-core';
import Mustache from 'mustache';
import {
  EMAIL_LAYOUT,
  LOCALE_TEMPLATES,
  type Locale,
  type LocaleTemplates,
  type MessageSource,
  type NoticeKind,
} from './templates';
import { NOTICE_TEMPLATES } from './notices';

/**
 * The values a message's templates may use. For CustomMessage, `code`, `username` and `link` are
 * Cognito's placeholders (`{####}`, `{username}`, `{##Click Here##}`); a custom sender fills in
 * the real code and user name.
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
 * Every slot name a message template may use; a test keeps templates to these, because Mustache
 * renders a misspelt name as nothing.
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
 * The values a notice's templates may use: the sign-in Cognito's threat protection reported.
 * Links must be https (they go into `href`); the renderer drops any other.
 *
 * @example
 * const slots: NoticeSlots = { appName: 'Acme', blocked: true, location: 'Berlin, Germany' };
 */
export interface NoticeSlots {
  appName: string;
  appUrl?: string | undefined;
  givenName?: string | undefined;
  blocked: boolean;
  loginTime?: string | undefined;
  location?: string | undefined;
  ipAddress?: string | undefined;
  device?: string | undefined;
  confirmLink?: string | undefined;
  reportLink?: string | undefined;
}

/**
 * Every slot name a notice template may use, the layout's and the partials' included.
 *
 * @example
 * NOTICE_SLOTS.includes('blocked'); // true
 */
export const NOTICE_SLOTS = [
  'appName',
  'appUrl',
  'givenName',
  'blocked',
  'loginTime',
  'location',
  'ipAddress',
  'device',
  'confirmLink',
  'reportLink',
  'code',
  'lang',
  'subject',
] as const;

/**
 * The three texts of one message.
 *
 * @example
 * event.response.smsMessage = rendered.smsMessage;
 */
export interface RenderedMessage {
  emailSubject: string;
  emailMessage: string;
  smsMessage: string;
}

/**
 * Options of {@link renderMessage}.
 *
 * @example
 * renderMessage('en', source, slots, 'code', { insertRaw: [slots.code] }); // Cognito's placeholder, verbatim
 */
export interface RenderOptions {
  /** The templates to use (default: this package's); a test may pass altered ones. */
  templates?: Readonly<Record<Locale, LocaleTemplates>>;
  /** Values put into the HTML verbatim: Cognito's placeholders, which it looks for character for character. Everything else is HTML-escaped. */
  insertRaw?: readonly (string | undefined)[];
}

const asText = (value: unknown): string => String(value);

function htmlEscaper(raw: readonly (string | undefined)[]): (value: unknown) => string {
  const verbatim = new Set(raw.filter((value) => value !== undefined));
  return (value) => {
    const text = String(value);
    return verbatim.has(text) ? text : escapeHtml(text);
  };
}

/**
 * Renders one source's subject, HTML e-mail and SMS in a language. Values are HTML-escaped in the
 * e-mail, except those in `insertRaw`; the subject and SMS are plain text.
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
  options: RenderOptions = {},
): RenderedMessage {
  const language = (options.templates ?? LOCALE_TEMPLATES)[locale];
  const templates = language.messages[source];
  const body =
    verification === 'link' && templates.emailBodyLink !== undefined ? templates.emailBodyLink : templates.emailBody;
  const emailSubject = Mustache.render(templates.emailSubject, slots, {}, { escape: asText });
  const emailMessage = Mustache.render(
    EMAIL_LAYOUT.html,
    { ...slots, lang: locale, subject: emailSubject },
    { ...EMAIL_LAYOUT.partials, ...language.partials, body },
    { escape: htmlEscaper(options.insertRaw ?? []) },
  );
  return {
    emailSubject,
    emailMessage,
    smsMessage: Mustache.render(templates.smsMessage, slots, {}, { escape: asText }),
  };
}

/**
 * Renders a notice (an e-mail without a code) in a language: its subject and HTML e-mail, every
 * value escaped, any link that is not https left out.
 *
 * @example
 * renderNotice('en', 'AccountTakeOverNotification', { appName: 'Acme', blocked: true }).emailSubject;
 * // 'We blocked a sign-in to your Acme account'
 */
export function renderNotice(
  locale: Locale,
  kind: NoticeKind,
  slots: NoticeSlots,
): { emailSubject: string; emailMessage: string } {
  const language = LOCALE_TEMPLATES[locale];
  const templates = NOTICE_TEMPLATES[locale][kind];
  const safe = { ...slots, confirmLink: httpsOnly(slots.confirmLink), reportLink: httpsOnly(slots.reportLink) };
  const emailSubject = Mustache.render(templates.emailSubject, safe, {}, { escape: asText });
  const emailMessage = Mustache.render(
    EMAIL_LAYOUT.html,
    { ...safe, lang: locale, subject: emailSubject },
    { ...EMAIL_LAYOUT.partials, ...language.partials, body: templates.emailBody },
    { escape: htmlEscaper([]) },
  );
  return { emailSubject, emailMessage };
}

function httpsOnly(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  try {
    return new URL(link).protocol === 'https:' ? link : undefined;
  } catch {
    return undefined;
  }
}
