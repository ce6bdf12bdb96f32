import { describe, expect, it } from 'vitest';
import {
  findTrigger,
  findWorkspaceRoot,
  readTriggerSettings,
  ReleaseConfigurationError,
  senderAddress,
} from '../src/index';

const root = findWorkspaceRoot(import.meta.dirname);

describe('readTriggerSettings for a trigger that sends e-mail', () => {
  const trigger = findTrigger('post-confirmation', root);

  it('refuses, for a code deploy too, a sender that is not one address the role can be bound to', () => {
    for (const needs of ['function', 'infrastructure'] as const) {
      for (const EMAIL_FROM of ['Acme', 'a@b.example, c@d.example', 'Acme <hello@bücher.example>']) {
        let thrown: unknown;
        try {
          readTriggerSettings(trigger, { EMAIL_FROM, SES_IDENTITY_ARN: 'arn:aws:ses:::identity/b.example' }, needs);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ReleaseConfigurationError);
        expect(thrown).toMatchObject({
          code: 'INVALID_ENVIRONMENT',
          message: expect.stringMatching(/^EMAIL_FROM of post-confirmation must be one e-mail address/) as unknown,
        });
      }
    }
  });
});

describe('senderAddress', () => {
  it('is the bare address of "Name <address>" or of a plain address, as written', () => {
    expect(senderAddress('Acme <hello@acme.example>')).toBe('hello@acme.example');
    expect(senderAddress('"Acme, Inc." <Hello@Acme.example>')).toBe('Hello@Acme.example');
    expect(senderAddress(' hello@acme.example ')).toBe('hello@acme.example');
    expect(senderAddress('=?UTF-8?B?Q2Fmw6k=?= <hallo@xn--caf-dma.example>')).toBe('hallo@xn--caf-dma.example');
  });

  it('refuses anything that is not exactly one ASCII address', () => {
    for (const sender of [
      '',
      'Acme',
      'Acme <>',
      'a@b.example, c@d.example',
      'a@b.example;c@d.example',
      'a@b@c.example',
      'a @b.example',
      'Acme <a@b.example>\nBcc: c@d.example',
      'Acme <a@b.example\r\n>',
      'hallo@bücher.example',
      '<a@b.example> <c@d.example>',
    ]) {
      expect(() => senderAddress(sender), sender).toThrow('must be one e-mail address of ASCII characters');
    }
  });
});
