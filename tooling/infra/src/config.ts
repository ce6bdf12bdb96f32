import type * as logs from 'aws-cdk-lib/aws-logs';
import type { TriggerDefinition, TriggerSettings } from '@cognito-triggers/release/registry';
import type { NewPoolSettings } from './pool-settings';
import type { RolloutName } from './rollout';

/**
 * One trigger to deploy: its definition, its settings for this stage and its artifact.
 *
 * @example
 * const deployment: TriggerDeployment = { trigger: findTrigger('post-confirmation', root), settings, codePath, version: '0.2.0' };
 */
export interface TriggerDeployment {
  trigger: TriggerDefinition;
  settings: TriggerSettings;
  codePath: string;
  version: string;
}

/**
 * Everything the CDK app needs for one stage. `main.ts` builds it from the environment
 * (`readInfraConfig` checks each trigger's required variables); tests build it directly.
 *
 * @example
 * defineTriggerApp(new App(), { functionPrefix: 'cognito-', logRetention: RetentionDays.ONE_MONTH, userPoolName: 'acme', triggers });
 */
export interface InfraConfig {
  /** Prefix of function and stack names; the deploy command uses the same (`TRIGGER_FUNCTION_PREFIX`). */
  functionPrefix: string;
  logRetention: logs.RetentionDays;
  userPoolName: string;
  /** How CodeDeploy shifts each trigger's `live` alias (default canary10Percent5Minutes). */
  rollout?: RolloutName;
  /** The new pool's feature plan, extra custom attributes, SES e-mail and app client URLs. */
  userPool?: NewPoolSettings;
  /**
   * A pool the app does not own: no pool stack is made (`userPoolName` and `userPool` go unused),
   * and each alias lets this pool invoke it, for `deploy-trigger attach` to wire.
   */
  existingUserPool?: { id: string };
  triggers: readonly TriggerDeployment[];
}
