import { Duration, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { acknowledgeNag } from './nag';

/**
 * How CodeDeploy shifts `live` to a new version: a canary share first, or linear steps, then
 * all of it; `allAtOnce` skips the wait. The names follow CodeDeploy's predefined configurations.
 *
 * @example
 * const rollout: RolloutName = 'canary10Percent5Minutes';
 */
export const ROLLOUTS = {
  canary10Percent5Minutes: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
  canary10Percent10Minutes: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_10MINUTES,
  canary10Percent30Minutes: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_30MINUTES,
  linear10PercentEvery1Minute: codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE,
  linear10PercentEvery3Minutes: codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_3MINUTES,
  allAtOnce: codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE,
} as const;

/**
 * One of {@link ROLLOUTS}.
 *
 * @example
 * const rollout: RolloutName = 'linear10PercentEvery1Minute';
 */
export type RolloutName = keyof typeof ROLLOUTS;

/** Metrics of the trigger's summary line live here, one dimension per function. */
export const METRIC_NAMESPACE = 'CognitoTriggers';
/** Alarm on a failure share above this (%), per minute: a gate failing closed blocks users. */
const FAILURE_RATE_PERCENT = 5;
/** Alarm when the slowest invocations use this much of their deadline budget. */
const BUDGET_SHARE = 0.8;
// The wrapper's budget: Cognito's 5 s (or the timeout, if lower), less its 300 ms safety margin.
const budgetMsOf = (timeoutSeconds: number): number => Math.min(timeoutSeconds * 1000, 5000) - 300;

/**
 * What {@link addRollout} creates.
 *
 * @example
 * rollout.deploymentGroup.deploymentGroupName; // 'live'
 */
export interface Rollout {
  deploymentGroup: codedeploy.LambdaDeploymentGroup;
  failureRateAlarm: cloudwatch.Alarm;
  nearBudgetAlarm: cloudwatch.Alarm;
  dashboard: cloudwatch.Dashboard;
}

/**
 * Safe rollout for one trigger: metric filters on its `invocation finished` summary line
 * (invocations, `outcome` = `failed`, `durationMs`), two alarms (failure rate above 5 % in a
 * minute; p99 duration above 80 % of the deadline budget), a CodeDeploy deployment group that
 * shifts `live` as `rollout` says and rolls back on either alarm or a failed deployment, and a
 * dashboard. The CodeDeploy application is named after the function and the group `live`, the
 * names `deploy-trigger` uses.
 *
 * @example
 * addRollout(stack, { functionName, alias, logGroup, timeoutSeconds: 5, rollout: 'canary10Percent5Minutes' });
 */
export function addRollout(
  stack: Stack,
  props: {
    functionName: string;
    alias: lambda.Alias;
    logGroup: logs.ILogGroup;
    timeoutSeconds: number;
    rollout: RolloutName;
  },
): Rollout {
  const { functionName, logGroup } = props;
  const dimensions = { FunctionName: functionName };
  const summary = 'invocation finished';
  const metric = (id: string, metricName: string, filter: logs.IFilterPattern, metricValue = '1') => {
    new logs.MetricFilter(stack, id, {
      logGroup,
      filterPattern: filter,
      metricNamespace: METRIC_NAMESPACE,
      metricName,
      metricValue,
      dimensions,
      unit: metricName === 'DurationMs' ? cloudwatch.Unit.MILLISECONDS : cloudwatch.Unit.COUNT,
    });
    return new cloudwatch.Metric({
      namespace: METRIC_NAMESPACE,
      metricName,
      dimensionsMap: dimensions,
      period: Duration.minutes(1),
    });
  };
  const invocations = metric(
    'InvocationsFilter',
    'Invocations',
    logs.FilterPattern.stringValue('$.message', '=', summary),
  );
  const failed = metric(
    'FailedFilter',
    'FailedInvocations',
    logs.FilterPattern.all(
      logs.FilterPattern.stringValue('$.message', '=', summary),
      logs.FilterPattern.stringValue('$.outcome', '=', 'failed'),
    ),
  );
  const duration = metric(
    'DurationFilter',
    'DurationMs',
    logs.FilterPattern.stringValue('$.message', '=', summary),
    '$.durationMs',
  );

  const failureRate = new cloudwatch.MathExpression({
    expression: '100 * FILL(failed, 0) / IF(FILL(invocations, 0) > 0, invocations, 1)',
    usingMetrics: { failed: failed.with({ statistic: 'Sum' }), invocations: invocations.with({ statistic: 'Sum' }) },
    period: Duration.minutes(1),
    label: 'failed invocations (%)',
  });
  const failureRateAlarm = failureRate.createAlarm(stack, 'FailureRateAlarm', {
    alarmName: `${functionName}-failure-rate`,
    alarmDescription: `More than ${FAILURE_RATE_PERCENT}% of ${functionName}'s invocations failed in a minute (outcome = failed on its summary line)`,
    threshold: FAILURE_RATE_PERCENT,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  const budgetMs = budgetMsOf(props.timeoutSeconds);
  const nearBudgetAlarm = duration.with({ statistic: 'p99' }).createAlarm(stack, 'NearBudgetAlarm', {
    alarmName: `${functionName}-near-budget`,
    alarmDescription: `${functionName}'s p99 duration is above ${BUDGET_SHARE * 100}% of its ${budgetMs} ms budget: invocations are close to Cognito's deadline`,
    threshold: Math.round(budgetMs * BUDGET_SHARE),
    evaluationPeriods: 2,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

  const application = new codedeploy.LambdaApplication(stack, 'DeployApplication', { applicationName: functionName });
  const deploymentGroup = new codedeploy.LambdaDeploymentGroup(stack, 'DeploymentGroup', {
    application,
    deploymentGroupName: 'live',
    alias: props.alias,
    deploymentConfig: ROLLOUTS[props.rollout],
    alarms: [failureRateAlarm, nearBudgetAlarm],
    autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
  });
  acknowledgeNag(deploymentGroup, {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]':
      "CodeDeploy's own service role for Lambda deployments uses the AWS managed AWSCodeDeployRoleForLambdaLimited policy, which AWS scopes to shifting aliases and reading alarms; a hand-written copy would drift from what CodeDeploy needs",
  });

  const dashboard = new cloudwatch.Dashboard(stack, 'Dashboard', {
    dashboardName: functionName,
    widgets: [
      [
        new cloudwatch.GraphWidget({
          title: 'invocations and failures',
          left: [
            invocations.with({ statistic: 'Sum', label: 'invocations' }),
            failed.with({ statistic: 'Sum', label: 'failed' }),
          ],
          right: [failureRate],
        }),
        new cloudwatch.GraphWidget({
          title: `duration (budget ${budgetMs} ms)`,
          left: [duration.with({ statistic: 'p50', label: 'p50' }), duration.with({ statistic: 'p99', label: 'p99' })],
          leftAnnotations: [{ value: budgetMs, label: 'budget' }],
        }),
        new cloudwatch.AlarmStatusWidget({ title: 'rollback alarms', alarms: [failureRateAlarm, nearBudgetAlarm] }),
      ],
    ],
  });
  return { deploymentGroup, failureRateAlarm, nearBudgetAlarm, dashboard };
}
