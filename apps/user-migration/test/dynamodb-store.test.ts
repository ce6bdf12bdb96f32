import { SAMPLE_SECRETS, SAMPLE_USER } from '@cognito-triggers/trigger-core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LegacyDataError } from '../src/errors';
import { dynamoDbStore, type DynamoDbStoreOptions } from '../src/stores/dynamodb-store';
import { sampleAccount, startLegacyTable, type LegacyTable } from './support/legacy-table';

let table: LegacyTable;
let clock = 1_800_000_000_000;
const signal = new AbortController().signal;

function store(overrides: Partial<DynamoDbStoreOptions> = {}) {
  return dynamoDbStore({
    client: table.client,
    tableName: table.tableName,
    emailIndexName: 'email-index',
    lookupBy: ['username', 'email'],
    lockout: { afterFailures: 5, maxSeconds: 900 },
    now: () => clock,
    ...overrides,
  });
}

beforeAll(async () => {
  table = await startLegacyTable();
});
afterAll(async () => {
  await table?.stop();
});

describe('the DynamoDB legacy store against dynalite', () => {
  it('finds a user by username, whatever its case, checks the password and clears the attempt counter', async () => {
    await table.put(await sampleAccount({ username: 'JDoe' }));
    const answer = await store().authenticate('jDOE', SAMPLE_SECRETS.password, signal);
    expect(answer).toMatchObject({
      outcome: 'found',
      found: true,
      lookupBy: 'username',
      hashScheme: 'bcrypt',
      attemptsCleared: true,
      user: { username: 'JDoe', email: SAMPLE_USER.email, emailVerified: true, attributes: { tenant: 'acme-42' } },
    });
    expect(answer.outcome === 'found' && 'passwordHash' in answer.user).toBe(false);
    expect((await table.item('jdoe'))?.failedAttempts).toBeUndefined();
  });

  it('finds a user by e-mail address through the index, whatever its case', async () => {
    await table.put(await sampleAccount({ username: 'mail-user', email: 'Mail.User@Example.org' }));
    const answer = await store().authenticate('mail.user@EXAMPLE.org', SAMPLE_SECRETS.password, signal);
    expect(answer).toMatchObject({ outcome: 'found', lookupBy: 'email', user: { username: 'mail-user' } });
  });

  it('does not look e-mail addresses up when LOOKUP_BY is username only', async () => {
    await table.put(await sampleAccount({ username: 'only-user', email: 'only.user@example.org' }));
    const answer = await store({ lookupBy: ['username'] }).authenticate(
      'only.user@example.org',
      SAMPLE_SECRETS.password,
      signal,
    );
    expect(answer).toEqual({ outcome: 'rejected', reason: 'user-not-found', found: false });
  });

  it('answers an unknown user and a wrong password alike to the caller, and counts only the wrong password', async () => {
    await table.put(await sampleAccount({ username: 'counted', email: 'counted@example.org' }));
    expect(await store().authenticate('nobody-here', SAMPLE_SECRETS.password, signal)).toEqual({
      outcome: 'rejected',
      reason: 'user-not-found',
      found: false,
    });
    expect(await store().authenticate('counted', 'Correct-Horse-Battery-8', signal)).toMatchObject({
      outcome: 'rejected',
      reason: 'password-mismatch',
      failedAttempts: 1,
    });
    expect((await table.item('counted'))?.failedAttempts).toEqual({ N: '1' });
  });

  it('makes each attempt from the fifth on wait, 1 s then 2 s, refusing even the right password meanwhile', async () => {
    await table.put(await sampleAccount({ username: 'locked', email: 'locked@example.org' }));
    const legacy = store();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await legacy.authenticate('locked', 'wrong-password', signal)).toMatchObject({
        reason: 'password-mismatch',
        failedAttempts: attempt,
      });
    }
    expect(await legacy.authenticate('locked', SAMPLE_SECRETS.password, signal)).toMatchObject({
      reason: 'locked',
      found: true,
    });
    clock += 1_000;
    expect(await legacy.authenticate('locked', 'wrong-password', signal)).toMatchObject({
      reason: 'password-mismatch',
      failedAttempts: 6,
    });
    clock += 1_000;
    expect(await legacy.authenticate('locked', SAMPLE_SECRETS.password, signal)).toMatchObject({ reason: 'locked' });
    clock += 1_000;
    expect(await legacy.authenticate('locked', SAMPLE_SECRETS.password, signal)).toMatchObject({ outcome: 'found' });
    expect((await table.item('locked'))?.lockedUntil).toBeUndefined();
  });

  it('lets a burst of parallel guesses check the password only once per counted attempt', async () => {
    await table.put(await sampleAccount({ username: 'burst', email: 'burst@example.org' }));
    const legacy = store({ lockout: { afterFailures: 100, maxSeconds: 900 } });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => legacy.authenticate('burst', `wrong-${index}`, signal)),
    );
    const checked = answers.filter((answer) => answer.outcome === 'rejected' && answer.reason === 'password-mismatch');
    const turnedAway = answers.filter(
      (answer) => answer.outcome === 'rejected' && answer.reason === 'concurrent-attempt',
    );
    expect(checked.length + turnedAway.length).toBe(8);
    expect(checked.length).toBeGreaterThan(0);
    // Every password that was checked was counted first: the counter equals the checks made.
    expect((await table.item('burst'))?.failedAttempts).toEqual({ N: String(checked.length) });
  });

  it('finds a user on a forgotten password without a password or a counted attempt', async () => {
    await table.put(await sampleAccount({ username: 'forgetful', email: 'forgetful@example.org' }));
    expect(await store().lookup('forgetful@example.org', signal)).toMatchObject({
      outcome: 'found',
      lookupBy: 'email',
      user: { username: 'forgetful' },
    });
    expect((await table.item('forgetful'))?.failedAttempts).toBeUndefined();
  });
});

describe('legacy records the DynamoDB store cannot use', () => {
  async function dataError(promise: Promise<unknown>): Promise<LegacyDataError> {
    const error = await promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(LegacyDataError);
    return error as LegacyDataError;
  }

  it('refuses a hash of an unknown format as a data error naming only its scheme label, never a pass', async () => {
    await table.put(
      await sampleAccount({
        username: 'md5',
        email: 'md5@example.org',
        passwordHash: '$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0',
      }),
    );
    const error = await dataError(store().authenticate('md5', SAMPLE_SECRETS.password, signal));
    expect(error).toMatchObject({
      code: 'hash-format-unknown',
      message: 'legacy record: passwordHash has an unknown format ($1$)',
    });
    expect(error.message).not.toContain('2vnaRpHa6Jxjz5n83ok8Z0');
  });

  it('refuses an item whose fields are not a legacy user, naming the field', async () => {
    await table.put({
      userKey: { S: 'odd' },
      username: { S: 'odd' },
      emailVerified: { S: 'yes' },
      passwordHash: { S: 'x' },
    });
    const error = await dataError(store().lookup('odd', signal));
    expect(error).toMatchObject({
      code: 'record-invalid',
      message: 'legacy record: emailVerified must be true or false',
    });
  });

  it('refuses an e-mail address two accounts share rather than pick one', async () => {
    await table.put(await sampleAccount({ username: 'twin-a', email: 'twin@example.org' }));
    await table.put(await sampleAccount({ username: 'twin-b', email: 'Twin@example.org' }));
    const error = await dataError(store().authenticate('twin@example.org', SAMPLE_SECRETS.password, signal));
    expect(error.code).toBe('email-ambiguous');
  });
});
