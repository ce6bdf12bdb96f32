import { zipSync, type Zippable } from 'fflate';

/**
 * Every entry's timestamp: fixed so that the same files always give the same bytes.
 *
 * @example
 * entries['index.mjs'] = [bytes, { mtime: ZIP_EPOCH }];
 */
export const ZIP_EPOCH = new Date('1980-01-01T00:00:00Z');

/**
 * Zips files deterministically: sorted names, a fixed timestamp and fixed permissions, so the same
 * inputs give a byte-identical zip (and Lambda's CodeSha256 only changes when the code does).
 *
 * @example
 * const zip = deterministicZip({ 'index.mjs': bundleBytes });
 */
export function deterministicZip(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    const data = files[name];
    if (!data) continue;
    // 0o100644: a regular file readable by the Lambda runtime's user.
    entries[name] = [data, { mtime: ZIP_EPOCH, level: 9, attrs: 0o100644 << 16, os: 3 }];
  }
  return zipSync(entries);
}
