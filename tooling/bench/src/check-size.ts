import { join } from 'node:path';
import { checkBudgets, loadBudgets, measureApp, staleBudgets } from './budget';
import { discoverApps, findRepoRoot } from './repo';

/**
 * `check-size`: checks every app's built bundle and zip against `tooling/bench/size-budget.json`.
 * Prints one line per app and returns 1 when any app is over budget, has no budget or is not built.
 *
 * @example
 * // package.json
 * { "scripts": { "check-size": "node bin/check-size.mjs" } }
 */
export async function main(
  _args: readonly string[],
  options: { root?: string; log?: (line: string) => void } = {},
): Promise<number> {
  const root = options.root ?? findRepoRoot();
  const log = options.log ?? console.log;
  const budgetsPath = join(root, 'tooling', 'bench', 'size-budget.json');
  try {
    const budgets = await loadBudgets(budgetsPath);
    const apps = await discoverApps(root);
    if (apps.length === 0) {
      log('check-size: no apps under apps/');
      return 0;
    }
    const results = checkBudgets(await Promise.all(apps.map(measureApp)), budgets, root);
    for (const result of results) {
      for (const message of result.messages) log(`${result.status === 'within' ? 'ok  ' : 'FAIL'} ${message}`);
    }
    for (const name of staleBudgets(budgets, apps.map((app) => app.name))) {
      log(`warn ${name}: has a budget in tooling/bench/size-budget.json but no app under apps/; remove the entry`);
    }
    const failed = results.filter((result) => result.status !== 'within').length;
    log(`check-size: ${results.length - failed} within budget, ${failed} failed`);
    return failed > 0 ? 1 : 0;
  } catch (error) {
    log(`check-size: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
