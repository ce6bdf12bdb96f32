import { fileURLToPath } from 'node:url';
import { bundleTestbed, logRecords, type InvokeResult } from '@cognito-triggers/lambda-runtime';
import { GENERIC_USER_MESSAGE } from '@cognito-triggers/trigger-core';
import { findPersonalData, PERSONAL_VALUES, triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { afterAll, describe, expect, it } from 'vitest';

// The deployed artifact itself, run on Node 24 as the nodejs24.x runtime would.
const bundlePath = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));
const DOMAIN_MESSAGE = 'Sign-ups with this e-mail domain are not allowed.';
// The users' domains must no more reach the log than their addresses.
const USER_DOMAINS = [
  'acme.example',
  'elsewhere.example',
  'spam.example',
  'mailinator.com',
  'xn--mnchen-3ya.example',
  'münchen.example',
  'gmail.example',
  'shop.example',
  'evil.example',
];
const PHONE = '+12065550142';

const testbed = bundleTestbed({ name: 'pre-sign-up', bundlePath, environment: { AWS_REGION: 'eu-west-1' } });
const { deploy, invoke } = testbed;
const allLogs = testbed.logs;

function decisions(result: InvokeResult): unknown[] {
  return result.logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.message === 'sign-up allowed' || line.message === 'sign-up rejected')
    .map((line) => line.reason);
}

const signUp = (email: string | undefined, extra: Record<string, string> = {}) =>
  triggerEvent('PreSignUp_SignUp', {
    request: {
      userAttributes: { email, ...extra },
      validationData: { captcha: 'ok' },
      clientMetadata: { plan: 'team' },
    },
  });
// Federated users arrive with their provider's attributes mapped, and a username of provider and id.
const federated = (email: string | undefined) =>
  triggerEvent('PreSignUp_ExternalProvider', {
    request: {
      userAttributes: { email, email_verified: email ? 'true' : undefined, given_name: 'Jane', family_name: undefined },
    },
  });
// An administrator's invitation: attributes as the admin set them, no validation data.
const adminCreated = (email: string) =>
  triggerEvent('PreSignUp_AdminCreateUser', {
    userName: 'jane.doe',
    request: { userAttributes: { email, email_verified: 'true' } },
  });

afterAll(async () => {
  await testbed.stop();
});

describe('the built pre-sign-up bundle on Node 24', () => {
  const gate = deploy({
    ALLOWED_EMAIL_DOMAINS: 'acme.example,*.acme.example,münchen.example',
    BLOCKED_EMAIL_DOMAINS: 'contractors.acme.example',
    AUTO_CONFIRM_EMAIL_DOMAINS: '*.acme.example,xn--mnchen-3ya.example',
    AUTO_VERIFY_PHONE: 'true',
  });

  it('lets a SignUp from an allowed domain through unchanged', async () => {
    const result = await invoke(gate, signUp('jane.doe@acme.example'));
    expect(result.ok && result.payload).toMatchObject({
      triggerSource: 'PreSignUp_SignUp',
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
    expect(decisions(result)).toEqual(['allowed']);
  });

  it('refuses a SignUp from outside the allow-list, and from a blocked subdomain, with the message for end users', async () => {
    for (const [email, reason] of [
      ['jane.doe@elsewhere.example', 'not-in-allow-list'],
      ['jane.doe@contractors.acme.example', 'blocked-domain'],
    ]) {
      const result = await invoke(gate, signUp(email));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatchObject({ errorType: 'UserFacingError', errorMessage: DOMAIN_MESSAGE });
      expect(decisions(result)).toEqual([reason]);
    }
  });

  it('refuses a SignUp without an e-mail address while an allow-list is set, asking for a valid one', async () => {
    const result = await invoke(gate, signUp(undefined, { phone_number: PHONE }));
    expect(!result.ok && result.error).toMatchObject({
      errorType: 'UserFacingError',
      errorMessage: 'Please sign up with a valid e-mail address.',
    });
  });

  it('auto-confirms a SignUp from an auto-confirm domain but verifies neither the e-mail nor the phone number', async () => {
    // AUTO_VERIFY_PHONE=true: still no verified phone, since a self sign-up proves nothing.
    const extras: Record<string, string>[] = [{ phone_number: PHONE }, { email_verified: 'true' }, {}];
    for (const extra of extras) {
      const result = await invoke(gate, signUp('jane.doe@eu.acme.example', extra));
      expect(result.ok && result.payload, JSON.stringify(extra)).toMatchObject({
        response: { autoConfirmUser: true, autoVerifyEmail: false, autoVerifyPhone: false },
      });
      expect(decisions(result)).toEqual(['auto-confirmed']);
    }
  });

  it('matches an internationalised domain whether the list or the address writes it in Unicode or punycode', async () => {
    for (const email of ['jane.doe@münchen.example', 'jane.doe@XN--MNCHEN-3YA.example.']) {
      const result = await invoke(gate, signUp(email));
      expect(result.ok && result.payload, email).toMatchObject({
        response: { autoConfirmUser: true, autoVerifyEmail: false },
      });
    }
  });

  it('gates an ExternalProvider user by the e-mail the provider sends', async () => {
    const outsider = await invoke(gate, federated('jane.doe@gmail.example'));
    expect(!outsider.ok && outsider.error).toMatchObject({
      errorType: 'UserFacingError',
      errorMessage: DOMAIN_MESSAGE,
    });
    const colleague = await invoke(gate, federated('jane.doe@eu.acme.example'));
    expect(colleague.ok && colleague.payload).toMatchObject({
      triggerSource: 'PreSignUp_ExternalProvider',
      response: { autoConfirmUser: true, autoVerifyEmail: true },
    });
  });

  it('verifies a federated e-mail only when the provider sent email_verified "true"', async () => {
    for (const emailVerified of [undefined, 'false', '0', 'no']) {
      const event = federated('jane.doe@eu.acme.example');
      event.request.userAttributes.email_verified = emailVerified as string;
      const result = await invoke(gate, event);
      expect(result.ok && result.payload, String(emailVerified)).toMatchObject({
        response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
      });
      expect(decisions(result)).toEqual(['allowed']);
    }
    const asserted = federated('jane.doe@eu.acme.example');
    Object.assign(asserted.request.userAttributes, { phone_number: PHONE, phone_number_verified: 'true' });
    const result = await invoke(gate, asserted);
    expect(result.ok && result.payload).toMatchObject({
      response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: true },
    });
  });

  it('lets an administrator create a user outside the allow-list unless GATE_ADMIN_CREATED_USERS=true', async () => {
    const bypass = await invoke(gate, adminCreated('jane.doe@elsewhere.example'));
    expect(bypass.ok && bypass.payload).toMatchObject({
      triggerSource: 'PreSignUp_AdminCreateUser',
      response: { autoConfirmUser: false },
    });
    expect(decisions(bypass)).toEqual(['admin-bypass']);
    const gated = deploy({ ALLOWED_EMAIL_DOMAINS: 'acme.example', GATE_ADMIN_CREATED_USERS: 'true' });
    const refused = await invoke(gated, adminCreated('jane.doe@elsewhere.example'));
    expect(!refused.ok && refused.error).toMatchObject({ errorType: 'UserFacingError', errorMessage: DOMAIN_MESSAGE });
  });

  it('refuses throw-away providers from the bundled list with BLOCK_DISPOSABLE_EMAIL=true, federated users included', async () => {
    const fn = deploy({ BLOCK_DISPOSABLE_EMAIL: 'true', BLOCKED_EMAIL_DOMAINS: 'spam.example' });
    for (const event of [
      signUp('jane.doe@mailinator.com'),
      signUp('jane.doe@x7.mailinator.com'),
      federated('jane.doe@mailinator.com'),
    ]) {
      const result = await invoke(fn, event);
      expect(!result.ok && result.error).toMatchObject({ errorType: 'UserFacingError', errorMessage: DOMAIN_MESSAGE });
      expect(decisions(result)).toEqual(['disposable']);
    }
    const ordinary = await invoke(fn, signUp('jane.doe@acme.example'));
    expect(ordinary.ok).toBe(true);
    // A provider that sends no e-mail leaves nothing to block.
    const noEmail = await invoke(fn, federated(undefined));
    expect(noEmail.ok && noEmail.payload).toMatchObject({ response: { autoVerifyEmail: false } });
  });

  it('refuses addresses that a URL host parser reads as an allowed domain, on Node 24 as in the unit tests', async () => {
    const strict = deploy({
      ALLOWED_EMAIL_DOMAINS: 'shop.example,*.shop.example',
      AUTO_CONFIRM_EMAIL_DOMAINS: 'shop.example,*.shop.example',
    });
    const hostile: [string, string][] = [
      ['user@shop.example/x', 'domain'],
      ['user@shop.example#x', 'domain'],
      ['user@shop.example?x', 'domain'],
      ['user@shop.example\\x', 'domain'],
      ['user@sh%6fp.example', 'domain'],
      ['user@sh\top.example', 'domain'],
      ['user@evil.example@shop.example', 'several-at-signs'],
      ['user@evil.example\n@shop.example', 'several-at-signs'],
      ['user\ud800@shop.example', 'malformed-text'],
      ['user@shop.example\r\n', 'domain'],
      // Node 24's domainToASCII passes bad punycode through unchanged; Node 20's refuses it.
      ['user@xn--a.shop.example', 'domain'],
      ['user@ｓｈｏｐ.example', 'domain'],
      [`${'a'.repeat(1 << 20)}@shop.example`, 'too-long'],
    ];
    for (const [email, problem] of hostile) {
      const result = await invoke(strict, signUp(email));
      expect(!result.ok && result.error, JSON.stringify(email.slice(0, 40))).toMatchObject({
        errorType: 'UserFacingError',
        errorMessage: 'Please sign up with a valid e-mail address.',
      });
      const line = logRecords(result).find((record) => record.message === 'sign-up rejected');
      expect(line).toMatchObject({ reason: 'invalid-email', problem });
    }
    const ordinary = await invoke(strict, signUp('jane.doe@Shop.EXAMPLE.'));
    expect(ordinary.ok && ordinary.payload).toMatchObject({ response: { autoConfirmUser: true } });
    // Without a gate an unreadable address is let in, but never confirmed.
    const open = deploy({ AUTO_CONFIRM_EMAIL_DOMAINS: 'shop.example' });
    const unconfirmed = await invoke(open, signUp('user@evil.example@shop.example'));
    expect(unconfirmed.ok && unconfirmed.payload).toMatchObject({
      response: { autoConfirmUser: false, autoVerifyEmail: false },
    });
  });

  it('refuses every sign-up with the generic message and logs the variable when a list entry is bad', async () => {
    const fn = deploy({ BLOCKED_EMAIL_DOMAINS: 'spam.example, spam' });
    for (let i = 0; i < 2; i += 1) {
      const result = await invoke(fn, signUp('jane.doe@acme.example'));
      expect(!result.ok && result.error).toMatchObject({
        errorType: 'TriggerFailedError',
        errorMessage: GENERIC_USER_MESSAGE,
      });
      const summary = result.logs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.message === 'invocation finished');
      expect(summary).toMatchObject({
        level: 'ERROR',
        outcome: 'failed',
        failurePolicy: 'reject',
        variable: 'BLOCKED_EMAIL_DOMAINS',
      });
    }
  });

  it('refuses with the generic message an event it cannot read, rather than letting it through', async () => {
    const result = await invoke(gate, { triggerSource: 'PreSignUp_SignUp', request: {}, response: {} });
    expect(!result.ok && result.error).toMatchObject({
      errorType: 'TriggerFailedError',
      errorMessage: GENERIC_USER_MESSAGE,
    });
  });
});

describe('the log output of this whole suite', () => {
  it('is one JSON object per line and carries no personal data, not even the domains', () => {
    expect(allLogs.length).toBeGreaterThan(30);
    for (const line of allLogs) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(findPersonalData(allLogs.join('\n'), [...PERSONAL_VALUES, ...USER_DOMAINS])).toEqual([]);
  });
});
