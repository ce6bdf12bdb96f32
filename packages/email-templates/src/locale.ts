import { isLocale, LOCALES, type Locale } from './templates';

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
 * The first candidate whose language there are templates for, with where it came from; else the
 * fallback, from `'default'`.
 *
 * @example
 * pickLocale([['user-attribute', 'de-AT'], ['client-metadata', undefined]], 'en');
 * // { locale: 'de', source: 'user-attribute' }
 */
export function pickLocale<TSource extends string>(
  candidates: readonly (readonly [TSource, string | undefined])[],
  fallback: Locale,
): { locale: Locale; source: TSource | 'default' } {
  for (const [source, tag] of candidates) {
    const language = tag === undefined ? undefined : languageOf(tag);
    if (language !== undefined && isLocale(language)) return { locale: language, source };
  }
  return { locale: fallback, source: 'default' };
}

/**
 * Reads a `DEFAULT_LOCALE` setting: any tag whose language has templates (`de-DE` gives `de`).
 * Throws, for the env reader to name the variable, when there are no templates for it.
 *
 * @example
 * env.parsed('DEFAULT_LOCALE', parseDefaultLocale) ?? 'en'; // 'de' for DEFAULT_LOCALE=de_DE.UTF-8
 */
export function parseDefaultLocale(raw: string): Locale {
  const language = languageOf(raw);
  if (language === undefined || !isLocale(language)) {
    throw new Error(`must be one of ${LOCALES.join(', ')} (got "${raw}")`);
  }
  return language;
}

/**
 * Reads an `APP_URL` setting: an absolute http(s) URL, normalised; anything else throws.
 *
 * @example
 * env.parsed('APP_URL', parseAppUrl); // 'https://app.acme.example/' for APP_URL=https://app.acme.example
 */
export function parseAppUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('must be an http(s) URL');
  return url.toString();
}
