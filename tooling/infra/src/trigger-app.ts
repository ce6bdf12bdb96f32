import type { App } from 'aws-cdk-lib';
import {
  emailWriterConflictMessage,
  functionNameFor,
  slotConflictMessage,
  slotWiring,
} from '@cognito-triggers/release/registry';
import type { InfraConfig } from './config';
import { addIdempotencyTables, type IdempotencyTableStack } from './idempotency-table';
import { customAttributesFor } from './pool-settings';
import { SenderKeyStack } from './sender-key-stack';
import { TriggerStack } from './trigger-stack';
import { UserPoolStack } from './user-pool-stack';

/**
 * Adds one {@link TriggerStack} per trigger and the {@link UserPoolStack} wiring them to `app`;
 * with `existingUserPool`, no pool stack: each alias lets that pool invoke it instead, and
 * `deploy-trigger attach` wires the pool. The stacks are environment-agnostic: synthesis needs
 * no account, no credentials, no lookups. Two apps claiming one slot stop it with a message
 * naming both (CDK's own names neither), and so do custom-message and custom-email-sender
 * together (`emailWriterConflictMessage`).
 *
 * @example
 * const { triggerStacks, userPoolStack } = defineTriggerApp(new App(), config);
 */
export function defineTriggerApp(
  app: App,
  config: InfraConfig,
): {
  triggerStacks: TriggerStack[];
  userPoolStack: UserPoolStack | undefined;
  senderKeyStack: SenderKeyStack | undefined;
  idempotencyTableStacks: IdempotencyTableStack[];
} {
  const triggers = config.triggers.map((deployment) => deployment.trigger);
  const conflict = slotConflictMessage(triggers) ?? emailWriterConflictMessage(triggers);
  if (conflict) throw new Error(conflict);
  const environment = { TRIGGER_FUNCTION_PREFIX: config.functionPrefix };
  // Only when a custom sender is deployed: a KMS key costs money every month.
  const senderKeyStack = config.triggers.some(({ trigger }) => slotWiring(trigger.userPoolTrigger).needsKmsKey)
    ? new SenderKeyStack(app, `${config.functionPrefix}sender-key`, {
        aliasName: `alias/${config.functionPrefix}custom-sender`,
        description: 'KMS key Cognito encrypts codes with for the custom sender triggers',
      })
    : undefined;
  const triggerStacks = config.triggers.map((deployment) => {
    const functionName = functionNameFor(deployment.trigger.name, environment);
    return new TriggerStack(app, functionName, {
      trigger: deployment.trigger,
      settings: deployment.settings,
      codePath: deployment.codePath,
      functionName,
      logRetention: config.logRetention,
      version: deployment.version,
      description: `Cognito trigger ${deployment.trigger.name}`,
      ...(config.rollout ? { rollout: config.rollout } : {}),
      ...(config.existingUserPool ? { existingUserPoolId: config.existingUserPool.id } : {}),
      ...(senderKeyStack && slotWiring(deployment.trigger.userPoolTrigger).needsKmsKey
        ? { senderKey: senderKeyStack.key }
        : {}),
    });
  });
  const idempotencyTableStacks = addIdempotencyTables(app, config.triggers, triggerStacks);
  const userPoolStack = config.existingUserPool
    ? undefined
    : new UserPoolStack(app, `${config.functionPrefix}user-pool`, {
        userPoolName: config.userPoolName,
        triggers: triggerStacks.map((stack, index) => ({
          slot: config.triggers[index]!.trigger.userPoolTrigger,
          alias: stack.alias,
          lambdaVersion: config.triggers[index]!.trigger.lambdaVersion,
          role: stack.role,
        })),
        customAttributes: customAttributesFor(config.triggers, config.userPool?.customAttributes),
        ...(config.userPool ? { settings: config.userPool } : {}),
        ...(senderKeyStack ? { senderKey: senderKeyStack.key } : {}),
        description: 'Cognito user pool wired to the trigger aliases',
      });
  return { triggerStacks, userPoolStack, senderKeyStack, idempotencyTableStacks };
}
