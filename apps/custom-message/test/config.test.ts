import { ConfigurationError, envReader } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

describe('readConfig', () => {
  it('requires APP_NAME and names it when missing', () => {
    expect(() => readConfig(envReader({}))).toThrow('APP_NAME is required but is not set');
  });

  it('defaults to English, codes rather than links, and no link to the app', () => {
    expect(readConfig(envReader({ APP_NAME: 'Acme' }))).toEqual({
      appName: 'Acme',
      appUrl: undefined,
      defaultLocale: 'en',
      emailVerification: 'code',
    });
  });

  it('accepts DEFAULT_LOCALE written as a regional or POSIX locale', () => {
    expect(readConfig(envReader({ APP_NAME: 'Acme', DEFAULT_LOCALE: 'de-DE' })).defaultLocale).toBe('de');
    expect(readConfig(envReader({ APP_NAME: 'Acme', DEFAULT_LOCALE: 'de_DE' })).defaultLocale).toBe('de');
  });

  it('refuses a DEFAULT_LOCALE it has no templates for, listing the ones it has', () => {
    expect(() => readConfig(envReader({ APP_NAME: 'Acme', DEFAULT_LOCALE: 'fr' }))).toThrow(
      'DEFAULT_LOCALE must be one of en, de (got "fr")',
    );
  });

  it('names APP_URL when it is not an http(s) URL, and EMAIL_VERIFICATION when it is neither code nor link', () => {
    expect(() => readConfig(envReader({ APP_NAME: 'Acme', APP_URL: 'javascript:alert(1)' }))).toThrow(
      'APP_URL must be an http(s) URL',
    );
    expect(() => readConfig(envReader({ APP_NAME: 'Acme', APP_URL: 'not a url' }))).toThrow(/^APP_URL /);
    expect(() => readConfig(envReader({ APP_NAME: 'Acme', EMAIL_VERIFICATION: 'sms' }))).toThrow(
      'EMAIL_VERIFICATION must be one of code, link (got "sms")',
    );
  });

  it('refuses an APP_NAME so long that a subject or SMS would exceed what Cognito takes, naming the message', () => {
    const error = (() => {
      try {
        readConfig(envReader({ APP_NAME: 'A'.repeat(80) }));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ variable: 'APP_NAME' });
    expect((error as Error).message).toMatch(
      /^APP_NAME is too long: the (en|de) CustomMessage_\w+ (smsMessage|emailSubject) would have \d+ characters and Cognito takes at most 140$/,
    );
    expect(() => readConfig(envReader({ APP_NAME: 'Acme Customer Portal Europe' }))).not.toThrow();
  });
});
