import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, type CliIo } from '../src/cli';
import { FAMILY_NAMES } from '../src/families';
import { installWorkspace, planTrigger } from '../src/generate';

let root: string;
let out: string[];
let err: string[];
let install: ReturnType<typeof vi.fn<(root: string) => string | undefined>>;

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1)).sort();
}

function io(answers?: string[]): CliIo {
  const queue = [...(answers ?? [])];
  return {
    root,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    install,
    ...(answers
      ? { ask: (question: string) => Promise.resolve(queue.shift() ?? `no answer left for: ${question}`) }
      : {}),
  };
}

beforeEach(async () => {
  // A tiny workspace: the generator needs only the root marker, apps/ and .changeset/.
  root = await mkdtemp(join(tmpdir(), 'gen-cli-'));
  await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  await mkdir(join(root, 'apps', 'post-confirmation'), { recursive: true });
  await writeFile(join(root, 'apps', 'post-confirmation', 'package.json'), '{ "name": "post-confirmation" }');
  await mkdir(join(root, 'packages', 'trigger-core'), { recursive: true });
  await writeFile(
    join(root, 'packages', 'trigger-core', 'package.json'),
    '{ "name": "@cognito-triggers/trigger-core" }',
  );
  // A deployed app holding the preAuthentication slot.
  await mkdir(join(root, 'apps', 'login-audit'), { recursive: true });
  await writeFile(
    join(root, 'apps', 'login-audit', 'package.json'),
    JSON.stringify({
      name: 'login-audit',
      cognitoTrigger: {
        slot: 'preAuthentication',
        environment: { required: [], optional: [] },
        awsAccess: 'none',
        timeoutSeconds: 5,
        memoryMiB: 256,
      },
    }),
  );
  await mkdir(join(root, 'tooling', 'odd-folder'), { recursive: true });
  await writeFile(join(root, 'tooling', 'odd-folder', 'package.json'), '{ "name": "shared-name" }');
  await mkdir(join(root, '.changeset'));
  out = [];
  err = [];
  install = vi.fn<(root: string) => string | undefined>(() => 'pnpm install --prefer-offline --no-frozen-lockfile');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('pnpm gen trigger without prompts', () => {
  it('creates the app and its changeset from flags, installs once, and says what to do next', async () => {
    expect(await main(['trigger', '--name', 'demo-gate', '--family', 'PostAuthentication'], io())).toBe(0);
    expect(await listTree(join(root, 'apps', 'demo-gate'))).toEqual([
      'CHANGELOG.md',
      'README.md',
      'eslint.config.js',
      'package.json',
      'src',
      'src/config.ts',
      'src/decide.ts',
      'src/handler.ts',
      'src/settings.ts',
      'test',
      'test/bundle.test.ts',
      'test/config.test.ts',
      'test/failure-policy.test.ts',
      'test/handler.test.ts',
      'tsconfig.json',
      'vitest.config.ts',
    ]);
    expect(await readFile(join(root, '.changeset', 'new-trigger-demo-gate.md'), 'utf8')).toContain(
      '"demo-gate": minor',
    );
    expect(install).toHaveBeenCalledExactlyOnceWith(root);
    expect(out.join('\n')).toMatch(
      /Created apps\/demo-gate, a PostAuthentication trigger \(version 0\.1\.0, fails open\)/,
    );
    expect(out.join('\n')).toContain('pnpm build && pnpm test --filter=demo-gate');
    expect(err).toEqual([]);
  });

  it('takes the name and family as positional arguments, the family in any case', async () => {
    expect(await main(['trigger', 'sms-out', 'custom-sms-sender'], io())).toBe(0);
    expect(await readFile(join(root, 'apps', 'sms-out', 'src', 'handler.ts'), 'utf8')).toContain(
      'defineTrigger(customSmsSender,',
    );
  });

  it('skips the install with --skip-install and says to run it', async () => {
    expect(await main(['trigger', '--name', 'quiet', '--family', 'PostAuthentication', '--skip-install'], io())).toBe(
      0,
    );
    expect(install).not.toHaveBeenCalled();
    expect(out.join('\n')).toContain('run "pnpm install" at the repo root next');
  });

  it('keeps the app and exits 2, naming the command to run, when pnpm install fails', async () => {
    install.mockReturnValue(undefined);
    expect(await main(['trigger', '--name', 'offline-app', '--family', 'CustomMessage'], io())).toBe(2);
    expect(await readdir(join(root, 'apps'))).toContain('offline-app');
    expect(err.join('\n')).toContain('Run "pnpm install" at the repo root');
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a name that is not kebab-case',
      ['trigger', '--name', 'DemoGate', '--family', 'PreSignUp'],
      /the name "DemoGate" is not kebab-case.*"demo-gate"/,
    ],
    ['a name that escapes apps/', ['trigger', '--name', '../evil', '--family', 'PreSignUp'], /is not kebab-case/],
    [
      'an app that already exists',
      ['trigger', '--name', 'post-confirmation', '--family', 'PreSignUp'],
      /apps\/post-confirmation already exists/,
    ],
    [
      'the name of another workspace package',
      ['trigger', '--name', 'shared-name', '--family', 'PreSignUp'],
      /a workspace package is already named "shared-name"/,
    ],
    [
      'the unscoped name of a scoped workspace package',
      ['trigger', '--name', 'trigger-core', '--family', 'PreSignUp'],
      /a workspace package is already named "trigger-core": packages\/trigger-core \(@cognito-triggers\/trigger-core\)/,
    ],
    [
      'a family whose user pool slot an app already fills',
      ['trigger', '--name', 'signup-gate', '--family', 'PreAuthentication'],
      /apps\/login-audit already fills the user pool's preAuthentication slot, and a pool runs one function per slot/,
    ],
    [
      'an unknown family',
      ['trigger', '--name', 'demo-gate', '--family', 'PreLogin'],
      new RegExp(`unknown trigger family "PreLogin"; choose one of: ${FAMILY_NAMES.join(', ')}`),
    ],
    ['an unknown generator', ['component', 'demo-gate'], /unknown generator "component"; the generators are: trigger/],
    [
      'a missing name outside a terminal',
      ['trigger', '--family', 'PreSignUp'],
      /--name is required when not run in a terminal/,
    ],
    [
      'a missing family outside a terminal',
      ['trigger', 'demo-gate'],
      /--family is required when not run in a terminal; one of: PreSignUp, /,
    ],
    ['two different names', ['trigger', 'a-gate', '--name', 'b-gate', '--family', 'PreSignUp'], /two names given/],
    ['extra arguments', ['trigger', 'a-gate', 'PreSignUp', 'more'], /unexpected arguments: more/],
    ['an unknown flag', ['trigger', '--nam', 'a-gate'], /Unknown option '--nam'/],
  ];

  it.each(cases)('refuses %s', async (_label, argv, message) => {
    const before = await listTree(root);
    expect(await main(argv, io())).toBe(1);
    expect(err.join('\n')).toMatch(message);
    expect(await listTree(root)).toEqual(before);
    expect(install).not.toHaveBeenCalled();
  });

  it('does not overwrite a changeset of the same name', async () => {
    await writeFile(join(root, '.changeset', 'new-trigger-demo-gate.md'), 'kept');
    expect(await main(['trigger', 'demo-gate', 'PreSignUp'], io())).toBe(1);
    expect(await readFile(join(root, '.changeset', 'new-trigger-demo-gate.md'), 'utf8')).toBe('kept');
    expect(await readdir(join(root, 'apps'))).toEqual(expect.not.arrayContaining(['demo-gate']));
  });
});

describe("this repository's own apps and packages", () => {
  // planTrigger writes nothing, so the real workspace is safe to ask.
  const repository = join(import.meta.dirname, '..', '..', '..');

  it.each([
    [
      'signup-gate',
      'PreSignUp',
      /apps\/pre-sign-up already fills the user pool's preSignUp slot, and a pool runs one function per slot/,
    ],
    [
      'trigger-core',
      'PostAuthentication',
      /a workspace package is already named "trigger-core": packages\/trigger-core/,
    ],
  ])('refuse pnpm gen trigger --name %s --family %s', async (name, family, message) => {
    await expect(planTrigger(repository, name, family)).rejects.toThrow(message);
  });
});

describe('pnpm gen trigger in a terminal', () => {
  it('asks for the name and the family, again after a bad answer, and accepts a family by number', async () => {
    const answers = [
      'Demo Gate',
      'post-confirmation',
      'demo-gate',
      'PreLogin',
      String(FAMILY_NAMES.indexOf('DefineAuthChallenge') + 1),
    ];
    expect(await main(['trigger'], io(answers))).toBe(0);
    expect(err.join('\n')).toMatch(/"Demo Gate" is not kebab-case/);
    expect(err.join('\n')).toMatch(/apps\/post-confirmation already exists/);
    expect(err.join('\n')).toMatch(/unknown trigger family "PreLogin"/);
    expect(out).toContain('   7. DefineAuthChallenge');
    expect(await readFile(join(root, 'apps', 'demo-gate', 'src', 'handler.ts'), 'utf8')).toContain(
      'defineTrigger(defineAuthChallenge,',
    );
  });

  it('asks only for what the flags left out', async () => {
    expect(await main(['trigger', '--name', 'm2m-claims'], io(['pre-token-generation']))).toBe(0);
    expect(await readFile(join(root, 'apps', 'm2m-claims', 'package.json'), 'utf8')).toContain('"name": "m2m-claims"');
  });

  it('prints its usage for --help', async () => {
    expect(await main(['trigger', '--help'], io())).toBe(0);
    expect(out.join('\n')).toContain('Usage: pnpm gen trigger [<name> [<family>]]');
  });
});

describe('installWorkspace', () => {
  it('prefers the local store, falls back to offline, and reports when both fail', () => {
    const calls: string[][] = [];
    expect(installWorkspace(root, (args) => (calls.push(args), false))).toBeUndefined();
    expect(calls).toEqual([
      ['install', '--prefer-offline', '--no-frozen-lockfile'],
      ['install', '--offline', '--no-frozen-lockfile'],
    ]);
    expect(installWorkspace(root, (args) => args.includes('--offline'))).toBe(
      'pnpm install --offline --no-frozen-lockfile',
    );
  });
});
