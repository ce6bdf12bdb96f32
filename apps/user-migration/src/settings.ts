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
    meaning:
      'where the legacy accounts are: `dynamodb` (a table of exported accounts, checked here) or `http` (an endpoint that checks the credentials itself)',
  },
  LEGACY_TABLE_NAME: {
    required: 'with `dynamodb`',
    meaning: 'the DynamoDB table of exported accounts (see its import)',
    // The table the end-to-end tests create on dynalite and load with the import.
    local: 'legacy-users',
  },
  LEGACY_EMAIL_INDEX: { default: 'email-index', meaning: "the table's index on the e-mail address" },
  LEGACY_VERIFY_URL: {
    required: 'with `http`',
    readWhen: { LEGACY_STORE: 'http' },
    meaning:
      'the endpoint that checks a login: `https` (plain `http` only on a loopback address), no credentials in it',
  },
  LEGACY_VERIFY_TIMEOUT_MS: {
    default: 2000,
    readWhen: HTTP_STORE,
    meaning: "how long the endpoint may take, 100 to 4500 ms (Cognito's 5 s deadline cuts it shorter anyway)",
  },
  LEGACY_VERIFY_SECRET_ARN: {
    readWhen: HTTP_STORE,
    meaning:
      "a Secrets Manager secret ARN whose value is the endpoint's bearer token (fetched on first use, kept 5 minutes)",
  },
  LOOKUP_BY: {
    defaultText: '`username,email`',
    meaning: 'which identifiers a login is looked up as, in order: `username`, `email` or both, comma-separated',
  },
  ATTRIBUTE_MAP: {
    meaning:
      'legacy attributes copied into Cognito attributes: `legacy=cognito` entries, comma-separated, e.g. `first_name=given_name,tenant=custom:tenant_id`',
    local: 'first_name=given_name,tenant=custom:tenant_id',
  },
  LOCKOUT_AFTER_FAILURES: {
    default: 5,
    meaning: "the table store's attempts without a wait (1 to 100); after them each attempt waits 1 s, doubling",
  },
  LOCKOUT_MAX_SECONDS: { default: 900, meaning: 'the longest such wait, in seconds (1 to 86400)' },
  LOG_LEVEL: {
    default: 'INFO',
    readBy: 'trigger-core',
    meaning: '`DEBUG`, `INFO`, `WARN` or `ERROR` (else `AWS_LAMBDA_LOG_LEVEL`)',
  },
  AWS_ENDPOINT_URL_DYNAMODB: {
    readBy: 'aws-sdk',
    defaultText: "the region's DynamoDB endpoint",
    meaning:
      "the SDK's own setting: the same bundle talks to DynamoDB or to an emulator (the local stack starts dynalite for it)",
    local: ({ dynamodbEndpoint }) => dynamodbEndpoint,
  },
} as const satisfies AppSettings;
