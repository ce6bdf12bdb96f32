import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBudgets, parseBudgets, staleBudgets, type MeasuredApp } from '../src/budget';
import { main } from '../src/check-size';

const app = (bundleBytes: number | undefined, zipBytes: number | undefined): MeasuredApp => ({
  name: 'welcome',
  bundlePath: '/repo/apps/welcome/dist/index.mjs',
  bundleBytes,
  zipPath: '/repo/apps/welcome/dist/welcome.zip',
  zipBytes,
});
const budgets = parseBudgets(JSON.stringify({ apps: { welcome: { bundleKiB: 100, zipKiB: 80 } } }), 'size-budget.json');

describe('size budget check', () => {
  it('passes an app within its budget, to the byte', () => {
    const [result] = checkBudgets([app(100 * 1024, 80 * 1024)], budgets, '/repo');
    expect(result?.status).toBe('within');
    expect(result?.messages).toEqual(['welcome: within budget (bundle 100.0 KiB of 100 KiB, zip 80.0 KiB of 80 KiB)']);
  });

  it('fails an app whose bundle exceeds its budget, naming the app, the file and the sizes', () => {
    const [result] = checkBudgets([app(110 * 1024, 50 * 1024)], budgets, '/repo');
    expect(result?.status).toBe('over');
    expect(result?.messages).toEqual(['welcome: bundle apps/welcome/dist/index.mjs is 110.0 KiB, over its budget of 100 KiB by 10.0 KiB (+10.0%)']);
  });

  it('fails an app whose zip exceeds its budget by a single byte', () => {
    const [result] = checkBudgets([app(1024, 80 * 1024 + 1)], budgets, '/repo');
    expect(result?.status).toBe('over');
    expect(result?.messages[0]).toMatch(/^welcome: zip apps\/welcome\/dist\/welcome\.zip is 80\.0 KiB, over its budget of 80 KiB/);
  });

  it('fails an app without a budget and suggests one with 5% headroom', () => {
    const [result] = checkBudgets([{ ...app(200 * 1024, 100 * 1024), name: 'custom-message' }], budgets, '/repo');
    expect(result?.status).toBe('no-budget');
    expect(result?.messages[0]).toContain('"custom-message": { "bundleKiB": 210, "zipKiB": 105 }');
  });

  it('fails an app that is not built, saying how to build it', () => {
    const [result] = checkBudgets([app(undefined, undefined)], budgets, '/repo');
    expect(result?.status).toBe('not-built');
    expect(result?.messages[0]).toMatch(/apps\/welcome\/dist\/index\.mjs is missing; build the app first/);
  });

  it('lists budgets whose app is gone', () => {
    expect(staleBudgets(budgets, ['other'])).toEqual(['welcome']);
    expect(staleBudgets(budgets, ['welcome'])).toEqual([]);
  });

  it('rejects a budgets file with a missing or non-positive limit, naming the entry', () => {
    expect(() => parseBudgets('{"apps":{"welcome":{"bundleKiB":100}}}', 'size-budget.json')).toThrow('size-budget.json: apps["welcome"].zipKiB must be a positive number of KiB');
    expect(() => parseBudgets('{"apps":{"welcome":{"bundleKiB":0,"zipKiB":1}}}', 'size-budget.json')).toThrow(/bundleKiB/);
    expect(() => parseBudgets('[]', 'size-budget.json')).toThrow(/must be an object with "apps"/);
    expect(() => parseBudgets('{', 'size-budget.json')).toThrow(/not valid JSON/);
  });
});

describe('check-size command', () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function repoWithApp(bundleBytes: number, budget: { bundleKiB: number; zipKiB: number }): Promise<string> {
    root = await mkdtemp(join(tmpdir(), 'check-size-'));
    await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    await mkdir(join(root, 'tooling', 'bench'), { recursive: true });
    await writeFile(join(root, 'tooling', 'bench', 'size-budget.json'), JSON.stringify({ apps: { welcome: budget } }));
    await mkdir(join(root, 'apps', 'welcome', 'dist'), { recursive: true });
    await writeFile(join(root, 'apps', 'welcome', 'package.json'), JSON.stringify({ name: '@acme/welcome' }));
    await writeFile(join(root, 'apps', 'welcome', 'dist', 'index.mjs'), Buffer.alloc(bundleBytes, 97));
    await writeFile(join(root, 'apps', 'welcome', 'dist', 'welcome.zip'), Buffer.alloc(1024, 0));
    return root;
  }

  it('exits 0 and says so when every app is within budget', async () => {
    const lines: string[] = [];
    const code = await main([], { root: await repoWithApp(2048, { bundleKiB: 2, zipKiB: 1 }), log: (line) => lines.push(line) });
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('check-size: 1 within budget, 0 failed');
  });

  it('exits 1 with a message naming the app and its sizes when a budget is exceeded', async () => {
    const lines: string[] = [];
    const code = await main([], { root: await repoWithApp(3 * 1024, { bundleKiB: 2, zipKiB: 1 }), log: (line) => lines.push(line) });
    expect(code).toBe(1);
    expect(lines).toContain('FAIL welcome: bundle apps/welcome/dist/index.mjs is 3.0 KiB, over its budget of 2 KiB by 1.0 KiB (+50.0%)');
    expect(lines.at(-1)).toBe('check-size: 0 within budget, 1 failed');
  });
});
