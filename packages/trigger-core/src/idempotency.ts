import { createHash, randomUUID } from 'node:crypto';
// Types only: trigger-core never loads the DynamoDB client. An app that opts in brings its own.
import type {
  DeleteItemCommandInput,
  GetItemCommandInput,
  GetItemCommandOutput,
  PutItemCommandInput,
  UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { Logger } from './logger';
import { describeError } from './redact';

/**
 * The four DynamoDB calls {@link once} makes. `new DynamoDB({})` from `@aws-sdk/client-dynamodb`
 * satisfies it as it is (its aggregated methods cost no more bundle than the bare client).
 *
 * @example
 * import { DynamoDB } from '@aws-sdk/client-dynamodb';
 * const client: IdempotencyClient = new DynamoDB({ maxAttempts: 2 });
 */
export interface IdempotencyClient {
  putItem(input: PutItemCommandInput, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  getItem(input: GetItemCommandInput, options?: { abortSignal?: AbortSignal }): Promise<GetItemCommandOutput>;
  updateItem(input: UpdateItemCommandInput, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  deleteItem(input: DeleteItemCommandInput, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/**
 * Where the records live: a table whose partition key is the string `id` and whose TTL
 * attribute is `expiresAt` (epoch seconds).
 *
 * @example
 * const store: IdempotencyStore = { client: new DynamoDB({}), tableName: config.idempotencyTable };
 */
export interface IdempotencyStore {
  readonly client: IdempotencyClient;
  readonly tableName: string;
}

/**
 * Options of {@link once}.
 *
 * @example
 * await once(key, send, { store, signal, windowSeconds: 300, whenUnavailable: 'run' });
 */
export interface OnceOptions {
  /** The table; `undefined` switches idempotency off and the work simply runs (`idempotency: 'off'`). */
  readonly store: IdempotencyStore | undefined;
  /** The invocation's deadline signal: every DynamoDB call counts inside it. */
  readonly signal: AbortSignal;
  /** How long a completed record keeps duplicates away (default 24 h). */
  readonly windowSeconds?: number;
  /** How long an in-progress claim holds before another invocation may take it over (default 30 s; keep it above the deadline). */
  readonly lockMs?: number;
  /** When the table cannot be reached: `throw` an {@link IdempotencyUnavailableError} (default) or `run` the work once anyway. */
  readonly whenUnavailable?: 'throw' | 'run';
  /** Gets a WARN line when a record could not be completed or released. */
  readonly logger?: Logger;
  /** The clock, in epoch milliseconds (tests). */
  readonly now?: () => number;
}

/**
 * What {@link once} did. `ran`: the work ran here, and `idempotency` says whether that is on record
 * (`not-recorded`: it ran but the completion could not be written, so a retry after the lock may
 * repeat it). `duplicate`: another invocation did it (`completed`) or is doing it now
 * (`in-progress`); this one did nothing, and must not report a failure, or it would be retried.
 *
 * @example
 * const result = await once(key, send, options);
 * annotate(result.status === 'ran' ? { idempotency: result.idempotency } : { duplicateOf: result.previous });
 */
export type OnceResult<T> =
  | {
      readonly status: 'ran';
      readonly value: T;
      readonly idempotency: 'recorded' | 'not-recorded' | 'unavailable' | 'off';
      /** Why the table was unavailable: the SDK error's code or name (only with `unavailable`). */
      readonly unavailableBecause?: string;
    }
  | { readonly status: 'duplicate'; readonly previous: 'completed' | 'in-progress' | 'unknown' };

/**
 * The idempotency table could not be reached; `cause` holds the SDK's error.
 *
 * @example
 * if (error instanceof IdempotencyUnavailableError) logger.warn('idempotency unavailable', describeError(error.cause));
 */
export class IdempotencyUnavailableError extends Error {
  override name = 'IdempotencyUnavailableError';
  readonly code = 'IDEMPOTENCY_UNAVAILABLE';

  constructor(cause: unknown) {
    const { errorName, errorCode } = describeError(cause);
    super(`idempotency table unavailable (${errorCode ?? errorName})`, { cause });
  }
}

/**
 * A record key: the SHA-256 (hex) of the parts, each length-prefixed so that no two lists of parts
 * collide, hashed as UTF-16 so that lone surrogates stay distinct. Never stores a part in clear.
 *
 * @example
 * idempotencyKey('eu-west-1_AbC', sub, 'PostConfirmation_ConfirmSignUp'); // '3f1c…' (64 hex digits)
 */
export function idempotencyKey(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part, 'utf16le');
  return hash.digest('hex');
}

/**
 * The key of one trigger event: pool, user sub (else user name), trigger source and any `extra`
 * parts (a custom sender adds the code's ciphertext, unique per message).
 *
 * @example
 * const key = eventIdempotencyKey(event, event.request.code);
 */
export function eventIdempotencyKey(
  event: {
    readonly userPoolId: string;
    readonly userName: string;
    readonly triggerSource: string;
    readonly request: { readonly userAttributes?: Readonly<Record<string, string | undefined>> };
  },
  ...extra: readonly string[]
): string {
  const user = event.request.userAttributes?.sub ?? `user-name:${event.userName}`;
  return idempotencyKey(event.userPoolId, user, event.triggerSource, ...extra);
}

const IN_PROGRESS = 'IN_PROGRESS';
const COMPLETED = 'COMPLETED';

/**
 * Runs `work` at most once per `key` within a window, across concurrent and retried invocations.
 * It claims the key with a conditional put of an in-progress record (TTL `expiresAt`), marks it
 * completed when the work succeeds, and deletes it when the work throws (the error is rethrown),
 * so that a retry can do the work. A duplicate that finds the record completed or in progress does
 * not run the work. A claim whose holder crashed is taken over once its lock (`lockMs`) has passed.
 * `key` may be a function that makes it: it is called only with a store, so that an app with
 * idempotency off does not hash every event (a SHA-256 costs a few microseconds of a warm invocation).
 *
 * @example
 * const result = await once(() => eventIdempotencyKey(event), () => ses.send(command, { abortSignal: signal }), {
 *   store: config.idempotencyTable ? { client: dynamodb, tableName: config.idempotencyTable } : undefined,
 *   signal,
 *   whenUnavailable: 'run',
 * });
 */
export async function once<T>(
  key: string | (() => string),
  work: () => Promise<T>,
  options: OnceOptions,
): Promise<OnceResult<T>> {
  const { store, signal } = options;
  if (!store) return { status: 'ran', value: await work(), idempotency: 'off' };
  return onceInStore(store, typeof key === 'function' ? key() : key, work, signal, options);
}

/** {@link once} with a table: claim, work, complete (or release). */
async function onceInStore<T>(
  store: IdempotencyStore,
  key: string,
  work: () => Promise<T>,
  signal: AbortSignal,
  options: OnceOptions,
): Promise<OnceResult<T>> {
  const now = options.now ?? Date.now;
  const owner = randomUUID();
  const call = { abortSignal: signal };

  let claimed: boolean;
  try {
    claimed = await claim(store, key, owner, now(), options.lockMs ?? 30_000, call);
    if (!claimed) {
      const previous = await previousState(store, key, call);
      // The holder released the key between our put and our read: its work failed, so try once more.
      if (previous === 'released') claimed = await claim(store, key, owner, now(), options.lockMs ?? 30_000, call);
      else return { status: 'duplicate', previous };
      if (!claimed) return { status: 'duplicate', previous: 'in-progress' };
    }
  } catch (error) {
    if ((options.whenUnavailable ?? 'throw') === 'throw') throw new IdempotencyUnavailableError(error);
    const { errorName, errorCode } = describeError(error);
    return {
      status: 'ran',
      value: await work(),
      idempotency: 'unavailable',
      unavailableBecause: errorCode ?? errorName,
    };
  }

  let value: T;
  try {
    value = await work();
  } catch (error) {
    await store.client
      .deleteItem(
        {
          TableName: store.tableName,
          Key: { id: { S: key } },
          ConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': { S: owner } },
        },
        call,
      )
      .catch((releaseError: unknown) =>
        // The lock then lapses after lockMs, and a retry after that does the work.
        options.logger?.warn('idempotency record not released', describeError(releaseError)),
      );
    throw error;
  }

  const expiresAt = Math.ceil(now() / 1000) + (options.windowSeconds ?? 86_400);
  try {
    await store.client.updateItem(
      {
        TableName: store.tableName,
        Key: { id: { S: key } },
        UpdateExpression: 'SET #status = :completed, expiresAt = :expiresAt REMOVE lockedUntil',
        // Only the holder completes: a claim taken over after our lock lapsed is the new holder's.
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner' },
        ExpressionAttributeValues: {
          ':completed': { S: COMPLETED },
          ':expiresAt': { N: String(expiresAt) },
          ':owner': { S: owner },
        },
      },
      call,
    );
    return { status: 'ran', value, idempotency: 'recorded' };
  } catch (error) {
    options.logger?.warn('idempotency record not completed', describeError(error));
    return { status: 'ran', value, idempotency: 'not-recorded' };
  }
}

/** The conditional put: true when this invocation now holds the key. */
async function claim(
  store: IdempotencyStore,
  key: string,
  owner: string,
  nowMs: number,
  lockMs: number,
  call: { abortSignal: AbortSignal },
): Promise<boolean> {
  const nowSeconds = Math.floor(nowMs / 1000);
  try {
    await store.client.putItem(
      {
        TableName: store.tableName,
        Item: {
          id: { S: key },
          status: { S: IN_PROGRESS },
          owner: { S: owner },
          lockedUntil: { N: String(nowMs + lockMs) },
          // The TTL removes a crashed claim eventually; the lock, not the TTL, decides a takeover.
          expiresAt: { N: String(Math.ceil((nowMs + lockMs) / 1000)) },
        },
        // DynamoDB deletes expired items only within days, so an expired record counts as absent.
        // expiresAt is rounded up and now down: a record keeps duplicates away for at least its window.
        ConditionExpression:
          'attribute_not_exists(id) OR expiresAt <= :nowSeconds OR (#status = :inProgress AND lockedUntil < :nowMs)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':nowSeconds': { N: String(nowSeconds) },
          ':nowMs': { N: String(nowMs) },
          ':inProgress': { S: IN_PROGRESS },
        },
      },
      call,
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** What the record that refused our claim says; a failed read still means some record was there. */
async function previousState(
  store: IdempotencyStore,
  key: string,
  call: { abortSignal: AbortSignal },
): Promise<'completed' | 'in-progress' | 'unknown' | 'released'> {
  try {
    const { Item: item } = await store.client.getItem(
      { TableName: store.tableName, Key: { id: { S: key } }, ConsistentRead: true },
      call,
    );
    if (!item) return 'released';
    return item.status?.S === COMPLETED ? 'completed' : 'in-progress';
  } catch {
    return 'unknown';
  }
}
