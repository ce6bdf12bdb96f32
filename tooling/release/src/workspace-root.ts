import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root above `from`: the nearest folder with pnpm-workspace.yaml. The commands run
 * from the root (`pnpm deploy:trigger`) or from a package (`pnpm --filter`), and find apps either way.
 *
 * @example
 * const root = findWorkspaceRoot(process.cwd());
 */
export function findWorkspaceRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}: run this inside the repository`);
  }
}
