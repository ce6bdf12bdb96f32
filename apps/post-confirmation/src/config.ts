import type { EnvReader } from '@cognito-triggers/trigger-core';
import type { DynamoDbTarget } from './dynamodb-fetch';
import { parseMailbox, type Mailbox } from './mailbox';
import { SETTINGS } from './settings';

/**
 * The post-confirmation trigger's configuration, read once at cold start.
 *
 * @example
 * const config = readConfig(envReader({ EMAIL_FROM: 'Acme <hello@acme.example>' }));
 */
export interface PostConfirmationConfig {
  /** `EMAIL_FROM`: the sender, an address verified in SES; `Name <address>` allowed. */
  from: Mailbox;
  /** `EMAIL_REPLY_TO`: comma-separated reply-to addresses. */
  replyTo: Mailbox[];
  /** `SES_CONFIGURATION_SET`: SES configuration set for event publishing. */
  configurationSet: string | undefined;
  /** `APP_NAME`: the product name used in the e-mails. */
  appName: string;
  /** `APP_URL`: where the e-mails point the user (sign-in, password reset). */
  appUrl: string | undefined;
  /** `REQUIRE_VERIFIED_EMAIL`: send only to verified addresses (default true). */
  requireVerifiedEmail: boolean;
  /** `PASSWORD_CHANGE_NOTICE`: send the security notice after a password reset (default on). */
  passwordChangeNotice: boolean;
  /**
   * `IDEMPOTENCY_TABLE`: the DynamoDB table that keeps a retried confirmation from sending twice
   * (off when unset), with where and as whom to call it (`AWS_REGION`, `AWS_ENDPOINT_URL_DYNAMODB`,
   * and the credentials Lambda sets).
   */
  idempotency?: ({ tableName: string } & DynamoDbTarget) | undefined;
}

/**
 * Reads {@link PostConfirmationConfig} from the environment, with the names and defaults that
 * `SETTINGS` (./settings) declares; a bad value throws a
 * `ConfigurationError` naming the variable.
 *
 * @example
 * defineTrigger(postConfirmation, { service: 'post-confirmation', config: readConfig }, work);
 */
export function readConfig(env: EnvReader): PostConfirmationConfig {
  const appUrl = env.parsed('APP_URL', (raw) => {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('must be an http(s) URL');
    return url.toString();
  });
  return {
    from: parseMailboxVariable(env, 'EMAIL_FROM'),
    replyTo:
      env.parsed('EMAIL_REPLY_TO', (raw) =>
        raw
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry.length > 0)
          .map(parseMailbox),
      ) ?? [],
    configurationSet: env.optional('SES_CONFIGURATION_SET'),
    appName: env.optional('APP_NAME', SETTINGS.APP_NAME.default),
    appUrl,
    requireVerifiedEmail: env.boolean('REQUIRE_VERIFIED_EMAIL', SETTINGS.REQUIRE_VERIFIED_EMAIL.default),
    passwordChangeNotice: env.boolean('PASSWORD_CHANGE_NOTICE', SETTINGS.PASSWORD_CHANGE_NOTICE.default),
    idempotency: readIdempotency(env),
  };
}

function readIdempotency(env: EnvReader): PostConfirmationConfig['idempotency'] {
  const tableName = env.optional('IDEMPOTENCY_TABLE');
  if (tableName === undefined) return undefined;
  // Lambda sets these for the execution role; the AWS SDK reads the same variables.
  return {
    tableName,
    region: env.required('AWS_REGION'),
    endpoint: env.optional('AWS_ENDPOINT_URL_DYNAMODB') ?? env.optional('AWS_ENDPOINT_URL'),
    credentials: {
      accessKeyId: env.required('AWS_ACCESS_KEY_ID'),
      secretAccessKey: env.required('AWS_SECRET_ACCESS_KEY'),
      sessionToken: env.optional('AWS_SESSION_TOKEN'),
    },
  };
}

function parseMailboxVariable(env: EnvReader, name: string): Mailbox {
  return env.parsed(name, parseMailbox) ?? (env.required(name) as never);
}
