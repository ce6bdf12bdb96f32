import type { TriggerFamilyName } from '@cognito-triggers/trigger-core';
import { FAMILY_NAMES } from './families';

/**
 * Longest app name: it becomes a package name, a zip name, a log `service` and usually part of a Lambda name (64 characters at most).
 *
 * @example
 * if (name.length > MAX_NAME_LENGTH) return `the name "${name}" is ${name.length} characters long; keep it to ${MAX_NAME_LENGTH}`;
 */
export const MAX_NAME_LENGTH = 48;

const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * A problem with the user's input, reported as one clear message; nothing has been written when it is thrown.
 *
 * @example
 * throw new InputError('--family is required');
 */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Checks that an app name is kebab-case (lowercase letters and digits in words joined by single
 * hyphens, starting with a letter) and short enough. Returns the problem, or `undefined`.
 *
 * @example
 * nameProblem('DemoGate'); // 'the name "DemoGate" is not kebab-case: ...'
 */
export function nameProblem(name: string): string | undefined {
  if (name === '') return 'the name is empty; give the app a kebab-case name such as "signup-gate"';
  if (!KEBAB_CASE.test(name)) {
    const suggestion = toKebabCase(name);
    return (
      `the name "${name}" is not kebab-case: use lowercase letters and digits in words joined by single hyphens, starting with a letter` +
      (suggestion && KEBAB_CASE.test(suggestion) ? ` (for example "${suggestion}")` : '')
    );
  }
  if (name.length > MAX_NAME_LENGTH)
    return `the name "${name}" is ${name.length} characters long; keep it to ${MAX_NAME_LENGTH}`;
  return undefined;
}

/**
 * Resolves what a user typed to a family name: exact names, any case, and kebab or snake case
 * (`pre-authentication`, `custom_sms_sender`). Throws an {@link InputError} listing the valid names.
 *
 * @example
 * resolveFamily('pre-authentication'); // 'PreAuthentication'
 */
export function resolveFamily(input: string): TriggerFamilyName {
  const wanted = squash(input);
  const match = FAMILY_NAMES.find((family) => squash(family) === wanted);
  if (match && wanted !== '') return match;
  throw new InputError(
    `${input.trim() === '' ? 'no trigger family given' : `unknown trigger family "${input}"`}; choose one of: ${FAMILY_NAMES.join(', ')}`,
  );
}

/**
 * The PascalCase form of a kebab-case name, for type names.
 *
 * @example
 * pascalCase('signup-gate'); // 'SignupGate'
 */
export function pascalCase(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The kebab-case form of a family name, for folder and app names.
 *
 * @example
 * kebabCase('CustomSMSSender'); // 'custom-sms-sender'
 */
export function kebabCase(family: string): string {
  return toKebabCase(family);
}

function toKebabCase(text: string): string {
  return text
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

function squash(text: string): string {
  return text.replace(/[-_\s]/g, '').toLowerCase();
}
