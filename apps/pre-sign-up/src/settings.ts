import type { AppSettings } from '@cognito-triggers/workspace';

/**
 * pre-sign-up's settings, declared once: `readConfig` takes its defaults from here, and the
 * package.json's `cognitoTrigger.environment`, the README's configuration table and the local
 * stack's environment come from it (`pnpm settings:write`; a test fails when they disagree).
 *
 * @example
 * env.boolean('BLOCK_DISPOSABLE_EMAIL', SETTINGS.BLOCK_DISPOSABLE_EMAIL.default); // false when unset
 */
export const SETTINGS = {
  ALLOWED_EMAIL_DOMAINS: {
    defaultText: '(everyone)',
    meaning: 'comma-separated `example.com` / `*.example.com` entries; when set, only these may sign up',
  },
  BLOCKED_EMAIL_DOMAINS: {
    meaning: 'entries that may never sign up; wins over the other lists',
    // The demo's first step: a sign-up from this domain is refused.
    local: 'blocked.example',
  },
  AUTO_CONFIRM_EMAIL_DOMAINS: {
    meaning:
      "entries whose users are confirmed without a code; a federated user's e-mail is verified only when the provider asserted it, a self sign-up's never ([what auto-confirm means](#what-auto-confirm-means))",
  },
  BLOCK_DISPOSABLE_EMAIL: { default: false, meaning: 'refuse throw-away e-mail providers (list below)' },
  GATE_ADMIN_CREATED_USERS: {
    default: false,
    meaning: 'apply the rules to users created with `AdminCreateUser` too',
  },
  AUTO_VERIFY_PHONE: {
    default: false,
    meaning:
      'also verify the phone number of an auto-confirmed federated user whose provider sent `phone_number_verified` `"true"`; never for a self sign-up',
  },
  LOG_LEVEL: {
    default: 'INFO',
    readBy: 'trigger-core',
    meaning: '`DEBUG`, `INFO`, `WARN` or `ERROR` (else `AWS_LAMBDA_LOG_LEVEL`)',
  },
} as const satisfies AppSettings;
