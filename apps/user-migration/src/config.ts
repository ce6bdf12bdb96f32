import { ConfigurationError, type EnvReader } from '@cognito-triggers/trigger-core';
import { parseAttributeMap, type AttributeMapping } from './attribute-map';
import type { LockoutPolicy } from './lockout';
import { SETTINGS } from './settings';
import type { LookupField } from './stores/legacy-store';

/**
 * Where the legacy users are: a DynamoDB table of exported accounts, or an endpoint that checks
 * credentials itself.
 *
 * @example
 * const store: StoreConfig = { kind: 'dynamodb', tableName: 'legacy-users', emailIndexName: 'email-index' };
 */
export type StoreConfig =
  | { readonly kind: 'dynamodb'; readonly tableName: string; readonly emailIndexName: string }
  | { readonly kind: 'http'; readonly url: URL; readonly timeoutMs: number; readonly secretArn: string | undefined };

/**
 * The user-migration trigger's configuration, read once at cold start.
 *
 * @example
 * const config = readConfig(envReader({ LEGACY_TABLE_NAME: 'legacy-users' }));
 */
export interface UserMigrationConfig {
  /** `LEGACY_STORE` (`dynamodb` or `http`) and the variables of that store. */
  readonly store: StoreConfig;
  /** `LOOKUP_BY`: which identifiers a login is looked up as, in order (default `username,email`). */
  readonly lookupBy: readonly LookupField[];
  /** `ATTRIBUTE_MAP`: legacy attributes copied into Cognito attributes. */
  readonly attributeMap: readonly AttributeMapping[];
  /** `LOCKOUT_AFTER_FAILURES`, `LOCKOUT_MAX_SECONDS`: the table store's attempt limit. */
  readonly lockout: LockoutPolicy;
}

const LOOKUP_FIELDS = ['username', 'email'] as const;
// Names a loopback interface: the only hosts the endpoint may be reached on without TLS.
const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function integer(env: EnvReader, name: string, fallback: number, min: number, max: number): number {
  return (
    env.parsed(name, (raw) => {
      const value = Number(raw);
      if (!/^\d+$/.test(raw) || value < min || value > max)
        throw new Error(`must be a whole number from ${min} to ${max}`);
      return value;
    }) ?? fallback
  );
}

function readVerifyUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.username || url.password) throw new Error('must not carry credentials (use LEGACY_VERIFY_SECRET_ARN)');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname)) return url;
  throw new Error('must be an https URL (plain http only on a loopback address such as 127.0.0.1)');
}

function readStore(env: EnvReader): StoreConfig {
  const kind = env.oneOf('LEGACY_STORE', ['dynamodb', 'http'], SETTINGS.LEGACY_STORE.default);
  if (kind === 'dynamodb') {
    return {
      kind,
      tableName: env.required('LEGACY_TABLE_NAME'),
      emailIndexName: env.optional('LEGACY_EMAIL_INDEX', SETTINGS.LEGACY_EMAIL_INDEX.default),
    };
  }
  const url = env.parsed('LEGACY_VERIFY_URL', readVerifyUrl);
  if (!url) throw new ConfigurationError('LEGACY_VERIFY_URL', 'is required when LEGACY_STORE is http');
  return {
    kind,
    url,
    // Cognito waits 5 s in all; the deadline cuts any request shorter anyway.
    timeoutMs: integer(env, 'LEGACY_VERIFY_TIMEOUT_MS', SETTINGS.LEGACY_VERIFY_TIMEOUT_MS.default, 100, 4_500),
    secretArn: env.parsed('LEGACY_VERIFY_SECRET_ARN', (raw) => {
      if (!raw.startsWith('arn:')) throw new Error('must be a Secrets Manager secret ARN');
      return raw;
    }),
  };
}

/**
 * Reads {@link UserMigrationConfig} from the environment (the wrapper passes `env`; nothing else
 * reads `process.env`), with the names and defaults that `SETTINGS` (./settings) declares. A bad value throws a `ConfigurationError` naming the variable: the wrapper
 * logs it on every invocation and refuses every migration (the family fails closed).
 *
 * @example
 * defineTrigger(userMigration, { service: 'user-migration', config: readConfig }, work);
 */
export function readConfig(env: EnvReader): UserMigrationConfig {
  const lookupBy = env.list('LOOKUP_BY');
  for (const field of lookupBy) {
    if (!(LOOKUP_FIELDS as readonly string[]).includes(field)) {
      throw new ConfigurationError('LOOKUP_BY', `must list username and/or email (got "${field}")`);
    }
  }
  return {
    store: readStore(env),
    lookupBy: lookupBy.length === 0 ? LOOKUP_FIELDS : [...new Set(lookupBy as LookupField[])],
    attributeMap: env.parsed('ATTRIBUTE_MAP', parseAttributeMap) ?? [],
    lockout: {
      afterFailures: integer(env, 'LOCKOUT_AFTER_FAILURES', SETTINGS.LOCKOUT_AFTER_FAILURES.default, 1, 100),
      maxSeconds: integer(env, 'LOCKOUT_MAX_SECONDS', SETTINGS.LOCKOUT_MAX_SECONDS.default, 1, 86_400),
    },
  };
}
