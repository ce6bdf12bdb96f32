import {
  DynamoDBClient,
  DynamoDBServiceException,
  GetItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { GENERIC_USER_MESSAGE, userMigration } from '@cognito-triggers/trigger-core';
import {
  captureStdoutLogs,
  fakeContext,
  findPersonalData,
  PERSONAL_VALUES,
  SAMPLE_SECRETS,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LegacyAccount } from '../src/legacy-user';
import { accountItem } from '../src/stores/dynamodb-item';
import { sampleAccount } from './support/legacy-table';

const dynamodb = mockClient(DynamoDBClient);
// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls.
afterAll(() => dynamodb.restore());
const ENVIRONMENT = {
  LEGACY_TABLE_NAME: 'legacy-users',
  ATTRIBUTE_MAP: 'first_name=given_name,tenant=custom:tenant_id',
};
let account: LegacyAccount;

// The handler reads its configuration at import (cold start), so each environment gets a fresh import.
async function loadHandler(environment: Record<string, string> = ENVIRONMENT) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  const module = await import('../src/handler');
  return module.handler;
}

function storeHas(found: LegacyAccount | undefined) {
  dynamodb.on(GetItemCommand).resolves(found ? { Item: accountItem(found) } : {});
  dynamodb.on(QueryCommand).resolves({ Items: [] });
  dynamodb.on(UpdateItemCommand).resolves({});
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => new Error('the invocation succeeded'),
    (error: unknown) => error as Error,
  );
}

let logs: ReturnType<typeof captureStdoutLogs>;
beforeAll(async () => {
  account = await sampleAccount();
});
beforeEach(() => {
  dynamodb.reset();
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
  vi.unstubAllEnvs();
  // Never the username, the e-mail, the password or the stored hash, whatever happened.
  const secrets = [...PERSONAL_VALUES, ...Object.values(SAMPLE_SECRETS), account.username, account.passwordHash];
  expect(findPersonalData(logs.raw.join(''), secrets)).toEqual([]);
});

describe('user-migration on sign-in (UserMigration_Authentication)', () => {
  it('migrates a legacy user whose password matches: mapped attributes, CONFIRMED, no welcome message', async () => {
    storeHas(account);
    const handler = await loadHandler();
    const result = await handler(triggerEvent('UserMigration_Authentication'), fakeContext());
    expect(result.response).toEqual({
      userAttributes: {
        email: account.email,
        email_verified: 'true',
        given_name: account.attributes.first_name,
        'custom:tenant_id': 'acme-42',
      },
      finalUserStatus: 'CONFIRMED',
      messageAction: 'SUPPRESS',
    });
    expect(() => userMigration.checkResult(result, result)).not.toThrow();
    expect(logs.withMessage('invocation finished')).toMatchObject([
      {
        outcome: 'success',
        store: 'dynamodb',
        found: true,
        lookupBy: 'username',
        verified: true,
        hashScheme: 'bcrypt',
        migrated: true,
        attributeNames: ['custom:tenant_id', 'email', 'email_verified', 'given_name'],
      },
    ]);
    expect(logs.lines()).toHaveLength(1);
  });

  it('says email_verified "false" when the legacy store did not verify the address', async () => {
    storeHas({ ...account, emailVerified: false });
    const handler = await loadHandler();
    const result = await handler(triggerEvent('UserMigration_Authentication'), fakeContext());
    expect(result.response.userAttributes.email_verified).toBe('false');
  });

  it('refuses a wrong password and an unknown user with the same user-safe message, and logs which', async () => {
    storeHas(account);
    const handler = await loadHandler();
    const wrong = await failure(
      handler(
        triggerEvent('UserMigration_Authentication', { request: { password: 'Correct-Horse-Battery-8' } }),
        fakeContext(),
      ),
    );
    storeHas(undefined);
    const unknown = await failure(handler(triggerEvent('UserMigration_Authentication'), fakeContext()));
    for (const error of [wrong, unknown]) {
      // By name: each fresh import of the handler has its own copy of trigger-core's classes.
      expect(error.name).toBe('UserFacingError');
      expect(error.message).toBe('Incorrect username or password.');
    }
    expect(logs.withMessage('invocation finished')).toMatchObject([
      {
        outcome: 'rejected',
        found: true,
        verified: false,
        migrated: false,
        reason: 'password-mismatch',
        failedAttempts: 1,
      },
      { outcome: 'rejected', found: false, verified: false, migrated: false, reason: 'user-not-found' },
    ]);
  });

  it('fails closed with the generic message when the table does not answer, and logs store-unavailable', async () => {
    dynamodb
      .on(GetItemCommand)
      .rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { name: 'Error' }));
    const handler = await loadHandler();
    const error = await failure(handler(triggerEvent('UserMigration_Authentication'), fakeContext()));
    expect(error.message).toBe(GENERIC_USER_MESSAGE);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { level: 'ERROR', outcome: 'failed', failurePolicy: 'reject', reason: 'store-unavailable', migrated: false },
    ]);
  });

  it('fails closed when DynamoDB refuses the call (throttling, access denied)', async () => {
    dynamodb.on(GetItemCommand).rejects(
      new DynamoDBServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const handler = await loadHandler();
    expect((await failure(handler(triggerEvent('UserMigration_Authentication'), fakeContext()))).message).toBe(
      GENERIC_USER_MESSAGE,
    );
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'failed', reason: 'store-unavailable', errorName: 'AccessDeniedException' },
    ]);
  });

  it('logs a hash it cannot verify as a data error, and never lets the user in', async () => {
    storeHas({ ...account, passwordHash: 'sha1$$0123456789abcdef0123456789abcdef01234567' });
    const handler = await loadHandler();
    expect((await failure(handler(triggerEvent('UserMigration_Authentication'), fakeContext()))).message).toBe(
      GENERIC_USER_MESSAGE,
    );
    expect(logs.withMessage('invocation finished')).toMatchObject([
      {
        level: 'ERROR',
        outcome: 'failed',
        reason: 'hash-format-unknown',
        errorName: 'LegacyDataError',
        errorCode: 'hash-format-unknown',
        errorMessage: 'legacy record: passwordHash has an unknown format (sha1$)',
      },
    ]);
  });

  it.each([
    ['a line break', 'jane.doe@example.com\r\nx'],
    ['a lone surrogate', 'jane\ud800@example.com'],
    ['a megabyte', 'j'.repeat(1_000_000)],
  ])('refuses a userName with %s before asking the store', async (_name, userName) => {
    storeHas(account);
    const handler = await loadHandler();
    const error = await failure(handler(triggerEvent('UserMigration_Authentication', { userName }), fakeContext()));
    expect(error.message).toBe('Incorrect username or password.');
    expect(dynamodb.calls()).toHaveLength(0);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'rejected', reason: 'username-invalid' },
    ]);
  });

  it('refuses an empty or huge password without hashing it', async () => {
    storeHas(account);
    const handler = await loadHandler();
    for (const password of ['', 'p'.repeat(100_000)]) {
      const error = await failure(
        handler(triggerEvent('UserMigration_Authentication', { request: { password } }), fakeContext()),
      );
      expect(error.message).toBe('Incorrect username or password.');
    }
    expect(dynamodb.calls()).toHaveLength(0);
  });
});

describe('user-migration on a forgotten password (UserMigration_ForgotPassword)', () => {
  it('answers with the attributes and no status, so that Cognito sends the reset code, checking no password', async () => {
    storeHas(account);
    const handler = await loadHandler();
    const result = await handler(triggerEvent('UserMigration_ForgotPassword'), fakeContext());
    expect(result.response).toEqual({
      userAttributes: expect.objectContaining({ email: account.email, email_verified: 'true' }) as unknown,
      messageAction: 'SUPPRESS',
    });
    expect(dynamodb.commandCalls(UpdateItemCommand)).toHaveLength(0);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'success', found: true, migrated: true },
    ]);
  });

  it('refuses a user without a verified address, who could not receive the code, with the same message', async () => {
    storeHas({ ...account, emailVerified: false });
    const handler = await loadHandler();
    const error = await failure(handler(triggerEvent('UserMigration_ForgotPassword'), fakeContext()));
    expect(error.message).toBe('Incorrect username or password.');
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'rejected', reason: 'no-verified-email' },
    ]);
  });

  it('refuses an unknown user with the same message', async () => {
    storeHas(undefined);
    const handler = await loadHandler();
    expect((await failure(handler(triggerEvent('UserMigration_ForgotPassword'), fakeContext()))).message).toBe(
      'Incorrect username or password.',
    );
  });
});

describe('user-migration failure policy (UserMigration fails closed)', () => {
  it('refuses every request with the generic message, naming the variable, when LEGACY_TABLE_NAME is missing', async () => {
    const handler = await loadHandler({});
    expect((await failure(handler(triggerEvent('UserMigration_Authentication'), fakeContext()))).message).toBe(
      GENERIC_USER_MESSAGE,
    );
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'failed', errorName: 'ConfigurationError', variable: 'LEGACY_TABLE_NAME' },
    ]);
  });

  it('refuses a malformed event with the generic message, naming the path', async () => {
    const handler = await loadHandler();
    const malformed = { ...triggerEvent('UserMigration_Authentication'), request: 'not an object' };
    expect((await failure(handler(malformed as never, fakeContext()))).message).toBe(GENERIC_USER_MESSAGE);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { level: 'ERROR', outcome: 'failed', failurePolicy: 'reject', errorName: 'InvalidEventError', path: 'request' },
    ]);
  });
});
