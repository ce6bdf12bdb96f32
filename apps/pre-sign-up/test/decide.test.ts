import { envReader, type PreSignUpEvent } from '@cognito-triggers/trigger-core';
import { triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { decideSignUp, REJECTION_MESSAGES } from '../src/decide';

type Source = PreSignUpEvent['triggerSource'];

function signUp(attributes: Record<string, string | undefined>, source: Source = 'PreSignUp_SignUp'): PreSignUpEvent {
  return triggerEvent(source, { request: { userAttributes: attributes } });
}

function decide(
  environment: Record<string, string>,
  event: PreSignUpEvent,
  isDisposable?: (domain: string) => boolean,
) {
  return decideSignUp(event, readConfig(envReader(environment)), isDisposable);
}

describe('the sign-up gate', () => {
  it('lets anyone sign up and changes nothing when no list is configured', () => {
    expect(decide({}, signUp({ email: 'jane@anything.example' }))).toEqual({
      action: 'allow',
      reason: 'allowed',
      response: {},
    });
  });

  it('refuses an exact blocked domain but not its subdomains', () => {
    const environment = { BLOCKED_EMAIL_DOMAINS: 'spam.example' };
    expect(decide(environment, signUp({ email: 'jane@spam.example' }))).toEqual({
      action: 'reject',
      reason: 'blocked-domain',
      rule: { list: 'BLOCKED_EMAIL_DOMAINS', entry: 0, match: 'exact' },
      userMessage: 'Sign-ups with this e-mail domain are not allowed.',
    });
    expect(decide(environment, signUp({ email: 'jane@eu.spam.example' })).action).toBe('allow');
  });

  it('refuses the subdomains of a *. entry but not the domain itself', () => {
    const environment = { BLOCKED_EMAIL_DOMAINS: 'other.example, *.spam.example' };
    expect(decide(environment, signUp({ email: 'jane@eu.spam.example' }))).toMatchObject({
      action: 'reject',
      rule: { entry: 1, match: 'subdomains' },
    });
    expect(decide(environment, signUp({ email: 'jane@spam.example' })).action).toBe('allow');
  });

  it('matches an address whatever its case, with a trailing dot, and in Unicode or punycode', () => {
    const environment = { BLOCKED_EMAIL_DOMAINS: 'Spam.Example, xn--bcher-kva.example, *.münchen.example' };
    for (const email of [
      'Jane@SPAM.example.',
      'jane@Bücher.example',
      'jane@shop.xn--mnchen-3ya.example',
      'jane@shop.MÜNCHEN.example',
    ]) {
      expect(decide(environment, signUp({ email })).action, email).toBe('reject');
    }
  });

  it('refuses a domain outside the allow-list with the same message as a blocked one', () => {
    const decision = decide({ ALLOWED_EMAIL_DOMAINS: 'acme.example' }, signUp({ email: 'jane@elsewhere.example' }));
    expect(decision).toEqual({ action: 'reject', reason: 'not-in-allow-list', userMessage: REJECTION_MESSAGES.domain });
  });

  it('says which allow-list entry let a user in', () => {
    const decision = decide(
      { ALLOWED_EMAIL_DOMAINS: 'acme.example,*.acme.example' },
      signUp({ email: 'jane@eu.acme.example' }),
    );
    expect(decision).toEqual({
      action: 'allow',
      reason: 'allowed',
      rule: { list: 'ALLOWED_EMAIL_DOMAINS', entry: 1, match: 'subdomains' },
      response: {},
    });
  });

  it('refuses a blocked subdomain of an allowed domain: blocking wins', () => {
    const environment = { ALLOWED_EMAIL_DOMAINS: '*.acme.example', BLOCKED_EMAIL_DOMAINS: 'contractors.acme.example' };
    expect(decide(environment, signUp({ email: 'sam@contractors.acme.example' })).reason).toBe('blocked-domain');
    expect(decide(environment, signUp({ email: 'sam@eu.acme.example' })).action).toBe('allow');
  });

  it('refuses a sign-up without an e-mail address when an allow-list is set, asking for a valid address', () => {
    const decision = decide(
      { ALLOWED_EMAIL_DOMAINS: 'acme.example' },
      signUp({ email: undefined, phone_number: '+12065550142' }),
    );
    expect(decision).toEqual({
      action: 'reject',
      reason: 'missing-email',
      userMessage: 'Please sign up with a valid e-mail address.',
    });
  });

  it('lets a phone-only sign-up through a block-list without verifying an e-mail it does not have', () => {
    const decision = decide(
      { BLOCKED_EMAIL_DOMAINS: 'spam.example', AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example' },
      signUp({ email: undefined, phone_number: '+12065550142' }),
    );
    expect(decision).toEqual({ action: 'allow', reason: 'allowed', detail: 'no-email', response: {} });
  });

  it('refuses an address whose domain cannot be read when any domain rule is set, and lets it be otherwise', () => {
    expect(decide({ BLOCKED_EMAIL_DOMAINS: 'spam.example' }, signUp({ email: 'jane@spam example' }))).toMatchObject({
      action: 'reject',
      reason: 'invalid-email',
    });
    expect(decide({}, signUp({ email: 'jane@spam example' }), () => false)).toMatchObject({
      action: 'reject',
      reason: 'invalid-email',
    });
    expect(decide({ AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example' }, signUp({ email: 'jane@' }))).toEqual({
      action: 'allow',
      reason: 'allowed',
      detail: 'invalid-email',
      problem: 'domain',
      response: {},
    });
  });

  it('refuses addresses the URL host parser would read as an allowed domain, and never auto-confirms them', () => {
    const hostile = [
      'user@example.com/x',
      'user@example.com#x',
      'user@example.com?x',
      'user@example.com\\x',
      'user@ex%61mple.com',
      'user@exa\tmple.com',
      'user@evil.com@example.com',
      'user@evil.com\n@example.com',
      'user\ud800@example.com',
      'user@example.com\r\n',
      `${'a'.repeat(1 << 20)}@example.com`,
      'user@ｅｘａｍｐｌｅ.com',
    ];
    const gate = { ALLOWED_EMAIL_DOMAINS: 'example.com', AUTO_CONFIRM_EMAIL_DOMAINS: 'example.com' };
    for (const email of hostile) {
      expect(decide(gate, signUp({ email })), JSON.stringify(email.slice(0, 40))).toMatchObject({
        action: 'reject',
        reason: 'invalid-email',
        userMessage: REJECTION_MESSAGES.email,
      });
      // With only an auto-confirm list nothing is gated: the user is let in, but not confirmed.
      expect(decide({ AUTO_CONFIRM_EMAIL_DOMAINS: 'example.com' }, signUp({ email }))).toMatchObject({
        action: 'allow',
        reason: 'allowed',
        detail: 'invalid-email',
        response: {},
      });
    }
    expect(decide(gate, signUp({ email: 'user@evil.com@example.com' }))).toMatchObject({ problem: 'several-at-signs' });
  });

  it('treats an empty e-mail attribute as none, and one of spaces as unreadable', () => {
    const environment = { ALLOWED_EMAIL_DOMAINS: 'acme.example' };
    expect(decide(environment, signUp({ email: '' })).reason).toBe('missing-email');
    expect(decide(environment, signUp({ email: '   ' }))).toMatchObject({
      reason: 'invalid-email',
      problem: 'no-at-sign',
    });
  });

  it('confirms a self sign-up from an auto-confirm domain but never verifies its e-mail or phone, which nobody proved', () => {
    const environment = { AUTO_CONFIRM_EMAIL_DOMAINS: '*.acme.example', AUTO_VERIFY_PHONE: 'true' };
    // email_verified in a self sign-up's attributes is the user's own claim, not proof.
    const decision = decide(
      environment,
      signUp({ email: 'jane@eu.acme.example', email_verified: 'true', phone_number: '+12065550142' }),
    );
    expect(decision).toEqual({
      action: 'allow',
      reason: 'auto-confirmed',
      rule: { list: 'AUTO_CONFIRM_EMAIL_DOMAINS', entry: 0, match: 'subdomains' },
      response: { autoConfirmUser: true },
    });
  });

  it("verifies a federated user's phone with AUTO_VERIFY_PHONE only when the provider asserted it", () => {
    const environment = { AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example', AUTO_VERIFY_PHONE: 'true' };
    const flags = (config: Record<string, string>, extra: Record<string, string>) =>
      decide(
        config,
        signUp({ email: 'jane@acme.example', email_verified: 'true', ...extra }, 'PreSignUp_ExternalProvider'),
      );
    const phone = '+12065550142';
    expect(flags(environment, { phone_number: phone, phone_number_verified: 'true' })).toMatchObject({
      response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: true },
    });
    for (const [config, extra] of [
      [environment, { phone_number: phone }],
      [environment, { phone_number: phone, phone_number_verified: 'false' }],
      [environment, { phone_number_verified: 'true' }],
      [{ AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example' }, { phone_number: phone, phone_number_verified: 'true' }],
    ] as const) {
      expect(flags(config, extra), JSON.stringify([config, extra])).toMatchObject({
        reason: 'auto-confirmed',
        response: { autoConfirmUser: true, autoVerifyEmail: true },
      });
      expect(flags(config, extra)).not.toHaveProperty('response.autoVerifyPhone');
    }
  });

  it('does not let an auto-confirm entry get around the block-list or the allow-list', () => {
    expect(
      decide(
        { AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example', BLOCKED_EMAIL_DOMAINS: 'acme.example' },
        signUp({ email: 'jane@acme.example' }),
      ).reason,
    ).toBe('blocked-domain');
    expect(
      decide(
        { AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example', ALLOWED_EMAIL_DOMAINS: 'corp.example' },
        signUp({ email: 'jane@acme.example' }),
      ).reason,
    ).toBe('not-in-allow-list');
  });

  it('lets admin-created users through every list, unconfirmed, unless GATE_ADMIN_CREATED_USERS=true', () => {
    const environment = {
      ALLOWED_EMAIL_DOMAINS: 'acme.example',
      BLOCKED_EMAIL_DOMAINS: 'spam.example',
      AUTO_CONFIRM_EMAIL_DOMAINS: 'spam.example',
    };
    const event = signUp({ email: 'jane@spam.example' }, 'PreSignUp_AdminCreateUser');
    expect(decide(environment, event)).toEqual({ action: 'allow', reason: 'admin-bypass', response: {} });
    expect(decide(environment, signUp({}, 'PreSignUp_AdminCreateUser'), () => true)).toMatchObject({
      reason: 'admin-bypass',
    });
    expect(decide({ ...environment, GATE_ADMIN_CREATED_USERS: 'true' }, event).reason).toBe('blocked-domain');
  });

  it('sets no flags for a gated admin-created user of an auto-confirm domain, since Cognito ignores them there', () => {
    const environment = { AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example', GATE_ADMIN_CREATED_USERS: 'true' };
    expect(decide(environment, signUp({ email: 'jane@acme.example' }, 'PreSignUp_AdminCreateUser'))).toEqual({
      action: 'allow',
      reason: 'allowed',
      rule: { list: 'AUTO_CONFIRM_EMAIL_DOMAINS', entry: 0, match: 'exact' },
      detail: 'admin-created',
      response: {},
    });
  });

  it('gates federated users by the e-mail their provider sends', () => {
    const environment = { ALLOWED_EMAIL_DOMAINS: 'acme.example' };
    expect(
      decide(environment, signUp({ email: 'jane@gmail.example', email_verified: 'true' }, 'PreSignUp_ExternalProvider'))
        .reason,
    ).toBe('not-in-allow-list');
    expect(
      decide(environment, signUp({ email: 'jane@acme.example', email_verified: 'true' }, 'PreSignUp_ExternalProvider'))
        .action,
    ).toBe('allow');
    expect(decide(environment, signUp({ email: undefined }, 'PreSignUp_ExternalProvider')).reason).toBe(
      'missing-email',
    );
  });

  it('lets a federated user of an auto-confirm domain in, but verifies the e-mail only when the provider said "true"', () => {
    const environment = { AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example' };
    const federated = (emailVerified: string | undefined) =>
      signUp({ email: 'jane@acme.example', email_verified: emailVerified }, 'PreSignUp_ExternalProvider');
    for (const notAsserted of [undefined, '', 'false', 'FALSE', '0', 'no', '1', 'yes', 'verified', 'true!']) {
      expect(decide(environment, federated(notAsserted)), String(notAsserted)).toEqual({
        action: 'allow',
        reason: 'allowed',
        rule: { list: 'AUTO_CONFIRM_EMAIL_DOMAINS', entry: 0, match: 'exact' },
        detail: 'provider-email-unverified',
        response: {},
      });
    }
    // What Cognito sends, in any case, and the boolean of AWS's sample events.
    for (const asserted of ['true', 'TRUE', ' true ', true as unknown as string]) {
      expect(decide(environment, federated(asserted)), String(asserted)).toEqual({
        action: 'allow',
        reason: 'auto-confirmed',
        rule: { list: 'AUTO_CONFIRM_EMAIL_DOMAINS', entry: 0, match: 'exact' },
        response: { autoConfirmUser: true, autoVerifyEmail: true },
      });
    }
  });

  it('refuses a throw-away provider only when the disposable check is on, with the domain message', () => {
    const isDisposable = (domain: string) => domain === 'throwaway.example';
    expect(decide({}, signUp({ email: 'jane@throwaway.example' }), isDisposable)).toEqual({
      action: 'reject',
      reason: 'disposable',
      userMessage: REJECTION_MESSAGES.domain,
    });
    expect(decide({}, signUp({ email: 'jane@throwaway.example' })).action).toBe('allow');
  });

  it('lets a domain listed in the allow or auto-confirm list through even when the disposable list has it', () => {
    const everything = () => true;
    expect(
      decide({ ALLOWED_EMAIL_DOMAINS: 'acme.example' }, signUp({ email: 'jane@acme.example' }), everything).action,
    ).toBe('allow');
    expect(
      decide({ AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example' }, signUp({ email: 'jane@acme.example' }), everything).reason,
    ).toBe('auto-confirmed');
    expect(
      decide({ AUTO_CONFIRM_EMAIL_DOMAINS: 'acme.example' }, signUp({ email: 'jane@other.example' }), everything)
        .reason,
    ).toBe('disposable');
  });

  it('never puts the address or its domain into a message the user sees', () => {
    const environment = { ALLOWED_EMAIL_DOMAINS: 'acme.example', BLOCKED_EMAIL_DOMAINS: 'spam.example' };
    for (const email of ['jane@spam.example', 'jane@elsewhere.example', 'jane@', undefined]) {
      const decision = decide(environment, signUp({ email }));
      expect(decision.action).toBe('reject');
      if (decision.action === 'reject') expect(decision.userMessage).not.toMatch(/jane|spam|elsewhere|acme|@/);
    }
  });
});
