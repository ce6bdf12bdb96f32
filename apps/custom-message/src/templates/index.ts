// The templates live in @cognito-triggers/email-templates, shared with custom-email-sender. This
// module is the app's one seam to them, so a test can replace the templates the app renders.
export {
  EMAIL_LAYOUT,
  LOCALE_TEMPLATES,
  LOCALES,
  isLocale,
  type Locale,
  type LocaleTemplates,
  type MessageSource,
  type MessageTemplates,
} from '@cognito-triggers/email-templates';
