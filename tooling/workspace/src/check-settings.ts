import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TriggerApp } from './apps';
import { loadAppSettings, SETTINGS_FILE } from './load-settings';
import { readConfigProblems } from './probe-config';
import { settingsBlocks } from './readme';
import { deployEnvironment, settingsTable, type AppSettings } from './settings';

const FIX = 'run pnpm settings:write, which writes them from src/settings.ts';

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Where the package.json's `cognitoTrigger.environment` differs from the declaration. */
function manifestProblems(app: TriggerApp, settings: AppSettings): string[] {
  if (!isObject(app.cognitoTrigger)) return []; // not deployable: nothing to list
  const expected = deployEnvironment(settings);
  const actual = app.cognitoTrigger.environment;
  if (JSON.stringify(actual) === JSON.stringify(expected)) return [];
  return [
    `${app.appDir}/package.json: cognitoTrigger.environment is ${JSON.stringify(actual)}, but src/settings.ts declares ${JSON.stringify(expected)} (${FIX})`,
  ];
}

/** Where the app's README (which must hold its table) and the root README differ from the declaration. */
function readmeProblems(app: TriggerApp, settings: AppSettings, root: string): string[] {
  const table = settingsTable(settings);
  const problems: string[] = [];
  const own = readText(join(app.path, 'README.md'));
  const ownBlocks = own === undefined ? [] : settingsBlocks(own).filter((block) => block.app === app.dir);
  if (ownBlocks.length === 0) {
    problems.push(
      `${app.appDir}/README.md has no configuration table generated from ${SETTINGS_FILE} (the markers <!-- settings:begin ${app.dir} --> and <!-- settings:end -->)`,
    );
  }
  const rootBlocks = settingsBlocks(readText(join(root, 'README.md')) ?? '').filter((block) => block.app === app.dir);
  for (const [file, blocks] of [
    [`${app.appDir}/README.md`, ownBlocks],
    ['README.md', rootBlocks],
  ] as const) {
    if (blocks.some((block) => block.table !== table)) {
      problems.push(`${file}: the configuration table of ${app.dir} differs from ${SETTINGS_FILE} (${FIX})`);
    }
  }
  return problems;
}

/**
 * Everything that disagrees with an app's one settings declaration (`src/settings.ts`), one
 * sentence each, empty when all agree: its `readConfig` (which variables it reads, which it
 * requires), its package.json's `cognitoTrigger.environment`, its README's configuration table,
 * the root README's copy of that table if it has one, and the `LOG_LEVEL` row every app has.
 *
 * @example
 * for (const app of listTriggerApps(root)) expect(await checkAppSettings(app, root)).toEqual([]);
 */
export async function checkAppSettings(app: TriggerApp, root: string): Promise<string[]> {
  let settings: AppSettings | undefined;
  try {
    settings = await loadAppSettings(app);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  if (settings === undefined) {
    return [`${app.appDir}/${SETTINGS_FILE} is missing: every app declares its settings there (export const SETTINGS)`];
  }
  const problems: string[] = [];
  if (settings.LOG_LEVEL?.readBy !== 'trigger-core') {
    problems.push(
      `${app.appDir}/${SETTINGS_FILE} must declare LOG_LEVEL with readBy 'trigger-core': trigger-core reads it for every trigger`,
    );
  }
  problems.push(...manifestProblems(app, settings), ...readmeProblems(app, settings, root));
  problems.push(...(await readConfigProblems(app, settings)).map((problem) => `${app.appDir}: ${problem}`));
  return problems;
}
