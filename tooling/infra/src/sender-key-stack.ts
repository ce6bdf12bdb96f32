import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * Props of {@link SenderKeyStack}.
 *
 * @example
 * const props: SenderKeyStackProps = { aliasName: 'alias/cognito-custom-sender' };
 */
export interface SenderKeyStackProps extends StackProps {
  aliasName: string;
}

/**
 * The KMS key Cognito encrypts codes and temporary passwords with before it hands them to the
 * custom e-mail and SMS senders (`LambdaConfig.KMSKeyID`). Its own stack, because both the
 * senders' stacks (their roles may decrypt with it) and the pool's stack (Cognito encrypts with
 * it) refer to it, and those two refer to each other's outputs already in one direction.
 *
 * Rotation is on. Cognito user pools of this account may create grants and encrypt with it
 * (`aws:SourceAccount`, and `aws:SourceArn` a user pool of this account and region); nothing
 * else may use it but the account's administrators through the key policy's root statement.
 *
 * @example
 * const { key } = new SenderKeyStack(app, 'cognito-sender-key', { aliasName: 'alias/cognito-custom-sender' });
 */
export class SenderKeyStack extends Stack {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: SenderKeyStackProps) {
    super(scope, id, props);
    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the codes Cognito hands to the custom sender triggers',
      enableKeyRotation: true,
      alias: props.aliasName,
      // Codes in flight are encrypted with it: deleting the key would strand every sender.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CognitoUserPoolsEncryptCodes',
        principals: [new iam.ServicePrincipal('cognito-idp.amazonaws.com')],
        actions: ['kms:CreateGrant', 'kms:Encrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: {
            'aws:SourceArn': this.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: '*' }),
          },
        },
      }),
    );
    // What `deploy-trigger attach --kms-key-id` takes when the pool is not this app's.
    new CfnOutput(this, 'KeyArn', { value: this.key.keyArn, description: 'LambdaConfig.KMSKeyID of the pool' });
  }
}
