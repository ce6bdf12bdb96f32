import { Aws, CfnRule, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { addRollout, type Rollout, type RolloutName } from './rollout';
import { LAMBDA_TARGET } from '@cognito-triggers/build';
import { grantLegacyUserStore } from './legacy-user-store';
import {
  SENDER_KEY_VARIABLE,
  functionEnvironment,
  sesFromAddress,
  slotWiring,
  type TriggerDefinition,
  type TriggerSettings,
} from '@cognito-triggers/release/registry';

/**
 * The alias Cognito invokes and deploys move; versions behind it are what rollbacks go back to.
 *
 * @example
 * new lambda.Alias(this, "LiveAlias", { aliasName: LIVE_ALIAS, version: fn.currentVersion });
 */
export const LIVE_ALIAS = 'live';

/** What a role may do beyond its logs, in its description. */
const ROLE_EXTRAS: Record<TriggerDefinition['awsAccess'], string> = {
  none: '',
  'ses-send': ' and SES sending as one identity',
  'legacy-user-store': ' and its legacy user store',
};

/**
 * Props of {@link TriggerStack}.
 *
 * @example
 * const props: TriggerStackProps = { trigger, settings, codePath, functionName, logRetention: RetentionDays.ONE_MONTH };
 */
export interface TriggerStackProps extends StackProps {
  trigger: TriggerDefinition;
  settings: TriggerSettings;
  /** The app's artifact zip (`artifacts/<name>-<version>.zip`), uploaded as is. */
  codePath: string;
  functionName: string;
  logRetention: logs.RetentionDays;
  /** Shown in the function's description, e.g. `0.2.0`. */
  version?: string;
  /** For a custom sender (required): the key its role may decrypt Cognito's codes with; its ARN is the function's `KMS_KEY_ARN`. */
  senderKey?: kms.IKey;
  /** How CodeDeploy shifts `live` to a new version (default: 10 % for 5 minutes, then all). */
  rollout?: RolloutName;
  /**
   * The id of a user pool this app does not own (`existingUserPool` of a stage): `live` lets that
   * pool, in this stack's account and region, invoke it. Without it the pool stack grants that.
   */
  existingUserPoolId?: string;
}

/**
 * One trigger's stack: its function (nodejs24.x on arm64, the packaged zip, its environment),
 * its log group with retention, a `live` alias, and a role that may write its own logs and, for
 * `ses-send` triggers, call `ses:SendEmail` as its one SES identity and from its `EMAIL_FROM`
 * address only; for `legacy-user-store` (user-migration), its legacy users table or endpoint
 * secret (see `grantLegacyUserStore`); for a custom sender, `kms:Decrypt` with the sender key,
 * whose ARN (a cross-stack reference, never a deployer's value) is its `KMS_KEY_ARN`. Nothing
 * else: no managed policies, no `*`, no `ses:SendRawEmail` (never called).
 *
 * @example
 * const stack = new TriggerStack(app, 'cognito-post-confirmation', { trigger, settings, codePath, functionName, logRetention });
 * stack.alias.functionArn; // what the user pool is pointed at
 */
export class TriggerStack extends Stack {
  readonly function: lambda.Function;
  readonly alias: lambda.Alias;
  readonly role: iam.Role;
  readonly rollout: Rollout;

  constructor(scope: Construct, id: string, props: TriggerStackProps) {
    super(scope, id, props);
    const { trigger, settings, functionName } = props;
    const isSender = slotWiring(trigger.userPoolTrigger).needsKmsKey === true;
    if (isSender && !props.senderKey) {
      throw new Error(`${trigger.name} is a custom sender: its stack needs senderKey (the SenderKeyStack key)`);
    }

    // Created here rather than by Lambda on first write, so retention applies from day one and
    // the role needs no logs:CreateLogGroup.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: props.logRetention,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${trigger.name}: its own logs${ROLE_EXTRAS[trigger.awsAccess]}`,
    });
    logGroup.grantWrite(this.role);
    if (trigger.awsAccess === 'ses-send') {
      this.role.addToPolicy(sesSendStatement(this, trigger, settings));
    }
    if (trigger.awsAccess === 'legacy-user-store') grantLegacyUserStore(this, this.role, settings);
    // A custom sender decrypts the codes Cognito encrypted for it; nothing else may use the key.
    if (isSender) props.senderKey?.grantDecrypt(this.role);

    this.function = new lambda.Function(this, 'Function', {
      functionName,
      description: `${trigger.name}${props.version ? `@${props.version}` : ''} (Cognito ${trigger.userPoolTrigger})`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: LAMBDA_TARGET.handler,
      code: lambda.Code.fromAsset(props.codePath),
      role: this.role,
      // The key ARN comes from the key itself: a value typed by the deployer could name another key.
      environment: functionEnvironment(
        isSender && props.senderKey
          ? { environment: { ...settings.environment, [SENDER_KEY_VARIABLE]: props.senderKey.keyArn } }
          : settings,
      ),
      timeout: Duration.seconds(trigger.timeoutSeconds),
      memorySize: trigger.memoryMiB,
      logGroup,
    });

    // The alias starts on a version published once, when the stack is created, and the template
    // never names another: CloudFormation never moves `live`. Versions after that are
    // deploy-trigger's, and CodeDeploy shifts the alias to them (docs: "Who moves live").
    const bootstrap = new lambda.CfnVersion(this, 'BootstrapVersion', {
      functionName: this.function.functionName,
      description: 'the version live starts on; later ones are published by deploy-trigger',
    });
    this.alias = new lambda.Alias(this, 'LiveAlias', {
      aliasName: LIVE_ALIAS,
      version: lambda.Version.fromVersionAttributes(this, 'Bootstrap', {
        lambda: this.function,
        version: bootstrap.attrVersion,
      }),
      description: 'What Cognito invokes; CodeDeploy shifts it to the versions deploy-trigger publishes',
    });
    if (props.existingUserPoolId !== undefined) {
      grantExistingPool(this, this.alias, props.existingUserPoolId);
      // A pool stack grants this when it makes the pool; an existing pool's id is known here, so no cycle.
      if (trigger.userPoolTrigger === 'customEmailSender') {
        this.role.addToPrincipalPolicy(
          new iam.PolicyStatement({
            actions: ['cognito-idp:AdminGetUser'],
            resources: [
              this.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: props.existingUserPoolId }),
            ],
          }),
        );
      }
    }
    this.rollout = addRollout(this, {
      functionName,
      alias: this.alias,
      logGroup,
      timeoutSeconds: trigger.timeoutSeconds,
      rollout: props.rollout ?? 'canary10Percent5Minutes',
    });
  }
}

/**
 * Lets an existing pool invoke the alias, as the pool stack's `addTrigger` would for its own pool:
 * `SourceArn` that pool in this stack's region and account, `SourceAccount` this account. So
 * `deploy-trigger attach` finds the permission present and adds none; `detach` leaves it (the
 * stack's). A pool id starts with its region and `SourceArn` takes the stack's, so a stack deployed
 * to another region fails at once (a template rule) instead of granting a pool that is not there.
 */
function grantExistingPool(stack: Stack, alias: lambda.Alias, userPoolId: string): void {
  alias.addPermission('ExistingPoolInvoke', {
    principal: new iam.ServicePrincipal('cognito-idp.amazonaws.com'),
    action: 'lambda:InvokeFunction',
    sourceArn: stack.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: userPoolId }),
    sourceAccount: stack.account,
  });
  const region = userPoolId.slice(0, userPoolId.indexOf('_'));
  new CfnRule(stack, 'ExistingPoolRegion', {
    assertions: [
      {
        assert: Fn.conditionEquals(Aws.REGION, region),
        assertDescription: `The user pool ${userPoolId} is in ${region}: deploy this stage's stacks there`,
      },
    ],
  });
}

function sesSendStatement(stack: Stack, trigger: TriggerDefinition, settings: TriggerSettings): iam.PolicyStatement {
  if (!settings.sesIdentityArn) {
    throw new Error(`${trigger.name} sends e-mail: its settings need sesIdentityArn (SES_IDENTITY_ARN)`);
  }
  const resources = [settings.sesIdentityArn];
  // SES also authorizes the configuration set a message names, so that one is allowed too (and only it).
  const configurationSet = settings.environment.SES_CONFIGURATION_SET;
  if (configurationSet) {
    resources.push(stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet }));
  }
  // A domain identity would let the role send as any address of the domain: the condition narrows
  // it to the one address the trigger is configured with (the bare address, whatever display name).
  return new iam.PolicyStatement({
    actions: ['ses:SendEmail'],
    resources,
    conditions: { StringEquals: { 'ses:FromAddress': sesFromAddress(trigger, settings) } },
  });
}
