import { triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { describe, expect, it } from 'vitest';
import { decideMigration, requestProblem, summariseAnswer } from '../src/decide';
import type { LegacyUser } from '../src/legacy-user';

const CONFIG = { attributeMap: [{ from: 'first_name', to: 'given_name' }] } as const;
const ADA: LegacyUser = {
  username: 'ada',
  email: 'ada.legacy@example.com',
  emailVerified: true,
  attributes: { first_name: 'Ada' },
};
const signIn = (password = 'Legacy-Passw0rd!', userName = 'ada') =>
  triggerEvent('UserMigration_Authentication', { userName, request: { password } });
const forgot = () => triggerEvent('UserMigration_ForgotPassword', { userName: 'ada' });

describe('requestProblem', () => {
  it('lets a well-formed sign-in and a forgotten password through to the store', () => {
    expect(requestProblem(signIn())).toBeUndefined();
    expect(requestProblem(forgot())).toBeUndefined();
  });

  it('refuses an empty or overlong password and a username no legacy login can have, before any lookup', () => {
    expect(requestProblem(signIn(''))).toBe('password-invalid');
    expect(requestProblem(signIn('x'.repeat(1_025)))).toBe('password-invalid');
    expect(requestProblem(signIn('Legacy-Passw0rd!', 'ada\r\nbob'))).toBe('username-invalid');
  });
});

describe('decideMigration', () => {
  it('migrates a found user confirmed, with the mapped attributes and no welcome message, on sign-in', () => {
    expect(decideMigration(signIn(), { outcome: 'found', user: ADA, found: true }, CONFIG)).toEqual({
      action: 'migrate',
      response: {
        userAttributes: expect.objectContaining({ given_name: 'Ada' }) as unknown,
        finalUserStatus: 'CONFIRMED',
        messageAction: 'SUPPRESS',
      },
    });
  });

  it('leaves the status to Cognito on a forgotten password, and refuses one whose address is not verified', () => {
    const decision = decideMigration(forgot(), { outcome: 'found', user: ADA, found: true }, CONFIG);
    expect(decision).toMatchObject({ action: 'migrate', response: { messageAction: 'SUPPRESS' } });
    expect(decision.action === 'migrate' && 'finalUserStatus' in decision.response).toBe(false);
    const unverified = { ...ADA, emailVerified: false };
    expect(decideMigration(forgot(), { outcome: 'found', user: unverified, found: true }, CONFIG)).toEqual({
      action: 'refuse',
      reason: 'no-verified-email',
    });
  });

  it("refuses with the store's reason when it found no one, and logs only non-personal fields", () => {
    const answer = { outcome: 'rejected', reason: 'user-not-found', found: false } as const;
    expect(decideMigration(signIn(), answer, CONFIG)).toEqual({ action: 'refuse', reason: 'user-not-found' });
    expect(summariseAnswer(answer)).toEqual({ found: false });
    expect(summariseAnswer({ outcome: 'found', user: ADA, found: true, lookupBy: 'username' })).toEqual({
      found: true,
      lookupBy: 'username',
    });
  });
});
