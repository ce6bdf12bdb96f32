// @ts-check
import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The repo's vitest preset. When `VITEST_JSON_DIR` is set (CI does), each package also writes its
 * results as JSON there, so `.ci/run` can print one honest `N passed, N failed` line for the repo.
 *
 * @param {{ testTimeout?: number, include?: string[], typecheck?: boolean }} [options]
 * @example
 * // vitest.config.ts
 * import { triggerTestConfig } from '@cognito-triggers/vitest-config';
 * export default triggerTestConfig();
 */
export function triggerTestConfig(options = {}) {
  const jsonDir = process.env.VITEST_JSON_DIR;
  /** @type {import('vitest/node').TestUserConfig['reporters']} */
  const reporters = jsonDir ? ['default', 'json'] : ['default'];
  return defineConfig({
    test: {
      environment: 'node',
      include: options.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: options.testTimeout ?? 20_000,
      hookTimeout: 60_000,
      reporters,
      outputFile: jsonDir ? { json: `${jsonDir}/${basename(process.cwd())}-${process.pid}.json` } : undefined,
      // Type tests (`*.test-d.ts`) run tsc: only packages that have them switch it on.
      typecheck: { enabled: options.typecheck ?? false, include: ['**/*.test-d.ts'] },
    },
  });
}
