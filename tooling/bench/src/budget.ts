import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import type { AppInfo } from './repo';
import { formatKiB as kib } from './render';

/**
 * The most an app's artifacts may weigh: its bundle (`dist/index.mjs`, what Node parses at cold
 * start) and its deployment zip (`dist/<name>.zip`, what is uploaded), in KiB (1024 bytes).
 *
 * @example
 * const budget: SizeBudget = { bundleKiB: 336, zipKiB: 252 };
 */
export interface SizeBudget {
  bundleKiB: number;
  zipKiB: number;
}

/**
 * The budgets file (`tooling/bench/size-budget.json`): one budget per app, keyed by the app's
 * package name without its scope.
 *
 * @example
 * { "apps": { "post-confirmation": { "bundleKiB": 336, "zipKiB": 252 } } }
 */
export interface SizeBudgets {
  apps: Record<string, SizeBudget>;
}

/** An app's measured artifact sizes in bytes, or `undefined` where the artifact is missing. */
export interface MeasuredApp {
  name: string;
  bundlePath: string;
  bundleBytes: number | undefined;
  zipPath: string;
  zipBytes: number | undefined;
}

/** The verdict for one app. */
export type BudgetStatus = 'within' | 'over' | 'no-budget' | 'not-built';

/**
 * One app's budget check, with a message that names the app, the file and the sizes.
 *
 * @example
 * if (result.status === 'over') console.error(result.message);
 */
export interface BudgetResult {
  app: string;
  status: BudgetStatus;
  bundleBytes: number | undefined;
  zipBytes: number | undefined;
  budget: SizeBudget | undefined;
  /** One line per problem, or one line saying all is within budget. */
  messages: string[];
}

/**
 * Parses and validates a budgets file's text; throws an error naming the bad entry.
 *
 * @example
 * const budgets = parseBudgets(await readFile('size-budget.json', 'utf8'), 'size-budget.json');
 */
export function parseBudgets(text: string, source: string): SizeBudgets {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const apps = (raw as { apps?: unknown } | null)?.apps;
  if (typeof apps !== 'object' || apps === null || Array.isArray(apps)) {
    throw new Error(`${source} must be an object with "apps": { "<app>": { "bundleKiB": N, "zipKiB": M } }`);
  }
  const budgets: Record<string, SizeBudget> = {};
  for (const [app, value] of Object.entries(apps as Record<string, unknown>)) {
    const entry = value as { bundleKiB?: unknown; zipKiB?: unknown } | null;
    for (const key of ['bundleKiB', 'zipKiB'] as const) {
      const number = entry?.[key];
      if (typeof number !== 'number' || !(number > 0)) {
        throw new Error(`${source}: apps["${app}"].${key} must be a positive number of KiB`);
      }
    }
    budgets[app] = { bundleKiB: entry?.bundleKiB as number, zipKiB: entry?.zipKiB as number };
  }
  return { apps: budgets };
}

/**
 * Reads a budgets file.
 *
 * @example
 * const budgets = await loadBudgets('tooling/bench/size-budget.json');
 */
export async function loadBudgets(path: string): Promise<SizeBudgets> {
  return parseBudgets(await readFile(path, 'utf8'), path);
}

async function sizeOf(path: string): Promise<number | undefined> {
  return existsSync(path) ? (await stat(path)).size : undefined;
}

/**
 * Reads the sizes of an app's built artifacts (no build: a missing file is reported as such).
 *
 * @example
 * const measured = await measureApp(app);
 */
export async function measureApp(app: AppInfo): Promise<MeasuredApp> {
  return {
    name: app.name,
    bundlePath: app.bundlePath,
    bundleBytes: await sizeOf(app.bundlePath),
    zipPath: app.zipPath,
    zipBytes: await sizeOf(app.zipPath),
  };
}

function over(label: string, path: string, bytes: number, budgetKiB: number): string {
  const budgetBytes = budgetKiB * 1024;
  const percent = ((bytes / budgetBytes - 1) * 100).toFixed(1);
  return `${label} ${path} is ${kib(bytes)}, over its budget of ${budgetKiB} KiB by ${kib(bytes - budgetBytes)} (+${percent}%)`;
}

/**
 * Checks each measured app against its budget. An app over budget, without a budget or not built
 * fails, each with a message naming the app, the file and the sizes.
 *
 * @example
 * const results = checkBudgets([await measureApp(app)], budgets, root);
 * const failed = results.filter((result) => result.status !== 'within');
 */
export function checkBudgets(apps: readonly MeasuredApp[], budgets: SizeBudgets, root = process.cwd()): BudgetResult[] {
  return apps.map((app) => {
    const budget = budgets.apps[app.name];
    const base = { app: app.name, bundleBytes: app.bundleBytes, zipBytes: app.zipBytes, budget };
    const bundle = relative(root, app.bundlePath);
    const zip = relative(root, app.zipPath);
    if (app.bundleBytes === undefined || app.zipBytes === undefined) {
      const missing = app.bundleBytes === undefined ? bundle : zip;
      return {
        ...base,
        status: 'not-built',
        messages: [`${app.name}: ${missing} is missing; build the app first (pnpm build, or pnpm size, which builds before it checks)`],
      };
    }
    if (!budget) {
      return {
        ...base,
        status: 'no-budget',
        messages: [
          `${app.name}: no size budget; add "${app.name}": { "bundleKiB": ${Math.ceil((app.bundleBytes / 1024) * 1.05)}, "zipKiB": ${Math.ceil((app.zipBytes / 1024) * 1.05)} } to tooling/bench/size-budget.json (it measures ${kib(app.bundleBytes)} bundle, ${kib(app.zipBytes)} zip)`,
        ],
      };
    }
    const messages: string[] = [];
    if (app.bundleBytes > budget.bundleKiB * 1024) messages.push(`${app.name}: ${over('bundle', bundle, app.bundleBytes, budget.bundleKiB)}`);
    if (app.zipBytes > budget.zipKiB * 1024) messages.push(`${app.name}: ${over('zip', zip, app.zipBytes, budget.zipKiB)}`);
    if (messages.length > 0) return { ...base, status: 'over', messages };
    return {
      ...base,
      status: 'within',
      messages: [
        `${app.name}: within budget (bundle ${kib(app.bundleBytes)} of ${budget.bundleKiB} KiB, zip ${kib(app.zipBytes)} of ${budget.zipKiB} KiB)`,
      ],
    };
  });
}

/**
 * Budget entries whose app no longer exists: harmless, but worth a warning so the file stays true.
 *
 * @example
 * staleBudgets(budgets, ['post-confirmation']); // ['removed-app']
 */
export function staleBudgets(budgets: SizeBudgets, appNames: readonly string[]): string[] {
  return Object.keys(budgets.apps).filter((name) => !appNames.includes(name));
}
