import type { EnvReader } from '@cognito-triggers/trigger-core';

/**
 * The user-migration trigger's configuration, read once at cold start. It has no settings yet.
 *
 * To add one: give it a field here (TSDoc line naming the variable), read it in {@link readConfig}
 * with the `env` helpers, add a row to the README's configuration table and a case to
 * test/config.test.ts. For example:
 *
 * @example
 * export interface UserMigrationConfig {
 *   allowedDomains: string[]; // `ALLOWED_DOMAINS`: comma-separated e-mail domains let in (default: all)
 *   strictMode: boolean; // `STRICT_MODE`: refuse when unsure (default true)
 * }
 * // and in readConfig:
 * return { allowedDomains: env.list('ALLOWED_DOMAINS'), strictMode: env.boolean('STRICT_MODE', true) };
 */
export type UserMigrationConfig = Record<string, never>;

/**
 * Reads {@link UserMigrationConfig} from the environment (the wrapper passes `env`; nothing else reads
 * `process.env`). A bad value throws a `ConfigurationError` naming the variable: the wrapper logs
 * it on every invocation and applies the UserMigration failure policy (reject).
 *
 * @example
 * defineTrigger(userMigration, { service: 'user-migration', config: readConfig }, work);
 */
export function readConfig(_env: EnvReader): UserMigrationConfig {
  return {};
}
