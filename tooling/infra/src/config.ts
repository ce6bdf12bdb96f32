import type * as logs from 'aws-cdk-lib/aws-logs';
import type { TriggerDefinition, TriggerSettings } from '@cognito-triggers/release/registry';

/**
 * One trigger to deploy: its definition, its settings for this stage and its artifact.
 *
 * @example
 * const deployment: TriggerDeployment = { trigger: TRIGGERS['post-confirmation'], settings, codePath, version: '0.2.0' };
 */
export interface TriggerDeployment<T extends TriggerDefinition = TriggerDefinition> {
  trigger: T;
  settings: TriggerSettings<T>;
  codePath: string;
  version: string;
}

/**
 * Everything the CDK app needs for one stage, typed so that a trigger's settings must carry
 * its required variables. `main.ts` builds it from the environment; tests build it directly.
 *
 * @example
 * defineTriggerApp(new App(), { functionPrefix: 'cognito-', logRetention: RetentionDays.ONE_MONTH, userPoolName: 'acme', triggers });
 */
export interface InfraConfig {
  /** Prefix of function and stack names; the deploy command uses the same (`TRIGGER_FUNCTION_PREFIX`). */
  functionPrefix: string;
  logRetention: logs.RetentionDays;
  userPoolName: string;
  triggers: readonly TriggerDeployment[];
}
