import { relative } from 'node:path';
import { buildApp } from './build-app';

/**
 * `trigger-build`: builds the app in the current directory. Returns the exit code.
 *
 * @example
 * // package.json of an app
 * { "scripts": { "build": "trigger-build" } }
 */
export async function main(_args: readonly string[], cwd: string): Promise<number> {
  try {
    const result = await buildApp(cwd);
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(
      `built ${result.name}: ${relative(cwd, result.bundlePath)} ${kib(result.bundleBytes)}, ${relative(cwd, result.zipPath)} ${kib(result.zipBytes)}`,
    );
    return 0;
  } catch (error) {
    console.error(`trigger-build: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
