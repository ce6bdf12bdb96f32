import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { readAppPackage } from './app-package';
import { triggerBundleOptions } from './bundle-options';
import { zipDist } from './lambda-zip';

/**
 * What {@link buildApp} wrote.
 *
 * @example
 * const { bundlePath, zipBytes }: BuildResult = await buildApp('apps/post-confirmation');
 */
export interface BuildResult {
  name: string;
  bundlePath: string;
  zipPath: string;
  bundleBytes: number;
  zipBytes: number;
}

/**
 * Builds one trigger app: `src/handler.ts` to `dist/index.mjs` (+ source map) and
 * `dist/<name>.zip` holding both, ready for Lambda with handler `index.handler`.
 *
 * @example
 * const result = await buildApp('apps/post-confirmation');
 */
export async function buildApp(appDir: string): Promise<BuildResult> {
  const { name } = await readAppPackage(appDir);
  const entry = join(appDir, 'src', 'handler.ts');
  await stat(entry).catch(() => {
    throw new Error(`${entry} does not exist: every app exports its Lambda handler from src/handler.ts`);
  });

  const dist = join(appDir, 'dist');
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const bundlePath = join(dist, 'index.mjs');
  const result = await build({
    ...triggerBundleOptions(),
    entryPoints: [entry],
    outfile: bundlePath,
    absWorkingDir: appDir,
  });
  await writeFile(join(dist, 'meta.json'), JSON.stringify(result.metafile));

  const bundle = await readFile(bundlePath);
  const zip = await zipDist(dist);
  const zipPath = join(dist, `${name}.zip`);
  await writeFile(zipPath, zip);
  return { name, bundlePath, zipPath, bundleBytes: bundle.byteLength, zipBytes: zip.byteLength };
}
