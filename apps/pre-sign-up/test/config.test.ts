import { envReader } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

describe('readConfig', () => {
  it('gates nothing by default', () => {
    expect(readConfig(envReader({}))).toEqual({
      allowed: undefined,
      blocked: undefined,
      autoConfirm: undefined,
      blockDisposable: false,
      gateAdminCreatedUsers: false,
      autoVerifyPhone: false,
    });
  });

  it('reads each list into normalised rules that remember their variable', () => {
    const config = readConfig(
      envReader({
        ALLOWED_EMAIL_DOMAINS: 'Acme.Example.,*.acme.example',
        BLOCKED_EMAIL_DOMAINS: 'bücher.example',
        AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example',
      }),
    );
    expect(config.allowed).toEqual({
      variable: 'ALLOWED_EMAIL_DOMAINS',
      rules: [
        { kind: 'exact', domain: 'acme.example' },
        { kind: 'subdomains', domain: 'acme.example' },
      ],
    });
    expect(config.blocked?.rules).toEqual([{ kind: 'exact', domain: 'xn--bcher-kva.example' }]);
    expect(config.autoConfirm?.variable).toBe('AUTO_CONFIRM_EMAIL_DOMAINS');
  });

  it('names the variable and the entry when a list entry is bad', () => {
    expect(() => readConfig(envReader({ ALLOWED_EMAIL_DOMAINS: 'acme.example,acme' }))).toThrow(
      /^ALLOWED_EMAIL_DOMAINS entry "acme" is not a domain/,
    );
    expect(() => readConfig(envReader({ BLOCKED_EMAIL_DOMAINS: 'spam@spam.example' }))).toThrow(
      /^BLOCKED_EMAIL_DOMAINS entry "spam@spam.example" is an e-mail address/,
    );
    expect(() => readConfig(envReader({ AUTO_CONFIRM_EMAIL_DOMAINS: '*.' }))).toThrow(
      /^AUTO_CONFIRM_EMAIL_DOMAINS entry "\*\." is not a domain/,
    );
  });

  it('refuses an allow-list of commas only rather than silently allowing everyone', () => {
    expect(() => readConfig(envReader({ ALLOWED_EMAIL_DOMAINS: ',,' }))).toThrow(
      /^ALLOWED_EMAIL_DOMAINS must list at least one domain/,
    );
  });

  it('names the variable for a bad boolean', () => {
    for (const name of ['BLOCK_DISPOSABLE_EMAIL', 'GATE_ADMIN_CREATED_USERS', 'AUTO_VERIFY_PHONE']) {
      expect(() => readConfig(envReader({ [name]: 'sometimes' }))).toThrow(
        new RegExp(`^${name} must be true or false`),
      );
    }
  });
});
