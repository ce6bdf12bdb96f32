import { fileURLToPath } from 'node:url';
import { bundleTestbed, logRecords } from '@cognito-triggers/lambda-runtime';
import {
  refusingEndpoint,
  startSesEmulator,
  startSesFaultProxy,
  type SesEmulator,
  type SesFault,
} from '@cognito-triggers/local-stack';
import {
  AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT,
  findPersonalData,
  PERSONAL_VALUES,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The deployed artifact itself, run on Node 24 as the nodejs24.x runtime would.
const bundlePath = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));
const COGNITO_LIMIT_MS = 5_000;
const config = { EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme', AWS_REGION: 'eu-west-1' };

let ses: SesEmulator;
const testbed = bundleTestbed({ name: 'post-confirmation', bundlePath });
const { deploy, invoke } = testbed;
const allLogs = testbed.logs;

beforeAll(async () => {
  ses = await startSesEmulator();
});
beforeEach(async () => {
  await ses.clear();
});
afterAll(async () => {
  await testbed.stop();
  await ses?.stop();
});

describe('the built post-confirmation bundle on Node 24', () => {
  it('sends exactly one welcome e-mail through SES on ConfirmSignUp and returns the event', async () => {
    const fn = deploy({ ...config, AWS_ENDPOINT_URL_SES: ses.endpoint });
    const result = await invoke(fn, triggerEvent('PostConfirmation_ConfirmSignUp'));
    expect(result.ok).toBe(true);
    expect(result.ok && result.payload).toMatchObject({ triggerSource: 'PostConfirmation_ConfirmSignUp' });
    const emails = await ses.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      from: 'Acme <hello@acme.example>',
      destination: { to: ['jane.doe@example.com'] },
      subject: 'Welcome to Acme',
    });
    expect(emails[0]?.body.text).toContain('Your Acme account is confirmed.');
    expect(emails[0]?.body.html).toContain('<p>Hi Jane,</p>');
  });

  it('sends the password-changed notice and no welcome e-mail on ConfirmForgotPassword', async () => {
    const fn = deploy({ ...config, AWS_ENDPOINT_URL_SES: ses.endpoint });
    await invoke(fn, triggerEvent('PostConfirmation_ConfirmForgotPassword'));
    expect((await ses.emails()).map((email) => email.subject)).toEqual(['Your Acme password was changed']);
  });

  it('sends nothing at all on ConfirmForgotPassword with PASSWORD_CHANGE_NOTICE=off', async () => {
    const fn = deploy({ ...config, AWS_ENDPOINT_URL_SES: ses.endpoint, PASSWORD_CHANGE_NOTICE: 'off' });
    const result = await invoke(fn, triggerEvent('PostConfirmation_ConfirmForgotPassword'));
    expect(result.ok).toBe(true);
    expect(await ses.emails()).toEqual([]);
  });

  it('sends nothing to an unverified address or a user without one', async () => {
    const fn = deploy({ ...config, AWS_ENDPOINT_URL_SES: ses.endpoint });
    await invoke(
      fn,
      triggerEvent('PostConfirmation_ConfirmSignUp', { request: { userAttributes: { email_verified: 'false' } } }),
    );
    await invoke(
      fn,
      triggerEvent('PostConfirmation_ConfirmSignUp', {
        request: { userAttributes: { email: undefined, email_verified: undefined } },
      }),
    );
    expect(await ses.emails()).toEqual([]);
  });

  it("accepts the AWS documentation's sample event with its boolean email_verified once it names a triggerSource", async () => {
    const fn = deploy({ ...config, AWS_ENDPOINT_URL_SES: ses.endpoint });
    await invoke(fn, { ...AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT, triggerSource: 'PostConfirmation_ConfirmSignUp' });
    expect((await ses.emails()).map((email) => email.destination.to)).toEqual([['user@example.com']]);
  });

  it('returns the event and logs the variable on every invocation when EMAIL_FROM is missing', async () => {
    const fn = deploy({ APP_NAME: 'Acme', AWS_ENDPOINT_URL_SES: ses.endpoint });
    for (let i = 0; i < 2; i += 1) {
      const result = await invoke(fn, triggerEvent('PostConfirmation_ConfirmSignUp'));
      expect(result.ok).toBe(true);
      expect(
        logRecords(result).filter((line) => line.variable === 'EMAIL_FROM' && line.message === 'invocation finished'),
      ).toHaveLength(1);
    }
    expect(await ses.emails()).toEqual([]);
  });
});

describe('the built bundle when SES misbehaves', () => {
  const cases: { name: string; fault: SesFault | 'refused'; errorName: RegExp }[] = [
    { name: 'refuses connections', fault: 'refused', errorName: /ECONNREFUSED|Error/ },
    { name: 'throttles every request', fault: 'throttle', errorName: /Throttling/ },
    { name: 'rejects the message, quoting the address', fault: 'reject', errorName: /MessageRejected/ },
    { name: 'fails with a server error', fault: 'server-error', errorName: /InternalFailure/ },
    { name: 'never answers', fault: 'hang', errorName: /DeadlineExceededError|TimeoutError|AbortError/ },
  ];

  for (const { name, fault, errorName } of cases) {
    it(`returns the event within Cognito's 5 seconds and logs exactly one delivery failure when SES ${name}`, async () => {
      const proxy = fault === 'refused' ? undefined : await startSesFaultProxy({ plan: fault });
      try {
        const fn = deploy({ ...config, AWS_ENDPOINT_URL_SES: proxy?.endpoint ?? (await refusingEndpoint()) });
        // Warm the instance first with an invocation that sends nothing: on a cold start a loaded
        // machine's init phase eats into the 5 s budget, and the SDK's random throttling back-off
        // (up to 3 s over three attempts) could then lose the race with the deadline. Warm, the
        // budget is 4.7 s against at most 3 s of back-off, whatever the init phase cost.
        await invoke(
          fn,
          triggerEvent('PostConfirmation_ConfirmSignUp', { request: { userAttributes: { email_verified: 'false' } } }),
        );
        const result = await invoke(fn, triggerEvent('PostConfirmation_ConfirmSignUp'));
        expect(result.ok).toBe(true);
        expect(result.ok && result.payload).toMatchObject({
          triggerSource: 'PostConfirmation_ConfirmSignUp',
          response: {},
        });
        const lines = logRecords(result);
        const errors = lines.filter((line) => line.level === 'ERROR');
        expect(errors).toHaveLength(1);
        const summary = errors[0];
        expect(summary).toMatchObject({
          message: 'invocation finished',
          outcome: 'failed',
          failurePolicy: 'return-event',
          emailKind: 'welcome',
          userSub: '7d8ef9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01',
        });
        expect(String(summary?.errorName)).toMatch(errorName);
        // Within Cognito's 5 seconds by construction rather than by a stopwatch (which would time
        // this machine's load): the send ended with SES's own error or at the wrapper's deadline,
        // and that deadline's budget stops short of the limit.
        expect(summary?.budgetMs).toBeLessThan(COGNITO_LIMIT_MS);
      } finally {
        await proxy?.stop();
      }
    });
  }

  it('retries a throttled send while the deadline allows, and delivers once', async () => {
    const proxy = await startSesFaultProxy({ target: ses.endpoint, plan: (n) => (n === 1 ? 'throttle' : undefined) });
    try {
      const fn = deploy({ ...config, AWS_ENDPOINT_URL_SES: proxy.endpoint });
      const result = await invoke(fn, triggerEvent('PostConfirmation_ConfirmSignUp'));
      expect(logRecords(result).find((line) => line.message === 'invocation finished')).toMatchObject({
        outcome: 'success',
        emailKind: 'welcome',
        attempts: 2,
      });
      expect(await ses.emails()).toHaveLength(1);
      expect(proxy.counts()).toMatchObject({ requests: 2, throttle: 1, forwarded: 1 });
    } finally {
      await proxy.stop();
    }
  });
});

describe('the log output of this whole suite', () => {
  it('is one JSON object per line and carries no personal data', () => {
    // Every invocation ends with its summary line, so there is at least one line each to check.
    expect(allLogs.length).toBeGreaterThanOrEqual(testbed.invocations());
    expect(testbed.invocations()).toBeGreaterThan(10);
    for (const line of allLogs) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(findPersonalData(allLogs.join('\n'), [...PERSONAL_VALUES, 'user@example.com'])).toEqual([]);
  });
});
