import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_ACTIONS } from '../src/index';
import { POST_CONFIRMATION, PRE_SIGN_UP, SES_IDENTITY_ARN, synthesize } from './fixture';

let synthesized: Awaited<ReturnType<typeof synthesize>>;
// Only its throwaway zip is used: the stacks under test reuse it as their code.
let plain: Awaited<ReturnType<typeof synthesize>>;

beforeAll(async () => {
  plain = await synthesize();
  const codePath = plain.config.triggers[0]!.codePath;
  synthesized = await synthesize({
    triggers: [
      {
        trigger: {
          ...POST_CONFIRMATION,
          environment: { ...POST_CONFIRMATION.environment, optional: ['IDEMPOTENCY_TABLE'] },
        },
        settings: {
          environment: { EMAIL_FROM: 'hello@acme.example', IDEMPOTENCY_TABLE: 'test-idempotency' },
          sesIdentityArn: SES_IDENTITY_ARN,
        },
        codePath,
        version: '0.2.0',
      },
      { trigger: PRE_SIGN_UP, settings: { environment: {} }, codePath, version: '0.1.0' },
    ],
  });
});

afterAll(async () => {
  await synthesized?.remove();
  await plain?.remove();
});

const tableArn = {
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':dynamodb:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      ':table/test-idempotency',
    ],
  ],
};

describe('the idempotency table', () => {
  it('is created once, on demand, with TTL on expiresAt and point-in-time recovery', () => {
    const [stack] = synthesized.stacks.idempotencyTableStacks;
    expect(synthesized.stacks.idempotencyTableStacks).toHaveLength(1);
    const template = Template.fromStack(stack!);
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'test-idempotency',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('lets the trigger given IDEMPOTENCY_TABLE put, get, update and delete items of that table only', () => {
    const postConfirmation = Template.fromStack(synthesized.stacks.triggerStacks[0]!);
    postConfirmation.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{ Effect: 'Allow', Action: [...IDEMPOTENCY_ACTIONS], Resource: tableArn }]),
      },
    });
    postConfirmation.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ IDEMPOTENCY_TABLE: 'test-idempotency' }) },
    });
    expect(IDEMPOTENCY_ACTIONS).toEqual([
      'dynamodb:PutItem',
      'dynamodb:GetItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
    ]);
  });

  it('gives no DynamoDB access to a trigger that did not opt in', () => {
    const preSignUp = Template.fromStack(synthesized.stacks.triggerStacks[1]!);
    expect(JSON.stringify(preSignUp.findResources('AWS::IAM::Policy'))).not.toContain('dynamodb');
  });

  it('creates no table when no trigger opts in', async () => {
    const bare = await synthesize();
    try {
      expect(bare.stacks.idempotencyTableStacks).toEqual([]);
      expect(bare.app.node.children.map((child) => child.node.id)).not.toContain('test-idempotency-table');
    } finally {
      await bare.remove();
    }
  });
});
