import { ReleaseConfigurationError } from './errors';

/**
 * The keys of a user pool's `LambdaConfig` a trigger app can fill.
 *
 * @example
 * USER_POOL_TRIGGER_SLOTS.includes('postConfirmation'); // true
 */
export const USER_POOL_TRIGGER_SLOTS = [
  'preSignUp',
  'postConfirmation',
  'customMessage',
  'preTokenGeneration',
  'preAuthentication',
  'postAuthentication',
  'userMigration',
] as const;

/**
 * One of {@link USER_POOL_TRIGGER_SLOTS}.
 *
 * @example
 * const slot: UserPoolTriggerSlot = 'preSignUp';
 */
export type UserPoolTriggerSlot = (typeof USER_POOL_TRIGGER_SLOTS)[number];

/**
 * What AWS a trigger's code may call beyond writing its own logs:
 * - `none`: nothing.
 * - `ses-send`: `ses:SendEmail`/`ses:SendRawEmail` as its configured identity only.
 *
 * @example
 * const access: TriggerAwsAccess = 'none';
 */
export type TriggerAwsAccess = 'none' | 'ses-send';

/**
 * A deployable trigger app: where it lives, which pool slot it fills, what environment it needs
 * and what it may call. The CDK stacks and the deploy command both read this, so a new trigger is
 * added in one place.
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
}

/**
 * Every deployable trigger, by app name. Only apps that exist are listed (a test checks that the
 * list and apps/ agree).
 *
 * @example
 * TRIGGERS['post-confirmation'].userPoolTrigger; // 'postConfirmation'
 */
export const TRIGGERS = {
  'post-confirmation': {
    name: 'post-confirmation',
    appDir: 'apps/post-confirmation',
    userPoolTrigger: 'postConfirmation',
    environment: {
      required: ['EMAIL_FROM'],
      optional: [
        'EMAIL_REPLY_TO',
        'SES_CONFIGURATION_SET',
        'APP_NAME',
        'APP_URL',
        'REQUIRE_VERIFIED_EMAIL',
        'PASSWORD_CHANGE_NOTICE',
        'LOG_LEVEL',
      ],
    },
    awsAccess: 'ses-send',
    timeoutSeconds: 5,
    // More memory is more CPU: the SDK's cold start is CPU-bound, and Cognito waits at most 5 s.
    memoryMiB: 512,
  },
  'pre-sign-up': {
    name: 'pre-sign-up',
    appDir: 'apps/pre-sign-up',
    userPoolTrigger: 'preSignUp',
    environment: {
      required: [],
      optional: [
        'ALLOWED_EMAIL_DOMAINS',
        'BLOCKED_EMAIL_DOMAINS',
        'AUTO_CONFIRM_EMAIL_DOMAINS',
        'BLOCK_DISPOSABLE_EMAIL',
        'GATE_ADMIN_CREATED_USERS',
        'AUTO_VERIFY_PHONE',
        'LOG_LEVEL',
      ],
    },
    awsAccess: 'none',
    timeoutSeconds: 5,
    memoryMiB: 256,
  },
  'custom-message': {
    name: 'custom-message',
    appDir: 'apps/custom-message',
    userPoolTrigger: 'customMessage',
    environment: { required: ['APP_NAME'], optional: ['APP_URL', 'DEFAULT_LOCALE', 'EMAIL_VERIFICATION', 'LOG_LEVEL'] },
    awsAccess: 'none',
    timeoutSeconds: 5,
    memoryMiB: 256,
  },
  'pre-token-generation': {
    name: 'pre-token-generation',
    appDir: 'apps/pre-token-generation',
    userPoolTrigger: 'preTokenGeneration',
    // At least one of the three must be set; the app itself says so at cold start.
    environment: { required: [], optional: ['ID_TOKEN_CLAIMS', 'ACCESS_TOKEN_CLAIMS', 'SCOPES_BY_GROUP', 'LOG_LEVEL'] },
    awsAccess: 'none',
    timeoutSeconds: 5,
    memoryMiB: 256,
  },
} as const satisfies Record<string, TriggerDefinition>;

/**
 * The name of a trigger in {@link TRIGGERS}.
 *
 * @example
 * const name: TriggerName = 'post-confirmation';
 */
export type TriggerName = keyof typeof TRIGGERS;

/**
 * Looks a trigger up by app name; an unknown name is a {@link ReleaseConfigurationError} that
 * lists the known ones.
 *
 * @example
 * const trigger = findTrigger('post-confirmation');
 */
export function findTrigger(name: string): TriggerDefinition {
  if (Object.hasOwn(TRIGGERS, name)) return TRIGGERS[name as TriggerName];
  throw new ReleaseConfigurationError(
    'UNKNOWN_TRIGGER',
    `unknown trigger "${name}"; known triggers: ${Object.keys(TRIGGERS).join(', ')} (a new app is deployable once it is added to tooling/release/src/registry/triggers.ts)`,
  );
}
