import { envReader } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const REQUIRED = { EMAIL_FROM: 'hello@acme.example', KMS_KEY_ARN: KEY_ARN, APP_NAME: 'Acme' };

describe('readConfig', () => {
  it('reads the required settings and defaults the rest', () => {
    expect(readConfig(envReader(REQUIRED))).toEqual({
      from: 'hello@acme.example',
      kmsKeyArn: KEY_ARN,
      appName: 'Acme',
      appUrl: undefined,
      defaultLocale: 'en',
      configurationSet: undefined,
      idempotencyTable: undefined,
    });
  });

  it.each(['EMAIL_FROM', 'KMS_KEY_ARN', 'APP_NAME'])('names %s when it is missing', (name) => {
    expect(() => readConfig(envReader({ ...REQUIRED, [name]: '' }))).toThrow(new RegExp(`^${name} is required`));
  });

  it.each(['alias/cognito', 'arn:aws:kms:eu-west-1:123456789012:alias/cognito', '*'])(
    'refuses KMS_KEY_ARN %j: the keyring must name one key',
    (value) => {
      expect(() => readConfig(envReader({ ...REQUIRED, KMS_KEY_ARN: value }))).toThrow(
        /^KMS_KEY_ARN must be a KMS key ARN/,
      );
    },
  );

  it('encodes a non-ASCII sender name and refuses a sender that is not one address', () => {
    expect(readConfig(envReader({ ...REQUIRED, EMAIL_FROM: 'Müller GmbH <hello@acme.example>' })).from).toBe(
      '=?UTF-8?B?TcO8bGxlciBHbWJI?= <hello@acme.example>',
    );
    expect(() => readConfig(envReader({ ...REQUIRED, EMAIL_FROM: 'a@b.example, c@d.example' }))).toThrow(
      /^EMAIL_FROM must be an e-mail address/,
    );
  });

  it('reads the optional settings', () => {
    const config = readConfig(
      envReader({
        ...REQUIRED,
        APP_URL: 'https://app.acme.example',
        DEFAULT_LOCALE: 'de_DE',
        SES_CONFIGURATION_SET: 'transactional',
        IDEMPOTENCY_TABLE: 'cognito-idempotency',
      }),
    );
    expect(config).toMatchObject({
      appUrl: 'https://app.acme.example/',
      defaultLocale: 'de',
      configurationSet: 'transactional',
      idempotencyTable: 'cognito-idempotency',
    });
    expect(() => readConfig(envReader({ ...REQUIRED, DEFAULT_LOCALE: 'fr' }))).toThrow(
      /^DEFAULT_LOCALE must be one of en, de/,
    );
  });
});
