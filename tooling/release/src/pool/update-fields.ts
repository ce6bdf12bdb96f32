import type {
  AdminCreateUserConfigType,
  UpdateUserPoolRequest,
  UserPoolPolicyType,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';

/** A described setting that can be sent back as the `UpdateUserPoolRequest` field `F`. */
type CarriedFrom<F extends keyof UpdateUserPoolRequest> = {
  [K in keyof UserPoolType]-?: UserPoolType[K] extends UpdateUserPoolRequest[F] ? K : never;
}[keyof UserPoolType];

/**
 * How attach and detach fill one field of `UpdateUserPoolRequest`:
 * - `target`: the pool's id;
 * - `ours`: `LambdaConfig`, the only setting they change;
 * - `carried`: the pool's current value, read from the `DescribeUserPool` field `from`;
 * - `omitted`: left out on purpose, for the reason given (Cognito keeps it when omitted).
 *
 * @example
 * const handling: UpdateFieldHandling<'PoolName'> = { kind: 'carried', from: 'Name' };
 */
export type UpdateFieldHandling<F extends keyof UpdateUserPoolRequest = keyof UpdateUserPoolRequest> =
  | { readonly kind: 'target' }
  | { readonly kind: 'ours' }
  | { readonly kind: 'carried'; readonly from: CarriedFrom<F> }
  | { readonly kind: 'omitted'; readonly why: string };

/**
 * Every field of the SDK's `UpdateUserPoolRequest`, and what attach/detach send in it.
 * UpdateUserPool resets every setting it is not given, so nothing may be forgotten: `satisfies`
 * makes a field the SDK adds a type error here until it is carried or deliberately omitted, and
 * checks that each carried value has the type the request expects.
 *
 * @example
 * UPDATE_FIELDS.PoolName; // { kind: 'carried', from: 'Name' }
 */
export const UPDATE_FIELDS = {
  UserPoolId: { kind: 'target' },
  LambdaConfig: { kind: 'ours' },
  Policies: { kind: 'carried', from: 'Policies' },
  DeletionProtection: { kind: 'carried', from: 'DeletionProtection' },
  AutoVerifiedAttributes: { kind: 'carried', from: 'AutoVerifiedAttributes' },
  SmsVerificationMessage: { kind: 'carried', from: 'SmsVerificationMessage' },
  EmailVerificationMessage: { kind: 'carried', from: 'EmailVerificationMessage' },
  EmailVerificationSubject: { kind: 'carried', from: 'EmailVerificationSubject' },
  VerificationMessageTemplate: { kind: 'carried', from: 'VerificationMessageTemplate' },
  SmsAuthenticationMessage: { kind: 'carried', from: 'SmsAuthenticationMessage' },
  UserAttributeUpdateSettings: { kind: 'carried', from: 'UserAttributeUpdateSettings' },
  MfaConfiguration: { kind: 'carried', from: 'MfaConfiguration' },
  DeviceConfiguration: { kind: 'carried', from: 'DeviceConfiguration' },
  EmailConfiguration: { kind: 'carried', from: 'EmailConfiguration' },
  SmsConfiguration: { kind: 'carried', from: 'SmsConfiguration' },
  UserPoolTags: { kind: 'carried', from: 'UserPoolTags' },
  AdminCreateUserConfig: { kind: 'carried', from: 'AdminCreateUserConfig' },
  UserPoolAddOns: { kind: 'carried', from: 'UserPoolAddOns' },
  DcrConfiguration: {
    kind: 'omitted',
    why: 'Cognito keeps the dynamic client registration settings when the field is omitted, while a copy lacking EnableStatus would switch registration on',
  },
  AccountRecoverySetting: { kind: 'carried', from: 'AccountRecoverySetting' },
  PoolName: { kind: 'carried', from: 'Name' },
  UserPoolTier: { kind: 'carried', from: 'UserPoolTier' },
  KeyConfiguration: { kind: 'carried', from: 'KeyConfiguration' },
  IssuerConfiguration: { kind: 'carried', from: 'IssuerConfiguration' },
  AcrConfiguration: { kind: 'carried', from: 'AcrConfiguration' },
} as const satisfies { [F in keyof UpdateUserPoolRequest]-?: UpdateFieldHandling<F> };

/**
 * Every field `DescribeUserPool` returns that no `UpdateUserPoolRequest` field carries, and why:
 * read-only state, settings fixed when the pool was created, and settings other calls own. With
 * {@link UPDATE_FIELDS} it accounts for the whole description; a test fails on a field in neither.
 *
 * @example
 * NOT_UPDATABLE.SchemaAttributes; // 'changed only by AddCustomAttributes; UpdateUserPool never touches it'
 */
export const NOT_UPDATABLE = {
  Id: 'sent as UserPoolId',
  Arn: 'read-only',
  Status: 'read-only',
  CreationDate: 'read-only',
  LastModifiedDate: 'read-only',
  EstimatedNumberOfUsers: 'read-only',
  SmsConfigurationFailure: 'read-only status of the SMS configuration',
  EmailConfigurationFailure: 'read-only status of the e-mail configuration',
  Domain: 'owned by CreateUserPoolDomain/UpdateUserPoolDomain',
  CustomDomain: 'owned by CreateUserPoolDomain/UpdateUserPoolDomain',
  SchemaAttributes: 'changed only by AddCustomAttributes; UpdateUserPool never touches it',
  AliasAttributes: 'fixed when the pool is created',
  UsernameAttributes: 'fixed when the pool is created',
  UsernameConfiguration: 'fixed when the pool is created',
  DcrConfiguration: UPDATE_FIELDS.DcrConfiguration.why,
} as const satisfies Partial<Record<keyof UserPoolType, string>>;

/**
 * The settings attach and detach send back unchanged: the whole `UpdateUserPoolRequest` except
 * `UserPoolId` and `LambdaConfig`.
 *
 * @example
 * const input: UpdateUserPoolRequest = { ...carriedSettings(pool).settings, UserPoolId: id, LambdaConfig: config };
 */
export type CarriedSettings = Omit<UpdateUserPoolRequest, 'UserPoolId' | 'LambdaConfig'>;

/**
 * A described value that is sent in another form because Cognito refuses it as described.
 *
 * @example
 * const note: SettingAdjustment = { setting: 'AdminCreateUserConfig.UnusedAccountValidityDays', why: '...' };
 */
export interface SettingAdjustment {
  setting: string;
  why: string;
}

/**
 * Copies every mutable setting of a described pool into the fields of `UpdateUserPoolRequest`,
 * as {@link UPDATE_FIELDS} says. One value is adjusted, never lost: the deprecated
 * `AdminCreateUserConfig.UnusedAccountValidityDays`, which Cognito refuses next to a password
 * policy, is sent as `Policies.PasswordPolicy.TemporaryPasswordValidityDays` (the same setting).
 *
 * @example
 * const { settings, adjustments } = carriedSettings(described.UserPool);
 */
export function carriedSettings(pool: UserPoolType): { settings: CarriedSettings; adjustments: SettingAdjustment[] } {
  const settings: Record<string, unknown> = {};
  for (const [field, handling] of Object.entries(UPDATE_FIELDS) as [string, UpdateFieldHandling][]) {
    if (handling.kind !== 'carried') continue;
    const value = pool[handling.from];
    // A deep copy: the plan and the request must not share objects with the description they are compared to.
    if (value !== undefined) settings[field] = structuredClone(value);
  }
  const carried = settings as CarriedSettings;
  const adjustments: SettingAdjustment[] = [];
  const unused = carried.AdminCreateUserConfig?.UnusedAccountValidityDays;
  if (carried.AdminCreateUserConfig && unused !== undefined) {
    const { UnusedAccountValidityDays: _deprecated, ...rest } = carried.AdminCreateUserConfig;
    carried.AdminCreateUserConfig = rest satisfies AdminCreateUserConfigType;
    const temporary = carried.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays;
    if (temporary === undefined) {
      carried.Policies = withTemporaryPasswordDays(carried.Policies, unused);
    }
    adjustments.push({
      setting: 'AdminCreateUserConfig.UnusedAccountValidityDays',
      why:
        temporary === undefined
          ? `deprecated and refused by Cognito: sent as Policies.PasswordPolicy.TemporaryPasswordValidityDays (${unused})`
          : `deprecated and refused by Cognito; Policies.PasswordPolicy.TemporaryPasswordValidityDays (${temporary}) holds this setting`,
    });
  }
  return { settings: carried, adjustments };
}

function withTemporaryPasswordDays(policies: UserPoolPolicyType | undefined, days: number): UserPoolPolicyType {
  return { ...policies, PasswordPolicy: { ...policies?.PasswordPolicy, TemporaryPasswordValidityDays: days } };
}

/** The `DescribeUserPool` fields some update field carries (LambdaConfig is the one attach rewrites). */
type CarriedDescribeFields = Extract<(typeof UPDATE_FIELDS)[keyof typeof UPDATE_FIELDS], { kind: 'carried' }>['from'];

/**
 * The `DescribeUserPool` fields neither carried nor listed in {@link NOT_UPDATABLE}: `never`, and
 * the type test fails to compile the day the SDK describes a field this module does not know.
 *
 * @example
 * expectTypeOf<UnaccountedDescribeFields>().toEqualTypeOf<never>();
 */
export type UnaccountedDescribeFields = Exclude<
  keyof UserPoolType,
  CarriedDescribeFields | keyof typeof NOT_UPDATABLE | 'LambdaConfig'
>;
