import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { customEmailSender, type LambdaHandler, type CustomEmailSenderEvent } from '@cognito-triggers/trigger-core';
import {
  captureStdoutLogs,
  fakeContext,
  findPersonalData,
  PERSONAL_VALUES,
  SAMPLE_SECRETS,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMAIL_KINDS } from '../src/decide';
import { encryptCode, KEY_ARN, mockKms, OTHER_KEY_ARN } from './kms-boundary';

const CODE = '402913';
const ENVIRONMENT = {
  EMAIL_FROM: 'Acme <hello@acme.example>',
  KMS_KEY_ARN: KEY_ARN,
  APP_NAME: 'Acme',
  AWS_REGION: 'eu-west-1',
};
const CODE_SOURCES = customEmailSender.sources.filter(
  (source) => source !== 'CustomEmailSender_AccountTakeOverNotification',
);

const kms = mockKms();
const ses = mockClient(SESClient);
// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls (bundle.test.ts encrypts with the real KMS client).
afterAll(() => {
  kms.mock.restore();
  ses.restore();
});
let logs: ReturnType<typeof captureStdoutLogs>;

async function loadHandler(
  environment: Record<string, string> = ENVIRONMENT,
): Promise<LambdaHandler<CustomEmailSenderEvent>> {
  vi.resetModules();
  vi.stubEnv('EMAIL_FROM', environment.EMAIL_FROM ?? '');
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return (await import('../src/handler')).handler;
}

async function eventWithCode<S extends (typeof CODE_SOURCES)[number]>(source: S, code = CODE, keyArn = KEY_ARN) {
  return triggerEvent(source, { request: { code: await encryptCode(code, keyArn) } } as never);
}

function sentEmails() {
  return ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);
}

function expectNoLeaks(extra: readonly string[] = []) {
  expect(
    findPersonalData(logs.raw.join(''), [...PERSONAL_VALUES, ...Object.values(SAMPLE_SECRETS), CODE, ...extra]),
  ).toEqual([]);
}

beforeEach(() => {
  kms.reset();
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'msg-1', $metadata: { attempts: 1 } });
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
  vi.unstubAllEnvs();
});

describe('custom-email-sender handler', () => {
  it('maps every CustomEmailSender source trigger-core knows onto a template', () => {
    expect(Object.keys(EMAIL_KINDS).sort()).toEqual([...customEmailSender.sources].sort());
  });

  it.each(CODE_SOURCES)(
    'on %s decrypts the code and sends it, HTML-escaped, to the user through SES',
    async (source) => {
      const handler = await loadHandler();
      const event = await eventWithCode(source);
      await expect(handler(event, fakeContext())).resolves.toMatchObject({ triggerSource: source });
      const [email] = sentEmails();
      expect(sentEmails()).toHaveLength(1);
      expect(email?.Destination?.ToAddresses).toEqual([event.request.userAttributes.email]);
      expect(email?.Source).toBe('Acme <hello@acme.example>');
      expect(email?.Message?.Body?.Html?.Data).toContain(CODE);
      expect(email?.Message?.Subject?.Data).toContain('Acme');
      expect(logs.withMessage('invocation finished')).toMatchObject([
        { outcome: 'success', emailKind: EMAIL_KINDS[source], sent: true, messageId: 'msg-1', idempotency: 'off' },
      ]);
      expectNoLeaks([event.request.code]);
    },
  );

  it('puts the user name and an escaped temporary password in an invitation', async () => {
    const handler = await loadHandler();
    const event = await eventWithCode('CustomEmailSender_AdminCreateUser', 'Tmp<&>"pw1');
    await handler(event, fakeContext());
    const html = sentEmails()[0]?.Message?.Body?.Html?.Data ?? '';
    expect(html).toContain('Tmp&lt;&amp;&gt;&quot;pw1');
    expect(html).not.toContain('Tmp<&>');
    expect(html).toContain(event.userName);
  });

  it('writes in the language of the user, else of the app, else DEFAULT_LOCALE', async () => {
    const handler = await loadHandler({ ...ENVIRONMENT, DEFAULT_LOCALE: 'de' });
    const event = await eventWithCode('CustomEmailSender_ForgotPassword');
    await handler(event, fakeContext());
    expect(sentEmails()[0]?.Message?.Body?.Html?.Data).toContain('<html lang="de">');
    expect(logs.withMessage('invocation finished')[0]).toMatchObject({ locale: 'de', localeSource: 'default' });
  });

  it('sends the account-takeover notice, which has no code, with the details of the sign-in', async () => {
    const handler = await loadHandler();
    const event = triggerEvent('CustomEmailSender_AccountTakeOverNotification', {
      request: { userAttributes: { email: 'jane.doe@example.com' } },
    } as never);
    await handler(event, fakeContext());
    expect(sentEmails()).toHaveLength(1);
    expect(sentEmails()[0]?.Message?.Subject?.Data).toBe('We blocked a sign-in to your Acme account');
    expect(sentEmails()[0]?.Message?.Body?.Html?.Data).toContain('Seattle, United States');
    expectNoLeaks();
  });

  it('warns, sends nothing and does not ask for a retry when a notice names no address', async () => {
    const handler = await loadHandler();
    await handler(triggerEvent('CustomEmailSender_AccountTakeOverNotification'), fakeContext());
    expect(sentEmails()).toEqual([]);
    expect(logs.withMessage('notice not sent')).toMatchObject([{ level: 'WARN', reason: 'no-recipient-in-event' }]);
    expect(logs.withMessage('invocation finished')).toMatchObject([{ outcome: 'success', sent: false }]);
  });

  it.each([
    [
      'a code encrypted for another key',
      () => eventWithCode('CustomEmailSender_SignUp', CODE, OTHER_KEY_ARN),
      'wrong-key',
    ],
    [
      'a corrupted ciphertext',
      async () => {
        const event = await eventWithCode('CustomEmailSender_SignUp');
        const bytes = Buffer.from(event.request.code, 'base64');
        bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 0xff;
        return { ...event, request: { ...event.request, code: bytes.toString('base64') } };
      },
      'refused',
    ],
    [
      'a code that is no Encryption SDK message',
      async () => triggerEvent('CustomEmailSender_SignUp', { request: { code: 'AAAA' } }),
      'malformed',
    ],
    [
      'a code that is not base64',
      async () => triggerEvent('CustomEmailSender_SignUp', { request: { code: 'not base64!' } }),
      'not-base64',
    ],
    [
      'a megabyte code',
      async () => triggerEvent('CustomEmailSender_SignUp', { request: { code: 'A'.repeat(1 << 20) } }),
      'too-long',
    ],
  ] as const)('sends nothing for %s, and rethrows with a clear reason', async (_name, makeEvent, reason) => {
    const handler = await loadHandler();
    const event = await makeEvent();
    await expect(handler(event, fakeContext())).rejects.toMatchObject({ name: 'TriggerFailedError' });
    expect(sentEmails()).toEqual([]);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      {
        level: 'ERROR',
        outcome: 'failed',
        failurePolicy: 'rethrow',
        errorName: 'MessageNotSentError',
        errorCode: 'CODE_NOT_DECRYPTED',
        notSentReason: reason,
      },
    ]);
    expectNoLeaks([event.request.code.slice(0, 64)]);
  });

  it('sends nothing when the code is missing', async () => {
    const handler = await loadHandler();
    const event = {
      ...triggerEvent('CustomEmailSender_SignUp'),
      request: { ...triggerEvent('CustomEmailSender_SignUp').request, code: undefined },
    };
    await expect(handler(event as never, fakeContext())).rejects.toMatchObject({ name: 'TriggerFailedError' });
    expect(sentEmails()).toEqual([]);
    expect(logs.withMessage('invocation finished')[0]).toMatchObject({
      errorName: 'InvalidEventError',
      path: 'request.code',
    });
  });

  it.each([
    ['missing', undefined],
    ['a second address', 'jane@example.com,eve@evil.example'],
    ['a header injection', 'jane@example.com\r\nBcc: eve@evil.example'],
    ['two @', 'jane@evil.example@example.com'],
    ['a lone surrogate', 'jane\uD800@example.com'],
  ])('sends nothing to a recipient that is %s', async (_name, email) => {
    const handler = await loadHandler();
    const event = await eventWithCode('CustomEmailSender_SignUp');
    const attributes: Record<string, string> = { ...event.request.userAttributes };
    if (email === undefined) delete attributes.email;
    else attributes.email = email;
    await expect(
      handler({ ...event, request: { ...event.request, userAttributes: attributes } }, fakeContext()),
    ).rejects.toMatchObject({ name: 'TriggerFailedError' });
    expect(sentEmails()).toEqual([]);
    expect(logs.withMessage('invocation finished')[0]).toMatchObject({ errorCode: 'RECIPIENT_INVALID' });
    expectNoLeaks(['evil.example']);
  });

  it('rethrows when SES fails, so that Lambda retries, without the address in the log', async () => {
    ses
      .on(SendEmailCommand)
      .rejects(
        Object.assign(new Error('Email address is not verified: jane.doe@example.com'), { name: 'MessageRejected' }),
      );
    const handler = await loadHandler();
    await expect(handler(await eventWithCode('CustomEmailSender_SignUp'), fakeContext())).rejects.toMatchObject({
      name: 'TriggerFailedError',
    });
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { level: 'ERROR', errorName: 'MessageRejected', failurePolicy: 'rethrow' },
    ]);
    expectNoLeaks();
  });

  it('names KMS_KEY_ARN when it is not a key ARN, and sends nothing', async () => {
    const handler = await loadHandler({ ...ENVIRONMENT, KMS_KEY_ARN: 'alias/cognito' });
    await expect(handler(await eventWithCode('CustomEmailSender_SignUp'), fakeContext())).rejects.toMatchObject({
      name: 'TriggerFailedError',
    });
    expect(sentEmails()).toEqual([]);
    expect(logs.withMessage('invocation finished')[0]).toMatchObject({ variable: 'KMS_KEY_ARN' });
  });
});
