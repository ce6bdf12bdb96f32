import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above `from` that holds `pnpm-workspace.yaml`.
 *
 * @example
 * const root = findRepoRoot(); // '/work/repo'
 */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
}

/**
 * A trigger app as the build leaves it: `apps/<dir>/dist/index.mjs` and `dist/<name>.zip`.
 *
 * @example
 * const [app] = await discoverApps(root); // { name: 'post-confirmation', ... }
 */
export interface AppInfo {
  /** The package name without its scope, as the build names the zip. */
  name: string;
  /** The package name as in its package.json. */
  packageName: string;
  dir: string;
  bundlePath: string;
  zipPath: string;
}

/**
 * Every app under `apps/` (a folder with a package.json), sorted by name, so that a new app is
 * measured without anyone editing the benchmark.
 *
 * @example
 * for (const app of await discoverApps(findRepoRoot())) console.log(app.bundlePath);
 */
export async function discoverApps(root: string): Promise<AppInfo[]> {
  const appsDir = join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  const apps: AppInfo[] = [];
  for (const entry of await readdir(appsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(appsDir, entry.name);
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { name?: unknown };
    if (typeof manifest.name !== 'string' || manifest.name === '') throw new Error(`${manifestPath} has no "name"`);
    const name = manifest.name.replace(/^@[^/]+\//, '');
    apps.push({
      name,
      packageName: manifest.name,
      dir,
      bundlePath: join(dir, 'dist', 'index.mjs'),
      zipPath: join(dir, 'dist', `${name}.zip`),
    });
  }
  return apps.sort((a, b) => a.name.localeCompare(b.name));
}
