import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TriggerApp } from './apps';
import type { AppSettings } from './settings';

/** Where an app declares its settings, relative to its folder. */
export const SETTINGS_FILE = 'src/settings.ts';

const READERS = ['app', 'trigger-core', 'aws-sdk'];
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with a value that should be an app's {@link AppSettings}, one sentence each
 * (empty when nothing is): the types cannot stop a declaration written in plain JavaScript or
 * loaded from a file.
 *
 * @example
 * declarationProblems({ APP_NAME: { meaning: '' } }); // ['APP_NAME: "meaning" must say what the setting does']
 */
export function declarationProblems(settings: unknown): string[] {
  if (!isObject(settings)) return ['SETTINGS must be an object of settings by variable name'];
  const problems: string[] = [];
  for (const [name, setting] of Object.entries(settings)) {
    const problem = (text: string) => problems.push(`${name}: ${text}`);
    if (!VARIABLE_NAME.test(name)) problem('is not an environment variable name');
    if (!isObject(setting)) {
      problem('must be an object { meaning, required?, default?, … }');
      continue;
    }
    const { meaning, required, readBy, local } = setting;
    if (typeof meaning !== 'string' || meaning.trim() === '') problem('"meaning" must say what the setting does');
    else if (/[|\r\n]/.test(meaning)) problem('"meaning" must be one table cell: no "|" and no line break');
    if (required !== undefined && typeof required !== 'boolean' && typeof required !== 'string')
      problem('"required" must be true, false or words');
    if (setting.default !== undefined && !['string', 'boolean', 'number'].includes(typeof setting.default))
      problem('"default" must be a string, a boolean or a number');
    if (setting.defaultText !== undefined && typeof setting.defaultText !== 'string')
      problem('"defaultText" must be a string');
    if (readBy !== undefined && (typeof readBy !== 'string' || !READERS.includes(readBy)))
      problem(`"readBy" must be one of ${READERS.join(', ')}`);
    if (local !== undefined && typeof local !== 'string' && typeof local !== 'function')
      problem('"local" must be a string or a function of the local stack');
    if (required === true && setting.default !== undefined) problem('a required setting has no default');
    const { readWhen } = setting;
    if (readWhen !== undefined && (!isObject(readWhen) || Object.values(readWhen).some((v) => typeof v !== 'string')))
      problem('"readWhen" must be an object of variable values');
  }
  return problems;
}

/**
 * A settings file that is missing or does not export a valid `SETTINGS`.
 *
 * @example
 * if (error instanceof SettingsDeclarationError) console.error(error.message);
 */
export class SettingsDeclarationError extends Error {
  override readonly name = 'SettingsDeclarationError';
}

/**
 * Loads an app's settings declaration: the `SETTINGS` that its `src/settings.ts` exports. Needs a
 * TypeScript-aware loader (tsx or vitest, as every tool here runs under). An app without the file
 * has no settings (`undefined`); a file without a valid `SETTINGS` is a
 * {@link SettingsDeclarationError} naming the file and what is wrong.
 *
 * @example
 * const settings = await loadAppSettings(app); // { EMAIL_FROM: { required: true, … }, … }
 */
export async function loadAppSettings(app: Pick<TriggerApp, 'path' | 'appDir'>): Promise<AppSettings | undefined> {
  const file = join(app.path, SETTINGS_FILE);
  if (!existsSync(file)) return undefined;
  const module = (await import(pathToFileURL(file).href)) as { SETTINGS?: unknown };
  const problems = declarationProblems(module.SETTINGS);
  if (problems.length > 0) {
    throw new SettingsDeclarationError(`${app.appDir}/${SETTINGS_FILE}: ${problems.join('; ')}`);
  }
  return module.SETTINGS as AppSettings;
}
