import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { UserPoolTriggerSlot } from '@cognito-triggers/release/registry';

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
 * alias lets only this pool, in this account, invoke it (`SourceArn` and `SourceAccount`).
 *
 * The pool is kept when the stack is deleted and has deletion protection on: it holds the users.
 * An existing pool is brought in with `cdk import` (see docs/release-and-deploy.md) rather than
 * patched with UpdateUserPool, which resets every setting the call leaves out.
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
    });
    for (const { slot, alias } of props.triggers) {
      // addTrigger puts alias.functionArn (the alias ARN) in LambdaConfig and adds a
      // lambda:InvokeFunction permission on the alias for cognito-idp with SourceArn = this pool.
      this.userPool.addTrigger(cognito.UserPoolOperation.of(slot), alias);
    }
    // AWS recommends SourceAccount beside SourceArn for service principals (the confused-deputy
    // guard); addTrigger sets only SourceArn, so every permission it created gets the account too.
    for (const child of this.userPool.node.findAll()) {
      if (child instanceof lambda.CfnPermission && child.principal === 'cognito-idp.amazonaws.com') {
        child.sourceAccount = this.account;
      }
    }
  }
}
