import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReleaseConfigurationError } from './errors';
import { sesFromAddress } from './ses-sender';
import { refuseStackSupplied, stackSuppliedVariables } from './stack-supplied';
import type { TriggerAwsAccess, TriggerDefinition } from './triggers';

/**
 * Variables the CDK stacks build resources from (an IAM condition, a table, a secret's ARN):
 * they must be written out in a stage file, never as a reference resolved only at deploy time.
 */
const SHAPES_INFRASTRUCTURE: Readonly<Record<TriggerAwsAccess, readonly string[]>> = {
  none: [],
  'ses-send': ['EMAIL_FROM', 'SES_CONFIGURATION_SET'],
  'legacy-user-store': ['LEGACY_STORE', 'LEGACY_TABLE_NAME', 'LEGACY_EMAIL_INDEX', 'LEGACY_VERIFY_SECRET_ARN'],
};

/**
 * One variable's value in a stage file: the value itself (not secret), or where the secret is
 * kept. `ssmParameter` names a String parameter in SSM Parameter Store; `secretsManager` a
 * secret's ARN or name, with `jsonKey` for one field of a JSON secret.
 *
 * @example
 * const values: StageValue[] = ['Acme', { ssmParameter: '/acme/prod/app-url' }, { secretsManager: 'acme/prod/api', jsonKey: 'token' }];
 */
export type StageValue = string | { ssmParameter: string } | { secretsManager: string; jsonKey?: string };

/**
 * One app's settings for a stage, from `deploy/<stage>/<app>.json`.
 *
 * @example
 * const app: StageAppSettings = { environment: { EMAIL_FROM: 'Acme <hello@acme.example>' }, sesIdentityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/acme.example' };
 */
export interface StageAppSettings {
  environment: Readonly<Record<string, StageValue>>;
  sesIdentityArn?: string;
}

/**
 * A stage (dev, staging, prod or any name): `deploy/<stage>/stage.json` and one
 * `deploy/<stage>/<app>.json` per app. Everything in them is kept in the repository, so values
 * that are secret appear only as references ({@link StageValue}).
 *
 * @example
 * const stage = readStage(root, 'staging');
 * stage.functionPrefix; // 'staging-cognito-'
 */
export interface StageConfig {
  name: string;
  /** Prefix of function and stack names (default `<stage>-cognito-`). */
  functionPrefix: string;
  logRetentionDays?: number;
  /** How CodeDeploy shifts `live` (checked by the CDK app): e.g. `canary10Percent5Minutes`. */
  rollout?: string;
  /** The new pool's settings, checked by the CDK app (`tooling/infra`), which alone reads them. */
  userPool?: Readonly<Record<string, unknown>>;
  /**
   * stage.json's `apps`: the apps this stage deploys (stacks, functions, pool slots); without
   * it, every deployable app. A pool runs one of custom-message and custom-email-sender.
   */
  deployedApps?: readonly string[];
  /**
   * A pool this repository does not own (console, Terraform, another stack): the CDK app then
   * makes no pool, lets this one invoke each alias, and `attach`/`detach` wire it by this id.
   */
  existingUserPool?: { id: string };
  /** By app name; an app without a file has no settings there. */
  apps: Readonly<Record<string, StageAppSettings>>;
}

/** Where the stages live, relative to the repository root. */
export const STAGES_DIR = 'deploy';
const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;
const STAGE_KEYS = ['functionPrefix', 'logRetentionDays', 'rollout', 'userPool', 'existingUserPool', 'apps'];

/**
 * Cognito's own pattern for a user pool id: `<region>_<letters and digits>`.
 *
 * @example
 * USER_POOL_ID.test('eu-west-1_AbC123'); // true
 */
export const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readJson(file: string, shown: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${shown} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (!isObject(parsed)) throw new ReleaseConfigurationError('INVALID_STAGE', `${shown} must hold a JSON object`);
  return parsed;
}

function stageValue(value: unknown, where: string): StageValue {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.ssmParameter === 'string' && Object.keys(value).length === 1) {
    return { ssmParameter: value.ssmParameter };
  }
  if (isObject(value) && typeof value.secretsManager === 'string') {
    const extra = Object.keys(value).filter((key) => key !== 'secretsManager' && key !== 'jsonKey');
    if (extra.length === 0 && (value.jsonKey === undefined || typeof value.jsonKey === 'string')) {
      return value.jsonKey === undefined
        ? { secretsManager: value.secretsManager }
        : { secretsManager: value.secretsManager, jsonKey: value.jsonKey };
    }
  }
  throw new ReleaseConfigurationError(
    'INVALID_STAGE',
    `${where} must be a string, { "ssmParameter": "/name" } or { "secretsManager": "arn or name", "jsonKey"?: "field" }`,
  );
}

/**
 * The names of the stages the repository defines (folders of `deploy/` with a `stage.json`).
 *
 * @example
 * listStages(root); // ['dev', 'prod']
 */
export function listStages(root: string): string[] {
  const dir = join(root, STAGES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'stage.json')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Reads and checks one stage. An unknown stage, a file that is not JSON, an unknown key, a value
 * of the wrong shape or a file for an app that does not exist stops here, naming the file.
 *
 * @example
 * const stage = readStage(root, 'prod');
 */
export function readStage(root: string, name: string): StageConfig {
  if (!STAGE_NAME.test(name)) {
    throw new ReleaseConfigurationError('USAGE', `--stage "${name}" is not a stage name (lowercase, digits, hyphens)`);
  }
  const dir = join(root, STAGES_DIR, name);
  if (!existsSync(join(dir, 'stage.json'))) {
    const known = listStages(root);
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `no stage "${name}": ${STAGES_DIR}/${name}/stage.json does not exist (stages: ${known.length > 0 ? known.join(', ') : 'none'})`,
    );
  }
  const stage = readJson(join(dir, 'stage.json'), `${STAGES_DIR}/${name}/stage.json`);
  const unknown = Object.keys(stage).filter((key) => !STAGE_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${STAGES_DIR}/${name}/stage.json: "${unknown[0]}" is not a known key; known keys: ${STAGE_KEYS.join(', ')}`,
    );
  }
  const {
    functionPrefix = `${name}-cognito-`,
    logRetentionDays,
    rollout,
    userPool,
    existingUserPool,
    apps: deployedApps,
  } = stage;
  if (
    deployedApps !== undefined &&
    (!Array.isArray(deployedApps) ||
      deployedApps.length === 0 ||
      deployedApps.some((app) => typeof app !== 'string') ||
      new Set(deployedApps).size !== deployedApps.length)
  ) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${STAGES_DIR}/${name}/stage.json: "apps" must be a list of app names, each once (leave it out to deploy every app)`,
    );
  }
  if (rollout !== undefined && typeof rollout !== 'string') {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${STAGES_DIR}/${name}/stage.json: "rollout" must be a string`,
    );
  }
  if (typeof functionPrefix !== 'string' || !/^[A-Za-z0-9-_]{0,20}$/.test(functionPrefix)) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${STAGES_DIR}/${name}/stage.json: "functionPrefix" must be a short name prefix`,
    );
  }
  if (logRetentionDays !== undefined && typeof logRetentionDays !== 'number') {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${STAGES_DIR}/${name}/stage.json: "logRetentionDays" must be a number`,
    );
  }
  if (userPool !== undefined && !isObject(userPool)) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${STAGES_DIR}/${name}/stage.json: "userPool" must be an object`,
    );
  }
  const existing =
    existingUserPool === undefined
      ? undefined
      : existingPool(existingUserPool, userPool !== undefined, `${STAGES_DIR}/${name}/stage.json`);
  const apps: Record<string, StageAppSettings> = {};
  for (const file of readdirSync(dir)
    .filter((entry) => entry.endsWith('.json') && entry !== 'stage.json')
    .sort()) {
    const shown = `${STAGES_DIR}/${name}/${file}`;
    const app = readJson(join(dir, file), shown);
    const extra = Object.keys(app).filter((key) => key !== 'environment' && key !== 'sesIdentityArn');
    if (extra.length > 0) {
      throw new ReleaseConfigurationError(
        'INVALID_STAGE',
        `${shown}: "${extra[0]}" is not a known key; known keys: environment, sesIdentityArn`,
      );
    }
    const environment = app.environment ?? {};
    if (!isObject(environment))
      throw new ReleaseConfigurationError('INVALID_STAGE', `${shown}: "environment" must be an object`);
    if (app.sesIdentityArn !== undefined && typeof app.sesIdentityArn !== 'string') {
      throw new ReleaseConfigurationError('INVALID_STAGE', `${shown}: "sesIdentityArn" must be a string`);
    }
    apps[file.slice(0, -'.json'.length)] = {
      environment: Object.fromEntries(
        Object.entries(environment).map(([variable, value]) => [
          variable,
          stageValue(value, `${shown}: environment.${variable}`),
        ]),
      ),
      ...(app.sesIdentityArn === undefined ? {} : { sesIdentityArn: app.sesIdentityArn }),
    };
  }
  return {
    name,
    functionPrefix,
    ...(logRetentionDays === undefined ? {} : { logRetentionDays }),
    ...(rollout === undefined ? {} : { rollout }),
    ...(userPool === undefined ? {} : { userPool }),
    ...(deployedApps === undefined ? {} : { deployedApps: deployedApps as string[] }),
    ...(existing === undefined ? {} : { existingUserPool: existing }),
    apps,
  };
}

/** Checks `existingUserPool`: only an `id` of Cognito's form, and never beside a new pool's `userPool`. */
function existingPool(value: unknown, hasNewPool: boolean, shown: string): { id: string } {
  if (hasNewPool) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${shown}: "existingUserPool" and "userPool" exclude each other: a stage either attaches to a pool it does not own or creates one`,
    );
  }
  if (!isObject(value) || Object.keys(value).some((key) => key !== 'id') || typeof value.id !== 'string') {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${shown}: "existingUserPool" must be { "id": "<user pool id>" }, e.g. { "id": "eu-west-1_AbC123" }`,
    );
  }
  if (!USER_POOL_ID.test(value.id)) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${shown}: "existingUserPool.id" "${value.id}" is not a user pool id (like eu-west-1_AbC123)`,
    );
  }
  return { id: value.id };
}

/**
 * One app's stage settings, checked against the app: a variable it does not read (a typo, or one
 * it stopped reading) or a missing required one stops here, naming the file.
 *
 * @example
 * const settings = stageAppSettings(readStage(root, 'prod'), findTrigger('post-confirmation', root));
 */
export function stageAppSettings(stage: StageConfig, trigger: TriggerDefinition): StageAppSettings {
  const shown = `${STAGES_DIR}/${stage.name}/${trigger.name}.json`;
  const settings = stage.apps[trigger.name] ?? { environment: {} };
  const known = [...trigger.environment.required, ...trigger.environment.optional];
  const unknown = Object.keys(settings.environment).filter((variable) => !known.includes(variable));
  if (unknown.length > 0) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${shown}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not read by ${trigger.name} (it reads ${known.join(', ') || 'nothing'})`,
    );
  }
  refuseStackSupplied(trigger, Object.keys(settings.environment), shown);
  const supplied = stackSuppliedVariables(trigger);
  const missing = trigger.environment.required.filter(
    (variable) => !supplied.includes(variable) && settings.environment[variable] === undefined,
  );
  if (trigger.awsAccess === 'ses-send' && settings.sesIdentityArn === undefined) missing.push('sesIdentityArn');
  if (trigger.awsAccess === 'legacy-user-store') {
    // The store's own variable depends on which store, as for a deploy from the environment.
    const store = settings.environment.LEGACY_STORE;
    const needed =
      typeof store === 'string' && store.toLowerCase() === 'http' ? 'LEGACY_VERIFY_URL' : 'LEGACY_TABLE_NAME';
    if (settings.environment[needed] === undefined) missing.push(needed);
  }
  if (missing.length > 0) {
    throw new ReleaseConfigurationError('MISSING_ENVIRONMENT', `${shown} needs ${missing.join(', ')}`);
  }
  const referenced = SHAPES_INFRASTRUCTURE[trigger.awsAccess].filter(
    (variable) => settings.environment[variable] !== undefined && typeof settings.environment[variable] !== 'string',
  );
  if (referenced.length > 0) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${shown}: ${referenced.join(', ')} must be written out, not a reference: the stack builds ${trigger.name}'s permissions from ${referenced.length === 1 ? 'it' : 'them'}`,
    );
  }
  if (trigger.awsAccess === 'ses-send') {
    const plain = Object.fromEntries(
      Object.entries(settings.environment).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    sesFromAddress(trigger, { environment: plain });
  }
  return settings;
}

/**
 * Refuses stage files that name no deployable app (a renamed app, a typo), so that no settings
 * are silently ignored.
 *
 * @example
 * checkStageApps(stage, Object.keys(loadTriggers(root)));
 */
export function checkStageApps(stage: StageConfig, appNames: readonly string[]): void {
  const stray = Object.keys(stage.apps).filter((app) => !appNames.includes(app));
  if (stray.length > 0) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${stray.map((app) => `${STAGES_DIR}/${stage.name}/${app}.json`).join(', ')}: no deployable app of that name (apps: ${appNames.join(', ')})`,
    );
  }
}

/**
 * The apps a stage deploys, in the registry's order: those its stage.json lists in `apps`, else
 * every deployable app. A listed name that is no deployable app stops here, naming the file.
 *
 * @example
 * stageTriggers(readStage(root, 'dev'), loadTriggers(root)).map((trigger) => trigger.name); // ['custom-email-sender', ...]
 */
export function stageTriggers(
  stage: StageConfig,
  triggers: Readonly<Record<string, TriggerDefinition>>,
): TriggerDefinition[] {
  const all = Object.values(triggers);
  if (stage.deployedApps === undefined) return all;
  const unknown = stage.deployedApps.filter((app) => !Object.hasOwn(triggers, app));
  if (unknown.length > 0) {
    throw new ReleaseConfigurationError(
      'INVALID_STAGE',
      `${STAGES_DIR}/${stage.name}/stage.json: "apps" names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} no deployable app (apps: ${Object.keys(triggers).join(', ')})`,
    );
  }
  return all.filter((trigger) => stage.deployedApps?.includes(trigger.name));
}

/**
 * Refuses a deploy of an app that the stage's `apps` list leaves out: its function has no stack
 * in that stage, or the pool would run two e-mail writers.
 *
 * @example
 * checkStageDeploys(stage, 'custom-message');
 */
export function checkStageDeploys(stage: StageConfig, app: string): void {
  if (stage.deployedApps === undefined || stage.deployedApps.includes(app)) return;
  throw new ReleaseConfigurationError(
    'INVALID_STAGE',
    `stage ${stage.name} does not deploy ${app}: its ${STAGES_DIR}/${stage.name}/stage.json "apps" lists ${stage.deployedApps.join(', ')}`,
  );
}
