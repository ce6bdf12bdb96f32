import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TriggerApp } from './apps';
import { loadAppSettings } from './load-settings';
import { replaceSettingsBlocks } from './readme';
import { deployEnvironment, settingsTable } from './settings';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function rewrite(path: string, change: (text: string) => string): boolean {
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) return false;
  writeFileSync(path, after);
  return true;
}

/**
 * Writes what an app's settings declaration determines: the `cognitoTrigger.environment` of its
 * package.json (when it has the field) and the configuration tables between the
 * `<!-- settings:begin <app> -->` markers of its README and the root README. Returns the files it
 * changed, relative to the root. An app without `src/settings.ts` is left alone.
 *
 * @example
 * for (const app of listTriggerApps(root)) console.log(await writeAppSettings(app, root));
 */
export async function writeAppSettings(app: TriggerApp, root: string): Promise<string[]> {
  const settings = await loadAppSettings(app);
  if (settings === undefined) return [];
  const changed: string[] = [];
  const manifestPath = join(app.path, 'package.json');
  const wrote = rewrite(manifestPath, (text) => {
    const manifest: unknown = JSON.parse(text);
    if (!isObject(manifest) || !isObject(manifest.cognitoTrigger)) return text;
    manifest.cognitoTrigger.environment = deployEnvironment(settings);
    return `${JSON.stringify(manifest, null, 2)}\n`;
  });
  if (wrote) changed.push(`${app.appDir}/package.json`);
  const table = settingsTable(settings);
  for (const [path, shown] of [
    [join(app.path, 'README.md'), `${app.appDir}/README.md`],
    [join(root, 'README.md'), 'README.md'],
  ] as const) {
    if (rewrite(path, (text) => replaceSettingsBlocks(text, app.dir, table))) changed.push(shown);
  }
  return changed;
}
