import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The parts of an app's package.json the build and packaging steps use.
 *
 * @example
 * const app: AppPackage = { name: 'post-confirmation', version: '0.1.0' };
 */
export interface AppPackage {
  /** The package name without its scope: the artifact's and the function's name. */
  name: string;
  /** The version changesets gave the app (`0.0.0` when it has none). */
  version: string;
}

/**
 * Reads an app's name and version from its package.json, with an error that names the file.
 *
 * @example
 * const { name, version } = await readAppPackage('apps/post-confirmation');
 */
export async function readAppPackage(appDir: string): Promise<AppPackage> {
  const path = join(appDir, 'package.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { name?: unknown; version?: unknown };
  if (typeof manifest.name !== 'string' || manifest.name === '') {
    throw new Error(`${path} has no "name"`);
  }
  if (manifest.version !== undefined && typeof manifest.version !== 'string') {
    throw new Error(`${path} has a "version" that is not a string`);
  }
  return { name: manifest.name.replace(/^@[^/]+\//, ''), version: manifest.version ?? '0.0.0' };
}
