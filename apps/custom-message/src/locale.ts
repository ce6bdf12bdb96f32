import type { CustomMessageEvent } from '@cognito-triggers/trigger-core';
import { isLocale, type Locale } from './templates/index';

/**
 * Where the chosen language came from; logged as is.
 *
 * @example
 * const source: LocaleSource = 'client-metadata';
 */
export type LocaleSource = 'user-attribute' | 'client-metadata' | 'default';

/**
 * The language of a locale tag as users and apps write it: `de-DE`, `de_DE`, `DE`, `de_DE.UTF-8`
 * all give `de`. Returns `undefined` for something that is not a locale.
 *
 * @example
 * languageOf('pt_BR'); // 'pt'
 */
export function languageOf(tag: string): string | undefined {
  // POSIX locales add an encoding or modifier, and use "_" where BCP 47 uses "-".
  const bcp47 = (tag.trim().split(/[.@]/)[0] ?? '').replace(/_/g, '-');
  try {
    return new Intl.Locale(bcp47).language;
  } catch {
    return undefined;
  }
}

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
  const candidates: [LocaleSource, string | undefined][] = [
    ['user-attribute', event.request.userAttributes.locale],
    ['client-metadata', event.request.clientMetadata?.locale],
  ];
  for (const [source, tag] of candidates) {
    const language = tag === undefined ? undefined : languageOf(tag);
    if (language !== undefined && isLocale(language)) return { locale: language, source };
  }
  return { locale: defaultLocale, source: 'default' };
}
