import { isLocale, type Locale } from './templates';

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
