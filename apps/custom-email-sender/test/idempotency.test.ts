import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { captureStdoutLogs, fakeContext, triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encryptCode, KEY_ARN, mockKms } from './kms-boundary';

const ENVIRONMENT = {
  EMAIL_FROM: 'hello@acme.example',
  KMS_KEY_ARN: KEY_ARN,
  APP_NAME: 'Acme',
  AWS_REGION: 'eu-west-1',
  IDEMPOTENCY_TABLE: 'idempotency',
};

const kms = mockKms();
const ses = mockClient(SESClient);
const dynamodb = mockClient(DynamoDBClient);
// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls (bundle.test.ts encrypts with the real KMS client).
afterAll(() => {
  kms.mock.restore();
  ses.restore();
  dynamodb.restore();
});
let logs: ReturnType<typeof captureStdoutLogs>;

async function loadHandler() {
  vi.resetModules();
  for (const [name, value] of Object.entries(ENVIRONMENT)) vi.stubEnv(name, value);
  return (await import('../src/handler')).handler;
}

beforeEach(() => {
  kms.reset();
  ses.reset();
  dynamodb.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'msg-1' });
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
  vi.unstubAllEnvs();
});

describe('custom-email-sender with IDEMPOTENCY_TABLE', () => {
  it('claims the code, sends and records it', async () => {
    dynamodb.on(PutItemCommand).resolves({});
    dynamodb.on(UpdateItemCommand).resolves({});
    const handler = await loadHandler();
    await handler(
      triggerEvent('CustomEmailSender_SignUp', { request: { code: await encryptCode('402913') } }),
      fakeContext(),
    );
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(logs.withMessage('invocation finished')).toMatchObject([{ sent: true, idempotency: 'recorded' }]);
  });

  it('sends nothing, and succeeds, while another delivery of the same code is sending it', async () => {
    dynamodb
      .on(PutItemCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    dynamodb.on(GetItemCommand).resolves({ Item: { id: { S: 'k' }, status: { S: 'IN_PROGRESS' } } });
    const handler = await loadHandler();
    const event = triggerEvent('CustomEmailSender_SignUp', { request: { code: await encryptCode('402913') } });
    await expect(handler(event, fakeContext())).resolves.toMatchObject({ triggerSource: event.triggerSource });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'success', sent: false, duplicateOf: 'in-progress' },
    ]);
  });

  it('sends nothing and fails, so that Lambda retries, when the table cannot be reached', async () => {
    dynamodb.on(PutItemCommand).rejects(Object.assign(new Error('connect ECONNREFUSED'), { name: 'Error' }));
    const handler = await loadHandler();
    const event = triggerEvent('CustomEmailSender_SignUp', { request: { code: await encryptCode('402913') } });
    await expect(handler(event, fakeContext())).rejects.toMatchObject({ name: 'TriggerFailedError' });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      {
        level: 'ERROR',
        errorName: 'IdempotencyUnavailableError',
        errorCode: 'IDEMPOTENCY_UNAVAILABLE',
        failurePolicy: 'rethrow',
      },
    ]);
  });
});
