import type { AppSettings } from '@cognito-triggers/workspace';

/**
 * custom-message's settings, declared once: `readConfig` takes its defaults from here, and the
 * package.json's `cognitoTrigger.environment`, the README's configuration table and the local
 * stack's environment come from it (`pnpm settings:write`; a test fails when they disagree).
 *
 * @example
 * env.oneOf('EMAIL_VERIFICATION', ['code', 'link'], SETTINGS.EMAIL_VERIFICATION.default); // 'code' when unset
 */
export const SETTINGS = {
  APP_NAME: {
    required: true,
    meaning:
      "product name in every subject, e-mail and SMS; at most 50 characters, so every SMS and subject stays within Cognito's 140",
    local: 'Acme',
  },
  APP_URL: { meaning: 'http(s) address of the product, linked from the e-mails', local: 'https://app.acme.example' },
  DEFAULT_LOCALE: {
    default: 'en',
    meaning:
      'language when neither the user nor the app names one there are templates for: `en` or `de` (`de-DE` and `de_DE` are accepted)',
    local: 'en',
  },
  EMAIL_VERIFICATION: {
    default: 'code',
    meaning:
      "`link` when the pool confirms sign-up e-mail addresses by link (`CONFIRM_WITH_LINK`): sign-up and resent sign-up e-mails then carry Cognito's `linkParameter` instead of the code",
  },
  LOG_LEVEL: {
    default: 'INFO',
    readBy: 'trigger-core',
    meaning: '`DEBUG`, `INFO`, `WARN` or `ERROR` (else `AWS_LAMBDA_LOG_LEVEL`)',
  },
} as const satisfies AppSettings;
