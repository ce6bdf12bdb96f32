import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ReleaseConfigurationError,
  USER_POOL_TRIGGER_SLOTS,
  findTrigger,
  findWorkspaceRoot,
  functionEnvironment,
  functionNameFor,
  loadTriggers,
  readTriggerSettings,
} from '../src/index';
import { POST_CONFIRMATION_FIELD } from './fixture';

const root = findWorkspaceRoot(import.meta.dirname);

/** A throwaway workspace whose apps/ holds the given package.json contents, by folder name. */
async function workspaceWith(apps: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trigger-registry-'));
  await writeFile(join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  for (const [folder, manifest] of Object.entries(apps)) {
    await mkdir(join(dir, 'apps', folder), { recursive: true });
    await writeFile(
      join(dir, 'apps', folder, 'package.json'),
      typeof manifest === 'string' ? manifest : JSON.stringify(manifest),
    );
  }
  return dir;
}

const GATE_FIELD = {
  slot: 'preAuthentication',
  environment: { required: [], optional: ['LOG_LEVEL'] },
  awsAccess: 'none',
  timeoutSeconds: 5,
  memoryMiB: 256,
};

/** The message of what `load` throws; fails the test when it throws nothing or something else. */
function problemOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseConfigurationError);
    return (error as ReleaseConfigurationError).message;
  }
  throw new Error('expected a ReleaseConfigurationError');
}

describe('the trigger registry of this repository', () => {
  it('holds the four shipped triggers with the settings their package.json files give', () => {
    const triggers = loadTriggers(root);
    expect(triggers['post-confirmation']).toMatchObject({
      appDir: 'apps/post-confirmation',
      userPoolTrigger: 'postConfirmation',
      awsAccess: 'ses-send',
      memoryMiB: 512,
    });
    expect(triggers['post-confirmation']?.environment.required).toEqual(['EMAIL_FROM']);
    expect(triggers['pre-sign-up']).toMatchObject({ userPoolTrigger: 'preSignUp', awsAccess: 'none', memoryMiB: 256 });
    expect(triggers['custom-message']).toMatchObject({
      userPoolTrigger: 'customMessage',
      environment: { required: ['APP_NAME'] },
    });
    expect(triggers['pre-token-generation']).toMatchObject({
      userPoolTrigger: 'preTokenGeneration',
      environment: { required: [] },
    });
    expect(triggers['custom-email-sender']).toMatchObject({
      userPoolTrigger: 'customEmailSender',
      lambdaVersion: 'V1_0',
      awsAccess: 'ses-send',
      environment: { required: ['EMAIL_FROM', 'KMS_KEY_ARN', 'APP_NAME'] },
    });
  });

  // Only the field makes an app deployable, so a deployable app must also be one `pnpm package` can ship.
  it('lists only apps that can be packaged, each in the folder named after it', async () => {
    for (const trigger of Object.values(loadTriggers(root))) {
      const manifest = JSON.parse(await readFile(join(root, trigger.appDir, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      };
      expect(manifest.scripts?.package, trigger.name).toBeDefined();
      expect(trigger.appDir).toBe(`apps/${trigger.name}`);
    }
  });

  it('gives every trigger a timeout under the 5 seconds Cognito waits', () => {
    for (const trigger of Object.values(loadTriggers(root))) expect(trigger.timeoutSeconds).toBeLessThanOrEqual(5);
  });
});

describe('loadTriggers', () => {
  let workspace: string;

  beforeEach(async () => {
    workspace = await workspaceWith({
      'login-gate': { name: 'login-gate', version: '0.1.0', cognitoTrigger: GATE_FIELD },
      'post-confirmation': { name: 'post-confirmation', version: '0.2.0', cognitoTrigger: POST_CONFIRMATION_FIELD },
      'not-yet-deployed': { name: 'not-yet-deployed', version: '0.1.0' },
    });
  });

  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('makes every app with a cognitoTrigger field a trigger, under its package name, and leaves the others out', () => {
    const triggers = loadTriggers(workspace);
    expect(Object.keys(triggers)).toEqual(['login-gate', 'post-confirmation']);
    expect(triggers['post-confirmation']).toMatchObject({ userPoolTrigger: 'postConfirmation', awsAccess: 'ses-send' });
    expect(triggers['login-gate']).toEqual({
      name: 'login-gate',
      appDir: 'apps/login-gate',
      userPoolTrigger: 'preAuthentication',
      environment: { required: [], optional: ['LOG_LEVEL'] },
      awsAccess: 'none',
      timeoutSeconds: 5,
      memoryMiB: 256,
    });
  });

  it('sees an app added after an earlier load', async () => {
    expect(Object.keys(loadTriggers(workspace))).not.toContain('late-gate');
    await mkdir(join(workspace, 'apps', 'late-gate'));
    await writeFile(
      join(workspace, 'apps', 'late-gate', 'package.json'),
      JSON.stringify({ name: 'late-gate', cognitoTrigger: GATE_FIELD }),
    );
    expect(Object.keys(loadTriggers(workspace))).toContain('late-gate');
  });

  it('refuses an unknown slot, listing the valid ones', async () => {
    const bad = await workspaceWith({
      'login-gate': { name: 'login-gate', cognitoTrigger: { ...GATE_FIELD, slot: 'preSignIn' } },
    });
    try {
      expect(problemOf(() => loadTriggers(bad))).toBe(
        `apps/login-gate/package.json: "cognitoTrigger.slot" must be one of ${USER_POOL_TRIGGER_SLOTS.join(', ')} (got "preSignIn")`,
      );
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it.each([
    [
      'a missing awsAccess',
      { ...GATE_FIELD, awsAccess: undefined },
      '"cognitoTrigger.awsAccess" must be one of none, ses-send, legacy-user-store',
    ],
    [
      'a timeout Cognito would not wait for',
      { ...GATE_FIELD, timeoutSeconds: 6 },
      '"cognitoTrigger.timeoutSeconds" must be a whole number from 1 to 5',
    ],
    [
      'memory as text',
      { ...GATE_FIELD, memoryMiB: '256' },
      '"cognitoTrigger.memoryMiB" must be a whole number from 128 to 10240',
    ],
    ['a misspelt field', { ...GATE_FIELD, memoryMb: 256 }, '"cognitoTrigger.memoryMb" is not a known field'],
    [
      'environment as a list',
      { ...GATE_FIELD, environment: ['LOG_LEVEL'] },
      '"cognitoTrigger.environment" must be an object',
    ],
    [
      'no optional list',
      { ...GATE_FIELD, environment: { required: [] } },
      '"cognitoTrigger.environment.optional" must be a list',
    ],
    [
      'a bad variable name',
      { ...GATE_FIELD, environment: { required: ['LOG LEVEL'], optional: [] } },
      '"cognitoTrigger.environment.required" holds "LOG LEVEL"',
    ],
    [
      'a variable both required and optional',
      { ...GATE_FIELD, environment: { required: ['A'], optional: ['A'] } },
      'lists A as both required and optional',
    ],
    [
      'an e-mail sender that does not require EMAIL_FROM',
      { ...GATE_FIELD, awsAccess: 'ses-send', environment: { required: [], optional: ['EMAIL_FROM'] } },
      '"cognitoTrigger.environment.required" must list EMAIL_FROM for awsAccess "ses-send"',
    ],
    ['a field that is not an object', 'preAuthentication', '"cognitoTrigger" must be an object'],
  ])('names the app and the field for %s', async (_case, field, expected) => {
    const bad = await workspaceWith({ 'login-gate': { name: 'login-gate', cognitoTrigger: field } });
    try {
      const message = problemOf(() => loadTriggers(bad));
      expect(message).toContain('apps/login-gate/package.json: ');
      expect(message).toContain(expected);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('gives pre-token generation event version V2_0 unless the app declares another, and only slots with versions take one', async () => {
    const apps = await workspaceWith({
      tokens: { name: 'tokens', cognitoTrigger: { ...GATE_FIELD, slot: 'preTokenGeneration' } },
      'tokens-v3': {
        name: 'tokens-v3',
        cognitoTrigger: { ...GATE_FIELD, slot: 'preTokenGeneration', lambdaVersion: 'V3_0' },
      },
    });
    const wrong = await workspaceWith({
      tokens: { name: 'tokens', cognitoTrigger: { ...GATE_FIELD, slot: 'preTokenGeneration', lambdaVersion: 'V4_0' } },
    });
    const pointless = await workspaceWith({
      'login-gate': { name: 'login-gate', cognitoTrigger: { ...GATE_FIELD, lambdaVersion: 'V1_0' } },
    });
    try {
      expect(loadTriggers(apps).tokens?.lambdaVersion).toBe('V2_0');
      expect(loadTriggers(apps)['tokens-v3']?.lambdaVersion).toBe('V3_0');
      expect(problemOf(() => loadTriggers(wrong))).toBe(
        'apps/tokens/package.json: "cognitoTrigger.lambdaVersion" must be one of V1_0, V2_0, V3_0 for preTokenGeneration (got "V4_0")',
      );
      expect(problemOf(() => loadTriggers(pointless))).toBe(
        'apps/login-gate/package.json: "cognitoTrigger.lambdaVersion" is only for slots with event versions; preAuthentication has none',
      );
    } finally {
      for (const dir of [apps, wrong, pointless]) await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a package name that cannot name a function, and two apps with one name', async () => {
    const bad = await workspaceWith({
      'login-gate': { name: '@acme/login-gate', cognitoTrigger: GATE_FIELD },
    });
    const twins = await workspaceWith({
      a: { name: 'login-gate', cognitoTrigger: GATE_FIELD },
      b: { name: 'login-gate', cognitoTrigger: GATE_FIELD },
    });
    try {
      expect(problemOf(() => loadTriggers(bad))).toContain(
        'apps/login-gate/package.json: "name" must be a kebab-case package name',
      );
      expect(problemOf(() => loadTriggers(twins))).toContain(
        'apps/b/package.json: "name" login-gate is also the name of apps/a',
      );
    } finally {
      await rm(bad, { recursive: true, force: true });
      await rm(twins, { recursive: true, force: true });
    }
  });

  it('names a package.json that is not JSON', async () => {
    const bad = await workspaceWith({ 'login-gate': '{ "name": ' });
    try {
      expect(problemOf(() => loadTriggers(bad))).toContain('apps/login-gate/package.json is not valid JSON');
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('finds a trigger by name, and lists the known ones for an unknown name', () => {
    expect(findTrigger('login-gate', workspace).userPoolTrigger).toBe('preAuthentication');
    expect(problemOf(() => findTrigger('not-yet-deployed', workspace))).toBe(
      'unknown trigger "not-yet-deployed"; known triggers: login-gate, post-confirmation (an app is deployable once its package.json has a "cognitoTrigger" field; see docs/release-and-deploy.md)',
    );
  });
});

describe('functionNameFor', () => {
  it('prefixes the app name with cognito- by default', () => {
    expect(functionNameFor('post-confirmation')).toBe('cognito-post-confirmation');
  });

  it('uses TRIGGER_FUNCTION_PREFIX when set', () => {
    expect(functionNameFor('post-confirmation', { TRIGGER_FUNCTION_PREFIX: 'staging-' })).toBe(
      'staging-post-confirmation',
    );
  });
});

describe('readTriggerSettings', () => {
  const trigger = findTrigger('post-confirmation', root);

  it('keeps the variables the trigger reads and drops everything else in the environment', () => {
    const settings = readTriggerSettings(
      trigger,
      { EMAIL_FROM: ' hello@acme.example ', APP_NAME: 'Acme', HOME: '/root', APP_URL: '' },
      'function',
    );
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
    expect(
      Object.entries(functionEnvironment({ environment: { EMAIL_FROM: 'a@b.example', APP_NAME: 'Acme' } })),
    ).toEqual([
      ['APP_NAME', 'Acme'],
      ['EMAIL_FROM', 'a@b.example'],
      ['NODE_OPTIONS', '--enable-source-maps'],
    ]);
  });
});
