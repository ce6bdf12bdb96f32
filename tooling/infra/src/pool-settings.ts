import type { TriggerDeployment } from './config';

/**
 * The data types Cognito offers for a custom attribute.
 *
 * @example
 * const type: CustomAttributeType = 'Number';
 */
export type CustomAttributeType = 'String' | 'Number' | 'DateTime' | 'Boolean';

/**
 * How the pool the CDK app creates sends its own e-mail (verification codes, invitations):
 * through SES as `from`, from a verified domain or address, instead of Cognito's default sender
 * (which is limited to a few messages a day).
 *
 * @example
 * const email: PoolEmailSettings = { from: 'no-reply@acme.example', fromName: 'Acme', sesVerifiedDomain: 'acme.example', sesRegion: 'eu-west-1' };
 */
export interface PoolEmailSettings {
  from: string;
  fromName?: string;
  replyTo?: string;
  /** The SES-verified domain `from` belongs to (else `from` itself must be a verified address). */
  sesVerifiedDomain?: string;
  /** The region of the SES identity (required: the stacks are region-agnostic, so CDK cannot assume the pool's). */
  sesRegion: string;
  configurationSet?: string;
}

/**
 * The new pool's settings beyond its name: feature plan, custom attributes (added to those the
 * triggers' configuration refers to), SES e-mail, and the app client's OAuth URLs.
 *
 * @example
 * const settings: NewPoolSettings = { featurePlan: 'ESSENTIALS', customAttributes: { seats: 'Number' } };
 */
export interface NewPoolSettings {
  /** ESSENTIALS by default: the lowest plan that lets pre-token generation V2_0 customize access tokens. */
  featurePlan?: 'ESSENTIALS' | 'PLUS';
  customAttributes?: Readonly<Record<string, CustomAttributeType>>;
  email?: PoolEmailSettings;
  appClient?: { callbackUrls?: readonly string[]; logoutUrls?: readonly string[] };
}

// Cognito's limits on a custom attribute's name (without the `custom:` prefix).
const ATTRIBUTE_NAME = /^[A-Za-z0-9_]{1,20}$/;
const REFERENCE = /custom:([^\s,=:;]*)/g;

/**
 * The custom attributes the pool needs: every `custom:<name>` a trigger's configuration refers
 * to (pre-token generation's claim mappings, say), as String unless `declared` gives the type,
 * plus everything `declared` lists. A name Cognito cannot hold stops synthesis, naming the app
 * and the variable. Attributes can be added to a pool later, never removed.
 *
 * @example
 * customAttributesFor(triggers, { seats: 'Number' }); // { seats: 'Number', tenant_id: 'String' }
 */
export function customAttributesFor(
  triggers: readonly Pick<TriggerDeployment, 'trigger' | 'settings'>[],
  declared: Readonly<Record<string, CustomAttributeType>> = {},
): Record<string, CustomAttributeType> {
  const attributes: Record<string, CustomAttributeType> = {};
  for (const { trigger, settings } of triggers) {
    for (const [variable, value] of Object.entries(settings.environment)) {
      for (const [, name = ''] of value.matchAll(REFERENCE)) {
        if (!ATTRIBUTE_NAME.test(name)) {
          throw new Error(
            `${trigger.name}'s ${variable} refers to custom:${name}, which cannot be a custom attribute: use 1 to 20 letters, digits or underscores`,
          );
        }
        attributes[name] = declared[name] ?? 'String';
      }
    }
  }
  for (const [name, type] of Object.entries(declared)) {
    if (!ATTRIBUTE_NAME.test(name)) {
      throw new Error(`custom attribute "${name}" cannot be created: use 1 to 20 letters, digits or underscores`);
    }
    attributes[name] = type;
  }
  return Object.fromEntries(Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)));
}

const FEATURE_PLANS = ['ESSENTIALS', 'PLUS'];
const ATTRIBUTE_TYPES = ['String', 'Number', 'DateTime', 'Boolean'];

/**
 * Checks a stage's `userPool` object (`deploy/<stage>/stage.json`) and returns the pool's name
 * and settings; every problem names the file and the key.
 *
 * @example
 * const { name, settings } = parseNewPoolSettings({ name: 'acme-users', featurePlan: 'PLUS' }, 'deploy/prod/stage.json');
 */
export function parseNewPoolSettings(
  value: Readonly<Record<string, unknown>>,
  where: string,
): { name: string | undefined; settings: NewPoolSettings } {
  const problem = (key: string, message: string) => new Error(`${where}: "userPool.${key}" ${message}`);
  const known = ['name', 'featurePlan', 'customAttributes', 'email', 'appClient'];
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) throw problem(unknown, `is not a known key; known keys: ${known.join(', ')}`);
  const { name, featurePlan, customAttributes, email, appClient } = value;
  if (name !== undefined && typeof name !== 'string') throw problem('name', 'must be a string');
  if (featurePlan !== undefined && !FEATURE_PLANS.includes(featurePlan as string)) {
    throw problem('featurePlan', `must be one of ${FEATURE_PLANS.join(', ')}`);
  }
  const settings: NewPoolSettings = {};
  if (featurePlan !== undefined) settings.featurePlan = featurePlan as 'ESSENTIALS' | 'PLUS';
  if (customAttributes !== undefined) {
    const entries = Object.entries(asObject(customAttributes, () => problem('customAttributes', 'must be an object')));
    for (const [attribute, type] of entries) {
      if (!ATTRIBUTE_TYPES.includes(type as string)) {
        throw problem(`customAttributes.${attribute}`, `must be one of ${ATTRIBUTE_TYPES.join(', ')}`);
      }
    }
    settings.customAttributes = Object.fromEntries(entries) as Record<string, CustomAttributeType>;
  }
  if (email !== undefined) {
    const fields = asObject(email, () => problem('email', 'must be an object'));
    for (const [key, field] of Object.entries(fields)) {
      if (typeof field !== 'string') throw problem(`email.${key}`, 'must be a string');
    }
    if (typeof fields.from !== 'string' || typeof fields.sesRegion !== 'string') {
      throw problem('email', 'needs "from" (the sender address) and "sesRegion" (the SES identity\'s region)');
    }
    settings.email = fields as unknown as PoolEmailSettings;
  }
  if (appClient !== undefined) {
    const urls = asObject(appClient, () => problem('appClient', 'must be an object'));
    for (const key of ['callbackUrls', 'logoutUrls']) {
      const list = urls[key];
      if (list !== undefined && (!Array.isArray(list) || list.some((url) => typeof url !== 'string'))) {
        throw problem(`appClient.${key}`, 'must be a list of URLs');
      }
    }
    settings.appClient = urls;
  }
  return { name, settings };
}

function asObject(value: unknown, problem: () => Error): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw problem();
  return value as Record<string, unknown>;
}
