import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { NagFailure, addNagChecks, synthesizeChecked } from '../src/index';
import { synthesize } from './fixture';

let remove: (() => Promise<void>) | undefined;

afterEach(async () => {
  await remove?.();
  remove = undefined;
});

describe('cdk-nag AwsSolutions', () => {
  it('passes every stack of the app, each acknowledged finding justified in code', async () => {
    const synthesized = await synthesize({}, addNagChecks);
    remove = synthesized.remove;
    const assembly = synthesizeChecked(synthesized.app);
    expect(assembly.stacks.map((stack) => stack.stackName)).toEqual([
      'test-post-confirmation',
      'test-pre-sign-up',
      'test-user-pool',
    ]);
  });

  it('fails synthesis on a finding, naming the rule and the construct', async () => {
    const synthesized = await synthesize({}, addNagChecks);
    remove = synthesized.remove;
    // A role anyone could have written by mistake: actions and resources wide open.
    const [first] = synthesized.stacks.triggerStacks;
    first?.role.addToPolicy(new iam.PolicyStatement({ actions: ['ses:*'], resources: ['*'] }));
    expect(first).toBeInstanceOf(Stack);

    let failure: unknown;
    try {
      synthesizeChecked(synthesized.app);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(NagFailure);
    const findings = (failure as NagFailure).findings;
    expect(findings.map((finding) => finding.rule)).toEqual(
      expect.arrayContaining(['AwsSolutions-IAM5[Action::ses:*]', 'AwsSolutions-IAM5[Resource::*]']),
    );
    expect(findings.flatMap((finding) => finding.paths).join(' ')).toContain('test-post-confirmation/Role');
  });
});
