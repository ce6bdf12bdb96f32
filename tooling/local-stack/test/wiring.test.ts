import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, resolveFunctions, type FunctionWiring } from '../src/index';

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

describe('FUNCTIONS', () => {
  it('wires every trigger at most once', () => {
    expect(() => resolveFunctions(FUNCTIONS, root)).not.toThrow();
  });

  it('points post-confirmation at the SES endpoint it is given and at nothing of this process', () => {
    const environment = FUNCTIONS.find((wiring) => wiring.app === 'post-confirmation')?.environment({
      sesEndpoint: 'http://127.0.0.1:1',
    });
    expect(environment).toMatchObject({
      AWS_ENDPOINT_URL_SES: 'http://127.0.0.1:1',
      EMAIL_FROM: 'Acme <hello@acme.example>',
    });
  });
});
