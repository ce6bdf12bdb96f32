import type { EnvReader } from '@cognito-triggers/trigger-core';
import { parseDomainList, type DomainList } from './domain-list';
import { SETTINGS } from './settings';

/**
 * The pre-sign-up trigger's configuration, read once at cold start.
 *
 * @example
 * const config = readConfig(envReader({ ALLOWED_EMAIL_DOMAINS: 'acme.example,*.acme.example' }));
 */
export interface PreSignUpConfig {
  /** `ALLOWED_EMAIL_DOMAINS`: when set, only these domains may sign up. */
  allowed: DomainList | undefined;
  /** `BLOCKED_EMAIL_DOMAINS`: these domains may not sign up, whatever else matches. */
  blocked: DomainList | undefined;
  /** `AUTO_CONFIRM_EMAIL_DOMAINS`: these domains are confirmed and their e-mail verified without a code. */
  autoConfirm: DomainList | undefined;
  /** `BLOCK_DISPOSABLE_EMAIL`: refuse throw-away e-mail providers (default false). */
  blockDisposable: boolean;
  /** `GATE_ADMIN_CREATED_USERS`: apply the gate to users an administrator creates (default false). */
  gateAdminCreatedUsers: boolean;
  /** `AUTO_VERIFY_PHONE`: also verify the phone number of an auto-confirmed user who has one (default false). */
  autoVerifyPhone: boolean;
}

/**
 * Reads {@link PreSignUpConfig} from the environment, with the names and defaults that `SETTINGS`
 * (./settings) declares; a bad value throws a `ConfigurationError`
 * naming the variable (and, for a list, the bad entry).
 *
 * @example
 * defineTrigger(preSignUp, { service: 'pre-sign-up', config: readConfig }, work);
 */
export function readConfig(env: EnvReader): PreSignUpConfig {
  const domainList = (variable: string): DomainList | undefined => {
    const rules = env.parsed(variable, parseDomainList);
    return rules ? { variable, rules } : undefined;
  };
  return {
    allowed: domainList('ALLOWED_EMAIL_DOMAINS'),
    blocked: domainList('BLOCKED_EMAIL_DOMAINS'),
    autoConfirm: domainList('AUTO_CONFIRM_EMAIL_DOMAINS'),
    blockDisposable: env.boolean('BLOCK_DISPOSABLE_EMAIL', SETTINGS.BLOCK_DISPOSABLE_EMAIL.default),
    gateAdminCreatedUsers: env.boolean('GATE_ADMIN_CREATED_USERS', SETTINGS.GATE_ADMIN_CREATED_USERS.default),
    autoVerifyPhone: env.boolean('AUTO_VERIFY_PHONE', SETTINGS.AUTO_VERIFY_PHONE.default),
  };
}
