import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readAppPackage } from './app-package';
import { zipDist } from './lambda-zip';
import { ARTIFACTS_DIR, MANIFEST_FILE, createManifest, type ArtifactManifest } from './manifest';

/**
 * Options of {@link packageApp}.
 *
 * @example
 * const options: PackageOptions = { commit: resolveCommit(process.env, appDir), maxZipBytes: 512 * 1024 };
 */
export interface PackageOptions {
  /** Recorded in the manifest (see `resolveCommit`). */
  commit: string;
  /** Fail when the zip is larger: the app's size budget, since a bigger zip is a slower cold start. */
  maxZipBytes?: number;
}

/**
 * What {@link packageApp} wrote.
 *
 * @example
 * const { manifest, zipPath } = await packageApp(appDir, { commit: 'abc123' });
 */
export interface PackageResult {
  manifest: ArtifactManifest;
  zipPath: string;
  manifestPath: string;
}

/**
 * Packages a built app: `artifacts/<name>-<version>.zip` (deterministic, from `dist/`) and
 * `artifacts/manifest.json` describing it. The folder is emptied first, so it only ever holds
 * the current version (turbo caches it whole).
 *
 * @example
 * await packageApp('apps/post-confirmation', { commit: 'abc123', maxZipBytes: 512 * 1024 });
 */
export async function packageApp(appDir: string, options: PackageOptions): Promise<PackageResult> {
  const { name, version } = await readAppPackage(appDir);
  const zip = await zipDist(join(appDir, 'dist'));
  if (options.maxZipBytes !== undefined && zip.byteLength > options.maxZipBytes) {
    throw new Error(
      `${name}: the zip is ${zip.byteLength} bytes, over its budget of ${options.maxZipBytes} bytes; look at dist/meta.json for what grew`,
    );
  }
  const manifest = createManifest({ name, version, zip, commit: options.commit });

  const artifacts = join(appDir, ARTIFACTS_DIR);
  await rm(artifacts, { recursive: true, force: true });
  await mkdir(artifacts, { recursive: true });
  const zipPath = join(artifacts, manifest.zipFile);
  const manifestPath = join(artifacts, MANIFEST_FILE);
  await writeFile(zipPath, zip);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, zipPath, manifestPath };
}
