import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveCommit } from './git-commit';
import { packageApp } from './package-app';

/**
 * `trigger-package [--max-zip-kib N]`: packages the app in the current directory into
 * `artifacts/`. Returns the exit code.
 *
 * @example
 * // package.json of an app
 * { "scripts": { "package": "trigger-package --max-zip-kib 512" } }
 */
export async function main(
  args: readonly string[],
  cwd: string,
  environment: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  try {
    const { values } = parseArgs({ args: [...args], options: { 'max-zip-kib': { type: 'string' } }, strict: true });
    const budget = values['max-zip-kib'];
    const maxZipKib = budget === undefined ? undefined : Number(budget);
    if (maxZipKib !== undefined && !(Number.isFinite(maxZipKib) && maxZipKib > 0)) {
      throw new Error(`--max-zip-kib must be a positive number (got "${budget}")`);
    }
    const result = await packageApp(cwd, {
      commit: resolveCommit(environment, cwd),
      ...(maxZipKib === undefined ? {} : { maxZipBytes: Math.floor(maxZipKib * 1024) }),
    });
    const { manifest } = result;
    const kib = (manifest.size / 1024).toFixed(1);
    const budgetNote = maxZipKib === undefined ? '' : ` (budget ${maxZipKib} KiB)`;
    console.log(
      `packaged ${manifest.name}@${manifest.version}: ${relative(cwd, result.zipPath)} ${kib} KiB${budgetNote}, CodeSha256 ${manifest.codeSha256}, commit ${manifest.commit}`,
    );
    return 0;
  } catch (error) {
    console.error(`trigger-package: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
