// @ts-check
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The repo's vitest preset. When `VITEST_JSON_DIR` is set (CI does), each package also writes its
 * results as JSON there, so `.ci/run` can print one honest `N passed, N failed` line for the repo.
 *
 * Sized for a small machine: turbo runs as many packages' tests at once as there are cores (the
 * root `test` script's `--concurrency=100%`), so each package gets half the cores for its test
 * files (one worker on 2 cores; `VITEST_MAX_WORKERS` overrides it). Timeouts are generous: they
 * are there to end a hung test, never to decide one, and a loaded machine only makes tests slower.
 *
 * @param {{ testTimeout?: number, include?: string[], exclude?: string[], typecheck?: boolean, isolate?: boolean }} [options]
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
      ...(options.exclude ? { exclude: ['**/node_modules/**', ...options.exclude] } : {}),
      pool: 'forks',
      // One process per worker runs all of a package's test files: each file re-importing the AWS
      // SDK or aws-cdk-lib in a fresh process was most of the suite's time (infra: 73 s → 16 s).
      // A file must therefore undo what it changes process-wide (SDK mocks, env, globals);
      // VITEST_ISOLATE=1 runs each file in its own process again, to find one that does not.
      isolate: process.env.VITEST_ISOLATE === '1' || (options.isolate ?? false),
      maxWorkers: Math.max(1, Math.floor(availableParallelism() / 2)),
      testTimeout: options.testTimeout ?? 60_000,
      hookTimeout: 120_000,
      reporters,
      outputFile: jsonDir ? { json: `${jsonDir}/${basename(process.cwd())}-${process.pid}.json` } : undefined,
      // Type tests (`*.test-d.ts`) run tsc: only packages that have them switch it on.
      typecheck: { enabled: options.typecheck ?? false, include: ['**/*.test-d.ts'] },
    },
  });
}
