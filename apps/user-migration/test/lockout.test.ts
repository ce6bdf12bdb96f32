import { describe, expect, it } from 'vitest';
import { isLocked, reserveAttempt } from '../src/lockout';

const policy = { afterFailures: 5, maxSeconds: 900 };

describe('reserveAttempt', () => {
  it("allows four attempts freely, then waits 1 s, 2 s, 4 s … up to LOCKOUT_MAX_SECONDS, as Cognito's lockout does", () => {
    const waits = Array.from({ length: 16 }, (_, previous) => {
      const { lockedUntil } = reserveAttempt(previous, 0, policy);
      return lockedUntil === undefined ? 0 : lockedUntil / 1_000;
    });
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
  });

  it('stays finite for a counter far past the limit', () => {
    expect(reserveAttempt(1_000_000, 5, policy)).toEqual({ attempt: 1_000_001, lockedUntil: 900_005 });
  });
});

describe('isLocked', () => {
  it('is locked only strictly before the time set', () => {
    expect(isLocked(undefined, 10)).toBe(false);
    expect(isLocked(11, 10)).toBe(true);
    expect(isLocked(10, 10)).toBe(false);
  });
});
