import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudgets, loadBudgets, measureApp } from '../src/budget';
import { discoverApps, findRepoRoot } from '../src/repo';

// The real apps against tooling/bench/size-budget.json: sizes are stable, so they are checked on
// every `pnpm test` (turbo builds the apps first, because they are devDependencies of this package).
const root = findRepoRoot();

describe("the apps' size budgets", () => {
  it('lists every app as a devDependency of the bench, so that turbo builds it before these checks', async () => {
    const manifest = JSON.parse(await readFile(join(root, 'tooling', 'bench', 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    const missing = (await discoverApps(root)).filter((app) => manifest.devDependencies?.[app.packageName] !== 'workspace:*').map((app) => app.packageName);
    expect(missing, `add ${missing.map((name) => `"${name}": "workspace:*"`).join(', ')} to tooling/bench/package.json devDependencies`).toEqual([]);
  });

  it('keeps every app within its bundle and zip budget', async () => {
    const budgets = await loadBudgets(join(root, 'tooling', 'bench', 'size-budget.json'));
    const apps = await discoverApps(root);
    expect(apps.length).toBeGreaterThan(0);
    const results = checkBudgets(await Promise.all(apps.map(measureApp)), budgets, root);
    const failures = results.filter((result) => result.status !== 'within').flatMap((result) => result.messages);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
