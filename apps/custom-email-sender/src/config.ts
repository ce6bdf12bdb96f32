import { ConfigurationError, type EnvReader } from '@cognito-triggers/trigger-core';
import { parseAppUrl, parseDefaultLocale, type Locale } from '@cognito-triggers/email-templates';
import { senderHeader } from './address';
import { SETTINGS } from './settings';

/**
 * The custom-email-sender trigger's configuration, read once at cold start.
 *
 * @example
 * const config = readConfig(envReader({ EMAIL_FROM: 'hello@acme.example', KMS_KEY_ARN: arn, APP_NAME: 'Acme' }));
 */
export interface CustomEmailSenderConfig {
  /** `EMAIL_FROM`: the sender, an SES-verified identity, as SES's `Source`. */
  from: string;
  /** `KMS_KEY_ARN`: the pool's custom sender key; the only key codes are decrypted with. */
  kmsKeyArn: string;
  /** `APP_NAME`: the product name in every subject and e-mail. */
  appName: string;
  /** `APP_URL`: the product's address, linked from the e-mails. */
  appUrl: string | undefined;
  /** `DEFAULT_LOCALE`: the language when neither the user nor the app names one we have. */
  defaultLocale: Locale;
  /** `SES_CONFIGURATION_SET`: SES configuration set, for delivery events. */
  configurationSet: string | undefined;
  /** `IDEMPOTENCY_TABLE`: the DynamoDB table that keeps a retried event from sending twice (off when unset). */
  idempotencyTable: string | undefined;
}

// A key ARN, not an alias: the keyring must name the one key, and KMS reports the key's ARN.
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]{1,128}$/;

/**
 * Reads {@link CustomEmailSenderConfig}, with the names and defaults that `SETTINGS` (./settings)
 * declares; a bad value throws a `ConfigurationError` naming the
 * variable (logged on every invocation, and rethrown so that Lambda retries once it is fixed).
 *
 * @example
 * defineTrigger(customEmailSender, { service: 'custom-email-sender', config: readConfig }, work);
 */
export function readConfig(env: EnvReader): CustomEmailSenderConfig {
  const kmsKeyArn = env.required('KMS_KEY_ARN');
  if (!KEY_ARN.test(kmsKeyArn)) {
    throw new ConfigurationError('KMS_KEY_ARN', 'must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)');
  }
  return {
    from: env.parsed('EMAIL_FROM', senderHeader) ?? env.required('EMAIL_FROM'),
    kmsKeyArn,
    appName: env.required('APP_NAME'),
    appUrl: env.parsed('APP_URL', parseAppUrl),
    defaultLocale: env.parsed('DEFAULT_LOCALE', parseDefaultLocale) ?? SETTINGS.DEFAULT_LOCALE.default,
    configurationSet: env.optional('SES_CONFIGURATION_SET'),
    idempotencyTable: env.optional('IDEMPOTENCY_TABLE'),
  };
}
