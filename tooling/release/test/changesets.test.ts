import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findWorkspaceRoot } from '../src/index';

const root = findWorkspaceRoot(import.meta.dirname);
const changesetBin = fileURLToPath(import.meta.resolve('@changesets/cli/bin.js'));
let copy: string;

/**
 * A copy of the workspace's manifests (no sources: changesets reads only package.json files and
 * .changeset/ without its pending changesets), with every trigger app, so that "only that app"
 * means something.
 */
beforeEach(async () => {
  copy = await mkdtemp(join(tmpdir(), 'changesets-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) {
    await cp(join(root, file), join(copy, file), { recursive: true });
  }
  for (const group of ['apps', 'packages', 'tooling']) {
    for (const dir of await readdir(join(root, group))) {
      if (!existsSync(join(root, group, dir, 'package.json'))) continue;
      await mkdir(join(copy, group, dir), { recursive: true });
      await cp(join(root, group, dir, 'package.json'), join(copy, group, dir, 'package.json'));
    }
  }
  // The changelog generator is resolved from the repository; the copy borrows the real node_modules.
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterEach(async () => {
  await rm(copy, { recursive: true, force: true });
});

async function addChangeset(
  id: string,
  bumps: Record<string, 'patch' | 'minor' | 'major'>,
  summary: string,
): Promise<void> {
  const header = Object.entries(bumps)
    .map(([name, bump]) => `"${name}": ${bump}`)
    .join('\n');
  await writeFile(join(copy, '.changeset', `${id}.md`), `---\n${header}\n---\n\n${summary}\n`);
}

/** git as changesets calls it, with an identity and no signing, whatever the machine's git config says. */
const GIT_ENVIRONMENT = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_COUNT: '2',
  GIT_CONFIG_KEY_0: 'commit.gpgsign',
  GIT_CONFIG_VALUE_0: 'false',
  GIT_CONFIG_KEY_1: 'tag.gpgsign',
  GIT_CONFIG_VALUE_1: 'false',
};

function changeset(...args: string[]): string {
  return execFileSync(process.execPath, [changesetBin, ...args], {
    cwd: copy,
    env: GIT_ENVIRONMENT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function versionOf(dir: string): Promise<string> {
  return (JSON.parse(await readFile(join(copy, dir, 'package.json'), 'utf8')) as { version: string }).version;
}

async function versions(): Promise<Record<string, string>> {
  return {
    'post-confirmation': await versionOf('apps/post-confirmation'),
    'custom-message': await versionOf('apps/custom-message'),
    'trigger-core': await versionOf('packages/trigger-core'),
  };
}

describe('changesets', () => {
  it('versions and tags private packages, and bumps dependents on internal changes', async () => {
    const config = JSON.parse(await readFile(join(root, '.changeset', 'config.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(config).toMatchObject({
      privatePackages: { version: true, tag: true },
      updateInternalDependencies: 'patch',
      baseBranch: 'main',
    });
  });

  it('bumps only the app a changeset names, and writes only its changelog', async () => {
    const before = await versions();
    await addChangeset('welcome-copy', { 'post-confirmation': 'patch' }, 'Friendlier welcome e-mail.');

    changeset('version');

    expect(await versions()).toEqual({ ...before, 'post-confirmation': '0.1.1' });
    expect(await readFile(join(copy, 'apps', 'post-confirmation', 'CHANGELOG.md'), 'utf8')).toContain(
      'Friendlier welcome e-mail.',
    );
    expect(existsSync(join(copy, 'apps', 'custom-message', 'CHANGELOG.md'))).toBe(false);
  });

  it('bumps every app that bundles trigger-core when trigger-core changes', async () => {
    await addChangeset(
      'core-deadline',
      { '@cognito-triggers/trigger-core': 'minor' },
      'Give up 300 ms before the deadline.',
    );

    changeset('version');

    expect(await versions()).toEqual({
      'post-confirmation': '0.1.1',
      'custom-message': '0.1.1',
      'trigger-core': '0.2.0',
    });
    for (const app of ['post-confirmation', 'custom-message']) {
      expect(await readFile(join(copy, 'apps', app, 'CHANGELOG.md'), 'utf8')).toContain(
        '@cognito-triggers/trigger-core@0.2.0',
      );
    }
  });

  it('tags each bumped app as <name>@<version>, which is what the release workflow deploys', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: copy,
        env: GIT_ENVIRONMENT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    git('init', '--quiet', '--initial-branch=main');
    git('commit', '--quiet', '--allow-empty', '-m', 'start');
    for (const dir of ['apps/post-confirmation', 'apps/custom-message', 'packages/trigger-core']) {
      const name = (JSON.parse(await readFile(join(copy, dir, 'package.json'), 'utf8')) as { name: string }).name;
      git('tag', `${name}@${await versionOf(dir)}`);
    }
    await addChangeset('welcome-copy', { 'post-confirmation': 'patch' }, 'Friendlier welcome e-mail.');
    changeset('version');
    await writeFile(join(copy, '.gitignore'), 'node_modules\n');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'Release trigger apps');

    const output = changeset('tag');

    expect(git('tag', '--points-at', 'HEAD').split('\n')).toContain('post-confirmation@0.1.1');
    expect(git('tag', '--points-at', 'HEAD')).not.toMatch(/custom-message|trigger-core/);
    expect(output).toMatch(/New tag:\s+post-confirmation@0\.1\.1/);
  }, 60_000);
});
