import { userMigration, UserFacingError } from '@cognito-triggers/trigger-core';
import {
  captureStdoutLogs,
  fakeContext,
  findPersonalData,
  PERSONAL_VALUES,
  SAMPLE_SECRETS,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler, migratedResponse, NOT_MIGRATED_MESSAGE } from '../src/handler';

// Every UserMigration trigger source trigger-core knew when this app was generated.
const SOURCES = ['UserMigration_Authentication', 'UserMigration_ForgotPassword'] as const;

let logs: ReturnType<typeof captureStdoutLogs>;
beforeEach(() => {
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
  expect(findPersonalData(logs.raw.join(''), [...PERSONAL_VALUES, ...Object.values(SAMPLE_SECRETS)])).toEqual([]);
});

describe('user-migration handler', () => {
  it('is tested with every UserMigration trigger source trigger-core knows', () => {
    expect([...SOURCES].sort()).toEqual([...userMigration.sources].sort());
  });

  it.each(SOURCES)(
    'migrates nobody on %s until the lookup is written, refusing with a message that reveals nothing',
    async (source) => {
      const failure = handler(triggerEvent(source), fakeContext());
      await expect(failure).rejects.toBeInstanceOf(UserFacingError);
      await expect(failure).rejects.toThrow(NOT_MIGRATED_MESSAGE);
      expect(logs.withMessage('invocation finished')).toMatchObject([{ outcome: 'rejected', family: 'UserMigration' }]);
    },
  );

  it('builds a response Cognito accepts for a found user', () => {
    const event = triggerEvent('UserMigration_Authentication');
    const response = migratedResponse({ email: 'migrated@example.org', emailVerified: true });
    expect(() => userMigration.checkResult(event, { ...event, response })).not.toThrow();
    expect(response).toMatchObject({
      finalUserStatus: 'CONFIRMED',
      messageAction: 'SUPPRESS',
      userAttributes: { email_verified: 'true' },
    });
  });
});
