import { customMessage, defineTrigger } from '@cognito-triggers/trigger-core';
import {
  captureLogs,
  captureStdoutLogs,
  fakeContext,
  findPersonalData,
  PERSONAL_VALUES,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../src/config';
import type * as Templates from '../src/templates/index';
import { writeMessage } from '../src/handler';

// The handler reads its configuration at import (cold start), so each environment gets a fresh import.
async function loadHandler(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  const module = await import('../src/handler');
  return module.handler;
}

const UNTOUCHED = { smsMessage: null, emailMessage: null, emailSubject: null };

let logs: ReturnType<typeof captureStdoutLogs>;
beforeEach(() => {
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
  vi.unstubAllEnvs();
  vi.doUnmock('../src/templates/index');
  vi.doUnmock('../src/decide');
  expect(findPersonalData(logs.raw.join(''), PERSONAL_VALUES)).toEqual([]);
});

describe('custom-message handler', () => {
  it.each(customMessage.sources)(
    'sets the subject, the HTML e-mail and the SMS on %s and logs the language it chose',
    async (source) => {
      const handler = await loadHandler({ APP_NAME: 'Acme' });
      const result = await handler(
        triggerEvent(source, { request: { userAttributes: { locale: 'de_DE' } } }),
        fakeContext(),
      );
      expect(result.response.emailSubject).toContain('Acme');
      expect(result.response.emailMessage).toMatch(/^<!doctype html>\n<html lang="de">/);
      expect(result.response.smsMessage).toContain('{####}');
      expect(logs.withMessage('invocation finished')).toMatchObject([
        {
          level: 'INFO',
          outcome: 'success',
          locale: 'de',
          localeSource: 'user-attribute',
          messageChoice: 'custom',
          verification: 'code',
        },
      ]);
    },
  );

  it('returns the event unchanged and names APP_NAME on every invocation when it is missing', async () => {
    const handler = await loadHandler({});
    for (let i = 0; i < 2; i += 1) {
      const event = triggerEvent('CustomMessage_SignUp');
      const result = await handler(event, fakeContext());
      expect(result).toBe(event);
      expect(result.response).toEqual(UNTOUCHED);
    }
    const failures = logs.withMessage('invocation finished');
    expect(failures).toHaveLength(2);
    for (const line of failures)
      expect(line).toMatchObject({ level: 'ERROR', variable: 'APP_NAME', failurePolicy: 'return-event' });
  });

  it("keeps Cognito's default message, and says why, when a template has lost the code placeholder", async () => {
    vi.doMock('../src/templates/index', async (importOriginal) => {
      const actual = await importOriginal<typeof Templates>();
      const en: Templates.LocaleTemplates = structuredClone(actual.LOCALE_TEMPLATES.en);
      en.messages.CustomMessage_ForgotPassword.smsMessage = '{{appName}}: reset your password in the app.';
      return { ...actual, LOCALE_TEMPLATES: { ...actual.LOCALE_TEMPLATES, en } };
    });
    const handler = await loadHandler({ APP_NAME: 'Acme' });
    const event = triggerEvent('CustomMessage_ForgotPassword');
    const result = await handler(event, fakeContext());
    expect(result.response).toEqual(UNTOUCHED);
    expect(logs.withMessage("Cognito's default message kept")).toMatchObject([
      { level: 'WARN', reason: 'missing-code-parameter', field: 'smsMessage', locale: 'en' },
    ]);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'success', messageChoice: 'cognito-default', reason: 'missing-code-parameter' },
    ]);
  });

  it('returns the untouched event when composing the message fails unexpectedly', async () => {
    vi.doMock('../src/decide', () => ({
      composeMessage: () => {
        throw new TypeError('template exploded');
      },
    }));
    const handler = await loadHandler({ APP_NAME: 'Acme' });
    const event = triggerEvent('CustomMessage_Authentication');
    const result = await handler(event, fakeContext());
    expect(result).toBe(event);
    expect(result.response).toEqual(UNTOUCHED);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { level: 'ERROR', outcome: 'failed', errorName: 'TypeError', failurePolicy: 'return-event' },
    ]);
  });

  it('returns the untouched event when the deadline passes first, even if the message is written afterwards', async () => {
    const captured = captureLogs();
    let lateWrite: Promise<unknown> = Promise.resolve();
    // The app's own configuration and message writing, behind a stall as a slow cold start would cause.
    const slow = defineTrigger(
      customMessage,
      { service: 'custom-message', config: readConfig, environment: { APP_NAME: 'Acme' }, writeLog: captured.write },
      (event, tools) => {
        lateWrite = new Promise((resolve) => setTimeout(resolve, 1_000)).then(() => writeMessage(event, tools));
        return lateWrite as Promise<typeof event>;
      },
    );
    const event = triggerEvent('CustomMessage_SignUp');
    const result = await slow(event, fakeContext({ remainingMs: 400 }));
    expect(captured.withMessage('invocation finished')).toMatchObject([
      { level: 'ERROR', errorName: 'DeadlineExceededError', failurePolicy: 'return-event' },
    ]);
    await expect(lateWrite).resolves.toMatchObject({
      response: { smsMessage: 'Acme: your verification code is {####}' },
    });
    expect(result).toBe(event);
    expect(result.response).toEqual(UNTOUCHED);
    expect(findPersonalData(captured.raw.join(''), PERSONAL_VALUES)).toEqual([]);
  });
});
