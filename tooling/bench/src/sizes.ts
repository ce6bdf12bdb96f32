import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/**
 * A file's size on disk and gzipped at level 9 (roughly what it costs to download and what a
 * reviewer compares; Lambda unpacks the zip, so the raw size is what Node parses at cold start).
 *
 * @example
 * const { bytes, gzipBytes } = await measureFile('apps/post-confirmation/dist/index.mjs');
 */
export async function measureFile(path: string): Promise<{ bytes: number; gzipBytes: number }> {
  const content = await readFile(path);
  return { bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
}
