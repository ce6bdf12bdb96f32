import { fileURLToPath } from 'node:url';
import { DynamoDB } from '@aws-sdk/client-dynamodb';
import { bundleTestbed, logRecords, type InvokeResult } from '@cognito-triggers/lambda-runtime';
import {
  createIdempotencyTable,
  refusingEndpoint,
  startDynalite,
  startSesEmulator,
  type Dynalite,
  type SesEmulator,
} from '@cognito-triggers/local-stack';
import { eventIdempotencyKey } from '@cognito-triggers/trigger-core';
import { findPersonalData, PERSONAL_VALUES, triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The deployed artifact itself, run on Node 24 as the nodejs24.x runtime would.
const bundlePath = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));

let ses: SesEmulator;
let dynalite: Dynalite;
let tableName: string;
const testbed = bundleTestbed({ name: 'post-confirmation', bundlePath });

function environment(dynamodbEndpoint: string): Record<string, string> {
  return {
    EMAIL_FROM: 'Acme <hello@acme.example>',
    APP_NAME: 'Acme',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
    IDEMPOTENCY_TABLE: tableName,
  };
}

/**
 * Starts `instances` instances with an invocation that does no I/O (a user without an e-mail
 * address): on a loaded machine a cold start alone can use up Cognito's 5 s, and these tests check
 * what a started instance does, not how fast it starts (that is tooling/bench's).
 */
async function deployWarm(dynamodbEndpoint: string, instances = 1) {
  const fn = testbed.deploy(environment(dynamodbEndpoint));
  const noAddress = triggerEvent('PostConfirmation_ConfirmSignUp');
  delete (noAddress.request.userAttributes as Record<string, string>).email;
  await Promise.all(Array.from({ length: instances }, () => testbed.invoke(fn, noAddress)));
  return fn;
}

function summary(result: InvokeResult): Record<string, unknown> | undefined {
  return logRecords(result).find((line) => line.message === 'invocation finished');
}

beforeAll(async () => {
  [ses, dynalite] = await Promise.all([startSesEmulator(), startDynalite()]);
  tableName = await createIdempotencyTable(dynalite.endpoint);
});
beforeEach(async () => {
  await ses.clear();
});
afterAll(async () => {
  await testbed.stop();
  await Promise.all([ses?.stop(), dynalite?.stop()]);
  expect(findPersonalData(testbed.logs.join('\n'), PERSONAL_VALUES)).toEqual([]);
});

describe('the built post-confirmation bundle with IDEMPOTENCY_TABLE, against dynalite', () => {
  it('sends exactly one welcome e-mail when the same confirmation arrives three times at once', async () => {
    const fn = await deployWarm(dynalite.endpoint, 3);
    const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
      request: { userAttributes: { sub: 'a1b2c3d4-0000-4000-8000-three-at-once' } },
    });
    const results = await Promise.all([1, 2, 3].map(() => testbed.invoke(fn, event)));
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
    expect((await ses.emails()).map((email) => email.subject)).toEqual(['Welcome to Acme']);
    const lines = results.map(summary);
    expect(lines.filter((line) => line?.messageId !== undefined)).toHaveLength(1);
    expect(lines.filter((line) => line?.skipReason === 'duplicate')).toHaveLength(2);
  });

  it('sends on the retry after an attempt crashed mid-send and its lock lapsed', async () => {
    const fn = await deployWarm(dynalite.endpoint);
    const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
      request: { userAttributes: { sub: 'a1b2c3d4-0000-4000-8000-crashed-claim' } },
    });
    const client = new DynamoDB({
      endpoint: dynalite.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      // What an instance that died mid-send leaves behind, once its lock has lapsed.
      await client.putItem({
        TableName: tableName,
        Item: {
          id: { S: eventIdempotencyKey(event) },
          status: { S: 'IN_PROGRESS' },
          owner: { S: 'crashed-instance' },
          lockedUntil: { N: String(Date.now() - 1_000) },
          expiresAt: { N: String(Math.ceil(Date.now() / 1000) + 3600) },
        },
      });
    } finally {
      client.destroy();
    }
    const result = await testbed.invoke(fn, event);
    expect(summary(result)).toMatchObject({ outcome: 'success', idempotency: 'recorded' });
    expect(await ses.emails()).toHaveLength(1);
  });

  it('still sends the e-mail once when the table cannot be reached, and says so', async () => {
    const fn = await deployWarm(await refusingEndpoint());
    const result = await testbed.invoke(fn, triggerEvent('PostConfirmation_ConfirmSignUp'));
    expect(summary(result)).toMatchObject({ outcome: 'success', emailKind: 'welcome', idempotency: 'unavailable' });
    expect(await ses.emails()).toHaveLength(1);
  });
});
