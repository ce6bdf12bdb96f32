import { GENERIC_USER_MESSAGE, type PreSignUpEvent } from '@cognito-triggers/trigger-core';
import {
  captureStdoutLogs,
  fakeContext,
  findPersonalData,
  PERSONAL_VALUES,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Domains of the test users: a log line that names one would identify people at a small company.
const USER_DOMAINS = ['acme.example', 'spam.example', 'mailinator.com', 'xn--bcher-kva.example', 'bücher.example'];

// The handler reads its configuration at import (cold start), so each environment gets a fresh import.
async function loadHandler(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  const module = await import('../src/handler');
  return module.handler;
}

function signUp(
  email: string | undefined,
  source: PreSignUpEvent['triggerSource'] = 'PreSignUp_SignUp',
): PreSignUpEvent {
  return triggerEvent(source, { request: { userAttributes: { email } } });
}

let logs: ReturnType<typeof captureStdoutLogs>;
beforeEach(() => {
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
  vi.unstubAllEnvs();
  vi.doUnmock('../src/disposable');
  const output = logs.raw.join('');
  expect(findPersonalData(output, [...PERSONAL_VALUES, ...USER_DOMAINS])).toEqual([]);
});

describe('pre-sign-up handler', () => {
  it('refuses a blocked domain with the message for end users and logs the reason and rule, not the domain', async () => {
    const handler = await loadHandler({ BLOCKED_EMAIL_DOMAINS: 'other.example,spam.example' });
    await expect(handler(signUp('jane@spam.example'), fakeContext())).rejects.toMatchObject({
      name: 'UserFacingError',
      message: 'Sign-ups with this e-mail domain are not allowed.',
    });
    expect(logs.withMessage('sign-up rejected')).toMatchObject([
      { reason: 'blocked-domain', list: 'BLOCKED_EMAIL_DOMAINS', entry: 1, match: 'exact' },
    ]);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'rejected', decision: 'blocked-domain' },
    ]);
  });

  it('auto-confirms a self sign-up of an auto-confirm domain without verifying its e-mail, and returns the event', async () => {
    const handler = await loadHandler({ AUTO_CONFIRM_EMAIL_DOMAINS: 'bücher.example' });
    const result = await handler(signUp('jane@xn--bcher-kva.example'), fakeContext());
    expect(result.response).toEqual({ autoConfirmUser: true, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(logs.withMessage('sign-up allowed')).toMatchObject([{ reason: 'auto-confirmed', autoConfirmUser: true }]);
  });

  it('refuses an address it cannot read and logs what is wrong with it, not the address', async () => {
    const handler = await loadHandler({ ALLOWED_EMAIL_DOMAINS: 'acme.example' });
    await expect(handler(signUp('jane@spam.example@acme.example'), fakeContext())).rejects.toMatchObject({
      name: 'UserFacingError',
      message: 'Please sign up with a valid e-mail address.',
    });
    expect(logs.withMessage('sign-up rejected')).toMatchObject([
      { reason: 'invalid-email', problem: 'several-at-signs' },
    ]);
  });

  it('lets an administrator create a user from a blocked domain and logs the bypass', async () => {
    const handler = await loadHandler({ BLOCKED_EMAIL_DOMAINS: 'spam.example' });
    const result = await handler(signUp('jane@spam.example', 'PreSignUp_AdminCreateUser'), fakeContext());
    expect(result.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(logs.withMessage('sign-up allowed')).toMatchObject([{ reason: 'admin-bypass' }]);
  });

  it('refuses a throw-away provider only with BLOCK_DISPOSABLE_EMAIL=true', async () => {
    const blocking = await loadHandler({ BLOCK_DISPOSABLE_EMAIL: 'true' });
    await expect(blocking(signUp('jane@mailinator.com'), fakeContext())).rejects.toThrow(
      'Sign-ups with this e-mail domain are not allowed.',
    );
    await expect(blocking(signUp('jane@acme.example'), fakeContext())).resolves.toMatchObject({
      triggerSource: 'PreSignUp_SignUp',
    });
    expect(
      logs
        .lines()
        .map((line) => line.reason)
        .filter(Boolean),
    ).toEqual(['disposable', 'allowed']);
    vi.unstubAllEnvs();
    const open = await loadHandler({});
    await expect(open(signUp('jane@mailinator.com'), fakeContext())).resolves.toMatchObject({
      triggerSource: 'PreSignUp_SignUp',
    });
  });

  it('refuses every sign-up with the generic message and names the variable in the log when a list entry is bad', async () => {
    const handler = await loadHandler({ ALLOWED_EMAIL_DOMAINS: 'acme.example,acme' });
    for (let i = 0; i < 2; i += 1) {
      await expect(handler(signUp('jane@acme.example'), fakeContext())).rejects.toMatchObject({
        name: 'TriggerFailedError',
        message: GENERIC_USER_MESSAGE,
      });
    }
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { level: 'ERROR', outcome: 'failed', failurePolicy: 'reject', variable: 'ALLOWED_EMAIL_DOMAINS' },
      { level: 'ERROR', outcome: 'failed', failurePolicy: 'reject', variable: 'ALLOWED_EMAIL_DOMAINS' },
    ]);
  });

  it('refuses with the generic message when the throw-away list fails to load, and loads it again next time', async () => {
    const load = vi
      .fn<() => Promise<(domain: string) => boolean>>()
      .mockRejectedValueOnce(new Error('Cannot find module disposable-email-domains-js'))
      .mockResolvedValue(() => false);
    vi.doMock('../src/disposable', () => ({ loadDisposableDomains: load }));
    const handler = await loadHandler({ BLOCK_DISPOSABLE_EMAIL: 'true' });
    await expect(handler(signUp('jane@acme.example'), fakeContext())).rejects.toThrow(GENERIC_USER_MESSAGE);
    await expect(handler(signUp('jane@acme.example'), fakeContext())).resolves.toMatchObject({
      triggerSource: 'PreSignUp_SignUp',
    });
    expect(load).toHaveBeenCalledTimes(2);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'failed', errorMessage: 'Cannot find module disposable-email-domains-js' },
      { outcome: 'success' },
    ]);
  });

  it("refuses with the generic message, within Cognito's time, when the throw-away list does not load before the deadline", async () => {
    vi.doMock('../src/disposable', () => ({ loadDisposableDomains: () => new Promise<never>(() => undefined) }));
    const handler = await loadHandler({ BLOCK_DISPOSABLE_EMAIL: 'true' });
    const startedAt = Date.now();
    await expect(handler(signUp('jane@acme.example'), fakeContext({ remainingMs: 500 }))).rejects.toMatchObject({
      message: GENERIC_USER_MESSAGE,
    });
    expect(Date.now() - startedAt).toBeLessThan(500);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'failed', errorName: 'DeadlineExceededError' },
    ]);
  });

  it('refuses with the generic message an event it cannot read', async () => {
    const handler = await loadHandler({});
    const broken = {
      triggerSource: 'PreSignUp_SignUp',
      request: { userAttributes: 'jane@acme.example' },
    } as unknown as PreSignUpEvent;
    await expect(handler(broken, fakeContext())).rejects.toMatchObject({ message: GENERIC_USER_MESSAGE });
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'failed', path: 'request.userAttributes' },
    ]);
  });
});
