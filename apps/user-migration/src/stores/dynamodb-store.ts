import {
  ConditionalCheckFailedException,
  GetItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { LegacyDataError } from '../errors';
import { parsePasswordHash, verifyDecoy, verifyPassword, type HashProblem, type ParsedHash } from '../hashes/index';
import { emailKey, userKey } from '../legacy-user';
import { isLocked, reserveAttempt, type LockoutPolicy } from '../lockout';
import { LEGACY_TABLE, readStoredAccount, type StoredAccount } from './dynamodb-item';
import type { LegacyStore, LookupField, StoreAnswer } from './legacy-store';

/**
 * Options of {@link dynamoDbStore}.
 *
 * @example
 * const options: DynamoDbStoreOptions = { client, tableName: 'legacy-users', emailIndexName: 'email-index', lookupBy: ['username', 'email'], lockout };
 */
export interface DynamoDbStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly emailIndexName: string;
  readonly lookupBy: readonly LookupField[];
  readonly lockout: LockoutPolicy;
  /** The clock (tests); defaults to `Date.now`. */
  readonly now?: () => number;
}

function hashError(problem: HashProblem): LegacyDataError {
  if (problem.problem === 'hash-format-unknown') {
    const label = problem.prefix === undefined ? '' : ` (${problem.prefix})`;
    return new LegacyDataError(problem.problem, `legacy record: passwordHash has an unknown format${label}`);
  }
  if (problem.problem === 'hash-malformed') {
    return new LegacyDataError(
      problem.problem,
      `legacy record: passwordHash is not a well-formed ${problem.scheme} hash`,
    );
  }
  return new LegacyDataError(
    problem.problem,
    `legacy record: passwordHash asks for a ${problem.scheme} ${problem.parameter} beyond what the trigger verifies`,
  );
}

/**
 * The legacy store as a DynamoDB table of exported accounts (see `LEGACY_TABLE`). A login is
 * looked up as a username (a strongly consistent `GetItem`), then as an e-mail address through the
 * e-mail index, as `lookupBy` allows. Each sign-in attempt first reserves itself on the item's
 * attempt counter with a conditional write, so that a burst of parallel guesses gets one attempt
 * per counter value, and waits grow as Cognito's lockout does (see `reserveAttempt`); a match
 * clears the counter. Users who do not exist, or who are locked, cost a decoy bcrypt verification,
 * so the answer takes about as long as a wrong password.
 *
 * @example
 * const store = dynamoDbStore({ client: new DynamoDBClient({}), tableName: 'legacy-users', emailIndexName: 'email-index', lookupBy: ['username', 'email'], lockout: { afterFailures: 5, maxSeconds: 900 } });
 */
export function dynamoDbStore(options: DynamoDbStoreOptions): LegacyStore {
  const { client, tableName } = options;
  const now = options.now ?? Date.now;

  async function getAccount(key: string, signal: AbortSignal): Promise<StoredAccount | undefined> {
    const { Item } = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { [LEGACY_TABLE.partitionKey]: { S: key } },
        ConsistentRead: true,
      }),
      { abortSignal: signal },
    );
    if (!Item) return undefined;
    const read = readStoredAccount(Item);
    if (!read.ok) throw new LegacyDataError('record-invalid', `legacy record: ${read.problem}`);
    return read.stored;
  }

  async function keyByEmail(login: string, signal: AbortSignal): Promise<string | undefined> {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: options.emailIndexName,
        KeyConditionExpression: '#email = :email',
        ExpressionAttributeNames: { '#email': LEGACY_TABLE.emailIndexKey },
        ExpressionAttributeValues: { ':email': { S: emailKey(login) } },
        Limit: 2,
      }),
      { abortSignal: signal },
    );
    if (Items.length > 1) {
      throw new LegacyDataError('email-ambiguous', 'legacy store: more than one record has this e-mail address');
    }
    return Items[0]?.[LEGACY_TABLE.partitionKey]?.S;
  }

  async function find(
    login: string,
    signal: AbortSignal,
  ): Promise<{ stored: StoredAccount; lookupBy: LookupField } | undefined> {
    if (options.lookupBy.includes('username')) {
      const stored = await getAccount(userKey(login), signal);
      if (stored) return { stored, lookupBy: 'username' };
    }
    if (options.lookupBy.includes('email') && login.includes('@')) {
      const key = await keyByEmail(login, signal);
      // The index is eventually consistent: the item itself is read again, consistently.
      const stored = key === undefined ? undefined : await getAccount(key, signal);
      if (stored) return { stored, lookupBy: 'email' };
    }
    return undefined;
  }

  /** Writes the attempt before the password is checked; false when another attempt got there first. */
  async function reserve(stored: StoredAccount, signal: AbortSignal): Promise<{ reserved: boolean; attempt: number }> {
    const { attempt, lockedUntil } = reserveAttempt(stored.failedAttempts, now(), options.lockout);
    const unchanged =
      stored.failedAttempts === 0
        ? '(attribute_not_exists(failedAttempts) OR failedAttempts = :previous)'
        : 'failedAttempts = :previous';
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: { [LEGACY_TABLE.partitionKey]: { S: stored.key } },
          UpdateExpression:
            lockedUntil === undefined
              ? 'SET failedAttempts = :attempt REMOVE lockedUntil'
              : 'SET failedAttempts = :attempt, lockedUntil = :lockedUntil',
          ConditionExpression: `attribute_exists(${LEGACY_TABLE.partitionKey}) AND ${unchanged}`,
          ExpressionAttributeValues: {
            ':attempt': { N: String(attempt) },
            ':previous': { N: String(stored.failedAttempts) },
            ...(lockedUntil === undefined ? {} : { ':lockedUntil': { N: String(lockedUntil) } }),
          },
        }),
        { abortSignal: signal },
      );
      return { reserved: true, attempt };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { reserved: false, attempt };
      throw error;
    }
  }

  async function clearAttempts(stored: StoredAccount, signal: AbortSignal): Promise<void> {
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { [LEGACY_TABLE.partitionKey]: { S: stored.key } },
        UpdateExpression: 'REMOVE failedAttempts, lockedUntil',
        ConditionExpression: `attribute_exists(${LEGACY_TABLE.partitionKey})`,
      }),
      { abortSignal: signal },
    );
  }

  return {
    kind: 'dynamodb',
    async authenticate(login, password, signal): Promise<StoreAnswer> {
      const found = await find(login, signal);
      if (!found) {
        await verifyDecoy(password);
        return { outcome: 'rejected', reason: 'user-not-found', found: false };
      }
      const { stored, lookupBy } = found;
      const hash: ParsedHash | HashProblem = parsePasswordHash(stored.account.passwordHash);
      if ('problem' in hash) throw hashError(hash);
      const seen = { found: true, lookupBy, hashScheme: hash.scheme } as const;
      if (isLocked(stored.lockedUntil, now())) {
        await verifyDecoy(password);
        return { outcome: 'rejected', reason: 'locked', ...seen, failedAttempts: stored.failedAttempts };
      }
      const { reserved, attempt } = await reserve(stored, signal);
      if (!reserved) {
        await verifyDecoy(password);
        return { outcome: 'rejected', reason: 'concurrent-attempt', ...seen, failedAttempts: stored.failedAttempts };
      }
      if (!(await verifyPassword(password, hash))) {
        return { outcome: 'rejected', reason: 'password-mismatch', ...seen, failedAttempts: attempt };
      }
      // Bookkeeping only: once migrated the record is not read again, so a failed clear does not
      // keep a user out; the summary line says so.
      const attemptsCleared = await clearAttempts(stored, signal).then(
        () => true,
        () => false,
      );
      const { passwordHash: _hash, ...user } = stored.account;
      return { outcome: 'found', user, ...seen, attemptsCleared };
    },
    async lookup(login, signal): Promise<StoreAnswer> {
      const found = await find(login, signal);
      if (!found) return { outcome: 'rejected', reason: 'user-not-found', found: false };
      const { passwordHash: _hash, ...user } = found.stored.account;
      return { outcome: 'found', user, found: true, lookupBy: found.lookupBy };
    },
  };
}
