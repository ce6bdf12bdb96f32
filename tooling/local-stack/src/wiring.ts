import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findWorkspaceRoot } from '@cognito-triggers/workspace';
import type { FunctionWiring } from './functions';

/**
 * A row of the functions table whose app is ready to run.
 *
 * @example
 * for (const { wiring, bundlePath } of resolved.wired) console.log(wiring.app, bundlePath);
 */
export interface WiredFunction {
  readonly wiring: FunctionWiring;
  /** The app's built `dist/index.mjs`: the artifact that is deployed. */
  readonly bundlePath: string;
}

/**
 * A row of the functions table that is left out, and why, in words for the console.
 *
 * @example
 * { app: 'pre-sign-up', trigger: 'PreSignUp', reason: 'not built (no apps/pre-sign-up/dist/index.mjs): run pnpm build' }
 */
export interface SkippedFunction {
  readonly app: string;
  readonly trigger: string;
  readonly reason: string;
}

/**
 * Splits the functions table into the apps that can run (present in `apps/` and built) and the
 * ones to skip, with a reason for each.
 *
 * @example
 * const { wired, skipped } = resolveFunctions((await loadFunctions()).table);
 * for (const note of skipped) console.log(`${note.trigger}: skipped, ${note.app} ${note.reason}`);
 */
export function resolveFunctions(
  table: readonly FunctionWiring[],
  root = findWorkspaceRoot(import.meta.dirname),
): { wired: WiredFunction[]; skipped: SkippedFunction[] } {
  const wired: WiredFunction[] = [];
  const skipped: SkippedFunction[] = [];
  const triggers = new Set<string>();
  for (const wiring of table) {
    // Cognito runs one function per trigger: a second row for a trigger is a mistake in the table.
    if (triggers.has(wiring.trigger)) throw new Error(`the functions table wires ${wiring.trigger} twice`);
    triggers.add(wiring.trigger);
    const appDir = join(root, 'apps', wiring.app);
    const bundlePath = join(appDir, 'dist', 'index.mjs');
    if (!existsSync(join(appDir, 'package.json'))) {
      skipped.push({ app: wiring.app, trigger: wiring.trigger, reason: 'is not in this workspace yet' });
    } else if (!existsSync(bundlePath)) {
      skipped.push({
        app: wiring.app,
        trigger: wiring.trigger,
        reason: `is not built (no apps/${wiring.app}/dist/index.mjs): run pnpm build`,
      });
    } else {
      wired.push({ wiring, bundlePath });
    }
  }
  return { wired, skipped };
}
