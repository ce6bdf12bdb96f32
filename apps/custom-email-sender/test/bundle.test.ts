import { fileURLToPath } from 'node:url';
import { buildClient, CommitmentPolicy, KMS, KmsKeyringNode } from '@aws-crypto/client-node';
import { DynamoDB } from '@aws-sdk/client-dynamodb';
import { bundleTestbed, logRecords, type InvokeResult } from '@cognito-triggers/lambda-runtime';
import {
  createIdempotencyTable,
  LOCAL_KMS_KEY,
  startDynalite,
  startKmsEmulator,
  startSesEmulator,
  type Dynalite,
  type KmsEmulator,
  type SesEmulator,
} from '@cognito-triggers/local-stack';
import { eventIdempotencyKey } from '@cognito-triggers/trigger-core';
import {
  findPersonalData,
  PERSONAL_VALUES,
  SAMPLE_SECRETS,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The deployed artifact itself (pnpm build writes it), run on Node 24 as the nodejs24.x runtime would.
const bundlePath = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));
const OTHER_KEY = { arn: 'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-4000-8000-000000000002' };
const CODE = '730518';

let ses: SesEmulator;
let kms: KmsEmulator;
let dynalite: Dynalite;
let tableName: string;
const testbed = bundleTestbed({ name: 'custom-email-sender', bundlePath });
const codes: string[] = [];

const { encrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

/** `code` encrypted as Cognito does: an Encryption SDK message under the KMS keyring, base64. */
async function encryptCode(code: string, keyArn = LOCAL_KMS_KEY.arn): Promise<string> {
  const client = new KMS({
    endpoint: kms.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const keyring = new KmsKeyringNode({ generatorKeyId: keyArn, clientProvider: () => client });
    const ciphertext = (await encrypt(keyring, code)).result.toString('base64');
    codes.push(ciphertext);
    return ciphertext;
  } finally {
    client.destroy();
  }
}

function environment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    EMAIL_FROM: 'Acme <hello@acme.example>',
    APP_NAME: 'Acme',
    KMS_KEY_ARN: LOCAL_KMS_KEY.arn,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    AWS_ENDPOINT_URL_KMS: kms.endpoint,
    ...extra,
  };
}

/**
 * Starts `instances` instances of a function with an invocation that does no I/O (a notice with no
 * address), whatever its outcome: on a loaded machine a cold start alone can use up Cognito's 5 s,
 * and what these tests check is what a started instance does, not how fast it starts (tooling/bench).
 */
async function deployWarm(extra: Record<string, string> = {}, instances = 1) {
  const fn = testbed.deploy(environment(extra));
  const warmUp = triggerEvent('CustomEmailSender_AccountTakeOverNotification');
  await Promise.all(Array.from({ length: instances }, () => testbed.invoke(fn, warmUp)));
  return fn;
}

function summary(result: InvokeResult): Record<string, unknown> | undefined {
  return logRecords(result).find((line) => line.message === 'invocation finished');
}

beforeAll(async () => {
  [ses, kms, dynalite] = await Promise.all([
    startSesEmulator(),
    startKmsEmulator({ keys: [LOCAL_KMS_KEY, OTHER_KEY] }),
    startDynalite(),
  ]);
  tableName = await createIdempotencyTable(dynalite.endpoint);
});
beforeEach(async () => {
  await ses.clear();
});
afterAll(async () => {
  await testbed.stop();
  await Promise.all([ses?.stop(), kms?.stop(), dynalite?.stop()]);
  // Every log line of the suite: one JSON object each, and never a code, ciphertext or address.
  for (const line of testbed.logs) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
  expect(
    findPersonalData(testbed.logs.join('\n'), [...PERSONAL_VALUES, ...Object.values(SAMPLE_SECRETS), CODE, ...codes]),
  ).toEqual([]);
});

describe('the built custom-email-sender bundle on Node 24', () => {
  it("decrypts a code Cognito's way (Encryption SDK, KMS keyring) and delivers the branded e-mail through SES", async () => {
    const fn = await deployWarm();
    const event = triggerEvent('CustomEmailSender_SignUp', { request: { code: await encryptCode(CODE) } });
    const result = await testbed.invoke(fn, event);
    expect(result.ok, JSON.stringify(summary(result))).toBe(true);
    const emails = await ses.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      from: 'Acme <hello@acme.example>',
      destination: { to: ['jane.doe@example.com'] },
      subject: 'Confirm your Acme account',
    });
    expect(emails[0]?.body.html).toContain(CODE);
    expect(summary(result)).toMatchObject({ outcome: 'success', sent: true, emailKind: 'CustomMessage_SignUp' });
    expect(kms.calls().Decrypt).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['a code encrypted for another key', async (): Promise<string> => encryptCode(CODE, OTHER_KEY.arn), 'wrong-key'],
    [
      'a corrupted ciphertext',
      async (): Promise<string> => {
        const bytes = Buffer.from(await encryptCode(CODE), 'base64');
        bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 0xff;
        return bytes.toString('base64');
      },
      'refused',
    ],
    ['an empty code', async (): Promise<string> => '', 'not-base64'],
  ] as const)(
    'sends nothing for %s, and fails with a clear reason so that Lambda retries',
    async (_name, code, reason) => {
      const fn = await deployWarm();
      const result = await testbed.invoke(
        fn,
        triggerEvent('CustomEmailSender_SignUp', { request: { code: await code() } }),
      );
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.errorMessage).toBe(
        'CustomEmailSender trigger failed (CODE_NOT_DECRYPTED); retry',
      );
      expect(summary(result)).toMatchObject({ level: 'ERROR', notSentReason: reason, failurePolicy: 'rethrow' });
      expect(await ses.emails()).toEqual([]);
    },
  );

  it('sends nothing when the event has no code, and names the path', async () => {
    const fn = await deployWarm();
    const event = triggerEvent('CustomEmailSender_SignUp');
    const result = await testbed.invoke(fn, { ...event, request: { ...event.request, code: undefined } });
    expect(result.ok).toBe(false);
    expect(summary(result)).toMatchObject({ errorName: 'InvalidEventError', path: 'request.code' });
    expect(await ses.emails()).toEqual([]);
  });
});

describe('the bundle with IDEMPOTENCY_TABLE, against dynalite', () => {
  it('sends exactly one e-mail when the same event is delivered three times at once', async () => {
    const fn = await deployWarm({ IDEMPOTENCY_TABLE: tableName, AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint }, 3);
    const event = triggerEvent('CustomEmailSender_ForgotPassword', { request: { code: await encryptCode(CODE) } });
    const results = await Promise.all([1, 2, 3].map(() => testbed.invoke(fn, event)));
    expect(
      results.map((result) => result.ok),
      JSON.stringify(results.map(summary)),
    ).toEqual([true, true, true]);
    expect(await ses.emails()).toHaveLength(1);
    const sent = results.map(summary).map((line) => line?.sent);
    expect(sent.filter((value) => value === true)).toHaveLength(1);
    // A later retry of the same event finds the completed record.
    const retry = await testbed.invoke(fn, event);
    expect(summary(retry)).toMatchObject({ sent: false, duplicateOf: 'completed' });
    expect(await ses.emails()).toHaveLength(1);
  });

  it('sends on the retry after an attempt crashed mid-send and its lock lapsed, and not while it holds', async () => {
    const fn = await deployWarm({ IDEMPOTENCY_TABLE: tableName, AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint });
    const event = triggerEvent('CustomEmailSender_ResendCode', { request: { code: await encryptCode(CODE) } });
    const key = eventIdempotencyKey(event, event.request.code);
    const client = new DynamoDB({
      endpoint: dynalite.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const crashedClaim = (lockedUntil: number) =>
      client.putItem({
        TableName: tableName,
        Item: {
          id: { S: key },
          status: { S: 'IN_PROGRESS' },
          owner: { S: 'crashed-instance' },
          lockedUntil: { N: String(lockedUntil) },
          expiresAt: { N: String(Math.ceil(lockedUntil / 1000) + 3600) },
        },
      });
    try {
      await crashedClaim(Date.now() + 3_600_000);
      const held = await testbed.invoke(fn, event);
      expect(summary(held)).toMatchObject({ outcome: 'success', sent: false, duplicateOf: 'in-progress' });
      expect(await ses.emails()).toEqual([]);

      await crashedClaim(Date.now() - 1_000);
      const retry = await testbed.invoke(fn, event);
      expect(summary(retry)).toMatchObject({ outcome: 'success', sent: true, idempotency: 'recorded' });
      expect(await ses.emails()).toHaveLength(1);
    } finally {
      client.destroy();
    }
  });
});
