import { TRIGGER_FAMILIES } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { DEPLOYABLE_SLOTS, familyOfSlot, slotNameOf } from '../src/index';

describe('slot names, from trigger-core’s registry', () => {
  it('names each LambdaConfig key as the CDK’s UserPoolOperation does', () => {
    expect(slotNameOf('PreSignUp')).toBe('preSignUp');
    expect(slotNameOf('VerifyAuthChallengeResponse')).toBe('verifyAuthChallengeResponse');
    expect(slotNameOf('CustomSMSSender')).toBe('customSmsSender');
  });

  it('finds the family of every slot name, and none for a name no family has', () => {
    for (const family of Object.values(TRIGGER_FAMILIES)) expect(familyOfSlot(slotNameOf(family.slot))).toBe(family);
    expect(familyOfSlot('preSignIn')).toBeUndefined();
  });

  it('lists as deployable the slots the CDK stacks can wire: not the custom SMS sender nor inbound federation', () => {
    expect([...DEPLOYABLE_SLOTS].sort()).toEqual([
      'createAuthChallenge',
      'customEmailSender',
      'customMessage',
      'defineAuthChallenge',
      'postAuthentication',
      'postConfirmation',
      'preAuthentication',
      'preSignUp',
      'preTokenGeneration',
      'userMigration',
      'verifyAuthChallengeResponse',
    ]);
  });
});
