import { TRIGGER_FAMILIES } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { FAMILY_NAMES } from '../src/families';
import { InputError, kebabCase, MAX_NAME_LENGTH, nameProblem, pascalCase, resolveFamily } from '../src/names';

describe('nameProblem', () => {
  it.each(['signup-gate', 'a', 'otp2-sender', 'pre-token-v3'])('accepts the kebab-case name %s', (name) => {
    expect(nameProblem(name)).toBeUndefined();
  });

  it.each([
    ['DemoGate', 'demo-gate'],
    ['demo_gate', 'demo-gate'],
    ['demo gate', 'demo-gate'],
    ['demoGate', 'demo-gate'],
  ])('refuses %s and suggests %s', (name, suggestion) => {
    expect(nameProblem(name)).toMatch(new RegExp(`is not kebab-case.*"${suggestion}"`));
  });

  it.each(['-gate', 'gate-', 'demo--gate', '2fa-gate', '@scope/gate', '../escape', 'apps/gate', 'gate.js', 'Gate'])(
    'refuses %s as not kebab-case',
    (name) => {
      expect(nameProblem(name)).toMatch(/is not kebab-case/);
    },
  );

  it('refuses an empty name and one longer than the limit', () => {
    expect(nameProblem('')).toMatch(/empty/);
    expect(nameProblem(`a${'-b'.repeat(MAX_NAME_LENGTH)}`)).toMatch(new RegExp(`keep it to ${MAX_NAME_LENGTH}`));
  });
});

describe('resolveFamily', () => {
  it('knows every family trigger-core types, in its registry order', () => {
    expect(FAMILY_NAMES).toEqual(Object.keys(TRIGGER_FAMILIES));
    expect(FAMILY_NAMES).toHaveLength(13);
    for (const family of FAMILY_NAMES) expect(resolveFamily(family)).toBe(family);
  });

  it('accepts any case and kebab or snake case', () => {
    expect(resolveFamily('preauthentication')).toBe('PreAuthentication');
    expect(resolveFamily('pre-authentication')).toBe('PreAuthentication');
    expect(resolveFamily('custom_sms_sender')).toBe('CustomSMSSender');
    expect(resolveFamily(kebabCase('VerifyAuthChallengeResponse'))).toBe('VerifyAuthChallengeResponse');
  });

  it('refuses an unknown family and lists the valid ones', () => {
    expect(() => resolveFamily('PreLogin')).toThrow(InputError);
    expect(() => resolveFamily('PreLogin')).toThrow(
      `unknown trigger family "PreLogin"; choose one of: ${FAMILY_NAMES.join(', ')}`,
    );
    expect(() => resolveFamily('')).toThrow(/no trigger family given/);
  });
});

describe('case helpers', () => {
  it('turns family names into folder names and app names into type names', () => {
    expect(FAMILY_NAMES.map(kebabCase)).toContain('custom-sms-sender');
    expect(kebabCase('PreTokenGeneration')).toBe('pre-token-generation');
    expect(pascalCase('signup-gate-2')).toBe('SignupGate2');
  });
});
