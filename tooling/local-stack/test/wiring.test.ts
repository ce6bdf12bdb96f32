import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFunctions, resolveFunctions, triggerKeyOfSlot, type FunctionWiring } from '../src/index';

const root = mkdtempSync(join(tmpdir(), 'wiring-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function app(name: string, built: boolean): void {
  mkdirSync(join(root, 'apps', name, 'dist'), { recursive: true });
  writeFileSync(join(root, 'apps', name, 'package.json'), JSON.stringify({ name }));
  if (built) writeFileSync(join(root, 'apps', name, 'dist', 'index.mjs'), 'export const handler = async (e) => e;');
}

const row = (name: string, trigger: FunctionWiring['trigger']): FunctionWiring => ({
  app: name,
  trigger,
  environment: () => ({}),
});

describe('resolveFunctions', () => {
  it('wires built apps and skips, with a reason, the ones not built or not in the workspace', () => {
    app('post-confirmation', true);
    app('pre-sign-up', false);
    const { wired, skipped } = resolveFunctions(
      [
        row('post-confirmation', 'PostConfirmation'),
        row('pre-sign-up', 'PreSignUp'),
        row('custom-message', 'CustomMessage'),
      ],
      root,
    );
    expect(wired.map((entry) => entry.wiring.app)).toEqual(['post-confirmation']);
    expect(wired[0]?.bundlePath).toBe(join(root, 'apps', 'post-confirmation', 'dist', 'index.mjs'));
    expect(skipped).toEqual([
      {
        app: 'pre-sign-up',
        trigger: 'PreSignUp',
        reason: 'is not built (no apps/pre-sign-up/dist/index.mjs): run pnpm build',
      },
      { app: 'custom-message', trigger: 'CustomMessage', reason: 'is not in this workspace yet' },
    ]);
  });

  it('refuses a table that wires one trigger twice, since Cognito runs one function per trigger', () => {
    expect(() => resolveFunctions([row('a', 'PreSignUp'), row('b', 'PreSignUp')], root)).toThrow(
      'wires PreSignUp twice',
    );
  });
});

describe('loadFunctions', () => {
  it('wires each app for the trigger its cognitoTrigger.slot names, with its declared local values, says why it skips those cognito-local cannot call or wires on request only, and leaves out those with no cognitoTrigger field', async () => {
    const fixture = mkdtempSync(join(tmpdir(), 'wiring-apps-'));
    try {
      const appWith = (name: string, manifest: object, settings?: string) => {
        mkdirSync(join(fixture, 'apps', name, 'src'), { recursive: true });
        writeFileSync(join(fixture, 'apps', name, 'package.json'), JSON.stringify({ name, ...manifest }));
        if (settings) writeFileSync(join(fixture, 'apps', name, 'src', 'settings.ts'), settings);
      };
      appWith(
        'welcome',
        { cognitoTrigger: { slot: 'postConfirmation' } },
        `export const SETTINGS = {
  APP_NAME: { meaning: 'product name', local: 'Acme' },
  APP_URL: { meaning: 'link' },
  AWS_ENDPOINT_URL_SES: { meaning: 'SES', readBy: 'aws-sdk', local: ({ sesEndpoint }) => sesEndpoint },
};
`,
      );
      appWith('challenge', { cognitoTrigger: { slot: 'defineAuthChallenge' } });
      appWith('sender', { cognitoTrigger: { slot: 'customEmailSender' } });
      appWith('library', {});
      const { table, skipped } = await loadFunctions(fixture);
      expect(table.map((wiring) => [wiring.app, wiring.trigger])).toEqual([['welcome', 'PostConfirmation']]);
      expect(table[0]?.environment({ sesEndpoint: 'http://127.0.0.1:1' })).toEqual({
        APP_NAME: 'Acme',
        AWS_ENDPOINT_URL_SES: 'http://127.0.0.1:1',
      });
      expect(skipped).toEqual([
        {
          app: 'challenge',
          trigger: 'DefineAuthChallenge',
          reason: 'is not wired: cognito-local does not call DefineAuthChallenge triggers',
        },
        {
          app: 'sender',
          trigger: 'CustomEmailSender',
          reason: expect.stringContaining('is wired only on request (appFunctionOf)') as string,
        },
      ]);
    } finally {
      rmSync(fixture, { recursive: true, force: true });
    }
  });

  it('wires every trigger of this repository at most once', async () => {
    const { table } = await loadFunctions();
    expect(() => resolveFunctions(table)).not.toThrow();
    expect(table.length).toBeGreaterThan(0);
  });

  it('points post-confirmation at the SES endpoint it is given and at nothing of this process', async () => {
    const { table } = await loadFunctions();
    const environment = table
      .find((wiring) => wiring.app === 'post-confirmation')
      ?.environment({ sesEndpoint: 'http://127.0.0.1:1' });
    expect(environment).toMatchObject({
      AWS_ENDPOINT_URL_SES: 'http://127.0.0.1:1',
      EMAIL_FROM: 'Acme <hello@acme.example>',
    });
    expect(Object.keys(environment ?? {})).not.toContain('PATH');
  });

  it('points user-migration at the DynamoDB endpoint it is given, and has the stack start one for it', async () => {
    const { table } = await loadFunctions();
    const row = table.find((wiring) => wiring.app === 'user-migration');
    expect(row?.uses).toEqual(['dynamodb']);
    expect(row?.environment({ sesEndpoint: 'http://127.0.0.1:1', dynamodbEndpoint: 'http://127.0.0.1:2' })).toEqual({
      LEGACY_TABLE_NAME: 'legacy-users',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:2',
      ATTRIBUTE_MAP: 'first_name=given_name,tenant=custom:tenant_id',
    });
  });
});

describe('triggerKeyOfSlot', () => {
  it("names a slot's trigger as a user pool's LambdaConfig does", () => {
    expect(triggerKeyOfSlot('preSignUp')).toBe('PreSignUp');
    expect(triggerKeyOfSlot('verifyAuthChallengeResponse')).toBe('VerifyAuthChallengeResponse');
    expect(triggerKeyOfSlot('customSmsSender')).toBe('CustomSMSSender');
    expect(triggerKeyOfSlot('preSignIn')).toBeUndefined();
  });
});
