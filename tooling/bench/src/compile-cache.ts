import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder, beside the loader, that holds the V8 compile cache. */
const CACHE_DIR = 'compile-cache';

/**
 * Lays out the diagnostic "what if we shipped a V8 compile cache" variant of a bundle: `index.mjs`
 * is a loader that enables Node's module compile cache in `compile-cache/` beside it and then
 * imports `bundle.mjs`, a copy of the bundle. Run it once (`fill`) to write the cache, then
 * {@link compileCacheEntries} says whether anything was written. Nothing here is shipped: see
 * `docs/benchmarks.md` for why a cache cannot be.
 *
 * @example
 * const loader = await compileCacheVariant(app.bundlePath, join(distDir, 'compile-cache'));
 */
export async function compileCacheVariant(bundlePath: string, outDir: string): Promise<string> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await copyFile(bundlePath, join(outDir, 'bundle.mjs'));
  const loader = join(outDir, 'index.mjs');
  await writeFile(
    loader,
    [
      "import { enableCompileCache } from 'node:module';",
      `enableCompileCache({ directory: new URL('./${CACHE_DIR}', import.meta.url).pathname });`,
      "export const { handler } = await import('./bundle.mjs');",
      '',
    ].join('\n'),
  );
  return loader;
}

/**
 * How many cache files a run of the variant at `outDir` wrote (0: the cache was never filled, and
 * timing the variant would measure nothing).
 *
 * @example
 * if ((await compileCacheEntries(outDir)) === 0) throw new Error('no compile cache written');
 */
export async function compileCacheEntries(outDir: string): Promise<number> {
  const entries = await readdir(join(outDir, CACHE_DIR), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}
