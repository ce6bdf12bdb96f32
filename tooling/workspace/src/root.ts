import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The file that marks the repository root: pnpm's workspace definition. */
const WORKSPACE_FILE = 'pnpm-workspace.yaml';

/**
 * The repository root: the nearest folder at or above `from` that holds `pnpm-workspace.yaml`.
 * The repo's commands run from the root (`pnpm demo`) or from a package (`pnpm --filter`, turbo),
 * and find the apps either way. The one repo-root finder of the tooling.
 *
 * @param from where to start looking (default: the current directory).
 * @example
 * const root = findWorkspaceRoot(import.meta.dirname); // '/home/me/cognito-triggers'
 */
export function findWorkspaceRoot(from: string = process.cwd()): string {
  const start = resolve(from);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, WORKSPACE_FILE))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`no ${WORKSPACE_FILE} at or above ${start}: run this inside the repository`);
    }
  }
}
