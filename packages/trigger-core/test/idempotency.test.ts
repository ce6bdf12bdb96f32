import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDB,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createLogger,
  eventIdempotencyKey,
  idempotencyKey,
  once,
  type IdempotencyClient,
  type OnceOptions,
} from '../src/index';
import { IdempotencyUnavailableError } from '../src/idempotency';
import { captureLogs, triggerEvent } from '../src/testing/index';

const client = new DynamoDB({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const dynamodb = mockClient(client);
const store = { client, tableName: 'idempotency' };
const signal = new AbortController().signal;
const options: OnceOptions = { store, signal };

function conditionFailed(): ConditionalCheckFailedException {
  return new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
}

afterEach(() => {
  dynamodb.reset();
});

describe('idempotencyKey', () => {
  it('is a SHA-256 in hex that never contains its parts', () => {
    const key = idempotencyKey('eu-west-1_AbC', 'jane@example.com', 'PostConfirmation_ConfirmSignUp');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('jane');
  });

  it('keeps different lists of parts apart, however they would concatenate', () => {
    expect(idempotencyKey('ab', 'c')).not.toBe(idempotencyKey('a', 'bc'));
    expect(idempotencyKey('a:b')).not.toBe(idempotencyKey('a', 'b'));
    // A lone surrogate must not collapse into U+FFFD, as a UTF-8 encoding would make it.
    expect(idempotencyKey('\uD800')).not.toBe(idempotencyKey('\uFFFD'));
  });

  it('derives an event key from pool, sub and trigger source, plus any extra part', () => {
    const event = triggerEvent('CustomEmailSender_SignUp');
    const key = eventIdempotencyKey(event, 'ciphertext-1');
    expect(key).toBe(
      idempotencyKey(event.userPoolId, event.request.userAttributes.sub ?? '', event.triggerSource, 'ciphertext-1'),
    );
    expect(eventIdempotencyKey(event, 'ciphertext-2')).not.toBe(key);
    expect(eventIdempotencyKey(triggerEvent('CustomEmailSender_ResendCode'), 'ciphertext-1')).not.toBe(key);
  });
});

describe('once', () => {
  it('claims the key with a conditional put, runs the work and marks the record completed', async () => {
    dynamodb.on(PutItemCommand).resolves({});
    dynamodb.on(UpdateItemCommand).resolves({});
    const work = vi.fn(async () => 'sent');
    const result = await once('k1', work, { ...options, now: () => 1_700_000_000_000, windowSeconds: 600 });

    expect(result).toEqual({ status: 'ran', value: 'sent', idempotency: 'recorded' });
    expect(work).toHaveBeenCalledTimes(1);
    const put = dynamodb.commandCalls(PutItemCommand)[0]?.args[0].input;
    expect(put?.ConditionExpression).toContain('attribute_not_exists(id)');
    expect(put?.Item).toMatchObject({
      id: { S: 'k1' },
      status: { S: 'IN_PROGRESS' },
      lockedUntil: { N: String(1_700_000_000_000 + 30_000) },
    });
    const update = dynamodb.commandCalls(UpdateItemCommand)[0]?.args[0].input;
    expect(update?.ExpressionAttributeValues?.[':completed']).toEqual({ S: 'COMPLETED' });
    expect(update?.ExpressionAttributeValues?.[':expiresAt']).toEqual({ N: String(1_700_000_000 + 600) });
    // Only the holder may complete: the owner token of the put is the one the update requires.
    expect(update?.ExpressionAttributeValues?.[':owner']).toEqual(put?.Item?.owner);
  });

  it('passes the deadline signal to every DynamoDB call', async () => {
    dynamodb.on(PutItemCommand).resolves({});
    dynamodb.on(UpdateItemCommand).resolves({});
    const send = vi.spyOn(client, 'send');
    await once('k', async () => 1, options);
    expect(send).toHaveBeenCalledTimes(2);
    for (const [, sendOptions] of send.mock.calls) expect(sendOptions).toMatchObject({ abortSignal: signal });
    send.mockRestore();
  });

  it('does not run the work when the record is completed, and says so', async () => {
    dynamodb.on(PutItemCommand).rejects(conditionFailed());
    dynamodb.on(GetItemCommand).resolves({ Item: { id: { S: 'k' }, status: { S: 'COMPLETED' } } });
    const work = vi.fn(async () => 'sent');
    expect(await once('k', work, options)).toEqual({ status: 'duplicate', previous: 'completed' });
    expect(work).not.toHaveBeenCalled();
    expect(dynamodb.commandCalls(GetItemCommand)[0]?.args[0].input.ConsistentRead).toBe(true);
  });

  it('does not run the work while another invocation holds the key', async () => {
    dynamodb.on(PutItemCommand).rejects(conditionFailed());
    dynamodb.on(GetItemCommand).resolves({ Item: { id: { S: 'k' }, status: { S: 'IN_PROGRESS' } } });
    const work = vi.fn(async () => 'sent');
    expect(await once('k', work, options)).toEqual({ status: 'duplicate', previous: 'in-progress' });
    expect(work).not.toHaveBeenCalled();
  });

  it('claims again once when the holder released the key between the put and the read', async () => {
    dynamodb.on(PutItemCommand).rejectsOnce(conditionFailed()).resolves({});
    dynamodb.on(GetItemCommand).resolves({});
    dynamodb.on(UpdateItemCommand).resolves({});
    const result = await once('k', async () => 'sent', options);
    expect(result).toEqual({ status: 'ran', value: 'sent', idempotency: 'recorded' });
    expect(dynamodb.commandCalls(PutItemCommand)).toHaveLength(2);
  });

  it('releases the key and rethrows when the work fails, so that a retry can do it', async () => {
    dynamodb.on(PutItemCommand).resolves({});
    dynamodb.on(DeleteItemCommand).resolves({});
    const failure = new Error('SES is down');
    await expect(
      once(
        'k',
        async () => {
          throw failure;
        },
        options,
      ),
    ).rejects.toBe(failure);
    const release = dynamodb.commandCalls(DeleteItemCommand)[0]?.args[0].input;
    expect(release?.Key).toEqual({ id: { S: 'k' } });
    expect(release?.ConditionExpression).toBe('#owner = :owner');
    expect(dynamodb.commandCalls(UpdateItemCommand)).toHaveLength(0);
  });

  it("rethrows the work's error even when the release fails, and logs the release failure", async () => {
    dynamodb.on(PutItemCommand).resolves({});
    dynamodb.on(DeleteItemCommand).rejects(new Error('socket hang up'));
    const logs = captureLogs();
    const failure = new Error('SES is down');
    const logger = createLogger({ service: 't', write: logs.write });
    await expect(once('k', () => Promise.reject(failure), { ...options, logger })).rejects.toBe(failure);
    expect(logs.withMessage('idempotency record not released')).toHaveLength(1);
  });

  it('throws IdempotencyUnavailableError when the table cannot be reached, without running the work', async () => {
    dynamodb.on(PutItemCommand).rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    const work = vi.fn(async () => 'sent');
    const error: unknown = await once('k', work, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IdempotencyUnavailableError);
    expect(error).toMatchObject({ code: 'IDEMPOTENCY_UNAVAILABLE' });
    expect((error as Error).message).toBe('idempotency table unavailable (ThrottlingException)');
    expect(work).not.toHaveBeenCalled();
  });

  it("runs the work once, marked unavailable, when the table cannot be reached and the policy is 'run'", async () => {
    dynamodb.on(PutItemCommand).rejects(new Error('connect ECONNREFUSED'));
    const work = vi.fn(async () => 'sent');
    expect(await once('k', work, { ...options, whenUnavailable: 'run' })).toEqual({
      status: 'ran',
      value: 'sent',
      idempotency: 'unavailable',
      unavailableBecause: 'Error',
    });
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('reports the work as done but not recorded when the completion cannot be written', async () => {
    dynamodb.on(PutItemCommand).resolves({});
    dynamodb.on(UpdateItemCommand).rejects(conditionFailed());
    const logs = captureLogs();
    const logger = createLogger({ service: 't', write: logs.write });
    expect(await once('k', async () => 'sent', { ...options, logger })).toEqual({
      status: 'ran',
      value: 'sent',
      idempotency: 'not-recorded',
    });
    expect(logs.withMessage('idempotency record not completed')[0]).toMatchObject({
      errorName: 'ConditionalCheckFailedException',
    });
  });

  it('just runs the work when no store is configured', async () => {
    const work = vi.fn(async () => 'sent');
    expect(await once('k', work, { store: undefined, signal })).toEqual({
      status: 'ran',
      value: 'sent',
      idempotency: 'off',
    });
    expect(dynamodb.calls()).toHaveLength(0);
  });

  it('accepts the aggregated DynamoDB client as its client type', () => {
    const typed: IdempotencyClient = client;
    expect(typed).toBe(client);
  });
});
