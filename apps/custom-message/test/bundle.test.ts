import { fileURLToPath } from 'node:url';
import { bundleTestbed, logRecords, type InvokeResult } from '@cognito-triggers/lambda-runtime';
import { customMessage, type CustomMessageEvent } from '@cognito-triggers/trigger-core';
import { findPersonalData, PERSONAL_VALUES, triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { afterAll, describe, expect, it } from 'vitest';

// The deployed artifact itself, run on Node 24 as the nodejs24.x runtime would.
const bundlePath = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));
const config = { APP_NAME: 'Acme', APP_URL: 'https://app.acme.example', AWS_REGION: 'eu-west-1' };
const UNTOUCHED = { smsMessage: null, emailMessage: null, emailSubject: null };

const testbed = bundleTestbed({ name: 'custom-message', bundlePath });
const { deploy, invoke } = testbed;
const allLogs = testbed.logs;

function response(result: InvokeResult): CustomMessageEvent['response'] {
  if (!result.ok) throw new Error(`invocation failed: ${result.error.errorMessage}`);
  return (result.payload as CustomMessageEvent).response;
}

afterAll(async () => {
  await testbed.stop();
});

describe('the built custom-message bundle on Node 24', () => {
  it.each(customMessage.sources)(
    'answers %s with a branded subject, HTML e-mail and SMS that keep the placeholders',
    async (source) => {
      const fn = deploy(config);
      const event = triggerEvent(source);
      const result = await invoke(fn, event);
      expect(result.ok && result.payload).toMatchObject({ triggerSource: source, request: event.request });
      const { emailSubject, emailMessage, smsMessage } = response(result);
      expect(emailSubject).toContain('Acme');
      expect(emailMessage).toContain('<html lang="en">');
      expect(emailMessage).toContain('{####}');
      expect(smsMessage).toMatch(/^Acme: .*\{####\}/);
      if (source === 'CustomMessage_AdminCreateUser') {
        expect(emailMessage).toContain('{username}');
        expect(smsMessage).toContain('{username}');
      }
    },
  );

  it("writes German to a user whose locale attribute is de_DE, and to an app's clientMetadata.locale", async () => {
    const fn = deploy(config);
    const byAttribute = await invoke(
      fn,
      triggerEvent('CustomMessage_ForgotPassword', { request: { userAttributes: { locale: 'de_DE' } } }),
    );
    expect(response(byAttribute).emailSubject).toBe('Passwort für Acme zurücksetzen');
    const byMetadata = await invoke(
      fn,
      triggerEvent('CustomMessage_ResendCode', { request: { clientMetadata: { locale: 'de-AT' } } }),
    );
    expect(response(byMetadata).smsMessage).toBe('Acme: Ihr neuer Bestätigungscode lautet {####}');
  });

  it('writes DEFAULT_LOCALE to a user whose language it does not have', async () => {
    const fn = deploy({ ...config, DEFAULT_LOCALE: 'de-DE' });
    const result = await invoke(
      fn,
      triggerEvent('CustomMessage_Authentication', { request: { userAttributes: { locale: 'pt-BR' } } }),
    );
    expect(response(result).emailSubject).toBe('Ihr Anmeldecode für Acme');
  });

  it("escapes a user's name in the HTML e-mail", async () => {
    const fn = deploy(config);
    const result = await invoke(
      fn,
      triggerEvent('CustomMessage_SignUp', {
        request: { userAttributes: { given_name: '<script>alert(1)</script>' } },
      }),
    );
    expect(response(result).emailMessage).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(response(result).emailMessage).not.toContain('<script>');
  });

  it('confirms a sign-up by link with EMAIL_VERIFICATION=link, and keeps the default when Cognito sends no link placeholder', async () => {
    const fn = deploy({ ...config, EMAIL_VERIFICATION: 'link' });
    const withLink = await invoke(fn, triggerEvent('CustomMessage_SignUp'));
    expect(response(withLink).emailMessage).toContain('{##Click Here##}');
    const withoutLink = await invoke(
      fn,
      triggerEvent('CustomMessage_SignUp', { request: { linkParameter: undefined } }),
    );
    expect(response(withoutLink)).toEqual(UNTOUCHED);
    expect(logRecords(withoutLink).find((line) => line.level === 'WARN')).toMatchObject({
      reason: 'link-parameter-missing',
    });
  });

  it('returns the event unchanged, so Cognito sends its default message, and names the variable when APP_NAME is missing or DEFAULT_LOCALE unknown', async () => {
    for (const [environment, variable] of [
      [{ AWS_REGION: 'eu-west-1' }, 'APP_NAME'],
      [{ ...config, DEFAULT_LOCALE: 'klingon' }, 'DEFAULT_LOCALE'],
    ] as const) {
      const fn = deploy(environment);
      const result = await invoke(fn, triggerEvent('CustomMessage_ForgotPassword'));
      expect(result.ok).toBe(true);
      expect(response(result)).toEqual(UNTOUCHED);
      expect(logRecords(result).find((line) => line.message === 'invocation finished')).toMatchObject({
        level: 'ERROR',
        variable,
        failurePolicy: 'return-event',
      });
    }
  });

  it('returns a malformed event as it came, without failing the user’s flow', async () => {
    const fn = deploy(config);
    const broken = { ...triggerEvent('CustomMessage_SignUp'), request: { userAttributes: {} } };
    const result = await invoke(fn, broken);
    expect(result.ok && result.payload).toEqual(broken);
    expect(logRecords(result).find((line) => line.message === 'invocation finished')).toMatchObject({
      path: 'request.codeParameter',
    });
  });
});

describe('the log output of this whole suite', () => {
  it('is one JSON object per line and carries no personal data, codes or message texts', () => {
    expect(allLogs.length).toBeGreaterThan(15);
    for (const line of allLogs) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(findPersonalData(allLogs.join('\n'), [...PERSONAL_VALUES, '{##Click Here##}', 'Acme:'])).toEqual([]);
  });
});
