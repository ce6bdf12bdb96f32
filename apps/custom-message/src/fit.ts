import { CUSTOM_MESSAGE_LIMITS, characterCount } from '@cognito-triggers/trigger-core';
import { renderMessage } from './render';
import { LOCALE_TEMPLATES, LOCALES, type Locale, type MessageSource } from './templates/index';

/**
 * A subject or SMS that the branding makes longer than Cognito accepts.
 *
 * @example
 * const overlong: OverlongText = { locale: 'de', source: 'CustomMessage_ForgotPassword', field: 'smsMessage', length: 151, limit: 140 };
 */
export interface OverlongText {
  locale: Locale;
  source: MessageSource;
  field: 'emailSubject' | 'smsMessage';
  length: number;
  limit: number;
}

/**
 * Finds a subject or SMS that would exceed Cognito's limits with this `APP_NAME`. These texts hold
 * nothing else that varies, so checking them once at cold start means no SMS falls back to
 * Cognito's default because the product name is long.
 *
 * @example
 * findOverlongText('Acme'); // undefined
 */
export function findOverlongText(appName: string): OverlongText | undefined {
  const slots = { appName, code: '{####}', username: '{username}', link: '{##Click Here##}' };
  for (const locale of LOCALES) {
    for (const source of Object.keys(LOCALE_TEMPLATES[locale].messages) as MessageSource[]) {
      const rendered = renderMessage(locale, source, slots, 'code');
      for (const field of ['emailSubject', 'smsMessage'] as const) {
        const length = characterCount(rendered[field]);
        const limit = CUSTOM_MESSAGE_LIMITS[field];
        if (length > limit) return { locale, source, field, length, limit };
      }
    }
  }
  return undefined;
}
