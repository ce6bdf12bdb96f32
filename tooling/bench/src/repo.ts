import { join } from 'node:path';
import { listTriggerApps } from '@cognito-triggers/workspace';

/**
 * A trigger app as the build leaves it: `apps/<dir>/dist/index.mjs` and `dist/<name>.zip`.
 *
 * @example
 * const [app] = discoverApps(root); // { name: 'post-confirmation', ... }
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
 * Every app under `apps/` (the workspace's one list of them), sorted by name, so that a new app is
 * measured without anyone editing the benchmark.
 *
 * @example
 * for (const app of discoverApps(findWorkspaceRoot())) console.log(app.bundlePath);
 */
export function discoverApps(root: string): AppInfo[] {
  return listTriggerApps(root)
    .map((app) => {
      if (app.packageName === undefined || app.name === undefined || app.packageName === '') {
        throw new Error(`${join(app.path, 'package.json')} has no "name"`);
      }
      return {
        name: app.name,
        packageName: app.packageName,
        dir: app.path,
        bundlePath: join(app.path, 'dist', 'index.mjs'),
        zipPath: join(app.path, 'dist', `${app.name}.zip`),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
