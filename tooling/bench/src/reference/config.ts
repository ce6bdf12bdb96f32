import type { PostConfirmationConfig } from 'post-confirmation/src/config';
import { parseMailbox } from 'post-confirmation/src/mailbox';

/**
 * The post-confirmation configuration read straight from `process.env`, as a team without
 * trigger-core would write it. The references share the app's pure e-mail logic, so that the
 * comparison measures the scaffolding around it, not two different e-mails.
 *
 * @example
 * const config = configFromEnv(); // at module scope, once per instance
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PostConfirmationConfig {
  const from = env.EMAIL_FROM?.trim();
  if (!from) throw new Error('EMAIL_FROM is required');
  return {
    from: parseMailbox(from),
    replyTo: (env.EMAIL_REPLY_TO ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map(parseMailbox),
    configurationSet: env.SES_CONFIGURATION_SET?.trim() || undefined,
    appName: env.APP_NAME?.trim() || 'our app',
    appUrl: env.APP_URL?.trim() || undefined,
    requireVerifiedEmail: env.REQUIRE_VERIFIED_EMAIL?.trim().toLowerCase() !== 'false',
    passwordChangeNotice: env.PASSWORD_CHANGE_NOTICE?.trim().toLowerCase() !== 'false',
  };
}

/**
 * The SES client settings every variant uses, the same as the app's.
 *
 * @example
 * const ses = new SESClient(SES_CLIENT_CONFIG);
 */
export const SES_CLIENT_CONFIG = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
} as const;
