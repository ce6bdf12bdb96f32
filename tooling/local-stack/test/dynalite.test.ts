import { DynamoDB } from '@aws-sdk/client-dynamodb';
import { idempotencyKey, once, type OnceOptions, type OnceResult } from '@cognito-triggers/trigger-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createIdempotencyTable, startDynalite, type Dynalite } from '../src/index';

let dynalite: Dynalite;
let client: DynamoDB;
let options: OnceOptions;

beforeAll(async () => {
  dynalite = await startDynalite();
  const tableName = await createIdempotencyTable(dynalite.endpoint);
  client = new DynamoDB({
    endpoint: dynalite.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  options = { store: { client, tableName }, signal: new AbortController().signal };
});
afterAll(async () => {
  client?.destroy();
  await dynalite?.stop();
});

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('startDynalite', () => {
  it('serves the DynamoDB API on 127.0.0.1', async () => {
    expect(dynalite.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { TableNames } = await client.listTables({});
    expect(TableNames).toContain('idempotency');
  });
});

describe('once against dynalite', () => {
  it('runs the work exactly once when the same key arrives three times at once', async () => {
    const key = idempotencyKey('three-at-once');
    const held = gate();
    let runs = 0;
    let settled = 0;
    const work = async () => {
      runs += 1;
      await held.promise; // the holder stays in progress until both duplicates have answered
      return 'sent';
    };
    const attempts = [1, 2, 3].map(() =>
      once(key, work, options).finally(() => {
        settled += 1;
      }),
    );
    await vi.waitFor(() => expect(settled).toBe(2), { timeout: 15_000, interval: 20 });
    held.open();
    const results = await Promise.all(attempts);

    expect(runs).toBe(1);
    expect(results.filter((result) => result.status === 'ran')).toEqual([
      { status: 'ran', value: 'sent', idempotency: 'recorded' },
    ]);
    expect(results.filter((result) => result.status === 'duplicate')).toEqual([
      { status: 'duplicate', previous: 'in-progress' },
      { status: 'duplicate', previous: 'in-progress' },
    ]);
    // Later deliveries of the same event find the completed record.
    expect(await once(key, work, options)).toEqual({ status: 'duplicate', previous: 'completed' });
    expect(runs).toBe(1);
  });

  it('lets a retry take over a crashed claim once its lock has lapsed, and not before', async () => {
    const key = idempotencyKey('crashed');
    const start = Date.now();
    const crashed = gate();
    // The first attempt claims the key and never finishes: its instance died mid-send.
    const first = once(key, () => crashed.promise.then(() => 'late'), { ...options, lockMs: 10_000, now: () => start });
    await vi.waitFor(
      async () =>
        expect((await client.getItem({ TableName: 'idempotency', Key: { id: { S: key } } })).Item).toBeDefined(),
      {
        timeout: 15_000,
        interval: 20,
      },
    );

    const tooEarly = await once(key, async () => 'sent', { ...options, now: () => start + 9_000 });
    expect(tooEarly).toEqual({ status: 'duplicate', previous: 'in-progress' });

    const retry = await once(key, async () => 'sent', { ...options, now: () => start + 10_001 });
    expect(retry).toEqual({ status: 'ran', value: 'sent', idempotency: 'recorded' });

    // Should the first attempt come back to life, it cannot mark the retry's record as its own.
    crashed.open();
    const late: OnceResult<string> = await first;
    expect(late).toEqual({ status: 'ran', value: 'late', idempotency: 'not-recorded' });
  });

  it('releases the key when the work fails, so that the next delivery does the work', async () => {
    const key = idempotencyKey('failed-once');
    await expect(once(key, () => Promise.reject(new Error('SES down')), options)).rejects.toThrow('SES down');
    expect(await once(key, async () => 'sent', options)).toEqual({
      status: 'ran',
      value: 'sent',
      idempotency: 'recorded',
    });
  });

  it('treats a completed record past its window as absent (DynamoDB deletes expired items late)', async () => {
    const key = idempotencyKey('expired');
    const start = Date.now();
    await once(key, async () => 'first', { ...options, windowSeconds: 60, now: () => start });
    const later = await once(key, async () => 'second', { ...options, now: () => start + 61_000 });
    expect(later).toEqual({ status: 'ran', value: 'second', idempotency: 'recorded' });
  });
});
