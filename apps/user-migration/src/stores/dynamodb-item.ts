import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { emailKey, readLegacyAccount, userKey, type LegacyAccount } from '../legacy-user';
import { SETTINGS } from '../settings';

/**
 * The legacy table's layout, shared by the trigger, the import and the local table helper (the
 * CDK stack in tooling/infra writes the same names). Usernames and e-mails are keyed in the
 * normalised forms of `userKey` and `emailKey`; the e-mail index projects keys only, so no copy of
 * a password hash sits in it.
 *
 * @example
 * new GetItemCommand({ TableName, Key: { [LEGACY_TABLE.partitionKey]: { S: userKey(login) } } });
 */
export const LEGACY_TABLE = {
  partitionKey: 'userKey',
  emailIndexKey: 'emailKey',
  defaultEmailIndex: SETTINGS.LEGACY_EMAIL_INDEX.default,
  /** The only attributes the trigger ever writes: its attempt counter and lock. */
  attemptAttributes: ['failedAttempts', 'lockedUntil'],
} as const;

/**
 * A legacy account as the table holds it, with the attempt counter the trigger keeps on it.
 *
 * @example
 * const stored: StoredAccount = { key: 'jdoe', account, failedAttempts: 0 };
 */
export interface StoredAccount {
  readonly key: string;
  readonly account: LegacyAccount;
  readonly failedAttempts: number;
  readonly lockedUntil?: number;
}

/** DynamoDB's types as plain values; anything else becomes a value the reader refuses. */
function plain(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.N !== undefined) return Number(value.N);
  if (value.M !== undefined)
    return Object.fromEntries(Object.entries(value.M).map(([key, inner]) => [key, plain(inner)]));
  return Symbol('unsupported DynamoDB type');
}

/**
 * Reads a table item: the account (checked like an import row) and its attempt counter. Returns
 * the problem, naming the field, when the item is not a readable account.
 *
 * @example
 * const read = readStoredAccount(Item);
 * if (!read.ok) throw new LegacyDataError('record-invalid', `legacy record: ${read.problem}`);
 */
export function readStoredAccount(
  item: Record<string, AttributeValue>,
): { ok: true; stored: StoredAccount } | { ok: false; problem: string } {
  const key = item[LEGACY_TABLE.partitionKey]?.S;
  if (key === undefined) return { ok: false, problem: `${LEGACY_TABLE.partitionKey} must be a string` };
  const values = Object.fromEntries(Object.entries(item).map(([name, value]) => [name, plain(value)]));
  const read = readLegacyAccount(values);
  if (!read.ok) return read;
  const failedAttempts = values.failedAttempts ?? 0;
  const lockedUntil = values.lockedUntil;
  if (typeof failedAttempts !== 'number' || !Number.isSafeInteger(failedAttempts) || failedAttempts < 0) {
    return { ok: false, problem: 'failedAttempts must be a whole number' };
  }
  if (lockedUntil !== undefined && (typeof lockedUntil !== 'number' || !Number.isFinite(lockedUntil))) {
    return { ok: false, problem: 'lockedUntil must be a number' };
  }
  return {
    ok: true,
    stored: { key, account: read.user, failedAttempts, ...(lockedUntil === undefined ? {} : { lockedUntil }) },
  };
}

/**
 * The table item of an account, as the import writes it: keyed by {@link userKey}, with the
 * {@link emailKey} the e-mail index finds it by.
 *
 * @example
 * new PutItemCommand({ TableName, Item: accountItem(account) });
 */
export function accountItem(account: LegacyAccount): Record<string, AttributeValue> {
  return {
    [LEGACY_TABLE.partitionKey]: { S: userKey(account.username) },
    username: { S: account.username },
    ...(account.email === undefined
      ? {}
      : { email: { S: account.email }, [LEGACY_TABLE.emailIndexKey]: { S: emailKey(account.email) } }),
    emailVerified: { BOOL: account.emailVerified },
    passwordHash: { S: account.passwordHash },
    attributes: {
      M: Object.fromEntries(Object.entries(account.attributes).map(([name, value]) => [name, { S: value }])),
    },
  };
}
