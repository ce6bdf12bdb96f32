import type { LambdaConfigType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * How a trigger fills its slot of a user pool's `LambdaConfig`.
 *
 * - `key`: the `LambdaConfig` key holding the function's ARN.
 * - `versionedKey`: for slots whose event version the pool chooses, the key holding
 *   `{ LambdaVersion, LambdaArn }` (pre-token generation also keeps the plain `key` in step).
 * - `versions` / `defaultVersion`: the `LambdaVersion`s Cognito accepts there, and ours by default.
 * - `needsKmsKey`: the pool encrypts the codes it hands this trigger with `LambdaConfig.KMSKeyID`.
 *
 * @example
 * const slot: SlotWiring = { key: 'PreSignUp' };
 */
export interface SlotWiring {
  readonly key: keyof LambdaConfigType;
  readonly versionedKey?: 'PreTokenGenerationConfig' | 'CustomEmailSender' | 'CustomSMSSender';
  readonly versions?: readonly string[];
  readonly defaultVersion?: string;
  readonly needsKmsKey?: boolean;
}

/**
 * Every user pool slot a trigger app can fill, keyed by the name its `cognitoTrigger.slot` uses
 * (the CDK's `UserPoolOperation` names), with how it is wired. Inbound federation is missing on
 * purpose: no tooling here deploys it yet.
 *
 * @example
 * SLOT_WIRING.preTokenGeneration.defaultVersion; // 'V2_0'
 */
export const SLOT_WIRING = {
  preSignUp: { key: 'PreSignUp' },
  postConfirmation: { key: 'PostConfirmation' },
  customMessage: { key: 'CustomMessage' },
  // Version 1 events carry no access token, so ACCESS_TOKEN_CLAIMS and scopes need V2_0 or later.
  preTokenGeneration: {
    key: 'PreTokenGeneration',
    versionedKey: 'PreTokenGenerationConfig',
    versions: ['V1_0', 'V2_0', 'V3_0'],
    defaultVersion: 'V2_0',
  },
  preAuthentication: { key: 'PreAuthentication' },
  postAuthentication: { key: 'PostAuthentication' },
  userMigration: { key: 'UserMigration' },
  defineAuthChallenge: { key: 'DefineAuthChallenge' },
  createAuthChallenge: { key: 'CreateAuthChallenge' },
  verifyAuthChallengeResponse: { key: 'VerifyAuthChallengeResponse' },
  customEmailSender: {
    key: 'CustomEmailSender',
    versionedKey: 'CustomEmailSender',
    versions: ['V1_0'],
    defaultVersion: 'V1_0',
    needsKmsKey: true,
  },
  customSmsSender: {
    key: 'CustomSMSSender',
    versionedKey: 'CustomSMSSender',
    versions: ['V1_0'],
    defaultVersion: 'V1_0',
    needsKmsKey: true,
  },
} as const satisfies Record<string, SlotWiring>;

/**
 * The keys of a user pool's `LambdaConfig` a trigger app can fill (`cognitoTrigger.slot`).
 *
 * @example
 * USER_POOL_TRIGGER_SLOTS.includes('postConfirmation'); // true
 */
export const USER_POOL_TRIGGER_SLOTS = Object.keys(SLOT_WIRING) as (keyof typeof SLOT_WIRING)[];

/**
 * One of {@link USER_POOL_TRIGGER_SLOTS}.
 *
 * @example
 * const slot: UserPoolTriggerSlot = 'preSignUp';
 */
export type UserPoolTriggerSlot = keyof typeof SLOT_WIRING;

/**
 * The wiring of one slot, typed loosely enough to read the optional parts of any slot.
 *
 * @example
 * slotWiring('customEmailSender').needsKmsKey; // true
 */
export function slotWiring(slot: UserPoolTriggerSlot): SlotWiring {
  return SLOT_WIRING[slot];
}

/**
 * The slots two or more apps claim, each with the apps' folders: a user pool runs one function
 * per slot, so one pool (the CDK stack's, or one `attach`) cannot take them all.
 *
 * @example
 * slotConflicts([{ appDir: 'apps/pre-sign-up', userPoolTrigger: 'preSignUp' }, { appDir: 'apps/signup-gate', userPoolTrigger: 'preSignUp' }]);
 * // [{ slot: 'preSignUp', appDirs: ['apps/pre-sign-up', 'apps/signup-gate'] }]
 */
export function slotConflicts(
  triggers: readonly { readonly appDir: string; readonly userPoolTrigger: UserPoolTriggerSlot }[],
): { slot: UserPoolTriggerSlot; appDirs: string[] }[] {
  const claims = new Map<UserPoolTriggerSlot, string[]>();
  for (const { appDir, userPoolTrigger } of triggers) {
    claims.set(userPoolTrigger, [...(claims.get(userPoolTrigger) ?? []), appDir]);
  }
  return [...claims].filter(([, appDirs]) => appDirs.length > 1).map(([slot, appDirs]) => ({ slot, appDirs }));
}

/**
 * The message for {@link slotConflicts}, naming every app involved, or `undefined` when there are none.
 *
 * @example
 * const problem = slotConflictMessage(Object.values(loadTriggers(root)));
 * if (problem) throw new Error(problem);
 */
export function slotConflictMessage(
  triggers: readonly { readonly appDir: string; readonly userPoolTrigger: UserPoolTriggerSlot }[],
): string | undefined {
  const conflicts = slotConflicts(triggers);
  if (conflicts.length === 0) return undefined;
  const claims = conflicts.map(({ slot, appDirs }) => `${appDirs.join(' and ')} both claim the ${slot} slot`);
  return `${claims.join('; ')}: a user pool runs one function per slot, so remove the "cognitoTrigger" field of all but one of them (an app without it builds and tests but is not deployed)`;
}

/**
 * The message when one pool would get both a CustomMessage and a CustomEmailSender trigger, or
 * `undefined`. With a custom e-mail sender, Cognito hands every e-mail to it instead of sending
 * one, and the sender's event carries no message: what a CustomMessage trigger writes for e-mail
 * is never sent. The two write the same e-mails here (one template source), so a pool runs one.
 *
 * @example
 * const problem = emailWriterConflictMessage(config.triggers.map(({ trigger }) => trigger));
 * if (problem) throw new Error(problem);
 */
export function emailWriterConflictMessage(
  triggers: readonly { readonly appDir: string; readonly userPoolTrigger: UserPoolTriggerSlot }[],
): string | undefined {
  const message = triggers.find(({ userPoolTrigger }) => userPoolTrigger === 'customMessage');
  const sender = triggers.find(({ userPoolTrigger }) => userPoolTrigger === 'customEmailSender');
  if (!message || !sender) return undefined;
  return `${message.appDir} and ${sender.appDir} both write the pool's e-mails: with a custom e-mail sender, Cognito sends no e-mail itself and never sends what a CustomMessage trigger writes for one. Deploy one of them per pool: list the apps in the stage's deploy/<stage>/stage.json ("apps"), or, without a stage, in TRIGGER_APPS`;
}
