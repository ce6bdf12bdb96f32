import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRIGGERS, findWorkspaceRoot, functionEnvironment, functionNameFor, readTriggerSettings } from '../src/index';

const root = findWorkspaceRoot(import.meta.dirname);

describe('the trigger registry', () => {
  // A new app (from `pnpm gen trigger`) builds and tests before it is deployable: it joins the
  // registry when its team wants it deployed, and deploy-trigger names the registry until then.
  it('lists only apps that exist and can be packaged, under their package names', async () => {
    const packaged: string[] = [];
    for (const dir of await readdir(join(root, 'apps'))) {
      const manifest = JSON.parse(await readFile(join(root, 'apps', dir, 'package.json'), 'utf8')) as {
        name: string;
        scripts?: Record<string, string>;
      };
      if (manifest.scripts?.package) packaged.push(manifest.name);
    }
    for (const name of Object.keys(TRIGGERS)) expect(packaged).toContain(name);
    for (const trigger of Object.values(TRIGGERS)) {
      expect(trigger.appDir).toBe(`apps/${trigger.name}`);
    }
  });

  it('gives every trigger a timeout under the 5 seconds Cognito waits', () => {
    for (const trigger of Object.values(TRIGGERS)) expect(trigger.timeoutSeconds).toBeLessThanOrEqual(5);
  });
});

describe('functionNameFor', () => {
  it('prefixes the app name with cognito- by default', () => {
    expect(functionNameFor('post-confirmation')).toBe('cognito-post-confirmation');
  });

  it('uses TRIGGER_FUNCTION_PREFIX when set', () => {
    expect(functionNameFor('post-confirmation', { TRIGGER_FUNCTION_PREFIX: 'staging-' })).toBe('staging-post-confirmation');
  });
});

describe('readTriggerSettings', () => {
  const trigger = TRIGGERS['post-confirmation'];

  it('keeps the variables the trigger reads and drops everything else in the environment', () => {
    const settings = readTriggerSettings(trigger, { EMAIL_FROM: ' hello@acme.example ', APP_NAME: 'Acme', HOME: '/root', APP_URL: '' }, 'function');
    expect(settings).toEqual({ environment: { EMAIL_FROM: 'hello@acme.example', APP_NAME: 'Acme' } });
  });

  it('needs the SES identity ARN for infrastructure, but not for a code deploy', () => {
    expect(() => readTriggerSettings(trigger, { EMAIL_FROM: 'hello@acme.example' }, 'infrastructure')).toThrow(
      'post-confirmation needs SES_IDENTITY_ARN',
    );
    expect(() => readTriggerSettings(trigger, { EMAIL_FROM: 'hello@acme.example' }, 'function')).not.toThrow();
  });

  it('names every missing variable at once', () => {
    expect(() => readTriggerSettings(trigger, {}, 'infrastructure')).toThrow('needs EMAIL_FROM, SES_IDENTITY_ARN');
  });
});

describe('functionEnvironment', () => {
  it('adds source-mapped stack traces and sorts the variables', () => {
    expect(Object.entries(functionEnvironment({ environment: { EMAIL_FROM: 'a@b.example', APP_NAME: 'Acme' } }))).toEqual([
      ['APP_NAME', 'Acme'],
      ['EMAIL_FROM', 'a@b.example'],
      ['NODE_OPTIONS', '--enable-source-maps'],
    ]);
  });
});
