import type { AppSettings } from '@cognito-triggers/workspace';

/**
 * custom-email-sender's settings, declared once: `readConfig` takes its defaults from here, and
 * the README's configuration table and the local stack's environment come from it
 * (`pnpm settings:write`; a test fails when they disagree).
 *
 * @example
 * Object.keys(SETTINGS).filter((name) => SETTINGS[name as keyof typeof SETTINGS].required === true); // ['EMAIL_FROM', 'KMS_KEY_ARN', 'APP_NAME']
 */
export const SETTINGS = {
  EMAIL_FROM: {
    required: true,
    meaning: 'sender, an SES-verified identity; `Name <address>` allowed (non-ASCII names are encoded)',
    local: 'Acme <hello@acme.example>',
  },
  KMS_KEY_ARN: {
    required: true,
    meaning:
      'the key ARN (not an alias) the pool encrypts codes with (`LambdaConfig.KMSKeyID`); the keyring decrypts with this key only, never in discovery mode',
    local: ({ kmsKeyArn }) => kmsKeyArn,
  },
  APP_NAME: { required: true, meaning: 'product name in every subject and e-mail', local: 'Acme' },
  APP_URL: { meaning: 'http(s) address of the product, linked from the e-mails', local: 'https://app.acme.example' },
  DEFAULT_LOCALE: { default: 'en', meaning: '`en` or `de` (`de-DE`, `de_DE` accepted)', local: 'en' },
  SES_CONFIGURATION_SET: { meaning: 'SES configuration set, for delivery events' },
  IDEMPOTENCY_TABLE: {
    meaning:
      "DynamoDB table (trigger-core's `once`): a retried or duplicated event sends its e-mail once. Unset: every delivery sends",
    local: ({ idempotencyTable }) => idempotencyTable,
  },
  LOG_LEVEL: {
    default: 'INFO',
    readBy: 'trigger-core',
    meaning: '`DEBUG`, `INFO`, `WARN` or `ERROR` (else `AWS_LAMBDA_LOG_LEVEL`)',
  },
  AWS_ENDPOINT_URL_SES: {
    readBy: 'aws-sdk',
    defaultText: "the region's",
    meaning:
      "the SDK's own settings, like `AWS_REGION` (which Lambda sets): the same bundle talks to AWS or to the local emulators",
    local: ({ sesEndpoint }) => sesEndpoint,
  },
  AWS_ENDPOINT_URL_KMS: {
    readBy: 'aws-sdk',
    defaultText: "the region's",
    meaning: 'the same, for KMS',
    local: ({ kmsEndpoint }) => kmsEndpoint,
  },
  AWS_ENDPOINT_URL_DYNAMODB: {
    readBy: 'aws-sdk',
    defaultText: "the region's",
    meaning: 'the same, for DynamoDB (the `IDEMPOTENCY_TABLE`)',
    local: ({ dynamodbEndpoint }) => dynamodbEndpoint,
  },
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: {
    readBy: 'aws-sdk',
    defaultText: "the region's",
    meaning: 'the same, for Cognito (`AdminGetUser`, for an account-takeover notice that names no address)',
  },
} as const satisfies AppSettings;
