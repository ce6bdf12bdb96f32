import { envReader } from '@cognito-triggers/trigger-core';
import { triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { composeMessage, type MessageDecision } from '../src/decide';

const config = readConfig(envReader({ APP_NAME: 'Acme', APP_URL: 'https://app.acme.example/' }));

function texts(decision: MessageDecision) {
  if (decision.action !== 'customise') throw new Error(`kept the default: ${decision.reason}`);
  return decision.texts;
}

describe('composeMessage', () => {
  it('writes a branded English sign-up message that greets the user and shows the code', () => {
    const decision = composeMessage(triggerEvent('CustomMessage_SignUp'), config);
    expect(decision).toMatchObject({
      action: 'customise',
      locale: 'en',
      localeSource: 'default',
      verification: 'code',
    });
    const { emailSubject, emailMessage, smsMessage } = texts(decision);
    expect(emailSubject).toBe('Confirm your Acme account');
    expect(emailMessage).toContain('<p>Hi Jane,</p>');
    expect(emailMessage).toContain('href="https://app.acme.example/"');
    expect(smsMessage).toBe('Acme: your verification code is {####}');
  });

  it('writes each source its own message', () => {
    const subjects = (
      [
        'CustomMessage_SignUp',
        'CustomMessage_AdminCreateUser',
        'CustomMessage_ResendCode',
        'CustomMessage_ForgotPassword',
        'CustomMessage_UpdateUserAttribute',
        'CustomMessage_VerifyUserAttribute',
        'CustomMessage_Authentication',
      ] as const
    ).map((source) => texts(composeMessage(triggerEvent(source), config)).emailSubject);
    expect(subjects).toEqual([
      'Confirm your Acme account',
      'You are invited to Acme',
      'Your new Acme verification code',
      'Reset your Acme password',
      'Confirm the change to your Acme account',
      'Verify your contact details for Acme',
      'Your Acme sign-in code',
    ]);
  });

  it('gives an invited user both the username and the temporary password', () => {
    const { emailMessage, smsMessage } = texts(composeMessage(triggerEvent('CustomMessage_AdminCreateUser'), config));
    expect(emailMessage).toContain(
      'Username: <strong>{username}</strong><br>Temporary password: <strong>{####}</strong>',
    );
    expect(smsMessage).toBe('Acme: your username is {username} and your temporary password is {####}');
  });

  it('writes German for a user whose locale attribute is de-DE, and for an app that sends clientMetadata.locale de_DE', () => {
    const byAttribute = composeMessage(
      triggerEvent('CustomMessage_ForgotPassword', { request: { userAttributes: { locale: 'de-DE' } } }),
      config,
    );
    expect(byAttribute).toMatchObject({ locale: 'de', localeSource: 'user-attribute' });
    expect(texts(byAttribute).emailSubject).toBe('Passwort für Acme zurücksetzen');
    expect(texts(byAttribute).emailMessage).toContain('<p>Hallo Jane,</p>');
    const byMetadata = composeMessage(
      triggerEvent('CustomMessage_ForgotPassword', { request: { clientMetadata: { locale: 'de_DE' } } }),
      config,
    );
    expect(byMetadata).toMatchObject({ locale: 'de', localeSource: 'client-metadata' });
  });

  it('writes DEFAULT_LOCALE for a user whose language it does not have', () => {
    const german = readConfig(envReader({ APP_NAME: 'Acme', DEFAULT_LOCALE: 'de' }));
    const decision = composeMessage(
      triggerEvent('CustomMessage_Authentication', { request: { userAttributes: { locale: 'ja-JP' } } }),
      german,
    );
    expect(texts(decision).smsMessage).toBe('Acme: Ihr Anmeldecode lautet {####}. Geben Sie ihn nicht weiter.');
  });

  it('greets by name, then by full name, then without one', () => {
    const greeting = (userAttributes: Record<string, string | undefined>) =>
      texts(
        composeMessage(triggerEvent('CustomMessage_ResendCode', { request: { userAttributes } }), config),
      ).emailMessage.match(/<p>Hi[^<]*<\/p>/)?.[0];
    expect(greeting({})).toBe('<p>Hi Jane,</p>');
    expect(greeting({ given_name: undefined, name: 'J. Doe' })).toBe('<p>Hi J. Doe,</p>');
    expect(greeting({ given_name: '  ', name: undefined })).toBe('<p>Hi,</p>');
  });

  it('escapes the user’s name and APP_NAME in the HTML e-mail, but not in the plain-text subject and SMS', () => {
    const branded = readConfig(envReader({ APP_NAME: 'Q&A <Labs>' }));
    const event = triggerEvent('CustomMessage_SignUp', {
      request: { userAttributes: { given_name: '<img src=x onerror=alert(1)>' } },
    });
    const { emailSubject, emailMessage, smsMessage } = texts(composeMessage(event, branded));
    expect(emailMessage).not.toContain('<img');
    expect(emailMessage).toContain('Hi &lt;img src=x onerror=alert(1)&gt;,');
    expect(emailMessage).toContain('Q&amp;A &lt;Labs&gt;');
    expect(emailMessage).not.toContain('Q&A <Labs>');
    expect(emailSubject).toBe('Confirm your Q&A <Labs> account');
    expect(smsMessage).toBe('Q&A <Labs>: your verification code is {####}');
  });

  it("puts Cognito's placeholders into the HTML character for character, never escaped", () => {
    const event = triggerEvent('CustomMessage_AdminCreateUser', {
      request: { codeParameter: '{<&code&>}', usernameParameter: '{"user"}' },
    });
    const { emailMessage } = texts(composeMessage(event, config));
    expect(emailMessage).toContain('{<&code&>}');
    expect(emailMessage).toContain('{"user"}');
  });

  it('confirms a sign-up by link when the pool verifies by link, and still texts the code', () => {
    const byLink = { ...config, emailVerification: 'link' as const };
    const decision = composeMessage(triggerEvent('CustomMessage_SignUp'), byLink);
    expect(decision).toMatchObject({ action: 'customise', verification: 'link' });
    expect(texts(decision).emailMessage).toContain('with this link: {##Click Here##}');
    expect(texts(decision).emailMessage).not.toContain('{####}');
    expect(texts(decision).smsMessage).toContain('{####}');
  });

  it('sends a code for a password reset even when sign-ups are confirmed by link', () => {
    const byLink = { ...config, emailVerification: 'link' as const };
    const decision = composeMessage(triggerEvent('CustomMessage_ForgotPassword'), byLink);
    expect(decision).toMatchObject({ action: 'customise', verification: 'code' });
    expect(texts(decision).emailMessage).toContain('{####}');
  });

  it("keeps Cognito's default when the pool verifies by link but Cognito sent no link placeholder", () => {
    const byLink = { ...config, emailVerification: 'link' as const };
    const event = triggerEvent('CustomMessage_ResendCode', { request: { linkParameter: undefined } });
    expect(composeMessage(event, byLink)).toEqual({
      action: 'keep-default',
      reason: 'link-parameter-missing',
      locale: 'en',
      localeSource: 'default',
    });
  });

  it("keeps Cognito's default when a user-supplied name would push the e-mail past Cognito's 20,000 characters", () => {
    const event = triggerEvent('CustomMessage_SignUp', {
      request: { userAttributes: { given_name: 'J'.repeat(20_000) } },
    });
    expect(composeMessage(event, config)).toMatchObject({
      action: 'keep-default',
      reason: 'too-long',
      field: 'emailMessage',
    });
  });
});
