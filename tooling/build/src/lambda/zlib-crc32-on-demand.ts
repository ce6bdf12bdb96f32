// What `node:zlib` is to the AWS SDK's CRC32 checksum in a Lambda bundle (see lazy-builtins-plugin.ts):
// the one function that module reads from it, with zlib itself loaded at the first checksum.

/**
 * zlib's CRC32 (`zlib.crc32`, Node 22.2 and later), loading `node:zlib` at the first call instead
 * of when the bundle is imported. Same arguments, same result.
 *
 * @example
 * crc32(new TextEncoder().encode('hello')); // 907060870
 */
export function crc32(data: string | NodeJS.ArrayBufferView, value?: number): number {
  return process.getBuiltinModule('node:zlib').crc32(data, value);
}
