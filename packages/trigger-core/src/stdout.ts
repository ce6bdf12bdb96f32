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
  let written: number;
  try {
    written = writeSync(1, line);
  } catch {
    stdout.write(line);
    return;
  }
  // Bytes, not characters: the line goes out as UTF-8.
  if (written < Buffer.byteLength(line, 'utf8')) stdout.write(Buffer.from(line, 'utf8').subarray(written));
}
