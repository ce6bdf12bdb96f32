import type { CustomMessageEvent } from '@cognito-triggers/trigger-core';
import { languageOf, pickLocale } from '@cognito-triggers/email-templates';
import type { Locale } from './templates/index';

/**
 * Where the chosen language came from; logged as is.
 *
 * @example
 * const source: LocaleSource = 'client-metadata';
 */
export type LocaleSource = 'user-attribute' | 'client-metadata' | 'default';

/**
 * The language of a locale tag (`de-DE`, `de_DE`, `DE` all give `de`), shared with the templates.
 *
 * @example
 * languageOf('pt_BR'); // 'pt'
 */
export { languageOf };

/**
 * Picks the message language: the user's `locale` attribute, else `clientMetadata.locale` sent by
 * the app, else the default. A candidate whose language has no templates is skipped.
 *
 * @example
 * chooseLocale(triggerEvent('CustomMessage_SignUp', { request: { userAttributes: { locale: 'de-AT' } } }), 'en');
 * // { locale: 'de', source: 'user-attribute' }
 */
export function chooseLocale(
  event: CustomMessageEvent,
  defaultLocale: Locale,
): { locale: Locale; source: LocaleSource } {
  return pickLocale(
    [
      ['user-attribute', event.request.userAttributes.locale],
      ['client-metadata', event.request.clientMetadata?.locale],
    ],
    defaultLocale,
  );
}
