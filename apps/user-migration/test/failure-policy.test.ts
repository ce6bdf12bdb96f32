import { GENERIC_USER_MESSAGE } from '@cognito-triggers/trigger-core';
import { captureStdoutLogs, fakeContext, triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/handler';

let logs: ReturnType<typeof captureStdoutLogs>;
beforeEach(() => {
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
});

describe('user-migration failure policy (UserMigration fails closed)', () => {
  it('refuses the request with the generic user-safe message, and logs why, when the event is malformed', async () => {
    const malformed = { ...triggerEvent('UserMigration_Authentication'), request: 'not an object' };
    await expect(handler(malformed as never, fakeContext())).rejects.toThrow(GENERIC_USER_MESSAGE);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { level: 'ERROR', outcome: 'failed', failurePolicy: 'reject', errorName: 'InvalidEventError', path: 'request' },
    ]);
  });
});
