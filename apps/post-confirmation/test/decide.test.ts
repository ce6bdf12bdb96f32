import { AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT, triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { postConfirmation } from '@cognito-triggers/trigger-core';
import { envReader } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig, type PostConfirmationConfig } from '../src/config';
import { decideEmail } from '../src/decide';

const config: PostConfirmationConfig = readConfig(
  envReader({ EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme' }),
);

describe('decideEmail', () => {
  it('sends a welcome e-mail with text and HTML parts to the confirmed user', () => {
    const decision = decideEmail(triggerEvent('PostConfirmation_ConfirmSignUp'), config);
    expect(decision.action).toBe('send');
    if (decision.action !== 'send') return;
    expect(decision.kind).toBe('welcome');
    expect(decision.input.Source).toBe('Acme <hello@acme.example>');
    expect(decision.input.Destination?.ToAddresses).toEqual(['jane.doe@example.com']);
    expect(decision.input.Message?.Subject?.Data).toBe('Welcome to Acme');
    expect(decision.input.Message?.Body?.Text?.Data).toContain('Hi Jane,');
    expect(decision.input.Message?.Body?.Html?.Data).toContain('<p>Hi Jane,</p>');
  });

  it("sends the welcome e-mail for the AWS documentation's sample event, where email_verified is a boolean", () => {
    const sample = postConfirmation.parseEvent({
      ...AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT,
      triggerSource: 'PostConfirmation_ConfirmSignUp',
    });
    const decision = decideEmail(sample, config);
    expect(decision).toMatchObject({
      action: 'send',
      kind: 'welcome',
      input: { Destination: { ToAddresses: ['user@example.com'] } },
    });
  });

  it('sends no welcome e-mail on ConfirmForgotPassword, but a password-changed notice', () => {
    const decision = decideEmail(triggerEvent('PostConfirmation_ConfirmForgotPassword'), config);
    expect(decision).toMatchObject({ action: 'send', kind: 'password-changed' });
    if (decision.action !== 'send') return;
    expect(decision.input.Message?.Subject?.Data).toBe('Your Acme password was changed');
    expect(JSON.stringify(decision.input)).not.toMatch(/welcome/i);
  });

  it('sends nothing on ConfirmForgotPassword when PASSWORD_CHANGE_NOTICE is off', () => {
    const quiet = readConfig(envReader({ EMAIL_FROM: 'hello@acme.example', PASSWORD_CHANGE_NOTICE: 'off' }));
    expect(decideEmail(triggerEvent('PostConfirmation_ConfirmForgotPassword'), quiet)).toEqual({
      action: 'skip',
      reason: 'password-change-notice-off',
    });
  });

  it('sends nothing to a user without an e-mail attribute', () => {
    const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
      request: { userAttributes: { email: undefined, email_verified: undefined, phone_number: '+12065550142' } },
    });
    expect(decideEmail(event, config)).toEqual({ action: 'skip', reason: 'no-email-attribute' });
  });

  it('sends nothing to an unverified address unless REQUIRE_VERIFIED_EMAIL=false', () => {
    const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
      request: { userAttributes: { email_verified: 'false' } },
    });
    expect(decideEmail(event, config)).toEqual({ action: 'skip', reason: 'email-not-verified' });
    const lenient = readConfig(envReader({ EMAIL_FROM: 'hello@acme.example', REQUIRE_VERIFIED_EMAIL: 'false' }));
    expect(decideEmail(event, lenient)).toMatchObject({ action: 'send', kind: 'welcome' });
  });

  it('escapes user-supplied values placed in the HTML part', () => {
    const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
      request: { userAttributes: { given_name: '<img src=x onerror=alert(1)>' } },
    });
    const decision = decideEmail(event, config);
    if (decision.action !== 'send') throw new Error('expected an e-mail');
    expect(decision.input.Message?.Body?.Html?.Data).not.toContain('<img');
    expect(decision.input.Message?.Body?.Html?.Data).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('sends nothing to an address that is not one deliverable address, and says what is wrong with it', () => {
    const cases = {
      'jane@example.com\r\nBcc: eve@evil.example': 'line-break-or-control-character',
      'jane@example.com, eve@evil.example': 'several-addresses',
      'eve@evil.example@example.com': 'not-one-at-sign',
      'jane@example.com/x': 'domain',
    };
    for (const [email, addressProblem] of Object.entries(cases)) {
      const event = triggerEvent('PostConfirmation_ConfirmSignUp', { request: { userAttributes: { email } } });
      expect(decideEmail(event, config)).toEqual({ action: 'skip', reason: 'email-address-invalid', addressProblem });
    }
  });

  it('sends to an internationalised domain in the ASCII form SES accepts', () => {
    const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
      request: { userAttributes: { email: 'jane@bücher.example' } },
    });
    expect(decideEmail(event, config)).toMatchObject({
      input: { Destination: { ToAddresses: ['jane@xn--bcher-kva.example'] } },
    });
  });

  it('builds a request whose every string is well-formed, even from a name with a lone surrogate', () => {
    for (const source of ['PostConfirmation_ConfirmSignUp', 'PostConfirmation_ConfirmForgotPassword'] as const) {
      const event = triggerEvent(source, {
        request: { userAttributes: { given_name: undefined, name: 'Mallory \ud800' } },
      });
      const decision = decideEmail(event, config);
      if (decision.action !== 'send') throw new Error('expected an e-mail');
      const strings: string[] = [];
      JSON.stringify(decision.input, (_key, value: unknown) => {
        if (typeof value === 'string') strings.push(value);
        return value;
      });
      expect(strings.length).toBeGreaterThan(5);
      expect(strings.filter((text) => !text.isWellFormed())).toEqual([]);
      expect(decision.input.Message?.Body?.Text?.Data).toContain('Hi Mallory \ufffd,');
    }
  });

  it('greets by a name stripped of line breaks and bidirectional overrides, and capped', () => {
    const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
      request: { userAttributes: { given_name: `Jane\r\n\u202eX${'y'.repeat(300)}` } },
    });
    const decision = decideEmail(event, config);
    if (decision.action !== 'send') throw new Error('expected an e-mail');
    const text = decision.input.Message?.Body?.Text?.Data ?? '';
    expect(text).toMatch(new RegExp(`^Hi Jane Xy{57}…,\n`));
    expect(decision.input.Message?.Body?.Html?.Data).toContain(`<p>Hi Jane X${'y'.repeat(57)}…,</p>`);
  });

  it('adds the reply-to addresses, the configuration set and the app link when configured', () => {
    const full = readConfig(
      envReader({
        EMAIL_FROM: 'hello@acme.example',
        EMAIL_REPLY_TO: 'support@acme.example, Help Desk <help@acme.example>',
        SES_CONFIGURATION_SET: 'transactional',
        APP_URL: 'https://app.acme.example/login',
      }),
    );
    const decision = decideEmail(triggerEvent('PostConfirmation_ConfirmSignUp'), full);
    expect(decision).toMatchObject({
      input: {
        ReplyToAddresses: ['support@acme.example', 'Help Desk <help@acme.example>'],
        ConfigurationSetName: 'transactional',
      },
    });
    if (decision.action === 'send')
      expect(decision.input.Message?.Body?.Html?.Data).toContain('href="https://app.acme.example/login"');
  });
});
