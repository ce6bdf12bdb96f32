import {
  TRIGGER_FAMILIES,
  type CognitoTriggerEvent,
  type LambdaConfigSlot,
  type TriggerFamily,
} from '@cognito-triggers/trigger-core';

type AnyFamily = TriggerFamily<CognitoTriggerEvent>;

/**
 * A family's `cognitoTrigger.slot` name, the CDK's `UserPoolOperation` name for its
 * `LambdaConfig` key: `PreSignUp` is `preSignUp`, `CustomSMSSender` is `customSmsSender`.
 *
 * @example
 * const slot: SlotName = 'preTokenGeneration';
 */
export type SlotName<S extends LambdaConfigSlot = LambdaConfigSlot> = S extends 'CustomSMSSender'
  ? 'customSmsSender'
  : Uncapitalize<S>;

/**
 * The `cognitoTrigger.slot` name of a `LambdaConfig` key.
 *
 * @example
 * slotNameOf('CustomSMSSender'); // 'customSmsSender'
 * slotNameOf(TRIGGER_FAMILIES.PreSignUp.slot); // 'preSignUp'
 */
export function slotNameOf<S extends LambdaConfigSlot>(slot: S): SlotName<S> {
  const name = slot === 'CustomSMSSender' ? 'customSmsSender' : `${slot.charAt(0).toLowerCase()}${slot.slice(1)}`;
  return name as SlotName<S>;
}

const FAMILIES: readonly AnyFamily[] = Object.values<AnyFamily>(TRIGGER_FAMILIES);

/**
 * The family whose `LambdaConfig` key a `cognitoTrigger.slot` names, from trigger-core's one
 * registry, or `undefined` for a name no family has.
 *
 * @example
 * familyOfSlot('userMigration')?.slot; // 'UserMigration'
 */
export function familyOfSlot(name: string): AnyFamily | undefined {
  return FAMILIES.find((family) => slotNameOf(family.slot) === name);
}

/**
 * The `cognitoTrigger.slot` names this repo's tooling can deploy (the CDK user-pool stack,
 * `pnpm deploy:trigger`): the families trigger-core's registry marks deployable, in its order.
 *
 * @example
 * DEPLOYABLE_SLOTS.includes('postConfirmation'); // true
 * DEPLOYABLE_SLOTS.includes('customSmsSender'); // false: a custom sender also needs a KMS key
 */
export const DEPLOYABLE_SLOTS: readonly SlotName[] = FAMILIES.filter((family) => family.deployment.deployable).map(
  (family) => slotNameOf(family.slot),
);
