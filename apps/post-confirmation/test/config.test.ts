import { envReader } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

describe('readConfig', () => {
  it('requires EMAIL_FROM and names it when missing', () => {
    expect(() => readConfig(envReader({}))).toThrow('EMAIL_FROM is required but is not set');
  });

  it('names EMAIL_FROM when it is not an address', () => {
    expect(() => readConfig(envReader({ EMAIL_FROM: 'Acme' }))).toThrow(
      'EMAIL_FROM must be an e-mail address or "Name <address>"',
    );
  });

  it('names EMAIL_FROM and the problem when it is not exactly one plain address', () => {
    const cases = {
      'hello@acme.example\r\nBcc: eve@evil.example': 'line break',
      'hello@acme.example, eve@evil.example': 'comma',
      'Acme <hello@acme.example>, eve@evil.example': 'comma',
      'Acme <hello@bücher.example>': 'host name',
      'Acme\r\nBcc: eve@evil.example <hello@acme.example>': 'line break',
      'Acme "Inc" <hello@acme.example>': 'quote',
    };
    for (const [value, problem] of Object.entries(cases)) {
      expect(() => readConfig(envReader({ EMAIL_FROM: value }))).toThrow(
        new RegExp(`^EMAIL_FROM must be an e-mail address or "Name <address>": .*${problem}`),
      );
    }
  });

  it('accepts "Name <address>" and quotes or encodes names as e-mail headers need', () => {
    expect(readConfig(envReader({ EMAIL_FROM: 'Acme <hello@acme.example>' })).from.header).toBe(
      'Acme <hello@acme.example>',
    );
    expect(readConfig(envReader({ EMAIL_FROM: '"Acme, Inc." <hello@acme.example>' })).from.header).toBe(
      '"Acme, Inc." <hello@acme.example>',
    );
    expect(readConfig(envReader({ EMAIL_FROM: 'Café Müller <hallo@cafe.example>' })).from.header).toBe(
      `=?UTF-8?B?${Buffer.from('Café Müller').toString('base64')}?= <hallo@cafe.example>`,
    );
  });

  it('names the variable for a bad boolean, reply-to address or URL', () => {
    expect(() => readConfig(envReader({ EMAIL_FROM: 'a@b.example', REQUIRE_VERIFIED_EMAIL: 'maybe' }))).toThrow(
      /^REQUIRE_VERIFIED_EMAIL must be true or false/,
    );
    expect(() => readConfig(envReader({ EMAIL_FROM: 'a@b.example', EMAIL_REPLY_TO: 'nobody' }))).toThrow(
      /^EMAIL_REPLY_TO must be an e-mail address/,
    );
    expect(() => readConfig(envReader({ EMAIL_FROM: 'a@b.example', APP_URL: 'not a url' }))).toThrow(/^APP_URL /);
  });

  it('defaults to verified-only sending and the password-change notice on', () => {
    const config = readConfig(envReader({ EMAIL_FROM: 'a@b.example' }));
    expect(config).toMatchObject({
      requireVerifiedEmail: true,
      passwordChangeNotice: true,
      appName: 'our app',
      replyTo: [],
    });
  });
});
