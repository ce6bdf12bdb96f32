import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findWorkspaceRoot } from './root';

/** Where the trigger apps live, one folder each. */
export const APPS_DIR = 'apps';

/**
 * A trigger app as its folder and package.json describe it. Nothing here is checked beyond being
 * readable: the release registry (`loadTriggers`) checks the `cognitoTrigger` field.
 *
 * @example
 * const app: TriggerApp = listTriggerApps(root)[0]!;
 * console.log(app.name, app.path, app.cognitoTrigger); // 'custom-message', '/repo/apps/custom-message', { slot: 'customMessage', … }
 */
export interface TriggerApp {
  /** The folder's name under `apps/`, e.g. `pre-sign-up`. */
  readonly dir: string;
  /** The folder relative to the repository root, e.g. `apps/pre-sign-up`. */
  readonly appDir: string;
  /** The folder's absolute path. */
  readonly path: string;
  /** `name` from package.json, as written (an app may have a scope). */
  readonly packageName: string | undefined;
  /** The package name without its scope: the app's function, zip and log `service` name. */
  readonly name: string | undefined;
  /** The parsed package.json. */
  readonly manifest: unknown;
  /** The package.json's `cognitoTrigger` field as written (`undefined` when it has none). */
  readonly cognitoTrigger: unknown;
}

/**
 * A package.json under `apps/` that cannot be read as JSON.
 *
 * @example
 * try { listTriggerApps(root); } catch (error) { if (error instanceof AppManifestError) console.error(error.appDir); }
 */
export class AppManifestError extends Error {
  override readonly name = 'AppManifestError';
  constructor(
    /** The app's folder relative to the root, e.g. `apps/login-gate`. */
    readonly appDir: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every app under `apps/` (a folder with a package.json), sorted by folder name, read fresh on
 * every call (a handful of small files), so that an app added since is never missed. This is the
 * one place the tooling lists the apps: the release registry, the local stack, the demo, the
 * end-to-end tests and the benchmarks all start here, so a new app joins them with no hand edit.
 * A package.json that is not JSON is an {@link AppManifestError} naming the file.
 *
 * @param root the repository root (default: found from the current directory).
 * @example
 * for (const app of listTriggerApps()) console.log(app.dir, (app.cognitoTrigger as { slot?: string })?.slot);
 */
export function listTriggerApps(root: string = findWorkspaceRoot()): TriggerApp[] {
  let dirs: string[];
  try {
    dirs = readdirSync(join(root, APPS_DIR), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return []; // no apps/ folder: a workspace with no triggers yet
  }
  const apps: TriggerApp[] = [];
  for (const dir of dirs) {
    const appDir = `${APPS_DIR}/${dir}`;
    const path = join(root, APPS_DIR, dir);
    let text: string;
    try {
      text = readFileSync(join(path, 'package.json'), 'utf8');
    } catch {
      continue; // a folder without a package.json is not an app (e.g. one left behind by a removed app)
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch (error) {
      throw new AppManifestError(
        appDir,
        `${appDir}/package.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    const packageName = isObject(manifest) && typeof manifest.name === 'string' ? manifest.name : undefined;
    apps.push({
      dir,
      appDir,
      path,
      packageName,
      name: packageName?.replace(/^@[^/]+\//, ''),
      manifest,
      cognitoTrigger: isObject(manifest) ? manifest.cognitoTrigger : undefined,
    });
  }
  return apps;
}
