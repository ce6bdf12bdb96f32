import { describe, expect, it } from 'vitest';
import { findTrigger, findWorkspaceRoot, readTriggerSettings, ReleaseConfigurationError } from '../src/index';

const root = findWorkspaceRoot(import.meta.dirname);

describe('readTriggerSettings for user-migration (awsAccess legacy-user-store)', () => {
  const trigger = findTrigger('user-migration', root);

  it('is the legacy-user-store trigger, on a full vCPU for the password hashes', () => {
    expect(trigger).toMatchObject({
      userPoolTrigger: 'userMigration',
      awsAccess: 'legacy-user-store',
      memoryMiB: 1769,
    });
  });

  it("needs the table's name for the table store, and the endpoint for the HTTP store, before any AWS call", () => {
    for (const needs of ['function', 'infrastructure'] as const) {
      expect(() => readTriggerSettings(trigger, {}, needs)).toThrow(ReleaseConfigurationError);
      expect(() => readTriggerSettings(trigger, {}, needs)).toThrow('user-migration needs LEGACY_TABLE_NAME');
      expect(() => readTriggerSettings(trigger, { LEGACY_STORE: 'http' }, needs)).toThrow(
        'user-migration needs LEGACY_VERIFY_URL',
      );
    }
    expect(readTriggerSettings(trigger, { LEGACY_TABLE_NAME: 'legacy-users' }, 'infrastructure')).toEqual({
      environment: { LEGACY_TABLE_NAME: 'legacy-users' },
    });
    expect(
      readTriggerSettings(
        trigger,
        { LEGACY_STORE: 'http', LEGACY_VERIFY_URL: 'https://legacy.acme.example/v' },
        'function',
      ),
    ).toEqual({ environment: { LEGACY_STORE: 'http', LEGACY_VERIFY_URL: 'https://legacy.acme.example/v' } });
  });
});
