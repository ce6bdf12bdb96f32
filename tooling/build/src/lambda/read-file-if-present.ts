// What `node:fs/promises` is to the AWS SDK's shared-config-file loader in a Lambda bundle (see
// lazy-builtins-plugin.ts): the one function it reads from it, `readFile`, which answers for a
// missing file without loading `node:fs/promises`.
import { existsSync } from 'node:fs';
import type { readFile as ReadFile } from 'node:fs/promises';

type ReadFileArgs = Parameters<typeof ReadFile>;

/** The error `fs.promises.readFile` rejects with for a missing file: same message, code and fields. */
function missingFile(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
    errno: -2, // libuv's UV_ENOENT on Linux (Lambda) and macOS
    code: 'ENOENT',
    syscall: 'open',
    path,
  });
}

/**
 * `fs.promises.readFile`, except that a path naming no file rejects at once with the ENOENT error
 * `readFile` gives, and `node:fs/promises` (with the readline and file-watcher modules it loads) is
 * loaded only to read a file that exists. The SDK reads `~/.aws/config` and `~/.aws/credentials`
 * at a client's first request for every setting the environment does not give; on Lambda neither
 * file exists, unless `AWS_CONFIG_FILE` or `AWS_SHARED_CREDENTIALS_FILE` names one, which is then
 * read as before.
 *
 * @example
 * await readFile('/nowhere/.aws/config', 'utf8'); // rejects: ENOENT: no such file or directory, open '/nowhere/.aws/config'
 */
export const readFile = ((...args: ReadFileArgs) => {
  const [path] = args;
  if (typeof path === 'string' && !existsSync(path)) return Promise.reject(missingFile(path));
  return process.getBuiltinModule('node:fs/promises').readFile(...args);
}) as typeof ReadFile;
