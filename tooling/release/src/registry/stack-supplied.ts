import { ReleaseConfigurationError } from './errors';
import { slotWiring } from './slots';
import type { TriggerDefinition } from './triggers';

/**
 * The variable a custom sender reads the pool's KMS key ARN from. The CDK stacks create that key
 * (`SenderKeyStack`) and set the variable to its ARN themselves; nobody else may set it.
 *
 * @example
 * stackSuppliedVariables(findTrigger('custom-email-sender')); // [SENDER_KEY_VARIABLE]
 */
export const SENDER_KEY_VARIABLE = 'KMS_KEY_ARN';

/**
 * The variables of a trigger's function whose values its CDK stack supplies from resources it
 * creates (a custom sender's `KMS_KEY_ARN`: the ARN of the key the pool encrypts codes with).
 * A stage file or the deployer's environment must not give them, and a code deploy keeps the
 * running function's values.
 *
 * @example
 * stackSuppliedVariables({ userPoolTrigger: 'customEmailSender' }); // ['KMS_KEY_ARN']
 * stackSuppliedVariables({ userPoolTrigger: 'preSignUp' }); // []
 */
export function stackSuppliedVariables(trigger: Pick<TriggerDefinition, 'userPoolTrigger'>): readonly string[] {
  return slotWiring(trigger.userPoolTrigger).needsKmsKey === true ? [SENDER_KEY_VARIABLE] : [];
}

/**
 * Refuses values for stack-supplied variables: a key ARN written by hand would differ from the
 * key the pool encrypts with, and every code would then fail to decrypt.
 *
 * @param given the variable names the stage file or environment sets.
 * @param where where they were set, for the message: `deploy/dev/custom-email-sender.json`, `the environment`.
 * @example
 * refuseStackSupplied(trigger, Object.keys(settings.environment), 'deploy/dev/custom-email-sender.json');
 */
export function refuseStackSupplied(
  trigger: Pick<TriggerDefinition, 'name' | 'userPoolTrigger'>,
  given: readonly string[],
  where: string,
): void {
  const supplied = stackSuppliedVariables(trigger).filter((name) => given.includes(name));
  if (supplied.length === 0) return;
  throw new ReleaseConfigurationError(
    'INVALID_ENVIRONMENT',
    `${where} sets ${supplied.join(', ')}, which ${trigger.name}'s stack supplies: it is the ARN of the KMS key the stacks create for the pool (SenderKeyStack), and a deploy keeps the function's value. Remove it from ${where}`,
  );
}
