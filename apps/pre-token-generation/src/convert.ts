import type { ClaimValue } from '@cognito-triggers/trigger-core';
import type { ClaimType } from './mapping';

/**
 * Why an attribute's value could not become its claim; logged with the claim's name, never the value.
 *
 * @example
 * const reason: ConversionFailure = 'not-a-number';
 */
export type ConversionFailure =
  'not-a-number' | 'number-too-large' | 'not-a-boolean' | 'not-json' | 'not-a-claim-value';

/**
 * The claim value of an attribute, or why there is none.
 *
 * @example
 * const result: Conversion = convertAttribute('5', 'number'); // { ok: true, value: 5 }
 */
export type Conversion = { ok: true; value: ClaimValue } | { ok: false; reason: ConversionFailure };

// Decimal notation only: Number() alone would also take '', '0x1f', 'Infinity' and ' '.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_WORDS = new Set(['true', '1']);
const FALSE_WORDS = new Set(['false', '0']);

/**
 * Converts a user attribute (Cognito stores every attribute as a string) into a claim value of
 * the given type: real numbers and booleans, lists, or parsed JSON.
 *
 * @example
 * convertAttribute('many', 'number'); // { ok: false, reason: 'not-a-number' }
 * convertAttribute('TRUE', 'boolean'); // { ok: true, value: true }
 * convertAttribute('admin, billing', 'string[]'); // { ok: true, value: ['admin', 'billing'] }
 */
export function convertAttribute(raw: string, type: ClaimType): Conversion {
  switch (type) {
    case 'string':
      return { ok: true, value: raw };
    case 'number':
      return toNumber(raw.trim());
    case 'boolean':
      return toBoolean(raw.trim().toLowerCase());
    case 'string[]':
      return {
        ok: true,
        value: raw
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      };
    case 'json':
      return fromJson(raw);
  }
}

function toNumber(text: string): Conversion {
  if (!DECIMAL.test(text)) return { ok: false, reason: 'not-a-number' };
  const value = Number(text);
  // A token's reader would get a different number than the one stored.
  if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
    return { ok: false, reason: 'number-too-large' };
  }
  return { ok: true, value };
}

function toBoolean(text: string): Conversion {
  if (TRUE_WORDS.has(text)) return { ok: true, value: true };
  if (FALSE_WORDS.has(text)) return { ok: true, value: false };
  return { ok: false, reason: 'not-a-boolean' };
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number';
}

function fromJson(raw: string): Conversion {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  // What Cognito writes into a claim: a scalar, a list of scalars or an object (null is none of them).
  if (isScalar(value)) return { ok: true, value };
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return items.every(isScalar) ? { ok: true, value: items } : { ok: false, reason: 'not-a-claim-value' };
  }
  if (typeof value === 'object' && value !== null) return { ok: true, value: value as ClaimValue };
  return { ok: false, reason: 'not-a-claim-value' };
}
