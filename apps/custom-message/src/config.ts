import { ConfigurationError, type EnvReader } from '@cognito-triggers/trigger-core';
import { findOverlongText } from './fit';
import { parseAppUrl, parseDefaultLocale } from '@cognito-triggers/email-templates';
import { SETTINGS } from './settings';
import type { Locale } from './templates/index';

/**
 * The custom-message trigger's configuration, read once at cold start.
 *
 * @example
 * const config = readConfig(envReader({ APP_NAME: 'Acme', DEFAULT_LOCALE: 'de' }));
 */
export interface CustomMessageConfig {
  /** `APP_NAME`: the product name in every subject, e-mail and SMS. */
  appName: string;
  /** `APP_URL`: the product's address, linked from the e-mails. */
  appUrl: string | undefined;
  /** `DEFAULT_LOCALE`: the language when neither the user nor the app names one we have. */
  defaultLocale: Locale;
  /** `EMAIL_VERIFICATION`: `link` when the pool confirms sign-up e-mail addresses by link. */
  emailVerification: 'code' | 'link';
}

/**
 * Reads {@link CustomMessageConfig} from the environment, with the names and defaults that
 * `SETTINGS` (./settings) declares; a bad value throws a
 * `ConfigurationError` naming the variable.
 *
 * @example
 * defineTrigger(customMessage, { service: 'custom-message', config: readConfig }, work);
 */
export function readConfig(env: EnvReader): CustomMessageConfig {
  const appName = env.required('APP_NAME');
  const overlong = findOverlongText(appName);
  if (overlong) {
    throw new ConfigurationError(
      'APP_NAME',
      `is too long: the ${overlong.locale} ${overlong.source} ${overlong.field} would have ${overlong.length} characters and Cognito takes at most ${overlong.limit}`,
    );
  }
  return {
    appName,
    appUrl: env.parsed('APP_URL', parseAppUrl),
    defaultLocale: env.parsed('DEFAULT_LOCALE', parseDefaultLocale) ?? SETTINGS.DEFAULT_LOCALE.default,
    emailVerification: env.oneOf('EMAIL_VERIFICATION', ['code', 'link'], SETTINGS.EMAIL_VERIFICATION.default),
  };
}
