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
  typecheck?: boolean;
}): UserConfig;
