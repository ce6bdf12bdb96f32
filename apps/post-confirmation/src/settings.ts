import type { AppSettings } from '@cognito-triggers/workspace';

/**
 * post-confirmation's settings, declared once: `readConfig` takes its defaults from here, and the
 * package.json's `cognitoTrigger.environment`, the README's configuration table (and the root
 * README's copy) and the local stack's environment come from it (`pnpm settings:write`; a test
 * fails when they disagree).
 *
 * @example
 * env.optional('APP_NAME', SETTINGS.APP_NAME.default); // 'our app' when unset
 */
export const SETTINGS = {
  EMAIL_FROM: {
    required: true,
    meaning:
      'sender, an SES-verified identity; `Name <address>` allowed (non-ASCII names are encoded); the address is ASCII (an internationalised domain in its `xn--` form), with no line break anywhere, and the role may send from it only',
    local: 'Acme <hello@acme.example>',
  },
  EMAIL_REPLY_TO: { meaning: 'comma-separated reply-to addresses' },
  SES_CONFIGURATION_SET: { meaning: 'SES configuration set, for delivery events' },
  APP_NAME: { default: 'our app', meaning: 'product name in subjects and bodies', local: 'Acme' },
  APP_URL: { meaning: 'link to sign in (welcome) or reset the password (notice)', local: 'https://app.acme.example' },
  REQUIRE_VERIFIED_EMAIL: {
    default: true,
    meaning: 'send only when `email_verified` is true',
    // cognito-local never sets email_verified on ConfirmSignUp (Cognito does, for a code sent by
    // e-mail), so with the default the app would rightly skip every e-mail. See docs/local-stack.md.
    local: 'false',
  },
  PASSWORD_CHANGE_NOTICE: { default: true, meaning: 'send the password-changed notice after a reset' },
  IDEMPOTENCY_TABLE: {
    meaning:
      "DynamoDB table (trigger-core's `once`) that keeps a retried confirmation from sending its e-mail twice; unset: every invocation sends, as before",
  },
  LOG_LEVEL: {
    default: 'INFO',
    readBy: 'trigger-core',
    meaning: '`DEBUG`, `INFO`, `WARN` or `ERROR` (else `AWS_LAMBDA_LOG_LEVEL`)',
  },
  AWS_ENDPOINT_URL_SES: {
    readBy: 'aws-sdk',
    defaultText: "the region's SES endpoint",
    meaning:
      "the SDK's own setting, like `AWS_REGION` (which Lambda sets): the same bundle talks to SES or to an emulator",
    local: ({ sesEndpoint }) => sesEndpoint,
  },
  AWS_ENDPOINT_URL_DYNAMODB: {
    readBy: 'aws-sdk',
    defaultText: "the region's DynamoDB endpoint",
    meaning: 'where the `IDEMPOTENCY_TABLE` is (else `AWS_ENDPOINT_URL`): AWS, or an emulator',
    readWhen: { IDEMPOTENCY_TABLE: 'idempotency' },
  },
  AWS_ENDPOINT_URL: {
    readBy: 'aws-sdk',
    defaultText: "the region's endpoints",
    meaning: "the SDK's endpoint for every service without its own `AWS_ENDPOINT_URL_<SERVICE>`",
    readWhen: { IDEMPOTENCY_TABLE: 'idempotency' },
  },
} as const satisfies AppSettings;
