import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppManifestError, findWorkspaceRoot, listTriggerApps } from '../src/index';

const root = mkdtempSync(join(tmpdir(), 'workspace-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');

function file(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('findWorkspaceRoot', () => {
  it('finds the folder holding pnpm-workspace.yaml from a folder below it, or from itself', () => {
    mkdirSync(join(root, 'apps', 'deep', 'src'), { recursive: true });
    expect(findWorkspaceRoot(join(root, 'apps', 'deep', 'src'))).toBe(root);
    expect(findWorkspaceRoot(root)).toBe(root);
  });

  it('finds this repository from this package', () => {
    expect(findWorkspaceRoot(import.meta.dirname)).toBe(join(import.meta.dirname, '..', '..', '..'));
  });

  it('says what is missing outside a repository', () => {
    expect(() => findWorkspaceRoot('/')).toThrow(
      'no pnpm-workspace.yaml at or above /: run this inside the repository',
    );
  });
});

describe('listTriggerApps', () => {
  it('lists every folder of apps/ with a package.json, sorted, with its name and cognitoTrigger field', () => {
    file('apps/zeta/package.json', JSON.stringify({ name: '@acme/zeta' }));
    file('apps/alpha/package.json', JSON.stringify({ name: 'alpha', cognitoTrigger: { slot: 'preSignUp' } }));
    file('apps/leftover/README.md', 'a folder a removed app left behind');
    const apps = listTriggerApps(root);
    expect(apps.map((app) => [app.dir, app.appDir, app.packageName, app.name])).toEqual([
      ['alpha', 'apps/alpha', 'alpha', 'alpha'],
      ['zeta', 'apps/zeta', '@acme/zeta', 'zeta'],
    ]);
    expect(apps[0]?.path).toBe(join(root, 'apps', 'alpha'));
    expect(apps[0]?.cognitoTrigger).toEqual({ slot: 'preSignUp' });
    expect(apps[1]?.cognitoTrigger).toBeUndefined();
  });

  it('names the package.json that is not JSON', () => {
    file('apps/broken/package.json', '{ "name": ');
    const error = (() => {
      try {
        listTriggerApps(root);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppManifestError);
    expect((error as AppManifestError).message).toContain('apps/broken/package.json is not valid JSON');
    expect((error as AppManifestError).appDir).toBe('apps/broken');
    rmSync(join(root, 'apps', 'broken'), { recursive: true });
  });

  it('finds no apps in a workspace without apps/', () => {
    const empty = mkdtempSync(join(tmpdir(), 'workspace-empty-'));
    try {
      expect(listTriggerApps(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('lists the apps of this repository', () => {
    const dirs = listTriggerApps(findWorkspaceRoot(import.meta.dirname)).map((app) => app.dir);
    expect(dirs).toEqual(expect.arrayContaining(['post-confirmation', 'pre-sign-up']));
  });
});
