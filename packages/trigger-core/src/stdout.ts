/**
 * The logger's default sink: each line one write to file descriptor 1, whole and in order.
 */
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * Writes one log line (ending in `\n`) to stdout. On a warm path the line goes straight to fd 1
 * with one `write(2)`: `process.stdout.write` costs as much again in stream machinery, and in
 * Lambda stdout is a pipe the runtime reads line by line, as it is for `process.stdout`. The
 * stream is still used whenever going around it could reorder or split lines:
 * - it holds bytes it could not write yet (a full non-blocking pipe): a direct write would
 *   overtake them, or land inside a line it has half written;
 * - the direct write fails (`EAGAIN` on a full pipe, or anything else): the stream then queues
 *   the line, or reports the failure, as it always did;
 * - the direct write was partial (a pipe with less room than a large line): the rest goes to
 *   the stream, which writes it before any later line, since those now find it holding bytes;
 * - `process.stdout.write` was replaced (a test capturing lines), or this is a worker thread,
 *   whose stdout is a message port to the main thread.
 *
 * @example
 * writeLineToStdout('{"level":"INFO","message":"cold start"}\n');
 */
export function writeLineToStdout(line: string): void {
  const stdout = process.stdout;
  if (!isMainThread || stdout.writableLength !== 0 || Object.hasOwn(stdout, 'write')) {
    stdout.write(line);
    return;
  }
  // Encoded into one reused buffer when it surely fits (UTF-8 takes at most 3 bytes per UTF-16
  // unit), so that the byte count a partial write is judged by comes with the encoding.
  const pooled = line.length * 3 <= POOL_BYTES;
  const bytes = pooled ? (pool ??= Buffer.allocUnsafe(POOL_BYTES)) : Buffer.from(line, 'utf8');
  const length = pooled ? bytes.write(line, 0, 'utf8') : bytes.length;
  let written: number;
  try {
    written = writeSync(1, bytes, 0, length);
  } catch {
    stdout.write(line);
    return;
  }
  // A copy: the stream may hold the rest until the pipe drains, and the next line reuses the pool.
  if (written < length) stdout.write(Buffer.from(bytes.subarray(written, length)));
}

const POOL_BYTES = 64 * 1024;
let pool: Buffer | undefined;
