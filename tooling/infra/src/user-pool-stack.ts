import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { acknowledgeNag } from './nag';
import { slotWiring, type UserPoolTriggerSlot } from '@cognito-triggers/release/registry';

/**
 * Props of {@link UserPoolStack}.
 *
 * @example
 * const props: UserPoolStackProps = { userPoolName: 'acme', triggers: [{ slot: 'postConfirmation', alias }] };
 */
export interface UserPoolStackProps extends StackProps {
  userPoolName: string;
  /** Which alias fills which slot of the pool's Lambda configuration. */
  triggers: readonly { slot: UserPoolTriggerSlot; alias: lambda.IFunction }[];
}

/**
 * The user pool and its wiring: each trigger slot points at a `live` alias ARN (Cognito invokes
 * whatever version the alias names, so deploys and rollbacks never touch this stack), and each
 * alias lets only this pool invoke it (`SourceArn`).
 *
 * The pool is kept when the stack is deleted and has deletion protection on: it holds the users.
 * For a pool this app does not own, skip this stack and wire the aliases with
 * `pnpm deploy:trigger attach` (docs/release-and-deploy.md).
 *
 * @example
 * new UserPoolStack(app, 'cognito-user-pool', { userPoolName: 'acme', triggers: [{ slot: 'postConfirmation', alias }] });
 */
export class UserPoolStack extends Stack {
  readonly userPool: cognito.UserPool;

  constructor(scope: Construct, id: string, props: UserPoolStackProps) {
    super(scope, id, props);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Essentials: the lowest plan that lets pre-token generation V2_0 customize access tokens.
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
    });
    acknowledgeNag(this.userPool, {
      'AwsSolutions-COG2':
        'MFA is offered (authenticator apps) but not required: whether every consumer sign-in needs a second factor is the product owner’s decision, not a default of the trigger stacks',
      'AwsSolutions-COG8':
        'The Plus plan (threat protection) is billed per monthly active user; the plan is the pool owner’s cost decision, and Essentials already runs every trigger here, V2_0 token customization included',
    });
    for (const { slot, alias } of props.triggers) {
      if (slotWiring(slot).needsKmsKey) {
        throw new Error(
          `the ${slot} slot needs a KMS key, which this stack does not create yet: wire that trigger with \`pnpm deploy:trigger attach --kms-key-id\``,
        );
      }
      // addTrigger puts alias.functionArn (the alias ARN) in LambdaConfig and adds a
      // lambda:InvokeFunction permission on the alias for cognito-idp with SourceArn = this pool.
      this.userPool.addTrigger(cognito.UserPoolOperation.of(slot), alias);
    }
  }
}
