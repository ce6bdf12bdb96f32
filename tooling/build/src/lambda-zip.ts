import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deterministicZip } from './zip';

/**
 * The files of `dist/` that go into a Lambda zip: the bundle and its source map (for stack traces).
 *
 * @example
 * LAMBDA_ZIP_FILES.map((name) => join(distDir, name));
 */
export const LAMBDA_ZIP_FILES = ['index.mjs', 'index.mjs.map'] as const;

/**
 * Zips a built app's `dist/` the one way every artifact is zipped, so the zip `trigger-build` writes
 * and the one `trigger-package` writes are byte-identical.
 *
 * @example
 * const zip = await zipDist('apps/post-confirmation/dist');
 */
export async function zipDist(distDir: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of LAMBDA_ZIP_FILES) {
    const path = join(distDir, name);
    files[name] = await readFile(path).catch((error: unknown) => {
      throw new Error(`${path} is missing: build the app first (pnpm build)`, { cause: error });
    });
  }
  return deterministicZip(files);
}
