import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { envReader, type EnvReader, type Environment } from '@cognito-triggers/trigger-core';
import type { TriggerApp } from './apps';
import { localEnvironment, type AppSettings } from './settings';

/** Where an app reads its configuration, relative to its folder. */
export const CONFIG_FILE = 'src/config.ts';

// Any address will do: readConfig never connects anywhere.
const PROBE_CONTEXT = {
  sesEndpoint: 'http://127.0.0.1:9',
  dynamodbEndpoint: 'http://127.0.0.1:9',
  kmsEndpoint: 'http://127.0.0.1:9',
  kmsKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-4000-8000-000000000001',
  idempotencyTable: 'idempotency',
} as const;

/**
 * What the Lambda runtime itself sets (its reserved variables: region, the role's credentials),
 * as the local runtime does too. `readConfig` may read them; they are not settings, since no
 * deploy can set them.
 *
 * @example
 * Object.hasOwn(LAMBDA_RUNTIME_ENVIRONMENT, 'AWS_REGION'); // true
 */
export const LAMBDA_RUNTIME_ENVIRONMENT: Readonly<Record<string, string>> = {
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SESSION_TOKEN: 'local',
};

/** An env reader that notes every variable name asked for, whatever the answer. */
function recording(reader: EnvReader, names: Set<string>): EnvReader {
  return new Proxy(reader, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (name: string, ...rest: unknown[]) => {
        names.add(name);
        return (value as (...args: unknown[]) => unknown).call(target, name, ...rest);
      };
    },
  });
}

function configurationErrorOf(error: unknown): { variable: string; message: string } | undefined {
  if (error instanceof Error && error.name === 'ConfigurationError' && 'variable' in error) {
    return { variable: String(error.variable), message: error.message };
  }
  return undefined;
}

/**
 * Where an app's `readConfig` and its settings declaration disagree, one sentence each: a
 * variable it reads that is not declared (or that the declaration says someone else reads), one
 * declared that it never reads, a required one it accepts unset, an optional one it refuses unset,
 * a default that is not the one in effect (unset and set to the default must read alike), or
 * local-stack values it refuses. `readConfig` runs on trigger-core's own env reader, with the
 * local stack's values (plus a setting's `readWhen`, for one read only under others' values), then
 * with each setting left out.
 *
 * @example
 * await readConfigProblems(app, SETTINGS); // ['readConfig reads APP_TITLE, which src/settings.ts does not declare']
 */
export async function readConfigProblems(
  app: Pick<TriggerApp, 'path' | 'appDir'>,
  settings: AppSettings,
): Promise<string[]> {
  const file = join(app.path, CONFIG_FILE);
  if (!existsSync(file)) return [`${app.appDir}/${CONFIG_FILE} is missing: it exports readConfig`];
  const { readConfig } = (await import(pathToFileURL(file).href)) as { readConfig?: unknown };
  if (typeof readConfig !== 'function') return [`${app.appDir}/${CONFIG_FILE} does not export a readConfig function`];
  const read = new Set<string>();
  const run = (environment: Environment): unknown =>
    (readConfig as (env: EnvReader) => unknown)(recording(envReader(environment), read));

  const local = { ...LAMBDA_RUNTIME_ENVIRONMENT, ...localEnvironment(settings, PROBE_CONTEXT) };
  try {
    run(local);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      `readConfig refuses the local stack's values (${message}): give every required setting a valid "local" value`,
    ];
  }
  // A setting read only under others' values (LEGACY_VERIFY_URL when LEGACY_STORE is http) is
  // looked for under those values; a refusal there only ends that look.
  for (const setting of Object.values(settings)) {
    if (setting.readWhen === undefined) continue;
    try {
      run({ ...local, ...setting.readWhen });
    } catch {
      // the names asked for before the refusal are recorded
    }
  }
  const problems: string[] = [];
  for (const name of read) {
    if (Object.hasOwn(LAMBDA_RUNTIME_ENVIRONMENT, name)) continue;
    const setting = settings[name];
    if (setting === undefined) problems.push(`readConfig reads ${name}, which src/settings.ts does not declare`);
    else if (setting.readBy === 'trigger-core')
      problems.push(`readConfig reads ${name}, which src/settings.ts says trigger-core reads`);
  }
  for (const [name, setting] of Object.entries(settings)) {
    if ((setting.readBy ?? 'app') !== 'app') continue;
    if (!read.has(name)) {
      problems.push(`src/settings.ts declares ${name}, which readConfig never reads`);
      continue;
    }
    const without: Record<string, string> = { ...local, ...setting.readWhen };
    delete without[name];
    let refusal: { variable: string; message: string } | undefined;
    try {
      run(without);
    } catch (error) {
      refusal = configurationErrorOf(error) ?? { variable: '', message: String(error) };
    }
    if (refusal === undefined && setting.default !== undefined) {
      // Unset and set to the declared default must read the same: the default is the one in effect.
      const unset = run(without);
      let explicit: unknown;
      try {
        explicit = run({ ...without, [name]: String(setting.default) });
      } catch (error) {
        explicit = error;
      }
      if (!isDeepStrictEqual(unset, explicit)) {
        problems.push(
          `src/settings.ts says ${name} defaults to ${JSON.stringify(setting.default)}, but readConfig reads it unset differently`,
        );
      }
    }
    if (setting.required === true && refusal?.variable !== name) {
      problems.push(`src/settings.ts says ${name} is required, but readConfig accepts it unset`);
    } else if (setting.required === undefined || setting.required === false) {
      if (refusal)
        problems.push(`src/settings.ts says ${name} is optional, but readConfig refuses it unset: ${refusal.message}`);
    }
  }
  return problems;
}
