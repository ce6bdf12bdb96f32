import { writeFile } from 'node:fs/promises';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { deterministicZip } from '@cognito-triggers/build';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from './fixture';

let synthesized: Awaited<ReturnType<typeof synthesize>>;
let template: Template;

beforeAll(async () => {
  synthesized = await synthesize();
  template = Template.fromStack(synthesized.stacks.triggerStacks[0]!);
});

afterAll(async () => {
  await synthesized.remove();
});

describe("a trigger's safe rollout", () => {
  it('counts invocations, failures and durations from the summary line with metric filters', () => {
    const filters = Object.values(template.findResources('AWS::Logs::MetricFilter')).map(
      (resource) =>
        (
          resource as {
            Properties: { FilterPattern: string; MetricTransformations: { MetricName: string; MetricValue: string }[] };
          }
        ).Properties,
    );
    expect(
      filters.map(({ FilterPattern, MetricTransformations: [metric] }) => [
        metric?.MetricName,
        FilterPattern,
        metric?.MetricValue,
      ]),
    ).toEqual([
      ['Invocations', '{ $.message = "invocation finished" }', '1'],
      ['FailedInvocations', '{ ($.message = "invocation finished") && ($.outcome = "failed") }', '1'],
      ['DurationMs', '{ $.message = "invocation finished" }', '$.durationMs'],
    ]);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('^Logs') },
      MetricTransformations: [
        Match.objectLike({
          MetricNamespace: 'CognitoTriggers',
          Dimensions: [{ Key: 'FunctionName', Value: 'test-post-confirmation' }],
        }),
      ],
    });
  });

  it('alarms on a failure rate above 5 % and on p99 durations above 80 % of the budget', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'test-post-confirmation-failure-rate',
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: '100 * FILL(failed, 0) / IF(FILL(invocations, 0) > 0, invocations, 1)' }),
      ]),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'test-post-confirmation-near-budget',
      MetricName: 'DurationMs',
      ExtendedStatistic: 'p99',
      // 5 s timeout: the wrapper's budget is 4700 ms.
      Threshold: 3760,
    });
  });

  it('shifts live with a CodeDeploy canary that rolls back on either alarm', () => {
    template.hasResourceProperties('AWS::CodeDeploy::Application', {
      ApplicationName: 'test-post-confirmation',
      ComputePlatform: 'Lambda',
    });
    template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentGroupName: 'live',
      DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      AutoRollbackConfiguration: {
        Enabled: true,
        Events: Match.arrayWith(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', 'DEPLOYMENT_STOP_ON_ALARM']),
      },
      AlarmConfiguration: {
        Enabled: true,
        Alarms: [
          { Name: { Ref: Match.stringLikeRegexp('^FailureRateAlarm') } },
          { Name: { Ref: Match.stringLikeRegexp('^NearBudgetAlarm') } },
        ],
      },
    });
    template.hasResource('AWS::Lambda::Alias', {
      UpdatePolicy: { CodeDeployLambdaAliasUpdate: Match.objectLike({ DeploymentGroupName: Match.anyValue() }) },
    });
  });

  it('has a dashboard of its own', () => {
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'test-post-confirmation' });
  });

  it('takes the stage’s rollout', async () => {
    const linear = await synthesize({ rollout: 'linear10PercentEvery1Minute' });
    try {
      Template.fromStack(linear.stacks.triggerStacks[0]!).hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
        DeploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
      });
    } finally {
      await linear.remove();
    }
  });

  it('never moves live from the template: new code leaves the alias as it was', async () => {
    const codePath = synthesized.config.triggers[0]!.codePath;
    const changed = `${codePath}.changed.zip`;
    await writeFile(
      changed,
      deterministicZip({ 'index.mjs': new TextEncoder().encode('export const handler = async () => ({});') }),
    );
    const next = await synthesize({
      triggers: synthesized.config.triggers.map((deployment) => ({ ...deployment, codePath: changed })),
    });
    try {
      const aliasOf = (stack: Template) => JSON.stringify(stack.findResources('AWS::Lambda::Alias'));
      const versionOf = (stack: Template) => JSON.stringify(stack.findResources('AWS::Lambda::Version'));
      const after = Template.fromStack(next.stacks.triggerStacks[0]!);
      expect(aliasOf(after)).toBe(aliasOf(template));
      expect(versionOf(after)).toBe(versionOf(template));
      expect(JSON.stringify(after.findResources('AWS::Lambda::Function'))).not.toBe(
        JSON.stringify(template.findResources('AWS::Lambda::Function')),
      );
    } finally {
      await next.remove();
    }
  });
});
