import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { PostConfirmationEvent } from '@cognito-triggers/trigger-core';
import {
  AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT,
  captureStdoutLogs,
  fakeContext,
  findPersonalData,
  PERSONAL_VALUES,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const ses = mockClient(SESClient);
// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls.
afterAll(() => ses.restore());

// The handler reads its configuration at import (cold start), so each environment gets a fresh import.
async function loadHandler(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  const module = await import('../src/handler');
  return module.handler;
}

let logs: ReturnType<typeof captureStdoutLogs>;
beforeEach(() => {
  ses.reset();
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
  vi.unstubAllEnvs();
  expect(findPersonalData(logs.raw.join(''), PERSONAL_VALUES)).toEqual([]);
});

describe('post-confirmation handler', () => {
  it('sends exactly one welcome e-mail on ConfirmSignUp, cancellable at the deadline, and returns the event', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const handler = await loadHandler({ EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme' });
    const event = triggerEvent('PostConfirmation_ConfirmSignUp');
    const result = await handler(event, fakeContext());
    expect(result.triggerSource).toBe('PostConfirmation_ConfirmSignUp');
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.Message?.Subject?.Data).toBe('Welcome to Acme');
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'success', emailKind: 'welcome', messageId: 'm-1' },
    ]);
    expect(logs.lines()).toHaveLength(1);
  });

  it('sends no welcome e-mail on ConfirmForgotPassword', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-2' });
    const handler = await loadHandler({ EMAIL_FROM: 'hello@acme.example', APP_NAME: 'Acme' });
    await handler(triggerEvent('PostConfirmation_ConfirmForgotPassword'), fakeContext());
    const subjects = ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input.Message?.Subject?.Data);
    expect(subjects).toEqual(['Your Acme password was changed']);
  });

  it('sends nothing when the address is not verified, and logs why without the address', async () => {
    const handler = await loadHandler({ EMAIL_FROM: 'hello@acme.example' });
    const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
      request: { userAttributes: { email_verified: 'false' } },
    });
    await expect(handler(event, fakeContext())).resolves.toMatchObject({
      triggerSource: 'PostConfirmation_ConfirmSignUp',
    });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'success', skipReason: 'email-not-verified' },
    ]);
  });

  it('sends nothing to a recipient value holding a second address, and logs why without either address', async () => {
    const handler = await loadHandler({ EMAIL_FROM: 'hello@acme.example' });
    const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
      request: { userAttributes: { email: 'jane.doe@example.com\r\nBcc: eve@evil.example' } },
    });
    await expect(handler(event, fakeContext())).resolves.toMatchObject({ request: event.request, response: {} });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      {
        level: 'INFO',
        outcome: 'success',
        skipReason: 'email-address-invalid',
        addressProblem: 'line-break-or-control-character',
      },
    ]);
    expect(findPersonalData(logs.raw.join(''), ['eve@evil.example'])).toEqual([]);
  });

  it('returns the event and logs the SES error name and code, without the address, when SES rejects the message', async () => {
    ses.on(SendEmailCommand).rejects(
      Object.assign(
        new Error(
          'Email address is not verified. The following identities failed the check in region EU-WEST-1: jane.doe@example.com',
        ),
        {
          name: 'MessageRejected',
          Code: 'MessageRejected',
          $metadata: { httpStatusCode: 400 },
        },
      ),
    );
    const handler = await loadHandler({ EMAIL_FROM: 'hello@acme.example' });
    const event = triggerEvent('PostConfirmation_ConfirmSignUp');
    await expect(handler(event, fakeContext())).resolves.toBe(event);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      {
        level: 'ERROR',
        outcome: 'failed',
        emailKind: 'welcome',
        errorName: 'MessageRejected',
        errorCode: 'MessageRejected',
      },
    ]);
  });

  it('logs a missing EMAIL_FROM on every invocation and still returns the event, sending nothing', async () => {
    const handler = await loadHandler({});
    const event = triggerEvent('PostConfirmation_ConfirmSignUp');
    await expect(handler(event, fakeContext())).resolves.toBe(event);
    await expect(handler(event, fakeContext())).resolves.toBe(event);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    const failures = logs.withMessage('invocation finished');
    expect(failures).toHaveLength(2);
    for (const line of failures) expect(line).toMatchObject({ level: 'ERROR', variable: 'EMAIL_FROM' });
  });

  it("returns the AWS documentation's sample event unchanged and says triggerSource is missing", async () => {
    const handler = await loadHandler({ EMAIL_FROM: 'hello@acme.example' });
    const sample = structuredClone(AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT) as unknown as PostConfirmationEvent;
    await expect(handler(sample, fakeContext())).resolves.toBe(sample);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    expect(logs.withMessage('invocation finished')).toMatchObject([{ path: 'triggerSource' }]);
  });

  it("sends the welcome e-mail for the AWS documentation's sample event once it names its triggerSource", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-3' });
    const handler = await loadHandler({ EMAIL_FROM: 'hello@acme.example' });
    const sample = {
      ...structuredClone(AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT),
      triggerSource: 'PostConfirmation_ConfirmSignUp',
    } as unknown as PostConfirmationEvent;
    await handler(sample, fakeContext());
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Destination?.ToAddresses).toEqual(['user@example.com']);
  });
});
