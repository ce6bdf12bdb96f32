import * as cognito from 'aws-cdk-lib/aws-cognito';
import { slotWiring, type UserPoolTriggerSlot } from '@cognito-triggers/release/registry';
import type { PoolEmailSettings } from './pool-settings';

/**
 * The CDK operation and event version a slot is wired with. Pre-token generation goes through
 * `PreTokenGenerationConfig` (CDK's plain `preTokenGeneration` operation is version 1 only, which
 * carries no access token: access-token claims and scopes would never take effect).
 *
 * @example
 * triggerOperation('preTokenGeneration', 'V2_0'); // { operation: PRE_TOKEN_GENERATION_CONFIG, version: LambdaVersion.V2_0 }
 */
export function triggerOperation(
  slot: UserPoolTriggerSlot,
  lambdaVersion: string | undefined,
): { operation: cognito.UserPoolOperation; version: cognito.LambdaVersion | undefined } {
  if (slot === 'preTokenGeneration') {
    const version = lambdaVersion ?? slotWiring(slot).defaultVersion;
    return {
      operation: cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      version: cognito.LambdaVersion[version as keyof typeof cognito.LambdaVersion],
    };
  }
  return { operation: cognito.UserPoolOperation.of(slot), version: undefined };
}

/**
 * The pool's e-mail through SES, from the settings.
 *
 * @example
 * poolEmail({ from: 'no-reply@acme.example', sesVerifiedDomain: 'acme.example', sesRegion: 'eu-west-1' });
 */
export function poolEmail(email: PoolEmailSettings): cognito.UserPoolEmail {
  return cognito.UserPoolEmail.withSES({
    fromEmail: email.from,
    ...(email.fromName ? { fromName: email.fromName } : {}),
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    ...(email.sesVerifiedDomain ? { sesVerifiedDomain: email.sesVerifiedDomain } : {}),
    sesRegion: email.sesRegion,
    ...(email.configurationSet ? { configurationSetName: email.configurationSet } : {}),
  });
}
