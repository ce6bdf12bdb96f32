import { triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { describe, expect, it } from 'vitest';
import { chooseLocale, languageOf } from '../src/locale';

describe('languageOf', () => {
  it.each([
    ['de', 'de'],
    ['de-DE', 'de'],
    ['de_DE', 'de'],
    ['DE', 'de'],
    ['de_DE.UTF-8', 'de'],
    ['zh-Hant-TW', 'zh'],
    [' en-GB ', 'en'],
  ])('reads %j as the language %j', (tag, language) => {
    expect(languageOf(tag)).toBe(language);
  });

  it.each(['', 'not a locale', '12', '-'])('finds no language in %j', (tag) => {
    expect(languageOf(tag)).toBeUndefined();
  });
});

describe('chooseLocale', () => {
  const withLocales = (attribute?: string, metadata?: string) =>
    triggerEvent('CustomMessage_SignUp', {
      request: {
        userAttributes: { locale: attribute },
        ...(metadata === undefined ? {} : { clientMetadata: { locale: metadata } }),
      },
    });

  it("takes the user's locale attribute first, even when the app sends another", () => {
    expect(chooseLocale(withLocales('de-AT', 'en'), 'en')).toEqual({ locale: 'de', source: 'user-attribute' });
  });

  it('takes the locale the app sent in clientMetadata when the user has none', () => {
    expect(chooseLocale(withLocales(undefined, 'de_CH'), 'en')).toEqual({ locale: 'de', source: 'client-metadata' });
  });

  it('skips a language without templates and tries the next candidate', () => {
    expect(chooseLocale(withLocales('es-ES', 'de'), 'en')).toEqual({ locale: 'de', source: 'client-metadata' });
  });

  it('falls back to DEFAULT_LOCALE when nobody names a language it has', () => {
    expect(chooseLocale(withLocales('ja', 'garbage!'), 'de')).toEqual({ locale: 'de', source: 'default' });
    expect(chooseLocale(withLocales(), 'en')).toEqual({ locale: 'en', source: 'default' });
  });
});
