import deNotices from './templates/de.notices.json' with { type: 'json' };
import enNotices from './templates/en.notices.json' with { type: 'json' };
import type { Locale, NoticeKind, NoticeTemplates } from './templates';

/**
 * Every language's notices (e-mails without a code, which only a custom sender sends), in files of
 * their own so that custom-message's bundle does not carry them.
 *
 * @example
 * NOTICE_TEMPLATES.de.AccountTakeOverNotification.emailSubject;
 */
export const NOTICE_TEMPLATES: Readonly<Record<Locale, Record<NoticeKind, NoticeTemplates>>> = {
  en: enNotices,
  de: deNotices,
};
