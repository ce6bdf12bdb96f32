import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_TARGET } from '@cognito-triggers/build';
import { POST_CONFIRMATION, SES_IDENTITY_ARN, synthesize } from './fixture';

let synthesized: Awaited<ReturnType<typeof synthesize>>;
let postConfirmation: Template;
let preSignUp: Template;

beforeAll(async () => {
  synthesized = await synthesize();
  const [first, second] = synthesized.stacks.triggerStacks;
  postConfirmation = Template.fromStack(first!);
  preSignUp = Template.fromStack(second!);
});

afterAll(async () => {
  await synthesized.remove();
});

describe('a trigger stack', () => {
  it('runs the artifact on nodejs24.x, arm64, index.handler, as the manifest says', () => {
    postConfirmation.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'test-post-confirmation',
      Runtime: LAMBDA_TARGET.runtime,
      Architectures: [LAMBDA_TARGET.architecture],
      Handler: LAMBDA_TARGET.handler,
      Timeout: 5,
      MemorySize: 512,
    });
    expect(LAMBDA_TARGET).toEqual({ runtime: 'nodejs24.x', architecture: 'arm64', handler: 'index.handler' });
  });

  it('gives the function exactly its configured environment, plus source-mapped stack traces', () => {
    postConfirmation.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          EMAIL_FROM: 'Acme <hello@acme.example>',
          NODE_OPTIONS: '--enable-source-maps',
          SES_CONFIGURATION_SET: 'transactional',
        },
      },
    });
    preSignUp.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { LOG_LEVEL: 'DEBUG', NODE_OPTIONS: '--enable-source-maps' } },
    });
  });

  it('logs to its own log group, with retention', () => {
    postConfirmation.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/test-post-confirmation',
      RetentionInDays: 30,
    });
    postConfirmation.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^Logs') } },
    });
  });

  it('starts live on a version published once, so the template never moves it again', () => {
    postConfirmation.resourceCountIs('AWS::Lambda::Alias', 1);
    postConfirmation.resourceCountIs('AWS::Lambda::Version', 1);
    postConfirmation.hasResourceProperties('AWS::Lambda::Version', {
      FunctionName: { Ref: Match.stringLikeRegexp('^Function') },
      CodeSha256: Match.absent(),
    });
    postConfirmation.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      FunctionVersion: { 'Fn::GetAtt': ['BootstrapVersion', 'Version'] },
    });
  });

  it('lets post-confirmation call SendEmail only, as its identity and configuration set, from EMAIL_FROM, and write only its logs', () => {
    postConfirmation.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Logs'), 'Arn'] },
          },
          {
            Effect: 'Allow',
            Action: 'ses:SendEmail',
            // EMAIL_FROM is 'Acme <hello@acme.example>': IAM compares the bare address.
            Condition: { StringEquals: { 'ses:FromAddress': 'hello@acme.example' } },
            Resource: [
              SES_IDENTITY_ARN,
              {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':ses:',
                    { Ref: 'AWS::Region' },
                    ':',
                    { Ref: 'AWS::AccountId' },
                    ':configuration-set/transactional',
                  ],
                ],
              },
            ],
          },
        ],
      },
    });
  });

  it('never grants SendRawEmail, which the code does not call and which no From condition would bind', () => {
    const policies = Object.values(postConfirmation.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } };
    }[];
    const actions = policies.flatMap((policy) =>
      policy.Properties.PolicyDocument.Statement.flatMap((statement) => statement.Action),
    );
    expect(actions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'ses:SendEmail']);
  });

  it('binds the role to a bare EMAIL_FROM address as it is, and refuses an EMAIL_FROM it cannot read', async () => {
    const plain = await synthesize({
      triggers: [
        {
          trigger: POST_CONFIRMATION,
          settings: { environment: { EMAIL_FROM: 'Hello@Acme.example' }, sesIdentityArn: SES_IDENTITY_ARN },
          codePath: synthesized.config.triggers[0]!.codePath,
          version: '0.1.0',
        },
      ],
    });
    try {
      Template.fromStack(plain.stacks.triggerStacks[0]!).hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: 'ses:SendEmail',
              Condition: { StringEquals: { 'ses:FromAddress': 'Hello@Acme.example' } },
              Resource: SES_IDENTITY_ARN,
            }),
          ]),
        },
      });
    } finally {
      await plain.remove();
    }
    for (const EMAIL_FROM of ['Acme', 'a@b.example, c@d.example', 'Acme <a@b.example>\r\nBcc: e@f.example']) {
      await expect(
        synthesize({
          triggers: [
            {
              trigger: POST_CONFIRMATION,
              settings: { environment: { EMAIL_FROM }, sesIdentityArn: SES_IDENTITY_ARN },
              codePath: 'unused.zip',
              version: '0.1.0',
            },
          ],
        }),
      ).rejects.toThrow(/^EMAIL_FROM of post-confirmation must be one e-mail address/);
    }
  });

  it('gives a trigger without AWS access nothing beyond writing its own logs', () => {
    preSignUp.resourceCountIs('AWS::IAM::Policy', 1);
    preSignUp.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Logs'), 'Arn'] },
          },
        ],
      },
    });
  });

  it('attaches no managed policies and grants nothing on "*"', () => {
    for (const template of [postConfirmation, preSignUp]) {
      template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
      const text = JSON.stringify(template.findResources('AWS::IAM::Policy'));
      expect(text).not.toContain('"Resource":"*"');
    }
  });

  it('refuses an e-mail sending trigger without an SES identity', async () => {
    await expect(
      synthesize({
        triggers: [
          {
            trigger: POST_CONFIRMATION,
            settings: { environment: { EMAIL_FROM: 'a@b.example' } },
            codePath: 'unused.zip',
            version: '0.1.0',
          },
        ],
      }),
    ).rejects.toThrow('its settings need sesIdentityArn');
  });
});
