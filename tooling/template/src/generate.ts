import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadTriggers } from '@cognito-triggers/release/registry';
import type { TriggerFamilyName } from '@cognito-triggers/trigger-core';
import { deploymentOf } from './families';
import { InputError, nameProblem, resolveFamily } from './names';
import { renderApp, changesetPath, type PlannedFile } from './render';

/** The workspace folders whose packages' names a new app must not take (pnpm-workspace.yaml). */
const WORKSPACE_GLOBS = ['apps', 'packages', 'tooling'] as const;

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Every package in the workspace by the name a new app could collide with: its full name and,
 * for a scoped one, the part after the scope (an app named `trigger-core` would shadow
 * `@cognito-triggers/trigger-core` in logs, tags and `--filter`). Values are the package folders.
 */
async function workspacePackageNames(root: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const folder of WORKSPACE_GLOBS) {
    const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      try {
        const manifest = JSON.parse(await readFile(join(root, folder, entry.name, 'package.json'), 'utf8')) as {
          name?: unknown;
        };
        if (typeof manifest.name !== 'string') continue;
        const place = `${folder}/${entry.name} (${manifest.name})`;
        names.set(manifest.name, place);
        names.set(manifest.name.replace(/^@[^/]+\//, ''), place);
      } catch {
        // a folder without a readable package.json is not a package
      }
    }
  }
  return names;
}

/**
 * The checked plan for a new app: its family and every file to write. Throws an
 * {@link InputError} (and writes nothing) for a name that is not kebab-case, a name a workspace
 * package already has, an unknown family, or a family whose user pool slot an app already fills.
 *
 * @example
 * const plan = await planTrigger(root, 'signup-gate', 'PreSignUp');
 */
export async function planTrigger(
  root: string,
  name: string,
  familyInput: string,
): Promise<{ name: string; family: TriggerFamilyName; appDir: string; files: PlannedFile[] }> {
  const problem = nameProblem(name);
  if (problem) throw new InputError(problem);
  const family = resolveFamily(familyInput);
  const appDir = `apps/${name}`;
  if (await exists(join(root, appDir))) throw new InputError(`${appDir} already exists; choose another name`);
  const taken = (await workspacePackageNames(root)).get(name);
  if (taken !== undefined) {
    throw new InputError(`a workspace package is already named "${name}": ${taken}; choose another name`);
  }
  const deployment = deploymentOf(family);
  const slot = 'slot' in deployment ? deployment.slot : undefined;
  const holder =
    slot === undefined
      ? undefined
      : Object.values(loadTriggers(root)).find((trigger) => trigger.userPoolTrigger === slot);
  if (holder !== undefined) {
    throw new InputError(
      `${holder.appDir} already fills the user pool's ${slot} slot, and a pool runs one function per slot; extend ${holder.name}, or remove its "cognitoTrigger" field first`,
    );
  }
  if (await exists(join(root, changesetPath(name)))) {
    throw new InputError(`${changesetPath(name)} already exists; choose another name or remove it`);
  }
  return { name, family, appDir, files: await renderApp(name, family) };
}

/**
 * Writes a plan all or nothing: the app folder is created exclusively (so a concurrent run with
 * the same name fails instead of mixing files), and anything written is removed if a write fails.
 *
 * @example
 * await writePlan(root, await planTrigger(root, 'signup-gate', 'PreSignUp'));
 */
export async function writePlan(root: string, plan: { appDir: string; files: readonly PlannedFile[] }): Promise<void> {
  const appPath = join(root, plan.appDir);
  try {
    await mkdir(appPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new InputError(`${plan.appDir} already exists; choose another name`);
    throw error;
  }
  const written: string[] = [];
  try {
    for (const file of plan.files) {
      const target = join(root, file.path);
      await mkdir(dirname(target), { recursive: true });
      // `wx`: never overwrite a file this run did not create (the changeset above all).
      await writeFile(target, file.content, { flag: 'wx' });
      written.push(target);
    }
  } catch (error) {
    await rm(appPath, { recursive: true, force: true });
    for (const target of written) await rm(target, { force: true });
    throw error;
  }
}

/**
 * Links a new app into the workspace with `pnpm install` at the repo root: first preferring the
 * local store (no network when every package is already in it), then strictly offline. Returns
 * the command that worked, or `undefined` when both failed (the app stays; the caller says what to run).
 *
 * @example
 * const used = installWorkspace(root); // 'pnpm install --prefer-offline --no-frozen-lockfile'
 */
export function installWorkspace(root: string, run: (args: string[]) => boolean = pnpm(root)): string | undefined {
  // --no-frozen-lockfile: CI=1 makes pnpm refuse to add the new app's entry to the lockfile otherwise.
  for (const mode of ['--prefer-offline', '--offline']) {
    const args = ['install', mode, '--no-frozen-lockfile'];
    if (run(args)) return `pnpm ${args.join(' ')}`;
  }
  return undefined;
}

function pnpm(root: string): (args: string[]) => boolean {
  return (args) => spawnSync('pnpm', args, { cwd: root, stdio: 'inherit' }).status === 0;
}
