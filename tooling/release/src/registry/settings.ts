import { ReleaseConfigurationError } from './errors';
import { sesFromAddress } from './ses-sender';
import { refuseStackSupplied, stackSuppliedVariables } from './stack-supplied';
import type { TriggerDefinition } from './triggers';

/**
 * A trigger's function environment: the variables of its `cognitoTrigger.environment` that are set.
 * Plain strings by name: the lists live in each app's package.json, so there is no per-trigger type.
 *
 * @example
 * const environment: TriggerEnvironment = { EMAIL_FROM: 'hello@acme.example' };
 */
export type TriggerEnvironment = Readonly<Record<string, string>>;

/**
 * A trigger's settings for one stage: what its function gets as environment and, for
 * `ses-send` triggers, the SES identity it may send as.
 *
 * @example
 * const settings: TriggerSettings = {
 *   environment: { EMAIL_FROM: 'Acme <hello@acme.example>' },
 *   sesIdentityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/acme.example',
 * };
 */
export interface TriggerSettings {
  environment: TriggerEnvironment;
  /** The SES identity (domain or address) ARN; required when `awsAccess` is `ses-send`. */
  sesIdentityArn?: string;
}

/** Why the source maps are shipped: stack traces in the logs point at TypeScript lines. */
const RUNTIME_ENVIRONMENT = { NODE_OPTIONS: '--enable-source-maps' } as const;

/**
 * Reads a trigger's settings from the deployer's environment (CI sets them per app, e.g. from a
 * GitHub environment). Empty values count as unset. Every missing required variable is named in
 * one {@link ReleaseConfigurationError}, so a deploy stops before any AWS call; so does an
 * `ses-send` trigger's sender that is not one readable address (its role is bound to that address),
 * and a variable the stack supplies (`stackSuppliedVariables`: never required here, refused when set).
 *
 * @param needs `function` for a code deploy, `infrastructure` for CDK (which also needs
 *   `SES_IDENTITY_ARN` for `ses-send` triggers).
 * @example
 * const settings = readTriggerSettings(findTrigger('post-confirmation'), process.env, 'function');
 */
export function readTriggerSettings(
  trigger: TriggerDefinition,
  environment: Readonly<Record<string, string | undefined>>,
  needs: 'function' | 'infrastructure',
): TriggerSettings {
  const value = (name: string): string | undefined => environment[name]?.trim() || undefined;
  const supplied = stackSuppliedVariables(trigger);
  refuseStackSupplied(
    trigger,
    supplied.filter((name) => value(name) !== undefined),
    'the environment of this command',
  );
  const missing = trigger.environment.required.filter((name) => !supplied.includes(name) && value(name) === undefined);
  const sesIdentityArn = value('SES_IDENTITY_ARN');
  if (needs === 'infrastructure' && trigger.awsAccess === 'ses-send' && sesIdentityArn === undefined) {
    missing.push('SES_IDENTITY_ARN');
  }
  // The legacy store's own variable depends on which store: the function fails closed without it,
  // and the stack names the table after it.
  if (trigger.awsAccess === 'legacy-user-store') {
    const store = value('LEGACY_STORE')?.toLowerCase() ?? 'dynamodb';
    const needed = store === 'http' ? 'LEGACY_VERIFY_URL' : 'LEGACY_TABLE_NAME';
    if (value(needed) === undefined) missing.push(needed);
  }
  if (missing.length > 0) {
    throw new ReleaseConfigurationError(
      'MISSING_ENVIRONMENT',
      `${trigger.name} needs ${missing.join(', ')} set in the environment of this command (the function gets them as its configuration)`,
    );
  }
  const variables: Record<string, string> = {};
  for (const name of [...trigger.environment.required, ...trigger.environment.optional]) {
    const set = value(name);
    if (set !== undefined) variables[name] = set;
  }
  // Checked for a code deploy too: the role sends from this address only, so a sender it cannot
  // read (or a second address) would ship a function whose every e-mail is refused.
  if (trigger.awsAccess === 'ses-send') sesFromAddress(trigger, { environment: variables });
  return {
    environment: variables,
    // Only a trigger that sends e-mail gets an identity: the others' roles grant no SES access at all.
    ...(sesIdentityArn === undefined || trigger.awsAccess !== 'ses-send' ? {} : { sesIdentityArn }),
  };
}

/**
 * The exact environment a trigger's function runs with: its settings plus what every trigger
 * gets. The CDK stacks and the deploy command both use it, so they never undo each other.
 *
 * @example
 * functionEnvironment({ environment: { EMAIL_FROM: 'hello@acme.example' } });
 * // { EMAIL_FROM: 'hello@acme.example', NODE_OPTIONS: '--enable-source-maps' }
 */
export function functionEnvironment(settings: Pick<TriggerSettings, 'environment'>): Record<string, string> {
  const variables: Record<string, string> = { ...RUNTIME_ENVIRONMENT };
  for (const [name, value] of Object.entries(settings.environment)) variables[name] = value;
  return Object.fromEntries(Object.entries(variables).sort(([a], [b]) => a.localeCompare(b)));
}
