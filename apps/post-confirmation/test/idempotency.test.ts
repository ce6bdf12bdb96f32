import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDB } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { createIdempotencyTable, refusingEndpoint, startDynalite, type Dynalite } from '@cognito-triggers/local-stack';
import { envReader, eventIdempotencyKey } from '@cognito-triggers/trigger-core';
import {
  captureStdoutLogs,
  fakeContext,
  findPersonalData,
  PERSONAL_VALUES,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { AwsClient } from 'aws4fetch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../src/config';
import { dynamoDbOverFetch } from '../src/dynamodb-fetch';

const ses = mockClient(SESClient);
// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls.
afterAll(() => ses.restore());
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: 'us-east-1' };
let dynalite: Dynalite;
let tableName: string;
let reader: DynamoDB;

async function loadHandler(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return (await import('../src/handler')).handler;
}

function withTable(endpoint = dynalite.endpoint): Record<string, string> {
  return {
    EMAIL_FROM: 'hello@acme.example',
    APP_NAME: 'Acme',
    ...CREDENTIALS,
    IDEMPOTENCY_TABLE: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
  };
}

/** A distinct user per test, so that their records stay apart. */
function confirmation(
  source: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword',
  sub: string,
) {
  return triggerEvent(source, { request: { userAttributes: { sub } } });
}

let logs: ReturnType<typeof captureStdoutLogs>;
beforeAll(async () => {
  dynalite = await startDynalite();
  tableName = await createIdempotencyTable(dynalite.endpoint);
  reader = new DynamoDB({
    endpoint: dynalite.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(async () => {
  reader?.destroy();
  await dynalite?.stop();
});
beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
  vi.unstubAllEnvs();
  expect(findPersonalData(logs.raw.join(''), PERSONAL_VALUES)).toEqual([]);
});

describe('post-confirmation with IDEMPOTENCY_TABLE (dynalite)', () => {
  it('sends the welcome e-mail once, and a retried confirmation nothing, each on one summary line', async () => {
    const handler = await loadHandler(withTable());
    const event = confirmation('PostConfirmation_ConfirmSignUp', 'sub-retried');
    await handler(event, fakeContext());
    await handler(event, fakeContext());
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(logs.lines()).toHaveLength(2);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'success', emailKind: 'welcome', messageId: 'm-1', idempotency: 'recorded' },
      { outcome: 'success', emailKind: 'welcome', skipReason: 'duplicate', duplicateOf: 'completed' },
    ]);
  });

  it('keeps a welcome on record for a day, a password notice only for five minutes', async () => {
    const handler = await loadHandler(withTable());
    const welcome = confirmation('PostConfirmation_ConfirmSignUp', 'sub-windows');
    const notice = confirmation('PostConfirmation_ConfirmForgotPassword', 'sub-windows');
    const before = Math.floor(Date.now() / 1000);
    await handler(welcome, fakeContext());
    await handler(notice, fakeContext());
    const expiresIn = async (event: typeof welcome) => {
      const { Item } = await reader.getItem({ TableName: tableName, Key: { id: { S: eventIdempotencyKey(event) } } });
      expect(Item?.status).toEqual({ S: 'COMPLETED' });
      return Number(Item?.expiresAt?.N) - before;
    };
    expect(await expiresIn(welcome)).toBeGreaterThanOrEqual(86_400);
    const noticeWindow = await expiresIn(notice);
    expect(noticeWindow).toBeGreaterThanOrEqual(300);
    expect(noticeWindow).toBeLessThan(3_600);
  });

  it('still sends the e-mail once when the table cannot be reached, and says so on the summary line', async () => {
    const handler = await loadHandler(withTable(await refusingEndpoint()));
    await handler(confirmation('PostConfirmation_ConfirmForgotPassword', 'sub-unreachable'), fakeContext());
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    const [line] = logs.withMessage('invocation finished');
    expect(line).toMatchObject({ outcome: 'success', emailKind: 'password-changed', idempotency: 'unavailable' });
    expect(line?.idempotencyError).toEqual(expect.any(String));
  });

  it('uses no table without IDEMPOTENCY_TABLE', async () => {
    const handler = await loadHandler({ EMAIL_FROM: 'hello@acme.example', APP_NAME: 'Acme' });
    await handler(confirmation('PostConfirmation_ConfirmSignUp', 'sub-off'), fakeContext());
    expect(logs.withMessage('invocation finished')).toMatchObject([{ idempotency: 'off' }]);
  });

  it('names the missing credential variable when IDEMPOTENCY_TABLE is set without them', () => {
    expect(() =>
      readConfig(envReader({ EMAIL_FROM: 'hello@acme.example', IDEMPOTENCY_TABLE: 't', AWS_REGION: 'eu-west-1' })),
    ).toThrow(/^AWS_ACCESS_KEY_ID is required/);
  });
});

describe('dynamoDbOverFetch', () => {
  it("reports DynamoDB's own error names, as the SDK does", async () => {
    const client = dynamoDbOverFetch({
      region: 'us-east-1',
      endpoint: dynalite.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const item = {
      TableName: tableName,
      Item: { id: { S: 'fetch-conditional' } },
      ConditionExpression: 'attribute_not_exists(id)',
    };
    await client.putItem(item);
    await expect(client.putItem(item)).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(client.getItem({ TableName: tableName, Key: { id: { S: 'fetch-conditional' } } })).resolves.toEqual({
      Item: { id: { S: 'fetch-conditional' } },
    });
  });

  it('sends a request whose SigV4 signature an independent signer (aws4fetch) computes the same', async () => {
    const seen: { headers: Record<string, string>; body: string; url: string }[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({
          url: request.url ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
          headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)])),
        });
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const credentials = {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      sessionToken: 'session-token',
    };
    try {
      await dynamoDbOverFetch({ region: 'eu-west-1', endpoint, credentials }).getItem({
        TableName: 't',
        Key: { id: { S: 'k' } },
      });
    } finally {
      server.close();
    }
    const [request] = seen;
    const authorization = request?.headers.authorization ?? '';
    const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
    expect(signedNames).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-security-token', 'x-amz-target']));
    const signedHeaders = Object.fromEntries(
      signedNames.filter((name) => name !== 'host').map((name) => [name, request?.headers[name] ?? '']),
    );
    const independent = await new AwsClient({ ...credentials, service: 'dynamodb', region: 'eu-west-1' }).sign(
      `${endpoint}${request?.url ?? '/'}`,
      {
        method: 'POST',
        headers: signedHeaders,
        body: request?.body ?? '',
        aws: { datetime: request?.headers['x-amz-date'] ?? '', allHeaders: true },
      },
    );
    expect(independent.headers.get('authorization')).toBe(authorization);
  });
});
