import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { slotWiring, type UserPoolTriggerSlot } from '@cognito-triggers/release/registry';
import { acknowledgeNag } from './nag';
import type { CustomAttributeType, NewPoolSettings } from './pool-settings';
import { poolEmail, triggerOperation } from './pool-wiring';

/**
 * One trigger the pool runs: its slot, the alias Cognito invokes and, for slots with event
 * versions, the version the app declares.
 *
 * @example
 * const wired: PoolTrigger = { slot: 'preTokenGeneration', alias, lambdaVersion: 'V2_0' };
 */
export interface PoolTrigger {
  slot: UserPoolTriggerSlot;
  alias: lambda.IFunction;
  lambdaVersion?: string | undefined;
  /** The trigger's role, for what it may do with this pool (the custom e-mail sender: `AdminGetUser`). */
  role?: iam.IRole;
}

/**
 * Props of {@link UserPoolStack}.
 *
 * @example
 * const props: UserPoolStackProps = { userPoolName: 'acme', triggers: [{ slot: 'postConfirmation', alias }], customAttributes: {} };
 */
export interface UserPoolStackProps extends StackProps {
  userPoolName: string;
  /** Which alias fills which slot of the pool's Lambda configuration. */
  triggers: readonly PoolTrigger[];
  /** The custom attributes the pool defines (see `customAttributesFor`). */
  customAttributes: Readonly<Record<string, CustomAttributeType>>;
  settings?: NewPoolSettings;
  /** The key Cognito encrypts codes for the custom senders with; required when one is wired. */
  senderKey?: kms.IKey;
}

/**
 * The user pool and its wiring: each trigger slot points at a `live` alias ARN (Cognito invokes
 * whatever version the alias names, so deploys and rollbacks never touch this stack), and each
 * alias lets only this pool, in this account, invoke it (`SourceArn` and `SourceAccount`).
 * Pre-token generation is wired through `PreTokenGenerationConfig` with the app's event version
 * (V2_0 by default), the custom senders with the sender key. The pool has the custom attributes
 * the triggers refer to, an app client (SRP sign-in, no secret, no user-existence errors), and
 * SES e-mail when settings give it.
 *
 * The pool is kept when the stack is deleted and has deletion protection on: it holds the users.
 * For a pool this app does not own, a stage says `existingUserPool` instead: there is no such
 * stack, and `pnpm deploy:trigger attach` wires the aliases (docs/release-and-deploy.md).
 *
 * @example
 * new UserPoolStack(app, 'cognito-user-pool', { userPoolName: 'acme', triggers: [{ slot: 'postConfirmation', alias }], customAttributes: {} });
 */
export class UserPoolStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: UserPoolStackProps) {
    super(scope, id, props);
    const settings = props.settings ?? {};
    if (props.triggers.some(({ slot }) => slotWiring(slot).needsKmsKey) && !props.senderKey) {
      throw new Error('a custom sender is wired, so the pool needs senderKey (the SenderKeyStack key)');
    }
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      featurePlan: settings.featurePlan === 'PLUS' ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
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
      customAttributes: Object.fromEntries(
        Object.entries(props.customAttributes).map(([name, type]) => [name, customAttribute(type)]),
      ),
      ...(settings.email ? { email: poolEmail(settings.email) } : {}),
      ...(props.senderKey ? { customSenderKmsKey: props.senderKey } : {}),
    });
    acknowledgeNag(this.userPool, {
      'AwsSolutions-COG2':
        'MFA is offered (authenticator apps) but not required: whether every consumer sign-in needs a second factor is the product owner’s decision, not a default of the trigger stacks',
      'AwsSolutions-COG8':
        'The Plus plan (threat protection) is billed per monthly active user; the plan is the pool owner’s cost decision (settings.featurePlan), and Essentials already runs every trigger here, V2_0 token customization included',
    });
    for (const { slot, alias, lambdaVersion, role } of props.triggers) {
      // addTrigger puts alias.functionArn (the alias ARN) in LambdaConfig and adds a
      // lambda:InvokeFunction permission on the alias for cognito-idp with SourceArn = this pool.
      const { operation, version } = triggerOperation(slot, lambdaVersion);
      this.userPool.addTrigger(operation, alias, version);
      if (slot === 'customEmailSender' && role) {
        // An account-takeover notice may name the user but not the address: the sender looks it
        // up. The policy lives here, beside the pool it names: in the trigger's stack it would
        // refer to this stack, which already refers to that one (the alias), a cycle.
        new iam.Policy(this, 'SenderReadsUsers', {
          roles: [role],
          statements: [
            new iam.PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [this.userPool.userPoolArn] }),
          ],
        });
      }
    }
    // AWS recommends SourceAccount beside SourceArn for service principals (the confused-deputy
    // guard); addTrigger sets only SourceArn, so every permission it created gets the account too.
    for (const child of this.userPool.node.findAll()) {
      if (child instanceof lambda.CfnPermission && child.principal === 'cognito-idp.amazonaws.com') {
        child.sourceAccount = this.account;
      }
    }
    this.client = this.userPool.addClient('AppClient', {
      userPoolClientName: `${props.userPoolName}-app`,
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      ...(settings.appClient?.callbackUrls
        ? {
            oAuth: {
              callbackUrls: [...settings.appClient.callbackUrls],
              logoutUrls: [...(settings.appClient.logoutUrls ?? [])],
            },
          }
        : {}),
    });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'AppClientId', { value: this.client.userPoolClientId });
  }
}

function customAttribute(type: CustomAttributeType): cognito.ICustomAttribute {
  switch (type) {
    case 'Number':
      return new cognito.NumberAttribute({ mutable: true });
    case 'DateTime':
      return new cognito.DateTimeAttribute({ mutable: true });
    case 'Boolean':
      return new cognito.BooleanAttribute({ mutable: true });
    default:
      return new cognito.StringAttribute({ mutable: true });
  }
}
