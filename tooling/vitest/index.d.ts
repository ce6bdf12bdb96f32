import type { UserConfig } from 'vitest/config';

/**
 * The repo's vitest preset (see index.js).
 *
 * @example
 * export default triggerTestConfig({ testTimeout: 30_000 });
 */
export function triggerTestConfig(options?: {
  testTimeout?: number;
  include?: string[];
  /** Test files to leave out (on top of node_modules), e.g. a slow check with its own task. */
  exclude?: string[];
  typecheck?: boolean;
  /** A fresh process per test file (default false: the files of a package share one). */
  isolate?: boolean;
}): UserConfig;
