import { envReader } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const read = (environment: Record<string, string>) => readConfig(envReader(environment));

describe('readConfig', () => {
  it('reads the DynamoDB store with its defaults', () => {
    expect(read({ LEGACY_TABLE_NAME: 'legacy-users' })).toEqual({
      store: { kind: 'dynamodb', tableName: 'legacy-users', emailIndexName: 'email-index' },
      lookupBy: ['username', 'email'],
      attributeMap: [],
      lockout: { afterFailures: 5, maxSeconds: 900 },
    });
  });

  it('names LEGACY_TABLE_NAME when the table store has no table', () => {
    expect(() => read({})).toThrow(/^LEGACY_TABLE_NAME is required/);
  });

  it('reads the HTTP store, https only outside loopback', () => {
    expect(
      read({
        LEGACY_STORE: 'http',
        LEGACY_VERIFY_URL: 'https://legacy.acme.example/verify',
        LEGACY_VERIFY_TIMEOUT_MS: '1500',
      }).store,
    ).toEqual({
      kind: 'http',
      url: new URL('https://legacy.acme.example/verify'),
      timeoutMs: 1_500,
      secretArn: undefined,
    });
    for (const local of ['http://127.0.0.1:8080/verify', 'http://localhost/verify', 'http://[::1]:9000/']) {
      expect(read({ LEGACY_STORE: 'http', LEGACY_VERIFY_URL: local }).store).toMatchObject({ kind: 'http' });
    }
    expect(() => read({ LEGACY_STORE: 'http', LEGACY_VERIFY_URL: 'http://legacy.acme.example/verify' })).toThrow(
      /^LEGACY_VERIFY_URL must be an https URL/,
    );
    expect(() => read({ LEGACY_STORE: 'http', LEGACY_VERIFY_URL: 'http://127.0.0.1.evil.example/' })).toThrow(
      /^LEGACY_VERIFY_URL/,
    );
    expect(() => read({ LEGACY_STORE: 'http', LEGACY_VERIFY_URL: 'https://user:secret@legacy.acme.example/' })).toThrow(
      /^LEGACY_VERIFY_URL must not carry credentials/,
    );
    expect(() => read({ LEGACY_STORE: 'http' })).toThrow(/^LEGACY_VERIFY_URL is required when LEGACY_STORE is http/);
  });

  it('names each variable whose value is wrong', () => {
    const table = { LEGACY_TABLE_NAME: 'legacy-users' };
    expect(() => read({ ...table, LEGACY_STORE: 'ldap' })).toThrow(/^LEGACY_STORE must be one of dynamodb, http/);
    expect(() => read({ ...table, LOOKUP_BY: 'username,phone' })).toThrow(
      /^LOOKUP_BY must list username and\/or email/,
    );
    expect(() => read({ ...table, LOCKOUT_AFTER_FAILURES: '0' })).toThrow(
      /^LOCKOUT_AFTER_FAILURES must be a whole number from 1/,
    );
    expect(() => read({ ...table, LOCKOUT_MAX_SECONDS: '15m' })).toThrow(/^LOCKOUT_MAX_SECONDS must be a whole number/);
    expect(() => read({ ...table, ATTRIBUTE_MAP: 'verified=email_verified' })).toThrow(
      /^ATTRIBUTE_MAP entry "verified=email_verified"/,
    );
    expect(() =>
      read({ LEGACY_STORE: 'http', LEGACY_VERIFY_URL: 'https://x.example/', LEGACY_VERIFY_TIMEOUT_MS: '10000' }),
    ).toThrow(/^LEGACY_VERIFY_TIMEOUT_MS must be a whole number from 100 to 4500/);
    expect(() =>
      read({ LEGACY_STORE: 'http', LEGACY_VERIFY_URL: 'https://x.example/', LEGACY_VERIFY_SECRET_ARN: 'token' }),
    ).toThrow(/^LEGACY_VERIFY_SECRET_ARN must be a Secrets Manager secret ARN/);
  });

  it('looks logins up in the order LOOKUP_BY gives, once each', () => {
    expect(read({ LEGACY_TABLE_NAME: 't', LOOKUP_BY: 'email, email' }).lookupBy).toEqual(['email']);
  });
});
