import type { App } from 'aws-cdk-lib';
import { functionNameFor } from '@cognito-triggers/release/registry';
import type { InfraConfig } from './config';
import { addIdempotencyTables, type IdempotencyTableStack } from './idempotency-table';
import { TriggerStack } from './trigger-stack';
import { UserPoolStack } from './user-pool-stack';

/**
 * Adds one {@link TriggerStack} per trigger and the {@link UserPoolStack} wiring them to `app`.
 * The stacks are environment-agnostic: synthesis needs no account, no credentials, no lookups.
 *
 * @example
 * const { triggerStacks, userPoolStack } = defineTriggerApp(new App(), config);
 */
export function defineTriggerApp(
  app: App,
  config: InfraConfig,
): { triggerStacks: TriggerStack[]; userPoolStack: UserPoolStack; idempotencyTableStacks: IdempotencyTableStack[] } {
  const environment = { TRIGGER_FUNCTION_PREFIX: config.functionPrefix };
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
    });
  });
  const idempotencyTableStacks = addIdempotencyTables(app, config.triggers, triggerStacks);
  const userPoolStack = new UserPoolStack(app, `${config.functionPrefix}user-pool`, {
    userPoolName: config.userPoolName,
    triggers: triggerStacks.map((stack, index) => ({
      slot: config.triggers[index]!.trigger.userPoolTrigger,
      alias: stack.alias,
    })),
    description: 'Cognito user pool wired to the trigger aliases',
  });
  return { triggerStacks, userPoolStack, idempotencyTableStacks };
}
