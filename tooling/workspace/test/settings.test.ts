import { describe, expect, it } from 'vitest';
import {
  declarationProblems,
  deployEnvironment,
  localEnvironment,
  replaceSettingsBlocks,
  settingsBlocks,
  settingsTable,
  type AppSettings,
} from '../src/index';

const SETTINGS = {
  EMAIL_FROM: { required: true, meaning: 'sender', local: 'Acme <hello@acme.example>' },
  APP_NAME: { default: 'our app', meaning: 'product name' },
  CLAIMS: { required: 'one of the two', meaning: 'claims to add' },
  VERIFIED_ONLY: { default: true, meaning: 'send only when verified', local: 'false' },
  LOG_LEVEL: { default: 'INFO', readBy: 'trigger-core', meaning: '`DEBUG` or `INFO`' },
  AWS_ENDPOINT_URL_SES: {
    readBy: 'aws-sdk',
    defaultText: "the region's endpoint",
    meaning: 'where SES is',
    local: ({ sesEndpoint }) => sesEndpoint,
  },
} as const satisfies AppSettings;

describe('deployEnvironment', () => {
  it('lists what a deployed function is configured with, required ones apart, in declaration order, without what the AWS SDK reads', () => {
    expect(deployEnvironment(SETTINGS)).toEqual({
      required: ['EMAIL_FROM'],
      optional: ['APP_NAME', 'CLAIMS', 'VERIFIED_ONLY', 'LOG_LEVEL'],
    });
  });
});

describe('localEnvironment', () => {
  it('gives every setting with a local value that value, endpoints from the running stack', () => {
    expect(localEnvironment(SETTINGS, { sesEndpoint: 'http://127.0.0.1:8005' })).toEqual({
      EMAIL_FROM: 'Acme <hello@acme.example>',
      VERIFIED_ONLY: 'false',
      AWS_ENDPOINT_URL_SES: 'http://127.0.0.1:8005',
    });
  });
});

describe('settingsTable', () => {
  it('writes the README table: yes/no or the words, the default as code or in words, empty cells as "| |"', () => {
    expect(settingsTable(SETTINGS).split('\n')).toEqual([
      '| variable | required | default | meaning |',
      '|---|---|---|---|',
      '| `EMAIL_FROM` | yes | | sender |',
      '| `APP_NAME` | no | `our app` | product name |',
      '| `CLAIMS` | one of the two | | claims to add |',
      '| `VERIFIED_ONLY` | no | `true` | send only when verified |',
      '| `LOG_LEVEL` | no | `INFO` | `DEBUG` or `INFO` |',
      "| `AWS_ENDPOINT_URL_SES` | no | the region's endpoint | where SES is |",
    ]);
  });
});

describe('declarationProblems', () => {
  it('accepts a well-formed declaration', () => {
    expect(declarationProblems(SETTINGS)).toEqual([]);
  });

  it('names each setting that cannot be a table row or a variable, and what is wrong with it', () => {
    expect(
      declarationProblems({
        'APP-NAME': { meaning: 'product name' },
        APP_URL: { meaning: '' },
        APP_TITLE: { meaning: 'a | b' },
        TIMEOUT: { meaning: 'seconds', default: [5] },
        EMAIL_FROM: { meaning: 'sender', required: true, default: 'a@b.example' },
        LEVEL: { meaning: 'level', readBy: 'lambda' },
        STORE: 'dynamodb',
      }),
    ).toEqual([
      'APP-NAME: is not an environment variable name',
      'APP_URL: "meaning" must say what the setting does',
      'APP_TITLE: "meaning" must be one table cell: no "|" and no line break',
      'TIMEOUT: "default" must be a string, a boolean or a number',
      'EMAIL_FROM: a required setting has no default',
      'LEVEL: "readBy" must be one of app, trigger-core, aws-sdk',
      'STORE: must be an object { meaning, required?, default?, … }',
    ]);
    expect(declarationProblems(undefined)).toEqual(['SETTINGS must be an object of settings by variable name']);
  });
});

describe('README blocks', () => {
  const readme = [
    '# Some app',
    '',
    '<!-- settings:begin some-app (generated) -->',
    '| old | table |',
    '<!-- settings:end -->',
    '',
    '<!-- settings:begin other-app -->',
    '| other |',
    '<!-- settings:end -->',
    'after',
  ].join('\n');

  it('finds every generated table and the app it comes from', () => {
    expect(settingsBlocks(readme)).toEqual([
      { app: 'some-app', table: '| old | table |' },
      { app: 'other-app', table: '| other |' },
    ]);
  });

  it("replaces one app's tables and leaves the rest of the file as it was", () => {
    const written = replaceSettingsBlocks(readme, 'some-app', '| new |');
    expect(settingsBlocks(written)).toEqual([
      { app: 'some-app', table: '| new |' },
      { app: 'other-app', table: '| other |' },
    ]);
    expect(
      written.startsWith('# Some app\n\n<!-- settings:begin some-app (generated from apps/some-app/src/settings.ts'),
    ).toBe(true);
    expect(written.endsWith('<!-- settings:end -->\nafter')).toBe(true);
  });
});
