import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The path of the Node 24 binary (npm package `node@24`) that bundles run on, matching the
 * `nodejs24.x` Lambda runtime. Throws a clear error if its install script did not run.
 *
 * @example
 * spawn(node24Binary(), ['dist/index.mjs']);
 */
export function node24Binary(): string {
  const packageDir = dirname(require.resolve('node/package.json'));
  const binary = join(packageDir, 'bin', 'node');
  if (!existsSync(binary)) {
    throw new Error(
      `the Node 24 binary is missing at ${binary}: its install script did not run (is "node" in pnpm-workspace.yaml's onlyBuiltDependencies?)`,
    );
  }
  return binary;
}
