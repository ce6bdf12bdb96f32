/**
 * How many sign-in attempts a legacy user gets before each one has to wait, modelled on
 * Cognito's own lockout (five failures, then waits from 1 s doubling up to about 15 minutes).
 *
 * @example
 * const policy: LockoutPolicy = { afterFailures: 5, maxSeconds: 900 };
 */
export interface LockoutPolicy {
  /** `LOCKOUT_AFTER_FAILURES`: attempts allowed without a wait. */
  readonly afterFailures: number;
  /** `LOCKOUT_MAX_SECONDS`: the longest wait. */
  readonly maxSeconds: number;
}

/**
 * What reserving the next attempt writes: the attempt's number and, from the `afterFailures`-th
 * attempt on, the time before which the one after it may not start. Written before the password is
 * checked (and cleared when it matches), so parallel guesses cannot all slip in before a failure
 * is counted.
 *
 * @example
 * reserveAttempt(4, 1_000_000, { afterFailures: 5, maxSeconds: 900 }); // { attempt: 5, lockedUntil: 1_001_000 }
 * reserveAttempt(0, 1_000_000, { afterFailures: 5, maxSeconds: 900 }); // { attempt: 1 }
 */
export function reserveAttempt(
  previousAttempts: number,
  now: number,
  policy: LockoutPolicy,
): { attempt: number; lockedUntil?: number } {
  const attempt = previousAttempts + 1;
  if (attempt < policy.afterFailures) return { attempt };
  // 1 s after the afterFailures-th attempt, doubling each time; the exponent is capped so it stays finite.
  const waitMs = Math.min(2 ** Math.min(attempt - policy.afterFailures, 30) * 1_000, policy.maxSeconds * 1_000);
  return { attempt, lockedUntil: now + waitMs };
}

/**
 * True while a wait set by {@link reserveAttempt} runs.
 *
 * @example
 * if (isLocked(record.lockedUntil, Date.now())) reject('locked');
 */
export function isLocked(lockedUntil: number | undefined, now: number): boolean {
  return lockedUntil !== undefined && lockedUntil > now;
}
