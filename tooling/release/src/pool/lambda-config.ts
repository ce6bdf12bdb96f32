import type { LambdaConfigType } from '@aws-sdk/client-cognito-identity-provider';
import { ReleaseConfigurationError, slotWiring, type TriggerDefinition } from '../registry/index';

/**
 * One trigger to wire into a pool: the app and the alias ARN the pool will invoke.
 *
 * @example
 * const attachment: TriggerAttachment = { trigger: findTrigger('post-confirmation'), aliasArn: 'arn:aws:lambda:eu-west-1:123456789012:function:cognito-post-confirmation:live' };
 */
export interface TriggerAttachment {
  trigger: TriggerDefinition;
  aliasArn: string;
}

/**
 * One `LambdaConfig` key whose value a plan changes, as text for the diff.
 *
 * @example
 * const change: LambdaConfigChange = { key: 'PostConfirmation', before: undefined, after: 'arn:aws:lambda:…:live' };
 */
export interface LambdaConfigChange {
  key: keyof LambdaConfigType;
  before: string | undefined;
  after: string | undefined;
}

/** `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`, split. */
const LAMBDA_ARN = /^arn:([^:]+):lambda:([^:]+):(\d{12}):function:([^:]+)(?::([^:]+))?$/;

/**
 * The unqualified function ARN of a Lambda ARN (its alias or version stripped), or `undefined`
 * when the text is no Lambda function ARN.
 *
 * @example
 * unqualifiedFunctionArn('arn:aws:lambda:eu-west-1:123456789012:function:cognito-pre-sign-up:live');
 * // 'arn:aws:lambda:eu-west-1:123456789012:function:cognito-pre-sign-up'
 */
export function unqualifiedFunctionArn(arn: string): string | undefined {
  const match = LAMBDA_ARN.exec(arn);
  return match ? `arn:${match[1]}:lambda:${match[2]}:${match[3]}:function:${match[4]}` : undefined;
}

/** The ARN a `LambdaConfig` key holds, whether plain or `{ LambdaVersion, LambdaArn }`. */
function arnAt(config: LambdaConfigType, key: keyof LambdaConfigType): string | undefined {
  const value = config[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return 'LambdaArn' in value ? value.LambdaArn : undefined;
}

/**
 * Every function ARN a `LambdaConfig` names, plain or versioned.
 *
 * @example
 * functionArnsIn({ PreSignUp: arn, CustomSMSSender: { LambdaVersion: 'V1_0', LambdaArn: other } }); // [arn, other]
 */
export function functionArnsIn(config: LambdaConfigType): string[] {
  return (Object.keys(config) as (keyof LambdaConfigType)[])
    .filter((key) => key !== 'KMSKeyID')
    .flatMap((key) => arnAt(config, key) ?? []);
}

/** The text a diff shows for a `LambdaConfig` value. */
function describeValue(value: LambdaConfigType[keyof LambdaConfigType]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  // Sorted keys: Cognito may answer with another key order than the one a plan writes.
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
}

function sameFunction(arn: string | undefined, aliasArn: string): boolean {
  return arn !== undefined && unqualifiedFunctionArn(arn) === unqualifiedFunctionArn(aliasArn);
}

/**
 * The pool's `LambdaConfig` with the given triggers attached: each slot points at its alias ARN
 * (pre-token generation also gets `PreTokenGenerationConfig` with the app's event version, the
 * custom senders `{ LambdaVersion, LambdaArn }` and the pool's `KMSKeyID`). Every other key is
 * kept as it is. A slot held by another function, or a KMS key other than the one the pool's
 * custom senders use, stops the attach unless `replace` is set: it would silently switch off
 * somebody's trigger.
 *
 * @example
 * const next = attachedLambdaConfig(pool.LambdaConfig ?? {}, [{ trigger, aliasArn }], { replace: false });
 */
export function attachedLambdaConfig(
  current: LambdaConfigType,
  attachments: readonly TriggerAttachment[],
  options: { replace: boolean; kmsKeyId?: string | undefined },
): LambdaConfigType {
  const next: LambdaConfigType = structuredClone(current);
  const conflicts: string[] = [];
  const claim = (key: keyof LambdaConfigType, aliasArn: string, app: string): void => {
    const held = arnAt(current, key);
    if (held !== undefined && !sameFunction(held, aliasArn) && !options.replace) {
      conflicts.push(`LambdaConfig.${key} runs ${held}, not ${app}`);
    }
  };
  const slotsSeen = new Map<string, string>();
  let needsKmsKey = false;
  for (const { trigger, aliasArn } of attachments) {
    const wiring = slotWiring(trigger.userPoolTrigger);
    const other = slotsSeen.get(wiring.key);
    if (other !== undefined) {
      throw new ReleaseConfigurationError(
        'USAGE',
        `${other} and ${trigger.name} both fill the ${trigger.userPoolTrigger} slot; a pool runs one function per slot`,
      );
    }
    slotsSeen.set(wiring.key, trigger.name);
    const version = trigger.lambdaVersion ?? wiring.defaultVersion;
    if (wiring.versionedKey === 'PreTokenGenerationConfig') {
      claim('PreTokenGeneration', aliasArn, trigger.name);
      claim('PreTokenGenerationConfig', aliasArn, trigger.name);
      // Cognito requires both keys to name the same function when both are set.
      next.PreTokenGeneration = aliasArn;
      next.PreTokenGenerationConfig = { LambdaVersion: version as 'V1_0', LambdaArn: aliasArn };
    } else if (wiring.versionedKey === 'CustomEmailSender' || wiring.versionedKey === 'CustomSMSSender') {
      claim(wiring.versionedKey, aliasArn, trigger.name);
      next[wiring.versionedKey] = { LambdaVersion: version as 'V1_0', LambdaArn: aliasArn };
      needsKmsKey = true;
    } else {
      claim(wiring.key, aliasArn, trigger.name);
      (next as Record<string, unknown>)[wiring.key] = aliasArn;
    }
  }
  if (needsKmsKey) next.KMSKeyID = kmsKeyFor(current, options, conflicts);
  if (conflicts.length > 0) {
    throw new ReleaseConfigurationError(
      'USAGE',
      `the pool's slots are taken: ${conflicts.join('; ')}. Detach those first, or pass --replace to take them over`,
    );
  }
  return next;
}

function kmsKeyFor(
  current: LambdaConfigType,
  options: { replace: boolean; kmsKeyId?: string | undefined },
  conflicts: string[],
): string {
  const wanted = options.kmsKeyId ?? current.KMSKeyID;
  if (wanted === undefined) {
    throw new ReleaseConfigurationError(
      'USAGE',
      'a custom sender needs the KMS key Cognito encrypts codes with: pass --kms-key-id <key ARN>',
    );
  }
  if (current.KMSKeyID !== undefined && current.KMSKeyID !== wanted && !options.replace) {
    conflicts.push(
      `LambdaConfig.KMSKeyID is ${current.KMSKeyID}, which the pool's senders decrypt with, not ${wanted}`,
    );
  }
  return wanted;
}

/**
 * The pool's `LambdaConfig` with the given triggers detached: only keys that point at one of
 * their functions (any alias or version of it) are removed; `KMSKeyID` goes only with the last
 * custom sender, when it was one of ours. Slots that point elsewhere stay and are reported in `leftAlone`.
 *
 * @example
 * const { config, leftAlone } = detachedLambdaConfig(pool.LambdaConfig ?? {}, [{ trigger, aliasArn }]);
 */
export function detachedLambdaConfig(
  current: LambdaConfigType,
  attachments: readonly TriggerAttachment[],
): { config: LambdaConfigType; leftAlone: string[] } {
  const next: LambdaConfigType = structuredClone(current);
  const leftAlone: string[] = [];
  let removedSender = false;
  for (const { trigger, aliasArn } of attachments) {
    const wiring = slotWiring(trigger.userPoolTrigger);
    const keys: (keyof LambdaConfigType)[] =
      wiring.versionedKey === 'PreTokenGenerationConfig'
        ? ['PreTokenGeneration', 'PreTokenGenerationConfig']
        : [wiring.versionedKey ?? wiring.key];
    const held = keys.map((key) => arnAt(current, key)).filter((arn): arn is string => arn !== undefined);
    if (held.length === 0) continue;
    if (held.some((arn) => sameFunction(arn, aliasArn))) {
      for (const key of keys) delete next[key];
      removedSender ||= wiring.needsKmsKey === true;
    } else {
      leftAlone.push(`LambdaConfig.${keys[0]} runs ${held[0]}, not ${trigger.name}: left as it is`);
    }
  }
  // The key goes with the last of our senders; another sender of the pool still needs it.
  if (removedSender && next.CustomEmailSender === undefined && next.CustomSMSSender === undefined) {
    delete next.KMSKeyID;
  }
  return { config: next, leftAlone };
}

/**
 * The keys whose values differ between two `LambdaConfig`s, in a stable order.
 *
 * @example
 * lambdaConfigChanges({}, { PreSignUp: arn }); // [{ key: 'PreSignUp', before: undefined, after: arn }]
 */
export function lambdaConfigChanges(before: LambdaConfigType, after: LambdaConfigType): LambdaConfigChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort() as (keyof LambdaConfigType)[];
  return keys
    .map((key) => ({ key, before: describeValue(before[key]), after: describeValue(after[key]) }))
    .filter((change) => change.before !== change.after);
}
