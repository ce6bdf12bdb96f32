import { AppManifestError, findWorkspaceRoot, listTriggerApps, type TriggerApp } from '@cognito-triggers/workspace';
import { ReleaseConfigurationError } from './errors';
import { USER_POOL_TRIGGER_SLOTS, slotWiring, type UserPoolTriggerSlot } from './slots';
import { SES_SENDER_VARIABLE } from './ses-sender';

/**
 * What AWS a trigger's code may call beyond writing its own logs:
 * - `none`: nothing.
 * - `ses-send`: `ses:SendEmail` (nothing else) as its configured identity only, and only from the
 *   address in its `EMAIL_FROM` (an `ses:FromAddress` condition), which it must list as required.
 * - `legacy-user-store`: user-migration's legacy store. With `LEGACY_STORE=dynamodb` (the default)
 *   the stack owns the `LEGACY_TABLE_NAME` table, and the role may read its items, query its
 *   e-mail index and update only the attempt counter; with `LEGACY_STORE=http` it may read the one
 *   secret in `LEGACY_VERIFY_SECRET_ARN`, if set.
 *
 * @example
 * TRIGGER_AWS_ACCESS.includes('ses-send'); // true
 */
export const TRIGGER_AWS_ACCESS = ['none', 'ses-send', 'legacy-user-store'] as const;

/**
 * One of {@link TRIGGER_AWS_ACCESS}.
 *
 * @example
 * const access: TriggerAwsAccess = 'none';
 */
export type TriggerAwsAccess = (typeof TRIGGER_AWS_ACCESS)[number];

/**
 * The `cognitoTrigger` field of a trigger app's package.json: what makes the app deployable.
 *
 * @example
 * const field: CognitoTriggerField = { slot: 'preSignUp', environment: { required: [], optional: ['LOG_LEVEL'] },
 *   awsAccess: 'none', timeoutSeconds: 5, memoryMiB: 256 };
 */
export interface CognitoTriggerField {
  readonly slot: UserPoolTriggerSlot;
  /** Variables the handler reads; `required` ones stop a deploy when unset. */
  readonly environment: { readonly required: readonly string[]; readonly optional: readonly string[] };
  readonly awsAccess: TriggerAwsAccess;
  /** Cognito gives a trigger 5 s in all; the function must give up before that. */
  readonly timeoutSeconds: number;
  readonly memoryMiB: number;
  /** The event version the pool sends, for slots that have one (pre-token generation: V2_0 by default). */
  readonly lambdaVersion?: string;
}

/**
 * A deployable trigger app: where it lives, which pool slot it fills, what environment it needs
 * and what it may call. Loaded from the app's own package.json ({@link loadTriggers}); the CDK
 * stacks and the deploy command both read it.
 *
 * @example
 * const definition: TriggerDefinition = { name: 'pre-sign-up', appDir: 'apps/pre-sign-up', userPoolTrigger: 'preSignUp',
 *   environment: { required: [], optional: ['LOG_LEVEL'] }, awsAccess: 'none', timeoutSeconds: 5, memoryMiB: 256 };
 */
export interface TriggerDefinition {
  /** The app's package name: its artifact name and its function name's suffix. */
  readonly name: string;
  /** The app's folder, relative to the repository root. */
  readonly appDir: string;
  readonly userPoolTrigger: UserPoolTriggerSlot;
  /** Variables the handler reads; `required` ones stop a deploy when unset. */
  readonly environment: { readonly required: readonly string[]; readonly optional: readonly string[] };
  readonly awsAccess: TriggerAwsAccess;
  /** Cognito gives a trigger 5 s in all; the function must give up before that. */
  readonly timeoutSeconds: number;
  readonly memoryMiB: number;
  /** The `LambdaVersion` the pool is configured with; set for slots that have one, defaulted. */
  readonly lambdaVersion?: string;
}

const FIELD = 'cognitoTrigger';
const FIELD_KEYS = ['slot', 'environment', 'awsAccess', 'timeoutSeconds', 'memoryMiB', 'lambdaVersion'] as const;
// Lambda's own limits on memory; Cognito's 5 s bound the timeout more tightly than Lambda's 900 s.
const MEMORY_MIB = { min: 128, max: 10_240 } as const;
const TIMEOUT_SECONDS = { min: 1, max: 5 } as const;
// The name becomes a Lambda function name's suffix and a CloudFormation stack name's.
const FUNCTION_NAME_SUFFIX = /^[a-z0-9][a-z0-9-]*$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks one app's package.json and returns its trigger definition, or `undefined` when it has no
 * `cognitoTrigger` field (an app that builds and tests but is not deployed). Every problem is a
 * {@link ReleaseConfigurationError} naming the app and the field.
 *
 * @param appDir the app's folder relative to the repository root, e.g. `apps/pre-sign-up`.
 * @example
 * parseTriggerManifest({ name: 'pre-sign-up', cognitoTrigger: { slot: 'preSignUp', environment: { required: [], optional: [] },
 *   awsAccess: 'none', timeoutSeconds: 5, memoryMiB: 256 } }, 'apps/pre-sign-up')?.userPoolTrigger; // 'preSignUp'
 */
export function parseTriggerManifest(manifest: unknown, appDir: string): TriggerDefinition | undefined {
  const problem = (field: string, message: string): ReleaseConfigurationError =>
    new ReleaseConfigurationError('INVALID_TRIGGER', `${appDir}/package.json: "${field}" ${message}`);
  if (!isObject(manifest)) throw problem('(root)', 'must be a JSON object');
  if (manifest[FIELD] === undefined) return undefined;
  const field = manifest[FIELD];
  if (!isObject(field)) throw problem(FIELD, 'must be an object');

  const name = manifest.name;
  if (typeof name !== 'string' || !FUNCTION_NAME_SUFFIX.test(name) || name.length > 48) {
    throw problem(
      'name',
      `must be a kebab-case package name of at most 48 characters, usable in a Lambda function name (got ${JSON.stringify(name)})`,
    );
  }
  const unknown = Object.keys(field).filter((key) => !(FIELD_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0)
    throw problem(`${FIELD}.${unknown[0]}`, `is not a known field; known fields: ${FIELD_KEYS.join(', ')}`);

  const slot = field.slot;
  if (typeof slot !== 'string' || !(USER_POOL_TRIGGER_SLOTS as readonly string[]).includes(slot)) {
    throw problem(
      `${FIELD}.slot`,
      `must be one of ${USER_POOL_TRIGGER_SLOTS.join(', ')} (got ${JSON.stringify(slot)})`,
    );
  }
  const awsAccess = field.awsAccess;
  if (typeof awsAccess !== 'string' || !(TRIGGER_AWS_ACCESS as readonly string[]).includes(awsAccess)) {
    throw problem(
      `${FIELD}.awsAccess`,
      `must be one of ${TRIGGER_AWS_ACCESS.join(', ')} (got ${JSON.stringify(awsAccess)})`,
    );
  }
  const integerIn = (key: 'timeoutSeconds' | 'memoryMiB', range: { min: number; max: number }): number => {
    const value = field[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
      throw problem(
        `${FIELD}.${key}`,
        `must be a whole number from ${range.min} to ${range.max} (got ${JSON.stringify(value)})`,
      );
    }
    return value;
  };
  const timeoutSeconds = integerIn('timeoutSeconds', TIMEOUT_SECONDS);
  const memoryMiB = integerIn('memoryMiB', MEMORY_MIB);

  const environment = field.environment;
  if (!isObject(environment))
    throw problem(`${FIELD}.environment`, 'must be an object { "required": [...], "optional": [...] }');
  const variables = (key: 'required' | 'optional'): string[] => {
    const list = environment[key];
    if (!Array.isArray(list))
      throw problem(`${FIELD}.environment.${key}`, 'must be a list of variable names (it may be empty)');
    for (const variable of list as unknown[]) {
      if (typeof variable !== 'string' || !VARIABLE_NAME.test(variable)) {
        throw problem(
          `${FIELD}.environment.${key}`,
          `holds ${JSON.stringify(variable)}, which is not an environment variable name`,
        );
      }
    }
    return list as string[];
  };
  const required = variables('required');
  const optional = variables('optional');
  const extra = Object.keys(environment).filter((key) => key !== 'required' && key !== 'optional');
  if (extra.length > 0)
    throw problem(`${FIELD}.environment.${extra[0]}`, 'is not a known field; known fields: required, optional');
  const both = required.find((variable) => optional.includes(variable));
  if (both !== undefined) throw problem(`${FIELD}.environment`, `lists ${both} as both required and optional`);
  if (awsAccess === 'ses-send' && !required.includes(SES_SENDER_VARIABLE)) {
    throw problem(
      `${FIELD}.environment.required`,
      `must list ${SES_SENDER_VARIABLE} for awsAccess "ses-send": the role may send only from that address`,
    );
  }

  const lambdaVersion = versionOf(slot as UserPoolTriggerSlot, field.lambdaVersion, problem);
  return {
    name,
    appDir,
    userPoolTrigger: slot as UserPoolTriggerSlot,
    environment: { required, optional },
    awsAccess: awsAccess as TriggerAwsAccess,
    timeoutSeconds,
    memoryMiB,
    ...(lambdaVersion === undefined ? {} : { lambdaVersion }),
  };
}

/** The slot's event version: the declared one if the slot has versions and accepts it, else its default. */
function versionOf(
  slot: UserPoolTriggerSlot,
  declared: unknown,
  problem: (field: string, message: string) => ReleaseConfigurationError,
): string | undefined {
  const { versions, defaultVersion } = slotWiring(slot);
  if (versions === undefined) {
    if (declared === undefined) return undefined;
    throw problem(`${FIELD}.lambdaVersion`, `is only for slots with event versions; ${slot} has none`);
  }
  if (declared === undefined) return defaultVersion;
  if (typeof declared !== 'string' || !versions.includes(declared)) {
    throw problem(
      `${FIELD}.lambdaVersion`,
      `must be one of ${versions.join(', ')} for ${slot} (got ${JSON.stringify(declared)})`,
    );
  }
  return declared;
}

/**
 * Every deployable trigger in a workspace, by app name: each `apps/<dir>/package.json` with a
 * `cognitoTrigger` field. It reads the files on every call (a handful of small files), so a
 * trigger added or changed since is never missed. An invalid field stops the load with a
 * {@link ReleaseConfigurationError} naming the app and the field, rather than leaving the app out.
 *
 * @param root the repository root; by default the workspace above the current directory.
 * @example
 * loadTriggers()['post-confirmation']?.userPoolTrigger; // 'postConfirmation'
 */
export function loadTriggers(
  root: string = findWorkspaceRoot(process.cwd()),
): Readonly<Record<string, TriggerDefinition>> {
  const triggers: Record<string, TriggerDefinition> = {};
  let apps: TriggerApp[];
  try {
    apps = listTriggerApps(root);
  } catch (error) {
    if (!(error instanceof AppManifestError)) throw error;
    throw new ReleaseConfigurationError('INVALID_TRIGGER', error.message, { cause: error.cause });
  }
  for (const app of apps) {
    const trigger = parseTriggerManifest(app.manifest, app.appDir);
    if (trigger === undefined) continue;
    const other = triggers[trigger.name];
    if (other !== undefined) {
      throw new ReleaseConfigurationError(
        'INVALID_TRIGGER',
        `${app.appDir}/package.json: "name" ${trigger.name} is also the name of ${other.appDir}; function names must be unique`,
      );
    }
    triggers[trigger.name] = trigger;
  }
  return triggers;
}

/**
 * Looks a trigger up by app name; an unknown name is a {@link ReleaseConfigurationError} that
 * lists the known ones.
 *
 * @param root the repository root; by default the workspace above the current directory.
 * @example
 * const trigger = findTrigger('post-confirmation');
 */
export function findTrigger(name: string, root?: string): TriggerDefinition {
  const triggers = loadTriggers(root);
  const trigger = Object.hasOwn(triggers, name) ? triggers[name] : undefined;
  if (trigger !== undefined) return trigger;
  const known = Object.keys(triggers);
  throw new ReleaseConfigurationError(
    'UNKNOWN_TRIGGER',
    `unknown trigger "${name}"; known triggers: ${known.length > 0 ? known.join(', ') : 'none'} (an app is deployable once its package.json has a "${FIELD}" field; see docs/release-and-deploy.md)`,
  );
}
