/**
 * email-templates: the one source of the branded, localised e-mails Cognito's messages become,
 * used by custom-message (which returns them with Cognito's placeholders) and custom-email-sender
 * (which fills in the real code and sends them).
 */
export {
  EMAIL_LAYOUT,
  LOCALE_TEMPLATES,
  LOCALES,
  isLocale,
  type Locale,
  type LocaleTemplates,
  type MessageSource,
  type MessageTemplates,
  type NoticeKind,
  type NoticeTemplates,
} from './templates';
export {
  NOTICE_SLOTS,
  TEMPLATE_SLOTS,
  renderMessage,
  renderNotice,
  type MessageSlots,
  type NoticeSlots,
  type RenderOptions,
  type RenderedMessage,
} from './render';
export { languageOf, parseAppUrl, parseDefaultLocale, pickLocale } from './locale';
export { NOTICE_TEMPLATES } from './notices';
export { templateNames } from './template-names';
