import type { AppSettings } from '@cognito-triggers/workspace';

// The http store's settings are read only with it (and its URL, which it requires).
const HTTP_STORE = { LEGACY_STORE: 'http', LEGACY_VERIFY_URL: 'https://legacy.example/verify' } as const;

/**
 * user-migration's settings, declared once: `readConfig` takes its defaults from here, and the
 * package.json's `cognitoTrigger.environment`, the README's configuration table and the local
 * stack's environment come from it (`pnpm settings:write`; a test fails when they disagree).
 *
 * @example
 * env.oneOf('LEGACY_STORE', ['dynamodb', 'http'], SETTINGS.LEGACY_STORE.default); // 'dynamodb' when unset
 */
export const SETTINGS = {
  LEGACY_STORE: {
    default: 'dynamodb',
    meaning: '`dynamodb` (a table of exported hashes) or `http` (a verify-credentials endpoint)',
  },
  LEGACY_TABLE_NAME: {
    required: 'with `dynamodb`',
    meaning: 'the legacy users table',
    // The table the end-to-end tests create on dynalite and load with the import.
    local: 'legacy-users',
  },
  LEGACY_EMAIL_INDEX: { default: 'email-index', meaning: 'its e-mail index' },
  LOOKUP_BY: { defaultText: '`username,email`', meaning: 'which identifiers a login is looked up as, in order' },
  ATTRIBUTE_MAP: {
    meaning:
      '`legacy_name=cognito_attribute` pairs, comma-separated, e.g. `first_name=given_name,tenant=custom:tenant_id`',
    local: 'first_name=given_name,tenant=custom:tenant_id',
  },
  LOCKOUT_AFTER_FAILURES: { default: 5, meaning: 'attempts (1–100) before each further one waits' },
  LOCKOUT_MAX_SECONDS: { default: 900, meaning: 'the longest wait (1–86400)' },
  LEGACY_VERIFY_URL: {
    required: 'with `http`',
    meaning: 'the endpoint; `https:`, or `http:` on loopback only',
    readWhen: { LEGACY_STORE: 'http' },
  },
  LEGACY_VERIFY_TIMEOUT_MS: {
    default: 2000,
    meaning: 'the longest one request may take (100–4500); the deadline may cut it shorter',
    readWhen: HTTP_STORE,
  },
  LEGACY_VERIFY_SECRET_ARN: {
    meaning: 'Secrets Manager secret whose string is sent as the bearer token',
    readWhen: HTTP_STORE,
  },
  LOG_LEVEL: {
    default: 'INFO',
    readBy: 'trigger-core',
    meaning: '`DEBUG`, `INFO`, `WARN` or `ERROR` (else `AWS_LAMBDA_LOG_LEVEL`)',
  },
  AWS_ENDPOINT_URL_DYNAMODB: {
    readBy: 'aws-sdk',
    defaultText: "the region's",
    meaning:
      "the SDK's own setting, like `AWS_REGION` (which Lambda sets): the same bundle talks to DynamoDB or to an emulator (the local stack starts dynalite for it)",
    local: ({ dynamodbEndpoint }) => dynamodbEndpoint,
  },
  AWS_ENDPOINT_URL_SECRETS_MANAGER: {
    readBy: 'aws-sdk',
    defaultText: "the region's",
    meaning: "the SDK's own setting: where `LEGACY_VERIFY_SECRET_ARN` is read, AWS or an emulator",
  },
} as const satisfies AppSettings;
